"""Field readers shared by the parsers of JSON and tabular exports.

Exports come from APIs and tools that each spell a field their own way, and
a file a user hands us may hold anything. These helpers read one JSON value
or one field leniently (a wrong type gives None rather than an exception), so
every parser answers a malformed file with a :class:`ParseError` that names
the file, never a ``TypeError`` from deep inside.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

from analyzer.errors import ParseError
from analyzer.parsers.base import Document
from analyzer.parsers.dates import read_field

_DIGITS = re.compile(r"^\d+$")
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class JsonLine:
    """One non-blank line of a JSON Lines file, parsed."""

    lineno: int
    value: Any


@dataclass(frozen=True)
class _Loaded:
    value: Any = None
    error: str | None = None


def load_json(doc: Document) -> Any:
    """Parse the whole document as one JSON value.

    Raises:
        ParseError: If the text is not JSON, or nests deeper than the JSON
            reader can follow.
    """
    loaded = _loads(doc.text)
    if loaded.error is not None:
        raise ParseError(f"{doc.name}: {loaded.error}")
    return loaded.value


def try_json(doc: Document) -> Any:
    """Return the document's JSON value for a detector, or None if it is not JSON."""
    if not doc.looks_like_json:
        return None
    return _loads(doc.text).value


@lru_cache(maxsize=1)  # detectors and the parser read the same file; keep only that one
def _loads(text: str) -> _Loaded:
    # Several detectors look at the same file in turn; parse it once.
    try:
        return _Loaded(json.loads(text))
    except json.JSONDecodeError as exc:
        return _Loaded(error=f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})")
    except RecursionError:
        return _Loaded(error="invalid JSON: nested too deeply to read")
    except ValueError as exc:  # e.g. an integer too long to convert
        return _Loaded(error=f"invalid JSON: {exc}")


def forget_loaded_json() -> None:
    """Drop the last file's text and parse, kept for the next detector to read.

    Call once every file is read, so that neither lives through the stages.
    """
    _loads.cache_clear()


def json_lines(doc: Document) -> Iterator[JsonLine]:
    """Yield every non-blank line of a JSON Lines document, parsed.

    Raises:
        ParseError: On a line that is not JSON, naming the file and line.
    """
    for lineno, line in enumerate(doc.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(f"{doc.name}:{lineno}: invalid JSON: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:
            reason = "nested too deeply to read" if isinstance(exc, RecursionError) else exc
            raise ParseError(f"{doc.name}:{lineno}: invalid JSON: {reason}") from None
        yield JsonLine(lineno, value)


def first_json_line(doc: Document) -> Any:
    """Return the first non-blank line of a document parsed as JSON, or None."""
    if not doc.looks_like_json:
        return None
    for line in doc.text.split("\n", 50):
        if line.strip():
            try:
                return json.loads(line)
            except (ValueError, RecursionError):
                return None
    return None


def text_field(value: Any) -> str | None:
    """Read a name-like field: a non-blank string or a number, else None."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return _int_str(value)
    if isinstance(value, float) and value.is_integer():
        return _int_str(int(value))
    return None


def id_field(value: Any) -> str | None:
    """Read a post id as a string of digits, or None if it is not one."""
    found = text_field(value)
    return found if found is not None and _DIGITS.match(found) else None


def time_field(value: Any) -> datetime | None:
    """Read an ISO 8601 string or epoch seconds (or milliseconds) leniently.

    Returns:
        A timezone-aware datetime (UTC where the value gives no offset), or
        None where the value is missing or not a time.
    """
    return read_field(value)


def depth_first(roots: Iterable[_Item],
                children: Callable[[_Item], Iterable[_Item]]) -> Iterator[_Item]:
    """Yield a tree's items in display order: each item, then its answers, depth first.

    The walk keeps its own stack, so no depth of replies can overflow Python's.

    Args:
        roots: The top-level items, in order.
        children: An item's answers, in order (empty for a leaf); asked only
            once the item has been yielded.
    """
    stack = list(reversed(list(roots)))
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(list(children(item))))


def _int_str(value: int) -> str | None:
    try:
        return str(value)
    except ValueError:  # more digits than Python will convert
        return None


__all__ = ["JsonLine", "depth_first", "first_json_line", "id_field", "json_lines", "load_json",
           "text_field", "time_field", "try_json"]
