"""How a passage reads: like a news report, or like a forum comment.

News prose is attributed ("the ministry said"), dense with names and dates,
written in the third person and in long paragraphs. Forum comments use the
first person, evaluate, exclaim and ask. :func:`newsiness` turns these cues
into one score; the plain-text segmenter uses it per paragraph to see where a
pasted article stops, and :mod:`analyzer.news` uses it per post.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import groupby

from analyzer.text import sentences, words

_QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")
#: Reporting verbs and attribution phrases, all lower case.
ATTRIBUTION_PHRASES = (
    "said", "says", "stated", "spokesman", "spokeswoman", "spokesperson", "told", "added",
    "announced", "according to", "noted", "news agency", "reported", "confirmed", "claimed",
    "insisted", "in a statement", "declared", "explained", "press service", "press release",
    "press conference", "quoted",
)
#: News agencies and broadcasters whose name in the first lines makes a masthead.
AGENCIES = (
    "Associated Press", "AFP", "Agence France-Presse", "Reuters", "RIA Novosti", "Xinhua",
    "TASS", "Interfax", "Kyodo", "Yonhap", "Bloomberg", "BBC", "Global Times", "Sputnik",
    "CGTN", "CNN",
)


def _any_of(phrases: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` as whole words, grouped by shared beginnings.

    ``said|says|stated|told`` becomes ``s(?:aid|ays|tated)|told``: the same
    matches in the same order of preference (only neighbours are grouped),
    but each place in a text is tried against a few first letters instead
    of every phrase, which matters most when case is ignored.
    """
    parts = []
    for _, run in groupby(phrases, key=lambda phrase: phrase[:1]):
        group = list(run)
        shared = os.path.commonprefix(group)
        if len(group) == 1:
            parts.append(re.escape(shared))
        else:
            rest = "|".join(re.escape(phrase[len(shared):]) for phrase in group)
            parts.append(f"{re.escape(shared)}(?:{rest})")
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", flags)


_ATTRIBUTION = _any_of(ATTRIBUTION_PHRASES, re.IGNORECASE)
# On ASCII text, which lower-casing leaves the same length and word classes,
# the (lower-case) phrases are found case-sensitively in the lower-cased
# text: the same matches, found faster than with IGNORECASE.
_ATTRIBUTION_LOWER = _any_of(ATTRIBUTION_PHRASES)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][\w.]+)?\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–|-)\s)"
    r"|^\((?:AP|Reuters|AFP|Xinhua|TASS|UPI|Bloomberg)\)",
)
_MASTHEAD = re.compile(
    r"^(?:by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*$|"
    r"(?:published|updated|posted|last updated)\s*:?\s+\w+.*\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
# What a _MASTHEAD match starts with, at the start of a line: a line without
# it cannot start one.
_MASTHEAD_START = re.compile(r"by|published|updated|posted|last updated", re.IGNORECASE)
_AGENCY = _any_of(AGENCIES)
_FIRST_SECOND = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself|we|we're|we've|our|ours|us|you|you're|"
    r"your|yours|imo|imho|lol|lmao|haha)\b",
)
_DATEWORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?|\b(?:19|20)\d\d\b"
)
_MODAL = re.compile(r"\b(?:must|should|need to|have to|never|always)\b", re.IGNORECASE)
_INFORMAL = re.compile(r"[!?]|\.\.\.|:\)|:\(|:D|;\)|\b(?:lol|lmao|rofl|btw|tbh|smh)\b",
                       re.IGNORECASE)
# The same two, case-sensitive, for lower-cased ASCII text (see _ATTRIBUTION_LOWER).
_MODAL_LOWER = re.compile(_MODAL.pattern)
_INFORMAL_LOWER = re.compile(r"[!?]|\.\.\.|:\)|:\(|:d|;\)|\b(?:lol|lmao|rofl|btw|tbh|smh)\b")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# analyzer.text's word pattern as it reads lower-cased ASCII text: there, a
# letter or digit is [a-z0-9], and the inner marks are ' - and . alone.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['\-.][a-z0-9]+)*")


@dataclass(frozen=True)
class RegisterCues:
    """The cues one passage gives about its register.

    Attributes:
        words: Word count.
        sentences: Sentence count.
        attributions: Reporting verbs and attribution phrases.
        names: Capitalised words that do not start a sentence.
        dates: Weekday, month and year mentions.
        personal: First- and second-person words outside quotation marks.
        modals: Words of obligation and absolutes (must, should, never).
        informal: Exclamations, questions, ellipses, emoticons, chat words.
        masthead: True if it has a dateline, byline, agency or publish line.
    """

    words: int
    sentences: int
    attributions: int
    names: int
    dates: int
    personal: int
    modals: int
    informal: int
    masthead: bool


def cues(text: str) -> RegisterCues:
    """Count the register cues of ``text``."""
    unquoted = _QUOTED.sub(" ", text)
    sents = sentences(text) or [text]
    names = 0
    for sentence in sents:
        tokens = sentence.split()
        names += sum(1 for tok in tokens[1:] if tok[:1].isupper() and tok[1:2].islower())
    lowered = _lowered(unquoted)
    if lowered is not None:
        modals, informal = _MODAL_LOWER.findall(lowered), _INFORMAL_LOWER.findall(lowered)
    else:
        modals, informal = _MODAL.findall(unquoted), _INFORMAL.findall(unquoted)
    return RegisterCues(
        words=len(words_of(text)),
        sentences=len(sents),
        attributions=attributions(text),
        names=names,
        dates=len(_DATEWORD.findall(text)),
        personal=len(_FIRST_SECOND.findall(unquoted)),
        modals=len(modals),
        informal=len(informal),
        masthead=has_masthead(text),
    )


def words_of(text: str) -> list[str]:
    """:func:`analyzer.text.words`, lower-casing the text once where it is ASCII.

    On ASCII text lower-casing keeps every character's place and word
    class, so the words of the lower-cased text are the lower-cased words.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return words(text)


def attributions(text: str) -> int:
    """Count the reporting verbs and attribution phrases of ``text``."""
    lowered = _lowered(text)
    if lowered is not None:
        return len(_ATTRIBUTION_LOWER.findall(lowered))
    return len(_ATTRIBUTION.findall(text))


def _fewer_attributions(text: str, least: int) -> bool:
    """Return True if ``text`` has fewer than ``least`` attributions (:func:`attributions`).

    Every attribution starts where one of the phrases occurs and no two
    overlap, so the phrases' occurrences, counted by fast substring search,
    bound their number from above: most texts are settled without the
    pattern, which is tried at every position.
    """
    lowered = _lowered(text)
    if lowered is None:
        return len(_ATTRIBUTION.findall(text)) < least
    if sum(map(lowered.count, ATTRIBUTION_PHRASES)) < least:
        return True
    return len(_ATTRIBUTION_LOWER.findall(lowered)) < least


def _lowered(text: str) -> str | None:
    """``text`` lower-cased, where that changes only the letters A-Z; else None.

    Then case-blind patterns of ASCII words may be matched case-sensitively
    on the lower-cased text: every other character (curly quotes, dashes,
    emoji) has no case, so it keeps its length and word class and matches
    no letter of the patterns either way.
    """
    if text.isascii():
        return text.lower()
    if all(c.lower() == c == c.upper() for c in set(_NON_ASCII.findall(text))):
        return text.lower()
    return None


def has_masthead(text: str) -> bool:
    """Return True if the first lines of ``text`` hold a dateline, byline, agency or date line."""
    top = _top_lines(text)
    # Each pattern is tried only where what it must start with, or hold, is there.
    if any(map(_DATELINE.match, top)):
        return True
    if any(map(_MASTHEAD_START.match, top)) and _MASTHEAD.search("\n".join(top)):
        return True
    head = "\n".join(top[:2])
    return any(map(head.__contains__, AGENCIES)) and bool(_AGENCY.search(head))


def _top_lines(text: str, count: int = 4) -> list[str]:
    """The first ``count`` lines of ``text`` that are not blank."""
    pieces = text.strip().split("\n", 2 * count)
    top = [line for line in pieces[:2 * count] if line.strip()][:count]
    if len(top) < count and len(pieces) > 2 * count:  # many blank lines: read on
        top = [line for line in text.strip().split("\n") if line.strip()][:count]
    return top


def newsiness(text: str) -> float:
    """Score how much ``text`` reads like news prose rather than a comment.

    Positive scores read like news, negative like a forum comment; around
    zero the passage gives little away. The score is a sum of per-sentence
    rates, so a long passage is not news merely for being long.

    Args:
        text: A paragraph or a whole post.

    Returns:
        The score, roughly in [-3, 4].
    """
    return _score(cues(text))


def _score(c: RegisterCues) -> float:
    if c.words == 0:
        return 0.0
    per_sentence = max(c.sentences, 1)
    score = 0.0
    score += 1.5 if c.masthead else 0.0
    score += min(c.attributions / per_sentence, 1.0) * 1.5
    score += min(c.names / per_sentence, 3.0) * 0.35
    score += min(c.dates / per_sentence, 1.0) * 0.5
    score += min(c.words / per_sentence / 25.0, 1.2) * 0.8   # long, dense sentences
    score -= min(c.personal / per_sentence, 1.5) * 1.2
    score -= min(c.modals / per_sentence, 1.0) * 0.8
    score -= min(c.informal / per_sentence, 1.0) * 1.0
    if c.words < 12:
        score -= 0.6
    return round(score, 4)


def reads_like_article(text: str) -> bool:
    """Return True if a whole post reads like a pasted news article.

    It must be long enough to be an article (at least 60 words over three or
    more sentences) and score as news prose, with attribution or a masthead.
    The cheap tests come first: most comments have neither attribution nor a
    masthead, and are settled without splitting sentences.
    """
    if not has_masthead(text) and _fewer_attributions(text, 2):
        return False
    c = cues(text)
    if c.words < 60 or c.sentences < 3:
        return False
    return _score(c) >= 1.2
