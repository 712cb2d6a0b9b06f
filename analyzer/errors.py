"""The library's own exceptions and the command line's named exit codes.

:class:`ExitCode` is the one place the codes are named; the README's table is
checked against it by ``tests/test_errors.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``forum-analyzer`` command."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INPUT = 3
    PARSE = 4
    CONFIG = 5
    OUTPUT = 6


class AnalyzerError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(AnalyzerError):
    """A path is missing, empty, unreadable or of the wrong kind."""

    exit_code = ExitCode.INPUT


class ParseError(AnalyzerError):
    """A file could be read but not understood as a thread or an article."""

    exit_code = ExitCode.PARSE


class ConfigError(AnalyzerError):
    """An analysis or selectors TOML file, or an option, is malformed."""

    exit_code = ExitCode.CONFIG


class OutputError(AnalyzerError):
    """A report or JSON file could not be written."""

    exit_code = ExitCode.OUTPUT


class BatchError(AnalyzerError):
    """Every file of a batch failed; the message names each file and why.

    The exit code is the failures' own code if they share one, else ``ERROR``.

    Attributes:
        failures: ``(path, error)`` for each file that failed, in order.
    """

    def __init__(self, failures: Sequence[tuple[str, AnalyzerError]], total: int) -> None:
        super().__init__(batch_summary(failures, total))
        self.failures = tuple(failures)
        self.exit_code = common_exit_code(error for _, error in failures)


class FileFailedWarning(UserWarning):
    """One file of a batch failed and was left out; the other files were read.

    Attributes:
        path: The file, as the user gave it (or as found in a folder).
        error: Why it failed.
        total: How many files the batch had.
    """

    def __init__(self, path: str, error: AnalyzerError, total: int) -> None:
        super().__init__(failure_line(path, error))
        self.path = path
        self.error = error
        self.total = total


def failure_line(path: str, error: AnalyzerError) -> str:
    """``path: reason`` for one failed file (the path is not repeated if the reason has it)."""
    message = str(error)
    return message if message.startswith(path) else f"{path}: {message}"


def batch_summary(failures: Sequence[tuple[str, AnalyzerError]], total: int) -> str:
    """``N of M files failed:`` and one indented ``path: reason`` line per failure."""
    lines = [f"{len(failures)} of {total} file{'s' if total != 1 else ''} failed:"]
    lines += [f"  {failure_line(path, error)}" for path, error in failures]
    return "\n".join(lines)


def common_exit_code(errors: Iterable[AnalyzerError]) -> ExitCode:
    """The exit code errors share, or ``ERROR`` if they differ (or there are none)."""
    codes = {error.exit_code for error in errors}
    return codes.pop() if len(codes) == 1 else ExitCode.ERROR
