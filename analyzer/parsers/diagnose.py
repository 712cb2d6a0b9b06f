"""Say why no parser recognised a file, as precisely as the file allows.

Detection (:func:`analyzer.parsers.registry.detect`) asks every parser in
turn; when none says yes, the user needs more than "unknown format". A file
that starts like JSON is checked as JSON first, so broken JSON is reported
with its line and column, JSON Lines rows of the wrong shape with their line
number, and JSON nested past what the reader can follow as exactly that.
Anything else gets the engines that were tried and the two ways to go on:
force an engine, or describe an unknown HTML forum's markup with selectors.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from analyzer.errors import ParseError
from analyzer.parsers.base import Document

NESTED_JSON = "invalid JSON: nested too deeply to read"


def unrecognised(doc: Document, tried: Sequence[str]) -> ParseError:
    """Return the error for a document no parser recognised.

    Args:
        doc: The decoded file.
        tried: The engines that were asked, in order.
    """
    if doc.looks_like_json:
        problem = json_problem(doc)
        if problem is not None:
            return ParseError(problem)
    engines = ", ".join(tried) or "none"
    how = "--engine NAME"
    if doc.looks_like_html:
        how += " or describe its markup with --selectors FILE.toml"
    return ParseError(f"{doc.name}: cannot tell which forum engine wrote this file "
                      f"(tried: {engines}); choose one with {how}")


def json_problem(doc: Document) -> str | None:
    """Return what is wrong with a file that starts like JSON, or None if it is valid.

    A file whose first line is a JSON value of its own is read as JSON Lines,
    whose rows must be objects with a ``text`` field.
    """
    try:
        json.loads(doc.text)
        return None
    except RecursionError:
        return f"{doc.name}: {NESTED_JSON}"
    except json.JSONDecodeError as whole:
        invalid = (f"{doc.name}: invalid JSON: {whole.msg} "
                   f"(line {whole.lineno} column {whole.colno})")
    except ValueError as exc:
        return f"{doc.name}: invalid JSON: {exc}"
    body = doc.text.lstrip()
    lineno = doc.text.count("\n", 0, len(doc.text) - len(body)) + 1
    try:
        row = json.loads(body.split("\n", 1)[0])
    except RecursionError:
        return f"{doc.name}:{lineno}: {NESTED_JSON}"
    except ValueError:
        return invalid
    if not (isinstance(row, dict) and "text" in row):
        return f'{doc.name}:{lineno}: expected an object with a "text" field'
    return None


__all__ = ["NESTED_JSON", "json_problem", "unrecognised"]
