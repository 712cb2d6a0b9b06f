"""The Markdown report of a repost search over a dump, with its chart.

Clusters are ranked by spread (threads, then accounts, then time span).
Copies between different accounts and self-reposts (one account posting the
same text again) are listed apart. Every name and text from the dump is
escaped (:mod:`analyzer.report.escape`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from analyzer.dumps.model import DumpCluster, RepostSearch
from analyzer.report.escape import escape_cell, escape_inline

#: Clusters listed per table, and accounts in the accounts table.
TOP = 20
CHART_NAME = "copies-over-time.png"


def spread_key(cluster: DumpCluster) -> tuple[int, int, float, int]:
    """Sort key: most threads, then most accounts, longest span, most copies."""
    return (len(cluster.threads), len(cluster.authors), cluster.time_span or 0.0,
            len(cluster.posts))


def _span(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    days = seconds / 86400
    if days >= 2:
        return f"{days:.0f} days"
    hours = seconds / 3600
    return f"{hours:.0f} h" if hours >= 1 else f"{seconds / 60:.0f} min"


def _cluster_table(clusters: Sequence[DumpCluster]) -> list[str]:
    lines = ["| # | copies | threads | accounts | time span | Jaccard | containment | text |",
             "|---|---|---|---|---|---|---|---|"]
    for c in clusters:
        lines.append(f"| {c.id} | {len(c.posts)} | {len(c.threads)} | {len(c.authors)} | "
                     f"{_span(c.time_span)} | {c.similarity:.2f} | {c.containment:.2f} | "
                     f"{escape_cell(c.text_preview[:120])} |")
    return lines


@dataclass(frozen=True)
class AccountCopies:
    """How many copies one account posted.

    Attributes:
        author: The account (None where unknown).
        copies: Posts of the account that are in a cluster.
        self_reposts: Of those, posts in clusters only this account posted.
        clusters: Clusters the account posted in.
        threads: Threads the account posted copies in.
    """

    author: str | None
    copies: int
    self_reposts: int
    clusters: int
    threads: int


def account_copies(clusters: Sequence[DumpCluster]) -> list[AccountCopies]:
    """Accounts by the number of copies they posted, most first."""
    copies: Counter[str | None] = Counter()
    selfs: Counter[str | None] = Counter()
    in_clusters: dict[str | None, set[int]] = {}
    threads: dict[str | None, set[str]] = {}
    for c in clusters:
        for p in c.posts:
            copies[p.author] += 1
            selfs[p.author] += c.self_repost
            in_clusters.setdefault(p.author, set()).add(c.id)
            threads.setdefault(p.author, set()).add(p.thread)
    ranked = sorted(copies, key=lambda a: (-copies[a], a is None, a or ""))
    return [AccountCopies(a, copies[a], selfs[a], len(in_clusters[a]), len(threads[a]))
            for a in ranked]


def render_markdown(search: RepostSearch, chart: str | None = None) -> str:
    """The report as Markdown.

    Args:
        search: The search result.
        chart: Path of the copies-over-time chart relative to the report, if drawn.
    """
    f = search.facts
    clusters = search.clusters
    between = sorted((c for c in clusters if not c.self_repost), key=spread_key, reverse=True)
    selfs = sorted((c for c in clusters if c.self_repost), key=spread_key, reverse=True)
    copied = sum(len(c.posts) for c in clusters)
    skipped = ", ".join(f"{n} {escape_inline(reason)}" for reason, n in f.skipped)
    out = [
        "# Reposts across threads", "",
        f"{f.posts} posts read in {f.threads} threads; {f.signed} had at least {f.min_words} "
        f"words and were searched. Found **{len(clusters)}** clusters of copies holding "
        f"{copied} posts: {len(between)} between different accounts, {len(selfs)} "
        f"self-reposts." + (f" Left out by the readers: {skipped}." if skipped else ""), "",
    ]
    if any(len(c.posts) == 2 for c in clusters):
        out += ["Clusters of two posts rest on a single pair of copies.", ""]
    out += [f"## Copies between different accounts (top {min(TOP, len(between))} by spread)", ""]
    out += _cluster_table(between[:TOP]) if between else ["None found."]
    out += ["", f"## Self-reposts: one account posting its text again "
                f"(top {min(TOP, len(selfs))} by spread)", ""]
    out += _cluster_table(selfs[:TOP]) if selfs else ["None found."]
    out += ["", "## Accounts that post copies most", ""]
    accounts = account_copies(clusters)[:TOP]
    if accounts:
        out += ["| account | copies | of which self-reposts | clusters | threads |",
                "|---|---|---|---|---|"]
        out += [f"| {escape_cell(a.author) if a.author is not None else '(unknown)'} | "
                f"{a.copies} | {a.self_reposts} | {a.clusters} | {a.threads} |"
                for a in accounts]
    else:
        out.append("None found.")
    out += ["", "## When the copies were posted", ""]
    undated = sum(1 for c in clusters for p in c.posts if p.timestamp is None)
    if chart:
        out.append(f"![Copies posted per period, between accounts and self-reposts]({chart})")
        out.append("")
    else:
        out.append("No chart: no dated copies." if clusters else "No copies found.")
        out.append("")
    if undated:
        out += [f"{undated} copies have no date and are not in the chart.", ""]
    out += [
        "## Method", "",
        f"Each post's words were cut into {f.shingle_size}-word shingles and signed with "
        f"MinHash ({f.num_perm} permutations). Candidate pairs share one of {f.bands} LSH "
        f"bands of {f.rows} rows, which finds pairs of Jaccard similarity 0.5 with "
        f"probability at least 0.99; {f.candidate_pairs} pairs were proposed. Each likely "
        f"pair was confirmed from its texts: two posts are copies when their exact Jaccard "
        f"similarity is at least {f.min_similarity:g}, or when at least {f.containment:g} of "
        f"the shorter post's shingles are in the longer (a copy inside other text). "
        f"{f.confirmed_pairs} links joined the clusters. A cluster's Jaccard and "
        f"containment are the lowest between a copy and the first copy. Copies wrapped in "
        f"more than about as much other text again may be missed.", "",
    ]
    return "\n".join(out)


def time_bins(clusters: Sequence[DumpCluster]) -> tuple[list[datetime], list[int], list[int]]:
    """Copies per period (day, week or month by the span): starts, between, self."""
    dated = [(p.timestamp, c.self_repost) for c in clusters for p in c.posts
             if p.timestamp is not None]
    if not dated:
        return [], [], []
    low, high = min(t for t, _ in dated), max(t for t, _ in dated)
    span = high - low
    width = 86400.0 if span <= 60 * 86400 else 7 * 86400.0 if span <= 2 * 365 * 86400 \
        else 30.4375 * 86400
    n = int(span // width) + 1
    between, selfs = [0] * n, [0] * n
    for t, is_self in dated:
        k = int((t - low) // width)
        (selfs if is_self else between)[k] += 1
    starts = [datetime.fromtimestamp(low + k * width, UTC) for k in range(n)]
    return starts, between, selfs


def draw_copies_over_time(clusters: Sequence[DumpCluster]) -> bytes | None:
    """PNG bars of copies per period, stacked by kind; None without dated copies."""
    starts, between, selfs = time_bins(clusters)
    if not starts:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure

    from analyzer.report.charts import style, to_png

    with style():
        fig = Figure(figsize=(8, 3.2), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        days = [float(d) for d in date2num(starts)]
        width = (days[1] - days[0]) * 0.9 if len(days) > 1 else 0.8
        ax.xaxis_date()
        ax.bar(days, between, width=width, align="edge", color="#1f4e79",
               label="between accounts")
        ax.bar(days, selfs, width=width, align="edge", bottom=between, color="#9ab8d8",
               label="self-reposts")
        ax.set_ylabel("copies posted")
        ax.set_title("When the copies were posted")
        ax.legend(loc="upper left")
        fig.autofmt_xdate()
    return to_png(fig)


def write_markdown(search: RepostSearch, path: str | Path, charts: bool = True) -> list[Path]:
    """Write the report, and its chart beside it in ``<stem>-charts/``; return the files."""
    from analyzer.output import write_bytes, write_text

    path = Path(path)
    written: list[Path] = []
    chart_ref = None
    png = draw_copies_over_time(search.clusters) if charts else None
    if png is not None:
        folder = path.parent / f"{path.stem}-charts"
        written.append(write_bytes(folder / CHART_NAME, png))
        chart_ref = f"{folder.name}/{CHART_NAME}"
    written.insert(0, write_text(path, render_markdown(search, chart_ref) + "\n"))
    return written


__all__ = ["AccountCopies", "account_copies", "draw_copies_over_time", "render_markdown",
           "spread_key", "time_bins", "write_markdown"]
