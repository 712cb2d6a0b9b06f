"""Framing: frame shares, distinctive terms and news claims, forum against news."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzer.framing import compare, frame_shares, match_claims, opinion_voices
from analyzer.framing.terms import count_terms, distinctive_terms
from analyzer.model import Article, Post, RepostCluster, Thread
from analyzer.settings import Frame, load_settings
from analyzer.text import compile_terms

SETTINGS = replace(load_settings(preset="geopolitics"), frames=(
    Frame("cooperation", "Cooperation", ("cooperat*", "partner*")),
    Frame("threat", "Threat", ("threat*", "bomber*")),
    Frame("law", "Law", ("international law",)),
    Frame("stability", "Stability", ("third countr*",)),
))

CLAIM = "The ministry said the patrol was not directed against any third country."
NEWS_TEXT = (
    f"{CLAIM} Officials described the flight as routine cooperation between partners. "
    "The bombers stayed in international airspace over the sea during the whole flight, "
    "and the defence ministry published the route of the patrol afterwards. Analysts in "
    "Tokyo said the exercise showed growing military coordination between the two air forces."
)


def post(pid: str, text: str, kind: str = "opinion") -> Post:
    return Post(id=pid, position=int(pid) - 1, author=f"u{pid}", timestamp=None, text=text,
                kind=kind)


def thread(*posts: Post) -> Thread:
    return Thread(id="t", title=None, engine="test", url=None, posts=tuple(posts))


def article(text: str = NEWS_TEXT, aid: str = "a1", title: str | None = None) -> Article:
    return Article(id=aid, title=title, outlet=None, date=None, text=text)


def shares(result: tuple[tuple[str, float], ...]) -> dict[str, float]:
    return dict(result)


def test_frame_shares_sum_to_one_in_settings_order():
    forum = thread(post("1", "Cooperation is nice, but the bombers are a threat to everyone."))
    framing = compare(forum, [article()], (), SETTINGS)
    assert framing.frames == ("cooperation", "threat", "law", "stability")
    assert [name for name, _ in framing.forum] == list(framing.frames)
    assert sum(share for _, share in framing.forum) == pytest.approx(1.0, abs=1e-3)
    (article_id, news), = framing.news
    assert article_id == "a1"
    assert sum(share for _, share in news) == pytest.approx(1.0, abs=1e-3)
    assert shares(framing.forum) == {"cooperation": pytest.approx(1 / 3, abs=1e-3),
                                     "threat": pytest.approx(2 / 3, abs=1e-3), "law": 0.0,
                                     "stability": 0.0}


def test_text_without_frame_terms_has_all_zero_shares():
    patterns = [(f.name, compile_terms(f.terms)) for f in SETTINGS.frames]
    assert frame_shares("Nothing to see here.", patterns) == (
        ("cooperation", 0.0), ("threat", 0.0), ("law", 0.0), ("stability", 0.0))


def test_repost_cluster_counts_once_in_forum_shares():
    copy = "Real cooperation between real partners, that is what this is."
    forum = thread(post("1", copy), post("2", "The bombers are a threat."), post("3", copy),
                   post("4", copy))
    cluster = RepostCluster(id=1, post_ids=("1", "3", "4"), authors=("u1", "u3", "u4"),
                            similarity=1.0, text_preview=copy)
    deduplicated = shares(compare(forum, [], [cluster], SETTINGS).forum)
    naive = shares(compare(forum, [], [], SETTINGS).forum)
    assert deduplicated["cooperation"] == pytest.approx(2 / 4)
    assert naive["cooperation"] == pytest.approx(6 / 8)
    assert [p.id for p in opinion_voices(forum, [cluster])] == ["1", "2"]


def test_pasted_news_posts_are_left_out_of_forum_opinion():
    forum = thread(post("1", "The bombers are a threat."),
                   post("2", "Cooperation and partnership, the ministry said.", kind="news"))
    assert shares(compare(forum, [], [], SETTINGS).forum)["threat"] == 1.0


def test_without_articles_only_the_forum_side_is_filled():
    framing = compare(thread(post("1", "Cooperation is good.")), [], [], SETTINGS)
    assert framing.news == ()
    assert framing.distinctive_forum == framing.distinctive_news == framing.claims == ()


def test_term_used_only_in_the_forum_is_forum_distinctive():
    forum_text = " ".join(["The lapdogs of the empire bark again, those lapdogs always do."] * 4
                          + ["The patrol over the sea was fine, I suppose."])
    forum = thread(post("1", forum_text))
    framing = compare(forum, [article()], (), SETTINGS)
    forum_terms = {t.term: t for t in framing.distinctive_forum}
    assert "lapdogs" in forum_terms
    assert forum_terms["lapdogs"].z > 0
    assert forum_terms["lapdogs"].forum_count == 8 and forum_terms["lapdogs"].news_count == 0
    assert framing.distinctive_forum[0].z >= framing.distinctive_forum[-1].z
    assert all(t.z < 0 for t in framing.distinctive_news)
    assert "lapdogs" not in {t.term for t in framing.distinctive_news}
    assert "ministry" in {t.term for t in framing.distinctive_news}


def test_distinctive_terms_show_the_most_common_surface_form():
    forum = count_terms(["allies allies ally " * 10 + "word " * 10])
    news = count_terms(["treaty treaty signed " * 10 + "word " * 10])
    forum_side, news_side = distinctive_terms(forum, news)
    assert forum_side[0].term == "allies" and forum_side[0].forum_count == 30
    assert news_side[0].term == "treaty"


def test_too_little_text_gives_no_distinctive_terms():
    assert distinctive_terms(count_terms(["short text"]), count_terms([NEWS_TEXT])) == ((), ())


def test_forum_paraphrase_of_a_news_claim_is_echoed():
    forum = thread(post("1", "Sure, the patrol was not directed against a third country. "
                             "I like pizza."))
    (match,) = compare(forum, [article()], (), SETTINGS).claims
    assert match.claim == CLAIM
    assert (match.article_id, match.post_id) == ("a1", "1")
    assert match.forum_text == "Sure, the patrol was not directed against a third country."
    assert match.verdict == "echoed"
    assert match.similarity >= 0.3


def test_forum_sentence_negating_a_news_claim_is_contested():
    forum = thread(post("7", "Of course the patrol was directed against a third country."))
    (match,) = compare(forum, [article()], (), SETTINGS).claims
    assert match.claim == CLAIM and match.post_id == "7"
    assert match.verdict == "contested"


def test_opposite_polarity_on_the_same_claim_is_contested():
    news = article("Analysts praised the excellent and friendly cooperation between the two "
                   "air forces as a wonderful success.")
    forum = thread(post("1", "The cooperation between the two air forces is a terrible, "
                             "pathetic failure."))
    (match,) = match_claims(opinion_voices(forum, ()), [news], SETTINGS)
    assert match.verdict == "contested"


def test_unrelated_forum_sentences_match_no_claim():
    forum = thread(post("1", "My cat prefers tuna to chicken on most weekdays."))
    assert compare(forum, [article()], (), SETTINGS).claims == ()


def test_claims_are_sorted_by_similarity_with_one_match_per_forum_sentence():
    forum = thread(
        post("1", "The patrol was not directed against any third country, the ministry said."),
        post("2", "Analysts said it showed military coordination between the air forces."),
    )
    claims = compare(forum, [article()], (), SETTINGS).claims
    assert len(claims) == 2
    assert claims[0].similarity >= claims[1].similarity
    assert len({c.forum_text for c in claims}) == len({c.claim for c in claims}) == 2


def test_questions_and_short_sentences_are_not_claims():
    news = article("Was the patrol directed against a third country? Russia said no.")
    forum = thread(post("1", "The patrol was directed against a third country, clearly."))
    assert compare(forum, [news], (), SETTINGS).claims == ()


def test_compare_leaves_its_inputs_unchanged_and_repeats_exactly():
    forum = thread(post("1", "Cooperation is good but the bombers are a threat."))
    articles = [article()]
    before = (forum, list(articles))
    first = compare(forum, articles, (), SETTINGS)
    assert (forum, articles) == before
    assert compare(forum, articles, (), SETTINGS) == first
