"""Find parsers, pick one for each file, and merge the pages of a thread.

Parsers register in the entry-point group ``forum_analyzer.parsers``; the
built-in ones do too (see ``pyproject.toml``). Run from a source tree that was
never installed, the built-ins are imported directly instead. A plugin that
fails to load gives a :class:`ParserPluginWarning` and is left out; it never
stops the program.

Merging pages (:func:`merge_threads`)
    A thread saved as several pages is parsed page by page and merged into
    one :class:`~analyzer.model.Thread`. When a parser took post ids from the
    forum itself, a post whose (engine, id) was already seen is dropped:
    XenForo, for one, repeats the first post at the top of every page. Ids
    that are only positions (a parser's ``post_ids`` says so: ``plaintext``,
    or an export without ids whose ids are exactly ``1, 2, 3, ...``) say
    nothing about identity, so those
    posts are never dropped; they are given fresh positional ids in the
    merged thread instead, with ``reply_to`` and quote links renumbered to
    match.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial
from itertools import count
from pathlib import Path

from analyzer.errors import AnalyzerError, ConfigError, InputError, ParseError
from analyzer.model import Post, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.decoding import decode
from analyzer.parsers.diagnose import NESTED_JSON, no_posts_kept, unrecognised
from analyzer.parsers.limits import (
    DEFAULT_MAX_SIZE,
    check_page,
    check_size,
    drop_oversized_posts,
)
from analyzer.parsers.paths import check_not_url, expand_paths, natural_key
from analyzer.parsers.skin import Skin

ENTRY_POINT_GROUP = "forum_analyzer.parsers"

#: Built-in parsers, imported directly when no entry point provides them.
BUILTIN_PARSERS: dict[str, str] = {
    "plaintext": "analyzer.parsers.plaintext:PlainTextParser",
    "xenforo2": "analyzer.parsers.xenforo:XenForo2Parser",
    "xenforo1": "analyzer.parsers.xenforo:XenForo1Parser",
    "vbulletin3": "analyzer.parsers.vbulletin:VBulletin3Parser",
    "vbulletin4": "analyzer.parsers.vbulletin:VBulletin4Parser",
    "vbulletin5": "analyzer.parsers.vbulletin5:VBulletin5Parser",
    "phpbb3": "analyzer.parsers.phpbb:Phpbb3Parser",
    "forumotion": "analyzer.parsers.forumotion:ForumotionParser",
    "mybb": "analyzer.parsers.mybb:MybbParser",
    "smf2": "analyzer.parsers.smf:Smf2Parser",
    "invision4": "analyzer.parsers.invision:Invision4Parser",
    "nodebb": "analyzer.parsers.nodebb:NodeBBParser",
    "discourse": "analyzer.parsers.discourse:DiscourseParser",
    "old-reddit": "analyzer.parsers.reddit_html:OldRedditParser",
    "jsonl": "analyzer.parsers.jsonl:JsonlParser",
    "discourse-json": "analyzer.parsers.discourse_json:DiscourseJsonParser",
    "reddit-json": "analyzer.parsers.reddit_json:RedditJsonParser",
    "4chan": "analyzer.parsers.fourchan:FourChanParser",
    "hackernews": "analyzer.parsers.hackernews:HackerNewsParser",
    "forum-dl": "analyzer.parsers.forumdl:ForumDlParser",
    "4cat": "analyzer.parsers.fourcat:FourCatParser",
    "csv": "analyzer.parsers.tabular:CsvParser",
    "forum-analyzer-json": "analyzer.parsers.own_json:OwnJsonParser",
}



class ParserPluginWarning(UserWarning):
    """A parser plugin could not be loaded and was left out."""


class MixedThreadsWarning(UserWarning):
    """Files given as one thread come from different threads (by their addresses)."""


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
    _id_meanings.cache_clear()


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
    read (:func:`analyzer.parsers.limits.check_page`); posts too long to be
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


def merge_threads(threads: Sequence[Thread], post_ids: str | None = None) -> Thread:
    """Merge the pages of one thread into a single thread.

    Posts keep their order. Posts with forum ids are kept once per
    (engine, id); posts with positional ids are all kept and renumbered (see
    the module notes). Positions become ``0..n-1``; skipped items are
    concatenated. The id, engine and url come from the first thread; the
    title is the first one given. Pages whose addresses name different
    threads are merged all the same, with a :class:`MixedThreadsWarning`.

    Args:
        threads: The pages, in order.
        post_ids: What the pages' ids mean (a parser's ``post_ids``), if the
            caller knows; else it is looked up by each page's engine.

    Raises:
        ValueError: If ``threads`` is empty.
    """
    if not threads:
        raise ValueError("merge_threads needs at least one thread")
    urls = list(dict.fromkeys(t.url for t in threads if t.url))
    if len(urls) > 1:
        warnings.warn(f"the files are pages of {len(urls)} different threads ({', '.join(urls)}); "
                      "they were merged into one, so pass one thread's pages at a time",
                      MixedThreadsWarning, stacklevel=2)
    if len(threads) == 1 and not _positional(threads[0], post_ids):
        only = threads[0]
        if all(p.position == i for i, p in enumerate(only.posts)) and _unique(only.posts):
            return only
    posts: list[Post] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str]] = set()
    for thread in threads:
        skipped.extend(thread.skipped)
        if _positional(thread, post_ids):
            taken = {post.id for post in posts}
            posts.extend(_renumber(thread.posts, start=len(posts), taken=taken))
            continue
        for post in thread.posts:
            key = (thread.engine, post.id)
            if key in seen:
                continue
            seen.add(key)
            posts.append(replace(post, position=len(posts)))
    first = threads[0]
    marked = [t.post_markers for t in threads if t.post_markers is not None]
    return Thread(
        id=first.id,
        title=next((t.title for t in threads if t.title), None),
        engine=first.engine,
        url=first.url or next((t.url for t in threads if t.url), None),
        posts=tuple(posts),
        skipped=tuple(skipped),
        post_markers=tuple(dict.fromkeys(n for m in marked for n in m)) if marked else None,
    )


def _positional(thread: Thread, post_ids: str | None) -> bool:
    meaning = post_ids or _id_meanings().get(thread.engine, "either")
    if meaning == "position":
        return True
    if meaning == "forum":
        return False
    return bool(thread.posts) and all(p.id == str(i + 1) for i, p in enumerate(thread.posts))


def _unique(posts: Sequence[Post]) -> bool:
    return len({p.id for p in posts}) == len(posts)


@cache
def _id_meanings() -> dict[str, str]:
    """Each loaded engine's ``post_ids``; an engine not here (a ``--selectors``
    skin, a plugin since removed) is taken as "either"."""
    return {cls.engine: cls.post_ids for cls in _load_parsers()}


def _renumber(posts: Sequence[Post], start: int, taken: set[str]) -> list[Post]:
    """Give positional posts the ids ``start + 1, ...``, skipping ids already ``taken``."""
    numbers = (str(n) for n in count(start + 1) if str(n) not in taken)
    mapping = {post.id: next(numbers) for post in posts}
    result = []
    for i, post in enumerate(posts):
        quotes = tuple(
            replace(q, post_id=mapping.get(q.post_id, q.post_id)) if q.post_id else q
            for q in post.quotes
        )
        result.append(replace(
            post,
            id=mapping[post.id],
            position=start + i,
            reply_to=mapping.get(post.reply_to, post.reply_to) if post.reply_to else None,
            quotes=quotes,
        ))
    return result


__all__ = [
    "BUILTIN_PARSERS",
    "MixedThreadsWarning",
    "ENTRY_POINT_GROUP",
    "ParserPluginWarning",
    "available_parsers",
    "clear_cache",
    "detect",
    "expand_paths",
    "get_parser",
    "merge_threads",
    "natural_key",
    "parse_document",
    "read_document",
]
