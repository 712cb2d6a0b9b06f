"""LSH banding over MinHash signatures: error rates, band keys and candidate pairs.

A signature of ``b * r`` values is cut into ``b`` bands of ``r`` rows; two
posts are candidates when all rows of some band agree, which for posts of
Jaccard similarity ``s`` happens with probability ``1 - (1 - s**r)**b`` (the
S-curve). Candidates are found by sorting each band's keys with numpy and
pairing the posts of equal runs, so no Python object is kept per post.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

#: Points of the Simpson rule for the error-rate integrals (odd).
_GRID = 2001
#: Runs of equal band keys up to this size give every pair; longer runs (a
#: text pasted hundreds of times) give a chain and a star, which join the
#: same cluster with far fewer pairs.
MAX_RUN_PAIRS = 32

Pairs = tuple[NDArray[np.int64], NDArray[np.int64]]


def _simpson(values: NDArray[np.float64], low: float, high: float) -> NDArray[np.float64]:
    """Composite Simpson integral over the last axis of samples on an even grid."""
    step = (high - low) / (values.shape[-1] - 1)
    weights = np.ones(values.shape[-1])
    weights[1:-1:2] = 4
    weights[2:-1:2] = 2
    return np.asarray(values @ weights * step / 3)


def error_rates(threshold: float, bands: NDArray[np.int64] | int,
                rows: NDArray[np.int64] | int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Expected false-positive and false-negative rates of banding(s) at ``threshold``.

    The false-positive rate is the area under the S-curve from 0 to the
    threshold; the false-negative rate the area above it from the threshold
    to 1 (the definitions datasketch's ``MinHashLSH`` optimises).

    Returns:
        ``(false_positive, false_negative)``, arrays shaped like ``bands``.
    """
    b = np.asarray(bands, dtype=np.float64)[..., None]
    r = np.asarray(rows, dtype=np.float64)[..., None]
    below = np.linspace(0.0, threshold, _GRID)
    above = np.linspace(threshold, 1.0, _GRID)
    fp = _simpson(1.0 - (1.0 - below ** r) ** b, 0.0, threshold)
    fn = _simpson((1.0 - above ** r) ** b, threshold, 1.0)
    return fp, fn


@lru_cache(maxsize=32)
def optimal_banding(threshold: float, num_perm: int, false_positive_weight: float = 0.5,
                    false_negative_weight: float = 0.5) -> tuple[int, int, float, float]:
    """The banding ``(b, r)`` with ``b * r <= num_perm`` that minimises the weighted errors.

    Returns:
        ``(bands, rows, false_positive, false_negative)``.
    """
    pairs = np.array([(b, r) for b in range(1, num_perm + 1)
                      for r in range(1, num_perm // b + 1)], dtype=np.int64)
    fp, fn = error_rates(threshold, pairs[:, 0], pairs[:, 1])
    best = int(np.argmin(fp * false_positive_weight + fn * false_negative_weight))
    return int(pairs[best, 0]), int(pairs[best, 1]), float(fp[best]), float(fn[best])


@lru_cache(maxsize=32)
def recall_banding(threshold: float, num_perm: int, recall: float = 0.99) -> tuple[int, int]:
    """The banding with the most rows whose S-curve is at least ``recall`` at ``threshold``.

    More rows make fewer chance candidates; the recall bound keeps pairs at
    the threshold all but certain to be found.
    """
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold ** rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


def band_key(columns: NDArray[np.uint32], band: int) -> NDArray[np.uint64]:
    """The 64-bit key of band number ``band`` for each post, from that band's columns.

    Keys of different bands never meet (the band number is hashed in), so
    keys of all bands can be sorted together, as the Dask shuffle does.
    """
    h = np.full(columns.shape[0], np.uint64(((band + 1) * 0x9E3779B97F4A7C15) & (2**64 - 1)),
                dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in columns.T:
            h = (h ^ column.astype(np.uint64)) * np.uint64(0x100000001B3)
            h ^= h >> np.uint64(29)
    return h


def band_keys(signatures: NDArray[np.uint32], bands: int, rows: int) -> NDArray[np.uint64]:
    """Every band's key for each post: ``(bands, len(signatures))``."""
    return np.stack([band_key(signatures[:, band * rows:(band + 1) * rows], band)
                     for band in range(bands)]) if bands else np.zeros((0, len(signatures)),
                                                                        dtype=np.uint64)


def pairs_from_keys(keys: NDArray[np.uint64], ids: NDArray[np.int64]) -> Pairs:
    """Pairs of ``ids`` whose keys are equal, each pair once, the smaller id first.

    Args:
        keys: One key per entry (any number of bands together).
        ids: The post each entry belongs to.
    """
    order = np.argsort(keys)
    sorted_keys = keys[order]
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return _empty()
    member = np.zeros(keys.size, dtype=bool)
    member[1:] |= same
    member[:-1] |= same
    run_keys = sorted_keys[member]
    # Within a run, entries in id order, so the pairs do not depend on input order.
    again = np.lexsort((ids[order[member]], run_keys))
    entries = ids[order[member]][again]
    run_keys = run_keys[again]
    run = np.cumsum(np.r_[True, run_keys[1:] != run_keys[:-1]])
    left: list[NDArray[np.int64]] = []
    right: list[NDArray[np.int64]] = []
    for gap in range(1, MAX_RUN_PAIRS):
        if gap >= entries.size:
            break
        together = run[gap:] == run[:-gap]
        if not together.any():
            break
        left.append(entries[:-gap][together])
        right.append(entries[gap:][together])
    sizes = np.bincount(run)
    long_runs = np.flatnonzero(sizes > MAX_RUN_PAIRS)
    if long_runs.size:  # a star from each long run's first post
        in_long = np.isin(run, long_runs)
        heads = entries[np.searchsorted(run, run[in_long])]
        left.append(heads)
        right.append(entries[in_long])
    i = np.concatenate(left)
    j = np.concatenate(right)
    return unique_pairs(np.minimum(i, j), np.maximum(i, j))


def unique_pairs(i: NDArray[np.int64], j: NDArray[np.int64]) -> Pairs:
    """Pairs with ``i < j``, each once, sorted."""
    keep = i < j
    codes = np.unique(np.stack((i[keep], j[keep]), axis=1), axis=0)
    return codes[:, 0].astype(np.int64), codes[:, 1].astype(np.int64)


def _empty() -> Pairs:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)


def candidate_pairs(signatures: NDArray[np.uint32], bands: int, rows: int,
                    ids: NDArray[np.int64] | None = None) -> Pairs:
    """Pairs of posts that share a band, the smaller index first, each once.

    Args:
        signatures: ``(n, num_perm)`` signatures.
        bands: Bands ``b``.
        rows: Rows per band ``r`` (``b * r <= num_perm``).
        ids: Each row's post number (default ``0..n-1``).
    """
    n = signatures.shape[0]
    if ids is None:
        ids = np.arange(n, dtype=np.int64)
    keys = band_keys(signatures, bands, rows)
    found = [pairs_from_keys(band, ids) for band in keys]
    return unique_pairs(np.concatenate([f[0] for f in found] + [_empty()[0]]),
                        np.concatenate([f[1] for f in found] + [_empty()[1]]))


__all__ = ["MAX_RUN_PAIRS", "band_key", "band_keys", "candidate_pairs", "error_rates",
           "optimal_banding", "pairs_from_keys", "recall_banding", "unique_pairs"]
