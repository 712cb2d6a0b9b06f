"""The HTML report: the Markdown report converted, with the charts embedded.

The HTML is made from the very Markdown :func:`analyzer.report.markdown.render`
writes, so the two formats cannot drift apart. markdown-it-py converts it
with raw HTML off (a tag that slipped through escaping would still print as
text) and its link validation on (no ``javascript:`` or ``data:`` links).
After parsing, every image is either one of our charts, whose address is
swapped for a ``data:image/png;base64,`` URI, or is dropped for its alt
text; links other than ``http(s)`` and in-page ones are unwrapped. The page
is one self-contained file: inline CSS, no scripts, fonts or external
addresses, and a Content-Security-Policy that forbids loading anything but
the embedded images.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from analyzer.model import Analysis
from analyzer.report.chart_data import Chart, ChartLink
from analyzer.report.markdown import render as render_markdown

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body { margin: 0; background: #fff; color: #1d1d1f;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 66rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 1px solid #d8d8d8; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
table { display: block; overflow-x: auto; border-collapse: collapse; margin: .8rem 0;
  font-size: .88rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d8d8d8; padding: .3rem .55rem; vertical-align: top; }
th { background: #f3f5f7; }
tbody tr:nth-child(even) { background: #fafafa; }
blockquote { margin: .8rem 0; padding: .1rem 1rem; border-left: 4px solid #c9d3dd;
  color: #3a3a3a; background: #f8f9fa; }
code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: #f1f1f1; padding: .05rem .25rem; border-radius: 3px; }
img.chart { display: block; max-width: 100%; height: auto; margin: 1rem 0; }
""".strip()
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"""
_LINK_SCHEMES = ("http://", "https://", "#")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def data_uri(png: bytes) -> str:
    """A ``data:`` URI holding a PNG image."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def render(analysis: Analysis, charts: Sequence[Chart] = ()) -> str:
    """Render the report as one self-contained HTML page.

    Args:
        analysis: What to report.
        charts: Charts to embed, each where the Markdown report links it.

    Returns:
        The page, charts included as data URIs.
    """
    links = [ChartLink(chart.slug, f"{chart.slug}.png", chart.alt) for chart in charts]
    images = {link.url: data_uri(chart.png) for link, chart in zip(links, charts, strict=True)}
    title = f"Forum analysis: {analysis.thread.title or analysis.thread.id}"
    return markdown_to_html(render_markdown(analysis, links), images, title)


def markdown_to_html(markdown: str, images: Mapping[str, str], title: str) -> str:
    """Convert report Markdown to a self-contained HTML page.

    Args:
        markdown: The report.
        images: Image address in the Markdown to the data URI that replaces
            it; any other image is dropped for its alt text.
        title: The page title (plain text; escaped here).
    """
    parser = _parser()
    tokens = parser.parse(markdown)
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _safe_inline(parser, token.children, images)
    body = parser.renderer.render(tokens, parser.options, {})
    return _PAGE.format(csp=CSP, title=html.escape(" ".join(title.split())), css=CSS,
                        body=body)


def _alt_text(parser: MarkdownIt, children: Sequence[Token]) -> str:
    """An image's alt text as plain text, as the HTML renderer writes it."""
    return RendererHTML().renderInlineAsText(children, parser.options, {})


def _safe_inline(parser: MarkdownIt, children: list[Token], images: Mapping[str, str]
                 ) -> list[Token]:
    """Embed our charts, drop other images, unwrap links that leave for other schemes."""
    kept: list[Token] = []
    unwrapping = False
    for token in children:
        if token.type == "image":
            source = images.get(str(token.attrGet("src") or ""))
            if source is None:
                alt = _alt_text(parser, token.children or [])
                kept.append(Token("text", "", 0, content=alt))
                continue
            token.attrSet("src", source)
            token.attrSet("class", "chart")
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            unwrapping = not href.lower().startswith(_LINK_SCHEMES)
            if unwrapping:
                continue
        elif token.type == "link_close" and unwrapping:
            unwrapping = False
            continue
        kept.append(token)
    return kept
