"""VADER's own rules and lexicon, scored without its quadratic scans.

vaderSentiment 3.3.2 lowercases a text's whole word list again for every
negation and idiom check around each sentiment word (``_negation_check``,
``_special_idioms_check``), and copies the text character by character to
replace emojis. A sentence of *n* words therefore costs about *n²* string
operations, and a 150-word post about ten times a 15-word sentence.

:class:`Vader` is the same analyser with those scans cut to what they read:

* the two checks are handed the four to six words around the sentiment word
  that they look at (VADER's code, run on that window, at the same offsets);
* text without a single emoji character skips the emoji copy (VADER looks
  emojis up one character at a time, so this is the same test);
* words outside the lexicon get their zero directly (VADER appends the same
  zero after its checks);
* :meth:`Vader.compound` works out the compound score alone.

Every score is VADER's own: ``tests/test_vader_exact.py`` compares it with
:class:`~vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer` on
hand-written rule cases and on generated text. The shortcuts rest on the
internals of vaderSentiment 3.3.2, so another version gets the plain
analyser (:func:`new_analyzer`).
"""

from __future__ import annotations

import string
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, normalize

CHECKED_VERSION = "3.3.2"
"""The vaderSentiment release whose internals :class:`Vader` was checked against."""

_PUNCTUATION = string.punctuation


class _Words:
    """What VADER's per-word rules read of a text (its ``SentiText``), built in one pass."""

    __slots__ = ("text", "words_and_emoticons", "is_cap_diff")

    def __init__(self, text: str) -> None:
        self.text = text
        # SentiText: each token stripped of punctuation unless that leaves two
        # characters or fewer (an emoticon), and whether some but not all are capitals.
        self.words_and_emoticons = [
            token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped
            for token in text.split()]
        capitals = sum(1 for word in self.words_and_emoticons if word.isupper())
        self.is_cap_diff = 0 < len(self.words_and_emoticons) - capitals < len(
            self.words_and_emoticons)


class Vader(SentimentIntensityAnalyzer):
    """VADER with its per-word rescans cut to the words each rule reads; same scores."""

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` scores of ``text``.

        Args:
            text: Any text.

        Returns:
            The same dict :meth:`SentimentIntensityAnalyzer.polarity_scores` returns.
        """
        found = self._sentiments(text)
        if found is None:
            return dict(super().polarity_scores(text))
        stripped, sentiments = found
        return dict(self.score_valence(sentiments, stripped))

    def compound(self, text: str) -> float:
        """Return ``polarity_scores(text)["compound"]`` without working out the other scores.

        Args:
            text: Any text.

        Returns:
            VADER's compound score, in [-1, 1], rounded as VADER rounds it.
        """
        found = self._sentiments(text)
        if found is None:
            return float(super().polarity_scores(text)["compound"])
        stripped, sentiments = found
        if not sentiments:
            return 0.0
        total = float(sum(sentiments))  # score_valence's compound, step by step
        emphasis = self._punctuation_emphasis(stripped)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return float(round(normalize(total), 4))

    def _sentiments(self, text: str) -> tuple[str, list[float]] | None:
        """The stripped text and each word's valence, or None where VADER's own path must run."""
        emojis = self.emojis
        if not isinstance(text, str) or (
                not text.isascii() and any(char in emojis for char in text)):
            return None
        text = text.strip()  # what VADER's emoji pass leaves of text without emojis
        sentitext = _Words(text)
        words = sentitext.words_and_emoticons
        lexicon = self.lexicon
        last = len(words) - 1
        sentiments: list[float] = []
        for i, item in enumerate(words):
            lowered = item.lower()
            if lowered not in lexicon or lowered in BOOSTER_DICT or (
                    i < last and lowered == "kind" and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        return text, self._but_check(words, sentiments)

    def _negation_check(self, valence: float, words_and_emoticons: list[str],
                        start_i: int, i: int) -> Any:
        # VADER reads words i-3 .. i-1 here (only after checking i > start_i).
        low = max(i - 3, 0)
        window = words_and_emoticons[low:i + 1]
        return SentimentIntensityAnalyzer._negation_check(valence, window, start_i, i - low)

    def _special_idioms_check(self, valence: float,
                              words_and_emoticons: list[str], i: int) -> Any:
        # VADER reads words i-3 .. i+2 here (only with i > 2), and tests the
        # list's length for i+1 and i+2: the window keeps both tests true.
        low = max(i - 3, 0)
        window = words_and_emoticons[low:i + 3]
        return SentimentIntensityAnalyzer._special_idioms_check(valence, window, i - low)


def new_analyzer() -> SentimentIntensityAnalyzer:
    """Return a VADER analyser: :class:`Vader` on the checked release, else VADER's own."""
    try:
        installed = version("vaderSentiment")
    except PackageNotFoundError:  # pragma: no cover - imported above, so installed
        installed = ""
    return Vader() if installed == CHECKED_VERSION else SentimentIntensityAnalyzer()
