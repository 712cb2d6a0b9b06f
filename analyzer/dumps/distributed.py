"""The repost search on a Dask cluster (the optional ``[dask]`` extra).

Each folder of the dump (or each file given alone) is one Dask bag
partition. The partitions are read and signed on the workers, which keep
the texts; the client gathers only signatures and a few numbers per post.
Candidate pairs are found by a shuffle on band keys: every partition sends
each (band key, row) to the bucket its key hashes to, and each bucket pairs
the rows of equal keys. The pairs are then confirmed from texts fetched from
the workers (which also make their shingle sets), with the same code as the
local search, so a cluster run gives exactly the local run's clusters.

``--cluster local`` starts a ``distributed.LocalCluster`` inside this
process (worker threads, the in-process transport, no dashboard), so
nothing listens on the network.
"""

from __future__ import annotations

import importlib
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from analyzer.dumps.banding import band_key, pairs_from_keys, unique_pairs
from analyzer.dumps.index import FrozenDump, SignedDump, sign_batch
from analyzer.dumps.model import RepostSearch
from analyzer.dumps.read import DumpPost, dump_files, read_dump
from analyzer.errors import ConfigError, FileFailedWarning
from analyzer.minhash import shingle_sets
from analyzer.reading.limits import DEFAULT_MAX_SIZE
from analyzer.reposts import candidate_banding
from analyzer.settings import Settings

INSTALL = "--cluster needs Dask; install it with: pip install 'forum-thread-analyzer[dask]'"
#: Buckets of the band-key shuffle.
BUCKETS = 16


@dataclass(frozen=True)
class Part:
    """One partition, read and signed (what the client gathers; no text)."""

    posts: int
    threads: tuple[str, ...]
    kept: tuple[tuple[str, str, str | None, float | None], ...]
    signatures: NDArray[np.uint32]
    counts: NDArray[np.int64]
    skipped: Counter[str]
    failures: tuple[tuple[str, Any, int], ...]


def _read_part(files: Sequence[Path], engine: str | None, max_size: int | None
               ) -> tuple[list[DumpPost], Counter[str], list[tuple[str, Any, int]]]:
    posts: list[DumpPost] = []
    skipped: Counter[str] = Counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for item in read_dump(files, engine, None, max_size):
            if isinstance(item, DumpPost):
                posts.append(item)
            else:
                skipped[item.reason] += 1
    failures = [(w.message.path, w.message.error, w.message.total) for w in caught
                if isinstance(w.message, FileFailedWarning)]
    return posts, skipped, failures


def _sign_part(read: tuple[list[DumpPost], Counter[str], list[tuple[str, Any, int]]],
               settings: Settings) -> tuple[Part, list[str]]:
    """Sign a partition's posts: what the client gathers, and the kept texts, which stay."""
    posts, skipped, failures = read
    signed = sign_batch([p.text for p in posts], settings)
    kept_posts = [posts[k] for k in signed.kept.tolist()]
    kept = tuple((p.thread, p.post_id, p.author, p.timestamp) for p in kept_posts)
    part = Part(len(posts), tuple(dict.fromkeys(p.thread for p in posts)), kept,
                signed.signatures, signed.counts, skipped, tuple(failures))
    return part, [p.text for p in kept_posts]


def _texts_of(partition: list[tuple[Part, list[str]]], wanted: Sequence[int]) -> list[str]:
    """Texts of the partition's signed posts numbered ``wanted`` (local numbers)."""
    texts = partition[0][1]
    return [texts[k] for k in wanted]


def _sets_of(partition: list[tuple[Part, list[str]]], wanted: Sequence[int],
             size: int) -> list[NDArray[np.uint32]]:
    """Shingle sets of the partition's signed posts numbered ``wanted``, made on the worker."""
    return shingle_sets(_texts_of(partition, wanted), size)


def _bucket_keys(part: Part, offset: int, bands: int, rows: int
                 ) -> list[tuple[int, NDArray[np.uint64], NDArray[np.int64]]]:
    ids = np.arange(offset, offset + len(part.kept), dtype=np.int64)
    out = []
    for band in range(bands):
        keys = band_key(part.signatures[:, band * rows:(band + 1) * rows], band)
        bucket = (keys % np.uint64(BUCKETS)).astype(np.int64)
        for b in range(BUCKETS):
            mine = bucket == b
            if mine.any():
                out.append((b, keys[mine], ids[mine]))
    return out


def _partition_keys(partition: list[tuple[Part, list[str]]], offset: int, bands: int,
                    rows: int) -> list[list[tuple[int, NDArray[np.uint64], NDArray[np.int64]]]]:
    """A signed partition's band keys, by bucket (one bag item a partition)."""
    return [_bucket_keys(partition[0][0], offset, bands, rows)]


def _bucket_pairs(group: tuple[int, list[tuple[int, Any, Any]]]) -> tuple[Any, Any]:
    _, entries = group
    keys = np.concatenate([e[1] for e in entries])
    ids = np.concatenate([e[2] for e in entries])
    return pairs_from_keys(keys, ids)


class _RemoteTexts:
    """Texts fetched from the workers' partitions; post ids kept on the client."""

    def __init__(self, signed: Any, offsets: NDArray[np.int64], post_ids: list[str]) -> None:
        self.signed = signed
        self.offsets = offsets
        self.ids = post_ids

    def post_ids(self, rows: Sequence[int]) -> list[str]:
        """The post ids of these rows."""
        return [self.ids[r] for r in rows]

    def _fetch(self, rows: Sequence[int], task: Any, *extra: Any) -> list[Any]:
        """Run ``task`` on each partition holding some of ``rows``, in one computation."""
        import dask

        parts = np.searchsorted(self.offsets, np.asarray(rows, dtype=np.int64),
                                side="right") - 1
        wanted: dict[int, list[int]] = {}
        for row, part in zip(rows, parts.tolist(), strict=True):
            wanted.setdefault(part, []).append(int(row - self.offsets[part]))
        delayed = self.signed.to_delayed()
        tasks = {part: dask.delayed(task)(delayed[part], local, *extra)
                 for part, local in wanted.items()}
        found = dict(zip(tasks, dask.compute(*tasks.values()), strict=True))
        cursor = {part: iter(values) for part, values in found.items()}
        return [next(cursor[part]) for part in parts.tolist()]

    def texts(self, rows: Sequence[int]) -> list[str]:
        """The texts of these rows, fetched from the workers."""
        return self._fetch(rows, _texts_of)

    def shingle_sets(self, rows: Sequence[int], size: int) -> list[NDArray[np.uint32]]:
        """The shingle sets of these rows, made on the workers that hold the texts."""
        return self._fetch(rows, _sets_of, size)


def _client(cluster: str) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(INSTALL) from None
    if cluster == "local":
        # Threads in this process, talking over the in-process transport: no
        # port is opened at all, on loopback or elsewhere.
        local = LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                             dashboard_address=None)
        return Client(local)
    try:
        return Client(cluster, timeout=30)
    except (OSError, ValueError, TimeoutError) as exc:
        raise ConfigError(f"--cluster {cluster}: cannot reach the Dask scheduler: {exc}") from None


def _groups(files: list[Path]) -> Iterator[list[Path]]:
    for _, group in groupby(files, key=lambda p: p.parent):
        yield list(group)


def search_on_cluster(paths: Sequence[str | Path], settings: Settings, cluster: str,
                      engine: str | None = None,
                      max_size: int | None = DEFAULT_MAX_SIZE) -> RepostSearch:
    """The repost search with Dask (see the module notes).

    Args:
        paths: Files and folders of the dump (readable by the workers).
        settings: As for :func:`analyzer.dumps.search.search_dump`.
        cluster: A scheduler address, or ``local``.
        engine: Force this parser engine.
        max_size: Refuse files larger than this.

    Raises:
        ConfigError: If Dask is not installed or the scheduler cannot be reached.
    """
    try:  # distributed first: without it, importing dask.bag can fail in other ways
        importlib.import_module("distributed")
        db: Any = importlib.import_module("dask.bag")
    except ImportError:
        raise ConfigError(INSTALL) from None
    from analyzer.dumps.search import find_copies

    groups = list(_groups(dump_files(paths)))
    client = _client(cluster)
    try:
        parsed = db.from_sequence(groups, npartitions=len(groups)).map_partitions(
            lambda part: [_read_part(files, engine, max_size) for files in part])
        parsed = parsed.map_partitions(lambda part: [_merge(part)])
        signed = parsed.map(_sign_part, settings).persist()  # the texts stay on the workers
        parts: list[Part] = signed.map(lambda found: found[0]).compute()
        offsets = np.cumsum([0] + [len(p.kept) for p in parts]).astype(np.int64)
        bands, rows = candidate_banding(settings)
        import dask

        keyed = db.from_delayed([  # keys made where the signatures are
            dask.delayed(_partition_keys)(part, offset, bands, rows)
            for part, offset in zip(signed.to_delayed(), offsets[:-1].tolist(), strict=True)])
        buckets = keyed.flatten()
        shuffled = buckets.groupby(lambda entry: entry[0], npartitions=BUCKETS)
        found = shuffled.map(_bucket_pairs).compute()
        lefts = [np.zeros(0, dtype=np.int64)] + [f[0] for f in found]
        rights = [np.zeros(0, dtype=np.int64)] + [f[1] for f in found]
        candidates = unique_pairs(np.concatenate(lefts), np.concatenate(rights))
        dump, skipped = _assemble(parts, settings, signed, offsets)
        return find_copies(dump, settings, skipped, candidates=candidates)
    finally:
        client.close()
        if cluster == "local":
            local = getattr(client, "cluster", None)
            if local is not None:
                local.close()


def _merge(reads: list[tuple[list[DumpPost], Counter[str], list[Any]]]
           ) -> tuple[list[DumpPost], Counter[str], list[Any]]:
    posts: list[DumpPost] = []
    skipped: Counter[str] = Counter()
    failures: list[Any] = []
    for p, s, f in reads:
        posts += p
        skipped += s
        failures += f
    return posts, skipped, failures


def _assemble(parts: list[Part], settings: Settings, signed: Any,
              offsets: NDArray[np.int64]) -> tuple[FrozenDump, Counter[str]]:
    post_ids: list[str] = []
    source = _RemoteTexts(signed, offsets, post_ids)
    dump = SignedDump(settings.num_perm, texts=source)
    skipped: Counter[str] = Counter()
    for part in parts:
        dump.posts_read += part.posts
        for (thread, post_id, author, when), count in zip(part.kept, part.counts.tolist(),
                                                          strict=True):
            dump.add_meta(count, thread, author, when)
            post_ids.append(post_id)
        for thread in part.threads:
            dump.threads.number(thread)
        dump.add_signatures(part.signatures)
        skipped += part.skipped
        for path, error, files in part.failures:
            warnings.warn(FileFailedWarning(path, error, files), stacklevel=3)
    return dump.frozen(), skipped


__all__ = ["INSTALL", "search_on_cluster"]
