"""forum-analyzer: reposts, stance and news framing in saved forum threads.

The command line is a thin layer over this API::

    from analyzer import analyse_paths, render_markdown
    analysis = analyse_paths(["threads/joint-patrol/"], news=["threads/joint-patrol/news/"])
    print(render_markdown(analysis))

Every name below is typed for type checkers (the imports under
``TYPE_CHECKING``); at run time each is imported on first use, so
``import analyzer`` stays cheap and parsing never loads the analysis stages
(datasketch, numpy) or the charts (matplotlib).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analyzer.api import choose_parser, default_report_path, thread_name
    from analyzer.errors import AnalyzerError, ConfigError, InputError, OutputError, ParseError
    from analyzer.model import Analysis, Article, Post, Quote, Skipped, Thread
    from analyzer.pipeline import analyse, analyse_paths
    from analyzer.reading.batch import parse_paths
    from analyzer.report import render_html, render_markdown, write_report
    from analyzer.serialize import (
        analysis_to_dict,
        encode_thread,
        thread_from_dict,
        thread_to_dict,
    )
    from analyzer.settings import Settings, default_settings, load_settings

__version__ = "0.1.0"

#: Where each public name is defined; the imports above say the same for type checkers.
_EXPORTS = {
    "choose_parser": "analyzer.api",
    "default_report_path": "analyzer.api",
    "thread_name": "analyzer.api",
    "AnalyzerError": "analyzer.errors",
    "ConfigError": "analyzer.errors",
    "InputError": "analyzer.errors",
    "OutputError": "analyzer.errors",
    "ParseError": "analyzer.errors",
    "Analysis": "analyzer.model",
    "Article": "analyzer.model",
    "Post": "analyzer.model",
    "Quote": "analyzer.model",
    "Skipped": "analyzer.model",
    "Thread": "analyzer.model",
    "parse_paths": "analyzer.reading.batch",
    "analyse": "analyzer.pipeline",
    "analyse_paths": "analyzer.pipeline",
    "render_html": "analyzer.report",
    "render_markdown": "analyzer.report",
    "write_report": "analyzer.report",
    "analysis_to_dict": "analyzer.serialize",
    "encode_thread": "analyzer.serialize",
    "thread_from_dict": "analyzer.serialize",
    "thread_to_dict": "analyzer.serialize",
    "Settings": "analyzer.settings",
    "default_settings": "analyzer.settings",
    "load_settings": "analyzer.settings",
}

__all__ = [
    "Analysis",
    "AnalyzerError",
    "Article",
    "ConfigError",
    "InputError",
    "OutputError",
    "ParseError",
    "Post",
    "Quote",
    "Settings",
    "Skipped",
    "Thread",
    "analyse",
    "analyse_paths",
    "analysis_to_dict",
    "choose_parser",
    "default_report_path",
    "default_settings",
    "encode_thread",
    "load_settings",
    "parse_paths",
    "render_html",
    "render_markdown",
    "thread_from_dict",
    "thread_name",
    "thread_to_dict",
    "write_report",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use, and keep it."""
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
