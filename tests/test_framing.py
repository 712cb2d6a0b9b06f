"""Framing: frame hits and shares, distinctive terms, news claims and news dates."""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from analyzer.framing import (
    compare,
    date_gap,
    frame_hits,
    frame_shares,
    match_claims,
    opinion_voices,
)
from analyzer.framing.claims import _proper_nouns
from analyzer.framing.frames import MIN_FRAME_HITS
from analyzer.framing.terms import count_terms, distinctive_terms
from analyzer.model import Article, Post, RepostCluster, Thread
from analyzer.settings import Frame, Target, default_settings
from analyzer.text import compile_terms

SETTINGS = replace(
    default_settings(),
    targets=(Target("brazil", "Brazil", ("Brazil", "Brazilian*", "Brasilia")),
             Target("argentina", "Argentina", ("Argentina", "Argentine*", "Buenos Aires"))),
    frames=(Frame("economy", "Economy", ("trade", "tariff*", "customs union")),
            Frame("conflict", "Conflict", ("dispute*", "threat*")),
            Frame("law", "Law", ("treaty", "court")),
            Frame("health", "Health", ("hospital*",))),
)
PATTERNS = [(f.name, compile_terms(f.terms)) for f in SETTINGS.frames]

CLAIM = "Brazil rejected any plan for a customs union with Argentina."
NEWS_TEXT = (
    f"{CLAIM} Officials in Brasilia described the talks as routine and friendly. The "
    "ministers met for two days in a hotel near the coast, and the trade ministry published "
    "a short summary of the meeting afterwards. Analysts in Lima said the meeting showed "
    "growing economic coordination between the two governments."
)


def post(pid: str, text: str, kind: str = "opinion", stamp: datetime | None = None) -> Post:
    return Post(id=pid, position=int(pid) - 1, author=f"u{pid}", timestamp=stamp, text=text,
                kind=kind)  # type: ignore[arg-type]


def thread(*posts: Post) -> Thread:
    return Thread(id="t", title=None, engine="test", url=None, posts=tuple(posts))


def article(text: str = NEWS_TEXT, aid: str = "a1", day: str | None = None) -> Article:
    return Article(id=aid, title=None, outlet=None, date=day, text=text)


def claims_for(*forum_texts: str, news: str = NEWS_TEXT):
    forum = thread(*(post(str(n + 1), text) for n, text in enumerate(forum_texts)))
    return match_claims(opinion_voices(forum, ()), [article(news)], SETTINGS)


# --- Frame hits and shares ----------------------------------------------------------------


def test_frame_hits_count_each_frames_terms_in_settings_order():
    text = "Trade, tariffs and a customs union; a trade dispute went to court."
    assert frame_hits(text, PATTERNS) == (("economy", 4), ("conflict", 1), ("law", 1),
                                          ("health", 0))


def test_shares_at_the_floor_sum_to_one_and_carry_their_hits():
    hits = (("economy", 6), ("conflict", 3), ("law", 1), ("health", 0))
    shares = dict(frame_shares(hits, floor=10))
    assert shares == {"economy": 0.6, "conflict": 0.3, "law": 0.1, "health": 0.0}


def test_no_share_is_given_under_the_floor_so_one_term_never_makes_100_percent():
    assert MIN_FRAME_HITS == 10
    one = frame_shares((("economy", 1), ("conflict", 0)))
    assert one == (("economy", None), ("conflict", None))
    assert frame_shares((("economy", 9), ("conflict", 0))) == (("economy", None),
                                                               ("conflict", None))
    assert frame_shares((("economy", 0), ("conflict", 0)), floor=0) == (("economy", None),
                                                                        ("conflict", None))


def test_compare_stores_hits_the_floor_and_hides_shares_of_a_thin_text():
    forum = thread(post("1", "The trade dispute is a threat, and the tariffs too."))
    framing = compare(forum, [article()], (), SETTINGS)
    assert framing.min_hits == MIN_FRAME_HITS
    assert framing.forum_hits == (("economy", 2), ("conflict", 2), ("law", 0), ("health", 0))
    assert all(share is None for _, share in framing.forum)
    (aid, hits), = framing.news_hits
    assert aid == "a1" and dict(hits)["economy"] == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        _set_collector(enabled)
        forum = thread(post("1", "The economy and the budget matter. Taxes rose."))
        compare(forum, [article()], (), SETTINGS)
        assert gc.isenabled() is enabled
    finally:
        _set_collector(was)


def _set_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_text_with_enough_hits_gets_shares():
    text = " ".join(["Trade and tariffs.", "A trade dispute.", "The court and the treaty."] * 2)
    framing = compare(thread(post("1", text)), [], (), SETTINGS)
    assert sum(n for _, n in framing.forum_hits) == 12
    assert dict(framing.forum) == {"economy": 0.5, "conflict": pytest.approx(1 / 6, abs=1e-4),
                                   "law": pytest.approx(1 / 3, abs=1e-4), "health": 0.0}


def test_repost_cluster_counts_once_in_forum_hits():
    copy = "Trade, trade and more trade: tariffs everywhere."
    forum = thread(post("1", copy), post("2", "A dispute."), post("3", copy), post("4", copy))
    cluster = RepostCluster(id=1, post_ids=("1", "3", "4"), authors=("u1", "u3", "u4"),
                            similarity=1.0, text_preview=copy)
    assert dict(compare(forum, [], [cluster], SETTINGS).forum_hits)["economy"] == 4
    assert dict(compare(forum, [], [], SETTINGS).forum_hits)["economy"] == 12
    assert [p.id for p in opinion_voices(forum, [cluster])] == ["1", "2"]


def test_pasted_news_posts_are_left_out_of_forum_hits():
    forum = thread(post("1", "A dispute."), post("2", "Trade and tariffs.", kind="news"))
    assert compare(forum, [], [], SETTINGS).forum_hits == (
        ("economy", 0), ("conflict", 1), ("law", 0), ("health", 0))


def test_without_articles_only_the_forum_side_is_filled():
    framing = compare(thread(post("1", "Trade is good.")), [], [], SETTINGS)
    assert framing.news == framing.news_hits == ()
    assert framing.distinctive_forum == framing.distinctive_news == framing.claims == ()
    assert framing.dates is None


# --- Distinctive terms --------------------------------------------------------------------


def test_term_used_only_in_the_forum_is_forum_distinctive_with_its_counts():
    forum_text = " ".join(["The lapdogs of the empire bark again, those lapdogs always do."] * 4
                          + ["The weather near the coast was fine, I suppose."])
    framing = compare(thread(post("1", forum_text)), [article()], (), SETTINGS)
    forum_terms = {t.term: t for t in framing.distinctive_forum}
    assert forum_terms["lapdogs"].z > 0
    assert forum_terms["lapdogs"].forum_count == 8 and forum_terms["lapdogs"].news_count == 0
    assert framing.distinctive_forum[0].z >= framing.distinctive_forum[-1].z
    assert all(t.z < 0 for t in framing.distinctive_news)
    assert "meeting" in {t.term for t in framing.distinctive_news}


def test_distinctive_terms_show_the_most_common_surface_form():
    forum = count_terms(["allies allies ally " * 10 + "word " * 10])
    news = count_terms(["treaty treaty signed " * 10 + "word " * 10])
    forum_side, news_side = distinctive_terms(forum, news)
    assert forum_side[0].term == "allies" and forum_side[0].forum_count == 30
    assert news_side[0].term == "treaty"


def test_too_little_text_gives_no_distinctive_terms():
    assert distinctive_terms(count_terms(["short text"]), count_terms([NEWS_TEXT])) == ((), ())


# --- Claims: actors and predicate -----------------------------------------------------------


def test_forum_sentence_with_the_claims_actors_and_predicate_echoes_it():
    (match,) = claims_for("Yes, Brazil rejected the customs union plan with Argentina. "
                          "I like pizza.")
    assert match.claim == CLAIM
    assert (match.article_id, match.post_id) == ("a1", "1")
    assert match.forum_text == "Yes, Brazil rejected the customs union plan with Argentina."
    assert match.verdict == "echoed"
    assert match.actors == ("argentina", "brazil")
    assert set(match.predicate) >= {"reject", "plan", "custom", "union"}
    assert match.similarity >= 0.3


def test_same_predicate_without_the_claims_actors_is_not_an_echo():
    assert claims_for("They rejected any plan for a customs union, as everyone expected.") == ()


def test_same_actors_with_another_predicate_are_not_an_echo():
    assert claims_for("Brazil and Argentina play football on weekends in the park.") == ()


def test_one_shared_word_of_vocabulary_is_not_an_echo():
    news = "Brazil signed a strategic agreement on energy and ports with Argentina."
    assert claims_for("Brazil has a strategic mindset and good football.", news=news) == ()


def test_named_entities_beyond_the_targets_are_actors():
    news = "Analysts in Lima said Peru would join the regional trade treaty next year."
    (match,) = claims_for("So Peru will join the regional trade treaty, fine by me.", news=news)
    assert match.actors == ("peru",)
    assert {"join", "region", "trade", "treati"} <= set(match.predicate)


def test_forum_sentence_negating_a_news_claim_is_contested():
    (match,) = claims_for("Brazil never rejected a customs union plan with Argentina.")
    assert match.claim == CLAIM and match.verdict == "contested"


def test_opposite_polarity_on_the_same_claim_is_contested():
    news = "Brazil and Argentina called the trade talks a great success."
    (match,) = claims_for("The trade talks between Brazil and Argentina were a terrible "
                          "failure.", news=news)
    assert match.verdict == "contested"


def test_questions_and_short_sentences_are_not_claims():
    news = "Did Brazil reject a customs union with Argentina? Brazil said no."
    assert claims_for("Brazil rejected the customs union with Argentina, clearly.",
                      news=news) == ()


def test_claims_are_sorted_by_similarity_with_one_match_per_forum_sentence():
    news = (f"{CLAIM} Argentina announced new tariffs on Brazilian steel imports this week.")
    claims = claims_for("Brazil rejected the plan for a customs union with Argentina.",
                        "Argentina put new tariffs on Brazilian steel imports, they say.",
                        news=news)
    assert len(claims) == 2
    assert claims[0].similarity >= claims[1].similarity
    assert len({c.forum_text for c in claims}) == len({c.claim for c in claims}) == 2


def test_compare_leaves_its_inputs_unchanged_and_repeats_exactly():
    forum = thread(post("1", "Trade is good but the dispute is a threat."))
    articles = [article()]
    before = (forum, list(articles))
    first = compare(forum, articles, (), SETTINGS)
    assert (forum, articles) == before
    assert compare(forum, articles, (), SETTINGS) == first


# --- News dates against the thread's ------------------------------------------------------


def stamped(pid: str, day: date) -> Post:
    return post(pid, "Trade is good.", stamp=datetime(day.year, day.month, day.day, 12,
                                                      tzinfo=UTC))


def test_news_months_before_the_thread_is_far_and_gives_both_dates():
    forum = thread(stamped("1", date(2020, 12, 22)), stamped("2", date(2020, 12, 30)))
    gap = date_gap(forum, [article(day="2019-07-30"), article(aid="a2", day="2019-07-24")])
    assert gap is not None and gap.far
    assert (gap.news_first, gap.news_last) == (date(2019, 7, 24), date(2019, 7, 30))
    assert (gap.thread_first, gap.thread_last) == (date(2020, 12, 22), date(2020, 12, 30))
    assert gap.days == (date(2020, 12, 22) - date(2019, 7, 30)).days
    assert gap.thread_source == "posts" and gap.limit_days == 90


def test_news_from_the_same_weeks_as_the_thread_is_not_far():
    forum = thread(stamped("1", date(2021, 3, 1)), stamped("2", date(2021, 3, 20)))
    gap = date_gap(forum, [article(day="2021-02-10"), article(aid="a2", day="2021-03-05")])
    assert gap is not None and gap.days == 0 and not gap.far
    assert date_gap(forum, [article(day="2020-12-01")]).days == 90  # at the limit: not far
    assert not date_gap(forum, [article(day="2020-12-01")]).far


def test_undated_posts_take_the_date_of_the_news_pasted_into_the_thread():
    pasted = post("1", "Brazil and Argentina talk trade\n\nPublished Tuesday, December 22, "
                       "2020 12:39PM EST\n\nThe ministers met on Monday.", kind="news")
    gap = date_gap(thread(pasted, post("2", "Trade is good.")),
                   [article(day="2019-07-30"), article(aid="a2")])
    assert gap is not None and gap.far
    assert gap.thread_first == gap.thread_last == date(2020, 12, 22)
    assert gap.thread_source == "pasted news" and gap.undated_articles == 1


def test_no_gap_without_a_dated_article_or_a_dated_thread():
    assert date_gap(thread(stamped("1", date(2021, 3, 1))), [article()]) is None
    assert date_gap(thread(post("1", "Trade is good.")), [article(day="2021-03-01")]) is None


def test_a_headline_capitalising_every_word_makes_no_names():
    news = ("Trade War Looms Over Southern Ports\n\n"
            "Brazil rejected any plan for a customs union with Argentina. The war of words "
            "over tariffs went on.")
    names = _proper_nouns([news])
    assert "war" not in names and "looms" not in names
    assert "argentina" in names
