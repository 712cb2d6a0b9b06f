"""Reading forum dumps: many threads, post after post, without holding them all.

A dump is any mix of:

- JSON Lines with a ``thread`` field on each line (``forum-analyzer parse
  --format jsonl`` output of many threads, concatenated, is one). These are
  streamed line by line, whatever their size.
- 4CAT datasets and forum-dl files, read whole: every thread in them.
- Any other file the parsers read (saved pages, exports). A folder is walked
  with its subfolders; the pages in one folder are grouped into threads by
  the thread each page names (its engine and thread id) and each group is
  merged as ``parse`` merges one thread's pages. Such threads are named
  ``<engine>:<id>``; JSON Lines dumps keep their ``thread`` values.

Files that cannot be read are reported with
:class:`~analyzer.errors.FileFailedWarning` and the others are still read.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from analyzer.errors import AnalyzerError, FileFailedWarning, InputError
from analyzer.model import Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.records import text_field, time_field
from analyzer.reading.limits import DEFAULT_MAX_SIZE
from analyzer.reading.paths import SYSTEM_FILES, natural_key
from analyzer.text import preview


@dataclass(frozen=True)
class DumpPost:
    """One post of a dump, as the repost search needs it.

    Attributes:
        thread: The thread's id (or name).
        post_id: The post's id within its thread.
        author: The speaker, where known.
        timestamp: When it was posted, in seconds since the epoch (UTC), or None.
        text: The post's own words (quotes removed).
    """

    thread: str
    post_id: str
    author: str | None
    timestamp: float | None
    text: str


Item = DumpPost | Skipped


def dump_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files of a dump: files as given, folders walked (hidden files left out).

    Raises:
        InputError: If a path does not exist or no file is found.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = [p for p in path.rglob("*") if p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)
                      and p.name.lower() not in SYSTEM_FILES]
            files.extend(sorted(inside, key=lambda p: (natural_key(p.parent), natural_key(p))))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file")
    if not files:
        raise InputError("no input files found in " + ", ".join(str(p) for p in paths))
    return files


def read_dump(paths: Sequence[str | Path], engine: str | None = None,
              parser: Parser | None = None,
              max_size: int | None = DEFAULT_MAX_SIZE) -> Iterator[Item]:
    """Every post of a dump, in file order, and every item a parser skipped.

    Args:
        paths: Files and folders.
        engine: Force this parser engine (``--engine``) for files that are
            not JSON Lines dumps.
        parser: A ready-made parser (``--selectors``, ``--columns``).
        max_size: Refuse files larger than this (JSON Lines dumps, which are
            streamed, have no limit).

    Raises:
        InputError: If a path does not exist or there are no files.
        ConfigError: If ``engine`` is unknown.
    """
    from analyzer.parsers.registry import get_parser

    if engine and parser is None:
        parser = get_parser(engine)()
    files = dump_files(paths)
    for folder, group in groupby(files, key=lambda p: p.parent):
        del folder
        yield from _read_folder(list(group), parser, max_size, len(files))


def _read_folder(files: list[Path], parser: Parser | None, max_size: int | None,
                 total: int) -> Iterator[Item]:
    pages: dict[tuple[str, str], list[Thread]] = {}
    for path in files:
        try:
            if parser is None and _is_jsonl_dump(path):
                yield from _stream_jsonl(path)
                continue
            for thread in _threads_of(path, parser, max_size):
                pages.setdefault((thread.engine, thread.id), []).append(thread)
        except AnalyzerError as exc:
            warnings.warn(FileFailedWarning(str(path), exc, total), stacklevel=3)
    from analyzer.reading.merge import merge_threads

    for threads in pages.values():
        yield from thread_items(merge_threads(threads) if len(threads) > 1 else threads[0])


def _threads_of(path: Path, parser: Parser | None, max_size: int | None) -> list[Thread]:
    from analyzer.parsers.engines import forumdl, fourcat
    from analyzer.parsers.registry import detect, parse_document
    from analyzer.reading.batch import read_document

    doc: Document = read_document(path, max_size=max_size)
    chosen = parser or detect(doc)()
    if isinstance(chosen, forumdl.ForumDlParser):
        return forumdl.read_threads(doc)
    if isinstance(chosen, fourcat.FourCatParser):
        return fourcat.read_threads(doc)
    return [parse_document(doc, parser=chosen)]


def thread_items(thread: Thread) -> Iterator[Item]:
    """A parsed thread's posts as dump posts, then its skipped items.

    The thread is named ``<engine>:<id>`` (``xenforo2:4242``), since threads
    of different forums read together may share an id.
    """
    name = f"{thread.engine}:{thread.id}"
    for post in thread.posts:
        yield DumpPost(thread=name, post_id=post.id, author=post.author,
                       timestamp=post.timestamp.timestamp() if post.timestamp else None,
                       text=post.text)
    yield from thread.skipped


def _is_jsonl_dump(path: Path) -> bool:
    """A JSON Lines file whose first line is an object with ``text`` and ``thread``."""
    try:
        with path.open("rb") as handle:
            for raw in handle:
                if raw.strip():
                    row = json.loads(raw.decode("utf-8-sig"))
                    return isinstance(row, dict) and "text" in row and "thread" in row
    except (OSError, ValueError, RecursionError):
        return False
    return False


def _stream_jsonl(path: Path, chunk: int = 1024) -> Iterator[Item]:
    positions: dict[str, int] = {}
    try:
        with path.open("r", encoding="utf-8-sig", errors="replace") as handle:
            lines: list[tuple[int, str]] = []
            for lineno, line in enumerate(handle, start=1):
                if line.strip():
                    lines.append((lineno, line))
                    if len(lines) >= chunk:
                        yield from _jsonl_chunk(lines, str(path), positions)
                        lines = []
            yield from _jsonl_chunk(lines, str(path), positions)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _jsonl_chunk(lines: list[tuple[int, str]], source: str,
                 positions: dict[str, int]) -> Iterator[Item]:
    """Items of some lines, decoded as one JSON array where every line is an object."""
    try:
        rows: list[Any] = json.loads("[" + ",".join(line for _, line in lines) + "]")
    except (ValueError, RecursionError):  # some line is not JSON: one at a time
        for lineno, line in lines:
            yield _jsonl_item(line, lineno, source, positions)
        return
    if len(rows) != len(lines) or not all(type(row) is dict for row in rows):
        for lineno, line in lines:  # a line holding two values ("1, 2"), say
            yield _jsonl_item(line, lineno, source, positions)
        return
    for (lineno, line), row in zip(lines, rows, strict=True):
        yield _row_item(row, line, lineno, source, positions)


def _jsonl_item(line: str, lineno: int, source: str, positions: dict[str, int]) -> Item:
    try:
        row: Any = json.loads(line)
    except (ValueError, RecursionError):
        return Skipped("not JSON", f"line {lineno}: {preview(line, 80)}", source)
    return _row_item(row, line, lineno, source, positions)


def _row_item(row: Any, line: str, lineno: int, source: str, positions: dict[str, int]) -> Item:
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return Skipped("no text", f"line {lineno}: {preview(line, 80)}", source)
    thread = _name(row.get("thread")) or Path(source).stem
    position = positions[thread] = positions.get(thread, 0) + 1
    post_id = _name(row.get("id")) or str(position)
    if not row["text"].strip():
        return Skipped("empty post", f"line {lineno}: post {post_id} in thread {thread}", source)
    stamp: Any = row.get("timestamp")
    when: float | None
    if type(stamp) in (int, float) and 0 <= stamp < 1e11:  # epoch seconds, the common case
        when = float(stamp)
    else:
        found = time_field(stamp)
        when = found.timestamp() if found else None
    return DumpPost(thread=thread, post_id=post_id, author=_name(row.get("author")),
                    timestamp=when, text=row["text"])


def _name(value: Any) -> str | None:
    if type(value) is str:
        return value.strip() or None
    return text_field(value)


__all__ = ["DumpPost", "Item", "dump_files", "read_dump", "thread_items"]
