"""An embedded corpus of posts in SQLite: "where else was this posted?"

The database holds every post long enough to search (``min_words``) with its
text, its MinHash signature, and one row per LSH band in an indexed band
table. Posts are added incrementally: a post already stored (same thread and
post id) is neither signed nor stored again. :func:`where` answers with
indexed look-ups of the query's band keys, then confirms each candidate from
its text, exactly as the dump search does.

Tables: ``meta(key, value)`` (the settings the corpus was built with, and
``signed``, how many posts were ever signed into it), ``posts(row, thread,
post_id, author, timestamp, text, shingles, signature)`` and ``bands(band,
key, post)`` with an index on ``(band, key)``.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from analyzer.dumps.banding import band_keys
from analyzer.dumps.index import FrozenDump, SignedDump, sign_batch
from analyzer.dumps.overlap import is_copy, overlap
from analyzer.dumps.read import DumpPost, Item
from analyzer.errors import ConfigError, InputError
from analyzer.minhash import shingle_sets
from analyzer.reposts import candidate_banding
from analyzer.settings import Settings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS posts (
    row INTEGER PRIMARY KEY, thread TEXT NOT NULL, post_id TEXT NOT NULL, author TEXT,
    timestamp REAL, text TEXT NOT NULL, shingles INTEGER NOT NULL, signature BLOB NOT NULL,
    UNIQUE (thread, post_id));
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, key INTEGER NOT NULL,
                                  post INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS bands_by_key ON bands (band, key);
"""
_FIXED = ("num_perm", "seed", "shingle_size", "min_words")
BATCH = 2048


@dataclass(frozen=True)
class Added:
    """What one ``corpus add`` did.

    Attributes:
        read: Posts read.
        signed: Posts signed and stored now.
        already: Posts already in the corpus (not signed again).
        short: Posts shorter than ``min_words`` (not stored).
        skipped: Items the readers left out, as (reason, count).
    """

    read: int
    signed: int
    already: int
    short: int
    skipped: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Match:
    """A stored post that is a copy of the query."""

    thread: str
    post_id: str
    author: str | None
    timestamp: float | None
    similarity: float
    containment: float


def _signed(key: NDArray[np.uint64]) -> list[int]:
    return key.view(np.int64).tolist()


class Corpus:
    """A corpus database, opened with the settings it must have been built with."""

    def __init__(self, path: str | Path, settings: Settings, create: bool = True) -> None:
        path = Path(path)
        if not create and not path.exists():
            raise InputError(f"{path}: no such corpus (build one with `corpus add`)")
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode = WAL")  # one write per batch, readers go on
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise InputError(f"{path}: not a corpus database: {exc}") from None
        self.path = path
        self.settings = settings
        self.bands, self.rows = candidate_banding(settings)
        self._check_meta()

    def _check_meta(self) -> None:
        wanted = {name: str(getattr(self.settings, name)) for name in _FIXED}
        wanted |= {"bands": str(self.bands), "rows": str(self.rows)}
        stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        for key, value in wanted.items():
            if key in stored and stored[key] != value:
                raise ConfigError(f"{self.path}: the corpus was built with {key}={stored[key]}, "
                                  f"not {value}; use the settings it was built with")
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)",
                                [*wanted.items(), ("signed", "0")])

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    @property
    def signed(self) -> int:
        """How many posts were ever signed into this corpus."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'signed'").fetchone()
        return int(row[0])

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM posts").fetchone()[0])

    def add(self, items: Iterable[Item]) -> Added:
        """Store the posts of ``items`` not stored yet, signing only those."""
        read = signed = already = short = 0
        skipped: Counter[str] = Counter()
        batch: list[DumpPost] = []

        def flush() -> None:
            nonlocal signed, already, short
            fresh: dict[tuple[str, str], DumpPost] = {}
            for post in batch:
                key = (post.thread, post.post_id)
                if key in fresh or self.db.execute(
                        "SELECT 1 FROM posts WHERE thread = ? AND post_id = ?", key).fetchone():
                    already += 1
                else:
                    fresh[key] = post
            posts = list(fresh.values())
            result = sign_batch([p.text for p in posts], self.settings)
            short += len(posts) - result.kept.size
            self._store([posts[k] for k in result.kept.tolist()], result.signatures,
                        result.counts)
            signed += result.kept.size
            batch.clear()

        for item in items:
            if isinstance(item, DumpPost):
                read += 1
                batch.append(item)
                if len(batch) >= BATCH:
                    flush()
            else:
                skipped[item.reason] += 1
        if batch:
            flush()
        return Added(read, signed, already, short, tuple(sorted(skipped.items())))

    def _store(self, posts: Sequence[DumpPost], signatures: NDArray[np.uint32],
               counts: NDArray[np.int64]) -> None:
        keys = band_keys(signatures, self.bands, self.rows).view(np.int64)
        band_rows: list[tuple[int, int, int]] = []
        with self.db:
            for n, post in enumerate(posts):
                cursor = self.db.execute(
                    "INSERT INTO posts (thread, post_id, author, timestamp, text, shingles, "
                    "signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (post.thread, post.post_id, post.author, post.timestamp, post.text,
                     int(counts[n]), signatures[n].tobytes()))
                row = int(cursor.lastrowid or 0)
                band_rows.extend(zip(range(self.bands), keys[:, n].tolist(),
                                     [row] * self.bands, strict=True))
            self.db.executemany("INSERT INTO bands VALUES (?, ?, ?)", band_rows)
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? "
                            "WHERE key = 'signed'", (len(posts),))

    def where(self, text: str | None = None, post: tuple[str, str] | None = None
              ) -> list[Match]:
        """Stored posts that are copies of ``text`` or of the stored ``post``.

        Args:
            text: A text to look for.
            post: ``(thread, post_id)`` of a stored post, instead of ``text``.

        Returns:
            The copies, most similar first (the post itself left out).

        Raises:
            InputError: If ``post`` is not in the corpus.
        """
        own = None
        if post is not None:
            found = self.db.execute("SELECT row, text FROM posts WHERE thread = ? AND "
                                    "post_id = ?", post).fetchone()
            if found is None:
                raise InputError(f"post {post[1]} of thread {post[0]} is not in the corpus "
                                 f"(posts under {self.settings.min_words} words are not stored)")
            own, text = found
        query = sign_batch([text or ""], self.settings)
        if not query.kept.size:
            raise InputError(f"the text is shorter than {self.settings.min_words} words, "
                             "the shortest the corpus searches")
        keys = _signed(band_keys(query.signatures, self.bands, self.rows)[:, 0])
        rows: set[int] = set()
        for band, key in enumerate(keys):
            rows.update(r for (r,) in self.db.execute(
                "SELECT post FROM bands WHERE band = ? AND key = ?", (band, key)))
        rows.discard(own)
        target = shingle_sets([text or ""], self.settings.shingle_size)[0]
        matches = []
        for row in sorted(rows):
            thread, post_id, author, when, other = self.db.execute(
                "SELECT thread, post_id, author, timestamp, text FROM posts WHERE row = ?",
                (row,)).fetchone()
            found_overlap = overlap(target, shingle_sets([other], self.settings.shingle_size)[0])
            if is_copy(found_overlap, self.settings.threshold, self.settings.containment):
                matches.append(Match(thread, post_id, author, when,
                                     round(found_overlap.jaccard, 4),
                                     round(found_overlap.containment, 4)))
        return sorted(matches, key=lambda m: (-m.similarity, -m.containment))

    def dump(self) -> FrozenDump:
        """The stored posts as a signed dump, for the repost search."""
        source = _Stored(self.db)
        signed = SignedDump(self.settings.num_perm, texts=source)
        rows = array("q")
        cursor = self.db.execute("SELECT row, thread, author, timestamp, shingles, signature "
                                 "FROM posts ORDER BY row")
        while chunk := cursor.fetchmany(BATCH):
            for row, thread, author, when, count, _ in chunk:
                rows.append(row)
                signed.add_meta(count, thread, author, when)
            blob = b"".join(found[5] for found in chunk)
            signed.add_signatures(np.frombuffer(blob, dtype=np.uint32).reshape(
                len(chunk), self.settings.num_perm))
        signed.posts_read = len(rows)
        source.rows = np.frombuffer(rows, dtype=np.int64).copy()
        return signed.frozen()


class _Stored:
    """Texts and post ids read back from the corpus (rows of a :meth:`Corpus.dump`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.rows = np.zeros(0, dtype=np.int64)

    def _column(self, column: str, rows: Sequence[int]) -> list[str]:
        query = f"SELECT {column} FROM posts WHERE row = ?"
        return [self.db.execute(query, (int(self.rows[r]),)).fetchone()[0] for r in rows]

    def texts(self, rows: Sequence[int]) -> list[str]:
        """The texts of these rows."""
        return self._column("text", rows)

    def post_ids(self, rows: Sequence[int]) -> list[str]:
        """The post ids of these rows."""
        return self._column("post_id", rows)


__all__ = ["Added", "Corpus", "Match"]
