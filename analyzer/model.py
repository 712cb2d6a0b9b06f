"""The data model: frozen dataclasses handed from stage to stage.

Every stage takes these objects and returns new ones; none is mutated in
place. The vocabulary follows ConvoKit: a *thread* holds *posts*, each written
by a *speaker* (``author``) and possibly replying to another post.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from analyzer.settings import Settings

PostKind = Literal["opinion", "news"]


@dataclass(frozen=True)
class Quote:
    """Material a post quotes from another post.

    Attributes:
        text: The quoted words.
        post_id: Id of the quoted post, where the markup gives it.
        author: Name of the quoted speaker, where the markup gives it.
    """

    text: str
    post_id: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Post:
    """One post of a thread.

    Attributes:
        id: The forum's own post id (digits only) or the 1-based position.
        position: 0-based order in the thread.
        author: The speaker's name, or None where the copy does not give it.
        timestamp: When the post was made (timezone-aware), or None.
        text: The author's own words, with quoted material removed.
        quotes: What the post quotes.
        reply_to: Id of the post this one answers, where the format says.
        kind: ``"opinion"``, or ``"news"`` for a pasted article.
        source: The file the post was read from.
    """

    id: str
    position: int
    author: str | None
    timestamp: datetime | None
    text: str
    quotes: tuple[Quote, ...] = ()
    reply_to: str | None = None
    kind: PostKind = "opinion"
    source: str | None = None


@dataclass(frozen=True)
class Skipped:
    """Something a parser saw but did not keep as a post."""

    reason: str
    preview: str
    source: str | None = None


@dataclass(frozen=True)
class Thread:
    """A thread: its posts in order, and what the parser left out."""

    id: str
    title: str | None
    engine: str
    url: str | None
    posts: tuple[Post, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Article:
    """A news article about the same event, with page chrome removed."""

    id: str
    title: str | None
    outlet: str | None
    date: str | None
    text: str
    source: str | None = None


@dataclass(frozen=True)
class RepostCluster:
    """Posts whose own words are (nearly) the same text.

    Attributes:
        id: 1-based cluster number, in order of first appearance.
        post_ids: Ids of the copies, in thread order.
        authors: Distinct authors of the copies (None where unknown).
        similarity: The lowest exact Jaccard similarity between a copy and
            the first copy.
        text_preview: The start of the first copy.
        containment: The lowest share of the shorter text's shingles found
            in the longer, between a copy and the first copy (None where not
            measured).
    """

    id: int
    post_ids: tuple[str, ...]
    authors: tuple[str | None, ...]
    similarity: float
    text_preview: str
    containment: float | None = None


def cluster_of(clusters: Sequence[RepostCluster]) -> dict[str, int]:
    """Map each clustered post id to its cluster id."""
    return {pid: c.id for c in clusters for pid in c.post_ids}


@dataclass(frozen=True)
class Stance:
    """A post's (or article's) stance toward one target.

    Attributes:
        post_id: The post or article id.
        target: The target's name.
        score: In [-1, 1]; negative is hostile, positive favourable.
        evidence: The sentences or clauses the score came from.
    """

    post_id: str
    target: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetSummary:
    """Stance toward one target, forum against news.

    Attributes:
        target: The target's name.
        forum: Mean over opinion posts, each repost cluster counted once.
        forum_naive: Mean over opinion posts, every copy counted.
        news: One figure per article id (None where it never mentions the target).
        forum_voices: How many voices ``forum`` averages.
        forum_posts: How many posts ``forum_naive`` averages.
        forum_interval: Bootstrap interval ``(low, high)`` of ``forum`` (see
            :mod:`analyzer.stance.intervals`), None for fewer than two voices.
    """

    target: str
    forum: float | None
    forum_naive: float | None
    news: tuple[tuple[str, float | None], ...]
    forum_voices: int = 0
    forum_posts: int = 0
    forum_interval: tuple[float, float] | None = None


@dataclass(frozen=True)
class TermScore:
    """A distinctive term with its log-odds z-score and counts."""

    term: str
    z: float
    forum_count: int
    news_count: int


@dataclass(frozen=True)
class ClaimMatch:
    """A news sentence and the forum sentence closest to it."""

    claim: str
    article_id: str
    post_id: str
    forum_text: str
    similarity: float
    verdict: Literal["echoed", "contested"]


@dataclass(frozen=True)
class Framing:
    """How forum opinion and each news article frame the event.

    Attributes:
        frames: Frame names, in settings order.
        forum: Share of each frame in forum opinion, as (frame, share).
        news: Per article id, the share of each frame.
        distinctive_forum: Terms most distinctive of the forum.
        distinctive_news: Terms most distinctive of the news.
        claims: News claims the forum echoes or contests.
    """

    frames: tuple[str, ...]
    forum: tuple[tuple[str, float], ...]
    news: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]
    distinctive_forum: tuple[TermScore, ...] = ()
    distinctive_news: tuple[TermScore, ...] = ()
    claims: tuple[ClaimMatch, ...] = ()

    def news_means(self) -> dict[str, float]:
        """Each frame's share averaged over the articles (empty without articles)."""
        if not self.news:
            return {}
        by_article = [dict(shares) for _, shares in self.news]
        return {name: math.fsum(shares.get(name, 0.0) for shares in by_article) / len(by_article)
                for name in self.frames}


@dataclass(frozen=True)
class Analysis:
    """Everything the report and the JSON output are rendered from.

    Attributes:
        thread: The thread, with pasted news marked.
        articles: The news articles it is compared with.
        clusters: Repost clusters.
        stances: Per-post stance toward each target a post mentions.
        article_stances: Per-article stance, with the article id as ``post_id``.
        summary: Stance per target, forum (deduplicated and naive) and news.
        framing: Frames, distinctive terms and claims.
        settings: The settings every stage ran with.
    """

    thread: Thread
    articles: tuple[Article, ...]
    clusters: tuple[RepostCluster, ...]
    stances: tuple[Stance, ...]
    article_stances: tuple[Stance, ...]
    summary: tuple[TargetSummary, ...]
    framing: Framing | None
    settings: Settings = field(repr=False)
