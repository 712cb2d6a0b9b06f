"""Stance: how favourably each post and article speaks of each target.

- :mod:`analyzer.stance.sentiment`: VADER with the domain lexicon added.
- :mod:`analyzer.stance.mentions`: where each target is named.
- :mod:`analyzer.stance.rules`: clauses, scorn words, pronoun carry-over.
- :mod:`analyzer.stance.comparison`: comparisons and the side that wins.
- :mod:`analyzer.stance.speech_acts`: questions, asides and contrast.
- :mod:`analyzer.stance.roles`: schemes ("plays X against Y") and unnamed pairs.
- :mod:`analyzer.stance.cues`: stance verbs ("vote for X", "stop X") and hashtags.
- :mod:`analyzer.stance.sides`: rivals (reversed) and the thread's topic.
- :mod:`analyzer.stance.actors`: targets found in the thread, and its topic.
- :mod:`analyzer.stance.score`: per-post scores and repost-aware aggregates.
"""

from analyzer.stance.score import score_articles, score_text, score_thread, summarise

__all__ = ["score_articles", "score_text", "score_thread", "summarise"]
