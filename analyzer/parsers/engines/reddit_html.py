"""old.reddit.com comments pages, as saved from a browser.

A page is recognised by a ``thing`` whose ``data-fullname`` is a submission
(``t3_``) or comment (``t1_``) fullname.

The submission is ``div.thing.link`` (``data-fullname="t3_<id>"``, title
``a.title``, words in ``.expando .usertext-body .md``). Comments are
``div.thing.comment`` (``data-fullname="t1_<id>"``, ``data-author``); the
date is the ``<time datetime>`` of the comment's own ``.tagline`` (a second
``time.edited-timestamp`` there is the edit date and is never read), the
words its own ``.usertext-body .md``. A comment's answers are nested in its
``div.child``, so every read is limited to the comment's *own* elements: no
answer's name, date or words can leak into the comment that holds it. Posts
come in display order, depth first (document order).

Ids. Reddit ids are base 36; as in the Reddit JSON parser they are written
in decimal (``int(id, 36)``) so that ids stay digits: ``t1_eum1a01`` becomes
``"32325949153"``. ``reply_to`` is the comment's ``a[data-event-action=
"parent"]`` link (``#<id>`` on the full page, a permalink on a "continue this
thread" page), else the comment that holds it, else the submission: every
comment has one wherever the page shows the submission.

Text. The submission's words are its self text, or for a link post (or a
removed self text) its title. Reddit quotes are Markdown ``>`` lines, which
render as ``blockquote`` and name no speaker or post.

Not kept as posts: "load more comments" and "continue this thread" stubs
(``div.thing.morechildren`` / ``.morerecursion``: "more comments"), deleted
or removed comments (``.deleted``, or words "[deleted]" / "[removed]":
"deleted post"; their answers are kept) and promoted links
("advertisement").
"""

from __future__ import annotations

import re
from datetime import datetime

from analyzer.model import Quote
from analyzer.parsers.dates import read_moment
from analyzer.parsers.dom import Node
from analyzer.parsers.engines.reddit_json import DELETED, decimal_id
from analyzer.parsers.html_forum import HtmlForumParser
from analyzer.parsers.skin import make_skin
from analyzer.text import normalise_space

_FULLNAME = re.compile(r"^t(\d)_([0-9a-z]{1,20})$")
_PARENT = re.compile(r"#([0-9a-z]{1,20})$|/comments/[0-9a-z]+/[^/]*/([0-9a-z]{1,20})/?(?:[?#].*)?$")
_THREAD = re.compile(r"/comments/([0-9a-z]{1,20})(?:/|$)")
_THING = "div.thing"


class OldRedditParser(HtmlForumParser):
    """Saved old.reddit.com comments pages (``div.thing.link`` and ``div.thing.comment``)."""

    engine = "old-reddit"
    description = "old.reddit.com comments pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""\bdata-fullname\s*=\s*["']t[13]_[0-9a-z]+["']"""),
    )
    skin = make_skin(
        "old-reddit",
        post="div.thing.link, div.thing.comment, div.thing.morechildren, div.thing.morerecursion",
        body=".usertext-body .md",
        id=("@data-fullname",),
        author=("@data-author", ".tagline a.author"),
        time=(".tagline time:not(.edited-timestamp)", "@data-timestamp"),  # see timestamp
        quote="blockquote",
        remove=(".usertext-edit",),
        title=("div.thing.link:not(.promoted):not(.promotedlink) a.title",),
        skip={"more comments": "div.thing.morechildren, div.thing.morerecursion",
              "advertisement": "div.thing.promotedlink, div.thing.promoted"},
    )
    #: A "continue this thread" page's address loses its comment id.
    url_cleanup = ((re.compile(r"(/comments/[0-9a-z]+/[^/?#]*/)[0-9a-z]+/?$"), r"\1"),)

    replies_nest = True

    def __init__(self) -> None:
        # The submission of the page being parsed, which top-level comments answer.
        self._submission: str | None = None

    def post_nodes(self, root: Node) -> list[Node]:
        """Every thing on the page, nested comments included, in display order."""
        nodes = root.select(self.skin.post)
        link = next((node for node in nodes if "link" in node.classes
                     and not {"promoted", "promotedlink"} & set(node.classes)), None)
        self._submission = self.post_id(link) if link is not None else None
        return nodes

    def skip_reason(self, node: Node) -> str | None:
        """Stubs and ads by class, then deleted or removed comments."""
        for reason, css in self.skin.skip:
            if node.matches(css):
                return reason
        if "comment" in node.classes:
            body = self.body(node)
            words = normalise_space(body.text()) if body is not None else ""
            if "deleted" in node.classes or words in DELETED:
                return "deleted post"
        return None

    def post_id(self, node: Node) -> str | None:
        """The fullname's base-36 id, in decimal."""
        match = _FULLNAME.match(node.attr("data-fullname").lower())
        return decimal_id(match.group(2)) if match else None

    def author(self, node: Node) -> str | None:
        """``data-author``, or the tagline's author link; None for "[deleted]"."""
        name = node.attr("data-author")
        if not name:
            link = own(node, ".tagline a.author")
            name = normalise_space(link.text()) if link is not None else ""
        return name if name and name not in DELETED else None

    def timestamp(self, node: Node) -> datetime | None:
        """The ``<time>`` of the thing's own tagline that is not the edit date.

        Falls back to the thing's ``data-timestamp`` (epoch milliseconds).
        """
        for found in own_all(node, ".tagline time"):
            if "edited-timestamp" in found.classes:
                continue
            when = read_moment(found.attr("datetime")) or read_moment(found.attr("title"))
            if when is not None:
                return when
        stamp = node.attr("data-timestamp")
        return read_moment(stamp) if stamp else None

    def body(self, node: Node) -> Node | None:
        """The thing's own words; for a submission without self text, its title."""
        found = own(node, self.skin.body)
        if "link" not in node.classes:
            return found
        if found is None or normalise_space(found.text()) in DELETED:
            return own(node, "a.title")
        return found

    def reply_to(self, node: Node, quotes: list[Quote]) -> str | None:
        """The parent link, else the holding comment, else the submission."""
        if "comment" not in node.classes:
            return None
        link = own(node, 'a[data-event-action="parent"]')
        match = _PARENT.search(link.attr("href").lower()) if link is not None else None
        if match:
            return decimal_id(match.group(1) or match.group(2))
        holder = node.closest("div.thing.comment")
        if holder is not None:
            return self.post_id(holder)
        return self._submission

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """The submission id in ``/comments/<id>/``, in decimal."""
        match = _THREAD.search((url or "").lower())
        if match:
            return decimal_id(match.group(1))
        return self._submission

    def describe(self, node: Node, body: Node | None) -> str:
        """A stub's own text ("load more comments (3 replies)") or the comment's words."""
        if body is None:
            entry = own(node, ".entry")
            return super().describe(entry if entry is not None else node, None)
        return super().describe(node, body)


def own_all(node: Node, css: str) -> list[Node]:
    """Matches of ``css`` inside ``node`` that belong to no thing nested in it.

    The answers sit in the thing's ``div.child``, which is not searched at
    all, so a comment with a large tree of answers costs no more than one
    without.
    """
    found: list[Node] = []
    for part in node.children():
        if "child" in part.classes:
            continue
        candidates = ([part] if part.matches(css) else []) + part.select(css)
        found.extend(match for match in candidates if match.closest(_THING, stop=node) is None)
    return found


def own(node: Node, css: str) -> Node | None:
    """The first of :func:`own_all`, or None."""
    found = own_all(node, css)
    return found[0] if found else None


__all__ = ["OldRedditParser", "decimal_id", "own", "own_all"]
