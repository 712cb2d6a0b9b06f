"""Roles a target plays in a clause, where the role and not the words decide.

- **Instruments.** In "X plays China against the West", "X pits A against
  B" or "X uses A against B", the clause judges X, the one who schemes:
  the targets played or played against get nothing from it, and X gets the
  clause's tone turned hostile (at least ``SCHEMING_FLOOR``). A joint target
  whose parts stand on both sides is one part using the other: hostile too.
- **Collectives.** A partnership can be spoken of with no word naming it:
  "Two of the three super powers combined... far superior to the US". In a
  paragraph that names none of a joint target's parts but has a collective
  phrase ("the two powers", "combined", "together", "both giants"), a
  comparison whose one side names a target and whose other side names none
  sets that free side to the joint target.
"""

from __future__ import annotations

import re
from typing import Literal

from analyzer.stance.comparison import Comparison

SCHEMING_FLOOR = 0.3
"""Least hostility a clause shows toward the one who plays others off."""

_SCHEME = re.compile(
    r"\b(?:play(?:s|ed|ing)?|pit(?:s|ted|ting)?|us(?:e|es|ed|ing)|exploit(?:s|ed|ing)?"
    r"|leverag(?:e|es|ed|ing)|manipulat(?:e|es|ed|ing))\b"
    r"(?P<object>[^.;:!?]{1,60}?)\b(?:off\s+)?against\b[^.;:!?,]*",
    re.IGNORECASE,
)
COLLECTIVE = re.compile(
    r"\b(?:(?:two|both)\s+(?:of\s+(?:the\s+)?(?:\w+\s+)?)?(?:super\s*powers?|great\s+powers"
    r"|powers|nations|countries|giants)|combined|joining\s+forces|join\s+forces)\b",
    re.IGNORECASE,
)


def scheme(unit: str) -> tuple[int, int] | None:
    """Return (where the scheming verb starts, where its objects end), or None."""
    if unit.isascii() and "against" not in unit.lower():
        return None  # every scheme has "against", in any case
    match = _SCHEME.search(unit)
    return None if match is None else (match.start(), match.end())


def scheming_score(spots: list[int], span: tuple[int, int], base: float) -> float | None:
    """Score of a target in a clause with a scheme, or None if it is only played.

    Args:
        spots: Offsets of the target's mentions in the clause.
        span: From :func:`scheme`.
        base: The clause's own tone.
    """
    start, end = span
    if all(start <= o < end for o in spots):
        return None
    if any(o >= end for o in spots) and not any(o < start for o in spots):
        return base  # named after the scheme: not part of it
    return -max(abs(base), SCHEMING_FLOOR)


def free_side(sides: set[str | None], comparison: Comparison) -> tuple[
        Literal["left", "right"], int] | None:
    """Return the side of ``comparison`` no mention stands on, with an offset on it.

    Args:
        sides: The sides the clause's mentioned targets stand on.
        comparison: The clause's comparison.
    """
    taken = sides & {"left", "right"}
    if len(taken) != 1:
        return None
    if "left" in taken:
        return "right", comparison.tail
    return "left", max(0, comparison.head - 1)
