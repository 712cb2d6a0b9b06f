"""VADER with the domain lexicon: the polarity every stance figure comes from.

VADER (Hutto & Gilbert, 2014) scores a text from a word lexicon plus rules
for negation, boosters, capitals and "but". ``settings.lexicon`` adds the
forum's own words of praise and scorn. Analyzers are built once per lexicon
and never share a lexicon dict, so VADER's own module state is left alone.
They are :class:`analyzer.stance.vader.Vader`: VADER's scores, computed
without its quadratic rescans.

VADER splits on white space, so a lexicon entry written with a hyphen
(``cut-throat``) is one token. Writers also spell such words with a space
("short lived") or a different hyphen, so before scoring, hyphenated domain
entries are rejoined in the text wherever their parts appear side by side.

VADER also reads every "like" as the verb (+2.0), so "countries like Iran"
or "acts like a bully" look friendlier than they are. A "like" that follows
a comma or a word that cannot be its subject or auxiliary is taken as the
preposition and hidden from VADER. On the human-rated guard sets this
changes the correlation by less than 0.002 either way.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import Settings
from analyzer.stance.memo import TextMemo, by_identity
from analyzer.stance.vader import Vader, new_analyzer

Lexicon = tuple[tuple[str, float], ...]

_LIKE = re.compile(r"(?P<prev>\S+)(?P<space>\s+)(?:like|Like|LIKE)(?![\w\-'’])")
_LIKE_VERBAL = frozenset({  # words after which "like" is the verb
    "i", "you", "we", "they", "he", "she", "who", "people", "u", "ya", "ppl", "kids",
    "fans", "guys", "folks", "men", "women", "girls", "boys", "all", "many", "most", "some",
    "others", "would", "'d", "i'd", "we'd", "you'd", "they'd", "do", "don't", "dont",
    "does", "doesn't", "doesnt", "did", "didn't", "didnt", "will", "i'll", "might", "may",
    "should", "could", "must", "can", "can't", "cant", "won't", "wouldn't", "would've",
    "gotta", "gonna", "wanna", "to", "not", "never", "also", "really", "still", "always",
    "totally", "actually", "kinda", "just", "so", "truly", "definitely", "def", "certainly",
    "probably", "prob", "ever", "rather", "sorta", "and", "or", "but",
})


@lru_cache(maxsize=1)
def _plain() -> SentimentIntensityAnalyzer:
    return new_analyzer()


@lru_cache(maxsize=16)
def _analyzer(lexicon: Lexicon) -> SentimentIntensityAnalyzer:
    base = _plain()
    if not lexicon:
        return base
    analyzer = copy.copy(base)
    analyzer.lexicon = {**base.lexicon, **{word.lower(): value for word, value in lexicon}}
    return analyzer


@by_identity
@lru_cache(maxsize=16)
def _joiner(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]] | None:
    """Pattern matching hyphenated entries spelt with spaces or other dashes.

    Also gives the entries' first parts: ASCII text holding none of them
    (lower-cased) cannot match.
    """
    joined: dict[str, str] = {}
    for word, _ in lexicon:
        parts = [p for p in re.split(r"[-‐‑–]", word.lower()) if p]
        if len(parts) > 1:
            joined[" ".join(parts)] = word.lower()
    if not joined:
        return None
    alternatives = sorted(joined, key=len, reverse=True)
    body = "|".join(r"[\s\-‐‑–]+".join(re.escape(p) for p in key.split()) for key in alternatives)
    firsts = tuple(sorted({key.split()[0] for key in joined}))
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])", re.IGNORECASE), joined, firsts


@by_identity
def analyzer_for(settings: Settings) -> SentimentIntensityAnalyzer:
    """Return a VADER analyzer whose lexicon includes ``settings.lexicon``.

    Analyzers are cached per lexicon, so the lexicon file is read once. The
    returned analyzer has a lexicon dict of its own; do not modify it.

    Args:
        settings: Supplies the domain lexicon as (word, valence) pairs.

    Returns:
        The shared analyzer for that lexicon.
    """
    return _analyzer(settings.lexicon)


def prepare(text: str, settings: Settings) -> str:
    """Return the text VADER should score in place of ``text``.

    "short lived" and "short–lived" become "short-lived" when the domain
    lexicon has ``short-lived``, and a prepositional "like" ("allies like
    Iran") becomes "as"; nothing else changes.

    Args:
        text: The text to score.
        settings: Supplies the domain lexicon.

    Returns:
        The text VADER should see.
    """
    if "like" in text or "Like" in text or "LIKE" in text:  # what _LIKE can match
        text = _LIKE.sub(_hide_preposition, text)
    joiner = _joiner(settings.lexicon)
    if joiner is None:
        return text
    pattern, joined, firsts = joiner
    if text.isascii():  # outside ASCII, case folding is the pattern's own
        lowered = text.lower()
        if not any(first in lowered for first in firsts):
            return text

    def _join(match: re.Match[str]) -> str:
        key = " ".join(p for p in re.split(r"[\s\-‐‑–]+", match.group(0).lower()) if p)
        return joined.get(key, match.group(0))

    return pattern.sub(_join, text)


def _hide_preposition(match: re.Match[str]) -> str:
    prev = match.group("prev")
    core = prev.strip(".,!?;:'\"()[]").lower().replace("’", "'")
    if prev.endswith((".", "!", "?")) or (not prev.endswith(",") and core in _LIKE_VERBAL):
        return match.group(0)
    return f"{prev}{match.group('space')}as"


def polarity(text: str, settings: Settings) -> float:
    """Return VADER's compound score of ``text`` (after :func:`prepare`), domain lexicon included.

    Args:
        text: Any text; a sentence or clause gives the most precise figure.
        settings: Supplies the domain lexicon.

    Returns:
        The compound score, in [-1, 1].
    """
    analyzer = analyzer_for(settings)  # one per lexicon, and prepare() depends on nothing else
    return _POLARITY.lookup(analyzer, text, _polarity_now, analyzer, settings)


_POLARITY: TextMemo[float] = TextMemo()
"""Polarity per text, for the analyzer it was worked out with: a clause that is its
whole sentence, a repost's sentences and a lone comparison word are scored once."""


def _polarity_now(text: str, analyzer: SentimentIntensityAnalyzer, settings: Settings) -> float:
    if not text.strip():
        return 0.0
    prepared = prepare(text, settings)
    if isinstance(analyzer, Vader):
        return analyzer.compound(prepared)
    return float(analyzer.polarity_scores(prepared)["compound"])
