"""Small formatting helpers shared by the report sections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analyzer.model import Analysis, Article, Post
from analyzer.report.chart_data import ChartLink
from analyzer.report.escape import escape_cell, escape_inline


def score(value: float | None) -> str:
    """A stance score with its sign (``+0.42``, ``−0.10``), or an en dash for none."""
    if value is None:
        return "–"
    text = f"{value:+.2f}"
    return text.replace("-", "−")


def share(value: float | None) -> str:
    """A share as a whole percentage, or an en dash for none."""
    return "–" if value is None else f"{100 * value:.0f}%"


def leaning(value: float | None, neutral_band: float) -> str:
    """Describe a stance score in words; within ``neutral_band`` of 0 it is neutral."""
    if value is None:
        return "not discussed"
    if value >= neutral_band:
        return "favourable"
    if value <= -neutral_band:
        return "hostile"
    return "neutral"


def table(header: Sequence[str], rows: Sequence[Sequence[str]],
          align: Sequence[str] | None = None) -> str:
    """A Markdown table. Cells must already be escaped."""
    align = align or ["l"] * len(header)
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def author(post: Post) -> str:
    """The post's author, escaped, or "unknown"."""
    return escape_cell(post.author) if post.author else "*unknown*"


def article_name(article: Article) -> str:
    """A short escaped name for an article: its outlet, else its id."""
    return escape_cell(article.outlet or article.id)


def post_ref(post: Post) -> str:
    """How the report names a post: ``#3`` (1-based position) and its id if different."""
    ref = f"#{post.position + 1}"
    if post.id != str(post.position + 1):
        ref += f" (id {escape_cell(post.id)})"
    return ref


def posts_by_id(analysis: Analysis) -> dict[str, Post]:
    """Index the thread's posts by id."""
    return {p.id: p for p in analysis.thread.posts}


def image(links: Mapping[str, ChartLink] | None, slug: str) -> list[str]:
    """A paragraph linking the chart ``slug`` with its alternative text, or none if not drawn.

    Returns:
        The image line and a blank line after it, or an empty list.
    """
    link = (links or {}).get(slug)
    if link is None:
        return []
    return [f"![{escape_inline(link.alt)}]({link.url})", ""]
