"""Reading a sentence for claim matching: its actors, stems and predicate.

A sentence's *actors* are the targets it mentions (by alias) and the other
named entities in it: words the texts at hand write with a capital letter
inside a sentence more often than without one ("Japan", "Pentagon"). Its
*predicate* is the rest of its content words (stems), less the words of
attribution ("said", "according", "statement"), which report a claim rather
than make it. See :mod:`analyzer.framing.claims`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

from analyzer.framing.terms import STOP_WORDS, content_stems, remember, stem
from analyzer.settings import Settings
from analyzer.text import compile_terms, sentences

MIN_INITIAL = 2
"""Sentences a word never written in lower case must start to count as a name."""
TITLE_SHARE = 0.6
"""Share of capitalised content words above which a sentence reads as a headline."""
MAX_MEMO = 200_000
"""Words the memo of :func:`_names_in` keeps; past that it starts afresh."""

ATTRIBUTION = frozenset(stem(w) for w in (
    "said", "says", "say", "saying", "told", "tells", "according", "added", "adds",
    "stated", "states", "statement", "statements", "reported", "reports", "claimed",
    "claims", "announced", "noted", "quoted", "insisted", "spokesman", "spokeswoman",
    "spokesperson", "confirmed", "commented", "cited"))
"""Stems of words that report a claim rather than make it; never predicate words."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ASCII_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[\d_'’-]*([A-Z][\w'’-]*)")
"""In ASCII text, the words of ``_WORD`` that start with a capital: a word starts
at the first letter of its run of word characters, apostrophes and hyphens."""
_RUN_START = re.compile(r"\w+")



@dataclass(frozen=True)
class Sentence:
    text: str
    owner: str
    stems: tuple[str, ...]
    actors: frozenset[str]
    predicate: frozenset[str]


class Reader:
    """Finds the actors and predicate of sentences, given every text at hand."""

    def __init__(self, split: Iterable[Sequence[str]], settings: Settings,
                 capitals: list[tuple[str, ...]] | None = None) -> None:
        """``split``: the sentences of every text at hand, text by text.

        ``capitals``, if given, is filled with the capitalised words of each
        sentence in turn (:func:`names_in_sentences`), for :meth:`names_among`.
        """
        self.targets = [(t.name, compile_terms(t.aliases)) for t in settings.targets]
        # Which targets a sentence may mention, told by its words (see targets_in).
        self._words: dict[str, list[int]] = defaultdict(list)
        self._prefixes: list[tuple[str, int]] = []
        self._always: set[int] = set()
        for index, target in enumerate(settings.targets):
            for alias in target.aliases:
                kind, run = _leading_run(alias)
                if kind == "word":
                    self._words[run].append(index)
                elif kind == "prefix":
                    self._prefixes.append((run, index))
                else:
                    self._always.add(index)
        # The words that start an alias, as whole runs of word characters
        # not after a hyphen: only their targets can match (see targets_in).
        alternatives = "|".join(map(re.escape, sorted(self._words, key=lambda w: (-len(w), w))))
        self._first_runs = (re.compile(r"(?<![\w\-])(?:" + alternatives + r")(?!\w)")
                            if self._words else None)
        self.proper = names_in_sentences(split, capitals)
        self._names: dict[str, str | None] = {}

    def targets_in(self, text: str) -> tuple[set[str], str]:
        """The targets ``text`` mentions, and the text with each mention blanked out.

        Targets are tried in order, each on what the ones before left. In ASCII
        text a match of an alias (:func:`analyzer.text.compile_terms`) starts a
        word (run of word characters) equal to its first word's leading run,
        or, for a one-word alias ending in ``*``, beginning with it, in any
        case; blanking a mention never makes such a word appear. So only the
        targets with an alias that fits one of the words of ``text`` are tried.
        """
        if text.isascii():
            lowered = text.lower()
            words = self._words
            runs = self._first_runs.findall(lowered) if self._first_runs is not None else []
            tried = {index for word in set(runs) for index in words[word]}
            tried.update(index for run, index in self._prefixes if run in lowered)
            tried |= self._always
            if not tried:
                return set(), text
            order: Iterable[int] = sorted(tried)
        else:
            order = range(len(self.targets))
        actors = set()
        rest = text
        for index in order:
            name, pattern = self.targets[index]
            blanked, found = pattern.subn(" ", rest)
            if found:
                actors.add(name)
                rest = blanked
        return actors, rest

    def names_in(self, rest: str) -> set[str]:
        """Stems of the proper nouns (:attr:`proper`) written capitalised in ``rest``.

        Only capitalised words can be names, so in ASCII text only those are read.
        """
        if rest.isascii():
            return self.names_among(_ASCII_CAPITAL_WORD.findall(rest))
        return self.names_among(_WORD.findall(rest))

    def names_among(self, tokens: Sequence[str]) -> set[str]:
        """Stems of the proper nouns (:attr:`proper`) among words of ``_WORD``, as written."""
        try:
            names = set(map(self._names.__getitem__, tokens))
        except KeyError:  # a word not met before
            remember(self._names, tokens, self._name_of)
            names = set(map(self._names.__getitem__, tokens))
        names.discard(None)
        return names  # type: ignore[return-value]

    def _name_of(self, token: str) -> str | None:
        key = token.lower()
        return stem(key) if token[:1].isupper() and key in self.proper else None

    def read(self, text: str, owner: str) -> Sentence:
        actors, rest = self.targets_in(text)
        names = self.names_in(rest)
        stems = content_stems(text)
        predicate = frozenset(stems if rest is text else content_stems(rest)).difference(
            names, ATTRIBUTION)
        return Sentence(text, owner, tuple(stems), frozenset(actors | names), predicate)


def _leading_run(alias: str) -> tuple[str, str]:
    """How a word of ASCII text must look for a match of ``alias`` to start it.

    Returns ``("word", run)`` when the word (lower-cased run of word
    characters) must equal ``run``, ``("prefix", run)`` when it must begin
    with it (a one-word alias ending in ``*``), or ``("any", "")`` when the
    alias does not start with an ASCII word character.
    """
    parts = alias.rstrip("*").split()
    first = parts[0].lower() if parts else ""
    run = _RUN_START.match(first)
    if run is None or not first.isascii():
        return "any", ""
    if run.group() == first and len(parts) == 1 and alias.endswith("*"):
        return "prefix", first
    return "word", run.group()


def proper_nouns(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words the texts treat as names.

    A word is a name when, inside sentences, it is written capitalised (or as
    a short acronym) more often than not; or when it is never written in lower
    case and starts at least :data:`MIN_INITIAL` sentences ("Brazil rejected
    …", "Brazil said …"), where a capital says nothing by itself. Headlines
    (more than :data:`TITLE_SHARE` of at least three non-stop words
    capitalised) are not counted.
    """
    return names_in_sentences(sentences(text) for text in texts)


def names_in_sentences(split: Iterable[Sequence[str]],
              capitals: list[tuple[str, ...]] | None = None) -> frozenset[str]:
    """:func:`proper_nouns` of texts already split into sentences.

    Each word is counted as it is written, all sentences at once, and read
    once per distinct spelling: as first word of a sentence or not. If
    ``capitals`` is given, each sentence's capitalised non-stop words (every
    word a name can be) are added to it, in turn.
    """
    kept: list[str] = []  # the words of every sentence not a headline
    firsts: list[str] = []  # the first word of each
    content, capital_content = _CONTENT, _CAPITAL_CONTENT
    for text_sentences in split:
        for sentence in text_sentences:
            tokens = _WORD.findall(sentence)
            try:
                count = sum(map(content.__getitem__, tokens))
            except KeyError:  # a word not met before
                _learn_kinds(set(tokens))
                count = sum(map(content.__getitem__, tokens))
            capital_flags = list(map(capital_content.__getitem__, tokens))
            if capitals is not None:
                capitals.append(tuple(compress(tokens, capital_flags)))
            if not tokens:
                continue
            if count >= 3 and sum(capital_flags) > TITLE_SHARE * count:
                continue  # a headline capitalises every word: its capitals say nothing
            kept += tokens
            firsts.append(tokens[0])
    every = Counter(kept)
    first = Counter(firsts)
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for token, n in every.items():
        key = token.lower()
        if key in STOP_WORDS or len(key) < 2:
            continue
        acronym = token.isupper() and len(token) <= 5
        if not (acronym or token[:1].isupper()):
            lower[key] += n
            continue
        opening = first[token]
        if opening:
            initial[key] += opening
        if n > opening:
            capital[key] += n - opening
    names = {w for w, n in capital.items() if n > lower[w]}
    names |= {w for w, n in initial.items() if n >= MIN_INITIAL and not lower[w]}
    return frozenset(names)


_CONTENT: dict[str, bool] = {}
"""Each word :func:`names_in_sentences` has met: True unless it is a stop word."""
_CAPITAL_CONTENT: dict[str, bool] = {}
"""Each word :func:`names_in_sentences` has met: True if capitalised and not a stop word."""


def _learn_kinds(tokens: set[str]) -> None:
    """Add the words of ``tokens`` not yet in the memos (all of them if the memos start afresh)."""
    missing = tokens.difference(_CONTENT)
    if len(_CONTENT) + len(missing) > MAX_MEMO:
        _CONTENT.clear()
        _CAPITAL_CONTENT.clear()
        missing = tokens
    for token in missing:
        _CONTENT[token] = kept = token.lower() not in STOP_WORDS
        _CAPITAL_CONTENT[token] = kept and token[:1].isupper()
