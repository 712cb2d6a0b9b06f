"""Reposts: comments posted again and again within one thread.

Each post's own words (quotes removed, so quoting is never reposting) are cut
into word shingles and signed with MinHash in numpy (:mod:`analyzer.minhash`).
Candidate pairs come from LSH banding of the signatures, tuned to find pairs
down to a Jaccard similarity of 0.5 (or the threshold, if lower), and from
uncommon shingles two posts share, which finds a comment pasted inside a
much longer post. Every candidate is confirmed exactly: two posts are copies
when the Jaccard similarity of their shingle sets reaches ``threshold``, or
when ``containment`` of the shorter post's shingles are found in the longer.
Confirmed pairs are joined into clusters.

:func:`lsh_parameters` gives the banding a plain MinHash LSH index would use
at ``threshold`` and its expected error rates, for the report's method notes.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from analyzer.dumps.banding import candidate_pairs, optimal_banding, recall_banding, unique_pairs
from analyzer.dumps.index import sign_batch
from analyzer.dumps.overlap import clusters_of, is_copy, overlap, shared_shingle_pairs
from analyzer.minhash import shingle_sets
from analyzer.model import LshBanding, Post, RepostCluster, Thread
from analyzer.settings import Settings
from analyzer.text import preview, words

#: Posts signed together.
_BATCH = 2048
#: Candidate search is tuned so that pairs at this Jaccard similarity (or the
#: threshold, if lower) are found with probability 0.99: a copy wrapped in up
#: to as much other text again.
CANDIDATE_SIMILARITY = 0.5


def lsh_parameters(settings: Settings) -> LshBanding:
    """Return the banding that minimises the error rates at ``settings.threshold``.

    It is the banding datasketch's ``MinHashLSH`` chooses for the same
    threshold and ``num_perm`` (equal weights on both errors).
    """
    return _banding(settings.threshold, settings.num_perm)


@lru_cache(maxsize=32)
def _banding(threshold: float, num_perm: int) -> LshBanding:
    bands, rows, fp, fn = optimal_banding(threshold, num_perm)
    return LshBanding(bands=bands, rows=rows, false_positive=fp, false_negative=fn)


def candidate_banding(settings: Settings) -> tuple[int, int]:
    """The banding ``(b, r)`` candidate search uses (see :data:`CANDIDATE_SIMILARITY`)."""
    return recall_banding(min(settings.threshold, CANDIDATE_SIMILARITY), settings.num_perm)


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


def candidate_posts(thread: Thread, settings: Settings) -> list[Post]:
    """Posts long enough to be repost candidates (``settings.min_words``).

    :func:`find_reposts` counts words as the signer reads them
    (:func:`analyzer.minhash.tokens`), which gives the same counts.
    """
    return [p for p in thread.posts if len(words(p.text)) >= settings.min_words]


def find_reposts(thread: Thread, settings: Settings) -> tuple[RepostCluster, ...]:
    """Find groups of posts whose own words are the same text, or one inside another.

    Args:
        thread: The parsed thread.
        settings: ``num_perm``, ``threshold``, ``containment``,
            ``shingle_size``, ``min_words`` and ``seed`` are used.

    Returns:
        Clusters of two or more posts, numbered in order of their first copy.
        A cluster's ``similarity`` and ``containment`` are the lowest between
        a copy and the first copy.
    """
    every = [p.text for p in thread.posts]
    signed = [sign_batch(every[k:k + _BATCH], settings) for k in range(0, len(every), _BATCH)]
    kept = np.concatenate([np.zeros(0, dtype=np.int64)]
                          + [b.kept + k for b, k in zip(signed, range(0, len(every), _BATCH),
                                                         strict=True)])
    if kept.size < 2:
        return ()
    posts = [thread.posts[k] for k in kept.tolist()]
    texts = [p.text for p in posts]
    signatures = np.concatenate([b.signatures for b in signed])
    sets = shingle_sets(texts, settings.shingle_size)
    # Within one thread a copy inside a longer post is found by the uncommon
    # shingles the two share, so the band search need only catch pairs at
    # the threshold. Banding for a lower similarity (as dumps use) makes the
    # chance candidates grow with the square of the posts on repetitive text.
    bands, rows = recall_banding(settings.threshold, settings.num_perm)
    by_band = candidate_pairs(signatures, bands, rows)
    by_shingle = shared_shingle_pairs(sets, settings.containment)
    i, j = unique_pairs(np.concatenate((by_band[0], by_shingle[0])),
                        np.concatenate((by_band[1], by_shingle[1])))
    copies = [(a, b) for a, b in zip(i.tolist(), j.tolist(), strict=True)
              if is_copy(overlap(sets[a], sets[b]), settings.threshold, settings.containment)]
    joined = clusters_of(np.array([a for a, _ in copies], dtype=np.int64),
                         np.array([b for _, b in copies], dtype=np.int64))
    clusters: list[RepostCluster] = []
    for members in sorted(joined, key=lambda m: posts[m[0]].position):
        first = sets[members[0]]
        found = [overlap(first, sets[m]) for m in members[1:]]
        clusters.append(RepostCluster(
            id=len(clusters) + 1,
            post_ids=tuple(posts[m].id for m in members),
            authors=tuple(dict.fromkeys(posts[m].author for m in members)),
            similarity=round(min(f.jaccard for f in found), 4),
            text_preview=preview(posts[members[0]].text, 160),
            containment=round(min(f.containment for f in found), 4),
        ))
    return tuple(clusters)
