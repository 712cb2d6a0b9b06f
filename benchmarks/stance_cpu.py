"""CPU seconds of stance scoring, split into VADER's share and the rules', on one core.

For each size it builds the thread of :mod:`stage_cpu` (same generator and
seed, the stages before stance run untimed), then, in this process:

* ``vader``: VADER alone scores every post's text once;
* ``stance``: :func:`analyzer.stance.score.score_post` on every post (the
  two take turns, ``CHUNK`` posts each, so the machine's load weighs on
  both alike), with
  the time spent inside VADER calls (``polarity``'s uncached work) timed
  apart, so ``rules = stance - inside`` is what the stance rules cost.

``--distinct`` appends a unique token to every sentence of every post, so
no sentence repeats and no per-text memo can help: the case of a real
thread, which repeats little. ``--profile FILE`` writes a cProfile of the
stance loop; ``--dump FILE`` writes every post's stances (their ``repr``),
to compare the output before and after a change byte for byte. Run::

    nice python benchmarks/stance_cpu.py [--sizes 5000,20000] [--distinct]
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import generate_thread, prepare, vader_seconds  # noqa: E402

CHUNK = 100
"""Posts VADER alone and stance score in turn."""

_END = re.compile(r"([.!?]+)(?=\s|$)")


def distinct(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Return ``rows`` with a unique token before every sentence end."""
    counter = itertools.count()
    return [{**row, "text": _END.sub(lambda m: f" ref{next(counter)}{m.group(1)}",
                                     str(row["text"]))} for row in rows]


def measure(n_posts: int, workdir: Path, unique: bool, profile: str | None,
            dump: str | None) -> dict[str, float]:
    """CPU seconds of VADER alone, stance, and VADER inside stance, on ``n_posts``."""
    from analyzer.stance import sentiment
    from analyzer.stance.score import score_post

    rows = generate_thread(n_posts)
    if unique:
        rows = distinct(rows)
    ready = prepare(rows, workdir)
    thread, settings = ready.thread, ready.settings
    sentiment.analyzer_for(settings)
    vader_seconds(["warm up"])

    inside = [0.0]
    work = getattr(sentiment, "_polarity_now", None)
    if work is not None:
        def timed(*args: object) -> float:
            start = time.process_time()
            try:
                return float(work(*args))  # type: ignore[misc]
            finally:
                inside[0] += time.process_time() - start
        sentiment._polarity_now = timed  # type: ignore[attr-defined]
    profiler = cProfile.Profile() if profile else None
    results = []
    vader = stance = 0.0
    try:
        # VADER and stance take turns, a chunk of posts each, so that a change
        # in the machine's load weighs on both alike.
        for first in range(0, len(thread.posts), CHUNK):
            posts = thread.posts[first:first + CHUNK]
            vader += vader_seconds([post.text for post in posts])[1]
            start = time.process_time()
            if profiler is not None:
                profiler.enable()
            for post in posts:
                results.append(score_post(settings, post))
            if profiler is not None:
                profiler.disable()
            stance += time.process_time() - start
    finally:
        if work is not None:
            sentiment._polarity_now = work  # type: ignore[attr-defined]
    if profiler is not None and profile:
        profiler.dump_stats(profile)
    if dump:
        Path(dump).write_text("".join(repr(r) + "\n" for r in results), "utf-8")
    return {"vader": vader, "stance": stance, "inside": inside[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="Comma-separated thread sizes.")
    parser.add_argument("--distinct", action="store_true",
                        help="Make every sentence unique (no memo can help).")
    parser.add_argument("--profile", help="Write a cProfile of the stance loop here.")
    parser.add_argument("--dump", help="Write every post's stances here.")
    args = parser.parse_args()
    print("| posts | VADER CPU s | stance CPU s | VADER inside s | rules s "
          "| stance / VADER | rules / VADER |\n|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            r = measure(size, Path(tmp), args.distinct, args.profile, args.dump)
            rules = r["stance"] - r["inside"]
            print(f"| {size:,} | {r['vader']:.2f} | {r['stance']:.2f} | {r['inside']:.2f} "
                  f"| {rules:.2f} | {r['stance'] / r['vader']:.2f}× "
                  f"| {rules / r['vader']:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
