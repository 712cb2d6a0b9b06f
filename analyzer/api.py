"""What the command line decides before it runs a stage, as library functions.

The ``forum-analyzer`` command is a thin layer over these and
:mod:`analyzer.pipeline`: which parser the options ask for
(:func:`choose_parser`), where a report goes when no path is given
(:func:`default_report_path`), and how ``parse`` writes a thread
(:func:`analyzer.serialize.encode_thread`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import ConfigError

if TYPE_CHECKING:
    from analyzer.parsers.base import Parser
    from analyzer.report.write import ReportFormat

REPORTS_FOLDER = Path("reports")
"""Where reports go when no path is given, relative to the working folder."""

_GENERIC_STEMS = frozenset({"thread", "index", "page", "posts", ""})


def choose_parser(selectors: str | Path | None = None, columns: str | None = None,
                  engine: str | None = None) -> Parser | None:
    """The parser a selectors file or a column spec asks for, or None to detect one per file.

    Args:
        selectors: A TOML file of CSS selectors for an HTML forum no parser
            knows (``--selectors``).
        columns: A CSV column spec such as ``text=body,author=user``
            (``--columns``); it means the csv engine.
        engine: The engine forced with ``--engine``, if any; checked against
            the other two.

    Raises:
        ConfigError: If the options contradict each other, or the selectors
            file or column spec is invalid.
    """
    if not columns:
        if selectors and engine:
            raise ConfigError("--selectors describes its own engine; leave out --engine")
        if not selectors:
            return None
        from analyzer.parsers.html_forum import SelectorParser
        from analyzer.parsers.skin import load_skin

        return SelectorParser(load_skin(selectors))
    if selectors:
        raise ConfigError("--columns (CSV) and --selectors (HTML) cannot be used together")
    if engine and engine.strip().lower() != "csv":
        raise ConfigError(f"--columns is for the csv engine, not {engine!r}")
    from analyzer.parsers.engines.tabular import CsvParser, parse_columns

    return CsvParser(columns=parse_columns(columns))


def thread_name(paths: Sequence[str | Path]) -> str:
    """Name a thread for its default report path: its folder, or its file's stem.

    A single file with a generic name (``thread.txt``, ``index.html``,
    ``page-2.html``) is named after its folder instead.

    Raises:
        ValueError: If ``paths`` is empty.
    """
    if not paths:
        raise ValueError("thread_name needs at least one path")
    first = Path(paths[0])
    if first.is_dir():
        return first.resolve().name or "thread"
    stem = first.stem
    generic = stem.lower().rstrip("0123456789-_ ") in _GENERIC_STEMS
    if len(paths) > 1 or generic:
        parent = first.resolve().parent.name
        return parent or stem or "thread"
    return stem


def default_report_path(paths: Sequence[str | Path], fmt: ReportFormat = "md") -> Path:
    """Where ``analyse`` writes its report when no path is given: ``reports/<thread><ext>``.

    Args:
        paths: The thread's files or folder, as given.
        fmt: The report format, which sets the extension.
    """
    from analyzer.report.write import EXTENSIONS  # the report's own table; loaded only here

    return REPORTS_FOLDER / f"{thread_name(paths)}{EXTENSIONS[fmt]}"


__all__ = ["REPORTS_FOLDER", "choose_parser", "default_report_path", "thread_name"]
