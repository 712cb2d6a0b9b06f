"""This tool's own ``parse --format json`` output, read back unchanged.

The object is the JSON contract of DESIGN.md section 4 (written by
:func:`analyzer.serialize.thread_to_dict`)::

    {"thread": {"id": "...", "title": "...", "engine": "xenforo2", "url": null},
     "posts": [{"id": "114210", "position": 0, "author": "...", "timestamp": "...",
                "text": "...", "quotes": [], "reply_to": null, "kind": "opinion"}],
     "skipped": [{"reason": "...", "preview": "...", "source": "..."}]}

The thread keeps the engine it was first read with, its id, title and url,
its posts and its skipped items. ``analyse --json`` output has the same
three keys and reads back as its thread (the stage results are left out).
"""

from __future__ import annotations

from analyzer.errors import ParseError
from analyzer.model import Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.records import load_json, try_json
from analyzer.serialize import is_thread_dict, thread_from_dict


class OwnJsonParser(Parser):
    """The ``parse --format json`` object: thread, posts and skipped."""

    engine = "forum-analyzer-json"
    description = "this tool's own parse --format json output (thread, posts, skipped)"
    priority = 70

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for an object with ``thread`` (naming its engine), ``posts``, ``skipped``."""
        return is_thread_dict(try_json(doc))

    def parse(self, doc: Document) -> Thread:
        """Read the thread back.

        Raises:
            ParseError: If the file is not JSON, or a field is missing or not
                what ``parse --format json`` writes.
        """
        try:
            return thread_from_dict(load_json(doc), source=doc.name)
        except ValueError as exc:
            raise ParseError(f"{doc.name}: not this tool's thread JSON: {exc}") from None
