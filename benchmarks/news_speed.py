"""How long the news stage (``judge_posts``) takes, and what the process holds after reading.

For each size this generates the thread of :mod:`pipeline_speed` (same seed)
and its news article, and a variant where every sentence carries a unique
token (real threads repeat little, the generator repeats a lot), then:

* ``news``: CPU and wall seconds of :func:`analyzer.news.judge_posts` in
  this process (``--jobs 1``, the default) or in worker processes
  (``--jobs N``; CPU then counts the workers too);
* ``reading``: CPU seconds to read and parse the JSON Lines file (best of
  three), and the Python memory still held once it is parsed.

Run::

    nice python benchmarks/news_speed.py [--sizes 5000,20000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
import warnings
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import _article, generate_thread  # noqa: E402


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def write_thread(n_posts: int, unique: bool, workdir: Path) -> tuple[Path, Path]:
    """Write the generated thread (sentences made unique if asked) and its article."""
    rows = generate_thread(n_posts)
    if unique:
        rng = random.Random(n_posts)
        for row in rows:
            row["text"] = ". ".join(f"{s} ref{rng.randrange(10**9)}"
                                    for s in str(row["text"]).split(". "))
    thread = workdir / f"thread-{n_posts}{'-unique' if unique else ''}.jsonl"
    thread.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    news = workdir / f"news-{n_posts}.txt"
    news.write_text("Joint patrol reported\n\n" + _article(random.Random(n_posts)), "utf-8")
    return thread, news


def measure(thread_path: Path, news_path: Path, jobs: int) -> dict[str, float]:
    """Time reading and the news stage on one thread."""
    from analyzer.articles import load_articles
    from analyzer.news import judge_posts
    from analyzer.reading.batch import parse_paths
    from analyzer.settings import default_settings

    tracemalloc.start()
    thread = parse_paths([thread_path])
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del thread
    reading = []
    for _ in range(3):
        start = time.process_time()
        thread = parse_paths([thread_path])
        reading.append(time.process_time() - start)
    articles = load_articles([news_path])
    settings = replace(default_settings(), jobs=jobs)
    start, cpu = time.perf_counter(), _cpu()
    verdicts = judge_posts(thread, articles, settings)
    return {"news_cpu": _cpu() - cpu, "news_wall": time.perf_counter() - start,
            "news_posts": sum(v.is_news for v in verdicts), "reading_cpu": min(reading),
            "held_mb": held / 1e6, "reading_peak_mb": peak / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="Comma-separated thread sizes.")
    parser.add_argument("--jobs", type=int, default=1, help="Worker processes for the news stage.")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # a test plugin that fails to load, in a dev install
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            for unique in (False, True):
                thread, news = write_thread(size, unique, Path(tmp))
                r = measure(thread, news, args.jobs)
                print(f"{size:,} posts{' (unique sentences)' if unique else ''}: news "
                      f"{r['news_cpu']:.2f} CPU s, {r['news_wall']:.2f} s wall "
                      f"({r['news_posts']:.0f} news posts, jobs={args.jobs}); reading "
                      f"{r['reading_cpu']:.2f} CPU s, {r['held_mb']:.1f} MB held after it "
                      f"(peak {r['reading_peak_mb']:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
