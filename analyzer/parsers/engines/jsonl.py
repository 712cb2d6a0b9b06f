"""JSON Lines exports: one post per line.

Each non-blank line is a JSON object::

    {"id": "114210", "author": "krstep", "timestamp": "2020-12-22T18:02:11+00:00",
     "text": "...", "reply_to": "114200",
     "quotes": [{"text": "...", "post_id": "114200", "author": "dieketzer"}],
     "thread": "joint-patrol", "title": "Bombers fly joint patrol", "kind": "opinion"}

Only ``text`` is required. ``timestamp`` is ISO 8601 (a missing offset means
UTC) or epoch seconds (numbers above 10^11 are read as milliseconds).
``quotes`` items may be plain strings. A missing ``id`` becomes the post's
1-based position. ``thread`` and ``title`` are taken from the first row that
has them.

``forum-analyzer parse --format jsonl`` writes the same post objects, after a
thread header line ``{"thread": {"id": ..., "title": ..., "engine": ...,
"url": ...}}`` and followed by one ``{"skipped": {"reason": ..., "preview":
..., "source": ...}}`` line per skipped item (:func:`analyzer.serialize.thread_to_rows`).
A file that starts with such a header is read back exactly as written:
thread fields, engine, posts and skipped items.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, PostKind, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.dates import read_field
from analyzer.parsers.records import first_json_line, json_lines
from analyzer.serialize import (
    is_skipped_row,
    is_thread_header_row,
    post_from_dict,
    skipped_from_dict,
    thread_header_from_dict,
)

_KINDS: frozenset[str] = frozenset({"opinion", "news"})


class JsonlParser(Parser):
    """JSON Lines, one post object per line."""

    engine = "jsonl"
    post_ids = "either"
    description = "JSON Lines: one post object per line (id, author, timestamp, text)"
    priority = 30

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True if the first non-blank line is a JSON object with a ``text`` field,
        or the thread header line of ``parse --format jsonl``.

        A pretty-printed JSON document starts with a lone ``{`` or ``[`` and is
        left to other parsers.
        """
        row = first_json_line(doc)
        return isinstance(row, dict) and ("text" in row or is_thread_header_row(row))

    def parse(self, doc: Document) -> Thread:
        """Read every line as one post.

        Raises:
            ParseError: On a line that is not JSON, not an object with a
                ``text`` string, or has a malformed field; or if the file has
                no rows at all.
        """
        if is_thread_header_row(first_json_line(doc)):
            return _read_own_rows(doc)
        posts: list[Post] = []
        skipped: list[Skipped] = []
        thread_id: str | None = None
        title: str | None = None
        for lineno, line in enumerate(doc.text.split("\n"), start=1):
            if not line.strip():
                continue
            row = _load(line, doc.name, lineno)
            where = f"{doc.name}:{lineno}"
            if thread_id is None and _present(row.get("thread")):
                thread_id = _string(row["thread"])
            if title is None and _present(row.get("title")):
                title = _string(row["title"])
            post = _post(row, where, position=len(posts), source=doc.name)
            if post.text or post.quotes:
                posts.append(post)
            else:
                skipped.append(Skipped("empty post", f"line {lineno}: post {post.id}", doc.name))
        if not posts and not skipped:
            raise ParseError(f"{doc.name}: no posts found (the file has no JSON lines)")
        return Thread(
            id=thread_id or doc.stem,
            title=title,
            engine=self.engine,
            url=None,
            posts=tuple(posts),
            skipped=tuple(skipped),
        )


def _read_own_rows(doc: Document) -> Thread:
    """Read ``parse --format jsonl`` output: the header line, posts, skipped items."""
    lines = iter(json_lines(doc))
    first = next(lines)
    try:
        header = thread_header_from_dict(first.value["thread"])
    except ValueError as exc:
        raise ParseError(f"{doc.name}:{first.lineno}: {exc}") from None
    posts: list[Post] = []
    skipped: list[Skipped] = []
    for line in lines:
        try:
            if is_skipped_row(line.value):
                skipped.append(skipped_from_dict(line.value["skipped"]))
            elif is_thread_header_row(line.value):
                raise ValueError("a second thread header; parse one thread per file")
            else:
                posts.append(post_from_dict(line.value, source=doc.name))
        except ValueError as exc:
            raise ParseError(f"{doc.name}:{line.lineno}: {exc}") from None
    return replace(header, posts=tuple(posts), skipped=tuple(skipped))


def _load(line: str, name: str, lineno: int) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(f"{name}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ParseError(f"{name}:{lineno}: invalid JSON: nested too deeply to read") from None
    except ValueError as exc:
        raise ParseError(f"{name}:{lineno}: invalid JSON: {exc}") from None
    if not isinstance(row, dict) or "text" not in row:
        raise ParseError(f'{name}:{lineno}: expected an object with a "text" field')
    return row


def _post(row: dict[str, Any], where: str, position: int, source: str) -> Post:
    text = row["text"]
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ParseError(f'{where}: "text" must be a string')
    post_id = _string(row["id"]) if _present(row.get("id")) else str(position + 1)
    author = _string(row["author"]) if _present(row.get("author")) else None
    reply_to = _string(row["reply_to"]) if _present(row.get("reply_to")) else None
    kind = row.get("kind") or "opinion"
    if not isinstance(kind, str) or kind not in _KINDS:
        raise ParseError(f'{where}: "kind" must be "opinion" or "news", not {kind!r}')
    kind_value: PostKind = "news" if kind == "news" else "opinion"
    return Post(
        id=post_id,
        position=position,
        author=author,
        timestamp=parse_timestamp(row.get("timestamp"), where),
        text=_tidy(text),
        quotes=_quotes(row.get("quotes"), where),
        reply_to=reply_to,
        kind=kind_value,
        source=source,
    )


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _string(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _tidy(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _quotes(value: Any, where: str) -> tuple[Quote, ...]:
    if value is None:
        return ()
    problem = f'{where}: "quotes" must be a list of strings or objects with a "text" field'
    if not isinstance(value, list):
        raise ParseError(problem)
    quotes = []
    for item in value:
        if isinstance(item, str):
            quotes.append(Quote(text=_tidy(item)))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            quotes.append(Quote(
                text=_tidy(item["text"]),
                post_id=_string(item["post_id"]) if _present(item.get("post_id")) else None,
                author=_string(item["author"]) if _present(item.get("author")) else None,
            ))
        else:
            raise ParseError(problem)
    return tuple(quotes)


def parse_timestamp(value: Any, where: str) -> datetime | None:
    """Read an ISO 8601 string or epoch seconds as a timezone-aware datetime.

    Args:
        value: The ``timestamp`` field (string, number or None).
        where: ``file:line``, for the error message.

    Returns:
        The time (UTC where no offset is given), or None if ``value`` is
        missing or blank.

    Raises:
        ParseError: If the value is neither ISO 8601 nor an epoch in range.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ParseError(f"{where}: invalid timestamp {value!r}")
    when = read_field(value)
    if when is not None:
        return when
    raise ParseError(f"{where}: invalid timestamp {value!r} (use ISO 8601 or epoch seconds)")
