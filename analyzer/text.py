"""Text helpers shared by the stages: sentences, words and term matching."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sentencex import segment

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['\-.][a-z0-9]+)*")  # _WORD, in lower-case ASCII
_SPACE = re.compile(r"\s+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, paragraph by paragraph.

    Paragraph breaks (blank lines) always end a sentence; within a paragraph
    sentencex (Wikimedia's rule-based segmenter, compiled) decides, so "U.S."
    and "Dec. 22" do not end one. Its time is linear in the text's length.
    Several stages split the same posts (reposted paragraphs too), so each
    paragraph is split once per process and the result kept
    (:func:`paragraph_sentences`).
    """
    return [s for paragraph in paragraphs(text) for s in paragraph_sentences(paragraph)]


@lru_cache(maxsize=8192)
def paragraph_sentences(paragraph: str) -> tuple[str, ...]:
    """Return the sentences of one paragraph, white space collapsed.

    Results are cached, so every stage that splits the same paragraph in
    the same process pays once.
    """
    flat = " ".join(paragraph.split())  # what _SPACE.sub(" ", paragraph).strip() gives
    return tuple(filter(None, map(str.strip, segment("en", flat))))  # stripped, none empty


def paragraphs(text: str) -> list[str]:
    """Split ``text`` at blank lines, dropping empty paragraphs."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def words(text: str) -> list[str]:
    """Return the words of ``text``, lower-cased, keeping inner ' - and . ("U.S")."""
    if text.isascii():  # lower-casing ASCII keeps every character's class
        return _ASCII_WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been it its "
    "it's that this these those not no have has had will would can could should they he she "
    "we you i my our their his her them there what which who if than then so isn't don't "
    "doesn't can't won't".split()
)
# Function words of other languages written in Latin script that English
# text almost never contains (German, French, Spanish, Italian, Portuguese,
# Dutch, Polish, Czech, Turkish, Indonesian).
_FOREIGN_FUNCTION_WORDS = frozenset(
    "der die das und ist nicht ein eine dem den des mit sich auch auf für über dass "
    "le la les et est une des du dans pour pas qui que sur au aux avec sont "
    "el los las y es por una con para del al se lo como pero más "
    "il di che è non della per sono gli nel alla "
    "os um uma não com mais ao pelo "
    "het een van en niet zijn op te dat "
    "i w z na nie się jest że do to "
    "je se na že ve pro jsou "
    "ve bir bu da de ile için "
    "yang dan di ini itu dengan untuk tidak".split()
) - _ENGLISH_FUNCTION_WORDS


_FOREIGN_ASCII = frozenset(w.encode() for w in _FOREIGN_FUNCTION_WORDS if w.isascii())
_RUNS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32
              for c in range(256))
"""Lower-cases ASCII letters and blanks out everything but letters and digits."""


def looks_english(text: str) -> bool:
    """Return True if ``text`` reads as English (or gives too little to tell).

    Text mostly in a non-Latin script (Cyrillic, Han, Arabic...) is not
    English. Latin-script text is not English when it has more function words
    of other languages ("und", "les", "que") than English ones ("the", "of").
    """
    if text.isascii():  # every letter is Latin: only the function words can tell
        if not _ASCII_LETTER.search(text):
            return True
        # A word of words(text) that is a foreign function word is one run of letters:
        # with fewer than two such runs, there are fewer than two such words.
        runs = text.encode().translate(_RUNS).split()
        if sum(map(_FOREIGN_ASCII.__contains__, runs)) < 2:
            return True
    else:
        letters = [c for c in text if c.isalpha()]
        if not letters:
            return True
        latin = sum(1 for c in letters if c < "\u0250")
        if latin < 0.5 * len(letters):
            return False
    tokens = words(text)
    foreign = sum(map(_FOREIGN_FUNCTION_WORDS.__contains__, tokens))
    return foreign < 2 or foreign <= sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, tokens))


def normalise_space(text: str) -> str:
    """Collapse runs of white space into single spaces."""
    return _SPACE.sub(" ", text).strip()


def preview(text: str, limit: int = 120) -> str:
    """Return the start of ``text`` on one line, cut at a word boundary."""
    flat = normalise_space(text)
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


_WORD_START = r"(?<![\w\-])"


def _term_body(term: str) -> str:
    wildcard = term.endswith("*")
    core = term.rstrip("*")
    body = r"\s+".join(re.escape(part) for part in core.split())
    tail = r"[\w'’\-]*" if wildcard else r"(?:['’]s)?"
    return rf"{body}{tail}(?![\w])"


def is_case_sensitive(term: str) -> bool:
    """Short all-capital aliases (US, RU, PRC) match only in capitals."""
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and len(letters) <= 3 and all(c.isupper() for c in letters)


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    """Compile terms into one pattern matching any of them as whole words.

    A trailing ``*`` matches any word ending; short capital aliases ("US")
    match case-sensitively and everything else ignores case. The word-start
    and word-end checks stand outside the alternatives, so inside a word the
    pattern fails at once instead of trying every term (six times faster on
    long text, with the same matches).
    """
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        pattern = _term_body(term)
        parts.append(pattern if is_case_sensitive(term) else f"(?i:{pattern})")
    if not parts:
        return re.compile(r"(?!x)x")
    # One word-start test before all the alternatives, not one in each: the
    # same match, found about ten times faster on long texts.
    return re.compile(_WORD_START + "(?:" + "|".join(parts) + ")")
