"""The parser every HTML forum engine shares: a :class:`Skin` plus hooks.

An engine module subclasses :class:`HtmlForumParser`, sets ``skin`` (its
CSS selectors) and ``markers`` (what identifies its pages), and overrides a
hook only where its markup needs code: a quote whose author is written as
"X wrote:", an id hidden in a link, a date split over two elements. The
steps for each post element are:

1. ``skip_reason``: advertisements, deleted stubs and ignored-user
   placeholders are skipped, with the reason.
2. ``post_id``, ``author``, ``timestamp``.
3. The body: ``skin.remove`` chrome is dropped; each outermost
   ``skin.quote`` becomes a :class:`~analyzer.model.Quote` (``read_quote``)
   and leaves the text; what remains is rendered and cleaned.

``--selectors FILE.toml`` runs the same steps with a user's skin
(:class:`SelectorParser`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from analyzer.clean import clean_text
from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser, looks_like_html
from analyzer.parsers.dates import read_moment
from analyzer.parsers.dom import Node, parse_html
from analyzer.parsers.skin import Field, Skin, digits, read_first
from analyzer.text import normalise_space, preview

#: Attributes that hold a machine-readable date, most precise first.
DATE_ATTRIBUTES = ("datetime", "data-time", "data-timestamp", "data-datetime", "data-unix",
                   "data-date", "title")
_SAID = re.compile(r"^\s*(?:quote\s*(?:from)?\s*:?\s*)?(?:originally posted by\s+)?"
                   r"(?P<name>.+?)\s*(?:\bon\b.*)?\s*(?:said|wrote|writes|schrieb|"
                   r"a écrit|escribió|написал\w*)?\s*[:：]?\s*(?:↑)?\s*$", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]+$")
_CLASS_WORD = re.compile(r"[-_]+")


class HtmlForumParser(Parser):
    """Base of the HTML engine parsers; see the module notes.

    Subclasses set ``skin`` and ``markers``, and describe the thread's
    address and id with the ``url_cleanup``, ``thread_id_pattern`` and
    ``thread_id_field`` attributes instead of overriding :meth:`thread_url`
    and :meth:`thread_id`.

    Attributes:
        skin: The engine's CSS selectors.
        markers: Regular expressions, any of which found in the page
            identifies the engine.
        scan: How far into the page ``markers`` are searched.
        url_cleanup: (pattern, replacement) pairs applied in order to the
            canonical address by :meth:`thread_url`, to make every page of a
            thread give the same address (dropping ``page-N``, ``?page=N``,
            ``start=N`` and the like).
        thread_id_pattern: :meth:`thread_id` takes group 1 of its first
            match in the thread's address. None: the last run of digits in
            the address.
        thread_id_field: Where the page names the thread's id when its
            address gives none, e.g. ``Field.parse("[data-tid]@data-tid")``;
            its value is taken only if it is all digits.
    """

    skin: ClassVar[Skin]
    markers: ClassVar[tuple[re.Pattern[str], ...]] = ()
    scan: ClassVar[int] = 200_000
    url_cleanup: ClassVar[tuple[tuple[re.Pattern[str], str], ...]] = ()
    thread_id_pattern: ClassVar[re.Pattern[str] | None] = None
    thread_id_field: ClassVar[Field | None] = None
    post_id_pattern: ClassVar[re.Pattern[str] | None] = None

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for HTML in which one of ``markers`` occurs."""
        if not cls.markers or not looks_like_html(doc.text):
            return False
        head = doc.text[:cls.scan]
        return any(marker.search(head) for marker in cls.markers)

    def parse(self, doc: Document) -> Thread:
        """Parse a saved thread page.

        Raises:
            ParseError: If the page is not HTML or has no posts of this engine.
        """
        try:
            root = parse_html(doc.text)
        except ValueError as exc:
            raise ParseError(f"{doc.name}: {exc}") from None
        nodes = self.post_nodes(root)
        if not nodes:
            raise ParseError(f"{doc.name}: no posts found "
                             f"(is this a {self.skin.name} thread page?)")
        posts: list[Post] = []
        skipped: list[Skipped] = []
        for node in nodes:
            item = self.read_post(node, doc.name, len(posts))
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                posts.append(item)
        url = self.thread_url(root)
        return Thread(
            id=self.thread_id(root, url) or doc.stem,
            title=self.thread_title(root),
            engine=self.skin.name,
            url=url,
            posts=tuple(posts),
            skipped=tuple(skipped),
        )

    # Posts --------------------------------------------------------------

    def post_nodes(self, root: Node) -> list[Node]:
        """The post elements of the page, outermost only, in order."""
        return root.select_top(self.skin.post)

    def read_post(self, node: Node, source: str, position: int) -> Post | Skipped:
        """Turn one post element into a post, or say why it is skipped."""
        body = self.body(node)
        reason = self.skip_reason(node)
        if reason:
            return Skipped(reason, self.describe(node, body), source)
        post_id = self.post_id(node)
        if post_id is None:
            if self.skin.id:
                return Skipped("no post id", self.describe(node, body), source)
            post_id = str(position + 1)
        author = self.author(node)
        timestamp = self.timestamp(node)
        quotes: list[Quote] = []
        text = ""
        if body is not None:
            if self.skin.remove:
                body.remove_all(", ".join(self.skin.remove))  # one query, not one per selector
            if self.skin.quote:
                for block in body.select_top(self.skin.quote):
                    quotes.append(self.read_quote(block))
                    block.remove()
            text = clean_text(self.render_body(body))
        if not text and not quotes:
            return Skipped("empty post", f"post {post_id} by {author or 'unknown'}", source)
        return Post(
            id=post_id,
            position=position,
            author=author,
            timestamp=timestamp,
            text=text,
            quotes=tuple(quotes),
            reply_to=self.reply_to(node, quotes),
            source=source,
        )

    def skip_reason(self, node: Node) -> str | None:
        """Why this element is not a post (``skin.skip``), or None."""
        for reason, css in self.skin.skip:
            if node.matches(css) or node.select_one(css) is not None:
                return reason
        return None

    def body(self, node: Node) -> Node | None:
        """The element holding the post's words."""
        return node.select_one(self.skin.body)

    def post_id(self, node: Node) -> str | None:
        """The forum's id of the post: the digits of ``skin.id``."""
        for item in self.skin.id:
            value = item.read(node)
            if self.post_id_pattern is not None:
                match = self.post_id_pattern.search(value)
                found = match.group(1) if match else None
            else:
                found = digits(value)
            if found:
                return found
        return None

    def author(self, node: Node) -> str | None:
        """The speaker's name."""
        return normalise_space(read_first(self.skin.author, node)) or None

    def timestamp(self, node: Node) -> datetime | None:
        """The post date: a date attribute of ``skin.time``, else its visible text."""
        for item in self.skin.time:
            target = item.node(node)
            if target is None:
                continue
            values = ([target.attr(item.attr)] if item.attr
                      else [target.attr(a) for a in DATE_ATTRIBUTES] + [target.text()])
            for value in values:
                when = read_moment(value, self.skin.dayfirst)
                if when is not None:
                    return when
        return None

    def render_body(self, body: Node) -> str:
        """The body's text with paragraph breaks."""
        return body.render()

    def reply_to(self, node: Node, quotes: list[Quote]) -> str | None:
        """The post this one answers: by default, the first quoted post with an id."""
        return next((q.post_id for q in quotes if q.post_id), None)

    # Quotes -------------------------------------------------------------

    def read_quote(self, block: Node) -> Quote:
        """Turn an outermost quote block into a :class:`Quote`.

        Quotes nested inside it are the words of an earlier post, not of the
        quoted one, and are dropped from its text.
        """
        if self.skin.quote:
            block.remove_all(self.skin.quote)
        author = self.quote_author(block)
        post_id = next((d for d in (digits(f.read(block)) for f in self.skin.quote_id) if d),
                       None)
        if self.skin.quote_header:
            block.remove_all(self.skin.quote_header)
        return Quote(text=clean_text(block.render()), post_id=post_id, author=author)

    def quote_author(self, block: Node) -> str | None:
        """The quoted speaker, with "wrote:"/"said:" and the like taken off."""
        return said_name(read_first(self.skin.quote_author, block))

    # The thread ---------------------------------------------------------

    def thread_url(self, root: Node) -> str | None:
        """The page's canonical address (or ``og:url``), with ``url_cleanup`` applied."""
        for css, attr in (('link[rel~="canonical"]', "href"), ('meta[property="og:url"]',
                                                                 "content")):
            found = root.select_one(css)
            url = found.attr(attr) if found is not None else ""
            if url:
                for pattern, replacement in self.url_cleanup:
                    url = pattern.sub(replacement, url)
                return url
        return None

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """The forum's id of the thread, from its address, else from ``thread_id_field``.

        The address gives group 1 of ``thread_id_pattern``, or without one
        its last number.
        """
        if self.thread_id_pattern is None:
            found = digits(url or "")
        else:
            match = self.thread_id_pattern.search(url or "")
            found = match.group(1) if match else None
        if found or self.thread_id_field is None:
            return found
        value = self.thread_id_field.read(root)
        return value if value.isdigit() else None

    def thread_title(self, root: Node) -> str | None:
        """The thread title: ``skin.title``, else og:title, else ``<title>``."""
        title = normalise_space(read_first(self.skin.title, root)) if self.skin.title else ""
        if title:
            return title
        og = root.select_one('meta[property="og:title"]')
        if og is not None and og.attr("content"):
            return normalise_space(og.attr("content"))
        tag = root.select_one("title")
        title = _TITLE_SUFFIX.sub("", tag.text()) if tag is not None else ""
        return title or None

    def describe(self, node: Node, body: Node | None) -> str:
        """A short preview of a skipped element."""
        return preview((body or node).render()) or "(no text)"


def has_class_word(node: Node, pattern: re.Pattern[str]) -> bool:
    """True if ``pattern`` matches a word of one of the element's classes.

    Classes are split at ``-`` and ``_``: ``sidebar-ad`` has the words
    ``sidebar`` and ``ad``.
    """
    return any(pattern.match(word) for cls in node.classes for word in _CLASS_WORD.split(cls))


def said_name(text: str) -> str | None:
    """The name in a quote header: "Bob said:" → "Bob", "Quote from: Bob on ..." → "Bob"."""
    text = normalise_space(text)
    if not text:
        return None
    match = _SAID.match(text)
    name = match.group("name").strip(" :\"'“”") if match else text
    return name or None


class SelectorParser(HtmlForumParser):
    """An HTML parser driven by a user's skin (``--selectors FILE.toml``).

    Never chosen by detection: it reads whatever page it is given.
    """

    engine = "selectors"
    description = "any HTML forum, described by a --selectors TOML file"
    priority = -1000

    def __init__(self, skin: Skin) -> None:
        self.skin = skin  # type: ignore[misc]

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Never: a skin must be given explicitly."""
        return False


__all__ = ["DATE_ATTRIBUTES", "HtmlForumParser", "SelectorParser", "has_class_word",
           "said_name"]
