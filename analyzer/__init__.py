"""forum-analyzer: reposts, stance and news framing in saved forum threads.

The command line is a thin layer over this API::

    from analyzer import analyse_paths, render_markdown
    analysis = analyse_paths(["threads/joint-patrol/"], news=["threads/joint-patrol/news/"])
    print(render_markdown(analysis))

Names are imported lazily, so ``import analyzer.model`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "AnalyzerError": "analyzer.errors",
    "ConfigError": "analyzer.errors",
    "InputError": "analyzer.errors",
    "OutputError": "analyzer.errors",
    "ParseError": "analyzer.errors",
    "Settings": "analyzer.settings",
    "default_settings": "analyzer.settings",
    "load_settings": "analyzer.settings",
    "analyse": "analyzer.pipeline",
    "analyse_paths": "analyzer.pipeline",
    "parse_paths": "analyzer.parsers.batch",
    "render_markdown": "analyzer.report",
    "analysis_to_dict": "analyzer.serialize",
    "thread_to_dict": "analyzer.serialize",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
