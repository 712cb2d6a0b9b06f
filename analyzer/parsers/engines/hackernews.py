"""Hacker News threads from the Algolia API (``hn.algolia.com/api/v1/items/ID``).

The file is one item with its answers nested in ``children``: ``id``,
``type`` (``story`` or ``comment``), ``author``, ``created_at`` (ISO 8601)
and ``created_at_i`` (epoch seconds), ``title`` (stories), ``text`` (HTML,
paragraphs split by ``<p>``), ``parent_id`` and ``story_id``. The tree is
walked depth first in display order, with an explicit stack.

Hacker News has no quote markup: a quoted paragraph starts with ``&gt;``
(sometimes in ``<i>``). Such paragraphs become quotes with no known speaker
or post. ``reply_to`` is ``parent_id``. The story is the first post; its
words are its ``text`` (an Ask HN question), or for a link story its title.

A deleted comment comes back with neither author nor text; it is skipped as
"deleted post" and its answers are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.htmltext import FragmentText, html_fragment_to_text, split_angle_quotes
from analyzer.parsers.records import (
    depth_first,
    id_field,
    load_json,
    text_field,
    time_field,
    try_json,
)

_TYPES = frozenset({"story", "comment", "poll", "job", "pollopt"})
_SHAPE = ('not a Hacker News item: expected an object with "id", "type" and "children" '
          "(the Algolia items API)")


class HackerNewsParser(Parser):
    """Hacker News item trees from the Algolia items API."""

    engine = "hackernews"
    description = "Hacker News item JSON from the Algolia API (hn.algolia.com/api/v1/items/ID)"
    priority = 60

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for an object with ``id``, a Hacker News ``type`` and ``children``."""
        data = try_json(doc)
        return (isinstance(data, dict) and isinstance(data.get("children"), list)
                and text_field(data.get("type")) in _TYPES and "id" in data)

    def parse(self, doc: Document) -> Thread:
        """Parse a Hacker News item tree.

        Raises:
            ParseError: If the file is not JSON or not an Algolia item.
        """
        return read_item_tree(load_json(doc), doc.name)


def read_item_tree(data: Any, source: str) -> Thread:
    """Build a thread from a parsed Algolia item and its ``children``.

    Raises:
        ParseError: If ``data`` is not an item tree.
    """
    if not (isinstance(data, dict) and "id" in data and isinstance(data.get("children"), list)):
        raise ParseError(f"{source}: {_SHAPE}")
    posts: list[Post] = []
    skipped: list[Skipped] = []
    for item in depth_first([data], _children):
        if not isinstance(item, dict):
            skipped.append(Skipped("not an item", f"a {type(item).__name__} among children",
                                   source))
            continue
        read = _item(item, len(posts), source, root=item is data)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            posts.append(read)
    root_id = id_field(data.get("id"))
    title = text_field(data.get("title"))
    return Thread(
        id=root_id or Path(source).stem,
        title=title,
        engine="hackernews",
        url=f"https://news.ycombinator.com/item?id={root_id}" if root_id else None,
        posts=tuple(posts),
        skipped=tuple(skipped),
    )


def _children(item: Any) -> list[Any]:
    """An item's answers; none for a leaf or for anything that is not an item."""
    children = item.get("children") if isinstance(item, dict) else None
    return children if isinstance(children, list) else []


def _item(item: dict[str, Any], position: int, source: str, root: bool) -> Post | Skipped:
    author = text_field(item.get("author"))
    html = item.get("text") if isinstance(item.get("text"), str) else None
    ident = text_field(item.get("id")) or "?"
    kind = text_field(item.get("type")) or "item"
    if author is None and html is None and not root:
        return Skipped("deleted post", f"{kind} {ident}", source)
    body = _body(html)
    if root and not body.text and not body.quotes:
        body = FragmentText(text_field(item.get("title")) or "")
    if not body.text and not body.quotes:
        return Skipped("empty post", f"{kind} {ident} by {author or 'unknown'}", source)
    when = item.get("created_at_i")
    return Post(
        id=id_field(item.get("id")) or str(position + 1),
        position=position,
        author=author,
        timestamp=time_field(when) if when is not None else time_field(item.get("created_at")),
        text=body.text,
        quotes=tuple(Quote(q.text, None, q.author) for q in body.quotes),
        reply_to=id_field(item.get("parent_id")),
        source=source,
    )


def _body(html: str | None) -> FragmentText:
    if not html:
        return FragmentText("")
    rendered = html_fragment_to_text(html)
    angled = split_angle_quotes(rendered.text)
    return FragmentText(angled.text, rendered.quotes + angled.quotes)


__all__ = ["HackerNewsParser", "read_item_tree"]
