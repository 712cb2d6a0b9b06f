"""Escaping untrusted forum and news text for Markdown.

Everything a post or article says reaches the report through these
functions, so a post holding HTML, a Markdown link or image, a table row, a
heading or a code fence renders as the literal text it is.
"""

from __future__ import annotations

import html
import re

# ASCII punctuation CommonMark lets us backslash-escape, minus the ones that
# are harmless mid-line and common in prose (. , : ; ' " ? / % = @ $ ^).
_INLINE = re.compile(r"([\\`*_{}\[\]()#+\-!|~])")
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown paragraph, list item or heading.

    HTML special characters become entities; Markdown punctuation is
    backslash-escaped; line breaks become spaces, so the text cannot start a
    new block (heading, list, fence, table row).
    """
    flat = " ".join(text.split())
    flat = html.escape(flat, quote=False)
    flat = _INLINE.sub(r"\\\1", flat)
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
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n>\n".join("> " + escape_inline(p) for p in paragraphs) or "> "


def short(text: str, limit: int = 140) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters at a word, escaped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return escape_inline(flat)
