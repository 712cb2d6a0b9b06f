"""4CAT dataset exports, as CSV or NDJSON.

4CAT (the Capture and Analysis Toolkit) maps every item of a dataset to a
flat row with, whatever the platform, the columns ``id``, ``thread_id``,
``body``, ``author`` and ``timestamp`` ("2020-12-22 18:02:11", UTC), mostly
with ``unix_timestamp`` too; forum data sources add ``subject`` (the
thread's title, on its first post) and Reddit's ``parent`` (``t1_...`` or
``t3_...``). The file is recognised by ``id``, ``thread_id`` and ``body``
with a timestamp column (CSV), or on the first line's object (NDJSON). Raw
platform NDJSON (items not yet mapped to these columns) is not read.

One thread per analysis: the thread of the first row is read and rows of
other threads are skipped as "other thread". Bodies are plain text in which
imageboard posts link others with ``>>123``: these become quotes and the
first gives ``reply_to``, and greentext is read as in
:mod:`analyzer.parsers.engines.fourchan`. A ``parent`` column gives ``reply_to``
where present. Ids are kept when all are digits (4chan post numbers);
otherwise (Reddit's base-36 ids, Telegram's "chat-message") each post gets
its 1-based position, with links renumbered to match. ``[deleted]`` and
``[removed]`` bodies are skipped as "deleted post".
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.engines.fourchan import ChanBody, ChanPost, link_quotes, read_com, read_plain
from analyzer.parsers.engines.reddit_json import DELETED
from analyzer.parsers.engines.tabular import read_table
from analyzer.parsers.records import first_json_line, json_lines, text_field, time_field
from analyzer.text import preview

_REQUIRED = frozenset({"id", "thread_id", "body"})
_TIMES = frozenset({"timestamp", "unix_timestamp"})
_DIGITS = re.compile(r"^\d+$")
_FULLNAME = re.compile(r"^t\d_")
_HTML = re.compile(r"<br\s*/?>|class=\"quotelink\"", re.IGNORECASE)


class FourCatParser(Parser):
    """4CAT datasets exported as CSV or NDJSON."""

    engine = "4cat"
    post_ids = "either"
    description = "4CAT dataset export, CSV or NDJSON (id, thread_id, body, author, timestamp)"
    priority = 40

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for 4CAT's columns in a CSV header or on the first NDJSON line."""
        if doc.looks_like_json:
            row = first_json_line(doc)
            return isinstance(row, dict) and row.keys() >= _REQUIRED
        if doc.head.startswith("<"):
            return False
        header = next((line for line in doc.text.lstrip("\ufeff").split("\n", 5)
                       if line.strip()), "")
        names = {name.strip().strip('"').lower() for name in header.split(",")}
        return names >= _REQUIRED and bool(_TIMES & names)

    def parse(self, doc: Document) -> Thread:
        """Parse the first thread of a 4CAT dataset.

        Raises:
            ParseError: If the file is not readable, lacks 4CAT's columns, or
                has no rows.
        """
        rows = _ndjson_rows(doc) if doc.looks_like_json else _csv_rows(doc)
        if not rows:
            raise ParseError(f"{doc.name}: no rows found in the 4CAT dataset")
        return read_dataset(rows, doc)


def read_threads(doc: Document) -> list[Thread]:
    """Every thread of a 4CAT dataset, each read as :meth:`FourCatParser.parse` reads one.

    Raises:
        ParseError: As :meth:`FourCatParser.parse`.
    """
    rows = _ndjson_rows(doc) if doc.looks_like_json else _csv_rows(doc)
    if not rows:
        raise ParseError(f"{doc.name}: no rows found in the 4CAT dataset")
    groups: dict[str | None, list[tuple[int, dict[str, Any]]]] = {}
    for row in rows:
        groups.setdefault(text_field(row[1].get("thread_id")), []).append(row)
    return [read_dataset(group, doc) for group in groups.values()]


def _csv_rows(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    table = read_table(doc, delimiter=",")
    header = tuple(name.lower() for name in table.header)
    missing = sorted(_REQUIRED - set(header))
    if missing:
        raise ParseError(f"{doc.name}: not a 4CAT dataset: missing columns: "
                         f"{', '.join(missing)}")
    return [(row.lineno, dict(zip(header, row.cells, strict=False))) for row in table.rows]


def _ndjson_rows(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for line in json_lines(doc):
        if not (isinstance(line.value, dict) and line.value.keys() >= _REQUIRED):
            raise ParseError(f'{doc.name}:{line.lineno}: not a 4CAT item (expected an object '
                             f'with "id", "thread_id" and "body")')
        rows.append((line.lineno, line.value))
    return rows


def read_dataset(rows: list[tuple[int, dict[str, Any]]], doc: Document) -> Thread:
    """Build the first thread of a 4CAT dataset from its rows (line number, columns)."""
    thread_id = text_field(rows[0][1].get("thread_id"))
    kept: list[tuple[int, dict[str, Any], str, ChanBody]] = []
    skipped: list[Skipped] = []
    for lineno, row in rows:
        raw_body = row.get("body")
        body = raw_body if isinstance(raw_body, str) else ""
        raw_id = text_field(row.get("id")) or ""
        label = f"line {lineno}: post {raw_id or '?'}"
        if text_field(row.get("thread_id")) != thread_id:
            skipped.append(Skipped("other thread", f"{label} in thread "
                                   f"{text_field(row.get('thread_id'))}: {preview(body, 80)}",
                                   doc.name))
        elif body.strip() in DELETED:
            skipped.append(Skipped("deleted post", f"{label} ({body.strip()})", doc.name))
        else:
            chan = read_com(body) if _HTML.search(body) else read_plain(body)
            if chan.text or chan.refs:
                kept.append((lineno, row, raw_id, chan))
            else:
                skipped.append(Skipped("empty post", label, doc.name))
    raw_ids = [raw for _, _, raw, _ in kept]
    own = all(_DIGITS.match(raw) for raw in raw_ids) and len(set(raw_ids)) == len(raw_ids)
    ids = {raw: raw if own else str(i + 1) for i, raw in enumerate(raw_ids) if raw}
    chans = [ChanPost(ids.get(raw) or str(i + 1), text_field(row.get("author")),
                      ChanBody(chan.text, _links(chan.refs, ids, own)))
             for i, (_, row, raw, chan) in enumerate(kept)]
    posts = []
    for i, ((_, row, _, _), chan_post, linked) in enumerate(zip(kept, chans, link_quotes(chans),
                                                                strict=True)):
        parent = _FULLNAME.sub("", text_field(row.get("parent")) or "")
        posts.append(Post(id=chan_post.id, position=i, author=chan_post.author,
                          timestamp=_time(row), text=linked.text, quotes=linked.quotes,
                          reply_to=ids.get(parent) or linked.reply_to, source=doc.name))
    title = next((found for _, row, _, _ in kept if (found := text_field(row.get("subject")))),
                 None)
    return Thread(id=thread_id or doc.stem, title=title, engine="4cat", url=None,
                  posts=tuple(posts), skipped=tuple(skipped))


def _links(refs: tuple[str, ...], ids: dict[str, str], own: bool) -> tuple[str, ...]:
    """Post numbers linked with ``>>N``, renumbered like the posts.

    Where posts were renumbered by position, a link to a number outside the
    dataset cannot be told from a position, so it is dropped.
    """
    return tuple(ids.get(ref, ref) for ref in refs if own or ref in ids)


def _time(row: dict[str, Any]) -> datetime | None:
    found = time_field(row.get("unix_timestamp"))
    return found if found is not None else time_field(row.get("timestamp"))


__all__ = ["FourCatParser", "read_dataset", "read_threads"]
