"""Time framing (frame hits and claim matching) as the forum grows.

Builds synthetic threads of N opinion posts, each of five sentences drawn
from a fixed pool of forum-like sentences with varying actors and words,
against three fixed articles, and times :func:`analyzer.framing.compare`.
Matching indexes forum sentences by (actor, predicate word) pairs, so the
time should grow about linearly with N; an all-pairs match would grow with
N times the number of claims.

What this can show: how the cost grows with thread length on this synthetic
text. What it cannot show: the cost on real threads, whose vocabulary is
more varied (fewer candidates per pair) or more repetitive (more).

Usage:
    python benchmarks/framing_scaling.py [--sizes 250 500 1000 2000]
"""

from __future__ import annotations

import argparse
import random
import time

from analyzer.framing import compare
from analyzer.model import Article, Post, Thread
from analyzer.settings import default_settings

ACTORS = ["Brazil", "Argentina", "Chile", "Peru", "the Senate", "Mercosur", "Lula", "Milei"]
VERBS = ["rejected", "backed", "signed", "blocked", "praised", "mocked", "delayed", "funded"]
OBJECTS = ["the customs union", "a trade deal", "new tariffs", "the energy treaty",
           "a border court ruling", "the budget plan", "higher taxes", "police reform"]
TAILS = ["again", "as expected", "for the third time", "to nobody's surprise", "last week",
         "without a vote", "despite the protests", "after long talks"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
    rng = random.Random(1)
    articles = [Article(id=f"a{k}", title=None, outlet=None, date=None,
                        text=" ".join(sentence(rng) for _ in range(40))) for k in range(3)]
    settings = default_settings()
    compare(Thread("w", None, "test", None, ()), articles, (), settings)  # warm caches
    print(f"{'posts':>6} {'sentences':>9} {'seconds':>8} {'per post (ms)':>13} {'claims':>6}")
    for size in args.sizes:
        posts = tuple(Post(id=str(n + 1), position=n, author=f"u{n % 50}", timestamp=None,
                           text=" ".join(sentence(rng) for _ in range(5)))
                      for n in range(size))
        thread = Thread(id="t", title=None, engine="test", url=None, posts=posts)
        start = time.perf_counter()
        framing = compare(thread, articles, (), settings)
        took = time.perf_counter() - start
        print(f"{size:>6} {size * 5:>9} {took:>8.2f} {1000 * took / size:>13.2f} "
              f"{len(framing.claims):>6}")


if __name__ == "__main__":
    main()
