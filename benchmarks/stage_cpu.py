"""CPU seconds of stance scoring and of framing alone, against VADER alone, on one core.

For each size it generates the thread of :mod:`pipeline_speed` (same seed),
runs the stages before stance untimed (news judging, repost finding, target
resolution), and then times, in this process and on one core: VADER alone
on every post's text, :func:`analyzer.stance.score.score_post` on every
post, and :func:`analyzer.framing.compare`. Being single-process, the
figures are free of the worker accounting of ``pipeline_speed.py``, and the
ratios to VADER are what to compare between commits. Run::

    nice python benchmarks/stage_cpu.py [--sizes 5000,20000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import generate_thread, prepare, vader_seconds  # noqa: E402


def measure(n_posts: int, workdir: Path) -> dict[str, float]:
    """CPU seconds of VADER, stance and framing on a generated thread of ``n_posts``."""
    from analyzer.framing import compare
    from analyzer.stance.score import score_post
    from analyzer.stance.sentiment import analyzer_for

    rows = generate_thread(n_posts)
    ready = prepare(rows, workdir)
    thread, articles, clusters, settings = (ready.thread, ready.articles, ready.clusters,
                                            ready.settings)
    analyzer_for(settings)
    _, vader = vader_seconds([str(r["text"]) for r in rows])
    start = time.process_time()
    for post in thread.posts:
        score_post(settings, post)
    stance = time.process_time() - start
    start = time.process_time()
    compare(thread, articles, clusters, settings)
    framing = time.process_time() - start
    return {"vader": vader, "stance": stance, "framing": framing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="Comma-separated thread sizes.")
    args = parser.parse_args()
    print("| posts | VADER CPU s | stance CPU s | stance / VADER | framing CPU s "
          "| framing / VADER |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            r = measure(size, Path(tmp))
            print(f"| {size:,} | {r['vader']:.2f} | {r['stance']:.2f} | "
                  f"{r['stance'] / r['vader']:.2f}× | {r['framing']:.2f} | "
                  f"{r['framing'] / r['vader']:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
