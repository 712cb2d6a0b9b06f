"""Comparisons: which side of "X is better than T" a target stands on.

Recognised: "X is better/superior/more powerful than T", "X is superior to
T", "X outclasses/surpasses/dwarfs T", "X can't match/compete with T",
"X is no match for T". The side a target stands on decides its sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vaderSentiment.vaderSentiment import NEGATE

_NEGATORS = frozenset(w.lower() for w in NEGATE) | {"no", "unable", "fails", "failed"}
_SKIP_THAN = frozenset({"rather", "other", "else", "sooner", "more", "less", "fewer"})
_COMPARATIVE_VALENCE = {  # comparatives VADER has no valence for
    "bigger": 1.0, "larger": 1.0, "greater": 1.0, "mightier": 1.0, "richer": 1.0,
    "faster": 1.0, "tougher": 1.0, "wealthier": 1.0, "advanced": 1.0, "capable": 1.0,
    "smaller": -1.0, "poorer": -1.0, "slower": -1.0,
}
_OUT_STEMS = (r"class|perform|match|gun|last|smart|manoeuvr|maneuver|pace|shine|shone|number"
              r"|strip|compete|fight|fought|spend|spent|produce|wit|grow|grew|build|built")
_DOMINATE = re.compile(
    rf"out(?:{_OUT_STEMS})\w*"
    r"|outd(?:o|oes|oing|one|id)|surpass\w*|overtak\w*|overtook|dwarf\w*|eclips\w*"
)
_MATCH_PARTICLES = {  # verb -> words that may follow it before the other side
    "match": (), "rival": (), "equal": (), "beat": (), "defeat": (),
    "compete": ("with", "against"), "keep": ("up", "with"), "catch": ("up", "with", "to"),
    "measure": ("up", "to"), "stand": ("up", "to"), "compare": ("with", "to"),
    "hold": ("a", "candle", "to"),
}
_NOT_AN_OBJECT = frozenset({"about", "in", "on", "at", "of", "to", "between"})
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_CUES = ("than", "superior", "inferior", "preferable", "compared", "comparison", "unlike",
         "surpass", "overt", "dwarf", "eclips", *_MATCH_PARTICLES)
"""Every word a comparison is recognised by contains one of these (a quick test), or
else :data:`_OUT` finds it."""
_OUT = re.compile(rf"out(?:{_OUT_STEMS}|d)")
"""Every word of :data:`_DOMINATE` that opens with "out" contains a match of this."""
COMPARISON_CUES = _CUES
OUT_STEM = _OUT


@dataclass(frozen=True)
class Comparison:
    """A comparative construction found in a clause.

    Attributes:
        head: Offset where the comparative phrase starts; the left side ends here.
        tail: Offset where the right side (the thing compared against) starts.
        winner: The side the comparison favours; "neither" for "X is no
            better than T", which disparages both. "tone-left" and
            "tone-right" name the side that gets the clause's own tone when
            the construction has no valence of its own: in "X is a joke
            compared to T" and "Unlike T, X is honest" X gets the tone and T
            the opposite.
        word: The comparative word ("superior", "outclasses", "match").
    """

    head: int
    tail: int
    winner: Literal["left", "right", "neither", "tone-left", "tone-right"]
    word: str

    def side(self, offset: int) -> Literal["left", "right"] | None:
        """Return which side a mention starting at ``offset`` stands on."""
        if offset < self.head:
            return "left"
        if offset >= self.tail:
            return "right"
        return None



def tokens_of(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def negated(tokens: list[tuple[str, int, int]], index: int) -> bool:
    before = [t for t, _, _ in tokens[max(0, index - 3):index]]
    return any(t in _NEGATORS or t.endswith("n't") for t in before)


def find_comparison(text: str, valence: dict[str, float]) -> Comparison | None:
    """Find the first comparison in ``text`` and the side it favours.

    Recognised: "X is better/superior/more powerful than T", "X is superior
    to T", "X outclasses/surpasses/dwarfs T", "X can't match/compete with T",
    "X is no match for T", and, with the side decided by the clause's tone,
    "X ... compared to/with T", "X ... in comparison with T", "Unlike T, X ..."
    and "X, unlike T, ...". Negation ("not better than", "couldn't outlast")
    turns the comparison round; "no better than" favours neither side. A
    comparative with no valence ("older than") is not treated as a comparison.

    Args:
        text: A clause.
        valence: Word valences (VADER's lexicon with the domain words).

    Returns:
        The comparison, or None.
    """
    lowered = text.lower()
    if not any(map(lowered.__contains__, _CUES)) and _OUT.search(lowered) is None:
        return None  # no token can be one the loop below looks for
    tokens = tokens_of(text)
    for i, (token, _, end) in enumerate(tokens):
        found = None
        if token == "than" and i > 0:
            found = _than(tokens, i, valence)
        elif token in ("superior", "inferior", "preferable"):
            if i + 1 < len(tokens) and tokens[i + 1][0] == "to":
                found = (i, tokens[i + 1][2], valence.get(token, 0.0) > 0, token)
        elif _DOMINATE.fullmatch(token):
            found = (i, end, True, token)
        elif token in ("compared", "comparison") and i + 1 < len(tokens) \
                and tokens[i + 1][0] in ("to", "with"):
            head = i - 1 if i > 0 and tokens[i - 1][0] == "in" else i
            return Comparison(tokens[head][1], tokens[i + 1][2], "tone-left", token)
        elif token == "unlike":
            return _unlike(text, tokens, i)
        elif token in _MATCH_PARTICLES and negated(tokens, i):
            # Only "can't match", "no match for", "unable to keep up with"...
            tail = i + 1
            while tail < len(tokens) and tokens[tail][0] in _MATCH_PARTICLES[token] + ("for",):
                tail += 1
            if tail == i + 1 and _MATCH_PARTICLES[token]:
                continue
            if tail < len(tokens) and tokens[tail][0] in _NOT_AN_OBJECT:
                continue  # the adjective: "nothing equal about it"
            head = i - 1 if tokens[i - 1][0] == "no" else i
            return Comparison(tokens[head][1], tokens[tail - 1][2], "right", token)
        if found is None:
            continue
        head, tail, left_wins, word = found
        if left_wins and head > 0 and tokens[head - 1][0] == "no":
            return Comparison(tokens[head][1], tail, "neither", word)  # "no better than"
        if negated(tokens, head):
            left_wins = not left_wins
        return Comparison(tokens[head][1], tail, "left" if left_wins else "right", word)
    return None


def _unlike(text: str, tokens: list[tuple[str, int, int]], i: int) -> Comparison | None:
    """Read "Unlike T, X ..." (T is the foil, before the comma) or "X, unlike T, ..."."""
    start = tokens[i][1]
    if not text[:start].strip(" \"'“‘("):
        comma = text.find(",", tokens[i][2])
        if comma < 0:
            return None
        return Comparison(comma, comma, "tone-right", "unlike")
    if text[:start].rstrip().endswith(","):
        return Comparison(start, start, "tone-left", "unlike")
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

