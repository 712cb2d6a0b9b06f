"""forum-dl JSON Lines output (``forum-dl -f jsonl URL``).

forum-dl writes one entry per line: ``{"generator": "forum-dl", "version",
"extractor", "download_time", "type", "item"}``, where ``type`` is
``board``, ``thread``, ``post`` or ``file``. A thread item has ``path`` (the
board path and thread id), ``url`` and ``title``; a post item has ``path``
(its thread's), ``subpath`` (the ids leading to it within the thread, the
last one its own), ``author``, ``creation_time`` (ISO 8601, UTC) and the
body as HTML in ``content``.

One thread per analysis. A file may hold a whole board: the first thread in
it (its first ``thread`` entry, else the thread of its first post) is read,
and the posts of any other thread are skipped as "other thread", as are
board and file entries ("board", "file"), so the skipped list accounts for
every line.

Ids and links. A post's id is the digits of the last id in ``path`` +
``subpath`` below the thread, or its 1-based position; the thread's own
post (an empty ``subpath``, such as a Hacker News story) gets the thread's
id. ``reply_to`` is the id before it in the subpath (a Hacker News or other
nested reply), or the thread's own post for a first-level reply when the
file holds one; flat forums give none. Quotes come from the HTML (see
:mod:`analyzer.parsers.htmltext`); a Discourse quote's post number is
turned into an id where the post's raw ``data`` gives ``post_number``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.htmltext import QuoteBlock, html_fragment_to_text
from analyzer.parsers.records import (
    first_json_line,
    id_field,
    json_lines,
    text_field,
    time_field,
)
from analyzer.text import preview

_TYPES = frozenset({"board", "thread", "post", "file"})
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class _Entry:
    lineno: int
    type: str
    item: dict[str, Any]
    path: tuple[str, ...]
    subpath: tuple[str, ...]


class ForumDlParser(Parser):
    """JSON Lines written by forum-dl."""

    engine = "forum-dl"
    description = "forum-dl JSON Lines output (one thread; other threads are skipped)"
    priority = 40

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True if the first line is a forum-dl entry (``type`` and ``item``)."""
        row = first_json_line(doc)
        return (isinstance(row, dict) and text_field(row.get("type")) in _TYPES
                and isinstance(row.get("item"), dict))

    def parse(self, doc: Document) -> Thread:
        """Parse the first thread of a forum-dl JSON Lines file.

        Raises:
            ParseError: On a line that is not JSON or not a forum-dl entry, or
                if the file holds no thread or post.
        """
        entries = [_entry(line.value, doc.name, line.lineno) for line in json_lines(doc)]
        head = next((e for e in entries if e.type == "thread"), None) or next(
            (e for e in entries if e.type == "post"), None)
        if head is None:
            raise ParseError(f"{doc.name}: no thread or post in this forum-dl file")
        return _read(entries, head, doc)


def read_threads(doc: Document) -> list[Thread]:
    """Every thread of a forum-dl file, each read as :meth:`ForumDlParser.parse` reads one.

    Posts go to the thread whose path leads to them (the longest), or, with
    no thread entry, to a thread per post path. Board and file entries, and
    repeated thread entries, are skipped on the first thread.

    Raises:
        ParseError: As :meth:`ForumDlParser.parse`.
    """
    entries = [_entry(line.value, doc.name, line.lineno) for line in json_lines(doc)]
    heads: dict[tuple[str, ...], _Entry] = {}
    for entry in entries:
        if entry.type == "thread":
            heads.setdefault(entry.path, entry)
    groups: dict[tuple[str, ...], list[_Entry]] = {path: [head] for path, head in heads.items()}
    rest: list[_Entry] = []
    for entry in entries:
        if entry.type == "post":
            owner = max((path for path in heads if entry.path[:len(path)] == path),
                        key=len, default=None)
            if owner is None:
                owner = entry.path
                heads.setdefault(owner, entry)
            groups.setdefault(owner, []).append(entry)
        elif entry.type != "thread" or heads.get(entry.path) is not entry:
            rest.append(entry)
    if not groups:
        raise ParseError(f"{doc.name}: no thread or post in this forum-dl file")
    return [_read(group + (rest if n == 0 else []), heads[path], doc)
            for n, (path, group) in enumerate(groups.items())]


def _read(entries: list[_Entry], head: _Entry, doc: Document) -> Thread:
    thread_path = head.path
    mine = [e for e in entries if e.type == "post" and e.path[:len(thread_path)] == thread_path]
    numbers = _post_numbers(mine, thread_path)
    has_root = any(not _chain(e, thread_path) for e in mine)
    posts: list[Post] = []
    skipped: list[Skipped] = []
    for entry in entries:
        if entry is head and entry.type == "thread":
            continue
        if entry.type == "post" and entry.path[:len(thread_path)] == thread_path:
            read = _post(entry, thread_path, len(posts), doc.name, numbers, has_root)
            if isinstance(read, Skipped):
                skipped.append(read)
            else:
                posts.append(read)
        else:
            skipped.append(_other(entry, doc.name))
    thread_id = _digits(thread_path[-1]) if thread_path else None
    return Thread(
        id=thread_id or (thread_path[-1] if thread_path else doc.stem),
        title=text_field(head.item.get("title")) if head.type == "thread" else None,
        engine="forum-dl",
        url=text_field(head.item.get("url")) if head.type == "thread" else None,
        posts=tuple(posts),
        skipped=tuple(skipped),
    )


def _entry(row: Any, name: str, lineno: int) -> _Entry:
    kind = text_field(row.get("type")) if isinstance(row, dict) else None
    if kind not in _TYPES or not isinstance(row.get("item"), dict):
        raise ParseError(f'{name}:{lineno}: not a forum-dl entry (expected an object with '
                         f'"type" board/thread/post/file and an "item")')
    item = row["item"]
    return _Entry(lineno, str(kind), item, _segments(item.get("path")),
                  _segments(item.get("subpath")))


def _segments(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(found for part in value if (found := text_field(part)) is not None)


def _chain(entry: _Entry, thread_path: tuple[str, ...]) -> tuple[str, ...]:
    """The ids below the thread leading to this post, its own last."""
    return (entry.path + entry.subpath)[len(thread_path):]


def _digits(segment: str) -> str | None:
    found = _DIGITS.findall(segment)
    return found[-1] if found else None


def _post_numbers(entries: list[_Entry], thread_path: tuple[str, ...]) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for entry in entries:
        data = entry.item.get("data")
        chain = _chain(entry, thread_path)
        number = id_field(data.get("post_number")) if isinstance(data, dict) else None
        post_id = _digits(chain[-1]) if chain else None
        if number and post_id:
            numbers[number] = post_id
    return numbers


def _post(entry: _Entry, thread_path: tuple[str, ...], position: int, source: str,
          numbers: dict[str, str], has_root: bool) -> Post | Skipped:
    chain = _chain(entry, thread_path)
    own = chain[-1] if chain else (thread_path[-1] if thread_path else "")
    post_id = _digits(own) or str(position + 1)
    author = text_field(entry.item.get("author"))
    content = entry.item.get("content")
    body = html_fragment_to_text(content if isinstance(content, str) else "")
    if not body.text and not body.quotes:
        return Skipped("empty post", f"line {entry.lineno}: post {post_id} by "
                                     f"{author or 'unknown'}", source)
    quotes = tuple(_quote(block, numbers) for block in body.quotes)
    if len(chain) >= 2:
        reply_to = _digits(chain[-2])
    elif len(chain) == 1 and has_root and thread_path:
        reply_to = _digits(thread_path[-1])
    else:
        reply_to = next((q.post_id for q in quotes if q.post_id), None)
    return Post(
        id=post_id,
        position=position,
        author=author,
        timestamp=time_field(entry.item.get("creation_time")),
        text=body.text,
        quotes=quotes,
        reply_to=reply_to,
        source=source,
    )


def _quote(block: QuoteBlock, numbers: dict[str, str]) -> Quote:
    if block.topic is not None:  # a Discourse quote: ref is a post number
        return Quote(block.text, numbers.get(block.ref or ""), block.author)
    return Quote(block.text, block.ref, block.author)


def _other(entry: _Entry, source: str) -> Skipped:
    where = "/".join(entry.path) or "(root)"
    if entry.type == "post":
        content = entry.item.get("content")
        words = preview(html_fragment_to_text(content).text, 80) if isinstance(content, str) else ""
        return Skipped("other thread", f"line {entry.lineno}: thread {where}: {words}", source)
    title = text_field(entry.item.get("title")) or text_field(entry.item.get("url")) or ""
    reason = "other thread" if entry.type == "thread" else entry.type
    return Skipped(reason, f"line {entry.lineno}: {entry.type} {where} {title}".strip(), source)


__all__ = ["ForumDlParser", "read_threads"]
