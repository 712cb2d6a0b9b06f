"""Confirming candidate pairs and joining them into clusters.

Two posts are copies when their shingle sets have a Jaccard similarity of
at least ``min_similarity``, or when at least ``containment`` of the shorter
post's shingles are found in the longer (a comment pasted inside a longer
post, or with a few words added). Both figures are exact, computed from the
shingle hashes of :mod:`analyzer.minhash`; signatures only choose which pairs
are worth computing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from analyzer.dumps.banding import MAX_RUN_PAIRS, Pairs, unique_pairs

ShingleSet = NDArray[np.uint32]


@dataclass(frozen=True)
class Overlap:
    """How much two shingle sets share.

    Attributes:
        jaccard: Shared shingles over all shingles of the two.
        containment: Shared shingles over the shingles of the smaller set.
    """

    jaccard: float
    containment: float


def overlap(a: ShingleSet, b: ShingleSet) -> Overlap:
    """Exact Jaccard and containment of two sorted, distinct shingle-hash arrays."""
    if not a.size or not b.size:
        return Overlap(0.0, 0.0)
    shared = np.intersect1d(a, b, assume_unique=True).size
    return Overlap(shared / (a.size + b.size - shared), shared / min(a.size, b.size))


def is_copy(found: Overlap, min_similarity: float, containment: float) -> bool:
    """Whether an overlap makes two posts copies (see the module notes)."""
    return found.jaccard >= min_similarity or found.containment >= containment


def estimated_overlap(signatures: NDArray[np.uint32], counts: NDArray[np.int64],
                      i: NDArray[np.int64], j: NDArray[np.int64]
                      ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """MinHash estimates of Jaccard and containment for pairs ``(i, j)``.

    Containment is derived from the Jaccard estimate and the shingle counts:
    ``J * (|A| + |B|) / ((1 + J) * min(|A|, |B|))``.
    """
    jac = np.empty(i.size, dtype=np.float64)
    for start in range(0, i.size, 65536):
        a = signatures[i[start:start + 65536]]
        b = signatures[j[start:start + 65536]]
        jac[start:start + 65536] = (a == b).mean(axis=1)
    ni = counts[i].astype(np.float64)
    nj = counts[j].astype(np.float64)
    smaller = np.maximum(np.minimum(ni, nj), 1.0)
    cont = np.minimum(1.0, jac * (ni + nj) / ((1.0 + jac) * smaller))
    return jac, cont


def shared_shingle_pairs(sets: Sequence[ShingleSet], containment: float,
                         max_run: int = MAX_RUN_PAIRS) -> Pairs:
    """Pairs that share enough uncommon shingles to be worth an exact look.

    This finds a short post copied inside a long one, which MinHash alone
    cannot (their Jaccard is small). Shingles found in more than
    ``max_run`` posts are too common to point at a copy and are not counted;
    a pair qualifies when its shared uncommon shingles reach half of
    ``containment`` times the smaller post's shingle count.
    """
    sizes = np.fromiter((s.size for s in sets), dtype=np.int64, count=len(sets))
    if sizes.sum() == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    hashes = np.concatenate(list(sets))
    owner = np.repeat(np.arange(len(sets), dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")
    hashes, owner = hashes[order], owner[order]
    run = np.cumsum(np.r_[True, hashes[1:] != hashes[:-1]])
    run_size = np.bincount(run)[run]
    keep = (run_size > 1) & (run_size <= max_run)
    run, owner = run[keep], owner[keep]
    left: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    right: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    for gap in range(1, max_run):
        if gap >= run.size:
            break
        together = run[gap:] == run[:-gap]
        if not together.any():
            break
        left.append(owner[:-gap][together])
        right.append(owner[gap:][together])
    i = np.concatenate(left)
    j = np.concatenate(right)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    codes, shared = np.unique(lo * len(sets) + hi, return_counts=True)
    lo, hi = codes // len(sets), codes % len(sets)
    enough = shared >= 0.5 * containment * np.minimum(sizes[lo], sizes[hi])
    return unique_pairs(lo[enough], hi[enough])


def clusters_of(i: NDArray[np.int64], j: NDArray[np.int64]) -> list[list[int]]:
    """Connected groups (two or more members) of the items joined by pairs ``(i, j)``.

    Returns:
        Groups, each sorted, in order of their first member.
    """
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in sorted(parent):
        groups.setdefault(root(x), []).append(x)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


__all__ = ["Overlap", "ShingleSet", "clusters_of", "estimated_overlap", "is_copy", "overlap",
           "shared_shingle_pairs"]
