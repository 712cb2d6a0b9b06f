"""Reposts across a dump: read and sign in batches, find candidates, confirm exactly.

1. Posts are read and signed batch by batch (:func:`scan`); only signatures
   and a few numbers per post stay in memory, the text goes to a spool file.
2. Candidate pairs come from LSH banding of the signatures, one band at a
   time, by sorting the band's keys with numpy (:mod:`analyzer.dumps.banding`);
   the banding finds pairs of Jaccard similarity 0.5 (or the threshold, if
   lower) with probability 0.99.
3. Pairs whose MinHash estimates are far from both thresholds are dropped;
   the rest are confirmed exactly from their texts (Jaccard or containment,
   see :mod:`analyzer.dumps.overlap`) and joined into clusters.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from analyzer.dumps.banding import Pairs, band_key, pairs_from_keys, unique_pairs
from analyzer.dumps.index import FrozenDump, Mapper, SignedBatch, SignedDump, sign_batch
from analyzer.dumps.model import DumpCluster, PostRef, RepostSearch, SearchFacts
from analyzer.dumps.overlap import (
    clusters_of,
    estimated_overlap,
    is_copy,
    overlap,
)
from analyzer.dumps.read import DumpPost, Item, read_dump
from analyzer.minhash import shingle_sets
from analyzer.parsers.base import Parser
from analyzer.reading.limits import DEFAULT_MAX_SIZE
from analyzer.reposts import candidate_banding
from analyzer.settings import Settings
from analyzer.text import preview

#: Posts signed together.
BATCH = 2048
#: Pairs whose estimates fall this far below both thresholds are not read.
ESTIMATE_MARGIN = 0.2


def scan(items: Iterable[Item], settings: Settings, batch: int = BATCH,
         mapper: Mapper | None = None) -> tuple[FrozenDump, Counter[str]]:
    """Sign a dump's posts batch by batch.

    Args:
        items: Posts and skipped items (as :func:`analyzer.dumps.read.read_dump` gives).
        settings: ``num_perm``, ``seed``, ``shingle_size`` and ``min_words``.
        batch: Posts per batch.
        mapper: A ``map``-like callable ``mapper(function, iterable)`` that
            yields results in order, to sign batches in worker processes;
            it should read ahead only a few batches. Default: ``map``.

    Returns:
        The signed dump and the count of skipped items by reason.
    """
    dump = SignedDump(settings.num_perm)
    skipped: Counter[str] = Counter()
    waiting: deque[list[DumpPost]] = deque()

    def texts() -> Iterator[list[str]]:
        posts: list[DumpPost] = []
        for item in items:
            if isinstance(item, DumpPost):
                posts.append(item)
                if len(posts) >= batch:
                    waiting.append(posts)
                    yield [p.text for p in posts]
                    posts = []
            else:
                skipped[item.reason] += 1
        if posts:
            waiting.append(posts)
            yield [p.text for p in posts]

    sign = partial(sign_batch, settings=settings)
    signed_batches: Iterable[SignedBatch] = (mapper or map)(sign, texts())
    for signed in signed_batches:
        dump.add(waiting.popleft(), signed)
    return dump.frozen(), skipped


def band_candidates(dump: FrozenDump, bands: int, rows: int) -> Pairs:
    """Pairs of rows that share a band, one band sorted at a time."""
    ids = np.arange(len(dump), dtype=np.int64)
    lefts: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    rights: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    for band in range(bands):
        columns = dump.columns(band * rows, (band + 1) * rows)
        keys = band_key(columns, band)
        i, j = pairs_from_keys(keys, ids)
        lefts.append(i)
        rights.append(j)
    return unique_pairs(np.concatenate(lefts), np.concatenate(rights))


def likely_pairs(dump: FrozenDump, pairs: Pairs, settings: Settings) -> Pairs:
    """Candidate pairs whose MinHash estimates come near either threshold."""
    i, j = pairs
    keep = np.zeros(i.size, dtype=bool)
    step = 65536
    for start in range(0, i.size, step):
        a, b = i[start:start + step], j[start:start + step]
        rows = np.concatenate((a, b))
        signatures = dump.take(rows)
        local = np.arange(a.size, dtype=np.int64)
        jac, cont = estimated_overlap(signatures, dump.counts[rows], local, local + a.size)
        keep[start:start + step] = ((jac >= settings.threshold - ESTIMATE_MARGIN)
                                    | (cont >= settings.containment - ESTIMATE_MARGIN))
    return i[keep], j[keep]


def confirm(dump: FrozenDump, pairs: Pairs, settings: Settings
            ) -> tuple[list[list[int]], dict[int, NDArray[np.uint32]]]:
    """Confirm pairs from their texts; return the clusters and the shingle sets read."""
    i, j = pairs
    rows = np.unique(np.concatenate((i, j))).tolist()
    remote = getattr(dump.source, "shingle_sets", None)  # made where the texts are
    found_sets = (remote(rows, settings.shingle_size) if remote is not None
                  else shingle_sets(dump.source.texts(rows), settings.shingle_size))
    sets = dict(zip(rows, found_sets, strict=True))
    copies = [(a, b) for a, b in zip(i.tolist(), j.tolist(), strict=True)
              if is_copy(overlap(sets[a], sets[b]), settings.threshold, settings.containment)]
    found = clusters_of(np.array([a for a, _ in copies], dtype=np.int64),
                        np.array([b for _, b in copies], dtype=np.int64))
    return found, sets


def find_copies(dump: FrozenDump, settings: Settings, skipped: Counter[str] | None = None,
                candidates: Pairs | None = None) -> RepostSearch:
    """Clusters of copies in a signed dump.

    Args:
        dump: The signed dump (:func:`scan`).
        settings: ``threshold`` (the lowest Jaccard similarity of copies),
            ``containment``, ``shingle_size`` and ``num_perm``.
        skipped: What the readers skipped, by reason (for the facts).
        candidates: Candidate pairs found elsewhere (the Dask shuffle);
            found here by banding when None.
    """
    bands, rows = candidate_banding(settings)
    if candidates is None:
        candidates = band_candidates(dump, bands, rows)
    likely = likely_pairs(dump, candidates, settings)
    groups, sets = confirm(dump, likely, settings)
    clusters = tuple(_cluster(n + 1, members, dump, sets) for n, members in enumerate(groups))
    facts = SearchFacts(
        posts=dump.posts_read, signed=len(dump), threads=len(dump.thread_names),
        skipped=tuple(sorted((skipped or Counter()).items())),
        candidate_pairs=int(candidates[0].size),
        confirmed_pairs=sum(len(g) - 1 for g in groups),
        min_similarity=settings.threshold, containment=settings.containment,
        num_perm=settings.num_perm, shingle_size=settings.shingle_size,
        min_words=settings.min_words, bands=bands, rows=rows)
    return RepostSearch(clusters=clusters, facts=facts)


def _cluster(number: int, members: Sequence[int], dump: FrozenDump,
             sets: dict[int, NDArray[np.uint32]]) -> DumpCluster:
    ids = dump.source.post_ids(members)
    posts = tuple(
        PostRef(thread=dump.thread_names[int(dump.thread[m])], post_id=post_id,
                author=_name(dump.author_names, int(dump.author[m])),
                timestamp=None if np.isnan(dump.time[m]) else float(dump.time[m]))
        for m, post_id in zip(members, ids, strict=True))
    first = sets[members[0]]
    found = [overlap(first, sets[m]) for m in members[1:]]
    return DumpCluster(
        id=number, posts=posts, authors=tuple(dict.fromkeys(p.author for p in posts)),
        similarity=round(min(f.jaccard for f in found), 4),
        containment=round(min(f.containment for f in found), 4),
        text_preview=preview(dump.source.texts([members[0]])[0], 160))


def _name(names: tuple[str, ...], number: int) -> str | None:
    return names[number] if number >= 0 else None


def search_dump(paths: Sequence[str | Path], settings: Settings, engine: str | None = None,
                parser: Parser | None = None, max_size: int | None = DEFAULT_MAX_SIZE,
                mapper: Mapper | None = None) -> RepostSearch:
    """Read a dump and find the copies in it (see the module notes).

    Args:
        paths: Files and folders of the dump.
        settings: The repost settings (``threshold`` is the lowest Jaccard
            similarity of copies).
        engine: Force this parser engine for files that are not JSON Lines dumps.
        parser: A ready-made parser.
        max_size: Refuse files larger than this (streamed JSON Lines excepted).
        mapper: Sign batches with this ``map``-like callable (see :func:`scan`).
    """
    dump, skipped = scan(read_dump(paths, engine, parser, max_size), settings, mapper=mapper)
    try:
        return find_copies(dump, settings, skipped)
    finally:
        close = getattr(dump.source, "close", None)
        if close is not None:
            close()


__all__ = ["BATCH", "band_candidates", "confirm", "find_copies", "likely_pairs", "scan",
           "search_dump"]
