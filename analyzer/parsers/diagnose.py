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
from collections import Counter
from collections.abc import Sequence

from analyzer.errors import ParseError
from analyzer.model import Thread
from analyzer.parsers.base import Document
from analyzer.parsers.skin import Skin

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


class UnaccountedPostsWarning(UserWarning):
    """A page marks more posts than its parser kept and skipped.

    Attributes:
        path: The page.
        markers: How many posts the page's markup marks.
        kept: Posts kept.
        skipped: Posts skipped, with a reason.
    """

    def __init__(self, path: str, markers: int, kept: int, skipped: int) -> None:
        super().__init__(
            f"{path}: the page marks {markers} posts, but only {kept + skipped} were read "
            f"({kept} kept, {skipped} skipped); {markers - kept - skipped} may be lost; "
            "check the page, or describe its markup with --selectors FILE.toml")
        self.path = path
        self.markers = markers
        self.kept = kept
        self.skipped = skipped


class RelativeDatesWarning(UserWarning):
    """Post dates that say only "Today" or "Yesterday", on a page that does not say its own date.

    Attributes:
        path: The page.
        count: How many posts' dates were left empty.
    """

    def __init__(self, path: str, count: int) -> None:
        posts = f"{count} post{'s' if count != 1 else ''}"
        super().__init__(
            f"{path}: {posts} dated only \"Today\", \"Yesterday\" or \"... ago\", and the "
            "page does not say when it was saved; their dates are left empty")
        self.path = path
        self.count = count


def tried_selectors(skin: Skin, markers: Sequence[str] = ()) -> str:
    """What an HTML parser looked for, and how to describe the page instead."""
    marked = f"the page marks {len(markers)} posts; " if markers else ""
    return (f"{marked}looked for posts at {skin.post!r} with their words at {skin.body!r}; "
            "choose another engine with --engine NAME or describe the page's markup "
            "with --selectors FILE.toml")


def no_posts_kept(name: str, engine: str, thread: Thread, skin: Skin | None = None) -> ParseError:
    """The error for a file that gave no posts to keep.

    Args:
        name: The file.
        engine: The parser that read it.
        thread: What the parser made of it (no posts; maybe skipped ones).
        skin: The HTML parser's selectors, to say what was looked for.
    """
    if thread.skipped:
        reasons = Counter(s.reason for s in thread.skipped)
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        found = (f"the {engine} parser skipped all {len(thread.skipped)} post"
                 f"{'s' if len(thread.skipped) != 1 else ''} it found ({why})")
    else:
        found = f"the {engine} parser found no posts"
    how = (tried_selectors(skin, thread.post_markers or ()) if skin is not None
           else "choose another engine with --engine NAME")
    return ParseError(f"{name}: no posts kept: {found}; {how}")


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


__all__ = ["NESTED_JSON", "RelativeDatesWarning", "UnaccountedPostsWarning", "json_problem",
           "no_posts_kept", "tried_selectors", "unrecognised"]
