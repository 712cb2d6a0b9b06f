"""Discourse topic JSON: ``/t/ID.json`` and ``/t/ID/posts.json``.

A topic (``/t/ID.json``) is an object with ``id``, ``title``, ``slug`` and
``post_stream.posts``; the posts endpoint gives ``{"post_stream": {"posts":
[...]}}`` or ``{"posts": [...]}`` without the title. Each post has ``id``
(the forum's post id, used as :attr:`Post.id`), ``post_number`` (its place in
the topic), ``username``, ``created_at`` (ISO 8601; an edit changes
``updated_at`` and ``version``, never ``created_at``), the rendered body in
``cooked`` and, from some endpoints, the Markdown source in ``raw``.

Links between posts are given as post *numbers*, and are turned into post
ids through the posts in the file:

- ``reply_to_post_number`` gives :attr:`Post.reply_to`, or None when the
  answered post is not in the file (a posts page holds only part of a topic).
- A quote (``<aside class="quote" data-post="N" data-topic="T">`` in
  ``cooked``, ``[quote="name, post:N, topic:T"]`` in ``raw``) gets the id of
  post N when N is in the file and T is this topic. Otherwise its
  ``post_id`` is None: a post number is not an id, so it is not passed off
  as one. The quoted speaker is kept either way.

Not kept as posts (each is listed in :attr:`Thread.skipped`): deleted posts
(``deleted_at`` set or ``user_deleted``), posts hidden by flags (``hidden``),
small-action and moderator-action posts ("closed this topic": ``post_type``
2 or 3, or an ``action_code``), and posts with no words.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from analyzer.clean import clean_text
from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.htmltext import FragmentText, QuoteBlock, html_fragment_to_text
from analyzer.parsers.records import id_field, load_json, text_field, time_field, try_json

_ACTION_TYPES = frozenset({"2", "3"})  # moderator_action, small_action
_RAW_QUOTE = re.compile(r"\[quote(?:=\"?(?P<attrs>[^\]\"]*)\"?)?\]|\[/quote\]", re.IGNORECASE)
_RAW_ATTR = re.compile(r"^\s*(?P<name>[^,]*?)\s*(?:,|$)")
_RAW_NUMBER = re.compile(r"\b(post|topic)\s*:\s*(\d+)")
_SPACES = re.compile(r"[ \t]{2,}")
_SHAPE = "not a Discourse topic: expected an object with post_stream.posts or posts"


class DiscourseJsonParser(Parser):
    """Discourse ``/t/ID.json`` topics and ``/t/ID/posts.json`` pages."""

    engine = "discourse-json"
    description = "Discourse topic JSON (/t/ID.json or /t/ID/posts.json)"
    priority = 60

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for a JSON object whose posts carry Discourse's ``post_number``."""
        data = try_json(doc)
        if not isinstance(data, dict):
            return False
        posts = _posts_of(data)
        if posts is None:
            return False
        if not posts:
            return isinstance(data.get("post_stream"), dict)
        first = posts[0]
        return isinstance(first, dict) and "post_number" in first and (
            "cooked" in first or "raw" in first or "username" in first)

    def parse(self, doc: Document) -> Thread:
        """Parse a Discourse topic or posts page.

        Raises:
            ParseError: If the file is not JSON, not shaped like a topic, or
                holds no posts.
        """
        return read_topic(load_json(doc), doc.name)


def read_topic(data: Any, source: str) -> Thread:
    """Build a thread from a parsed Discourse topic or posts page.

    Args:
        data: The parsed JSON.
        source: The file name, for messages and :attr:`Post.source`.

    Raises:
        ParseError: If ``data`` is not shaped like a topic or has no posts.
    """
    posts_data = _posts_of(data) if isinstance(data, dict) else None
    if posts_data is None:
        raise ParseError(f"{source}: {_SHAPE}")
    if not posts_data:
        raise ParseError(f"{source}: no posts found in the Discourse topic")
    for i, item in enumerate(posts_data, start=1):
        if not isinstance(item, dict):
            raise ParseError(f"{source}: not a Discourse topic: post {i} is not an object")
    topic_id = id_field(data.get("id")) or next(
        (found for item in posts_data if (found := id_field(item.get("topic_id")))), None)
    numbers = {number: post_id for item in posts_data
               if (number := id_field(item.get("post_number")))
               and (post_id := id_field(item.get("id")))}
    posts: list[Post] = []
    skipped: list[Skipped] = []
    for item in posts_data:
        read = _read_post(item, len(posts), source, topic_id, numbers)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            posts.append(read)
    title = text_field(data.get("title"))
    if title is None and text_field(data.get("fancy_title")):
        title = unescape(str(data["fancy_title"])).strip()
    return Thread(id=topic_id or Path(source).stem, title=title, engine="discourse-json",
                  url=None, posts=tuple(posts), skipped=tuple(skipped))


def _posts_of(data: dict[str, Any]) -> list[Any] | None:
    stream = data.get("post_stream")
    posts = stream.get("posts") if isinstance(stream, dict) else data.get("posts")
    return posts if isinstance(posts, list) else None


def _read_post(item: dict[str, Any], position: int, source: str, topic_id: str | None,
               numbers: dict[str, str]) -> Post | Skipped:
    author = text_field(item.get("username")) or text_field(item.get("name"))
    label = f"post {text_field(item.get('post_number')) or '?'} by {author or 'unknown'}"
    if item.get("deleted_at") or item.get("user_deleted") is True:
        return Skipped("deleted post", label, source)
    if item.get("hidden") is True:
        return Skipped("hidden post", label, source)
    action = text_field(item.get("action_code"))
    if action or id_field(item.get("post_type")) in _ACTION_TYPES:
        return Skipped("small action", f"{label}: {action or 'moderator action'}", source)
    body = _body(item)
    if not body.text and not body.quotes:
        return Skipped("empty post", label, source)
    quotes = tuple(_quote(block, topic_id, numbers) for block in body.quotes)
    replied = id_field(item.get("reply_to_post_number"))
    return Post(
        id=id_field(item.get("id")) or str(position + 1),
        position=position,
        author=author,
        timestamp=time_field(item.get("created_at")),
        text=body.text,
        quotes=quotes,
        reply_to=numbers.get(replied) if replied else None,
        source=source,
    )


def _body(item: dict[str, Any]) -> FragmentText:
    cooked = item.get("cooked")
    if isinstance(cooked, str) and cooked.strip():
        return html_fragment_to_text(cooked)
    raw = item.get("raw")
    if isinstance(raw, str) and raw.strip():
        return raw_to_text(raw)
    return FragmentText("")


def _quote(block: QuoteBlock, topic_id: str | None, numbers: dict[str, str]) -> Quote:
    same_topic = block.topic is None or block.topic == topic_id
    post_id = numbers.get(block.ref) if block.ref and same_topic else None
    return Quote(text=block.text, post_id=post_id, author=block.author)


def raw_to_text(raw: str) -> FragmentText:
    """Split a post's Markdown source into own words and ``[quote]`` blocks.

    ``[quote="alice, post:3, topic:12"]...[/quote]`` gives a quote by alice
    of post number 3 in topic 12; quotes nested inside a quote are dropped,
    and an unclosed quote runs to the end of the post.
    """
    own: list[str] = []
    quotes: list[QuoteBlock] = []
    inside: list[str] = []
    depth, start, attrs = 0, 0, ""
    for match in _RAW_QUOTE.finditer(raw):
        closing = match.group(0).startswith("[/")
        if closing and depth == 0:
            continue  # a stray [/quote]
        segment = raw[start:match.start()]
        if depth == 0:
            own.append(segment)
            attrs = match.group("attrs") or ""
        elif depth == 1:
            inside.append(segment)
        if closing and depth == 1:
            quotes.append(_raw_quote("".join(inside), attrs))
            inside = []
        depth += -1 if closing else 1
        start = match.end()
    if depth == 0:
        own.append(raw[start:])
    else:
        if depth == 1:
            inside.append(raw[start:])
        quotes.append(_raw_quote("".join(inside), attrs))
    return FragmentText(_squeeze("".join(own)), tuple(q for q in quotes if q.text or q.ref))


def _raw_quote(inner: str, attrs: str) -> QuoteBlock:
    name = _RAW_ATTR.match(attrs)
    numbers = dict(_RAW_NUMBER.findall(attrs))
    return QuoteBlock(text=_squeeze(inner), author=(name.group("name") or None) if name else None,
                      ref=numbers.get("post"), topic=numbers.get("topic"))


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", clean_text(text))


__all__ = ["DiscourseJsonParser", "raw_to_text", "read_topic"]
