"""MinHash signing: our bulk path against datasketch's plain per-shingle loop.

Both are run side by side on the same synthetic posts, several rounds each,
and the figure that matters is the ratio, since these machines are noisy.

    python benchmarks/minhash_signing.py [--posts 2000] [--words 120] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from datasketch import MinHash

from analyzer.reposts import shingles, sign
from analyzer.settings import default_settings


def synthetic_posts(n: int, length: int, seed: int = 7) -> list[str]:
    """Posts of ``length`` words drawn from a Zipf-like vocabulary."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(5000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    return [" ".join(rng.choices(vocabulary, weights, k=length)) for _ in range(n)]


def per_shingle_loop(sets: list[set[bytes]], num_perm: int, seed: int) -> list[MinHash]:
    """The baseline: one ``MinHash.update`` call per shingle."""
    out = []
    for shingle_set in sets:
        m = MinHash(num_perm=num_perm, seed=seed)
        for s in shingle_set:
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
    sets = [shingles(p, settings.shingle_size) for p in synthetic_posts(args.posts, args.words)]
    base_times, ours_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        baseline = per_shingle_loop(sets, settings.num_perm, settings.seed)
        base_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        ours = sign(sets, settings)
        ours_times.append(time.perf_counter() - start)
    assert all(a.jaccard(b) == 1.0 for a, b in zip(baseline, ours, strict=True))
    base, fast = statistics.median(base_times), statistics.median(ours_times)
    shingle_count = sum(len(s) for s in sets)
    print(f"{args.posts} posts, {shingle_count} shingles, num_perm={settings.num_perm}, "
          f"median of {args.rounds} rounds")
    print(f"per-shingle loop (baseline): {base:.3f} s  ({shingle_count / base:,.0f} shingles/s)")
    print(f"bulk signing (ours):         {fast:.3f} s  ({shingle_count / fast:,.0f} shingles/s)")
    print(f"speed-up: {base / fast:.1f}x (identical signatures)")


if __name__ == "__main__":
    main()
