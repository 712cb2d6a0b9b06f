"""MinHash signing in numpy, interchangeable with datasketch's ``MinHash``.

Words. A post's words are its runs of letters and digits, lower-cased, with a
single inner apostrophe, hyphen or full stop kept ("u.s", "don't"), as
:func:`analyzer.text.words` reads them (a curly apostrophe counts as a
straight one). A batch of posts is tokenised as one UTF-8 byte array, so no
Python object is made per word.

Hashes. A word's hash is a 64-bit polynomial of its UTF-8 bytes, mixed by
the MurmurHash3 64-bit finalizer; a shingle (``size`` words in a row; a post
shorter than that is one shingle of all its words) hashes to a polynomial of
its words' hashes folded to 32 bits. :func:`shingle_hash` computes the same
from a shingle's bytes.

Permutations. They are datasketch's own (scheme ``affine32``, its default
since 2.0: the MurmurHash3 32-bit finalizer, then ``a * h + b`` modulo 2**32,
``a`` and ``b`` drawn from ``seed``), applied to every shingle of a batch in
one numpy broadcast. A signature made here therefore equals the one
``datasketch.MinHash(num_perm, seed=seed, hashfunc=shingle_hash)`` builds by
updating with each shingle's bytes (see :func:`to_minhash`), and signatures
are ``uint32`` rows: 512 bytes a post at 128 permutations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

Signatures = NDArray[np.uint32]

_MASK64 = (1 << 64) - 1
_BYTE_P = 0x100000001B3  # odd, so invertible modulo 2**64
_BYTE_Q = pow(_BYTE_P, -1, 1 << 64)
_POLY = 0x9E3779B97F4A7C15
_FOLD = 0xBF58476D1CE4E5B9
_FMIX64 = (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)
_FMIX32 = (0x85EBCA6B, 0xC2B2AE35)
_SEP = "\x00"
_JOINERS = b"'-."
#: Shingles broadcast against the permutations at a time (bounds scratch memory).
_CHUNK = 4096
_TOKEN = re.compile(r"[^ '.\-]+(?:['.\-][^ '.\-]+)*")


class _Table(dict[int, str]):
    """``str.translate`` table, filled as characters are met: every character that
    is not a letter or digit becomes a space, except ' - . and the batch
    separator; curly apostrophes become straight ones."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if code in (0x2018, 0x2019):
            value = "'"
        elif (char.isalnum() and char != "_") or char in "'-." or char == _SEP:
            value = char
        else:
            value = " "
        self[code] = value
        return value


_TABLE = _Table()


def _table() -> dict[int, str]:
    return _TABLE


def _normal(text: str) -> str:
    return text.replace(_SEP, " ").lower().translate(_table())


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the signer reads them (a reference for one post)."""
    return _TOKEN.findall(_normal(text))


def shingle_strings(text: str, size: int) -> set[bytes]:
    """The shingles of ``text`` as bytes, the input :func:`shingle_hash` expects."""
    found = tokens(text)
    if len(found) < size:
        return {" ".join(found).encode("utf-8")} if found else set()
    return {" ".join(found[i:i + size]).encode("utf-8") for i in range(len(found) - size + 1)}


def _mix64(h: Any) -> Any:
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(_FMIX64[0])
        h = h ^ (h >> np.uint64(33))
        h = h * np.uint64(_FMIX64[1])
        return h ^ (h >> np.uint64(33))


def _fold(h: NDArray[np.uint64]) -> NDArray[np.uint32]:
    """Fold 64-bit shingle polynomials to 32-bit shingle hashes."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(31))
        h = h * np.uint64(_FOLD)
    return (h >> np.uint64(32)).astype(np.uint32)


def shingle_hash(shingle: bytes) -> int:
    """The 32-bit hash of one shingle's bytes (its words joined by single spaces).

    Pass it as ``hashfunc`` to ``datasketch.MinHash`` to build, shingle by
    shingle, the signatures :func:`sign_texts` makes in bulk.
    """
    poly = 0
    for word in shingle.split(b" "):
        h = 0
        for byte in word:
            h = (h * _BYTE_P + byte) & _MASK64
        mixed = int(_mix64(np.array([h], dtype=np.uint64))[0])
        poly = (poly * _POLY + mixed) & _MASK64
    return int(_fold(np.array([poly], dtype=np.uint64))[0])


_POWERS: list[NDArray[np.uint64]] = []


def _geometric(base: int, n: int) -> NDArray[np.uint64]:
    """``base**j`` modulo 2**64 for ``j < n``, by doubling blocks (numpy's cumprod is slow)."""
    out = np.empty(n, dtype=np.uint64)
    out[0] = 1
    done = 1
    with np.errstate(over="ignore"):
        while done < n:
            step = min(done, n - done)
            out[done:done + step] = out[:step] * np.uint64(pow(base, done, 1 << 64))
            done += step
    return out


def _powers(size: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """``P**j`` and ``Q**j`` modulo 2**64 for ``j < size`` (a table kept and grown)."""
    if not _POWERS or _POWERS[0].size < size:
        n = max(size, 2 * _POWERS[0].size if _POWERS else 1 << 20)
        _POWERS[:] = [_geometric(_BYTE_P, n), _geometric(_BYTE_Q, n)]
    return _POWERS[0][:size], _POWERS[1][:size]


def word_hashes(texts: Sequence[str]) -> tuple[NDArray[np.uint64], NDArray[np.int64]]:
    """Every word's hash in ``texts``, end to end, and how many words each text has."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) != max(len(texts) - 1, 0):  # a text holding the separator itself
        joined = _SEP.join(text.replace(_SEP, " ") for text in texts)
    data = np.frombuffer(joined.lower().translate(_table()).encode("utf-8"), dtype=np.uint8)
    if not data.size:
        return np.zeros(0, dtype=np.uint64), np.zeros(len(texts), dtype=np.int64)
    blank = data <= 0x20
    joiner = (data == _JOINERS[0]) | (data == _JOINERS[1]) | (data == _JOINERS[2])
    alnum = ~(blank | joiner)
    inner = joiner.copy()
    inner[0] = inner[-1] = False
    inner[1:-1] &= alnum[:-2] & alnum[2:]
    word = alnum | inner
    edge = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1) - 1
    p, q = _powers(data.size)
    with np.errstate(over="ignore"):
        acc = np.cumsum(data * q)  # sum of byte * Q**j, wrapping
        before = np.zeros(starts.size, dtype=np.uint64)
        inside = starts > 0
        before[inside] = acc[starts[inside] - 1]
        poly = (acc[ends] - before) * p[ends]  # sum of byte * P**(end - j)
    bounds = np.concatenate(([0], np.flatnonzero(data == 0), [data.size]))
    lengths = np.diff(np.searchsorted(starts, bounds)).astype(np.int64)
    return _mix64(poly), lengths


def shingle_hashes(hashes: NDArray[np.uint64], lengths: NDArray[np.int64], size: int
                   ) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """Shingle hashes from word hashes, end to end.

    Args:
        hashes: Word hashes of several posts, end to end.
        lengths: Words per post.
        size: Words per shingle.

    Returns:
        ``(shingles, counts)``: all shingle hashes in post order, and how many
        belong to each post (0 for a post without words).
    """
    total = int(lengths.sum())
    counts = np.where(lengths >= size, lengths - size + 1, np.minimum(lengths, 1))
    if not total:
        return np.zeros(0, dtype=np.uint32), counts
    starts = np.cumsum(lengths) - lengths
    first = np.repeat(starts, counts) + _ranks(counts)
    padded = np.concatenate((hashes, np.zeros(size, dtype=np.uint64)))
    whole = np.zeros(total, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):  # every full-width shingle's polynomial at once
            whole = whole * np.uint64(_POLY) + padded[k:k + total]
    poly = whole[first]
    short = np.flatnonzero((lengths < size) & (lengths > 0))
    if short.size:  # a post shorter than a shingle is one shingle of all its words
        rows = (np.cumsum(counts) - counts)[short]
        for row, post in zip(rows.tolist(), short.tolist(), strict=True):
            value = 0
            for word in hashes[starts[post]:starts[post] + lengths[post]].tolist():
                value = (value * _POLY + word) & _MASK64
            poly[row] = value
    return _fold(poly), counts


def _ranks(counts: NDArray[np.int64]) -> NDArray[np.int64]:
    """0, 1, ..., c-1 for each count c, end to end."""
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(int(counts.sum()), dtype=np.int64) - offsets


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """datasketch's ``affine32`` permutation parameters ``(a, b)`` for ``seed``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def _fmix32(h: NDArray[np.uint32]) -> NDArray[np.uint32]:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(_FMIX32[0])
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(_FMIX32[1])
    return h ^ (h >> np.uint32(16))


def sign_hashes(hashes: NDArray[np.uint32], counts: NDArray[np.int64], num_perm: int,
                seed: int) -> Signatures:
    """MinHash signatures of posts given their shingle hashes end to end.

    Args:
        hashes: Shingle hashes, post after post.
        counts: Shingles per post (a post with none gets datasketch's empty
            signature, every value ``2**32 - 1``).
        num_perm: Permutations.
        seed: The permutations' seed.

    Returns:
        A ``(len(counts), num_perm)`` ``uint32`` array.
    """
    a, b = permutations(num_perm, seed)
    out = np.full((num_perm, counts.size), np.iinfo(np.uint32).max, dtype=np.uint32)
    mixed = _fmix32(hashes)
    ends = np.cumsum(counts)
    first = 0
    while first < counts.size:  # chunks of whole posts, about _CHUNK shingles each
        begin = int(ends[first] - counts[first])
        last = max(first + 1, int(np.searchsorted(ends, begin + _CHUNK, side="right")))
        part = counts[first:last]
        rows = first + np.flatnonzero(part)
        if rows.size:
            values = np.multiply.outer(a, mixed[begin:int(ends[last - 1])])  # wraps mod 2**32
            values += b[:, None]
            starts = (np.cumsum(part) - part)[part > 0]
            out[:, rows] = np.minimum.reduceat(values, starts, axis=1)
        first = last
    return np.ascontiguousarray(out.T)


def text_shingles(texts: Sequence[str], size: int) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """Shingle hashes of ``texts`` end to end, and how many each text has."""
    hashes, lengths = word_hashes(texts)
    return shingle_hashes(hashes, lengths, size)


def sign_texts(texts: Sequence[str], size: int, num_perm: int,
               seed: int) -> tuple[Signatures, NDArray[np.int64]]:
    """Signatures of ``texts`` and how many shingles each has.

    Args:
        texts: The posts' own words.
        size: Words per shingle.
        num_perm: Permutations.
        seed: The permutations' seed.
    """
    shingles, counts = text_shingles(texts, size)
    return sign_hashes(shingles, counts, num_perm, seed), counts


def shingle_sets(texts: Sequence[str], size: int, batch: int = 2048) -> list[NDArray[np.uint32]]:
    """Each text's distinct shingle hashes, sorted (for exact Jaccard and containment)."""
    out: list[NDArray[np.uint32]] = []
    for start in range(0, len(texts), batch):
        shingles, counts = text_shingles(texts[start:start + batch], size)
        owner = np.repeat(np.arange(counts.size), counts)
        order = np.lexsort((shingles, owner))
        shingles, owner = shingles[order], owner[order]
        fresh = np.r_[True, (shingles[1:] != shingles[:-1]) | (owner[1:] != owner[:-1])]
        shingles, owner = shingles[fresh], owner[fresh]
        bounds = np.cumsum(np.bincount(owner, minlength=counts.size))[:-1]
        out.extend(np.split(shingles, bounds))
    return out


def to_minhash(signature: NDArray[np.uint32], seed: int) -> Any:
    """The ``datasketch.MinHash`` holding ``signature``, for datasketch's indexes.

    Returns:
        A ``datasketch.MinHash`` (scheme ``affine32``, ``hashfunc``
        :func:`shingle_hash`), equal to one updated with the same shingles.
    """
    from datasketch import MinHash

    return MinHash(hashvalues=signature, seed=seed, scheme="affine32", hashfunc=shingle_hash)


__all__ = ["Signatures", "permutations", "shingle_hash", "shingle_hashes", "shingle_sets",
           "shingle_strings", "sign_hashes", "sign_texts", "text_shingles", "to_minhash",
           "tokens", "word_hashes"]
