"""Targets that fit the thread: actors found in it, variants grouped, title topic."""

from __future__ import annotations

from analyzer.model import Post, Thread
from analyzer.pipeline import analyse
from analyzer.report.comparison import method
from analyzer.settings import Settings, load_settings
from analyzer.stance.actors import MIN_VOICES, find_actors, resolve_targets

GEO_KEYS = {"russia", "china", "us", "united_states", "partnership"}


def thread(*texts: str, title: str | None = None, authors: list[str] | None = None) -> Thread:
    names = authors or [f"user{n}" for n in range(len(texts))]
    return Thread(id="t", title=title, engine="jsonl", url=None, posts=tuple(
        Post(id=str(n + 1), position=n, author=names[n], timestamp=None, text=text)
        for n, text in enumerate(texts)))


def test_variants_of_a_country_are_one_actor_named_by_several_voices():
    found = find_actors(thread(
        "The sanctions on Russia are not working at all.",
        "I think the Kremlin is bluffing again.",
        "Moscow will never agree to that deal.",
        "Honestly the Russians have been clever about it.",
    ))
    assert [t.name for t in found] == ["russia"]
    assert {"Russia", "Kremlin", "Moscow", "Russians", "Russian"} <= set(found[0].aliases)


def test_a_short_name_joins_the_full_name_it_is_part_of():
    found = find_actors(thread(
        "I watched Hillary Clinton speak yesterday.",
        "Frankly I think Clinton won that debate.",
        "Nobody expected Clinton to be so calm.",
    ))
    assert [(t.name, t.label) for t in found] == [("hillary_clinton", "Hillary Clinton")]


def test_an_actor_named_by_too_few_voices_is_no_target():
    texts = ["The United States has a new plan."] * MIN_VOICES
    same_author = thread(*texts, authors=["ann"] * MIN_VOICES)
    assert find_actors(same_author) == ()


def test_anime_thread_shows_no_stance_toward_countries_or_a_partnership():
    analysis = analyse(thread(
        "Episode 12 was all about friendship and Tanjiro made me cry.",
        "The friendship between Tanjiro and Zenitsu carries the whole arc.",
        "Watched it dubbed, the Japanese voice acting is better though.",
        "Tanjiro deserved that win. Best episode of the season.",
        "My cousin in America says it is huge over there.",
        title="Demon Slayer episode 12 discussion",
    ))
    assert not {s.target for s in analysis.stances} & GEO_KEYS
    assert [t.name for t in analysis.settings.targets] == ["tanjiro"]


def test_grief_thread_mentioning_china_once_has_no_target():
    analysis = analyse(thread(
        "I lost my mum last week and I don't know how to carry on.",
        "So sorry for your loss. Be gentle with yourself.",
        "My husband is away on business in China and I feel so alone.",
        "Sending love. It does get easier, slowly.",
        title="Coping with grief",
    ))
    assert analysis.settings.targets == () and analysis.stances == ()


def test_cooking_thread_adjectives_make_no_country_an_actor():
    assert find_actors(thread(
        "American cheese melts best on a burger, fight me.",
        "Proper American pancakes need buttermilk.",
        "I prefer Chinese takeaway to any of this.",
        "American breakfast is a heart attack on a plate.",
    )) == ()


def test_title_naming_one_target_makes_it_the_topic():
    settings = resolve_targets(thread("Anything.", title="Is Russia bluffing?"),
                               load_settings(preset="geopolitics"))
    assert (settings.topic, settings.topic_from) == ("russia", "the thread title")


def test_title_naming_two_targets_sets_no_topic_unless_they_form_a_joint_one():
    geo = load_settings(preset="geopolitics")
    two = resolve_targets(thread("x", title="Russia and the US talk"), geo)
    joint = resolve_targets(thread("x", title="Russian and Chinese bombers fly together"), geo)
    assert two.topic is None and joint.topic == "partnership"


def test_configured_topic_is_kept_over_the_title():
    settings = load_settings(preset="geopolitics", topic="China")
    assert resolve_targets(thread("x", title="Russia news"), settings).topic == "china"


def test_method_section_says_where_targets_came_from_and_how_to_set_them():
    analysis = analyse(thread("Nothing to see.", title=None), (), Settings())
    text = method(analysis)
    assert "found in the thread" in text and "--preset NAME" in text and "--topic" in text


def test_actor_the_title_names_even_by_adjective_needs_two_naming_voices():
    texts = ("Russian pilots flew well today.", "I doubt the Russian air force can keep up.",
             "Nothing to do with anything.")
    assert find_actors(thread(*texts, title="Russian bombers over the Pacific")) == ()
    found = find_actors(thread(*texts, "Moscow wants attention.", "Russia is bluffing.",
                               title="Russian bombers over the Pacific"))
    assert [t.name for t in found] == ["russia"]


def test_an_adjective_in_the_title_makes_no_topic_of_a_found_actor():
    analysis = analyse(thread(
        "The United States has the best league.", "I moved to America for the football.",
        "Washington has a decent team too.", "Nothing beats a US stadium on game day.",
        title="Best American football teams"))
    assert [t.name for t in analysis.settings.targets] == ["united_states"]
    assert analysis.settings.topic is None


def test_topic_option_alone_joins_the_actors_found_in_the_thread():
    texts = ("I think Russia is bluffing.", "Russia will never agree.", "The Kremlin lies.")
    same = resolve_targets(thread(*texts), load_settings(topic="Russia"))
    assert [t.name for t in same.targets] == ["russia"] and same.topic == "russia"
    other = resolve_targets(thread(*texts), load_settings(topic="Sanctions"))
    assert [t.name for t in other.targets] == ["sanctions", "russia"]
    assert other.topic == "sanctions"


def test_shouting_in_capitals_is_no_actor_but_acronyms_are():
    found = find_actors(thread(
        "WHAT AN ABSOLUTE DISGRACEFUL SHAMBLES. NATO should act.",
        "ABSOLUTE SHAMBLES from start to finish, NATO too.",
        "TOTAL SHAMBLES and NATO did nothing.",
    ))
    assert [t.name for t in found] == ["nato"]


def test_a_long_thread_on_another_subject_passes_over_a_country_few_posts_name():
    texts = [f"Battery life on my phone is fine after update {n}." for n in range(37)]
    texts += ["They are all assembled in China anyway.", "China makes the screens.",
              "Shipping from China took a week."]
    analysis = analyse(thread(*texts, title="Phone battery after the update"))
    assert not {s.target for s in analysis.stances} & GEO_KEYS
