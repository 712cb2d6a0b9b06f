"""Reddit comments pages as JSON (a thread's URL with ``.json`` appended).

The file is a list of two Listings. The first holds the submission (kind
``t3``: ``title``, ``selftext``, ``author``, ``created_utc``, ``id``,
``permalink``); the second the comment tree (kind ``t1``: ``body``,
``author``, ``created_utc``, ``id``, ``parent_id``), each comment's answers
in its ``replies`` Listing. The tree is walked depth first in display order,
with an explicit stack, so no depth of replies can overflow Python's.

Ids. Reddit ids are base 36 (``gh5x9k2``); the JSON contract wants digits,
so each id is written in decimal (``int(id, 36)``): ``t3_kgl2ma`` becomes
``"1236454114"``. ``reply_to`` is converted the same way from ``parent_id``,
so a top-level comment answers the submission's id. A submission and a
comment could in principle share a number, as they count separately.

Text. ``body`` and ``selftext`` are Markdown with ``&``, ``<`` and ``>``
escaped as HTML entities (undone once). Lines quoted with ``>`` become
quotes with no known speaker or post. The submission is always the first
post, since every top-level comment answers it: its words are the
``selftext``, or, for a link post (or a removed one), the title.

Not kept as posts: comments whose body is ``[deleted]`` or ``[removed]``
("deleted post"; their answers are kept), ``more`` stubs standing for
comments the page did not load ("more comments"), comments with no words.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.htmltext import split_angle_quotes
from analyzer.parsers.records import depth_first, load_json, text_field, time_field, try_json

_BASE36 = re.compile(r"^[0-9a-z]{1,20}$")
#: What Reddit writes for the words or the name of a deleted or removed comment.
DELETED = frozenset({"[deleted]", "[removed]"})
_SHAPE = "not a Reddit comments page: expected a list of two listings"


class RedditJsonParser(Parser):
    """The ``.json`` of a Reddit comments page."""

    engine = "reddit-json"
    description = "Reddit comments page JSON (the thread URL with .json appended)"
    priority = 60

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for a list whose first Listing holds a submission (``t3``)."""
        data = try_json(doc)
        if not isinstance(data, list) or not data:
            return False
        children = _children(data[0])
        return (children is not None and bool(children) and isinstance(children[0], dict)
                and children[0].get("kind") == "t3")

    def parse(self, doc: Document) -> Thread:
        """Parse a Reddit comments page.

        Raises:
            ParseError: If the file is not JSON or not a comments page.
        """
        return read_comments_page(load_json(doc), doc.name)


def read_comments_page(data: Any, source: str) -> Thread:
    """Build a thread from a parsed Reddit comments page.

    Args:
        data: The parsed JSON: a list of two Listings.
        source: The file name, for messages and :attr:`Post.source`.

    Raises:
        ParseError: If ``data`` is not a comments page.
    """
    if not isinstance(data, list) or len(data) != 2:
        raise ParseError(f"{source}: {_SHAPE}")
    first, second = _children(data[0]), _children(data[1])
    if first is None or second is None:
        raise ParseError(f"{source}: {_SHAPE}")
    submission = next((item["data"] for item in first if isinstance(item, dict)
                       and item.get("kind") == "t3" and isinstance(item.get("data"), dict)), None)
    if submission is None:
        raise ParseError(f"{source}: not a Reddit comments page: the first listing has no "
                         "submission (t3)")
    op = _submission(submission, source)
    posts: list[Post] = [op]
    skipped: list[Skipped] = []
    for item in depth_first(second, _replies):
        kind = item.get("kind") if isinstance(item, dict) else None
        data_ = item.get("data") if isinstance(item, dict) else None
        if kind == "more" and isinstance(data_, dict):
            skipped.append(Skipped("more comments", _more(data_), source))
        elif kind == "t1" and isinstance(data_, dict):
            read = _comment(data_, len(posts), source)
            if isinstance(read, Skipped):
                skipped.append(read)
            else:
                posts.append(read)
        else:
            skipped.append(Skipped("not a comment", f"item of kind {kind!r}", source))
    permalink = text_field(submission.get("permalink"))
    url = f"https://www.reddit.com{permalink}" if permalink and permalink.startswith("/") else (
        permalink)
    title = text_field(submission.get("title"))
    thread_id = decimal_id(submission.get("id")) or decimal_id(submission.get("name"))
    return Thread(id=thread_id or Path(source).stem,
                  title=unescape(title) if title else None, engine="reddit-json", url=url,
                  posts=tuple(posts), skipped=tuple(skipped))


def decimal_id(value: Any) -> str | None:
    """Write a Reddit id (``gh5x9k2``, or a fullname ``t1_gh5x9k2``) in decimal digits.

    The old.reddit HTML parser writes its ids with this too, so both give
    the same ids for the same thread.

    Returns:
        The decimal string, or None if ``value`` is not a base-36 id.
    """
    if not isinstance(value, str):
        return None
    raw = value.strip().lower()
    if re.match(r"^t\d_", raw):
        raw = raw[3:]
    return str(int(raw, 36)) if _BASE36.match(raw) else None


def _children(listing: Any) -> list[Any] | None:
    if not isinstance(listing, dict) or listing.get("kind") != "Listing":
        return None
    data = listing.get("data")
    children = data.get("children") if isinstance(data, dict) else None
    return children if isinstance(children, list) else None


def _replies(item: Any) -> list[Any]:
    """A comment's answers (its ``replies`` Listing); none for anything else."""
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(data, dict) or item.get("kind") != "t1":
        return []
    return _children(data.get("replies")) or []


def _submission(data: dict[str, Any], source: str) -> Post:
    title = unescape(text_field(data.get("title")) or "")
    raw_selftext = data.get("selftext")
    selftext = raw_selftext if isinstance(raw_selftext, str) else ""
    body = split_angle_quotes(unescape(selftext))
    if selftext.strip() in DELETED or not (body.text or body.quotes):
        body = split_angle_quotes(title)
    return Post(
        id=decimal_id(data.get("id")) or decimal_id(data.get("name")) or "1",
        position=0,
        author=_author(data),
        timestamp=time_field(data.get("created_utc")),
        text=body.text,
        quotes=tuple(Quote(q.text) for q in body.quotes),
        source=source,
    )


def _comment(data: dict[str, Any], position: int, source: str) -> Post | Skipped:
    author = _author(data)
    ident = text_field(data.get("id")) or "?"
    body_field = data.get("body")
    raw = body_field if isinstance(body_field, str) else ""
    if raw.strip() in DELETED:
        return Skipped("deleted post", f"comment {ident} ({raw.strip()})", source)
    body = split_angle_quotes(unescape(raw))
    if not body.text and not body.quotes:
        return Skipped("empty post", f"comment {ident} by {author or 'unknown'}", source)
    return Post(
        id=decimal_id(data.get("id")) or decimal_id(data.get("name")) or str(position + 1),
        position=position,
        author=author,
        timestamp=time_field(data.get("created_utc")),
        text=body.text,
        quotes=tuple(Quote(q.text) for q in body.quotes),
        reply_to=decimal_id(data.get("parent_id")),
        source=source,
    )


def _author(data: dict[str, Any]) -> str | None:
    author = text_field(data.get("author"))
    return None if author is None or author in DELETED else author


def _more(data: dict[str, Any]) -> str:
    count = data.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and count > 0:
        return f"{count} more comments not loaded"
    return "continue this thread (comments not loaded)"


__all__ = ["DELETED", "RedditJsonParser", "decimal_id", "read_comments_page"]
