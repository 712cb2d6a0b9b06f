"""Guard: the domain lexicon must not make general sentiment worse.

Prints the Pearson correlation between VADER's compound score and the mean
human rating on the VADER authors' ground-truth sets, for plain VADER and for
our polarity (:func:`analyzer.stance.sentiment.polarity`: VADER with the domain
lexicon of ``analyzer/data/defaults.toml``, or of ``--config``, and its
text preparation), side by side with the difference.

Usage:
    python benchmarks/sentiment_guard.py [--eval-dir PATH] [--config analysis.toml]

Exits with status 1 if the lexicon lowers a correlation by more than the
tolerance (0.01 unless ``--tolerance`` says otherwise).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import load_settings
from analyzer.stance.sentiment import polarity

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval" / "sentiment"
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


def main(argv: list[str] | None = None) -> int:
    """Run the guard and print its table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                        help="folder holding the *_GroundTruth.txt files")
    parser.add_argument("--config", type=Path, default=None,
                        help="analysis TOML whose [lexicon] is added to the defaults")
    parser.add_argument("--tolerance", type=float, default=0.01,
                        help="largest drop in correlation allowed")
    args = parser.parse_args(argv)

    ours = load_settings(args.config)
    vader = SentimentIntensityAnalyzer()
    print(f"domain lexicon: {len(ours.lexicon)} entries; eval dir: {args.eval_dir}")
    print(f"{'set':<24} {'rows':>6} {'plain':>7} {'ours':>7} {'diff':>8} {'changed':>8}")
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
        print(f"{name:<24} {len(rows):>6} {r_base:>7.3f} {r_mine:>7.3f} {diff:>+8.4f} {changed:>8}")
        if diff < -args.tolerance:
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
