"""Escaping untrusted forum and news text for Markdown.

Everything a post or article says reaches the report through these
functions, so a post holding HTML, a Markdown link or image, a table row, a
heading or a code fence renders as the literal text it is.
"""

from __future__ import annotations

import re

from analyzer.text import paragraphs

# Characters that mean something anywhere in a line of Markdown (emphasis,
# code, links and images, table cells, strike-through, backslash itself, and
# "#", which at the end of a heading would be taken for its closing hashes).
_INLINE = re.compile(r"([\\`*_\[\]|~#])")
# Characters that mean something only where a line starts: bullet lists and
# setext underlines; numbered lists ("1." / "1)") in escape_line.
_LINE_START = re.compile(r"^([+\-=])")
_LINE_START_NUMBER = re.compile(r"^(\d+)([.)])")
# "&" only matters where it would start an entity (&lt; &#60;).
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BACKTICKS = re.compile(r"`+")


def escape_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown paragraph, list item, cell or heading.

    Tags and entities become literal text; Markdown punctuation is
    backslash-escaped; line breaks become spaces, so the text cannot start a
    new block (heading, list, fence, table row, HTML block).
    """
    flat = " ".join(text.split())
    flat = _ENTITY.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE.sub(r"\\\1", flat)
    return _LINE_START.sub(r"\\\1", flat)


def escape_line(text: str) -> str:
    """Escape ``text`` that will stand at the start of a line (list markers too)."""
    flat = escape_inline(text)
    return _LINE_START_NUMBER.sub(r"\1\\\2", flat)


def escape_cell(text: str) -> str:
    """Escape ``text`` for a Markdown table cell (pipes included)."""
    return escape_inline(text)


def blockquote(text: str, limit: int | None = None) -> str:
    """Render ``text`` as an escaped Markdown blockquote, paragraph by paragraph.

    Args:
        text: Untrusted text.
        limit: Cut the text to about this many characters (at a word).
    """
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return "\n>\n".join("> " + escape_line(p) for p in paragraphs(text)) or "> "


def short(text: str, limit: int = 140) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters at a word, escaped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return escape_inline(flat)


def code(text: str) -> str:
    """Render ``text`` as a Markdown code span, on one line and literal.

    The span is fenced with one more backtick than the longest run inside
    it. Text with a pipe is escaped as ordinary text instead: in a table row
    a pipe ends the cell even inside a code span, and the rest of the span
    (``<img ...>``, say) would be read as Markdown and raw HTML.
    """
    flat = " ".join(text.split())
    if not flat:
        return ""
    if "|" in flat:
        return escape_inline(flat)
    fence = "`" * (max(map(len, _BACKTICKS.findall(flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
