"""Alternative text for each chart, written from the chart's data.

A reader who cannot see an image gets what it shows: what is plotted against
what, and the headline figures.
"""

from __future__ import annotations

from analyzer.report.chart_data import (
    UNKNOWN_AUTHOR,
    FrameSharesData,
    RepostMapData,
    StanceByTargetData,
    StanceTimelineData,
)

ALT_CLUSTERS = 3
"""Most clusters the repost chart's alternative text describes one by one."""
ALT_ITEMS = 4
"""Most post numbers or names the alternative text lists for one cluster."""


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _some(items: list[str], limit: int = ALT_ITEMS) -> str:
    """The first ``limit`` items joined, then how many more."""
    if len(items) <= limit:
        return _join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"


def _signed(value: float | None) -> str:
    return "none" if value is None else f"{value:+.2f}".replace("-", "−")


def alt_stance_by_target(data: StanceByTargetData) -> str:
    """Alternative text for the stance-by-target chart, with the forum figures."""
    forum = data.series[0]
    figures = "; ".join(f"{t} {_signed(v)}" for t, v in zip(data.targets, forum.values,
                                                              strict=True))
    news = [s.name for s in data.series if s.kind == "news"]
    sources = (f", and the news source{'s' if len(news) != 1 else ''} {_join(news)}"
               if news else "")
    return (f"Bar chart of stance toward {_join(list(data.targets))}, from −1 (hostile) to +1 "
            f"(favourable): the forum counting each repeated comment once (with "
            f"{data.level:.0%} {data.interval} intervals), the forum counting every copy{sources}. "
            f"Forum, each repeated comment once: {figures}.")


def alt_stance_timeline(data: StanceTimelineData) -> str:
    """Alternative text for the stance-along-the-thread chart."""
    reposts = len({p.post for line in data.lines for p in line.points if p.repost})
    axis = "by time posted" if data.by_time else f"in thread order (posts 1 to {data.posts})"
    text = (f"Line chart of each opinion post's stance toward "
            f"{_join([line.target for line in data.lines])}, {axis}, from −1 (hostile) to +1 "
            "(favourable).")
    if data.binned:
        text += (f" Each point is the mean of {data.binned} consecutive scored posts, "
                 "a rolling view of a long thread.")
    if reposts:
        text += (f" {reposts} post{'s are copies' if reposts != 1 else ' is a copy'} of a "
                 "comment posted more than once, marked with open diamonds.")
    return text


def alt_frame_shares(data: FrameSharesData) -> str:
    """Alternative text for the frame-shares chart, with the forum's leading frame."""
    forum = data.series[0]
    top = max(range(len(data.frames)), key=lambda i: forum.values[i] or 0.0)
    news = [s.name for s in data.series if s.kind == "news"]
    text = f"Bar chart of the share of {len(data.frames)} frames in forum opinion"
    text += (f" and in the news source{'s' if len(news) != 1 else ''} {_join(news)}."
             if news else ".")
    if forum.values[top]:
        text += (f" Forum opinion leans most on {data.frames[top]} "
                 f"({100 * (forum.values[top] or 0.0):.0f}%).")
    if data.too_few:
        text += (f" Left out for too few frame terms: {_join(list(data.too_few))}.")
    return text


def alt_repost_map(data: RepostMapData) -> str:
    """Alternative text for the repost map, cluster by cluster."""
    parts = []
    for row in data.rows[:ALT_CLUSTERS]:
        named = sorted({a for a in row.authors if a != UNKNOWN_AUTHOR})
        who = f"by {_some(named)}" if named else "by posters the copy does not name"
        parts.append(f"cluster {row.cluster} at posts {_some([str(p) for p in row.posts])}, "
                     f"{who}")
    more = len(data.rows) - len(parts)
    if more:
        parts.append(f"and {more} more cluster{'s' if more != 1 else ''}")
    text = (f"Chart of where the copies of each repeated comment fall in the thread of "
            f"{data.posts} posts: " + "; ".join(parts) + ".")
    if data.hidden:
        text += f" {data.hidden} smaller cluster{'s are' if data.hidden != 1 else ' is'} left out."
    return text
