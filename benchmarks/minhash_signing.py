"""MinHash signing: the numpy signer against datasketch's plain per-shingle loop.

Both sign the same synthetic posts from their text (tokenising included),
several rounds each, and the figure that matters is the ratio, since these
machines are noisy. The signatures are checked to be identical (the plain
loop is given the signer's shingle hash function, as datasketch allows).

    python benchmarks/minhash_signing.py [--posts 2000] [--words 120] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import numpy as np
from datasketch import MinHash

from analyzer.minhash import shingle_hash, shingle_strings, sign_texts
from analyzer.settings import default_settings


def synthetic_posts(n: int, length: int, seed: int = 7) -> list[str]:
    """Posts of ``length`` words drawn from a Zipf-like vocabulary."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(5000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    return [" ".join(rng.choices(vocabulary, weights, k=length)) for _ in range(n)]


def plain_loop(texts: list[str], num_perm: int, seed: int, hashfunc: object = None
               ) -> list[MinHash]:
    """The baseline a datasketch user writes: ``MinHash()`` and ``update()`` per shingle."""
    out = []
    for text in texts:
        m = (MinHash(num_perm=num_perm, seed=seed) if hashfunc is None
             else MinHash(num_perm=num_perm, seed=seed, hashfunc=hashfunc))
        for s in shingle_strings(text, 3):
            m.update(s)
        out.append(m)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--words", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = default_settings()
    texts = synthetic_posts(args.posts, args.words)
    base_times, ours_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        plain_loop(texts, settings.num_perm, settings.seed)
        base_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        ours, _ = sign_texts(texts, settings.shingle_size, settings.num_perm, settings.seed)
        ours_times.append(time.perf_counter() - start)
    same = plain_loop(texts[:50], settings.num_perm, settings.seed, shingle_hash)
    assert all(np.array_equal(m.hashvalues, s) for m, s in zip(same, ours, strict=False))
    base, fast = statistics.median(base_times), statistics.median(ours_times)
    print(f"{args.posts} posts of {args.words} words, num_perm={settings.num_perm}, "
          f"median of {args.rounds} rounds (best rounds: {min(base_times) / min(ours_times):.1f}x)")
    print(f"plain datasketch loop: {base:.3f} s  ({args.posts / base:,.0f} posts/s)")
    print(f"numpy signer:          {fast:.3f} s  ({args.posts / fast:,.0f} posts/s)")
    print(f"speed-up: {base / fast:.1f}x (signatures identical to datasketch's with the "
          f"same shingle hash)")


if __name__ == "__main__":
    main()
