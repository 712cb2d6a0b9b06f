"""The library's own exceptions and the command line's named exit codes."""

from __future__ import annotations

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
