"""Quick tests read word by word, with what each word held remembered.

Several stance rules look for words that take no white space ("against",
"superior", "outclasses", "lackeys", "whatever"...) and most sentences hold
none of them. Running a pattern of every such word over each sentence costs
more than the rule itself, so :class:`ChunkTest` splits a text at white space
and remembers, per chunk, whether the pattern finds anything in it; a text
whose chunks are all known to be clean is passed with one set operation.
A match of such a pattern cannot hold white space, so it lies inside one
chunk, and the test says exactly what the pattern would say of the text.
"""

from __future__ import annotations

import re

MAX_CHUNKS = 50_000
"""Clean chunks a test remembers; past that it starts afresh, so memory stays bounded."""


class ChunkTest:
    """Whether a pattern whose matches never hold white space finds something in a text."""

    def __init__(self, pattern: re.Pattern[str], lower: bool = False) -> None:
        """Build the test.

        Args:
            pattern: The pattern; none of its matches may contain white space.
            lower: Run it over the lower-cased chunk instead of the chunk.
        """
        self._pattern = pattern
        self._lower = lower
        self._clean: set[str] = set()

    def finds(self, text: str) -> bool:
        """Return True if the pattern (after lower-casing, if so built) matches in ``text``."""
        chunks = text.split()
        clean = self._clean
        if clean.issuperset(chunks):
            return False
        search = self._pattern.search
        for chunk in set(chunks).difference(clean):
            if search(chunk.lower() if self._lower else chunk) is not None:
                return True
            if len(clean) >= MAX_CHUNKS:
                clean.clear()
            clean.add(chunk)
        return False
