"""Counting each frame's term matches in a long text, in one pass over its words.

:func:`analyzer.framing.frames.frame_hits` runs each frame's pattern
(:func:`analyzer.text.compile_terms`) over the whole text. Python's regular
expressions try every alternative of such a pattern at every word start, so
on a large thread's pooled opinion text that takes longer than VADER's own
scoring. :class:`FrameCounter` gives the same counts faster:

1. one scan finds every word start and its run of word characters;
2. a word can only start a match of a frame whose terms have a first word
   it begins with (for a term with more after its leading run of word
   characters, one it equals), which is looked up once per distinct word;
3. the frame's own pattern is then tried at those places only, in order,
   skipping places inside its previous match, exactly as ``finditer`` does.

Where the shortcut could miss a match (words or terms outside ASCII, whose
case folding is wider than ``str.lower``; a term not starting with a word
character), the plain scan is used, so counts never differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.model import FrameHits
from analyzer.settings import Frame
from analyzer.text import compile_terms

_TOKEN = re.compile(r"(?<![\w\-])\w+")
_LEADING_RUN = re.compile(r"\w+")
_MAX_MEMO = 100_000


class FrameCounter:
    """Counts the matches of each frame's terms (:func:`analyzer.text.compile_terms`)."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self.names = tuple(frame.name for frame in frames)
        self.patterns = tuple(compile_terms(frame.terms) for frame in frames)
        heads = [[term.rstrip("*").split()[0] if term.rstrip("*").split() else ""
                  for term in frame.terms] for frame in frames]
        self._fast = all(h.isascii() and _LEADING_RUN.match(h) for hs in heads for h in hs)
        # Per frame: first words a word must begin with, and leading runs it must equal.
        self._prefixes: list[tuple[str, ...]] = []
        self._exact: list[frozenset[str]] = []
        if self._fast:
            for frame_heads in heads:
                lowered = [h.lower() for h in frame_heads]
                self._prefixes.append(tuple(h for h in lowered if _LEADING_RUN.fullmatch(h)))
                self._exact.append(frozenset(
                    run.group() for h in lowered if not _LEADING_RUN.fullmatch(h)
                    for run in [_LEADING_RUN.match(h)] if run is not None))
        self._memo: dict[str, tuple[int, ...]] = {}

    def _frames_of(self, word: str) -> tuple[int, ...]:
        """Indices of the frames a match could start with ``word`` (lower case, ASCII)."""
        found = tuple(i for i, (prefixes, exact) in enumerate(zip(self._prefixes, self._exact,
                                                                   strict=True))
                      if word in exact or any(word.startswith(p) for p in prefixes))
        if len(self._memo) >= _MAX_MEMO:
            self._memo.clear()
        self._memo[word] = found
        return found

    def hits(self, text: str) -> FrameHits:
        """Each frame's count of matches in ``text``, in frame order."""
        if not self._fast:
            return tuple((name, sum(1 for _ in pattern.finditer(text)))
                         for name, pattern in zip(self.names, self.patterns, strict=True))
        every = tuple(range(len(self.names)))
        places: list[list[int]] = [[] for _ in self.names]
        memo = self._memo
        for token in _TOKEN.finditer(text):
            word = token.group()
            if word.isascii():
                word = word.lower()
                frames = memo.get(word)
                if frames is None:
                    frames = self._frames_of(word)
            else:
                frames = every
            start = token.start()
            for index in frames:
                places[index].append(start)
        counts = []
        for pattern, starts in zip(self.patterns, places, strict=True):
            count, reach = 0, 0
            for start in starts:
                if start < reach:
                    continue
                match = pattern.match(text, start)
                if match is not None:
                    count += 1
                    reach = match.end()
            counts.append(count)
        return tuple(zip(self.names, counts, strict=True))
