"""What the repost search over a dump finds: clusters of copies across threads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PostRef:
    """Where one copy was posted.

    Attributes:
        thread: The thread's id.
        post_id: The post's id within the thread.
        author: The speaker, where known.
        timestamp: Seconds since the epoch (UTC), where known.
    """

    thread: str
    post_id: str
    author: str | None
    timestamp: float | None


@dataclass(frozen=True)
class DumpCluster:
    """Posts that are copies of one text, across any threads.

    Attributes:
        id: 1-based, in order of the first copy in the dump.
        posts: The copies, in dump order.
        authors: Their distinct speakers, in order of first copy.
        similarity: The lowest exact Jaccard similarity between a copy and
            the first copy.
        containment: The lowest share of the shorter text's shingles found
            in the longer, between a copy and the first copy.
        text_preview: The start of the first copy.
    """

    id: int
    posts: tuple[PostRef, ...]
    authors: tuple[str | None, ...]
    similarity: float
    containment: float
    text_preview: str

    @property
    def threads(self) -> tuple[str, ...]:
        """The distinct threads the copies were posted in, in order."""
        return tuple(dict.fromkeys(p.thread for p in self.posts))

    @property
    def self_repost(self) -> bool:
        """True when one known account posted every copy."""
        return len(self.authors) == 1 and self.authors[0] is not None

    @property
    def time_span(self) -> float | None:
        """Seconds between the first and last dated copy (None with fewer than two dates)."""
        times = [p.timestamp for p in self.posts if p.timestamp is not None]
        return max(times) - min(times) if len(times) >= 2 else None


@dataclass(frozen=True)
class SearchFacts:
    """How the search ran, for the report's method notes.

    Attributes:
        posts: Posts read.
        signed: Posts long enough to be signed (``min_words``).
        threads: Distinct threads read.
        skipped: Items the readers left out, as (reason, count).
        candidate_pairs: Pairs the band index proposed.
        confirmed_pairs: Pairs confirmed as copies.
        min_similarity: Jaccard threshold.
        containment: Containment threshold.
        num_perm: MinHash permutations.
        shingle_size: Words per shingle.
        min_words: Shorter posts are not searched.
        bands: LSH bands of the candidate search.
        rows: Rows per band.
    """

    posts: int
    signed: int
    threads: int
    skipped: tuple[tuple[str, int], ...]
    candidate_pairs: int
    confirmed_pairs: int
    min_similarity: float
    containment: float
    num_perm: int
    shingle_size: int
    min_words: int
    bands: int
    rows: int


@dataclass(frozen=True)
class RepostSearch:
    """Clusters of copies found in a dump, and how the search ran."""

    clusters: tuple[DumpCluster, ...]
    facts: SearchFacts


__all__ = ["DumpCluster", "PostRef", "RepostSearch", "SearchFacts"]
