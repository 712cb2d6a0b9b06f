"""XenForo 2 thread pages, as saved from a browser.

A XenForo 2 post is an ``article.message--post`` whose ``data-content`` is
``post-<id>`` and whose ``data-author`` names the speaker. The words are in
``.message-body .bbWrapper``; quotes are ``blockquote.bbCodeBlock--quote``
with ``data-quote`` (the quoted speaker) and ``data-source`` (``post: <id>``).
Signatures, "Last edited" notes, reaction bars, attachments and the action
bar sit outside the body and never reach a post's text.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime

from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)
from bs4.element import PreformattedString

from analyzer.clean import clean_text
from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.text import normalise_space, preview

_XF_ROOT = re.compile(r"""<html\b[^>]*\bid\s*=\s*["']?XF["'\s>]""", re.IGNORECASE)
_POST_MARKUP = re.compile(r"""class\s*=\s*["'][^"']*\bmessage--(?:post|article)\b""")

_MESSAGES = ".message--post, .message--article"
_QUOTE = "blockquote.bbCodeBlock--quote"
# Markup that is never the author's words, wherever it appears in a body.
_BODY_CHROME = ", ".join([
    "script", "style", "noscript", "template", "button",
    ".bbCodeBlock-expandLink", ".bbCodeBlock-shrinkLink", ".bbCodeSpoiler-button",
    ".js-selectToQuoteEnd", ".message-signature", ".message-lastEdit", ".reactionsBar",
    ".message-attachments", ".bbCodeBlock--unfurl", ".bbMediaWrapper", ".bbMediaJustifier",
    ".samCodeUnit", ".samBannerUnit", ".adsbygoogle", "[data-ad-slot]", ".u-srOnly",
])
_BLOCK_TITLES = ".bbCodeBlock-title"

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "ul",
})
_LINE = frozenset({"li", "tr", "dt", "dd", "caption"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})
_INLINE_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_MANY_BLANKS = re.compile(r"\n{3,}")

_AD_CLASS = re.compile(r"^(?:ad|ads|advert\w*|sponsor\w*|promo\w*)$", re.IGNORECASE)
_AD_AUTHORS = frozenset({"ad", "ads", "advert", "advertisement", "advertisements", "sponsor",
                         "sponsored", "sponsored content", "promoted"})
_POST_ID = re.compile(r"\bpost-(\d+)\b")
_SOURCE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(\d+)")
_SOURCE_LINK = re.compile(r"(?:#post-|goto/post\?id=|/posts/|post-)(\d+)")
_SAID = re.compile(r"^(.+?)\s+\S+\s*:\s*$")
_THREAD_ID = re.compile(r"threads/(?:[^/?#]*?\.)?(\d+)(?=[/?#]|$)")
_CONTENT_KEY = re.compile(r"^thread-(\d+)$")
_PAGE_SUFFIX = re.compile(r"page-\d+/?$")
_NOT_POST_DATE = re.compile(r"^(?:bbWrapper|message-lastEdit|message-signature|message-user)$")
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]+$")


class XenForo2Parser(Parser):
    """Saved XenForo 2 thread pages (``html id="XF"``, ``article.message--post``)."""

    engine = "xenforo2"
    description = "XenForo 2 thread pages saved from a browser"
    priority = 50

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for HTML carrying XenForo 2 markers.

        The page root ``<html id="XF">`` is enough (so a XenForo page that is
        not a thread is recognised and refused with a clear message); without
        it, XenForo 2 post markup with a ``bbWrapper`` body is.
        """
        text = doc.text
        if not (doc.looks_like_html or re.search(r"<html\b", text[:65536], re.IGNORECASE)):
            return False
        if _XF_ROOT.search(text[:65536]):
            return True
        return bool(_POST_MARKUP.search(text)) and "bbWrapper" in text

    def parse(self, doc: Document) -> Thread:
        """Parse a saved XenForo 2 thread page.

        Raises:
            ParseError: If the page has no posts (it is not a thread page).
        """
        soup = make_soup(doc.text)
        messages = _top_level(soup.select(_MESSAGES))
        if not messages:
            raise ParseError(f"{doc.name}: no posts found (is this a thread page?)")
        posts: list[Post] = []
        skipped: list[Skipped] = []
        for message in messages:
            item = _read_message(message, doc.name, len(posts))
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                posts.append(item)
        url = _thread_url(soup)
        return Thread(
            id=_thread_id(soup, url) or doc.stem,
            title=_thread_title(soup),
            engine=self.engine,
            url=url,
            posts=tuple(posts),
            skipped=tuple(skipped),
        )


def make_soup(text: str) -> BeautifulSoup:
    """Parse HTML with lxml, without bs4's advice about odd-looking input."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


def _top_level(messages: list[Tag]) -> list[Tag]:
    chosen = set(map(id, messages))
    return [m for m in messages if not any(id(parent) in chosen for parent in m.parents)]


def _read_message(message: Tag, source: str, position: int) -> Post | Skipped:
    author = _author(message)
    post_id = _message_id(message)
    body = _body(message)
    if _has_ad_class(message) or (post_id is None and _is_ad_author(author)):
        return Skipped("advertisement", _preview(body, message), source)
    if post_id is None:
        return Skipped("no post id", _preview(body, message), source)
    if _is_deleted(message):
        return Skipped("deleted post", f"post {post_id} by {author or 'unknown'}", source)
    quotes: tuple[Quote, ...] = ()
    text = ""
    if body is not None:
        for chrome in body.select(_BODY_CHROME):
            chrome.decompose()
        quotes = tuple(_take_quote(block) for block in _top_level(body.select(_QUOTE)))
        for title in body.select(_BLOCK_TITLES):
            title.decompose()
        text = clean_text(render_text(body))
    if not text and not quotes:
        return Skipped("empty post", f"post {post_id} by {author or 'unknown'}", source)
    return Post(
        id=post_id,
        position=position,
        author=author,
        timestamp=_timestamp(message),
        text=text,
        quotes=quotes,
        reply_to=next((q.post_id for q in quotes if q.post_id), None),
        source=source,
    )


def _message_id(message: Tag) -> str | None:
    for attr in ("data-content", "id", "data-lb-id"):
        match = _POST_ID.search(str(message.get(attr) or ""))
        if match:
            return match.group(1)
    anchor = message.select_one(".u-anchorTarget[id]")
    if anchor is not None:
        match = _POST_ID.search(str(anchor.get("id")))
        if match:
            return match.group(1)
    return None


def _author(message: Tag) -> str | None:
    name = normalise_space(str(message.get("data-author") or ""))
    if not name:
        tag = message.select_one(".message-name") or message.select_one(".username")
        name = normalise_space(tag.get_text(" ")) if tag is not None else ""
    return name or None


def _body(message: Tag) -> Tag | None:
    for selector in (".message-body .bbWrapper", ".message-userContent .bbWrapper",
                     ".message-body", ".message-userContent"):
        for found in message.select(selector):
            if found.find_parent(class_="message-signature") is None:
                return found
    return None


def _is_ad_author(author: str | None) -> bool:
    return author is not None and author.lower() in _AD_AUTHORS


def _has_ad_class(message: Tag) -> bool:
    classes = message.get("class") or []
    return any(_AD_CLASS.match(part) for cls in classes for part in re.split(r"[-_]+", cls))


def _is_deleted(message: Tag) -> bool:
    classes = message.get("class") or []
    if "message--deleted" in classes:
        return True
    return message.select_one(".messageNotice--deleted") is not None


def _preview(body: Tag | None, message: Tag) -> str:
    return preview(render_text(body if body is not None else message)) or "(no text)"


def _take_quote(block: Tag) -> Quote:
    """Turn a top-level quote block into a :class:`Quote` and remove it from the body."""
    author = normalise_space(str(block.get("data-quote") or "")) or None
    title = block.select_one(".bbCodeBlock-title")
    if author is None and title is not None:
        said = _SAID.match(normalise_space(title.get_text(" ")))
        author = said.group(1) if said else None
    post_id = _quote_post_id(block, title)
    content = (block.select_one(".bbCodeBlock-expandContent")
               or block.select_one(".bbCodeBlock-content") or block)
    for nested in content.select(_QUOTE):  # words of an earlier post, not of the quoted one
        nested.decompose()
    for title_tag in content.select(_BLOCK_TITLES):
        title_tag.decompose()
    text = clean_text(render_text(content))
    block.decompose()
    return Quote(text=text, post_id=post_id, author=author)


def _quote_post_id(block: Tag, title: Tag | None) -> str | None:
    source = _SOURCE.match(str(block.get("data-source") or ""))
    if source:
        return source.group(2) if source.group(1).lower() == "post" else None
    jump = title.select_one(".bbCodeBlock-sourceJump") if title is not None else None
    if jump is not None:
        for attr in ("data-content-selector", "href"):
            match = _SOURCE_LINK.search(str(jump.get(attr) or ""))
            if match:
                return match.group(1)
    return None


def _timestamp(message: Tag) -> datetime | None:
    for selector in (".message-attribution-main time", ".message-attribution time",
                     ".message-date time", "time.u-dt"):
        for tag in message.select(selector):
            if tag.find_parent(class_=_NOT_POST_DATE) is not None:
                continue
            when = parse_time(tag)
            if when is not None:
                return when
    return None



def parse_time(tag: Tag) -> datetime | None:
    """Read a XenForo ``<time>`` element as a timezone-aware datetime.

    Uses the ISO ``datetime`` attribute (keeping its UTC offset), else the
    epoch in ``data-time`` (XenForo 2.0-2.2) or ``data-timestamp`` (2.3),
    else a ``datetime`` without an offset, taken as UTC.
    """
    naive: datetime | None = None
    raw = str(tag.get("datetime") or "").strip()
    if raw:
        try:
            when = datetime.fromisoformat(raw)
        except ValueError:
            when = None
        if when is not None and when.tzinfo is not None:
            return when
        naive = when
    for attr in ("data-time", "data-timestamp"):
        value = str(tag.get(attr) or "").strip()
        if value.isdigit():
            try:
                return datetime.fromtimestamp(int(value), tz=UTC)
            except (OverflowError, OSError, ValueError):
                continue
    return naive.replace(tzinfo=UTC) if naive is not None else None


def _thread_url(soup: BeautifulSoup) -> str | None:
    sources = (('link[rel~="canonical"]', "href"), ('meta[property="og:url"]', "content"))
    for selector, attr in sources:
        tag = soup.select_one(selector)
        value = str(tag.get(attr) or "").strip() if tag is not None else ""
        if value:
            return _PAGE_SUFFIX.sub("", value)
    return None


def _thread_id(soup: BeautifulSoup, url: str | None) -> str | None:
    if url:
        match = _THREAD_ID.search(url)
        if match:
            return match.group(1)
    root = soup.find("html")
    key = str(root.get("data-content-key") or "") if isinstance(root, Tag) else ""
    match = _CONTENT_KEY.match(key.strip())
    return match.group(1) if match else None


def _thread_title(soup: BeautifulSoup) -> str | None:
    heading = soup.select_one("h1.p-title-value")
    if heading is not None:
        for label in heading.select(".label, .label-append"):
            label.decompose()
        title = normalise_space(heading.get_text(" "))
        if title:
            return title
    og = soup.select_one('meta[property="og:title"]')
    if og is not None and normalise_space(str(og.get("content") or "")):
        return normalise_space(str(og.get("content")))
    if soup.title is not None:
        title = _TITLE_SUFFIX.sub("", normalise_space(soup.title.get_text(" ")))
        return title or None
    return None


class _Break(str):
    """A soft line break around a block element; adjacent ones merge, not add."""


def render_text(root: Tag) -> str:
    """Render an element as plain text with paragraph breaks.

    ``<br>`` ends a line; block elements (``div``, ``p``, lists, quotes, ...)
    are set off by blank lines; list items and table rows get a line each.
    Runs of HTML white space collapse as a browser would; ``pre`` keeps its
    line breaks (lines are stripped everywhere).
    The walk is iterative, so deeply nested markup cannot overflow the stack.
    """
    out: list[str] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, _Break):
            _soft_break(out, node)
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                out.append(_INLINE_SPACE.sub(" ", str(node)))
        elif isinstance(node, Tag):
            name = (node.name or "").lower()
            if name in _SKIP:
                continue
            if name == "br":
                out.append("\n")
            elif name == "pre":
                _soft_break(out, _Break("\n\n"))
                out.append(node.get_text())
                _soft_break(out, _Break("\n\n"))
            elif name == "img" and "smilie" in (node.get("class") or []):
                out.append(str(node.get("alt") or ""))
            elif name in _BLOCK or name in _LINE:
                brk = _Break("\n\n" if name in _BLOCK else "\n")
                _soft_break(out, brk)
                stack.append(brk)
                stack.extend(reversed(node.contents))
            else:
                if name in ("td", "th"):
                    out.append(" ")
                stack.extend(reversed(node.contents))
    return _tidy("".join(out))


def _soft_break(out: list[str], brk: _Break) -> None:
    while out and not isinstance(out[-1], _Break) and not out[-1].strip(" "):
        out.pop()  # white space between blocks is not content
    if out and isinstance(out[-1], _Break):
        if len(brk) > len(out[-1]):
            out[-1] = brk
    else:
        out.append(brk)


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line.replace("\u00a0", " ")).strip() for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip()


__all__ = ["XenForo2Parser", "make_soup", "parse_time", "render_text"]
