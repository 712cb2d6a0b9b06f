"""Rules the stance stage applies to text before and after VADER scores it.

- **Mentions**: which targets a piece of text names (aliases, and joint
  mentions for targets with ``co_mention``).
- **Clauses**: long sentences, and sentences whose parts name different
  targets, are cut at ``; : —`` and at contrastive or causal connectives
  ("but", "however", "whereas", "while", "although", "because", "thanks to").
- **Comparisons**: "X is superior to T", "X outclasses T", "T can't match X".
  The side of the comparison a target stands on decides its sign.
- **Scorn**: servility words ("lapdogs", "puppet", "vassals") next to a
  target make the stance toward it negative.
- **Pronouns**: a following sentence or clause that names no target but
  refers back with a third-person pronoun continues the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from vaderSentiment.vaderSentiment import NEGATE

from analyzer.settings import Settings, Target
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

_BREAK = re.compile(
    r"(?<=[;:])\s+"                                    # after ; or :
    r"|\s*—\s*|\s+[–-]{1,2}\s+"                        # dashes
    r"|,?\s+(?=(?:but|whereas|although|though|because|thanks\s+to)\s)"
    r"|(?<!\ba)\s+(?=while\s)"                         # not "for a while"
    r"|,\s*(?=(?:however|yet)\b)",
    re.IGNORECASE,
)

_NEGATORS = frozenset(w.lower() for w in NEGATE) | {"no", "unable", "fails", "failed"}
_SKIP_THAN = frozenset({"rather", "other", "else", "sooner", "more", "less", "fewer"})
_COMPARATIVE_VALENCE = {  # comparatives VADER has no valence for
    "bigger": 1.0, "larger": 1.0, "greater": 1.0, "mightier": 1.0, "richer": 1.0,
    "faster": 1.0, "tougher": 1.0, "wealthier": 1.0, "advanced": 1.0, "capable": 1.0,
    "smaller": -1.0, "poorer": -1.0, "slower": -1.0,
}
_DOMINATE = re.compile(
    r"out(?:class|perform|match|gun|last|smart|manoeuvr|maneuver|pace|shine|shone|number"
    r"|strip|compete|fight|fought|spend|spent|produce|wit)\w*"
    r"|outd(?:o|oes|oing|one|id)|surpass\w*|overtak\w*|overtook|dwarf\w*|eclips\w*"
)
_MATCH_PARTICLES = {  # verb -> words that may follow it before the other side
    "match": (), "rival": (), "equal": (), "beat": (), "defeat": (),
    "compete": ("with", "against"), "keep": ("up", "with"), "catch": ("up", "with", "to"),
    "measure": ("up", "to"), "stand": ("up", "to"), "compare": ("with", "to"),
    "hold": ("a", "candle", "to"),
}
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")

SCORN_TERMS = ("lapdog*", "puppet*", "vassal*", "lackey*", "stooge*", "bootlick*", "shill",
               "shills", "poodle", "poodles", "minion", "minions", "henchman", "henchmen",
               "sycophant*", "client state*", "satellite state*")
"""Servility words: whoever they are attached to is scorned."""

_SCORN = compile_terms(SCORN_TERMS)
_SCORN_HEADS = tuple({t.rstrip("*").split()[0].lower() for t in SCORN_TERMS})


@dataclass(frozen=True)
class Comparison:
    """A comparative construction found in a clause.

    Attributes:
        head: Offset where the comparative phrase starts; the left side ends here.
        tail: Offset where the right side (the thing compared against) starts.
        winner: The side the comparison favours; "neither" for "X is no
            better than T", which disparages both.
        word: The comparative word ("superior", "outclasses", "match").
    """

    head: int
    tail: int
    winner: Literal["left", "right", "neither"]
    word: str

    def side(self, offset: int) -> Literal["left", "right"] | None:
        """Return which side a mention starting at ``offset`` stands on."""
        if offset < self.head:
            return "left"
        if offset >= self.tail:
            return "right"
        return None


@dataclass(frozen=True)
class Matchers:
    """Compiled alias patterns of a set of targets.

    Attributes:
        direct: Per target, its alias pattern (:func:`analyzer.text.compile_terms`)
            and a fast pattern finding every place one of its matches can start.
        joint: Per co_mention target, the targets whose joint mention names it.
    """

    direct: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    joint: tuple[tuple[str, tuple[str, ...]], ...]


def _starts(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching where any alias may start: its first word, any case.

    The alias patterns test case and word ends alternative by alternative,
    which makes scanning with them several times slower; they are only run
    where this one finds a candidate.
    """
    heads = sorted({alias.rstrip("*").split()[0] for alias in aliases}, key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(h) for h in heads) + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=16)
def matchers(targets: tuple[Target, ...]) -> Matchers:
    """Compile each target's aliases once per target set."""
    return Matchers(
        direct=tuple((t.name, compile_terms(t.aliases), _starts(t.aliases)) for t in targets),
        joint=tuple((t.name, t.co_mention) for t in targets if t.co_mention),
    )


def mention_offsets(text: str, settings: Settings) -> dict[str, list[int]]:
    """Return the start offset of every alias mention, per target named in ``text``.

    The same mentions ``compile_terms(aliases).finditer(text)`` finds.
    """
    found: dict[str, list[int]] = {}
    for name, pattern, starts in matchers(settings.targets).direct:
        offsets = []
        reach = 0
        for candidate in starts.finditer(text):
            if candidate.start() < reach:
                continue
            match = pattern.match(text, candidate.start())
            if match:
                offsets.append(match.start())
                reach = match.end()
        if offsets:
            found[name] = offsets
    return found


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
    for name, parts in matchers(settings.targets).joint:
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


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Return (start, end) of each clause of ``sentence``; connectives stay with theirs."""
    spans = []
    start = 0
    for cut in [*_BREAK.finditer(sentence), None]:
        end = len(sentence) if cut is None else cut.start()
        piece = sentence[start:end]
        if any(c.isalnum() for c in piece):
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if cut is not None:
            start = cut.end()
    return spans


def clauses(sentence: str) -> list[str]:
    """Cut ``sentence`` at clause breaks; connectives stay with their clause."""
    return [sentence[a:b] for a, b in clause_spans(sentence)]


def refers_back(text: str) -> Literal["plural", "singular"] | None:
    """Return the number of a third-person pronoun near the start of ``text``."""
    for word in words(text)[:PRONOUN_WINDOW]:
        if word in _PLURAL:
            return "plural"
        if word in _SINGULAR:
            return "singular"
    return None


def carried(targets: frozenset[str], number: str | None,
            settings: Settings) -> frozenset[str]:
    """Return the targets a back-referring pronoun can stand for.

    "they" may stand for every target just named; "it", "he" or "she" only
    for a lone target (a joint target counts only when named alone).
    """
    if number == "plural":
        return targets
    if number == "singular":
        joint = {name for name, _ in matchers(settings.targets).joint}
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
    inside = {name: [o - start for o in found if start <= o < end]
              for name, found in offsets.items()}
    return {name: found for name, found in inside.items() if found}


def segments(sentence: str, settings: Settings) -> list[Unit]:
    """Split a sentence into evidence units, each with the targets it mentions.

    A short sentence whose mentions all name the same targets stays whole, so
    VADER sees its "but" and negations. Otherwise it is cut into clauses; a
    clause naming no target joins the one before if it is elliptical or
    refers back with a pronoun.
    """
    offsets = mention_offsets(sentence, settings)
    whole = Unit(sentence, mentioned(sentence, settings, offsets=offsets), offsets)
    spans = clause_spans(sentence)
    if len(spans) < 2 or not offsets:
        return [whole]
    parts = []
    for start, end in spans:
        inside = _within(offsets, start, end)
        parts.append((start, end, mentioned(sentence[start:end], settings, offsets=inside)))
    distinct = {names for _, _, names in parts if names}
    if len(words(sentence)) <= LONG_SENTENCE and len(distinct) <= 1:
        return [whole]
    merged: list[tuple[int, int, frozenset[str]]] = []
    for start, end, names in parts:
        piece = sentence[start:end]
        if not names and merged and (len(words(piece)) <= ELLIPTICAL
                                     or refers_back(piece) is not None):
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        else:
            merged.append((start, end, names))
    return [Unit(sentence[a:b], names, _within(offsets, a, b)) for a, b, names in merged]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def _negated(tokens: list[tuple[str, int, int]], index: int) -> bool:
    before = [t for t, _, _ in tokens[max(0, index - 3):index]]
    return any(t in _NEGATORS or t.endswith("n't") for t in before)


def find_comparison(text: str, valence: dict[str, float]) -> Comparison | None:
    """Find the first comparison in ``text`` and the side it favours.

    Recognised: "X is better/superior/more powerful than T", "X is superior
    to T", "X outclasses/surpasses/dwarfs T", "X can't match/compete with T",
    "X is no match for T". Negation ("not better than", "couldn't outlast")
    turns the comparison round; "no better than" favours neither side. A
    comparative with no valence ("older than") is not treated as a comparison.

    Args:
        text: A clause.
        valence: Word valences (VADER's lexicon with the domain words).

    Returns:
        The comparison, or None.
    """
    tokens = _tokens(text)
    for i, (token, _, end) in enumerate(tokens):
        found = None
        if token == "than" and i > 0:
            found = _than(tokens, i, valence)
        elif token in ("superior", "inferior", "preferable"):
            if i + 1 < len(tokens) and tokens[i + 1][0] == "to":
                found = (i, tokens[i + 1][2], valence.get(token, 0.0) > 0, token)
        elif _DOMINATE.fullmatch(token):
            found = (i, end, True, token)
        elif token in _MATCH_PARTICLES and _negated(tokens, i):
            # Only "can't match", "no match for", "unable to keep up with"...
            tail = i + 1
            while tail < len(tokens) and tokens[tail][0] in _MATCH_PARTICLES[token] + ("for",):
                tail += 1
            if tail == i + 1 and _MATCH_PARTICLES[token]:
                continue
            head = i - 1 if tokens[i - 1][0] == "no" else i
            return Comparison(tokens[head][1], tokens[tail - 1][2], "right", token)
        if found is None:
            continue
        head, tail, left_wins, word = found
        if left_wins and head > 0 and tokens[head - 1][0] == "no":
            return Comparison(tokens[head][1], tail, "neither", word)  # "no better than"
        if _negated(tokens, head):
            left_wins = not left_wins
        return Comparison(tokens[head][1], tail, "left" if left_wins else "right", word)
    return None


def _than(tokens: list[tuple[str, int, int]], i: int,
          valence: dict[str, float]) -> tuple[int, int, bool, str] | None:
    """Read "better than", "more powerful than", "less reliable than" ending at ``i``."""
    window = [t for t, _, _ in tokens[max(0, i - 3):i]]
    word = tokens[i - 1][0]
    if word in _SKIP_THAN or "rather" in window or "sooner" in window:
        return None  # "more than 100", "rather die than", "other than"
    head, sign = i - 1, 1.0
    if i > 1 and tokens[i - 2][0] in ("more", "less"):
        head, sign = i - 2, (1.0 if tokens[i - 2][0] == "more" else -1.0)
    score = valence.get(word, _COMPARATIVE_VALENCE.get(word, 0.0)) * sign
    if not score:
        return None
    return head, tokens[i][2], score > 0, word


def scorn_near(text: str, offsets: list[int]) -> list[str]:
    """Return the servility words within reach of a target's mentions.

    A scorn word counts when at most ``SCORN_WINDOW`` words separate it from
    a mention ("the US and its lapdogs", "Beijing's puppet", "a vassal of
    Moscow") and no negator comes just before it ("not a puppet").
    """
    lower = text.lower()
    if not any(head in lower for head in _SCORN_HEADS):
        return []
    matches = list(_SCORN.finditer(text))
    if not matches:
        return []
    tokens = _tokens(text)
    starts = [s for _, s, _ in tokens]
    found = []
    for match in matches:
        index = next((k for k, s in enumerate(starts) if s >= match.start()), len(tokens))
        if _negated(tokens, index):
            continue
        for offset in offsets:
            where = next((k for k, s in enumerate(starts) if s >= offset), len(tokens))
            if abs(where - index) <= SCORN_WINDOW + 1:
                found.append(match.group(0))
                break
    return found
