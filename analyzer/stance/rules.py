"""Rules the stance stage applies to text before and after VADER scores it.

- **Mentions** (:mod:`analyzer.stance.mentions`): which targets a piece of
  text names, and joint mentions for targets with ``co_mention``.
- **Clauses**: every sentence is cut at ``; :`` and dashes; long pieces, and
  pieces whose parts name different targets, are also cut at contrastive or
  causal connectives ("but", "however", "whereas", "while", "although",
  "because", "thanks to").
- **Comparisons** (:mod:`analyzer.stance.comparison`): the side of "X is
  superior to T" a target stands on decides its sign.
- **Scorn**: servility words ("lackeys", "puppet", "vassals") next to a
  target make the stance toward it negative.
- **Pronouns and fragments**: a following sentence that names no target but
  refers back with a third-person pronoun, or is a verbless comment
  ("Pathetic."), continues the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from analyzer.settings import Settings
from analyzer.stance.comparison import Comparison, negated, tokens_of
from analyzer.stance.mentions import joint_targets, mention_offsets
from analyzer.text import compile_terms, words

LONG_SENTENCE = 25
"""Sentences with more words than this are always cut into clauses."""

ELLIPTICAL = 4
"""A clause of this many words or fewer ("but not for long") joins the one before."""

PRONOUN_WINDOW = 5
"""A back-referring pronoun must come within this many words of the start."""

SCORN_WINDOW = 3
"""Most words between a target mention and a scorn word for the two to be attached."""

_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_SINGULAR = frozenset({"it", "its", "itself", "he", "him", "his", "himself", "she", "her",
                       "hers", "herself"})

FRAGMENT = 4
"""Most words in the head of a verbless sentence that comments on the one before."""

_CLAUSAL = frozenset(
    "is are was were be been being am has have had do does did will would shall should can "
    "could may might must i you we they he she it this that there who what which".split())

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")  # as analyzer.text.words
_HARD = re.compile(r"(?<=[;:])\s+|\s*—\s*|\s+[–-]{1,2}\s+")  # after ; or :, dashes
_SOFT = re.compile(
    r",?\s+(?=(?:but|whereas|although|though|because|thanks\s+to)\s)"
    r"|(?<!\ba)\s+(?=while\s)"                         # not "for a while"
    r"|,\s*(?=(?:however|yet)\b)"
    r"|,\s+(?=and\s)",                                 # ", and" joins two statements
    re.IGNORECASE,
)
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_BREAK = re.compile(f"{_HARD.pattern}|{_SOFT.pattern}", re.IGNORECASE)
_HARD_HINT = re.compile(r"[;:—–-]")  # a hard break needs one of these
_CONNECTIVE_HINT = (r"\s(?:but|whereas|although|though|because|thanks|while)\s"
                    r"|,\s*(?:however|yet|and)")  # what every soft break holds
_SOFT_HINT = re.compile(_CONNECTIVE_HINT, re.IGNORECASE)
_BREAK_HINT = re.compile(rf"[;:—–-]|{_CONNECTIVE_HINT}", re.IGNORECASE)
_APOSTROPHE = re.compile(r"['’]")
_HEAD_END = re.compile(r"[,;:(]")

SCORN_TERMS = ("puppet*", "vassal*", "lackey*", "stooge*", "bootlick*", "shill",
               "shills", "poodle", "poodles", "minion", "minions", "henchman", "henchmen",
               "sycophant*", "client state*", "satellite state*")
"""Servility words: whoever they are attached to is scorned."""

_SCORN = compile_terms(SCORN_TERMS)
_SCORN_HEADS = tuple({t.rstrip("*").split()[0].lower() for t in SCORN_TERMS})
_SCORN_HEAD = re.compile("|".join(re.escape(h) for h in sorted(_SCORN_HEADS)))
SCORN_HEADS = _SCORN_HEADS
"""The first words of :data:`SCORN_TERMS`, lower case: every servility word holds one."""


def mentioned(text: str, settings: Settings, comparison: Comparison | None = None,
              offsets: dict[str, list[int]] | None = None) -> frozenset[str]:
    """Return the targets ``text`` mentions, directly or jointly.

    A joint (co_mention) target counts only if all its parts are named and a
    comparison does not set them against each other.

    Args:
        text: A sentence or clause.
        settings: Supplies the targets.
        comparison: The clause's comparison, if known.
        offsets: The clause's mention offsets, if already found.
    """
    offsets = mention_offsets(text, settings) if offsets is None else offsets
    names = set(offsets)
    for name, parts in joint_targets(settings):
        if name in names or not all(p in offsets for p in parts):
            continue
        if comparison is not None:
            sides = {side_of(offsets[p], comparison) for p in parts}
            if {"left", "right"} <= sides:
                continue
        names.add(name)
    return frozenset(names)


def side_of(offsets: list[int], comparison: Comparison) -> str | None:
    """Return the one side all ``offsets`` stand on, "both", or None."""
    sides = {comparison.side(o) for o in offsets} - {None}
    if len(sides) == 1:
        return sides.pop()
    return "both" if sides else None


def clause_spans(sentence: str, breaks: re.Pattern[str] = _BREAK) -> list[tuple[int, int]]:
    """Return (start, end) of each clause of ``sentence``; connectives stay with theirs.

    Args:
        sentence: The sentence.
        breaks: Where clauses end; by default at ``; :`` and dashes, and
            before contrastive and causal connectives.
    """
    if _unbroken(sentence, breaks):
        if not _ALNUM.search(sentence):
            return []
        return [(len(sentence) - len(sentence.lstrip()), len(sentence.rstrip()))]
    spans = []
    start = 0
    for cut in [*breaks.finditer(sentence), None]:
        end = len(sentence) if cut is None else cut.start()
        piece = sentence[start:end]
        if _ALNUM.search(piece):
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if cut is not None:
            start = cut.end()
    return spans


def _unbroken(sentence: str, breaks: re.Pattern[str]) -> bool:
    """Return True if ``breaks`` (one of this module's) surely has no match in ``sentence``.

    Every hard break contains one of ``; : — – -``; every soft break a comma
    before "however", "yet" or "and", or white space before and after a
    connective, in the same case-blind reading as the patterns'. Finding
    those is several times faster than running the patterns.
    """
    if breaks is _HARD:
        return _HARD_HINT.search(sentence) is None
    if breaks is _SOFT:
        return _SOFT_HINT.search(sentence) is None
    if breaks is _BREAK:
        return _BREAK_HINT.search(sentence) is None
    return False


def clauses(sentence: str) -> list[str]:
    """Cut ``sentence`` at clause breaks; connectives stay with their clause."""
    return [sentence[a:b] for a, b in clause_spans(sentence)]


def refers_back(text: str) -> Literal["plural", "singular"] | None:
    """Return the number of a third-person pronoun near the start of ``text``.

    Contractions count as their pronoun: "they've", "it's", "he'd".
    """
    found = pronoun(text)
    return None if found is None else found[0]


def pronoun(text: str) -> tuple[Literal["plural", "singular"], int] | None:
    """Return the number and offset of a back-referring pronoun near the start of ``text``."""
    ascii_text = text.isascii()  # lower case keeps offsets, and "'" is the one apostrophe
    for count, match in enumerate(_WORD.finditer(text.lower() if ascii_text else text)):
        if count == PRONOUN_WINDOW:
            break
        if ascii_text:
            word = match.group().partition("'")[0]
        else:
            word = _APOSTROPHE.split(match.group().lower(), maxsplit=1)[0]
        if word in _PLURAL:
            return "plural", match.start()
        if word in _SINGULAR:
            return "singular", match.start()
    return None


def is_fragment(text: str) -> bool:
    """Return True if ``text`` is a verbless comment on what came before.

    "Pathetic.", "Good call.", "Reliable supplier, whatever they say.": its
    head (up to the first comma) has at most ``FRAGMENT`` words and no
    auxiliary, copula, modal or subject pronoun, so it predicates something
    of the sentence before.
    """
    head = _HEAD_END.split(text, maxsplit=1)[0]
    found = words(head)
    return 0 < len(found) <= FRAGMENT and not any(
        _APOSTROPHE.split(w, maxsplit=1)[0] in _CLAUSAL for w in found)


def carried(targets: frozenset[str], number: str | None,
            settings: Settings) -> frozenset[str]:
    """Return the targets a back-referring pronoun can stand for.

    "they" may stand for every target just named; "it", "he" or "she" only
    for a lone target (a joint target counts only when named alone).
    """
    if number == "plural":
        return targets
    if number == "singular":
        joint = {name for name, _ in joint_targets(settings)}
        single = targets - joint or targets
        if len(single) == 1:
            return frozenset(single)
    return frozenset()


@dataclass(frozen=True)
class Unit:
    """A sentence or clause that is evidence for the targets it mentions.

    Attributes:
        text: The unit's words.
        names: The targets it mentions, directly or jointly.
        offsets: Start offsets, within ``text``, of each direct mention.
    """

    text: str
    names: frozenset[str]
    offsets: dict[str, list[int]] = field(compare=False)


def _within(offsets: dict[str, list[int]], start: int, end: int) -> dict[str, list[int]]:
    inside: dict[str, list[int]] = {}
    for name, found in offsets.items():
        kept = [o - start for o in found if start <= o < end]
        if kept:
            inside[name] = kept
    return inside


def whole(sentence: str) -> bool:
    """Return True if :func:`segments` gives ``sentence``, if it names a target, as its one unit.

    So it does when the sentence has no break to cut at, no white space at
    either end, and a letter or digit.
    """
    return (_BREAK_HINT.search(sentence) is None and not sentence[:1].isspace()
            and not sentence[-1:].isspace() and _ALNUM.search(sentence) is not None)


def segments(sentence: str, settings: Settings,
             context: frozenset[str] | None = None,
             offsets: dict[str, list[int]] | None = None) -> list[Unit]:
    """Split a sentence into evidence units, each with the targets it mentions.

    A sentence is always cut at ``; :`` and dashes ("Great news: the US got
    humiliated" is not praise of the US). A short piece whose mentions all
    name the same targets then stays whole, so VADER sees its "but" and
    negations; longer ones, or ones naming different targets, are cut at
    connectives too. A clause naming no target joins the one before if it is
    elliptical or refers back with a pronoun.

    Args:
        sentence: The sentence.
        settings: Supplies the targets.
        context: The targets its paragraph names (see
            :func:`analyzer.stance.mentions.mention_offsets`).
        offsets: ``mention_offsets(sentence, settings, context)``, if the
            caller has it already (it is not modified).
    """
    if offsets is None:
        offsets = mention_offsets(sentence, settings, context)
    if not offsets:
        return [Unit(sentence, frozenset(), offsets)]
    if whole(sentence):
        return [Unit(sentence, mentioned(sentence, settings, offsets=offsets), offsets)]
    if _BREAK_HINT.search(sentence) is None and _ALNUM.search(sentence):
        # One clause (what the general way below gives it): the sentence, stripped.
        first = len(sentence) - len(sentence.lstrip())
        last = len(sentence.rstrip())
        inside = _within(offsets, first, last)
        piece = sentence[first:last]
        return [Unit(piece, mentioned(piece, settings, offsets=inside), inside)]
    parts: list[tuple[int, int, frozenset[str]]] = []
    for first, last in clause_spans(sentence, _HARD):
        piece = sentence[first:last]
        spans = clause_spans(piece, _SOFT)
        if len(spans) >= 2:
            inner = [(first + a, first + b, mentioned(
                piece[a:b], settings, offsets=_within(offsets, first + a, first + b)))
                     for a, b in spans]
            distinct = {names for _, _, names in inner if names}
            if len(distinct) > 1 or len(words(piece)) > LONG_SENTENCE:
                parts.extend(inner)
                continue
        inside = _within(offsets, first, last)
        parts.append((first, last, mentioned(piece, settings, offsets=inside)))
    merged: list[tuple[int, int, frozenset[str]]] = []
    for start, end, names in parts:
        piece = sentence[start:end]
        if not names and merged and (len(words(piece)) <= ELLIPTICAL
                                     or refers_back(piece) is not None):
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        else:
            merged.append((start, end, names))
    return [Unit(sentence[a:b], names, _within(offsets, a, b)) for a, b, names in merged]


def has_scorn(text: str) -> bool:
    """Return False if ``text`` surely has no servility word (:func:`scorn_near` finds none)."""
    return _SCORN_HEAD.search(text.lower()) is not None


def scorn_near(text: str, offsets: list[int]) -> list[str]:
    """Return the servility words within reach of a target's mentions.

    A scorn word counts when at most ``SCORN_WINDOW`` words separate it from
    a mention ("the US and its lackeys", "Beijing's puppet", "a vassal of
    Moscow") and no negator comes just before it ("not a puppet").
    """
    if not _SCORN_HEAD.search(text.lower()):
        return []
    matches = list(_SCORN.finditer(text))
    if not matches:
        return []
    tokens = tokens_of(text)
    starts = [s for _, s, _ in tokens]
    found = []
    for match in matches:
        index = next((k for k, s in enumerate(starts) if s >= match.start()), len(tokens))
        if negated(tokens, index):
            continue
        for offset in offsets:
            where = next((k for k, s in enumerate(starts) if s >= offset), len(tokens))
            if abs(where - index) <= SCORN_WINDOW + 1:
                found.append(match.group(0))
                break
    return found
