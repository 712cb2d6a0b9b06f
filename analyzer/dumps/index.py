"""A signed dump in memory: signatures and a few numbers per post, text on disk.

Posts are signed in batches as they are read (:func:`sign_batch`). What is
kept per post is its signature (``uint32``, ``num_perm`` values), its shingle
count, its thread and speaker (as numbers into tables of distinct names),
its time, and where its text lies in a spool file on disk: about
``4 * num_perm + 40`` bytes. Text is read back only for candidate pairs.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

import numpy as np
from numpy.typing import NDArray

from analyzer.dumps.read import DumpPost
from analyzer.minhash import shingle_hashes, sign_hashes, word_hashes
from analyzer.settings import Settings

#: Rows per stored block of signatures.
BLOCK = 65536


@dataclass(frozen=True)
class SignedBatch:
    """One batch of posts, signed (the output of :func:`sign_batch`).

    Attributes:
        signatures: ``(n, num_perm)`` for the posts with ``min_words`` words.
        counts: Their shingle counts.
        kept: Which posts of the batch these are (indices into the batch).
    """

    signatures: NDArray[np.uint32]
    counts: NDArray[np.int64]
    kept: NDArray[np.int64]


def sign_batch(texts: Sequence[str], settings: Settings) -> SignedBatch:
    """Sign the posts of a batch that have at least ``settings.min_words`` words.

    A pure function of its arguments, so it can run in a worker process or a
    Dask partition.
    """
    hashes, lengths = word_hashes(texts)
    shingles, counts = shingle_hashes(hashes, lengths, settings.shingle_size)
    keep = lengths >= settings.min_words
    kept = np.flatnonzero(keep)
    shingles = shingles[np.repeat(keep, counts)]
    counts = counts[keep]
    return SignedBatch(sign_hashes(shingles, counts, settings.num_perm, settings.seed),
                       counts, kept)


class TextSource(Protocol):
    """Where the texts and post ids of signed posts are read back from."""

    def texts(self, rows: Sequence[int]) -> list[str]:
        """The texts of these rows."""
        ...

    def post_ids(self, rows: Sequence[int]) -> list[str]:
        """The post ids of these rows."""
        ...


class Spool:
    """Post ids and texts in a temporary file: id length (4 bytes), id, text, all UTF-8."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._offsets = array("q", [0])
        self._buffer: list[bytes] = []

    def add(self, post_id: str, text: str) -> None:
        """Append one post."""
        pid = post_id.encode("utf-8")
        record = len(pid).to_bytes(4, "little") + pid + text.encode("utf-8")
        self._buffer.append(record)
        self._offsets.append(self._offsets[-1] + len(record))

    def add_many(self, post_ids: Sequence[str], texts: Sequence[str]) -> None:
        """Append several posts and write them."""
        offset = self._offsets[-1]
        records = []
        for post_id, text in zip(post_ids, texts, strict=True):
            pid = post_id.encode("utf-8")
            record = len(pid).to_bytes(4, "little") + pid + text.encode("utf-8")
            records.append(record)
            offset += len(record)
            self._offsets.append(offset)
        self._buffer.extend(records)
        self.flush()

    def _read(self, row: int) -> tuple[str, str]:
        if self._buffer:
            self._file.write(b"".join(self._buffer))
            self._buffer = []
            self._file.flush()
        self._file.seek(self._offsets[row])
        record = self._file.read(self._offsets[row + 1] - self._offsets[row])
        size = int.from_bytes(record[:4], "little")
        return record[4:4 + size].decode("utf-8"), record[4 + size:].decode("utf-8")

    def texts(self, rows: Sequence[int]) -> list[str]:
        """The texts of these rows."""
        return [self._read(row)[1] for row in rows]

    def post_ids(self, rows: Sequence[int]) -> list[str]:
        """The post ids of these rows."""
        return [self._read(row)[0] for row in rows]

    def flush(self) -> None:
        """Write what is buffered."""
        if self._buffer:
            self._file.write(b"".join(self._buffer))
            self._buffer = []

    def close(self) -> None:
        """Delete the spool file."""
        self._file.close()


class Names:
    """A table of distinct names (threads, speakers); each post keeps a number."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._numbers: dict[str, int] = {}

    def number(self, name: str | None) -> int:
        """The name's number (-1 for None), adding it if new."""
        if name is None:
            return -1
        found = self._numbers.get(name)
        if found is None:
            found = self._numbers[name] = len(self.names)
            self.names.append(name)
        return found

    def name(self, number: int) -> str | None:
        """The name numbered ``number`` (None for -1)."""
        return self.names[number] if number >= 0 else None


class SignedDump:
    """Signatures and per-post numbers of a dump, filled batch by batch."""

    def __init__(self, num_perm: int, texts: TextSource | None = None) -> None:
        self.num_perm = num_perm
        self.source: TextSource = texts if texts is not None else Spool()
        self.threads = Names()
        self.authors = Names()
        self.posts_read = 0
        self._blocks: list[NDArray[np.uint32]] = []
        self._pending: list[NDArray[np.uint32]] = []
        self._pending_rows = 0
        self._counts = array("q")
        self._thread = array("i")
        self._author = array("i")
        self._time = array("d")

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, posts: Sequence[DumpPost], signed: SignedBatch) -> None:
        """Keep the signed posts of a batch (``signed`` from :func:`sign_batch`)."""
        self.posts_read += len(posts)
        kept = [posts[k] for k in signed.kept.tolist()]
        thread_number, author_number = self.threads.number, self.authors.number
        self._thread.extend([thread_number(p.thread) for p in kept])
        self._author.extend([author_number(p.author) for p in kept])
        self._time.extend([np.nan if p.timestamp is None else p.timestamp for p in kept])
        if isinstance(self.source, Spool):
            self.source.add_many([p.post_id for p in kept], [p.text for p in kept])
        for post in posts:  # threads with no long post still count as read
            thread_number(post.thread)
        self._counts.extend(signed.counts.tolist())
        self.add_signatures(signed.signatures)

    def add_signatures(self, signatures: NDArray[np.uint32]) -> None:
        """Append signature rows (the per-post numbers are added by the caller)."""
        self._pending.append(signatures)
        self._pending_rows += signatures.shape[0]
        if self._pending_rows >= BLOCK:
            self._flush()

    def add_meta(self, count: int, thread: str, author: str | None,
                 timestamp: float | None) -> None:
        """Append one post's numbers (for callers that add signatures themselves)."""
        self._counts.append(count)
        self._thread.append(self.threads.number(thread))
        self._author.append(self.authors.number(author))
        self._time.append(np.nan if timestamp is None else timestamp)

    def _flush(self) -> None:
        if self._pending:
            self._blocks.append(np.concatenate(self._pending))
            self._pending = []
            self._pending_rows = 0

    def frozen(self) -> FrozenDump:
        """The dump's arrays, ready for the search."""
        self._flush()
        return FrozenDump(
            blocks=tuple(self._blocks),
            counts=np.frombuffer(self._counts, dtype=np.int64).copy(),
            thread=np.frombuffer(self._thread, dtype=np.int32).copy(),
            author=np.frombuffer(self._author, dtype=np.int32).copy(),
            time=np.frombuffer(self._time, dtype=np.float64).copy(),
            thread_names=tuple(self.threads.names),
            author_names=tuple(self.authors.names),
            source=self.source, num_perm=self.num_perm, posts_read=self.posts_read)


@dataclass(frozen=True)
class FrozenDump:
    """A signed dump's arrays (see :class:`SignedDump`)."""

    blocks: tuple[NDArray[np.uint32], ...]
    counts: NDArray[np.int64]
    thread: NDArray[np.int32]
    author: NDArray[np.int32]
    time: NDArray[np.float64]
    thread_names: tuple[str, ...]
    author_names: tuple[str, ...]
    source: TextSource
    num_perm: int
    posts_read: int

    def __len__(self) -> int:
        return int(self.counts.size)

    def columns(self, low: int, high: int) -> NDArray[np.uint32]:
        """Signature columns ``low:high`` of every post (one band's rows)."""
        if not self.blocks:
            return np.zeros((0, high - low), dtype=np.uint32)
        return np.concatenate([block[:, low:high] for block in self.blocks])

    def take(self, rows: NDArray[np.int64]) -> NDArray[np.uint32]:
        """The signatures of ``rows``."""
        out = np.empty((rows.size, self.num_perm), dtype=np.uint32)
        starts = np.cumsum([0] + [b.shape[0] for b in self.blocks])
        which = np.searchsorted(starts, rows, side="right") - 1
        for block in np.unique(which).tolist():
            mask = which == block
            out[mask] = self.blocks[block][rows[mask] - starts[block]]
        return out


def batches(items: Iterable[object], size: int) -> Iterator[list[object]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    batch: list[object] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Mapper = Callable[[Callable[[Sequence[str]], SignedBatch], Iterable[Sequence[str]]],
                  Iterable[SignedBatch]]


__all__ = ["BLOCK", "FrozenDump", "Mapper", "Names", "SignedBatch", "SignedDump", "Spool",
           "TextSource", "batches", "sign_batch"]
