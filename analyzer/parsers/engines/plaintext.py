"""Plain-text copies of forum threads (select all, copy, paste into a file).

The copy is read line by line into items (member blocks, quotes, action bars
and text lines, with the blank lines before each), page chrome is dropped,
and :func:`analyzer.parsers.engines.segmenter.segment` decides where posts begin and
end. This is the fallback parser: it accepts any text that is not HTML or
JSON. Even when forced with ``--engine plaintext`` it refuses an HTML page,
which would otherwise come out as one post of markup.

Every step is linear in the length of the copy: runs of white space are
collapsed before any pattern sees a line, and a line longer
than :data:`MAX_LINE_CHARS` (no copied thread has one) is refused.
"""

from __future__ import annotations

import re

from analyzer.clean import clean_text, is_chrome_line
from analyzer.errors import ParseError
from analyzer.model import Post, Skipped, Thread
from analyzer.parsers.base import Document, Parser, looks_like_html
from analyzer.parsers.engines.copyreader import CopyReading, read_copy
from analyzer.parsers.engines.segmenter import Item, Segment, segment
from analyzer.parsers.engines.textlines import (
    ends_sentence,
    match_header,
    match_quote,
    strip_title_label,
)
from analyzer.text import preview

#: Longest line a copied thread can have, in characters.
MAX_LINE_CHARS = 100_000

_ACTION_BAR = re.compile(
    r"^\s*(?:(?:like|reply|quote|report|share|multi-?quote|bookmark|thanks?|save|follow|"
    r"give award|award|permalink|embed|upvote|downvote|vote|more replies)\s*){1,8}$"
    r"|^\s*#\d+\s*$|^\s*level \d+\s*$|^\s*(?:continue this thread|load more comments)\W*$",
    re.IGNORECASE,
)
_END_OF_THREAD = re.compile(
    r"^\s*(?:top\s*bottom|you must log in or register to reply here\.?|similar threads)\s*$",
    re.IGNORECASE,
)
_PLACEHOLDERS = [
    (re.compile(r"^you are ignoring content by this member\.?$|^this (?:member|user) is "
                r"(?:on your ignore list|ignored)", re.IGNORECASE), "ignored-user placeholder"),
    (re.compile(r"^\[?(?:deleted|removed)\]?$|^this (?:post|message|comment) (?:has been|was) "
                r"(?:deleted|removed)", re.IGNORECASE), "deleted post"),
]


class PlainTextParser(Parser):
    """Reads a thread copied from a browser as plain text."""

    engine = "plaintext"
    post_ids = "position"
    description = "plain-text copy of a thread page (fallback for any text)"
    priority = -100

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Accept any text that is neither HTML nor JSON."""
        return bool(doc.text.strip()) and not doc.looks_like_html and not doc.looks_like_json

    def parse(self, doc: Document) -> Thread:
        """Split the copy into posts.

        Raises:
            ParseError: If the text is an HTML page, has a line longer than
                :data:`MAX_LINE_CHARS`, or has no post text once page chrome
                is removed.
        """
        if doc.text.lstrip("\ufeff \t\r\n").startswith("<") and looks_like_html(doc.text):
            raise ParseError(f"{doc.name}: this is an HTML page, not a plain-text copy; choose "
                             "its engine with --engine NAME or describe its markup with "
                             "--selectors FILE.toml")
        lines = doc.text.split("\n")  # decoding already made every line break "\n"
        _check_line_lengths(lines, doc.name)
        # White space inside a line collapses to one space, as a browser shows
        # it, so no pattern can backtrack over a long run of it.
        lines = [" ".join(line.split()) for line in lines]
        reading = read_copy(lines)
        if reading is not None and (thread := self._from_reading(reading, doc)).posts:
            return thread
        items, title, skipped = _read_items(lines, doc.name)
        posts: list[Post] = []
        for seg in segment(items):
            post_or_skip = _to_post(seg, len(posts), doc.name)
            if isinstance(post_or_skip, Post):
                posts.append(post_or_skip)
            else:
                skipped.append(post_or_skip)
        if not posts:
            raise ParseError(f"{doc.name}: no post text found in this plain-text copy")
        return Thread(id=doc.stem, title=title, engine=self.engine, url=None,
                      posts=tuple(posts), skipped=tuple(skipped), layout="generic")


    def _from_reading(self, reading: CopyReading, doc: Document) -> Thread:
        """The thread an engine profile read from the copy (no posts: the generic reader's turn)."""
        posts: list[Post] = []
        skipped: list[Skipped] = []
        for found in reading.posts:
            text = clean_text(found.body.text)
            reason = _placeholder(text)
            if found.repeat:
                reason = "post repeated from an earlier page"
            elif reason is None and not text and not found.body.quotes:
                reason = "member block with no post text"
            if reason is not None:
                skipped.append(Skipped(reason, preview(text or (found.author or "unknown")),
                                       doc.name))
                continue
            posts.append(Post(id=str(len(posts) + 1), position=len(posts), author=found.author,
                              timestamp=found.timestamp, text=text, quotes=found.body.quotes,
                              source=doc.name))
        return Thread(id=doc.stem, title=reading.title, engine=self.engine, url=None,
                      posts=tuple(posts), skipped=tuple(skipped), layout=reading.profile)


def _placeholder(text: str) -> str | None:
    flat = " ".join(text.split())
    for pattern, reason in _PLACEHOLDERS:
        if pattern.search(flat):
            return reason
    return None


def _check_line_lengths(lines: list[str], source: str) -> None:
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[longest]) > MAX_LINE_CHARS:
        raise ParseError(f"{source}: line {longest + 1} is {len(lines[longest]):,} characters "
                         f"long, more than the {MAX_LINE_CHARS:,} a line of a copied thread can "
                         "have; is this really a copied thread?")


def _read_items(lines: list[str], source: str) -> tuple[list[Item], str | None, list[Skipped]]:
    """Turn lines into items, and take the thread title from the preamble."""
    items: list[Item] = []
    skipped: list[Skipped] = []
    gap = 0
    i = 0
    ended = False
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            gap += 1
            i += 1
            continue
        if _END_OF_THREAD.match(line) or (ended and _between_pages(lines, i)):
            # The end of a page: its footer, then (pasted after it) the next
            # page's header, up to that page's first member block or prose.
            if not ended:
                items.append(Item("separator", gap=gap))
            ended, gap = True, 0
            i += 1
            continue
        ended = False
        if _ACTION_BAR.match(line):
            items.append(Item("separator", gap=gap))
            i, gap = i + 1, 0
            continue
        quote = match_quote(lines, i)
        if quote is not None:
            items.append(Item("quote", gap=gap, quote=quote[0]))
            i, gap = i + quote[1], 0
            continue
        header = match_header(lines, i)
        if header is not None:
            items.append(Item("header", gap=gap, header=header))
            i, gap = i + header.lines, 0
            continue
        if not is_chrome_line(line):
            items.append(Item("line", text=line, gap=gap))
        i, gap = i + 1, 0
    title = None
    first_header = next((n for n, it in enumerate(items) if it.kind == "header"), None)
    if first_header:
        preamble = items[:first_header]
        if all(it.kind == "line" and _title_like(it.text) for it in preamble):
            # Breadcrumbs and forum names are short; the thread title is the
            # longest line before the first post (the last, where lengths tie).
            longest = max(reversed(preamble), key=lambda it: len(it.text.split()))
            title = strip_title_label(longest.text)
            skipped.extend(Skipped("page chrome before the first post", preview(it.text), source)
                           for it in preamble if it is not longest)
            items = items[first_header:]
    return items, title, skipped


def _between_pages(lines: list[str], i: int) -> bool:
    """After a page's end: is ``lines[i]`` still chrome, before the next page's posts?"""
    line = lines[i].strip()
    if match_header(lines, i) is not None:
        return False
    return len(line.split()) < 12 or not ends_sentence(line)


def _title_like(line: str) -> bool:
    """A preamble line that can be a title or chrome, not the start of a post."""
    return len(line.split()) <= 20 and not ends_sentence(line)


def _to_post(seg: Segment, position: int, source: str) -> Post | Skipped:
    text = clean_text("\n\n".join(seg.paragraphs))
    reason = _placeholder(text)
    if reason is not None:
        return Skipped(reason, preview(text), source)
    if not text and not seg.quotes:
        who = seg.header.author if seg.header else "unknown"
        return Skipped("member block with no post text", who, source)
    return Post(
        id=str(position + 1),
        position=position,
        author=seg.header.author if seg.header else None,
        timestamp=seg.header.timestamp if seg.header else None,
        text=text,
        quotes=tuple(seg.quotes),
        source=source,
    )
