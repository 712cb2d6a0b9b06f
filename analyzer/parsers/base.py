"""The parser plugin interface.

A parser turns one decoded input file (a :class:`Document`) into a
:class:`~analyzer.model.Thread`. Each parser declares the ``engine`` it reads
and a ``can_parse`` classmethod; the registry asks each in turn, most specific
first, and the first that says yes parses the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar

from analyzer.model import Thread


@dataclass(frozen=True)
class Document:
    """One input file, decoded once before any parser sees it.

    Attributes:
        name: The path as the user gave it, for messages and ``Post.source``.
        data: The raw bytes.
        text: The text, decoded by :func:`analyzer.reading.decoding.decode`.
    """

    name: str
    data: bytes
    text: str

    @property
    def stem(self) -> str:
        """The file name without folder or extension."""
        return Path(self.name).stem

    @cached_property
    def head(self) -> str:
        """The first 4 KB of the text, lower-cased, for cheap detection."""
        return self.text[:4096].lstrip("\ufeff \t\r\n").lower()

    @property
    def looks_like_html(self) -> bool:
        """True if the text starts like an HTML page."""
        return looks_like_html(self.text)

    @property
    def looks_like_json(self) -> bool:
        """True if the text starts like JSON or JSON Lines."""
        return self.head.startswith(("{", "["))


class Parser:
    """Base class of every parser, built-in or plugin.

    Subclasses set ``engine`` (a short name such as ``xenforo2``),
    ``description``, ``priority`` (higher is asked first; the plain-text
    fallback has the lowest) and, if their ids are not the forum's own,
    ``post_ids``; and implement :meth:`can_parse` and :meth:`parse`.
    """

    engine: ClassVar[str] = ""
    description: ClassVar[str] = ""
    priority: ClassVar[int] = 0
    #: What post ids mean, for merging pages: ``"forum"`` (the forum's own ids;
    #: a post repeated on two pages is kept once), ``"position"`` (1-based
    #: positions; every post is kept and renumbered), or ``"either"`` (the
    #: forum's ids where the input has them; ids that are exactly 1..n are
    #: taken as positions).
    post_ids: ClassVar[str] = "forum"

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True if ``doc`` looks like this parser's engine."""
        raise NotImplementedError

    def parse(self, doc: Document) -> Thread:
        """Parse ``doc`` into a thread.

        Raises:
            analyzer.errors.ParseError: If the document is not a thread this
                parser can read.
        """
        raise NotImplementedError


def looks_like_html(text: str) -> bool:
    """Return True if ``text`` starts like an HTML page or fragment."""
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<!--")) or any(
        tag in head for tag in ("<body", "<head", "<article", "<div", "<p>", "<meta "))
