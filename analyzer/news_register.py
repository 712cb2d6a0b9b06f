"""How a passage reads: like a news report, or like a forum comment.

News prose is attributed ("the ministry said"), dense with names and dates,
written in the third person and in long paragraphs. Forum comments use the
first person, evaluate, exclaim and ask. :func:`newsiness` turns these cues
into one score; the plain-text segmenter uses it per paragraph to see where a
pasted article stops, and :mod:`analyzer.news` uses it per post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.text import sentences, words

_QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|noted|stated|announced|reported|confirmed|insisted|"
    r"claimed|declared|explained|according to|spokes(?:man|woman|person)|"
    r"in a statement|press (?:service|release|conference)|news agency|quoted)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][\w.]+)?\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–|-)\s)"
    r"|^\((?:AP|Reuters|AFP|Xinhua|TASS|UPI|Bloomberg)\)",
)
_MASTHEAD = re.compile(
    r"^(?:by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*$|"
    r"(?:published|updated|posted|last updated)\s*:?\s+\w+.*\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
_AGENCY = re.compile(
    r"\b(?:Associated Press|Reuters|AFP|Agence France-Presse|Xinhua|TASS|Interfax|"
    r"Kyodo|Yonhap|Bloomberg|Global Times|Sputnik|RIA Novosti|CGTN|CNN|BBC)\b"
)
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
    return RegisterCues(
        words=len(words(text)),
        sentences=len(sents),
        attributions=len(_ATTRIBUTION.findall(text)),
        names=names,
        dates=len(_DATEWORD.findall(text)),
        personal=len(_FIRST_SECOND.findall(unquoted)),
        modals=len(_MODAL.findall(unquoted)),
        informal=len(_INFORMAL.findall(unquoted)),
        masthead=has_masthead(text),
    )


def has_masthead(text: str) -> bool:
    """Return True if the first lines of ``text`` hold a dateline, byline, agency or date line."""
    top = [line for line in text.strip().split("\n") if line.strip()][:4]
    return bool(any(_DATELINE.search(line) for line in top)
                or _MASTHEAD.search("\n".join(top))
                or _AGENCY.search("\n".join(top[:2])))


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
    if len(_ATTRIBUTION.findall(text)) < 2 and not has_masthead(text):
        return False
    c = cues(text)
    if c.words < 60 or c.sentences < 3:
        return False
    return _score(c) >= 1.2
