"""Guard: the domain lexicon must not make general sentiment worse.

Prints the Pearson correlation between VADER's compound score and the mean
human rating on the VADER authors' ground-truth sets, for plain VADER and for
our polarity (:func:`analyzer.stance.sentiment.polarity`: VADER with the domain
lexicon of ``analyzer/data/defaults.toml``, or of ``--config``, and its
text preparation), side by side with the difference.

Usage:
    python benchmarks/sentiment_guard.py [--eval-dir PATH] [--preset NAME] [--config FILE]

Exits with status 1 if the lexicon lowers a correlation by more than the
tolerance (0.01 unless ``--tolerance`` says otherwise).

Besides the correlation, it prints a 95% paired bootstrap interval for the
change (1,000 resamples of rows, the same rows for both scorers) and the
sign agreement with the human raters on clearly rated rows (mean rating at
least 1 from zero), for both scorers.

This is text we did not write, rated by people who never saw our rules, so
it is the one figure here free of our own bias. What it can show: whether
the lexicon and text preparation make general-purpose sentiment worse. What
it cannot show: anything about stance toward a target (no row has one), or
about forum text on the preset's subject, where the domain words matter.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import load_settings
from analyzer.stance.sentiment import polarity

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = next((p / "shared" / "eval" / "sentiment" for p in REPO.parents
                         if (p / "shared" / "eval" / "sentiment").is_dir()),
                        REPO.parent / "shared" / "eval" / "sentiment")
RESAMPLES = 1000
SETS = (
    ("tweets", "tweets_GroundTruth.txt"),
    ("nyt editorial snippets", "nytEditorialSnippets_GroundTruth.txt"),
)


def read_ratings(path: Path) -> list[tuple[float, str]]:
    """Read a ground-truth file: tab-separated id, mean rating, text."""
    rows = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t", 2)
            if len(parts) == 3 and parts[2].strip():
                rows.append((float(parts[1]), parts[2]))
    return rows


def paired_interval(base: list[float], mine: list[float], ratings: list[float]
                    ) -> tuple[float, float]:
    """95% bootstrap interval of the change in correlation, same rows for both."""
    rng = random.Random(3)
    n = len(ratings)
    diffs = []
    for _ in range(RESAMPLES):
        rows = [rng.randrange(n) for _ in range(n)]
        gold = [ratings[i] for i in rows]
        diffs.append(statistics.correlation([mine[i] for i in rows], gold)
                     - statistics.correlation([base[i] for i in rows], gold))
    diffs.sort()
    return diffs[int(0.025 * RESAMPLES)], diffs[int(0.975 * RESAMPLES) - 1]


def agreement(scores: list[float], ratings: list[float]) -> float:
    """Share of clearly rated rows (|rating| >= 1) whose score has the rating's sign."""
    clear = [(s, r) for s, r in zip(scores, ratings, strict=True) if abs(r) >= 1]
    return sum((s > 0) == (r > 0) and s != 0 for s, r in clear) / len(clear)


def main(argv: list[str] | None = None) -> int:
    """Run the guard and print its table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                        help="folder holding the *_GroundTruth.txt files")
    parser.add_argument("--config", type=Path, default=None,
                        help="analysis TOML whose [lexicon] is added to the defaults")
    parser.add_argument("--preset", default=None, help="preset whose [lexicon] is added")
    parser.add_argument("--tolerance", type=float, default=0.01,
                        help="largest drop in correlation allowed")
    args = parser.parse_args(argv)

    ours = load_settings(args.config, args.preset)
    vader = SentimentIntensityAnalyzer()
    print(f"domain lexicon: {len(ours.lexicon)} entries; eval dir: {args.eval_dir}")
    print(f"{'set':<24} {'rows':>6} {'plain':>7} {'ours':>7} {'diff':>8} {'95% CI':>18}"
          f" {'changed':>8} {'sign plain':>10} {'sign ours':>10}")
    status = 0
    for name, filename in SETS:
        path = args.eval_dir / filename
        if not path.is_file():
            print(f"{name:<24} missing: {path}", file=sys.stderr)
            status = 2
            continue
        rows = read_ratings(path)
        ratings = [rating for rating, _ in rows]
        base = [vader.polarity_scores(text)["compound"] for _, text in rows]
        mine = [polarity(text, ours) for _, text in rows]
        r_base = statistics.correlation(base, ratings)
        r_mine = statistics.correlation(mine, ratings)
        changed = sum(1 for a, b in zip(base, mine, strict=True) if a != b)
        diff = r_mine - r_base
        low, high = paired_interval(base, mine, ratings)
        print(f"{name:<24} {len(rows):>6} {r_base:>7.3f} {r_mine:>7.3f} {diff:>+8.4f}"
              f" [{low:+.4f}, {high:+.4f}] {changed:>8} {agreement(base, ratings):>10.3f}"
              f" {agreement(mine, ratings):>10.3f}")
        if diff < -args.tolerance:
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
