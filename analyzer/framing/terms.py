"""Content words and distinctive terms ("Fightin' Words" log-odds).

Tokens are the lower-cased words of :func:`analyzer.text.words`, without stop
words, numbers or one-letter words, stemmed with the Snowball English stemmer
so "ally", "allies" and "allied" count as one term. A term is shown by its most
common surface form.

Distinctive terms follow Monroe, Colaresi & Quinn (2008), "Fightin' Words",
section 3.5: the log-odds ratio of a term between two corpora, smoothed by an
informative Dirichlet prior, divided by its standard deviation. The prior is
the pooled counts of both corpora scaled to a total mass ``alpha_0``; a
term's z-score is large only when the difference is both big and well
supported by counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TypeVar

import snowballstemmer

from analyzer.model import TermScore
from analyzer.text import _WORD as _TEXT_WORD  # the pattern words() finds words by
from analyzer.text import words

_STOP_TEXT = """
a about above after again against all almost along already also although always am among an
and another any anyone anything are around as at away back be became because become been
before being below between both but by can could did do does doing done down during each
either else enough etc even ever every few for from further get gets getting go goes going
gone got had has have having he her here hers herself him himself his how however i if in
into is it its itself just least less let like made make many may me might mine more most
much must my myself near need neither nor not now of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps quite rather really said same
say says see seem seems several shall she should since so some something still such than
that the their theirs them themselves then there therefore these they thing things this
those though through thus to too toward towards under until up upon us very via was way we
well were what whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves also mr mrs ms dr vs
i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've we'd we'll they're
they've they'd they'll that's there's here's what's who's let's isn't aren't wasn't weren't
don't doesn't didn't haven't hasn't hadn't won't wouldn't can't cannot couldn't shouldn't
mustn't
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "cannot", "nobody", "nothing",
                       "none", "nowhere"})

_CASED_US = re.compile(r"\bUS\b")
_V = TypeVar("_V")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball English stem of a lower-case word."""
    return _stemmer().stemWord(word)


def surface_words(text: str) -> list[str]:
    """Return the content words of ``text``: lower-cased, no stop words or numbers.

    "US" in capitals is read as the country (``u.s``), not the pronoun.
    """
    surface = _SURFACE
    tokens = lower_words(text)
    try:
        return [form for form in map(surface.__getitem__, tokens) if form is not None]
    except KeyError:  # a word not met before
        remember(surface, tokens, _surface_form)
        return [form for form in map(surface.__getitem__, tokens) if form is not None]


def lower_words(text: str) -> list[str]:
    """The words :func:`surface_words` reads in ``text``: lower-cased, "US" as ``u.s``.

    The same as :func:`analyzer.text.words` after the "US" rewrite; ASCII text
    is lower-cased once as a whole, which gives the same words faster.
    """
    if "US" in text:
        text = _CASED_US.sub("U.S", text)
    if text.isascii():
        return _TEXT_WORD.findall(text.lower())
    return words(text)


_SURFACE: dict[str, str | None] = {}
"""Each word :func:`surface_words` has met to its content form, or None if it has none."""

_MAX_MEMO = 200_000
"""Words each memo keeps; past that it starts afresh, so memory stays bounded."""


def remember(memo: dict[str, _V], keys: Iterable[str], make: Callable[[str], _V],
             make_all: Callable[[list[str]], Iterable[_V]] | None = None) -> None:
    """Add ``make(key)`` to ``memo`` for every key of ``keys`` it lacks.

    A memo about to outgrow :data:`_MAX_MEMO` starts afresh first, so every
    key of ``keys`` is in it afterwards. ``make_all``, if given, makes the
    values of a list of keys at once, as ``make`` would one by one.
    """
    wanted = set(keys)
    missing = wanted.difference(memo)
    if not missing:
        return
    if len(memo) + len(missing) > _MAX_MEMO:
        memo.clear()
        missing = wanted
    if make_all is not None:
        ordered = list(missing)
        memo.update(zip(ordered, make_all(ordered), strict=True))
        return
    for key in missing:
        memo[key] = make(key)


def _stem_all(words: list[str]) -> list[str]:
    """The Snowball English stems of lower-case words, in one call to the stemmer."""
    return list(_stemmer().stemWords(words))


def _surface_form(word: str) -> str | None:
    """The content form of one word of :func:`analyzer.text.words`."""
    plain = word.replace("’", "'")
    if plain.endswith("'s"):  # a possessive ending, dropped
        plain = plain[:-2]
    if len(plain) < 2 or plain in STOP_WORDS:
        return None
    # In ASCII a word holds a letter exactly when its cases differ.
    letter = plain.upper() != plain.lower() if plain.isascii() else any(
        c.isalpha() for c in plain)
    return plain if letter else None


def content_stems(text: str) -> list[str]:
    """Return the stems of the content words of ``text``.

    No word spans white space, and how a word reads depends on nothing outside
    its chunk (run of non-space characters), so the stems of a text are those
    of its chunks in turn, and each distinct chunk is read once (memoised).
    """
    chunks = text.split()
    memo = _CHUNK_STEMS
    try:
        return list(chain.from_iterable(map(memo.__getitem__, chunks)))
    except KeyError:  # a chunk not met before
        remember(memo, chunks, _chunk_stems)
        return list(chain.from_iterable(map(memo.__getitem__, chunks)))


def _chunk_stems(chunk: str) -> tuple[str, ...]:
    return tuple(stems_of(surface_words(chunk)))


_CHUNK_STEMS: dict[str, tuple[str, ...]] = {}
"""Each chunk (run of non-space characters) :func:`content_stems` has met, to its stems."""


def stems_of(forms: list[str]) -> list[str]:
    """The stems of content words (memoised, so each distinct word is stemmed once)."""
    stems = _STEMS
    try:
        return list(map(stems.__getitem__, forms))
    except KeyError:  # a word not met before
        remember(stems, forms, stem, _stem_all)
        return list(map(stems.__getitem__, forms))


_STEMS: dict[str, str] = {}
"""Content word to its stem, for :func:`content_stems` and :func:`count_terms`."""


def is_negation(word: str) -> bool:
    """True for a negation word: not, no, never, nor, cannot, or any ``n't`` form."""
    word = word.replace("’", "'")
    return word in NEGATIONS or word.endswith("n't")


@dataclass(frozen=True)
class TermCounts:
    """Stem counts of a corpus and the surface forms seen for each stem."""

    counts: Counter[str]
    forms: dict[str, Counter[str]]

    @property
    def total(self) -> int:
        """Number of counted tokens."""
        return sum(self.counts.values())


def count_terms(texts: Iterable[str]) -> TermCounts:
    """Count the content-word stems of ``texts``, remembering surface forms."""
    met: Counter[str] = Counter()
    for text in texts:
        met.update(lower_words(text))
    surface = _SURFACE
    remember(surface, met, _surface_form)
    seen: dict[str, int] = {}  # plain dicts: a Counter's missing keys cost a call each
    for word, n in met.items():  # in order of first sight, as counting word by word does
        form = surface[word]
        if form is not None:
            seen[form] = seen.get(form, 0) + n
    stems = _STEMS
    remember(stems, seen, stem, _stem_all)
    counts: dict[str, int] = {}
    forms: dict[str, Counter[str]] = {}
    for word, n in seen.items():  # each form once, so it is new to its stem's Counter
        key = stems[word]
        counts[key] = counts.get(key, 0) + n
        found = forms.get(key)
        if found is None:
            forms[key] = found = Counter()
        found[word] = n
    return TermCounts(Counter(counts), forms)


def distinctive_terms(
    forum: TermCounts,
    news: TermCounts,
    top: int = 15,
    min_count: int = 2,
    alpha_0: float | None = None,
    min_tokens: int = 20,
) -> tuple[tuple[TermScore, ...], tuple[TermScore, ...]]:
    """Rank terms by how distinctive they are of one corpus against the other.

    Args:
        forum: Counts of the first corpus (positive z).
        news: Counts of the second corpus (negative z).
        top: How many terms to return on each side.
        min_count: Terms seen fewer times in both corpora together are skipped.
        alpha_0: Total mass of the Dirichlet prior. By default the pooled
            vocabulary size (about one pseudo-count per term type, shared out
            by pooled frequency), but no more than the smaller corpus's token
            count, so the prior never outweighs a small forum's own words.
        min_tokens: Each corpus needs at least this many tokens, else there
            is nothing to compare and both sides are empty.

    Returns:
        ``(forum_terms, news_terms)``: forum terms with z > 0, highest first;
        news terms with z < 0, most negative first.
    """
    n_f, n_n = forum.total, news.total
    if n_f < min_tokens or n_n < min_tokens:
        return (), ()
    pooled = forum.counts + news.counts
    n_pooled = n_f + n_n
    a0 = float(alpha_0 if alpha_0 is not None else min(len(pooled), n_f, n_n))
    scores: list[TermScore] = []
    for key, total in pooled.items():
        if total < min_count:
            continue
        alpha = a0 * total / n_pooled
        y_f, y_n = forum.counts.get(key, 0), news.counts.get(key, 0)
        delta = (math.log((y_f + alpha) / (n_f + a0 - y_f - alpha))
                 - math.log((y_n + alpha) / (n_n + a0 - y_n - alpha)))
        variance = 1.0 / (y_f + alpha) + 1.0 / (y_n + alpha)
        forms = forum.forms.get(key, Counter()) + news.forms.get(key, Counter())
        term = min(forms.items(), key=lambda item: (-item[1], item[0]))[0]
        scores.append(TermScore(term, round(delta / math.sqrt(variance), 4), y_f, y_n))
    forum_side = sorted((s for s in scores if s.z > 0), key=lambda s: (-s.z, s.term))
    news_side = sorted((s for s in scores if s.z < 0), key=lambda s: (s.z, s.term))
    return tuple(forum_side[:top]), tuple(news_side[:top])
