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
import warnings
from datetime import datetime
from typing import ClassVar

from analyzer.clean import clean_text
from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser, looks_like_html
from analyzer.parsers.dates import is_relative, page_reference, read_moment
from analyzer.parsers.diagnose import (
    RelativeDatesWarning,
    UnaccountedPostsWarning,
    tried_selectors,
)
from analyzer.parsers.dom import Node, parse_html
from analyzer.parsers.footers import drop_app_footer
from analyzer.parsers.names import has_class_word, page_dayfirst, plain_name, said_name
from analyzer.parsers.postmarks import post_markers, separate_nested, shortfall
from analyzer.parsers.skin import Field, Skin, digits, read_first
from analyzer.text import normalise_space, preview

#: Attributes that hold a machine-readable date, most precise first.
DATE_ATTRIBUTES = ("datetime", "data-time", "data-timestamp", "data-datetime", "data-unix",
                   "data-date", "title")
#: Signatures and app footers as engines, themes and plugins mark them, inside a body.
SIGNATURES = (".signature, .signature_div, .signaturecontainer, .post-signature, "
              ".user-signature, .message-signature, .tapatalk-signature, .tt_signature")
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]+$")


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
        replies_nest: True where the markup nests a reply inside the post
            it answers (old Reddit), so a post inside a post is no sign of
            broken markup.
    """

    skin: ClassVar[Skin]
    markers: ClassVar[tuple[re.Pattern[str], ...]] = ()
    scan: ClassVar[int] = 200_000
    url_cleanup: ClassVar[tuple[tuple[re.Pattern[str], str], ...]] = ()
    thread_id_pattern: ClassVar[re.Pattern[str] | None] = None
    thread_id_field: ClassVar[Field | None] = None
    post_id_pattern: ClassVar[re.Pattern[str] | None] = None
    replies_nest: ClassVar[bool] = False
    # The page being parsed: its own date, whether its numeric dates are day first, and
    # how many relative dates ("Today") could not be read for want of that date.
    _reference: datetime | None = None
    _dayfirst: bool = False
    _unread_relative: int = 0
    _saw_relative: bool = False

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for HTML in which one of ``markers`` occurs."""
        if not cls.markers or not looks_like_html(doc.text):
            return False
        head = doc.text[:cls.scan]
        return any(marker.search(head) for marker in cls.markers)

    def parse(self, doc: Document) -> Thread:
        """Parse a saved thread page.

        Post elements nested in another post by unclosed markup are read as
        posts of their own (:func:`~analyzer.parsers.postmarks.separate_nested`).
        When the posts kept and skipped fall well short of the posts the page
        marks, an :class:`UnaccountedPostsWarning` says so.

        Raises:
            ParseError: If the page is not HTML or has no posts of this engine.
        """
        try:
            root = parse_html(doc.text)
        except ValueError as exc:
            raise ParseError(f"{doc.name}: {exc}") from None
        markers = post_markers(root)
        self._dayfirst = self.skin.dayfirst or page_dayfirst(root)
        self._reference = page_reference(doc.text, self._dayfirst)
        self._unread_relative = 0
        nodes = self.post_nodes(root)
        # Fewer outermost posts than marked ones: some may sit inside others.
        if (not self.replies_nest and (not markers or len(nodes) < len(markers))
                and separate_nested(root, self.skin.post, self.own_post)):
            nodes = self.post_nodes(root)
        if not nodes:
            raise ParseError(f"{doc.name}: no posts found "
                             f"(is this a {self.skin.name} thread page?); "
                             + tried_selectors(self.skin, markers))
        posts: list[Post] = []
        skipped: list[Skipped] = []
        for node in nodes:
            item = self.read_post(node, doc.name, len(posts))
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                posts.append(item)
        url = self.thread_url(root)
        missing = shortfall(markers, len(posts) + len(skipped))
        if missing:
            warnings.warn(UnaccountedPostsWarning(doc.name, len(markers), len(posts),
                                                  len(skipped)), stacklevel=2)
        if self._unread_relative:
            warnings.warn(RelativeDatesWarning(doc.name, self._unread_relative), stacklevel=2)
        return Thread(
            id=self.thread_id(root, url) or doc.stem,
            title=self.thread_title(root),
            engine=self.skin.name,
            url=url,
            posts=tuple(posts),
            skipped=tuple(skipped),
            post_markers=markers,
        )

    def own_post(self, inner: Node, outer: Node) -> bool:
        """True if a post element found inside another is a post of its own.

        It is when both have post ids and they differ; in a skin without
        ids, when both have a body of their own. Never in an engine whose
        replies nest inside the posts they answer (``replies_nest``).
        """
        if self.replies_nest:
            return False
        inner_id, outer_id = self.post_id(inner), self.post_id(outer)
        if inner_id is not None or outer_id is not None:
            return None not in (inner_id, outer_id) and inner_id != outer_id
        if self.skin.id:
            return False
        outer_body = outer.select_one(self.skin.body)
        return (inner.select_one(self.skin.body) is not None and outer_body is not None
                and inner not in outer_body.ancestors() + [outer_body])

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
        author = plain_name(self.author(node) or "")
        self._saw_relative = False
        timestamp = self.timestamp(node)
        if timestamp is None and self._saw_relative:
            self._unread_relative += 1
        quotes: list[Quote] = []
        text = ""
        if body is not None:
            # The skin's chrome and, in any engine, what the markup marks as a signature.
            body.remove_all(", ".join((*self.skin.remove, SIGNATURES)))
            if self.skin.quote:
                for block in body.select_top(self.skin.quote):
                    quotes.append(self.read_quote(block))
                    block.remove()
            text = drop_app_footer(clean_text(self.render_body(body)))
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
        return plain_name(read_first(self.skin.author, node))

    def timestamp(self, node: Node) -> datetime | None:
        """The post date: a date attribute of ``skin.time``, else its visible text."""
        for item in self.skin.time:
            target = item.node(node)
            if target is None:
                continue
            values = ([target.attr(item.attr)] if item.attr
                      else [target.attr(a) for a in DATE_ATTRIBUTES] + [target.text()])
            for value in values:
                when = self.read_date(value)
                if when is not None:
                    return when
        return None

    def read_date(self, value: str) -> datetime | None:
        """Read a date of the page: day first where the page's language puts it so,
        and "Today"/"Yesterday" against the page's own date, if it gives one."""
        when = read_moment(value, self._dayfirst, self._reference)
        if when is None and is_relative(value):
            self._saw_relative = True
        return when

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
        author = plain_name(self.quote_author(block) or "")
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


__all__ = ["DATE_ATTRIBUTES", "SIGNATURES", "HtmlForumParser", "SelectorParser", "has_class_word",
           "page_dayfirst", "plain_name", "said_name"]
