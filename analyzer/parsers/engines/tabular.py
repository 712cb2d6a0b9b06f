"""Generic CSV and TSV files: one post per row, columns mapped to our fields.

The fields are ``id``, ``author``, ``text``, ``timestamp``, ``reply_to`` and
``title``; only ``text`` is required. Say which column holds which with
``--columns text=body,author=user,timestamp=date`` (on the command line) or
``CsvParser(columns={"text": "body", ...})`` (in Python). Without a
mapping, common column names are recognised (``text``/``body``/``content``/
``message``/``comment``, ``author``/``user``/``username``/``name``,
``id``/``post_id``, ``date``/``timestamp``/``created_at``/``time``, ...),
ignoring case, spaces and hyphens.

The delimiter (comma, tab, semicolon or bar) is found with
:class:`csv.Sniffer`, checked against the header row. Ids are kept when every
row has a unique id of digits; otherwise every post gets its 1-based
position, and ``reply_to`` values are turned into those positions.
Timestamps may be ISO 8601, epoch seconds or milliseconds, or a date as a
page shows it ("Dec 22, 2020 6:02 PM"); a value without an offset is UTC.
Rows with no text are skipped as "empty post"; blank rows are ignored.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from analyzer.errors import ConfigError, ParseError
from analyzer.model import Post, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.dates import read_moment

FIELDS = ("id", "author", "text", "timestamp", "reply_to", "title")
_GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "message", "comment", "post", "post_text",
             "message_text", "comment_text", "selftext"),
    "author": ("author", "user", "username", "user_name", "name", "poster", "author_name",
               "screen_name"),
    "id": ("id", "post_id", "postid", "comment_id", "message_id"),
    "timestamp": ("timestamp", "date", "created_at", "created", "time", "datetime",
                  "created_utc", "date_posted", "posted", "unix_timestamp"),
    "reply_to": ("reply_to", "parent", "parent_id", "in_reply_to", "reply_to_id"),
    "title": ("title", "subject", "thread_title", "topic"),
}
_DELIMITERS = ",\t;|"
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Row:
    """One non-blank row of a table, with the line it ends on."""

    lineno: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A delimited file: its header and its rows."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]


def parse_columns(spec: str) -> dict[str, str]:
    """Read a ``--columns`` value: ``FIELD=COLUMN`` pairs separated by commas.

    Args:
        spec: For example ``"id=post_id,author=user,text=body"``.

    Returns:
        Our field names mapped to the file's column names.

    Raises:
        ConfigError: On a pair that is not ``FIELD=COLUMN``, an unknown or
            repeated field, or a mapping without ``text``.
    """
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not field or not column:
            raise ConfigError(f"--columns: {part.strip()!r} is not FIELD=COLUMN (e.g. text=body)")
        _check_field(field, mapping)
        mapping[field] = column
    if "text" not in mapping:
        raise ConfigError("--columns must say which column holds the posts, e.g. text=body")
    return mapping


def _check_field(field: str, seen: Mapping[str, str]) -> None:
    if field not in FIELDS:
        raise ConfigError(f"--columns: unknown field {field!r}; the fields are: "
                          f"{', '.join(FIELDS)}")
    if field in seen:
        raise ConfigError(f"--columns: the field {field!r} is given twice")


class CsvParser(Parser):
    """CSV or TSV with one post per row."""

    engine = "csv"
    post_ids = "either"
    description = "CSV/TSV, one post per row (map columns with --columns text=COLUMN,...)"
    priority = 5

    def __init__(self, columns: Mapping[str, str] | None = None) -> None:
        """Create a parser, optionally with our fields mapped to the file's columns.

        Raises:
            ConfigError: If ``columns`` names an unknown field or lacks ``text``.
        """
        checked: dict[str, str] = {}
        for field, column in (columns or {}).items():
            _check_field(str(field).lower(), checked)
            checked[str(field).lower()] = str(column)
        if columns is not None and "text" not in checked:
            raise ConfigError("--columns must say which column holds the posts, e.g. text=body")
        self.columns: dict[str, str] | None = checked if columns is not None else None

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for a delimited header row that names a text column."""
        if doc.looks_like_json or doc.head.startswith("<"):
            return False  # HTML inside the cells is fine; a page is not a table
        line = next((line for line in doc.text.lstrip("\ufeff").split("\n", 20) if line.strip()),
                    "")
        delimiter = max(_DELIMITERS, key=line.count)
        if len(line) > 2000 or not line.count(delimiter):
            return False
        try:
            cells = [_norm(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])]
        except csv.Error:  # a stray carriage return, say: not a header row
            return False
        if len(cells) < 2 or any(len(cell) > 60 for cell in cells):
            return False
        return any(cell in _GUESSES["text"] for cell in cells)

    def parse(self, doc: Document) -> Thread:
        """Read every row as one post.

        Raises:
            ConfigError: If a mapped column is not in the file.
            ParseError: If the file is not a readable table, has no text
                column, or a timestamp cannot be read.
        """
        table = read_table(doc)
        where = self._locate(table.header, doc.name)
        kept: list[tuple[Row, dict[str, str]]] = []
        skipped: list[Skipped] = []
        for row in table.rows:
            values = {field: (row.cells[i] if i < len(row.cells) else "").strip()
                      for field, i in where.items()}
            if not values["text"]:
                skipped.append(Skipped("empty post", f"line {row.lineno}: a row with no text",
                                       doc.name))
            else:
                kept.append((row, values))
        raw_ids = [values.get("id", "") for _, values in kept]
        own_ids = all(_DIGITS.match(raw) for raw in raw_ids) and len(set(raw_ids)) == len(raw_ids)
        ids = {raw: (raw if own_ids else str(i + 1)) for i, raw in enumerate(raw_ids) if raw}
        posts = []
        for i, (row, values) in enumerate(kept):
            parent = values.get("reply_to", "")
            posts.append(Post(
                id=raw_ids[i] if own_ids else str(i + 1),
                position=i,
                author=values.get("author") or None,
                timestamp=_time(values.get("timestamp", ""), doc.name, row.lineno),
                text=values["text"].replace("\r\n", "\n").replace("\r", "\n"),
                reply_to=ids.get(parent) or (parent if own_ids and _DIGITS.match(parent) else None),
                source=doc.name,
            ))
        title = next((values["title"] for _, values in kept if values.get("title")), None)
        return Thread(id=doc.stem, title=title, engine="csv", url=None, posts=tuple(posts),
                      skipped=tuple(skipped))

    def _locate(self, header: tuple[str, ...], name: str) -> dict[str, int]:
        """Map each of our fields to a column index, from the mapping or by guessing."""
        normal = [_norm(cell) for cell in header]
        listed = ", ".join(repr(cell) for cell in header)
        if self.columns is not None:
            where = {}
            for field, column in self.columns.items():
                index = _find(header, normal, column)
                if index is None:
                    raise ConfigError(f"{name}: there is no column {column!r} for {field} "
                                      f"(the columns are: {listed})")
                where[field] = index
            return where
        where = {field: index for field, names in _GUESSES.items()
                 if (index := next((normal.index(n) for n in names if n in normal), None))
                 is not None}
        if "text" not in where:
            raise ParseError(f"{name}: no text column found (the columns are: {listed}); "
                             "say which column holds the posts with --columns text=COLUMN")
        return where


def read_table(doc: Document, delimiter: str | None = None) -> Table:
    """Read a delimited file into its header and non-blank rows.

    Args:
        doc: The file.
        delimiter: The delimiter, or None to find it (see :func:`sniff_delimiter`).

    Raises:
        ParseError: If the file is not readable as CSV or has no header row.
    """
    text = doc.text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=delimiter or sniff_delimiter(text), strict=False)
    rows: list[Row] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(Row(reader.line_num, tuple(cells)))
    except csv.Error as exc:
        raise ParseError(f"{doc.name}:{reader.line_num}: not readable as CSV: {exc}") from None
    if not rows:
        raise ParseError(f"{doc.name}: no rows found (the file has no header row)")
    return Table(header=tuple(cell.strip() for cell in rows[0].cells), rows=tuple(rows[1:]))


def sniff_delimiter(text: str) -> str:
    """Find a table's delimiter: comma, tab, semicolon or bar.

    :class:`csv.Sniffer` guesses from the start of the file; its guess is
    kept only if the header row contains it (prose in quoted cells can
    mislead it). Otherwise the candidate the header row holds most of wins.
    """
    header = next((line for line in text.split("\n", 20) if line.strip()), "")
    try:
        guess = csv.Sniffer().sniff(text[:8192], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        guess = ""
    if guess and guess in header:
        return guess
    best = max(_DELIMITERS, key=header.count)
    return best if header.count(best) else ","


def read_time(value: str) -> datetime | None:
    """Read a timestamp cell: epoch seconds or milliseconds, ISO 8601, or a visible date.

    Returns:
        A timezone-aware datetime (UTC where no offset is given), or None
        for a blank cell.

    Raises:
        ValueError: If the cell holds something that is not a time.
    """
    value = value.strip()
    if not value:
        return None
    when = read_moment(value)
    if when is None:
        raise ValueError(value)
    return when


def _time(value: str, name: str, lineno: int) -> datetime | None:
    try:
        return read_time(value)
    except ValueError:
        raise ParseError(f"{name}:{lineno}: cannot read {value!r} as a date or time "
                         "(use ISO 8601, epoch seconds, or map another column with "
                         "--columns timestamp=COLUMN)") from None


def _norm(cell: str) -> str:
    return re.sub(r"[\s\-]+", "_", cell.strip().strip("\ufeff").lower())


def _find(header: tuple[str, ...], normal: list[str], column: str) -> int | None:
    if column in header:
        return header.index(column)
    wanted = _norm(column)
    return normal.index(wanted) if wanted in normal else None


__all__ = ["FIELDS", "CsvParser", "Row", "Table", "parse_columns", "read_table", "read_time",
           "sniff_delimiter"]
