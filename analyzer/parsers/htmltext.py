"""Post bodies that arrive as HTML fragments or as '>'-quoted text.

JSON exports carry each post's body as a fragment of HTML (Discourse
``cooked``, Hacker News ``text``, forum-dl ``content``) or as Markdown-like
text (Reddit ``body``). :func:`html_fragment_to_text` renders a fragment as
plain text with paragraph breaks and takes the quote blocks out of it;
:func:`split_angle_quotes` does the same for lines quoted with ``>``.

Quote markup recognised by :func:`html_fragment_to_text`:

- Discourse: ``<aside class="quote" data-username="X" data-post="N"
  data-topic="T">`` with a ``div.title`` header and the words in a
  ``blockquote``. ``data-post`` is a post *number* in the topic, returned as
  :attr:`QuoteBlock.ref` with the topic in :attr:`QuoteBlock.topic`, for the
  caller to map to a post id.
- Any other ``blockquote``: the speaker from ``data-username``,
  ``data-quote`` or ``data-author``, or from a header inside it (``cite``,
  ``.bbCodeBlock-title``, ``.quotetitle``: "X wrote:", "X said:", "Quote
  from: X"); the quoted post from ``data-post``, ``data-source="post: N"`` or
  a header link (``#p123``, ``post-123``, ``?p=123``).

Only the outermost quote of a nest becomes a :class:`QuoteBlock`; the quotes
nested inside it are words of yet earlier posts and are dropped. Link
previews (Discourse ``aside.onebox``) and image captions are not the author's
words and are dropped too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from analyzer.clean import clean_text
from analyzer.parsers.dom import Node, parse_html
from analyzer.text import normalise_space

_QUOTES = "aside.quote, blockquote"
_CHROME = ("aside.onebox, .lightbox-wrapper .meta, .quote-controls, .bbCodeBlock-expandLink, "
           ".bbCodeBlock-shrinkLink")
_HEADER = "div.title, cite, .bbCodeBlock-title, .quotetitle, .quote-header"
_SAID = [
    re.compile(r"^(?P<name>.{1,60}?)\s+(?:wrote|said|says|writes)\b", re.IGNORECASE),
    re.compile(r"^Quote from:\s*(?P<name>.{1,60}?)(?:\s+on\s+.*)?$", re.IGNORECASE),
    re.compile(r"^(?P<name>[^\s:][^:]{0,59}?)\s*:$"),
]
_REF_LINK = re.compile(r"(?:#p|#post-?|[?&]p=|post-|[?&]postid=)(\d+)", re.IGNORECASE)
_SOURCE = re.compile(r"^\s*post\s*:\s*(\d+)", re.IGNORECASE)
_ANGLES = re.compile(r"^(?:>\s?)+")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class QuoteBlock:
    """A quote taken out of a post body.

    Attributes:
        text: The quoted words (nested quotes left out).
        author: The quoted speaker, where the markup names one.
        ref: The quoted post as the markup gives it: a post id, or for
            Discourse a post number (see :attr:`topic`).
        topic: The Discourse topic of a post number in :attr:`ref`.
    """

    text: str
    author: str | None = None
    ref: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class FragmentText:
    """A post body as plain text, with its quotes taken out."""

    text: str
    quotes: tuple[QuoteBlock, ...] = ()


def html_fragment_to_text(html: str) -> FragmentText:
    """Render an HTML post body as text and take its quote blocks out.

    Args:
        html: The body, e.g. a Discourse post's ``cooked`` field.

    Returns:
        The author's own words (paragraphs separated by blank lines) and the
        quotes, in order.
    """
    if not html or not html.strip():
        return FragmentText("")
    if "<" not in html and "&" not in html:  # no markup: spare the HTML parser
        return FragmentText(clean_text(normalise_space(html)))
    try:
        root = parse_html(html)
    except ValueError:  # nested past libxml2's limit: keep the words, never the tags
        return FragmentText(clean_text(strip_tags(html)))
    root.remove_all(_CHROME)
    quotes = tuple(_take_quote(node) for node in root.select_top(_QUOTES))
    return FragmentText(clean_text(root.render()), quotes)


def split_angle_quotes(text: str) -> FragmentText:
    """Move lines quoted with ``>`` (Markdown, e-mail style) into quotes.

    A quote is a run of lines starting with ``>``, plus the lines that
    continue it without a blank line between, as Markdown reads them. Lines
    quoted deeper (``>>``) are a quote inside the quote, the words of an
    earlier post, and are dropped, as nested quote markup is. The rest is
    the author's own text.
    """
    own: list[str] = []
    quotes: list[QuoteBlock] = []
    current: list[str] | None = None
    nested = False
    for line in text.split("\n"):
        stripped = line.strip()
        marks = _ANGLES.match(stripped)
        if marks:
            current = current if current is not None else []
            nested = marks.group(0).count(">") > 1
            if not nested:
                current.append(stripped[marks.end():])
        elif current is not None and stripped:
            if not nested:
                current.append(stripped)
        else:
            if current is not None:
                quotes.extend(_block(current))
                current = None
            own.append(line)
    if current is not None:
        quotes.extend(_block(current))
    return FragmentText(clean_text("\n".join(own)), tuple(quotes))


def _block(lines: list[str]) -> list[QuoteBlock]:
    text = clean_text("\n".join(lines))
    return [QuoteBlock(text)] if text else []


def _take_quote(node: Node) -> QuoteBlock:
    """Turn a top-level quote element into a :class:`QuoteBlock` and remove it."""
    author = next((node.attr(name) for name in ("data-username", "data-quote", "data-author")
                   if node.attr(name)), None)
    ref = node.attr("data-post") or None
    if ref is None:
        source = _SOURCE.match(node.attr("data-source"))
        ref = source.group(1) if source else None
    topic = node.attr("data-topic") or None
    header = next((found for found in node.select(_HEADER)
                   if found.closest(_QUOTES, stop=node) is None), None)
    if header is not None:
        author = author or _said(header.text())
        ref = ref or _header_ref(header)
        header.remove()
    inner = node.select_one("blockquote") if node.tag == "aside" else None
    content = inner if inner is not None else node
    for nested in content.select_top(_QUOTES):
        nested.remove()
    text = clean_text(content.render())
    node.remove()
    return QuoteBlock(text=text, author=author, ref=ref if ref and ref.isdigit() else None,
                      topic=topic)


def _said(header: str) -> str | None:
    for pattern in _SAID:
        match = pattern.match(header.strip())
        if match:
            return match.group("name").strip() or None
    return None


def _header_ref(header: Node) -> str | None:
    for attr in ("data-post-id", "data-post"):
        if header.attr(attr).isdigit():
            return header.attr(attr)
    for link in header.links():
        match = _REF_LINK.search(link)
        if match:
            return match.group(1)
    return None


def strip_tags(html: str) -> str:
    """The text of an HTML fragment without its tags, entities decoded (no tree built)."""
    return unescape(_TAG.sub("", html))


__all__ = ["FragmentText", "QuoteBlock", "html_fragment_to_text", "split_angle_quotes",
           "strip_tags"]
