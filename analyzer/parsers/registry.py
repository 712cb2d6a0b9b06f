"""Find parsers, and pick one for each file.

Parsers register in the entry-point group ``forum_analyzer.parsers``; the
built-in ones do too (see ``pyproject.toml``). Run from a source tree that was
never installed, the built-ins are imported directly instead. A plugin that
fails to load gives a :class:`ParserPluginWarning` and is left out; it never
stops the program.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import warnings
from collections.abc import Callable
from functools import cache, partial

from analyzer.errors import AnalyzerError, ConfigError, ParseError
from analyzer.model import Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.diagnose import NESTED_JSON, no_posts_kept, unrecognised
from analyzer.parsers.skin import Skin
from analyzer.reading.limits import (
    check_page,
    drop_oversized_posts,
)

ENTRY_POINT_GROUP = "forum_analyzer.parsers"

#: Built-in parsers, imported directly when no entry point provides them.
BUILTIN_PARSERS: dict[str, str] = {
    "plaintext": "analyzer.parsers.engines.plaintext:PlainTextParser",
    "xenforo2": "analyzer.parsers.engines.xenforo:XenForo2Parser",
    "xenforo1": "analyzer.parsers.engines.xenforo:XenForo1Parser",
    "vbulletin3": "analyzer.parsers.engines.vbulletin:VBulletin3Parser",
    "vbulletin4": "analyzer.parsers.engines.vbulletin:VBulletin4Parser",
    "vbulletin5": "analyzer.parsers.engines.vbulletin5:VBulletin5Parser",
    "phpbb3": "analyzer.parsers.engines.phpbb:Phpbb3Parser",
    "forumotion": "analyzer.parsers.engines.forumotion:ForumotionParser",
    "mybb": "analyzer.parsers.engines.mybb:MybbParser",
    "smf2": "analyzer.parsers.engines.smf:Smf2Parser",
    "invision4": "analyzer.parsers.engines.invision:Invision4Parser",
    "nodebb": "analyzer.parsers.engines.nodebb:NodeBBParser",
    "discourse": "analyzer.parsers.engines.discourse:DiscourseParser",
    "old-reddit": "analyzer.parsers.engines.reddit_html:OldRedditParser",
    "jsonl": "analyzer.parsers.engines.jsonl:JsonlParser",
    "discourse-json": "analyzer.parsers.engines.discourse_json:DiscourseJsonParser",
    "reddit-json": "analyzer.parsers.engines.reddit_json:RedditJsonParser",
    "4chan": "analyzer.parsers.engines.fourchan:FourChanParser",
    "hackernews": "analyzer.parsers.engines.hackernews:HackerNewsParser",
    "forum-dl": "analyzer.parsers.engines.forumdl:ForumDlParser",
    "4cat": "analyzer.parsers.engines.fourcat:FourCatParser",
    "csv": "analyzer.parsers.engines.tabular:CsvParser",
    "forum-analyzer-json": "analyzer.parsers.engines.own_json:OwnJsonParser",
}



class ParserPluginWarning(UserWarning):
    """A parser plugin could not be loaded and was left out."""


def available_parsers() -> list[type[Parser]]:
    """Return every parser that loaded, most specific first.

    Parsers come from the ``forum_analyzer.parsers`` entry points, plus any
    built-in missing from them. They are sorted by ``priority`` (highest
    first), then by engine name. The result is cached; broken plugins warn
    once.

    Returns:
        A new list of parser classes.
    """
    return list(_load_parsers())


def clear_cache() -> None:
    """Forget the loaded parsers, so the next call looks at entry points again."""
    _load_parsers.cache_clear()


@cache
def _load_parsers() -> tuple[type[Parser], ...]:
    by_engine: dict[str, type[Parser]] = {}
    tried: set[str] = set()
    for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP),
                     key=lambda ep: (ep.name not in BUILTIN_PARSERS, ep.name)):
        tried.add(ep.name)
        _add(by_engine, ep.name, ep.load)
    for name, target in BUILTIN_PARSERS.items():
        if name not in by_engine and name not in tried:
            _add(by_engine, name, partial(_import, target))
    return tuple(sorted(by_engine.values(), key=lambda cls: (-cls.priority, cls.engine)))


def _add(by_engine: dict[str, type[Parser]], name: str, load: Callable[[], object]) -> None:
    try:
        obj = load()
        if not (isinstance(obj, type) and issubclass(obj, Parser)):
            raise TypeError(f"{obj!r} is not a Parser subclass")
        if not isinstance(obj.engine, str) or not obj.engine:
            raise TypeError(f"{obj.__name__} does not set an engine name")
        if isinstance(obj.priority, bool) or not isinstance(obj.priority, int):
            raise TypeError(f"{obj.__name__}.priority must be an int")
        known = by_engine.get(obj.engine)
        if known is not None and known is not obj:
            raise ValueError(f"engine {obj.engine!r} is already provided by "
                             f"{known.__module__}.{known.__qualname__}")
    except Exception as exc:  # a broken plugin must never stop the program
        warnings.warn(f"parser plugin {name!r} failed to load: {exc}",
                      ParserPluginWarning, stacklevel=2)
        return
    by_engine[obj.engine] = obj


def _import(target: str) -> object:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def get_parser(engine: str) -> type[Parser]:
    """Return the parser class for an engine name.

    Args:
        engine: An engine name such as ``xenforo2`` (case is ignored).

    Raises:
        ConfigError: If no loaded parser has that engine.
    """
    parsers = available_parsers()
    wanted = engine.strip().lower()
    for cls in parsers:
        if cls.engine.lower() == wanted:
            return cls
    known = ", ".join(sorted(cls.engine for cls in parsers)) or "none"
    raise ConfigError(f"unknown engine {engine!r}; known engines: {known}")


def detect(doc: Document) -> type[Parser]:
    """Return the first parser, most specific first, that can read ``doc``.

    Raises:
        ParseError: If none can.
    """
    parsers = available_parsers()
    for cls in parsers:
        try:
            if cls.can_parse(doc):
                return cls
        except RecursionError:  # nested past what json or a walk can follow: not this one
            continue
        except Exception as exc:  # a plugin's detector bug must not hide the others
            warnings.warn(f"parser {cls.engine!r} failed while detecting {doc.name}: {exc}",
                          ParserPluginWarning, stacklevel=2)
    raise unrecognised(doc, [cls.engine for cls in parsers])


def parse_document(doc: Document, engine: str | None = None,
                   parser: Parser | None = None) -> Thread:
    """Parse one decoded document with the given parser or engine, or the detected one.

    An HTML page is first checked to be whole and not nested too deep to
    read (:func:`analyzer.reading.limits.check_page`); posts too long to be
    forum posts are moved to ``skipped``.

    Args:
        doc: The decoded file.
        engine: Force this engine.
        parser: Use this ready-made parser (a ``--selectors`` skin, say);
            it wins over ``engine``.

    Raises:
        ConfigError: If ``engine`` is unknown.
        ParseError: If no parser recognises the document, the page is cut
            off or nested too deep, the parser fails, or it keeps no post.
    """
    check_page(doc.name, doc.text)
    if parser is None:
        parser = (get_parser(engine) if engine else detect(doc))()
    try:
        thread = drop_oversized_posts(parser.parse(doc))
    except AnalyzerError:
        raise
    except RecursionError:
        what = NESTED_JSON if doc.looks_like_json else "the file is nested too deeply to read"
        raise ParseError(f"{doc.name}: {what}") from None
    except MemoryError:
        raise ParseError(f"{doc.name}: not enough memory to parse this file") from None
    except Exception as exc:  # plugin bugs surface as a parse error naming the file
        raise ParseError(f"{doc.name}: the {parser.engine} parser failed: {exc}") from exc
    if not thread.posts:
        skin = getattr(parser, "skin", None)
        raise no_posts_kept(doc.name, parser.engine or thread.engine, thread,
                            skin if isinstance(skin, Skin) else None)
    return thread


__all__ = [
    "BUILTIN_PARSERS",
    "ENTRY_POINT_GROUP",
    "ParserPluginWarning",
    "available_parsers",
    "clear_cache",
    "detect",
    "get_parser",
    "parse_document",
]
