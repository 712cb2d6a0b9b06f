"""What a sentence does: assert, ask, or ask rhetorically; and asides to ignore.

- **Questions** assert nothing, so an information-seeking question ("Does
  anyone know how many...?", "How does the partnership handle disputes?")
  scores 0 whatever words it contains.
- **Rhetorical questions** assert the opposite of what they ask (Han 2002):
  "Who needs Chinese loans?" says nobody does; "Has the Pentagon ever
  finished a program on budget?" says it never has. Their score is the
  negation of the words' score, and scorn when the words are neutral.
- **Contrast** between targets: in "The US economy keeps adding jobs while
  China's property sector collapses" or "Russia talks big, but China
  delivers", clauses joined by a contrastive connective and naming
  different targets set them against each other, so a neutral-sounding
  clause takes the opposite tone of its polar partner, at a reduced weight.
- **Asides** that report what others say and the writer sets aside
  ("whatever the doom merchants say", "no matter what the critics claim")
  are not the writer's own evaluation and are left out of the score.
"""

from __future__ import annotations

import re
from typing import Literal

Mood = Literal["statement", "question", "rhetorical"]

RHETORICAL_FLOOR = 0.3
"""Magnitude of the scorn a rhetorical question with neutral words carries."""

CONTRAST_SHARE = 0.5
"""Share of a polar clause's score its neutral contrasting partner takes, reversed."""

NEUTRAL = 0.05
"""Scores closer to 0 than this count as neutral (the benchmark's threshold)."""

_CONTRASTIVE = re.compile(r"^\W*(?:but|whereas|while|however|yet|although|though)\b",
                          re.IGNORECASE)

_SAY = (r"(?:say|says|said|think|thinks|thought|claim|claims|claimed|believe|believes"
        r"|write|writes|wrote|tell\s+you|tells\s+you|predict|predicts|predicted|want|wants)")
_ASIDE = re.compile(
    rf",?\s*\b(?:whatever|no\s+matter\s+what|regardless\s+of\s+what|despite\s+what)\s+"
    rf"[^,;:.!?]*?\b{_SAY}\b[^,;:.!?]*",
    re.IGNORECASE,
)
_ASIDE_OPENERS = ("whatever", "matter", "regardless", "despite")
ASIDE_OPENERS = _ASIDE_OPENERS
"""Every aside holds one of these (any case): without one, :func:`without_asides` does nothing."""
_RHETORICAL = re.compile(
    r"^\W*(?:"
    r"who\s+(?:in\s+(?:their|his|her|your)\s+right\s+mind|needs|cares|wants"
    r"|(?:would|will|could)\s+(?:ever\s+)?(?:want|buy|trust|believe|take|pay|need|fall))"
    r"|is\s+(?:this|that)\s+(?:what|how|really)|since\s+when"
    r"|(?:has|have|had|did|does|do|is|was|were|are|will|would|can|could)\s+"
    r"(?![^?]*\b(?:anyone|anybody|someone|somebody|you|u)\b)[^?]*\bever\b"
    r")",
    re.IGNORECASE,
)
_ASKING = re.compile(
    r"^\W*(?:does\s+any(?:one|body)|do\s+you\s+know|any(?:one|body)\s+(?:know|have|got)"
    r"|can\s+(?:any|some)(?:one|body)|is\s+there|are\s+there|how\s+(?:many|much|often|long"
    r"|far|does|do|did|will|would|can|is|are|was|were)|what\s+(?:is|are|was|were|does|do|did"
    r"|will)|what['’]s|where['’]s|how['’]s|where|when|which)\b",
    re.IGNORECASE,
)


def mood(sentence: str) -> Mood:
    """Return whether ``sentence`` states, asks, or asks rhetorically.

    Args:
        sentence: One sentence.

    Returns:
        "rhetorical" for a question that asserts the opposite of its words,
        "question" for one that seeks information, "statement" otherwise
        (including questions that fit neither, such as "Why...?", whose
        presupposition still carries the writer's view).
    """
    text = sentence.strip()
    if not text.endswith("?"):
        return "statement"
    if _RHETORICAL.search(text):
        return "rhetorical"
    if _ASKING.search(text):
        return "question"
    return "statement"


def without_asides(text: str) -> str:
    """Return ``text`` without asides reporting what others say.

    "The US isn't in decline, whatever the doom merchants say." becomes
    "The US isn't in decline."
    """
    if text.isascii():  # every aside opens with one of these words, in any case
        lowered = text.lower()
        if not any(map(lowered.__contains__, _ASIDE_OPENERS)):
            return text
    return _ASIDE.sub("", text)


def asserted(score: float, sentence_mood: Mood) -> float:
    """Return what a unit of ``sentence_mood`` whose words score ``score`` asserts.

    Args:
        score: The words' polarity.
        sentence_mood: From :func:`mood`.

    Returns:
        ``score`` for a statement, 0 for an information-seeking question, and
        for a rhetorical question its negation, or ``-RHETORICAL_FLOOR`` if
        the words are neutral.
    """
    if sentence_mood == "question":
        return 0.0
    if sentence_mood == "rhetorical":
        return -score if abs(score) >= NEUTRAL else -RHETORICAL_FLOOR
    return score


def contrast(units: list[tuple[str, dict[str, float]]]) -> list[dict[str, float]]:
    """Give a neutral clause the reverse tone of the polar clause it contrasts with.

    Args:
        units: A sentence's evidence units in order, as (text, target scores).

    Returns:
        The target scores of each unit, changed where a unit opening with a
        contrastive connective ("but", "while", "whereas"...) and the unit
        before it name different targets and only one of the two is polar;
        a sentence-opening "While X..., Y..." counts the same way.
    """
    result = [dict(scores) for _, scores in units]
    for k in range(1, len(units)):
        first, second = units[k - 1][0], units[k][0]
        if not (_CONTRASTIVE.match(second) or (k == 1 and _CONTRASTIVE.match(first))):
            continue
        a, b = result[k - 1], result[k]
        if not a or not b or set(a) & set(b):
            continue
        tone_a, tone_b = _tone(a), _tone(b)
        if abs(tone_a) >= NEUTRAL > abs(tone_b):
            result[k] = dict.fromkeys(b, -tone_a * CONTRAST_SHARE)
        elif abs(tone_b) >= NEUTRAL > abs(tone_a):
            result[k - 1] = dict.fromkeys(a, -tone_b * CONTRAST_SHARE)
    return result


def _tone(scores: dict[str, float]) -> float:
    return sum(scores.values()) / len(scores)
