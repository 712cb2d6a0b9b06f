"""The data model: frozen dataclasses handed from stage to stage.

Every stage takes these objects and returns new ones; none is mutated in
place. The vocabulary follows ConvoKit: a *thread* holds *posts*, each written
by a *speaker* (``author``) and possibly replying to another post.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
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
    """A thread: its posts in order, and what the parser left out.

    Attributes:
        post_markers: The post numbers the pages' markup marks (element ids
            such as ``p123`` or ``post_123``), whatever the parser made of
            them; None where the input has no such marks. Posts kept plus
            skipped well short of these were lost without a reason.
    """

    id: str
    title: str | None
    engine: str
    url: str | None
    posts: tuple[Post, ...]
    skipped: tuple[Skipped, ...] = ()
    post_markers: tuple[str, ...] | None = None
    layout: str | None = None  # plain-text copies: the copy profile that fitted

    def unaccounted(self) -> int:
        """How many marked posts are neither kept nor skipped, when that is well short.

        Returns:
            The number missing, or 0 when the posts kept and skipped reach
            :data:`ACCOUNTED_SHARE` of :attr:`post_markers`, when only one is
            missing, or when the input marks no posts.
        """
        return shortfall(self.post_markers, len(self.posts) + len(self.skipped))


ACCOUNTED_SHARE = 0.8
"""The share of a page's post markers that must be kept or skipped."""


def shortfall(markers: Sequence[str] | None, seen: int) -> int:
    """How many marked posts are neither kept nor skipped, when that is well short.

    Args:
        markers: The page's post numbers (None: the input has no markers).
        seen: Posts kept plus posts skipped.

    Returns:
        The number missing, or 0 when ``seen`` reaches
        :data:`ACCOUNTED_SHARE` of the markers or only one is missing.
    """
    if not markers:
        return 0
    missing = len(markers) - seen
    return missing if missing >= 2 and seen < ACCOUNTED_SHARE * len(markers) else 0


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


StanceVia = Literal["mention", "topic", "rival"]


@dataclass(frozen=True)
class Stance:
    """A post's (or article's) stance toward one target.

    Attributes:
        post_id: The post or article id.
        target: The target's name.
        score: In [-1, 1]; negative is hostile, positive favourable.
        evidence: The sentences or clauses the score came from.
        via: How the text reached the target: ``"mention"`` (it names it),
            ``"rival"`` (it speaks only of the target's rivals, with the sign
            reversed) or ``"topic"`` (it names no target, and speaks of the
            thread's topic).
    """

    post_id: str
    target: str
    score: float
    evidence: tuple[str, ...] = ()
    via: StanceVia = "mention"


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
        forum_interval: Interval ``(low, high)`` of ``forum`` by the method
            in ``Analysis.method.interval`` (see
            :mod:`analyzer.stance.intervals`), None with fewer voices than
            that method's minimum.
    """

    target: str
    forum: float | None
    forum_naive: float | None
    news: tuple[tuple[str, float | None], ...]
    forum_voices: int = 0
    forum_posts: int = 0
    forum_interval: tuple[float, float] | None = None


@dataclass(frozen=True)
class IntervalMethod:
    """How the forum stance intervals are made, so a report can state it.

    The defaults are the method :mod:`analyzer.stance.intervals` uses.

    Attributes:
        name: The method's name as a report writes it.
        level: Nominal coverage of each interval.
        min_voices: Fewest voices that get an interval; below it a report
            says "too few voices".
        description: One sentence on what the interval assumes.
    """

    name: str = "Student t"
    level: float = 0.9
    min_voices: int = 3
    description: str = ("mean of the voices ± the t quantile with n − 1 degrees of freedom "
                        "times their standard error; it assumes the voices are independent "
                        "draws, roughly normal")


@dataclass(frozen=True)
class TermScore:
    """A distinctive term with its log-odds z-score and counts."""

    term: str
    z: float
    forum_count: int
    news_count: int


@dataclass(frozen=True)
class ClaimMatch:
    """A news claim and the forum sentence that takes it up.

    Attributes:
        claim: The news sentence.
        article_id: The article it is from.
        post_id: The forum post the matching sentence is from.
        forum_text: The forum sentence.
        similarity: Cosine similarity of their weighted content words.
        verdict: ``"echoed"`` or ``"contested"``.
        actors: The claim's actors the forum sentence names too (target
            names, or the lower-cased names of other named entities).
        predicate: The claim's predicate words (content words other than
            its actors) the forum sentence shares, as stems.
    """

    claim: str
    article_id: str
    post_id: str
    forum_text: str
    similarity: float
    verdict: Literal["echoed", "contested"]
    actors: tuple[str, ...] = ()
    predicate: tuple[str, ...] = ()


FrameHits = tuple[tuple[str, int], ...]
"""Frame-term hits in one text, per frame name, in settings order."""
FrameShares = tuple[tuple[str, float | None], ...]
"""Each frame's share of a text's frame-term hits; None for every frame of a
text with fewer hits than the floor (:attr:`Framing.min_hits`)."""


@dataclass(frozen=True)
class DateGap:
    """How far the news articles' dates lie from the thread's.

    Attributes:
        news_first: Earliest article date.
        news_last: Latest article date.
        thread_first: Earliest date of the thread.
        thread_last: Latest date of the thread.
        thread_source: Where the thread's dates come from: ``"posts"`` (post
            timestamps) or ``"pasted news"`` (the dateline of news pasted
            into the thread, when no post carries a timestamp; the thread
            is no older than what it quotes).
        days: Days between the two spans (0 where they overlap).
        undated_articles: Articles whose date is unknown.
        far: True when ``days`` is above the stated limit.
        limit_days: The limit.
    """

    news_first: date
    news_last: date
    thread_first: date
    thread_last: date
    thread_source: Literal["posts", "pasted news"]
    days: int
    undated_articles: int
    far: bool
    limit_days: int


@dataclass(frozen=True)
class Framing:
    """How forum opinion and each news article frame the event.

    Attributes:
        frames: Frame names, in settings order.
        forum: Share of each frame in forum opinion, as (frame, share); None
            shares when forum opinion has fewer frame-term hits than ``min_hits``.
        news: Per article id, the share of each frame (None likewise).
        distinctive_forum: Terms most distinctive of the forum.
        distinctive_news: Terms most distinctive of the news.
        claims: News claims the forum echoes or contests.
        forum_hits: Frame-term hits per frame in forum opinion.
        news_hits: Per article id, frame-term hits per frame.
        min_hits: Fewest frame-term hits a text needs for its shares to be
            given (the floor).
        dates: How far the news dates lie from the thread's, where both are known.
    """

    frames: tuple[str, ...]
    forum: FrameShares
    news: tuple[tuple[str, FrameShares], ...]
    distinctive_forum: tuple[TermScore, ...] = ()
    distinctive_news: tuple[TermScore, ...] = ()
    claims: tuple[ClaimMatch, ...] = ()
    forum_hits: FrameHits = ()
    news_hits: tuple[tuple[str, FrameHits], ...] = ()
    min_hits: int = 0
    dates: DateGap | None = None

    def news_means(self) -> dict[str, float]:
        """Each frame's share averaged over the articles that have shares (empty if none)."""
        by_article = [dict(shares) for _, shares in self.news
                      if any(share is not None for _, share in shares)]
        if not by_article:
            return {}
        return {name: math.fsum(shares.get(name) or 0.0 for shares in by_article)
                / len(by_article) for name in self.frames}


@dataclass(frozen=True)
class NewsVerdict:
    """Why a post was (or was not) taken for pasted news.

    Attributes:
        post_id: The post.
        is_news: The verdict.
        containment: Highest share of the post's shingles found in one
            supplied article, in [0, 1].
        article_id: That article, if any shingle matched.
        article_title: That article's title, where it has one.
        reads_like_article: The news-register test's verdict (masthead or
            attribution, long third-person prose).
    """

    post_id: str
    is_news: bool
    containment: float
    article_id: str | None
    article_title: str | None
    reads_like_article: bool


@dataclass(frozen=True)
class LshBanding:
    """The banding of the repost index, and its expected error rates.

    Attributes:
        bands: Number of bands ``b``.
        rows: Rows per band ``r``.
        false_positive: Expected share of pairs below the threshold that
            become candidates (exact Jaccard then removes them).
        false_negative: Expected share of pairs above the threshold that
            never become candidates.
    """

    bands: int
    rows: int
    false_positive: float
    false_negative: float


@dataclass(frozen=True)
class MethodFacts:
    """Facts about how the stages worked, for the report's method section and the JSON.

    Attributes:
        lsh: The repost index's banding and error rates.
        interval: How the forum's stance intervals were made.
        neutral_band: Stance scores closer to 0 than this read as neutral.
    """

    lsh: LshBanding
    interval: IntervalMethod
    neutral_band: float


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
        method: Facts about how the stages worked (LSH banding, interval
            method, neutral band).
        news_verdicts: Why each pasted-news post was taken for news, in
            thread order.
    """

    thread: Thread
    articles: tuple[Article, ...]
    clusters: tuple[RepostCluster, ...]
    stances: tuple[Stance, ...]
    article_stances: tuple[Stance, ...]
    summary: tuple[TargetSummary, ...]
    framing: Framing | None
    settings: Settings = field(repr=False)
    method: MethodFacts
    news_verdicts: tuple[NewsVerdict, ...] = ()
