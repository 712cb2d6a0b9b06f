"""Interval widths per target: the report's t interval beside a percentile bootstrap.

Runs the analysis on a thread (the sample by default) and prints, per target,
the voices, the forum figure, the Student t interval the report shows and the
percentile bootstrap it replaced, with each one's width. With few voices the
bootstrap is much narrower: it can only reshuffle the voices it has.

What this can show: how much the choice of interval changes the stated
uncertainty on this thread. What it cannot show: which interval covers the
true mean more often; that needs many threads with known stance.

Usage:
    python benchmarks/intervals.py [THREAD_PATH] [--news PATH] [--config analysis.toml]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analyzer.pipeline import analyse_paths
from analyzer.settings import load_settings
from analyzer.stance.intervals import bootstrap, bootstrap_seed, forum_voices, t_interval

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("thread", nargs="?", default=str(REPO / "threads" / "joint-patrol"))
    parser.add_argument("--news", action="append", default=None)
    parser.add_argument("--config", default=None)
    args = parser.parse_args()
    news = args.news if args.news is not None else (
        [str(REPO / "threads" / "joint-patrol" / "news")] if args.thread.endswith(
            "joint-patrol") else [])
    settings = load_settings(args.config)
    analysis = analyse_paths([args.thread], news=news, settings=settings)
    print(f"{'target':<14} {'voices':>6} {'forum':>7}  {'t interval':<18} {'width':>6}  "
          f"{'bootstrap':<18} {'width':>6}  ratio")
    for target in settings.targets:
        voices = forum_voices(analysis.thread, analysis.clusters, analysis.stances, target.name)
        if not voices:
            print(f"{target.name:<14} {0:>6}")
            continue
        mean = sum(voices) / len(voices)
        t = t_interval(voices)
        b = bootstrap(voices, bootstrap_seed(target.name, settings))

        def cell(pair: tuple[float, float] | None) -> str:
            return f"{pair[0]:+.2f} to {pair[1]:+.2f}" if pair else "none"

        def width(pair: tuple[float, float] | None) -> float | None:
            return pair[1] - pair[0] if pair else None

        tw, bw = width(t), width(b)
        ratio = f"{tw / bw:.1f}x" if tw is not None and bw else "–"
        print(f"{target.name:<14} {len(voices):>6} {mean:>+7.2f}  {cell(t):<18} "
              f"{tw if tw is not None else float('nan'):>6.2f}  {cell(b):<18} "
              f"{bw if bw is not None else float('nan'):>6.2f}  {ratio}")


if __name__ == "__main__":
    main()
