"""Rivals and the thread's topic: stance reached without naming the target.

- **Rivals.** A target's ``rivals`` name the other side ("Trump*", "GOP" for
  Hillary Clinton). They are scored as targets of their own, each hidden
  under a key of :func:`rival_key`, and their evidence counts for the target
  reversed: criticism of a rival is support, praise of one opposition. A
  text that names the target and a rival pools both.
- **Topic.** In a thread about one subject, a post that names no target,
  nor any rival, still speaks of that subject. With ``settings.topic`` set,
  such a post gets a stance toward the topic from the tone of its statements
  (questions aside), marked ``via="topic"``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from analyzer.model import Stance, StanceVia
from analyzer.settings import Settings, Target
from analyzer.stance.memo import by_identity
from analyzer.stance.sentiment import polarity
from analyzer.stance.speech_acts import NEUTRAL, Mood, asserted, mood
from analyzer.text import sentences

Evidence = dict[str, list[tuple[str, float]]]
"""Target (or rival key) to its evidence units and their scores."""

_RIVAL = "~rival:"


def rival_key(name: str) -> str:
    """Return the key a target's rivals are scored under."""
    return f"{_RIVAL}{name}"


@by_identity
@lru_cache(maxsize=16)
def with_rivals(settings: Settings) -> Settings:
    """Return ``settings`` with each target's rivals added as a hidden target.

    The hidden targets come after the real ones, so the longest-match rule
    of :mod:`analyzer.stance.mentions` settles any overlap of their words.
    """
    hidden = tuple(Target(name=rival_key(t.name), label=f"rivals of {t.label}",
                          aliases=t.rivals) for t in settings.targets if t.rivals)
    return replace(settings, targets=settings.targets + hidden) if hidden else settings


@by_identity
@lru_cache(maxsize=16)
def all_aliases(targets: tuple[Target, ...]) -> tuple[str, ...]:
    """Every alias of ``targets``, in order."""
    return tuple(a for t in targets for a in t.aliases)


def fold(evidence: Evidence, settings: Settings, item_id: str) -> list[Stance]:
    """Turn the evidence of targets and rivals into one Stance per real target.

    Args:
        evidence: From the unit scorer, with rival keys beside target names.
        settings: Supplies the real targets, in report order.
        item_id: The post or article id.

    Returns:
        A Stance for each target with evidence of its own (``via="mention"``)
        or only through its rivals (``via="rival"``, scores reversed).
    """
    stances = []
    for name, key in _keys(settings.targets):
        own = evidence.get(name)
        against = evidence.get(key)
        if not own and not against:
            continue
        found = own or []
        if against:
            found = found + [(unit, -score) for unit, score in against]
        via: StanceVia = "mention" if own else "rival"
        stances.append(Stance(post_id=item_id, target=name,
                              score=math.fsum([s for _, s in found]) / len(found),  # mean()
                              evidence=tuple(dict.fromkeys([u for u, _ in found])), via=via))
    return stances


@by_identity
def _keys(targets: tuple[Target, ...]) -> tuple[tuple[str, str], ...]:
    """Each target's name and the key its rivals are scored under."""
    return tuple((t.name, rival_key(t.name)) for t in targets)


def topic_stance(text: str, item_id: str, settings: Settings) -> Stance | None:
    """Return the stance toward the topic of a text that names no target.

    The score is the mean polarity of the text's polar sentences as they
    are asserted (an information-seeking question asserts nothing, a
    rhetorical one the reverse of its words); None when there is no topic
    or no polar sentence.
    """
    if settings.topic is None:
        return None
    polar = [(s, p) for s, p in ((s, _asserted(s, settings)) for s in sentences(text))
             if abs(p) >= NEUTRAL]
    if not polar:
        return None
    return Stance(post_id=item_id, target=settings.topic, score=mean(p for _, p in polar),
                  evidence=tuple(s for s, _ in polar), via="topic")


def post_tone(text: str, settings: Settings) -> float | None:
    """Mean polarity of a text's polar statements (questions aside), or None."""
    polar = [p for p in (polarity(s, settings) for s in sentences(text)
                         if not s.rstrip().endswith("?"))
             if abs(p) >= NEUTRAL]
    return mean(polar) if polar else None


def _asserted(sentence: str, settings: Settings) -> float:
    sentence_mood: Mood = mood(sentence)
    return asserted(polarity(sentence, settings), sentence_mood)


def mean(values: Iterable[float]) -> float:
    """Exact mean of ``values`` (at least one)."""
    items: Sequence[float] = list(values)
    return math.fsum(items) / len(items)
