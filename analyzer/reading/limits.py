"""Limits that keep any input from making the tool hang or run out of memory.

Each limit is checked as early and as cheaply as possible, and each gives a
message that says what was found, what the limit is, and what to do:

- **File size** (:func:`check_size`): the file's size is taken with
  ``stat`` before a byte is read, so an oversized file costs nothing.
  The default is :data:`DEFAULT_MAX_SIZE`; ``--max-size`` raises it.
- **Whole pages** (:func:`check_page`): a saved page that opens with
  ``<!DOCTYPE html>`` or ``<html>`` but has neither ``</body>`` nor
  ``</html>`` was cut off while saving, and would silently lose its last
  posts.
- **Nesting depth** (:func:`check_page`): libxml2, which every HTML parser
  here builds its tree with, stops reading a page at
  :data:`MAX_HTML_DEPTH` levels and drops the rest without an error. The
  depth is measured first with a streaming pass that builds no tree, so a
  deep page is refused by name instead of being read in part.
- **Post length** (:func:`drop_oversized_posts`): a "post" of more than
  :data:`MAX_POST_CHARS` characters is not a forum post (forums cap posts
  at 10,000 to 65,000 characters) and would stall the sentence splitter;
  it is skipped, with the reason, so it is still accounted for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import InputError, ParseError
from analyzer.model import Skipped, Thread
from analyzer.settings import DEFAULT_MAX_SIZE
from analyzer.text import preview

#: Deepest element nesting libxml2 reads before it stops (without XML_PARSE_HUGE).
MAX_HTML_DEPTH = 256
#: Longest post text kept, in characters.
MAX_POST_CHARS = 100_000

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9,
          "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
_FULL_PAGE = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL)
_PAGE_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_CHUNK = 1 << 20


def parse_size(text: str) -> int:
    """Read a size such as ``200MB``, ``1.5 GB``, ``512KiB`` or ``1000000`` as bytes.

    ``KB``, ``MB`` and ``GB`` are decimal (10^3, 10^6, 10^9); ``KiB``, ``MiB``
    and ``GiB`` are binary; a bare number is bytes.

    Raises:
        ValueError: If ``text`` is not a positive size.
    """
    match = _SIZE.match(text)
    unit = match.group(2).lower() if match else ""
    if match is None or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size (try 200MB or 1.5GB)")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"{text!r} is not a positive size")
    return size


def format_size(size: int) -> str:
    """Show a byte count the way the limit message does: ``150.0 MB``, ``512.0 kB``."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def format_limit(size: int) -> str:
    """Show a limit without needless decimals: ``100 MB``, ``1.5 MB``."""
    text = format_size(size)
    return text.replace(".0 ", " ")


def check_size(path: Path, max_size: int | None) -> None:
    """Refuse a file larger than ``max_size`` bytes, before reading it.

    Args:
        path: An existing file.
        max_size: The limit in bytes, or None for no limit.

    Raises:
        InputError: If the file is over the limit.
    """
    if max_size is None:
        return
    size = path.stat().st_size
    if size > max_size:
        raise InputError(f"{path}: {format_size(size)} is over the {format_limit(max_size)} "
                         "size limit; raise it with --max-size")


def is_full_page(text: str) -> bool:
    """Return True if ``text`` opens as a whole HTML page (a doctype or ``<html>``)."""
    return bool(_FULL_PAGE.match(text[:8192]))


def check_page(name: str, text: str) -> None:
    """Refuse an HTML page that was cut off, or that nests too deep to read in full.

    Text that does not start with ``<`` is left alone.

    Raises:
        ParseError: If a whole page lacks both ``</body>`` and ``</html>``,
            or its elements nest deeper than :data:`MAX_HTML_DEPTH`.
    """
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        return
    if is_full_page(text) and not _PAGE_END.search(text):
        raise ParseError(f"{name}: the page is cut off (it has no closing </body> or </html> "
                         "tag); save it again in full")
    depth, tag = html_depth(text)
    if depth > MAX_HTML_DEPTH:
        raise ParseError(f"{name}: elements are nested {depth:,} deep, mostly <{tag}>; an HTML "
                         f"reader stops at {MAX_HTML_DEPTH} levels, so the page cannot be read "
                         "in full")


if TYPE_CHECKING:  # the stubs' protocol of a parser target; lxml itself has no such class
    from lxml import etree

    _Target = etree.ParserTarget[tuple[int, str]]
else:
    _Target = object


class _DepthTarget(_Target):
    """An lxml parser target that measures nesting and keeps no tree."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.deepest = 0
        self.tag = ""

    def start(self, tag: str, attrib: object) -> None:
        self.stack.append(tag)
        if len(self.stack) > self.deepest:
            self.deepest = len(self.stack)
            if self.deepest == MAX_HTML_DEPTH + 1:
                self.tag = Counter(self.stack).most_common(1)[0][0]

    def end(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def data(self, data: str) -> None:
        pass

    def comment(self, text: str) -> None:
        pass

    def close(self) -> tuple[int, str]:
        return self.deepest, self.tag


def html_depth(text: str) -> tuple[int, str]:
    """Return how deep the elements of an HTML text nest, as libxml2 reads them.

    Implied end tags count as libxml2 applies them (``<p>`` closes an open
    ``<p>``; an unclosed ``<b>`` stays open). Memory stays flat: no tree is
    built and the text is fed in chunks.

    Returns:
        The depth, and the most common tag on the path where it first went
        past :data:`MAX_HTML_DEPTH` (empty if it never did).
    """
    from lxml import etree  # only pages are measured: text and JSON input never load lxml

    target = _DepthTarget()
    parser = etree.HTMLParser(target=target, recover=True, no_network=True,
                              encoding="utf-8")
    try:
        for start in range(0, len(text), _CHUNK):
            parser.feed(text[start:start + _CHUNK].encode("utf-8", errors="replace"))
        return parser.close()
    except (etree.LxmlError, ValueError):  # nothing readable: the parsers will say so
        return target.deepest, target.tag


def drop_oversized_posts(thread: Thread, limit: int = MAX_POST_CHARS) -> Thread:
    """Move posts longer than ``limit`` characters from ``posts`` to ``skipped``.

    Returns:
        ``thread`` itself if no post is that long, otherwise a new thread.
    """
    if all(len(post.text) <= limit for post in thread.posts):
        return thread
    kept = tuple(p for p in thread.posts if len(p.text) <= limit)
    dropped = tuple(
        Skipped(f"longer than {limit:,} characters, not a forum post",
                f"post {p.id}: {preview(p.text[:1000])}", p.source)
        for p in thread.posts if len(p.text) > limit)
    return replace(thread, posts=kept, skipped=thread.skipped + dropped)


__all__ = [
    "DEFAULT_MAX_SIZE",
    "MAX_HTML_DEPTH",
    "MAX_POST_CHARS",
    "check_page",
    "check_size",
    "drop_oversized_posts",
    "format_limit",
    "format_size",
    "html_depth",
    "is_full_page",
    "parse_size",
]
