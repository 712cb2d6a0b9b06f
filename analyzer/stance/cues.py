"""Stance cues: words that take a side toward what follows them, and hashtags.

- **Hashtags and handles** are read as the words they join: ``#StopTheWar``
  becomes "Stop The War" and ``@realDonaldTrump`` "real Donald Trump", so
  aliases match inside them and VADER sees their words; ``#prolife`` only
  loses its "#". A tag that is itself an alias written without spaces or
  hyphens (``#ProLife`` for "pro-life", ``#HillaryClinton`` for
  "Hillary*") is kept whole, so the alias still matches it.
- **Trust verbs** negated ("never rely on X", "can't trust X") are
  opposition; plain ("I trust X") are favour.
- **Stance verbs** take a side toward their object whatever the words around
  them weigh: "vote for X", "support X", "stand with X", "defend X", "I'm
  with X" are favour; "stop X", "oppose X", "defeat X", "ban X", "boycott
  X", "never X", "no to X", "down with X" are opposition. So are the
  prefixes in "pro-X" and "anti-X", and "X must go" after the object.
  A negator just before the verb ("don't support X") turns it round.

These are general English; none comes from a labelled set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Side = Literal["favour", "against"]

CUE_FLOOR = 0.5
"""Least magnitude a stance verb gives its object, when the words score weaker."""

_FAVOUR = (r"vote\s+for|voting\s+for|voted\s+for|support(?:s|ed|ing)?|back(?:s|ed|ing)?"
           r"|stand(?:s|ing)?\s+with|stood\s+with|defend(?:s|ed|ing)?|(?:i'm|i\s+am|we're)\s+with"
           r"|trust|rely\s+on|count\s+on|depend\s+on|believe\s+in"
           r"|long\s+live|thank\s+(?:god|you)\s+for|yes\s+to|in\s+favou?r\s+of|pro(?=-)")
_AGAINST = (r"stop(?:s|ped|ping)?|oppose[sd]?|opposing|defeat(?:s|ed|ing)?|ban(?:s|ned|ning)?"
            r"|boycott(?:s|ed|ing)?|reject(?:s|ed|ing)?|never|no\s+to|down\s+with"
            r"|dump(?:s|ed|ing)?|anti(?=-)|abolish(?:es|ed|ing)?|impeach(?:es|ed|ing)?")
_GAP = r"(?:\s+(?:the|a|an|more|any|all|new|this|these|those))?"
_CUE = re.compile(
    rf"(?<![\w'’-])(?:(?P<neg>don'?t|do\s+not|won'?t|will\s+not|never|can'?t|cannot|not|shouldn'?t)\s+)?"
    rf"(?:(?P<favour>{_FAVOUR})|(?P<against>{_AGAINST})){_GAP}(?:\s+|-|\s*#)$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(  # the words a stance verb of _CUE can end with
    r"for|with|on|in|of|to|pro|live|trust|never|anti"
    r"|(?:support|back|defend|defeat|boycott|reject|dump)(?:s|ed|ing)?|stop(?:s|ped|ping)?"
    r"|oppose[sd]?|opposing|ban(?:s|ned|ning)?|(?:abolish|impeach)(?:es|ed|ing)?",
    re.IGNORECASE,
)
_GAP_WORD = re.compile(_GAP.removeprefix(r"(?:\s+").removesuffix(")?"), re.IGNORECASE)
_AFTER = re.compile(r"^\W*(?:must|has\s+to|needs\s+to|should)\s+(?:go|resign|be\s+stopped)\b"
                    r"|^\W*out\b(?!\s+of)", re.IGNORECASE)
_HASHTAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def split_hashtags(text: str, aliases: tuple[str, ...] = ()) -> str:
    """Return ``text`` with each hashtag and handle written as its words.

    "#StopTheWar" becomes "Stop The War" and "#Vote2024" "Vote 2024"; a tag
    in one case ("#prolife") only loses its "#".

    Args:
        text: The text.
        aliases: Target and rival aliases; a tag spelling one of them
            without spaces or hyphens is kept whole (a trailing ``*``
            matches any ending).
    """
    if "#" not in text and "@" not in text:
        return text
    kept = _squashed(aliases)

    def _split(match: re.Match[str]) -> str:
        tag = match.group(1)
        flat = tag.lower()
        if any(flat == a or (a.endswith("*") and flat.startswith(a[:-1])) for a in kept):
            return tag
        return _CAMEL.sub(" ", tag)

    return _HASHTAG.sub(_split, text)


@lru_cache(maxsize=16)
def _squashed(aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(re.sub(r"[\s\-‐‑–.'’]+", "", a.lower()) for a in aliases)


def cue_before(text: str, offset: int) -> Side | None:
    """Return the side a stance verb just before ``offset`` takes, if any.

    Args:
        text: A clause.
        offset: Where a mention of a target starts in ``text``.

    Returns:
        "favour", "against", or None when no stance verb governs the mention.
    """
    head = text[max(0, offset - 40):offset]
    if not _may_cue(head):
        return None
    match = _CUE.search(head)
    side: Side | None = None
    if match is not None:
        side = "favour" if match.group("favour") else "against"
        if match.group("neg"):
            side = "against" if side == "favour" else "favour"
    return side


def _may_cue(head: str) -> bool:
    """Return False if ``_CUE`` surely finds nothing in ``head`` (a quick test).

    A cue ends with white space, "-" or "#" at the end of ``head``; before
    those comes a stance verb's last word (:data:`_LAST_WORD`), or one of
    ``_GAP``'s words with white space and such a word before it. Each is a
    whole run of letters.
    """
    end = len(head)
    while end and (head[end - 1].isspace() or head[end - 1] in "-#"):
        end -= 1
    if end == len(head):
        return False
    start = _word_start(head, end)
    if _LAST_WORD.fullmatch(head, start, end) is not None:
        return True
    if _GAP_WORD.fullmatch(head, start, end) is None:
        return False
    end = start
    while end and head[end - 1].isspace():
        end -= 1
    return end < start and _LAST_WORD.fullmatch(head, _word_start(head, end), end) is not None


def _word_start(text: str, end: int) -> int:
    """Start of the run of letters that ends at ``end``."""
    start = end
    while start and text[start - 1].isalpha():
        start -= 1
    return start


def cue_after(text: str, end: int) -> Side | None:
    """Return "against" if the words after a mention call for its end ("X must go")."""
    return "against" if _AFTER.search(text[end:end + 30]) else None


def with_cue(score: float, side: Side | None) -> float:
    """Return ``score`` moved to the side a cue takes, at least ``CUE_FLOOR`` strong."""
    if side == "favour":
        return max(score, CUE_FLOOR)
    if side == "against":
        return min(score, -CUE_FLOOR)
    return score
