"""Parse many files in one go, past the ones that fail.

A thread saved as forty pages should not be lost to one page that was cut
off while saving. :func:`parse_files` reads every file it can, merges the
pages that parsed, and returns the failures beside the thread, each with
the file and its own error. :meth:`ParseBatch.thread_or_raise` is what
:func:`parse_paths` returns: the merged thread,
with one :class:`~analyzer.errors.FileFailedWarning` per failed file, or an
error when no file parsed at all.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import AnalyzerError, BatchError, FileFailedWarning, InputError
from analyzer.model import Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.records import forget_loaded_json
from analyzer.parsers.registry import get_parser, parse_document
from analyzer.reading.decoding import decode
from analyzer.reading.limits import DEFAULT_MAX_SIZE, check_size
from analyzer.reading.merge import merge_threads
from analyzer.reading.paths import check_not_url, expand_paths


def read_document(path: str | Path, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    """Read and decode one input file.

    Args:
        path: A file path (directories are expanded by :func:`expand_paths`).
        max_size: Refuse a file larger than this many bytes, before reading
            it (None: no limit).

    Raises:
        InputError: If the path is missing, a directory, over the size
            limit, unreadable, empty or binary.
    """
    check_not_url(path)
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        check_size(path, max_size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return Document(name=str(path), data=data, text=decode(data, str(path)))


@dataclass(frozen=True)
class Failure:
    """A file that could not be read or parsed, and why."""

    path: str
    error: AnalyzerError


@dataclass(frozen=True)
class ParseBatch:
    """What a batch of files gave: the merged thread and the failures.

    Attributes:
        thread: The pages that parsed, merged; None if none did.
        failures: The files that failed, in the order given.
        files: Every file (or path that could not be expanded) that was tried.
    """

    thread: Thread | None
    failures: tuple[Failure, ...]
    files: tuple[str, ...]

    def thread_or_raise(self) -> Thread:
        """Return the thread, warning once per failed file.

        Raises:
            AnalyzerError: The file's own error if the batch was one file
                and it failed; a :class:`BatchError` listing every file if
                several failed and none parsed.
        """
        if self.thread is None:
            if len(self.failures) == 1 and len(self.files) == 1:
                raise self.failures[0].error
            raise BatchError([(f.path, f.error) for f in self.failures], len(self.files))
        for failure in self.failures:
            warnings.warn(FileFailedWarning(failure.path, failure.error, len(self.files)),
                          stacklevel=3)
        return self.thread


def parse_files(paths: str | Path | Iterable[str | Path], engine: str | None = None,
                parser: Parser | None = None,
                max_size: int | None = DEFAULT_MAX_SIZE, one_thread: bool = True) -> ParseBatch:
    """Read, decode and parse every file of one thread, going on past failures.

    Args:
        paths: Files and directories, as the user gave them.
        engine: Force this engine instead of detecting one per file.
        parser: Use this ready-made parser for every file.
        max_size: Refuse files larger than this many bytes (None: no limit).
        one_thread: Refuse pages of different threads (:func:`check_one_thread`);
            False merges them, with a warning, as :func:`merge_threads` does.

    Returns:
        The merged thread of the files that parsed, and the failures.

    Raises:
        ConfigError: If ``engine`` is unknown (before anything is read).
        InputError: If no path was given, or ``one_thread`` and the pages
            come from different threads.
    """
    if engine and parser is None:
        parser = get_parser(engine)()  # fail on a bad name before reading anything
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[str] = []
    failures: list[Failure] = []
    threads: list[Thread] = []
    sources: list[str] = []
    for raw in paths:
        try:
            found = expand_paths([raw])
        except InputError as exc:
            files.append(str(raw))
            failures.append(Failure(str(raw), exc))
            continue
        for path in found:
            files.append(str(path))
            try:
                doc = read_document(path, max_size=max_size)
                threads.append(parse_document(doc, engine, parser))
                sources.append(str(path))
            except AnalyzerError as exc:
                failures.append(Failure(str(path), exc))
    forget_loaded_json()
    if not files:
        raise InputError("no input files given")
    if one_thread:
        check_one_thread(threads, sources)
    thread = (merge_threads(threads, parser.post_ids if parser is not None else None)
              if threads else None)
    return ParseBatch(thread=thread, failures=tuple(failures), files=tuple(files))


def parse_paths(paths: str | Path | Iterable[str | Path], engine: str | None = None,
                parser: Parser | None = None,
                max_size: int | None = DEFAULT_MAX_SIZE) -> Thread:
    """Read, decode and parse every file of one thread, and merge the pages.

    A file that fails is left out and the others are still read: each
    failure is reported with a :class:`~analyzer.errors.FileFailedWarning`
    (:func:`parse_files` returns them instead).

    Args:
        paths: Files and directories, as the user gave them.
        engine: Force this engine instead of detecting one per file.
        parser: Use this ready-made parser for every file (see
            :func:`parse_document`).
        max_size: Refuse files larger than this many bytes (None: no limit).

    Raises:
        ConfigError: If ``engine`` is unknown.
        InputError, ParseError: If the only file given fails, or no path
            was given.
        BatchError: If several files were given and every one failed.
    """
    return parse_files(paths, engine, parser, max_size).thread_or_raise()


def check_one_thread(threads: list[Thread], sources: list[str]) -> None:
    """Refuse pages that come from different threads.

    Pages are of different threads when their addresses differ, or when
    different engines wrote them. Merged, they would read as one
    conversation that never took place.

    Args:
        threads: Each page as parsed.
        sources: The file of each page.

    Raises:
        InputError: Naming each thread (title and address) with its files,
            and what to do instead.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for i, thread in enumerate(threads):
        groups.setdefault((thread.engine, thread.url or ""), []).append(i)
    urls = {url for _, url in groups if url}
    engines = {engine for engine, _ in groups}
    if len(urls) <= 1 and len(engines) <= 1:
        return
    if len(urls) <= 1:  # one address (or none) but several engines: group by engine alone
        groups = {}
        for i, thread in enumerate(threads):
            groups.setdefault((thread.engine, ""), []).append(i)
    names = []
    for (engine, url), members in groups.items():
        first = threads[members[0]]
        label = f"\"{first.title}\"" if first.title else f"thread {first.id}"
        where = f" <{url}>" if url else ""
        files = ", ".join(sources[i] for i in members)
        names.append(f"  {label}{where} ({engine}): {files}")
    raise InputError(f"the files are pages of {len(names)} different threads:\n"
                     + "\n".join(names)
                     + "\nanalyse one thread at a time, or read them together as a dump "
                       "with `forum-analyzer reposts`")


__all__ = ["Failure", "ParseBatch", "check_one_thread", "parse_files", "parse_paths",
           "read_document"]
