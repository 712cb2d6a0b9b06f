"""Reposts: comments posted again and again.

Each post's own words (quotes removed, so quoting is never reposting) are cut
into word shingles, signed with MinHash in bulk, and indexed in a MinHash LSH
index. Candidate pairs from the index are confirmed by the exact Jaccard
similarity of their shingle sets, and confirmed pairs are joined into
clusters by union-find. The sketch (signatures) is kept apart from the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from datasketch.lsh import (
    _false_negative_probability,
    _false_positive_probability,
    _optimal_param,
)
from scipy.cluster.hierarchy import DisjointSet

from analyzer.model import Post, RepostCluster, Thread
from analyzer.settings import Settings
from analyzer.text import preview, words


@dataclass(frozen=True)
class LshParameters:
    """The banding an LSH index uses, and its expected error rates.

    Attributes:
        bands: Number of bands ``b``.
        rows: Rows per band ``r``.
        false_positive: Expected share of pairs below the threshold that
            become candidates (area under the S-curve below it).
        false_negative: Expected share of pairs above the threshold that do
            not (area above the S-curve beyond it). Exact Jaccard then removes
            every false positive, so only false negatives reach the output.
    """

    bands: int
    rows: int
    false_positive: float
    false_negative: float


def lsh_parameters(settings: Settings) -> LshParameters:
    """Return the banding datasketch chooses for ``settings`` and its error rates."""
    return _banding(settings.threshold, settings.num_perm)


@lru_cache(maxsize=32)
def _banding(threshold: float, num_perm: int) -> LshParameters:
    # The error rates are numerical integrals (tens of ms); the stage, the
    # report's method section and the JSON all ask for them.
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return LshParameters(
        bands=bands,
        rows=rows,
        false_positive=_false_positive_probability(threshold, bands, rows),
        false_negative=_false_negative_probability(threshold, bands, rows),
    )


def shingles(text: str, size: int) -> set[bytes]:
    """Return the word ``size``-grams of ``text`` (lower-cased), UTF-8 encoded.

    A text shorter than ``size`` words gives one shingle of all its words.
    """
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i:i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def sign(shingle_sets: Sequence[set[bytes]], settings: Settings) -> list[MinHash]:
    """MinHash every shingle set in one vectorised batch."""
    return MinHash.bulk(shingle_sets, num_perm=settings.num_perm, seed=settings.seed)


def candidate_posts(thread: Thread, settings: Settings) -> list[Post]:
    """Posts long enough to be repost candidates (``settings.min_words``)."""
    return [p for p in thread.posts if len(words(p.text)) >= settings.min_words]


def find_reposts(thread: Thread, settings: Settings) -> tuple[RepostCluster, ...]:
    """Find groups of posts whose own words are the same text.

    Args:
        thread: The parsed thread.
        settings: ``num_perm``, ``threshold``, ``shingle_size``, ``min_words``
            and ``seed`` are used.

    Returns:
        Clusters of two or more posts, numbered in order of their first copy.
    """
    posts = candidate_posts(thread, settings)
    if len(posts) < 2:
        return ()
    sets = [shingles(p.text, settings.shingle_size) for p in posts]
    signatures = sign(sets, settings)
    params = lsh_parameters(settings)
    index = MinHashLSH(num_perm=settings.num_perm, params=(params.bands, params.rows))
    with index.insertion_session() as session:
        for i, signature in enumerate(signatures):
            session.insert(i, signature, check_duplication=False)
    groups = DisjointSet(range(len(posts)))
    for i, signature in enumerate(signatures):
        for j in index.query(signature):
            if j > i and jaccard(sets[i], sets[j]) >= settings.threshold:
                groups.merge(i, j)
    clusters: list[RepostCluster] = []
    for members in sorted((sorted(s) for s in groups.subsets() if len(s) > 1),
                          key=lambda m: posts[m[0]].position):
        first = sets[members[0]]
        authors = tuple(dict.fromkeys(posts[m].author for m in members))
        clusters.append(RepostCluster(
            id=len(clusters) + 1,
            post_ids=tuple(posts[m].id for m in members),
            authors=authors,
            similarity=round(min(jaccard(first, sets[m]) for m in members[1:]), 4),
            text_preview=preview(posts[members[0]].text, 160),
        ))
    return tuple(clusters)

