"""The report's charts, drawn with matplotlib's object-oriented API as PNG images.

Each chart has a data function in :mod:`analyzer.report.chart_data` and a
drawing function here. Figures are built with :class:`matplotlib.figure.Figure`
and rendered by the Agg canvas, never through ``pyplot``, so no global
figure state or GUI backend is involved. Every figure is drawn inside
:data:`STYLE`, which turns mathtext and TeX off (post text such as ``$x$``
is drawn literally) and fixes fonts and sizes; PNGs carry no software or
date metadata, so the same analysis gives byte-identical files.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analyzer.model import Analysis
from analyzer.parallel import Pending, start_map, worker_count
from analyzer.report import chart_alt
from analyzer.report import chart_data as cd
from analyzer.report.chart_data import (
    Chart,
    ChartLink,
    FrameSharesData,
    RepostMapData,
    StanceByTargetData,
    StanceTimelineData,
)

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

STYLE: dict[RcKeyType, Any] = {
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "svg.hashsalt": "forum-analyzer",
    "path.simplify": True,
    "timezone": "UTC",
}
DPI = 100
FORUM = "#1f4e79"
FORUM_NAIVE = "#9ab8d8"
NEWS = ("#d95f02", "#7570b3", "#e6ab02", "#66a61e", "#e7298a", "#a6761d", "#666666")
TARGETS = ("#c0392b", "#b7950b", "#2471a3", "#7d3c98", "#16a085", "#6e2c00", "#555555")
AUTHORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")
UNKNOWN = "#9a9a9a"
GRID = "#e3e3e3"
NEWS_SHADE = "#ececec"
MAX_NEWS_MARKS = 50
"""Past this many pasted news posts, their shading is drawn as one collection."""
AUTHOR_CHARS = 16
"""Longest author name written beside a dot."""
MAX_NAMES_PER_ROW = 12
"""Most names written along one repost row (every other copy, and so on, beyond)."""


FALLBACK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans", "Noto Sans Arabic",
                  "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai")
"""Fonts used, where installed, for characters DejaVu Sans lacks (CJK author names...)."""


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """DejaVu Sans (shipped with matplotlib), then whichever fallback fonts are installed."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *(name for name in FALLBACK_FONTS if name in installed))


@contextmanager
def style() -> Iterator[None]:
    """Draw inside the report style, with missing-glyph warnings silenced.

    Author names in scripts no installed font covers are drawn as boxes
    rather than flooding the command line with one warning per character.
    """
    rc: dict[RcKeyType, Any] = {**STYLE, "font.family": list(font_families())}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from")
        yield


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def to_png(fig: Figure) -> bytes:
    """Render ``fig`` as PNG bytes with no software or date metadata."""
    buffer = io.BytesIO()
    with style():
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _wrap(label: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _post_axis(ax: Any, posts: int, ticks: tuple[int, ...], label: str) -> None:
    ax.set_xlim(*cd.axis_limits(posts))
    ax.set_xticks(list(ticks), [str(t) for t in ticks])
    ax.set_xlabel(label)


def draw_stance_by_target(data: StanceByTargetData) -> Figure:
    """Grouped bars: per target, the forum (with intervals), forum naive and each news source."""
    with style():
        n = len(data.series)
        fig = _figure(min(11.0, max(7.0, 1.1 + len(data.targets) * (0.45 * n + 0.6))), 4.6)
        ax = fig.add_subplot()
        width = 0.8 / n
        news = iter(NEWS * (1 + n // len(NEWS)))
        for k, series in enumerate(data.series):
            color = {"forum": FORUM, "forum_naive": FORUM_NAIVE}.get(series.kind) or next(news)
            xs = [i + (k - (n - 1) / 2) * width for i in range(len(data.targets))]
            present = [(x, v) for x, v in zip(xs, series.values, strict=True) if v is not None]
            ax.bar([x for x, _ in present], [v for _, v in present], width * 0.92,
                   color=color, label=series.name, zorder=2)
            for x, v in zip(xs, series.values, strict=True):
                if v is None:
                    ax.text(x, 0.0, "n/a", rotation=90, ha="center", va="bottom",
                            fontsize=7, color=UNKNOWN)
            spans = [(x, v, i) for x, v, i in zip(xs, series.values, series.intervals,
                                                    strict=False) if v is not None and i]
            if spans:
                ax.errorbar([x for x, _, _ in spans], [v for _, v, _ in spans],
                            yerr=[[max(0.0, v - i[0]) for _, v, i in spans],
                                  [max(0.0, i[1] - v) for _, v, i in spans]],
                            fmt="none", ecolor="#222222", elinewidth=1.2, capsize=4, zorder=3,
                            label=f"{data.level:.0%} {data.interval} interval")
        limit = cd.stance_limit(data)
        ax.set_ylim(-limit, limit)
        ax.axhline(0.0, color="#444444", linewidth=0.8, zorder=1)
        ax.yaxis.grid(True, color=GRID, zorder=0)
        ax.set_xticks(range(len(data.targets)), [_wrap(t) for t in data.targets])
        ax.set_ylabel("Stance  (−1 hostile … +1 favourable)")
        ax.set_title("Stance toward each target: forum and news")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=min(n + 1, 4))
    return fig


def draw_stance_timeline(data: StanceTimelineData) -> Figure:
    """One panel per target, sharing the thread axis: each post's stance as a dot.

    Dots of posts that mention the target are joined by a thin line; copies
    of a repeated comment are open diamonds; pasted news posts, which carry
    no forum stance, are shaded. A binned chart (``data.binned``) draws one
    dot per run of posts, their mean, and no diamonds.
    """
    with style():
        k = len(data.lines)
        fig = _figure(10.0, 1.3 + 1.45 * k)
        axes = fig.subplots(k, 1, sharex=True, squeeze=False)[:, 0]
        for i, (ax, line) in enumerate(zip(axes, data.lines, strict=True)):
            color = TARGETS[i % len(TARGETS)]
            if len(data.news) > MAX_NEWS_MARKS:  # one collection, not an artist per post
                _shade_many(ax, data)
            for x in () if len(data.news) > MAX_NEWS_MARKS else data.news:
                if isinstance(x, datetime):  # by time
                    ax.axvline(x, color=NEWS_SHADE, linewidth=3, zorder=0)
                else:
                    ax.axvspan(x - 0.5, x + 0.5, color=NEWS_SHADE, linewidth=0, zorder=0)
            xs = [p.x for p in line.points]
            ys = [p.score for p in line.points]
            if data.binned:  # a rolling view: one dot per run of posts, joined
                ax.plot(xs, ys, "-", color=color, linewidth=1.4, zorder=2)
                ax.scatter(xs, ys, s=10, color=color, zorder=3)
            else:
                ax.plot(xs, ys, "-", color=color, linewidth=0.9, alpha=0.6, zorder=2)
                plain = [(x, p.score) for x, p in zip(xs, line.points, strict=True)
                         if not p.repost]
                copies = [(x, p.score) for x, p in zip(xs, line.points, strict=True)
                          if p.repost]
                ax.scatter([x for x, _ in plain], [y for _, y in plain], s=22, color=color,
                           zorder=3)
                ax.scatter([x for x, _ in copies], [y for _, y in copies], marker="D", s=46,
                           facecolors="white", edgecolors=color, linewidths=1.5, zorder=4)
            ax.axhline(0.0, color="#444444", linewidth=0.7, zorder=1)
            ax.set_ylim(-1.1, 1.1)
            ax.set_yticks([-1, 0, 1], ["−1", "0", "+1"])
            ax.yaxis.grid(True, color=GRID, zorder=0)
            ax.set_ylabel(_wrap(line.target, 14), rotation=0, ha="right", va="center",
                          color=color, fontweight="bold")
        last = axes[-1]
        if data.by_time:
            locator = AutoDateLocator(maxticks=10)
            last.xaxis.set_major_locator(locator)
            last.xaxis.set_major_formatter(ConciseDateFormatter(locator))
            last.set_xlabel(data.x_label)
        else:
            _post_axis(last, data.posts, data.ticks, data.x_label)
        axes[0].set_title("Stance along the thread, per target  (−1 hostile … +1 favourable)")
        handles: list[Artist] = [
            Line2D([], [], marker="o", linestyle="none", color="#555555", markersize=5)]
        labels = [f"mean of {data.binned} consecutive scored posts" if data.binned
                  else "opinion post"]
        if any(p.repost for line in data.lines for p in line.points):
            handles.append(Line2D([], [], marker="D", linestyle="none", markerfacecolor="white",
                                  markeredgecolor="#555555", markeredgewidth=1.5, markersize=6))
            labels.append("copy of a repeated comment")
        if data.news:
            handles.append(Patch(color=NEWS_SHADE))
            labels.append("pasted news (no forum stance)")
        fig.legend(handles, labels, loc="outside lower center", ncols=len(labels))
    return fig


def _shade_many(ax: Any, data: StanceTimelineData) -> None:
    """Shade every pasted news post of a long thread with one artist."""
    if data.by_time:
        ax.vlines(list(data.news), -1.1, 1.1, colors=NEWS_SHADE, linewidth=3, zorder=0)
    else:
        spans = [(float(x) - 0.5, 1.0) for x in data.news if isinstance(x, int)]
        ax.broken_barh(spans, (-1.1, 2.2), facecolors=NEWS_SHADE, linewidth=0, zorder=0)


def draw_frame_shares(data: FrameSharesData) -> Figure:
    """Horizontal grouped bars: each frame's share, forum opinion against each news source."""
    with style():
        n = len(data.series)
        fig = _figure(9.0, max(3.0, 1.2 + len(data.frames) * (0.15 * n + 0.2)))
        ax = fig.add_subplot()
        height = 0.8 / n
        news = iter(NEWS * (1 + n // len(NEWS)))
        for k, series in enumerate(data.series):
            color = FORUM if series.kind == "forum" else next(news)
            ys = [i + (k - (n - 1) / 2) * height for i in range(len(data.frames))]
            shares = [100 * (v or 0.0) for v in series.values]
            bars = ax.barh(ys, shares, height * 0.92, color=color, label=series.name, zorder=2)
            ax.bar_label(bars, [f"{v:.0f}%" if v else "" for v in shares], padding=2,
                         fontsize=7, color="#444444")
        ax.set_yticks(range(len(data.frames)), [_wrap(f, 34) for f in data.frames])
        ax.invert_yaxis()
        ax.xaxis.grid(True, color=GRID, zorder=0)
        ax.set_xlabel("Share of the frame terms a text uses (%)")
        ax.set_title("Frames: forum opinion against the news")
        ax.legend(loc="lower right")
    return fig


def draw_repost_map(data: RepostMapData) -> Figure:
    """One row per repost cluster, a dot at each copy's post number, named by its author.

    Dots are coloured by author (grey where the copy names none), so a
    self-repost reads as one colour and copy-pasta spread by many accounts
    as several. A name is written above its dot, or below it when the
    previous copy is too close for both names to fit.
    """
    with style():
        fig = _figure(10.0, 1.5 + 0.7 * len(data.rows))
        ax = fig.add_subplot()
        palette: dict[str, str] = {}
        near = max(data.posts, 1) / 30
        for y, row in enumerate(data.rows):
            ax.plot(cd.axis_limits(data.posts), [y, y], color=GRID, linewidth=1.0, zorder=1)
            ax.plot([min(row.posts), max(row.posts)], [y, y], color="#888888", linewidth=1.4,
                    zorder=2)
            every = -(-len(row.posts) // MAX_NAMES_PER_ROW)
            above, last = True, None
            for n, (post, who) in enumerate(zip(row.posts, row.authors, strict=True)):
                unknown = who == cd.UNKNOWN_AUTHOR
                color = UNKNOWN if unknown else palette.setdefault(
                    who, AUTHORS[len(palette) % len(AUTHORS)])
                ax.scatter([post], [y], s=70, color=color, edgecolors="white", linewidths=0.8,
                           zorder=3)
                if n % every:
                    continue
                above = not above if last is not None and post - last < near else True
                last = post
                ax.annotate(cd.chart_text(who, AUTHOR_CHARS), (post, y),
                            xytext=(2, 7 if above else -7), textcoords="offset points",
                            rotation=25 if above else -25, rotation_mode="anchor",
                            va="bottom" if above else "top", fontsize=8,
                            color=UNKNOWN if unknown else "#333333",
                            fontstyle="italic" if unknown else "normal",
                            annotation_clip=False)
        ax.set_yticks(range(len(data.rows)), [row.label for row in data.rows])
        ax.set_ylim(len(data.rows) - 0.45, -0.7)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        _post_axis(ax, data.posts, data.ticks, "Post number in the thread")
        title = "Where the repeated comments fall in the thread, and who posted them"
        if data.hidden:
            title += f"\n({len(data.rows)} largest of {len(data.rows) + data.hidden} clusters)"
        ax.set_title(title)
    return fig


_CHARTS: tuple[tuple[str, str, Callable[[Analysis], Any], Callable[[Any], Figure],
                     Callable[[Any], str]], ...] = (
    ("stance-by-target", "Stance by target", cd.stance_by_target, draw_stance_by_target,
     chart_alt.alt_stance_by_target),
    ("stance-along-thread", "Stance along the thread", cd.stance_timeline,
     draw_stance_timeline, chart_alt.alt_stance_timeline),
    ("frame-shares", "Frame shares", cd.frame_shares, draw_frame_shares,
     chart_alt.alt_frame_shares),
    ("reposts", "Reposts in the thread", cd.repost_map, draw_repost_map, chart_alt.alt_repost_map),
)
SLUGS = tuple(slug for slug, *_ in _CHARTS)
"""File stems of every chart the report can have, in drawing order."""


def render_charts(analysis: Analysis) -> tuple[Chart, ...]:
    """Draw every chart the analysis has data for.

    For a long thread (one that :func:`analyzer.parallel.worker_count`
    gives workers), the charts are drawn side by side in worker processes.

    Returns:
        The charts, in :data:`SLUGS` order; a chart with nothing to show
        (no repost clusters, say) is left out.
    """
    _, drawing = start_charts(analysis)
    with drawing:
        return drawing.result()


def start_charts(analysis: Analysis) -> tuple[tuple[ChartLink, ...], Pending[tuple[Chart, ...]]]:
    """Start drawing the charts (:func:`render_charts`) and return at once.

    Returns:
        What each chart will be, as a link with no URL yet (slug and
        alternative text, known before any drawing), and the drawing, whose
        ``result()`` gives the charts. On a long thread the charts are drawn
        in worker processes meanwhile; else when ``result()`` is called.
    """
    found = [(index, data) for index, (_, _, compute, _, _) in enumerate(_CHARTS)
             if (data := compute(analysis)) is not None]
    alts = [_CHARTS[index][4](data) for index, data in found]
    heads = tuple(ChartLink(_CHARTS[index][0], "", alt)
                  for (index, _), alt in zip(found, alts, strict=True))
    jobs = analysis.settings.jobs
    if not worker_count(jobs, len(analysis.thread.posts)):
        jobs = 1
    pending = start_map(_draw_png, found, None, jobs=jobs, min_items=2)

    def charts() -> tuple[Chart, ...]:
        return tuple(Chart(slug=_CHARTS[index][0], title=_CHARTS[index][1], alt=alt, png=png)
                     for (index, _), alt, png in zip(found, alts, pending.result(), strict=True))

    return heads, Pending(charts, on_close=pending.close)


def _draw_png(_: None, chart: tuple[int, Any]) -> bytes:
    index, data = chart
    return to_png(_CHARTS[index][3](data))
