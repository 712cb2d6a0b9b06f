"""How long the main process works alone: per-stage wall and main-process CPU of ``analyse``.

For each size it generates the thread and news article of
:mod:`pipeline_speed` (same seed) and runs the whole analysis as the
command line does (``analyse`` and a Markdown report with its charts) in a
fresh Python process, recording for each stage its wall seconds and the CPU
seconds of the main process alone (``RUSAGE_SELF``: worker processes not
counted). A stage whose main-process CPU is close to its wall is a serial,
one-core stretch; the stance stage is mostly the main process waiting for
its workers.

With ``--against DIR`` (a folder holding another version's ``analyzer``
package, say from ``git archive <commit> analyzer | tar -x -C DIR``) each
repeat runs that version and this one back to back, so that both see the
same machine load, and the medians of both are printed side by side. Run::

    nice python benchmarks/serial_path.py [--sizes 5000,20000] [--repeat 3] [--against DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import _article, generate_thread, vader_seconds  # noqa: E402

STAGES = ("import", "reading", "news", "reposts", "stance", "framing", "report")


def _own_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def child(thread: str, news: str, report: str) -> None:
    """Run the analysis and its Markdown report, printing per-stage wall and main CPU as JSON."""
    start, cpu_start = time.perf_counter(), _own_cpu()
    from analyzer.pipeline import analyse_paths
    from analyzer.report.write import write_report

    wall: dict[str, float] = {"import": time.perf_counter() - start}
    cpu: dict[str, float] = {"import": _own_cpu() - cpu_start}
    mark: list[tuple[float, float, str]] = [(time.perf_counter(), _own_cpu(), "import")]

    def progress(stage: str, done: int, total: int) -> None:
        now, used = time.perf_counter(), _own_cpu()
        then, used_then, name = mark[0]
        if name != "import":
            wall[name], cpu[name] = now - then, used - used_then
        mark[0] = (now, used, stage)

    analysis = analyse_paths([thread], news=[news], progress=progress)
    begin, used = time.perf_counter(), _own_cpu()
    write_report(analysis, Path(report), "md", charts=True)
    wall["report"], cpu["report"] = time.perf_counter() - begin, _own_cpu() - used
    print(json.dumps({"wall": wall, "main_cpu": cpu}))


def run_once(thread: Path, news: Path, report: Path, tree: str | None) -> dict[str, object]:
    """One analysis in a fresh process, with ``tree`` (a folder) first on the import path."""
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = tree + os.pathsep + env.get("PYTHONPATH", "")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", str(thread), str(news),
                           str(report)], env=env, capture_output=True, text=True, check=True)
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    found["total"] = time.perf_counter() - start
    return found


def _median(runs: list[dict[str, object]], key: str, stage: str) -> float:
    return statistics.median(float(r[key][stage]) for r in runs)  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="Comma-separated thread sizes.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each version per size.")
    parser.add_argument("--against", help="Folder holding another version's analyzer package.")
    parser.add_argument("--child", nargs=3, metavar=("THREAD", "NEWS", "REPORT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    versions: list[tuple[str, str | None]] = [("this", None)]
    if args.against:
        versions.insert(0, ("against", str(Path(args.against).resolve())))
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            rows = generate_thread(size)
            thread = Path(tmp) / f"thread-{size}.jsonl"
            thread.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
            news = Path(tmp) / f"news-{size}.txt"
            news.write_text("Joint patrol reported\n\n" + _article(random.Random(size)), "utf-8")
            vader = vader_seconds([str(r["text"]) for r in rows])[0]
            runs: dict[str, list[dict[str, object]]] = {name: [] for name, _ in versions}
            for _ in range(args.repeat):
                for name, tree in versions:
                    runs[name].append(run_once(thread, news, Path(tmp) / f"{name}.md", tree))
            print(f"\n{size:,} posts, VADER alone {vader:.1f} s; medians of {args.repeat} runs "
                  "(wall s / main-process CPU s)\n")
            print("| version | total | " + " | ".join(STAGES) + " |")
            print("|---|---|" + "---|" * len(STAGES))
            for name, _ in versions:
                done = runs[name]
                total = statistics.median(float(r["total"]) for r in done)  # type: ignore[arg-type]
                cells = [f"{_median(done, 'wall', s):.2f} / {_median(done, 'main_cpu', s):.2f}"
                         for s in STAGES]
                print(f"| {name} | {total:.1f} ({total / vader:.2f}× VADER) | "
                      + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
