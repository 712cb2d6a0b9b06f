"""Framing: how forum opinion and each news article frame the same event.

Three comparisons, all over forum *opinion* (posts of kind ``"opinion"``,
each repost cluster counted once, as one voice):

1. **Frame shares.** Matches of each frame's terms (``settings.frames``)
   are counted in the forum's pooled opinion text and in each article (title
   and text), in one pass of one pattern per frame, so in time linear in the
   text. A frame's share is its hits over all frame hits in that text. A text
   with fewer than :data:`MIN_FRAME_HITS` hits gets no shares (None): one
   or two terms make a "100%" that says nothing.
2. **Distinctive terms**, forum against news, by log-odds with an informative
   Dirichlet prior (see :mod:`analyzer.framing.terms`).
3. **Claims** the forum echoes or contests (see :mod:`analyzer.framing.claims`).

It also measures how far the news dates lie from the thread's
(:mod:`analyzer.framing.dates`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.framing.claims import match_claims
from analyzer.framing.dates import date_gap
from analyzer.framing.hits import FrameCounter
from analyzer.framing.terms import count_terms, distinctive_terms
from analyzer.model import Article, FrameHits, FrameShares, Framing, Post, RepostCluster, Thread
from analyzer.parallel import collector_paused
from analyzer.settings import Settings

TOP_TERMS = 15
MIN_FRAME_HITS = 10
"""Fewest frame-term hits a text needs for its frame shares to be given.

With ten hits one term moves a share by ten points; with fewer, a share is
mostly the accident of which word a writer chose.
"""


def compare(thread: Thread, articles: Sequence[Article], clusters: Sequence[RepostCluster],
            settings: Settings) -> Framing:
    """Compare the framing of forum opinion with that of the news articles.

    Args:
        thread: The thread, with pasted news already marked ``kind="news"``.
        articles: News articles about the same event (may be empty).
        clusters: Repost clusters; each counts once, through its first
            opinion post.
        settings: Supplies the frames and the targets.

    Returns:
        Frame hits and shares for the forum and each article, the terms most
        distinctive of each side, the news claims the forum echoes or
        contests, and the gap between the news and thread dates. With no
        articles, only the forum's frame hits and shares are filled.
    """
    with collector_paused():  # framing's containers form no cycles
        return _compare(thread, articles, clusters, settings)


def _compare(thread: Thread, articles: Sequence[Article], clusters: Sequence[RepostCluster],
             settings: Settings) -> Framing:
    """:func:`compare`, with the collector paused."""
    frames = tuple(frame.name for frame in settings.frames)
    counter = FrameCounter(settings.frames)  # frame_hits' counts, in one pass
    voices = opinion_voices(thread, clusters)
    forum_hits = counter.hits("\n\n".join(post.text for post in voices))
    if not articles:
        return Framing(frames=frames, forum=frame_shares(forum_hits), news=(),
                       forum_hits=forum_hits, min_hits=MIN_FRAME_HITS)
    news_hits = tuple((article.id, counter.hits(_article_text(article)))
                      for article in articles)
    forum_terms, news_terms = distinctive_terms(
        count_terms(post.text for post in voices),
        count_terms(_article_text(article) for article in articles),
        top=TOP_TERMS,
    )
    return Framing(
        frames=frames,
        forum=frame_shares(forum_hits),
        news=tuple((aid, frame_shares(hits)) for aid, hits in news_hits),
        distinctive_forum=forum_terms,
        distinctive_news=news_terms,
        claims=match_claims(voices, articles, settings),
        forum_hits=forum_hits,
        news_hits=news_hits,
        min_hits=MIN_FRAME_HITS,
        dates=date_gap(thread, articles),
    )


def opinion_voices(thread: Thread, clusters: Sequence[RepostCluster]) -> tuple[Post, ...]:
    """Return the opinion posts, keeping only the first opinion copy of each repost cluster."""
    cluster_of = {post_id: cluster.id for cluster in clusters for post_id in cluster.post_ids}
    seen: set[int] = set()
    voices = []
    for post in thread.posts:
        if post.kind != "opinion" or not post.text.strip():
            continue
        cluster = cluster_of.get(post.id)
        if cluster is not None:
            if cluster in seen:
                continue
            seen.add(cluster)
        voices.append(post)
    return tuple(voices)


def frame_hits(text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> FrameHits:
    """Count each frame's term matches in ``text``, in the given order."""
    return tuple((name, sum(1 for _ in pattern.finditer(text))) for name, pattern in patterns)


def frame_shares(hits: FrameHits, floor: int = MIN_FRAME_HITS) -> FrameShares:
    """Each frame's share of all frame hits, or None for every frame under ``floor`` hits."""
    total = sum(count for _, count in hits)
    if total < max(floor, 1):
        return tuple((name, None) for name, _ in hits)
    return tuple((name, round(count / total, 4)) for name, count in hits)


def _article_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}" if article.title else article.text
