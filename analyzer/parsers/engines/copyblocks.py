"""Member blocks in a copied page: the name, member title and fields above or below a post.

A member block is a name line, at most two member-title lines, then fields
("Join Date" / "Mar 2009", "Posts: 4,512", "Location: Texas"). Working on
the page's non-blank lines, these functions find a block ending just above a
line (:func:`block_before`) or starting just below one (:func:`block_after`).
Which of two short lines above the fields is the name and which the member
title is settled by evidence from the whole copy (:class:`TitleEvidence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.parsers.engines.copyprofiles import (
    ACTION_BAR,
    FIELD_INLINE,
    FIELD_LABEL,
    LIKES,
    PAGE_CHROME,
    TITLE_WORD_LIST,
    TITLE_WORDS,
)
from analyzer.parsers.engines.textlines import ends_sentence, parse_date

#: Longest run of field lines a member block can have.
MAX_FIELDS = 24


@dataclass(frozen=True)
class Block:
    """A member block: lines ``start`` to ``end`` (exclusive) of the non-blank lines."""

    start: int
    end: int
    name: str | None
    fields: int


def name_like(line: str) -> bool:
    """A line that can be a member name or title: short, no sentence end, not furniture."""
    text = line.strip()
    if not text or len(text) > 40 or len(text.split()) > 5 or text[0] in "#@(«[":
        return False
    if ends_sentence(text) and not text.endswith(".") or text.endswith((":", ",", ";")):
        return False
    if text.endswith(".") and len(text.split()) > 2:
        return False
    return not (is_field(text) or ACTION_BAR.match(text) or LIKES.match(text)
                or PAGE_CHROME.match(text) or parse_date(text) is not None)


def is_field(line: str) -> bool:
    """A field label (alone or with its value)."""
    return bool(FIELD_LABEL.match(line) or FIELD_INLINE.match(line))


def fields_down(ls: list[str], start: int, limit: int) -> int:
    """The end of a run of fields starting at ``ls[start]`` (``start`` if none)."""
    i = start
    while i < min(limit, len(ls)) and i - start < MAX_FIELDS:
        if FIELD_LABEL.match(ls[i]) and i + 1 < len(ls) and len(ls[i + 1]) <= 60 \
                and not is_field(ls[i + 1]):
            i += 2
        elif FIELD_INLINE.match(ls[i]) or FIELD_LABEL.match(ls[i]):
            i += 1
        else:
            break
    return i


def fields_up(ls: list[str], end: int, floor: int) -> int:
    """The start of a run of fields ending just above ``ls[end]`` (``end`` if none)."""
    i = end
    while i > floor and end - i < MAX_FIELDS:
        if i - 2 >= floor and FIELD_LABEL.match(ls[i - 2]) and not is_field(ls[i - 1]) \
                and len(ls[i - 1]) <= 60:
            i -= 2
        elif FIELD_INLINE.match(ls[i - 1]) or FIELD_LABEL.match(ls[i - 1]):
            i -= 1
        else:
            break
    return i


class TitleEvidence:
    """Which short lines are member names and which member titles, learnt from the copy.

    A line is a title if it uses title words ("Senior Member", "Moderator")
    or sat under a name in a block whose name was certain (right after the
    previous post's action bar); names come from such blocks and from quote
    headers and post heads that name their author.
    """

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.titles: set[str] = set()

    def is_title(self, line: str) -> bool:
        """Return True if ``line`` reads as a member title."""
        return line not in self.names and (bool(TITLE_WORDS.search(line))
                                           or line in self.titles)


_TITLE_TAIL = re.compile(
    r"\s+(?:(?:full|senior|junior|new|well-known|active|global|super|registered|elite|site|"
    rf"forum|premium|trusted|community|verified|gold|silver|honorary|lifetime)\s+)*(?:{TITLE_WORD_LIST})s?$",
    re.IGNORECASE,
)


def drop_title_tail(author: str, names: set[str]) -> str:
    """"Name Senior Member" (a group badge after the name) as "Name".

    The badge goes if the rest is a name seen alone on another post, or if it
    ends in member-title words.
    """
    for name in names:
        if author.startswith(name + " ") and len(author[len(name):].split()) <= 3:
            return name
    stripped = _TITLE_TAIL.sub("", author)
    return stripped if stripped.strip() else author


def block_before(ls: list[str], end: int, floor: int, evidence: TitleEvidence,
                 learn: bool = False) -> Block | None:
    """The member block ending just above ``ls[end]``, no higher than ``floor``.

    Above the fields sit the name and perhaps a member title. With two
    short lines there, the upper one is the name if the line above it closes
    the previous post (an action bar, a like summary, the page top), or if
    the lower one is a known title and not a known name.

    Args:
        learn: Record names and titles from blocks whose reading is certain.
    """
    top = fields_up(ls, end, floor)
    c1 = top - 1 if top - 1 >= floor and name_like(ls[top - 1]) else None
    if c1 is None:
        return Block(top, end, None, end - top) if top < end else None
    c2 = c1 - 1 if c1 - 1 >= floor and name_like(ls[c1 - 1]) else None
    if c2 is None:
        if learn:
            evidence.names.add(ls[c1])
        return Block(c1, end, ls[c1], end - top)
    certain = c2 - 1 >= floor and _closes_post(ls, c2 - 1)
    if certain and learn:
        evidence.names.add(ls[c2])
        evidence.titles.add(ls[c1])
    if certain or (ls[c2] in evidence.names and ls[c1] not in evidence.names) \
            or evidence.is_title(ls[c1]):
        return Block(c2, end, ls[c2], end - top)
    return Block(c1, end, ls[c1], end - top)


def block_after(ls: list[str], start: int, limit: int, evidence: TitleEvidence) -> Block | None:
    """The member block starting at ``ls[start]`` (a name), ending before ``limit``."""
    if start >= min(limit, len(ls)) or not name_like(ls[start]):
        return None
    for gap in range(0, 5):  # the name, then member titles and profile-menu lines
        first = start + 1 + gap
        if first >= min(limit, len(ls)):
            break
        if gap and (len(ls[first - 1]) > 40 or is_field(ls[first - 1])):
            break
        end = fields_down(ls, first, limit)
        if end > first:
            return Block(start, end, ls[start], end - first)
    nxt = start + 1
    if nxt < min(limit, len(ls)) and name_like(ls[nxt]) and evidence.is_title(ls[nxt]):
        return Block(start, nxt + 1, ls[start], 0)
    return Block(start, start + 1, ls[start], 0)


def _closes_post(ls: list[str], i: int) -> bool:
    return bool(ACTION_BAR.match(ls[i]) or LIKES.match(ls[i]))
