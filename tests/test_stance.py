"""Stance toward targets (analyzer.stance, analyzer.stance.rules)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.model import Article, Post, RepostCluster, Stance, Thread
from analyzer.settings import Settings, Target, load_settings
from analyzer.stance import score_articles, score_text, score_thread, summarise
from analyzer.stance.comparison import find_comparison
from analyzer.stance.rules import segments
from analyzer.stance.sentiment import polarity

SETTINGS = load_settings(preset="geopolitics")


def scores(text: str, settings: Settings = SETTINGS) -> dict[str, float]:
    return {s.target: s.score for s in score_text(text, "p1", settings)}


def evidence(text: str, target: str) -> tuple[str, ...]:
    found = [s for s in score_text(text, "p1", SETTINGS) if s.target == target]
    return found[0].evidence if found else ()


def post(pid: str, text: str, kind: str = "opinion") -> Post:
    return Post(id=pid, position=int(pid) - 1, author=f"u{pid}", timestamp=None,
                text=text, kind=kind)  # type: ignore[arg-type]


# --- sentences that name a target -------------------------------------------

def test_praise_and_scorn_of_a_named_target_get_their_sign():
    assert scores("Russia is a reliable and honest partner.")["russia"] > 0.3
    assert scores("Russia is treacherous and selfish.")["russia"] < -0.3


def test_stance_carries_post_id_target_and_evidence():
    (stance,) = score_text("Nothing to see here. China is wonderful.", "42", SETTINGS)
    assert stance == Stance(post_id="42", target="china", score=stance.score,
                            evidence=("China is wonderful.",))
    assert -1.0 <= stance.score <= 1.0


def test_target_not_mentioned_gets_no_stance():
    assert set(scores("China is wonderful.")) == {"china"}
    assert score_text("The weather is lovely today.", "p1", SETTINGS) == ()
    assert score_text("", "p1", SETTINGS) == ()


def test_score_is_mean_over_evidence_units():
    text = "Russia is wonderful. The weather is awful. Russia is terrible."
    stance = score_text(text, "p1", SETTINGS)[0]
    assert stance.evidence == ("Russia is wonderful.", "Russia is terrible.")
    one, = scores("Russia is wonderful.").values()
    two, = scores("Russia is terrible.").values()
    assert stance.score == pytest.approx((one + two) / 2)


@pytest.mark.parametrize(("text", "target"), [
    ("Moscow is a wonderful friend.", "russia"),
    ("Putin is a wise leader.", "russia"),
    ("The Kremlin is a wonderful friend.", "russia"),
    ("Russians are wonderful people.", "russia"),
    ("Beijing is a wonderful friend.", "china"),
    ("Americans are wonderful people.", "us"),
    ("Washington is a wonderful friend.", "us"),
    ("The US is a wonderful friend.", "us"),
])
def test_capitals_leaders_and_demonyms_stand_for_their_country(text, target):
    assert target in scores(text)
    assert scores(text)[target] > 0


def test_short_capital_alias_matches_only_in_capitals():
    assert "us" not in scores("Let us hope for the best.")


# --- joint mentions ---------------------------------------------------------

def test_joint_mention_of_russia_and_china_counts_for_partnership():
    found = scores("Russia and China work wonderfully together.")
    assert found["partnership"] > 0
    assert "partnership" not in scores("Russia is wonderful.")
    assert scores("The partnership is wonderful.")["partnership"] > 0


def test_rivals_set_against_each_other_are_not_a_joint_mention():
    assert "partnership" not in scores("China is far stronger than Russia.")


# --- clauses ------------------------------------------------------------------

def test_contrasting_clauses_score_their_own_targets():
    found = scores("Russia is a wonderful friend, but the US is a hostile bully.")
    assert found["russia"] > 0
    assert found["us"] < 0


def test_long_sentence_is_cut_at_causal_connective():
    text = ("The old American order was a short lived and miserable affair that nobody "
            "will miss thanks to the wonderful, brilliant and glorious rise of new powers "
            "across the whole wide world.")
    assert scores(text)["us"] < 0


def test_elliptical_clause_stays_with_its_target():
    assert scores("Putin is smart, but not trustworthy.")["russia"] < 0


def test_segments_keep_short_single_target_sentence_whole():
    (unit,) = segments("Great news, but Russia will betray us.", SETTINGS)
    assert unit.text == "Great news, but Russia will betray us."
    assert unit.names == frozenset({"russia"})


# --- comparisons ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "winner", "loser"), [
    ("Their alliance is far superior than the US and its allies.", None, "us"),
    ("China is far superior to America.", "china", "us"),
    ("China is stronger than the US.", "china", "us"),
    ("The US is weaker than China.", "china", "us"),
    ("The US is inferior to Russia.", "russia", "us"),
    ("Russia outclasses the Americans in hypersonics.", "russia", "us"),
    ("Washington can't compete with Beijing.", "china", "us"),
    ("America is no match for Russia.", "russia", "us"),
    ("The American empire couldn't outlast the Russian one.", "russia", "us"),
    ("China is not better than the US.", "us", "china"),
    ("Russia is more dangerous than China.", "china", "russia"),
])
def test_comparison_favours_the_winning_side_whatever_the_words_lean(text, winner, loser):
    found = scores(text)
    assert found[loser] < 0
    if winner is not None:
        assert found[winner] > 0


def test_no_better_than_disparages_both_sides():
    found = scores("Russia is no better than the US.")
    assert found["russia"] < 0 and found["us"] < 0


def test_comparison_words_need_valence_and_exclude_rather_than():
    lexicon = {"better": 1.9, "older": 0.0, "die": -2.6}
    assert find_comparison("Russia is older than the US.", lexicon) is None
    assert find_comparison("I would rather die than live there.", lexicon) is None
    assert find_comparison("It costs more than 100 dollars.", lexicon) is None
    found = find_comparison("Russia is better than the US.", lexicon)
    assert found is not None and found.winner == "left"
    assert found.side(0) == "left" and found.side(len("Russia is better than ")) == "right"


# --- scorn words ----------------------------------------------------------------

def test_scorn_word_attached_to_target_pulls_it_negative():
    assert scores("A great, happy day for Washington and its lackeys!")["us"] < 0
    assert scores("Japan is a wonderful, loyal US puppet.")["us"] < 0
    assert scores("The vassals of Moscow cheered happily.")["russia"] < 0


def test_negated_scorn_word_does_not_pull_negative():
    assert scores("Russia is not a vassal of anyone and is a wonderful friend.")["russia"] > 0


def test_scorn_word_far_from_target_is_not_attached():
    text = "Russia is a wonderful friend, and everyone knows who the many loud lackeys are."
    assert scores(text)["russia"] > 0


# --- pronouns -------------------------------------------------------------------

def test_following_sentence_with_back_pronoun_counts_for_previous_target():
    text = "Russia signed the deal. They are treacherous liars."
    assert evidence(text, "russia") == ("Russia signed the deal.", "They are treacherous liars.")
    assert scores(text)["russia"] < 0


def test_singular_pronoun_after_several_targets_is_not_carried():
    text = "Russia and China met. It was a disaster."
    assert evidence(text, "china") == ("Russia and China met.",)


def test_pronoun_is_not_carried_across_paragraphs_or_twice():
    assert evidence("Russia signed.\n\nThey are liars.", "russia") == ("Russia signed.",)
    text = "Russia signed. They are liars. They are thieves."
    assert evidence(text, "russia") == ("Russia signed.", "They are liars.")


# --- threads, articles, aggregates ----------------------------------------------

def test_score_thread_scores_every_post_including_pasted_news():
    thread = Thread(id="t", title=None, engine="test", url=None, posts=(
        post("1", "Russia is wonderful."),
        post("2", "Moscow announced a wonderful agreement.", kind="news"),
        post("3", "Nothing about anyone."),
    ))
    found = score_thread(thread, SETTINGS)
    assert [(s.post_id, s.target) for s in found] == [("1", "russia"), ("2", "russia")]


def test_score_articles_uses_article_id():
    article = Article(id="000_abc", title="T", outlet=None, date=None,
                      text="China hailed the wonderful talks.")
    (stance,) = score_articles([article], SETTINGS)
    assert (stance.post_id, stance.target) == ("000_abc", "china")


def test_repost_cluster_counts_once_in_forum_but_every_copy_in_naive():
    hostile = "Russia is treacherous and selfish. Never trust Russia."
    thread = Thread(id="t", title=None, engine="test", url=None, posts=(
        post("1", hostile), post("2", hostile), post("3", hostile),
        post("4", "Russia is a wonderful, reliable friend."),
        post("5", "Russia is a wonderful, glorious, brilliant friend.", kind="news"),
    ))
    cluster = RepostCluster(id=1, post_ids=("1", "2", "3"), authors=("u1", "u2", "u3"),
                            similarity=1.0, text_preview=hostile)
    article = Article(id="a1", title=None, outlet=None, date=None, text="Russia said hello.")
    silent = Article(id="a2", title=None, outlet=None, date=None, text="Nothing here.")
    stances = score_thread(thread, SETTINGS)
    summary = summarise(thread, [cluster], stances, score_articles([article, silent], SETTINGS),
                        [article, silent], SETTINGS)
    russia = next(s for s in summary if s.target == "russia")
    by_post = {s.post_id: s.score for s in stances}
    assert russia.forum_posts == 4 and russia.forum_voices == 2
    assert russia.forum_naive == pytest.approx((3 * by_post["1"] + by_post["4"]) / 4)
    assert russia.forum == pytest.approx((by_post["1"] + by_post["4"]) / 2)
    assert russia.forum_naive < russia.forum
    assert [a for a, _ in russia.news] == ["a1", "a2"]
    assert russia.news[1][1] is None
    assert [s.target for s in summary] == [t.name for t in SETTINGS.targets]
    china = next(s for s in summary if s.target == "china")
    assert china.forum is None and china.forum_naive is None and china.forum_voices == 0


def test_news_posts_are_left_out_of_forum_figures():
    thread = Thread(id="t", title=None, engine="test", url=None, posts=(
        post("1", "China is a wonderful friend.", kind="news"),
    ))
    (china,) = [s for s in summarise(thread, [], score_thread(thread, SETTINGS), [], [],
                                     SETTINGS) if s.target == "china"]
    assert china.forum is None and china.forum_posts == 0 and china.news == ()


def test_custom_targets_from_settings_are_used():
    settings = Settings(targets=(Target("acme", "Acme", ("Acme", "ACME Corp")),),
                        lexicon=SETTINGS.lexicon)
    assert set(scores("Acme is a wonderful company; Russia is not.", settings)) == {"acme"}


@given(st.text(alphabet=st.sampled_from(list("Russia China US but than superior lapdogs "
                                             "they it. ,;:!?\n")), max_size=200))
def test_scores_stay_in_range_and_name_known_targets(text):
    names = {t.name for t in SETTINGS.targets}
    for stance in score_text(text, "p", SETTINGS):
        assert -1.0 <= stance.score <= 1.0
        assert stance.target in names
        assert stance.evidence


def test_text_not_in_english_gets_no_stance():
    german = "Die Übungen über dem Pazifik zeigen, dass Russland und China enger zusammenarbeiten."
    assert score_text(german, "1", SETTINGS) == ()
    assert score_text("China is a great partner.", "2", SETTINGS)


def test_short_english_post_with_few_function_words_still_gets_a_stance():
    text = "Washington's military aid saved Kyiv in 2022. Credit where it's due."
    assert [s.target for s in score_text(text, "1", SETTINGS)] == ["us"]


# --- mentions: longest match, generic words of a joint target -------------------

def test_compound_alias_of_joint_target_is_not_a_mention_of_its_parts():
    found = scores("The Russia-China partnership is a wonderful thing.")
    assert set(found) == {"partnership"}
    assert set(scores("Sino-Russian ties are wonderful.")) == {"partnership"}


def test_generic_partnership_word_owned_by_another_actor_is_not_the_partnership():
    assert "partnership" not in scores("The US alliance system is wonderful.")
    assert "partnership" not in scores("NATO's alliance is wonderful.")
    assert "partnership" not in scores("The old Triple Alliance was wonderful.")
    assert "partnership" not in scores("Japan praised American cooperation.")
    assert "partnership" in scores("The Russia-China alliance is wonderful.")


def test_generic_partnership_word_needs_both_parts_or_no_other_actor_nearby():
    assert "partnership" in scores("The alliance is wonderful.")
    assert "partnership" in scores("Russia and China met.\nThe alliance is wonderful.")
    assert "partnership" not in scores("America met Japan. The alliance is wonderful.")


# --- clauses at colons and dashes --------------------------------------------------

def test_colon_and_dash_always_cut_so_the_target_clause_counts():
    assert scores("Great news: the US got humiliated again.")["us"] < 0
    assert scores("Wonderful day — Russia lost another ship and looks pathetic.")["russia"] < 0


# --- pronouns and fragments ----------------------------------------------------------

def test_contracted_pronoun_refers_back():
    text = "Russia signed the deal. They've been treacherous liars ever since."
    assert len(evidence(text, "russia")) == 2


def test_verbless_comment_counts_for_the_lone_target_before_it():
    assert scores("The Kremlin held a parade. Pathetic.")["russia"] < 0
    assert scores("China launched a new ship. Excellent work.")["china"] > 0
    assert evidence("Russia held a parade. The weather is awful.", "russia") == (
        "Russia held a parade.",)


def test_carried_pronoun_stands_in_for_the_mention_in_a_comparison():
    assert scores("The US economy is large. It keeps outgrowing every rival.")["us"] > 0


# --- lexicon: forum scorn and praise, subject-matter words ------------------------------

@pytest.mark.parametrize("text", [
    "Their new fighter is vapourware.",
    "That navy is a joke.",
    "Their army is a paper tiger.",
    "The whole programme is a laughing stock.",
    "These generals are clowns.",
    "The whole thing is pure theatre.",
])
def test_forum_scorn_scores_negative(text):
    assert polarity(text, SETTINGS) < 0


def test_forum_praise_and_neutral_hardware():
    assert polarity("Their navy punches above its weight.", SETTINGS) > 0
    assert polarity("Two new destroyers were commissioned.", SETTINGS) == 0
    assert polarity("The strike fighters flew a war game.", SETTINGS) == 0
    assert polarity("They signed a friendship treaty.", SETTINGS) == 0


# --- comparisons by tone -------------------------------------------------------------------

def test_compared_to_gives_the_clause_tone_to_the_subject_and_its_reverse_to_the_foil():
    found = scores("Russia's army is pathetic compared to the PLA.")
    assert found["russia"] < 0 < found["china"]
    assert "partnership" not in found


def test_unlike_gives_the_foil_the_reverse_tone():
    found = scores("Unlike America, China is honest and peaceful.")
    assert found["china"] > 0 > found["us"]
    found = scores("China, unlike America, is honest and peaceful.")
    assert found["china"] > 0 > found["us"]


def test_adjective_equal_is_not_a_comparison():
    assert find_comparison("There is nothing equal about it.", {"equal": 0.0}) is None


# --- contrast, questions, asides ----------------------------------------------------------

def test_neutral_clause_contrasted_with_a_polar_one_takes_the_reverse_tone():
    found = scores("The American economy keeps adding jobs while China's economy collapses.")
    assert found["china"] < 0 < found["us"]
    found = scores("Russia talks big, but China builds ships.")
    assert found["russia"] < 0 < found["china"]


def test_information_question_scores_zero():
    assert scores("Does anyone know how many great ships China has?")["china"] == 0
    assert scores("How does the Russia-China partnership handle disputes?")["partnership"] == 0


def test_rhetorical_question_asserts_the_opposite():
    assert scores("Who in their right mind would buy Russian jets?")["russia"] < 0
    assert scores("Who needs Chinese loans?")["china"] < 0
    assert scores("Has the Pentagon ever finished a program on budget?")["us"] < 0
    assert scores("Has anyone ever seen the Pentagon's budget?")["us"] == 0


def test_reported_opinion_aside_is_left_out():
    assert scores("The US isn't in decline, whatever the doom merchants say.")["us"] > 0
    assert scores("Russia is reliable, no matter what the critics claim.")["russia"] > 0


def test_post_about_one_target_takes_the_post_tone_when_its_mention_is_neutral():
    text = "Russia sent two bombers over the sea today. Pathetic show. Nobody is scared of it."
    (stance,) = score_text(text, "1", SETTINGS)
    assert stance.target == "russia" and stance.score < -0.05


def test_posts_about_two_targets_keep_their_own_evidence():
    text = "China sent two bombers and the US sent a carrier. What a wonderful, happy day."
    scores = {s.target: s.score for s in score_text(text, "1", SETTINGS)}
    assert set(scores) == {"china", "us"}
    assert all(abs(v) < 0.05 for v in scores.values())
