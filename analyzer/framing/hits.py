"""Counting each frame's term matches in a long text, mostly by counting words.

:func:`analyzer.framing.frames.frame_hits` runs each frame's pattern
(:func:`analyzer.text.compile_terms`) over the whole text. Python's regular
expressions try every alternative of such a pattern at every word start, so
on a large thread's pooled opinion text that takes longer than VADER's own
scoring. :class:`FrameCounter` gives the same counts faster:

1. one scan of the lower-cased text finds the *candidate* words: those (runs
   of word characters at a word start) beginning with the leading run of
   word characters of some frame's term, or holding a character outside
   ASCII; every other word is passed over inside the regular expression. A
   word that only starts terms of several words ("the" of "the public") is
   a candidate only before a word such a term could go on with;
2. most terms are one plain word (letters, digits, ``_``; not a short
   capital alias such as "US", which keeps its case). Whether such terms
   match at a word depends on the word alone: one without ``*`` matches the
   word it equals, one with ``*`` every word it begins. Where no other term
   of the frame could start at the word and no apostrophe or hyphen follows
   it (so no match reaches past the word), the word's matches are counted
   in bulk, once per distinct word;
3. a frame with any other candidate (a term of several words or with inner
   punctuation that could start there, a word outside ASCII, or an
   apostrophe or hyphen after it) is counted in full: its own pattern is
   tried at its candidate words, in order, skipping places inside its
   previous match, exactly as ``finditer`` does.

Lower-casing keeps every character's place and kind, and keeps non-ASCII
text non-ASCII, save for two characters (U+0130, U+212A); a text holding
either is scanned as it is, case-insensitively, every frame counted in full.
Where the shortcut could miss a match (a term outside ASCII, one not starting
with a word character), each frame's pattern is run over the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

from analyzer.model import FrameHits
from analyzer.settings import Frame
from analyzer.text import compile_terms, is_case_sensitive

_LEADING_RUN = re.compile(r"\w+")
_MAX_MEMO = 100_000
_LOWER_MOVES = ("\u0130", "\u212a")
"""The characters whose lower case is longer than one character, or ASCII though they are not."""

_Status = tuple[tuple[int, ...], tuple[int, ...]]
"""Of one candidate word: the frames it matches as a plain word, and those it may start."""

_Start = tuple[str, bool, str | None, bool]
"""How a term other than a plain word starts, as :func:`_may_start` reads it: the leading
run of word characters its first word has; whether a candidate word must begin with
it (else equal it); the leading run the next word must have (None when it need not
have any); and whether the next word must begin with that (else equal it)."""


def _start_of(term: str) -> _Start:
    """How a word and the word after it must look for ``term`` to match at the word."""
    wildcard = term.endswith("*")
    parts = [part.lower() for part in term.rstrip("*").split()]
    run = _LEADING_RUN.match(parts[0])
    first = run.group() if run is not None else parts[0]
    if len(parts) == 1:
        return first, wildcard and first == parts[0], None, False
    if first != parts[0]:  # punctuation inside the first word: nothing to say of the next
        return first, False, None, False
    second = _LEADING_RUN.match(parts[1])
    if second is None:
        return first, False, None, False
    return first, False, second.group(), (wildcard and len(parts) == 2
                                          and second.group() == parts[1])


def _may_start(start: _Start, word: str, after: str) -> bool:
    """Whether a term starting as ``start`` says may match at ``word``, ``after`` following."""
    first, first_prefix, second, second_prefix = start
    if not (word.startswith(first) if first_prefix else word == first):
        return False
    if second is None:
        return True
    if not after.isascii():  # a letter outside ASCII may match one inside it, ignoring case
        return True
    return after.startswith(second) if second_prefix else after == second


class FrameCounter:
    """Counts the matches of each frame's terms (:func:`analyzer.text.compile_terms`)."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self.names = tuple(frame.name for frame in frames)
        self.patterns = tuple(compile_terms(frame.terms) for frame in frames)
        heads = [[term.rstrip("*").split()[0] if term.rstrip("*").split() else ""
                  for term in frame.terms] for frame in frames]
        self._fast = all(h.isascii() and _LEADING_RUN.match(h) for hs in heads for h in hs)
        # Per frame: plain one-word terms (without and with "*"), and how a
        # candidate word and the word after it must look for another term to
        # start there (see _Start).
        self._whole: list[frozenset[str]] = []
        self._prefixes: list[tuple[str, ...]] = []
        self._other: list[tuple[_Start, ...]] = []
        if self._fast:
            for frame in frames:
                whole: set[str] = set()
                prefixes: set[str] = set()
                other: set[_Start] = set()
                for term in frame.terms:
                    parts = term.rstrip("*").split()
                    first = parts[0].lower()
                    if (len(parts) == 1 and _LEADING_RUN.fullmatch(first)
                            and not is_case_sensitive(term)):
                        (prefixes if term.endswith("*") else whole).add(first)
                    else:
                        other.add(_start_of(term))
                self._whole.append(frozenset(whole))
                self._prefixes.append(tuple(sorted(prefixes)))
                self._other.append(tuple(sorted(other)))
        self._memo: dict[tuple[str, str], _Status] = {}
        # Of each word met: its status when the word after it cannot change it, else None.
        self._by_word: dict[str, _Status | None] = {}
        # The starts (see _Start) that look at the word after their first word.
        self._paired = tuple({start for starts in self._other for start in starts
                              if start[2] is not None})
        runs = {run for runs in (*self._whole, *self._prefixes) for run in runs}
        alone = runs | {start[0] for starts in self._other for start in starts
                        if start[2] is None}
        runs |= {start[0] for starts in self._other for start in starts}
        # A word start: no word character or hyphen before (the word character
        # the lookahead needs makes \b say the first, a little faster).
        starts = r"\b(?<!-)(?=" + "{trie}" + r"|\w*[^\W\x00-\x7f])"
        then = r"(\w+)([-'’]?)(?:(?=\s+(\w+)))?"
        self._lower_scan = re.compile(starts.format(
            trie=_trie(alone, _paired(self._paired, alone))) + then)
        self._cased_scan = re.compile(starts.format(trie="(?i:" + _trie(runs) + ")") + then)

    def _status(self, word: str, after: str) -> _Status:
        """Which frames a candidate ``word`` matches as a plain word, and which it may start.

        Args:
            word: The candidate word, lower-cased.
            after: The word after it (lower-cased), if only white space
                lies between them, else "".
        """
        if word not in self._by_word:  # a word not met before: does the word after it matter?
            paired = word.isascii() and any(_may_start((first, prefix, None, False), word, "")
                                            for first, prefix, _, _ in self._paired)
            if len(self._by_word) >= _MAX_MEMO:
                self._by_word.clear()
            self._by_word[word] = None if paired else self._read(word, "")
        known = self._by_word[word]
        found = known if known is not None else self._read(word, after)
        if len(self._memo) >= _MAX_MEMO:
            self._memo.clear()
        self._memo[(word, after)] = found
        return found

    def _read(self, word: str, after: str) -> _Status:
        """:meth:`_status`, worked out."""
        every = range(len(self.names))
        if not word.isascii():
            found: _Status = ((), tuple(every))
        else:
            starts = tuple(i for i in every
                           if any(_may_start(start, word, after) for start in self._other[i]))
            found = (tuple(i for i in every if i not in starts and (
                           word in self._whole[i]
                           or any(word.startswith(p) for p in self._prefixes[i]))),
                     starts)
        return found

    def hits(self, text: str) -> FrameHits:
        """Each frame's count of matches in ``text``, in frame order."""
        if not self._fast:
            return tuple((name, sum(1 for _ in pattern.finditer(text)))
                         for name, pattern in zip(self.names, self.patterns, strict=True))
        every = range(len(self.names))
        if any(c in text for c in _LOWER_MOVES):
            return tuple(zip(self.names, self._in_full(text, every), strict=True))
        lowered = text.lower()
        counts = [0] * len(self.names)
        special: dict[int, set[tuple[str, str, str]]] = {}
        memo = self._memo
        for key, n in Counter(self._lower_scan.findall(lowered)).items():
            word, mark, after = key
            matches, may_start = memo.get((word, after)) or self._status(word, after)
            if mark:  # a match could reach past the word
                for index in matches:
                    special.setdefault(index, set()).add(key)
            else:
                for index in matches:
                    counts[index] += n
            for index in may_start:
                special.setdefault(index, set()).add(key)
        for index, keys in special.items():
            counts[index] = self._recount(text, lowered, index, counts[index], keys)
        return tuple(zip(self.names, counts, strict=True))

    def _recount(self, text: str, lowered: str, index: int, count: int,
                 special: set[tuple[str, str, str]]) -> int:
        """The frame's count, from ``count`` (its plain-word matches at candidates
        followed by no apostrophe or hyphen) and its pattern tried at the
        ``special`` candidates, in order, as ``finditer`` would.

        A match there that reaches past its first word takes back the plain-word
        matches it covers, and the special candidates inside it are skipped.
        """
        scan, pattern, memo = self._lower_scan, self.patterns[index], self._memo
        reach = 0
        for start in _whole_words(lowered, {word for word, _, _ in special}):
            token = scan.match(lowered, start) if start >= reach else None
            if token is None or (token.group(1), token.group(2),
                                 token.group(3) or "") not in special:
                continue
            match = pattern.match(text, start)
            if match is None:
                continue
            count += 1
            reach = match.end()
            for inner in scan.finditer(lowered, token.end(1)):
                if inner.start() >= reach:
                    break
                word, after = inner.group(1), inner.group(3) or ""
                if not inner.group(2) and index in (memo.get((word, after))
                                                    or self._status(word, after))[0]:
                    count -= 1  # counted as a plain word, but inside this match
        return count

    def _in_full(self, text: str, frames: Collection[int]) -> list[int]:
        """Each of ``frames``' matches in ``text``, tried at every candidate word."""
        places: dict[int, list[int]] = {index: [] for index in frames}
        memo = self._memo
        every = tuple(frames)
        for token in self._cased_scan.finditer(text):
            word, after = token.group(1), token.group(3) or ""
            if word.isascii():
                word, after = word.lower(), after.lower()
                matches, may_start = memo.get((word, after)) or self._status(word, after)
                wanted: Sequence[int] = matches + may_start
            else:
                wanted = every
            start = token.start()
            for index in wanted:
                if index in places:
                    places[index].append(start)
        counts = []
        for index in frames:
            pattern = self.patterns[index]
            count, reach = 0, 0
            for start in places[index]:
                if start < reach:
                    continue
                match = pattern.match(text, start)
                if match is not None:
                    count += 1
                    reach = match.end()
            counts.append(count)
        return counts


def _paired(paired: Sequence[_Start], alone: set[str]) -> dict[str, str]:
    """For :func:`_trie`, the words that matter only by the word after them.

    A word that only starts terms of several words ("the" of "the public")
    is a candidate only when it is followed, past an optional apostrophe or
    hyphen and white space, by a word such a term's next word could begin
    (see :func:`_may_start`); in English text that spares most "the"s.
    Words beginning with a run of ``alone`` are candidates anyway.
    """
    nexts: dict[str, set[str]] = {}
    for first, _, second, second_prefix in paired:
        if second is None or any(first.startswith(run) for run in alone):
            continue
        nexts.setdefault(first, set()).add(re.escape(second) + ("" if second_prefix
                                                                  else r"(?!\w)"))
    return {first: r"[-'’]?\s+(?:" + "|".join(sorted(seconds)) + r"|\w*[^\W\x00-\x7f])"
            for first, seconds in nexts.items()}


def _whole_words(text: str, words: Collection[str]) -> list[int]:
    r"""Where in ``text`` each of ``words`` (runs of word characters) stands as a whole
    word, in order: as ``(?<![\w\-])(?:word|…)(?!\w)`` finds them, by ``str.find``."""
    places = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if (not (before.isalnum() or before in "_-")
                    and not (after.isalnum() or after == "_")):
                places.append(at)
            at = text.find(word, at + 1)
    places.sort()
    return places


def _trie(words: set[str], then: dict[str, str] | None = None) -> str:
    """A pattern matching the start of any string that begins with one of ``words``,
    or that is one of the keys of ``then`` as a whole word followed by its value.

    Written as a trie, so that at each place only one branch per letter is
    tried; a word that begins with one of ``words`` adds nothing.
    """
    if not words and not then:
        return "(?!x)x"
    end = ""  # marks a node where a word ends: nothing after it matters
    follow = "\x00"  # marks a node where a key of ``then`` ends (no word holds it)
    root: dict[str, Any] = {}
    entries = [(word, None) for word in words] + sorted((then or {}).items())
    for word, after in sorted(entries, key=lambda entry: len(entry[0])):
        node = root
        for char in word:
            if end in node:
                break
            node = node.setdefault(char, {})
        else:
            if after is None:
                node.clear()
                node[end] = {}
            elif end not in node:
                node[follow] = r"(?!\w)" + after
    # Children before parents: each node's pattern is built from its children's.
    order: list[dict[str, Any]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(child for key, child in node.items() if key not in (end, follow))
    patterns: dict[int, str] = {}
    for node in reversed(order):
        if end in node:
            patterns[id(node)] = ""
            continue
        branches = [re.escape(char) + patterns[id(child)] for char, child in sorted(node.items())
                    if char != follow]
        if follow in node:
            branches.append(node[follow])
        patterns[id(node)] = (branches[0] if len(branches) == 1
                              else "(?:" + "|".join(branches) + ")")
    return patterns[id(root)]
