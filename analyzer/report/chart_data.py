"""What each chart shows, computed from an :class:`~analyzer.model.Analysis`.

Every chart is drawn in two steps: a function here computes its data as a
small frozen dataclass, and :mod:`analyzer.report.charts` draws it. Tests
check the data, not the pixels. Nothing here imports matplotlib.

Text that comes from posts, articles or the configuration (author names,
outlets, labels) passes through :func:`chart_text`, which puts it on one
line and shortens it; the drawing turns matplotlib's mathtext off, so a
name such as ``$x$`` is drawn as the four characters it is.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from analyzer.model import Analysis, Post, cluster_of

MAX_TICKS = 15
"""Most post numbers labelled on a thread axis."""
LABEL_CHARS = 24
"""Longest author or outlet name on a chart, in characters."""
MAX_REPOST_ROWS = 20
"""Most repost clusters drawn (the most copied first)."""
MAX_TIMELINE_POINTS = 300
"""Most dots on one line of the stance-along-the-thread chart; past it, runs are averaged."""
TIMELINE_BINS = 100
"""Points per line of a binned stance-along-the-thread chart, about."""
_NICE_STEPS = (1, 2, 5)


@dataclass(frozen=True)
class Chart:
    """A drawn chart.

    Attributes:
        slug: File stem (``stance-by-target``).
        title: The chart's title.
        alt: A description for readers who cannot see the image.
        png: The image.
    """

    slug: str
    title: str
    alt: str
    png: bytes


@dataclass(frozen=True)
class ChartLink:
    """Where the report finds a chart: its slug, URL and alternative text."""

    slug: str
    url: str
    alt: str


@dataclass(frozen=True)
class Series:
    """One set of bars: a value per category, with optional intervals.

    Attributes:
        name: Legend label.
        kind: ``"forum"``, ``"forum_naive"`` or ``"news"``.
        values: One value per category; None where there is none.
        intervals: One ``(low, high)`` per category (None where there is
            none), or empty when the series has no intervals.
    """

    name: str
    kind: str
    values: tuple[float | None, ...]
    intervals: tuple[tuple[float, float] | None, ...] = ()


@dataclass(frozen=True)
class StanceByTargetData:
    """Stance per target: forum deduplicated, forum naive and each news source."""

    targets: tuple[str, ...]
    series: tuple[Series, ...]
    level: float
    interval: str


@dataclass(frozen=True)
class TimelinePoint:
    """One post's stance toward one target.

    Attributes:
        x: The post's 1-based number, or its timestamp on a time axis.
        post: The post's 1-based number.
        score: Its stance.
        repost: Whether the post is a copy of a comment posted more than once.
    """

    x: int | datetime
    post: int
    score: float
    repost: bool


@dataclass(frozen=True)
class TimelineLine:
    """A target's stance, post by post."""

    target: str
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True)
class StanceTimelineData:
    """Stance along the thread, one line per target.

    Attributes:
        lines: One line per target that opinion posts mention.
        by_time: Whether ``x`` is a timestamp (every scored post has one).
        x_label: The x axis title.
        posts: Number of posts in the thread.
        ticks: Post numbers to label on a position axis (empty by time).
        news: Where the pasted news posts stand (post numbers, or timestamps).
        binned: Scored posts averaged into each point, when a line has more
            than :data:`MAX_TIMELINE_POINTS` posts (a rolling view); 0 when
            every post is its own point.
    """

    lines: tuple[TimelineLine, ...]
    by_time: bool
    x_label: str
    posts: int
    ticks: tuple[int, ...]
    news: tuple[int | datetime, ...] = ()
    binned: int = 0


@dataclass(frozen=True)
class FrameSharesData:
    """Share of each frame: forum opinion, then each news source."""

    frames: tuple[str, ...]
    series: tuple[Series, ...]
    too_few: tuple[str, ...] = ()


@dataclass(frozen=True)
class RepostRow:
    """Where one cluster's copies fall in the thread.

    Attributes:
        cluster: The cluster id.
        label: Row label (``Cluster 1: 3 copies``).
        posts: The copies' 1-based post numbers.
        authors: The copies' authors, shortened (``unknown`` where the copy
            does not say).
    """

    cluster: int
    label: str
    posts: tuple[int, ...]
    authors: tuple[str, ...]


@dataclass(frozen=True)
class RepostMapData:
    """Repost clusters along the thread.

    Attributes:
        rows: One row per cluster drawn, in cluster order.
        posts: Number of posts in the thread.
        ticks: Post numbers to label.
        hidden: Clusters left out (beyond :data:`MAX_REPOST_ROWS`).
    """

    rows: tuple[RepostRow, ...]
    posts: int
    ticks: tuple[int, ...]
    hidden: int


UNKNOWN_AUTHOR = "unknown"


def chart_text(text: str | None, limit: int = LABEL_CHARS) -> str:
    """Put untrusted text on one line, drop control characters and shorten it.

    Args:
        text: An author name, outlet, label...
        limit: Longest result, in characters; longer text is cut with "…".
    """
    clean = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
                    for ch in text or "")
    flat = " ".join(clean.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit - 1].rstrip() + "…"


def thin_ticks(posts: int, max_ticks: int = MAX_TICKS) -> tuple[int, ...]:
    """Post numbers to label on an axis of ``posts`` posts: 1, then every step.

    The step is 1, 2, 5, 10, 20, 50... , the smallest that keeps the labels
    to ``max_ticks``.
    """
    if posts <= max_ticks:
        return tuple(range(1, posts + 1))
    steps = (s * 10 ** k for k in range(12) for s in _NICE_STEPS)
    step = next(s for s in steps if s > 1 and 1 + posts // s <= max_ticks)
    return (1, *range(step, posts + 1, step))


def news_names(analysis: Analysis) -> tuple[str, ...]:
    """One short, distinct name per article: its outlet, else its id."""
    names: list[str] = []
    for article in analysis.articles:
        name = chart_text(article.outlet or article.id) or "article"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return tuple(names)


def _label(analysis: Analysis, target: str) -> str:
    return chart_text(analysis.settings.target(target).label, 40)


def stance_by_target(analysis: Analysis) -> StanceByTargetData | None:
    """Stance per target, forum (deduplicated with intervals, naive) and each news source.

    Returns:
        The data, or None when no target has a figure anywhere.
    """
    summaries = [s for s in analysis.summary
                 if s.forum is not None or s.forum_naive is not None
                 or any(v is not None for _, v in s.news)]
    if not summaries:
        return None
    series = [
        Series("Forum, each repost once", "forum", tuple(s.forum for s in summaries),
               tuple(s.forum_interval for s in summaries)),
        Series("Forum, every copy", "forum_naive", tuple(s.forum_naive for s in summaries)),
    ]
    for index, name in enumerate(news_names(analysis)):
        series.append(Series(name, "news", tuple(s.news[index][1] for s in summaries)))
    return StanceByTargetData(
        targets=tuple(_label(analysis, s.target) for s in summaries),
        series=tuple(series),
        level=analysis.method.interval.level,
        interval=analysis.method.interval.name,
    )


def _opinion(analysis: Analysis) -> list[Post]:
    return [p for p in analysis.thread.posts if p.kind == "opinion"]


def stance_timeline(analysis: Analysis) -> StanceTimelineData | None:
    """Each opinion post's stance toward each target, in thread order or by time.

    The x axis is time when every scored opinion post has a timestamp and
    they are not all the same; otherwise it is the post number.

    Returns:
        The data, or None when no opinion post mentions a target.
    """
    opinion = _opinion(analysis)
    scores = {(s.post_id, s.target): s.score for s in analysis.stances}
    clustered = set(cluster_of(analysis.clusters))
    names = {t.name for t in analysis.settings.targets}
    with_stance = {s.post_id for s in analysis.stances if s.target in names}
    scored = [p for p in opinion if p.id in with_stance]
    if not scored:
        return None
    stamps = {p.timestamp for p in scored}
    by_time = None not in stamps and len(stamps) > 1
    found = []  # each target's points as (x, post, score, repost), made into points once binned
    for target in analysis.settings.targets:
        points = [(_x(p, by_time), p.position + 1, scores[(p.id, target.name)],
                   p.id in clustered)
                  for p in scored if (p.id, target.name) in scores]
        if points:
            found.append((_label(analysis, target.name), points))
    longest = max(len(points) for _, points in found)
    binned = math.ceil(longest / TIMELINE_BINS) if longest > MAX_TIMELINE_POINTS else 0
    lines = [TimelineLine(label, _bin(points, binned) if binned
                          else tuple(TimelinePoint(*point) for point in points))
             for label, points in found]
    posts = len(analysis.thread.posts)
    return StanceTimelineData(
        lines=tuple(lines),
        by_time=by_time,
        x_label="Posted (UTC)" if by_time else "Post number in the thread",
        posts=posts,
        ticks=() if by_time else thin_ticks(posts),
        news=tuple(_x(p, by_time) for p in analysis.thread.posts
                   if p.kind == "news" and (p.timestamp or not by_time)),
        binned=binned,
    )


def _bin(points: Sequence[tuple[int | datetime, int, float, bool]],
         size: int) -> tuple[TimelinePoint, ...]:
    """Average each run of ``size`` consecutive points into one, placed at the run's middle.

    Points come as ``(x, post, score, repost)``. An averaged point stands
    for many posts, so none is marked as a repost.
    """
    out = []
    for start in range(0, len(points), size):
        run = points[start:start + size]
        x, post, _, _ = run[len(run) // 2]
        out.append(TimelinePoint(x=x, post=post,
                                 score=math.fsum(p[2] for p in run) / len(run),
                                 repost=False))
    return tuple(out)


def _x(post: Post, by_time: bool) -> int | datetime:
    return post.timestamp if by_time and post.timestamp else post.position + 1


def frame_shares(analysis: Analysis) -> FrameSharesData | None:
    """Share of each frame in forum opinion and in each news article.

    A text with too few frame-term hits for shares (``Framing.min_hits``) is
    left out of the bars and named in ``too_few``.

    Returns:
        The data, or None when framing was not measured, forum opinion has
        too few frame terms, or no text uses a frame.
    """
    framing = analysis.framing
    if framing is None or not framing.frames:
        return None
    labels = {f.name: chart_text(f.label, 40) for f in analysis.settings.frames}
    forum = dict(framing.forum)
    if all(forum.get(name) is None for name in framing.frames):
        return None
    news = dict(framing.news)
    series = [Series("Forum opinion", "forum", tuple(forum.get(name) for name in framing.frames))]
    too_few = []
    for article, name in zip(analysis.articles, news_names(analysis), strict=True):
        shares = dict(news.get(article.id, ()))
        values = tuple(shares.get(frame) for frame in framing.frames)
        if all(v is None for v in values):
            too_few.append(name)
        else:
            series.append(Series(name, "news", values))
    if not any(v for s in series for v in s.values):
        return None
    return FrameSharesData(frames=tuple(labels.get(n, chart_text(n)) for n in framing.frames),
                           series=tuple(series), too_few=tuple(too_few))


def repost_map(analysis: Analysis) -> RepostMapData | None:
    """Where each repost cluster's copies fall in the thread, and who posted them.

    Returns:
        The data, or None when no comment was posted more than once.
    """
    if not analysis.clusters:
        return None
    by_id = {p.id: p for p in analysis.thread.posts}
    shown = sorted(analysis.clusters, key=lambda c: (-len(c.post_ids), c.id))[:MAX_REPOST_ROWS]
    rows = []
    for cluster in sorted(shown, key=lambda c: c.id):
        copies = [by_id[pid] for pid in cluster.post_ids if pid in by_id]
        authors = tuple(chart_text(p.author) or UNKNOWN_AUTHOR for p in copies)
        named = {a for a in authors if a != UNKNOWN_AUTHOR}
        who = (f", {len(named)} author{'s' if len(named) != 1 else ''}" if named else "")
        rows.append(RepostRow(
            cluster=cluster.id,
            label=f"Cluster {cluster.id}: {len(copies)} copies{who}",
            posts=tuple(p.position + 1 for p in copies),
            authors=authors,
        ))
    posts = len(analysis.thread.posts)
    return RepostMapData(rows=tuple(rows), posts=posts, ticks=thin_ticks(posts),
                         hidden=len(analysis.clusters) - len(shown))


def axis_limits(posts: int) -> tuple[float, float]:
    """X limits of a post-number axis: half a post beyond each end."""
    return 0.5, max(posts, 1) + 0.5


def stance_limit(data: StanceByTargetData) -> float:
    """Symmetric y limit for the stance bars: the largest figure plus a margin, in [0.25, 1]."""
    values = [abs(v) for s in data.series for v in s.values if v is not None]
    values += [abs(end) for s in data.series for i in s.intervals if i for end in i]
    return min(1.0, max(0.25, math.ceil(10 * max(values, default=0.0) * 1.15) / 10))
