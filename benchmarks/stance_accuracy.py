"""Accuracy of the target-aware stance scorer on a small hand-labelled set.

Usage:
    python benchmarks/stance_accuracy.py [--data PATH]

``--data`` defaults to ``benchmarks/data/stance_labelled.tsv``: a tab-separated
file with the header ``id  target  label  text``, one forum-style post per
row, labelled by a person for the author's attitude toward ``target``
(``russia``, ``china``, ``us`` or ``partnership``, the Russia-China
relationship) as ``pos``, ``neg`` or ``neutral``. A post that speaks about two
targets differently appears once per target, with the same text.

For every row the script runs :func:`analyzer.stance.score_text` with the
default settings and takes the stance for the row's target. Its score becomes a
label: ``pos`` if score >= 0.05, ``neg`` if score <= -0.05, ``neutral``
otherwise. When the scorer finds no stance for the row's target the prediction
is ``neutral`` and the row is counted as "target not found".

The baseline is plain VADER: the compound score of the whole text, with the
same thresholds. It ignores targets, so every target in a post gets the same
label; it shows what the target-aware method adds over naive sentiment.

What the numbers mean:
    sign acc   on polar rows only (gold ``pos`` or ``neg``): the share whose
               predicted label equals the gold one. A ``neutral`` prediction on
               a polar row counts as wrong.
    macro-F1   F1 for each of pos, neg and neutral on all rows, averaged with
               equal weight, so the rare neutral class counts as much as the
               others.
    not found  rows whose target the scorer did not find in the text.
The confusion matrices have the gold label as rows and the predicted label as
columns. The set is small (about 40 rows a target), so a difference of one
or two rows a target is noise.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import default_settings
from analyzer.stance import score_text
from analyzer.stance.score import NEUTRAL_BAND

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "benchmarks" / "data" / "stance_labelled.tsv"
LABELS = ("pos", "neg", "neutral")
POLAR = ("pos", "neg")
TARGETS = ("russia", "china", "us", "partnership")
THRESHOLD = NEUTRAL_BAND  # the band the report calls neutral


@dataclass(frozen=True)
class Row:
    """One labelled row and the two predictions for it."""

    item_id: str
    target: str
    gold: str
    text: str
    ours_score: float | None
    base_score: float

    @property
    def ours(self) -> str:
        return to_label(self.ours_score)

    @property
    def base(self) -> str:
        return to_label(self.base_score)


def to_label(score: float | None) -> str:
    """Map a score to pos/neg/neutral with the fixed thresholds."""
    if score is None:
        return "neutral"
    if score >= THRESHOLD:
        return "pos"
    if score <= -THRESHOLD:
        return "neg"
    return "neutral"


def read_rows(path: Path) -> list[dict[str, str]]:
    """Read the labelled TSV, checking the header and label values."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != ["id", "target", "label", "text"]:
            raise SystemExit(f"{path}: expected header id, target, label, text")
        rows = list(reader)
    for row in rows:
        if row["label"] not in LABELS or row["target"] not in TARGETS:
            raise SystemExit(f"{path}: bad label or target in row {row['id']!r}")
    return rows


def predict(rows: list[dict[str, str]]) -> list[Row]:
    """Score every row with our scorer and with plain VADER."""
    settings = default_settings()
    vader = SentimentIntensityAnalyzer()
    out = []
    for row in rows:
        stances = score_text(row["text"], row["id"], settings)
        found = next((s for s in stances if s.target == row["target"]), None)
        out.append(
            Row(
                item_id=row["id"],
                target=row["target"],
                gold=row["label"],
                text=row["text"],
                ours_score=None if found is None else found.score,
                base_score=vader.polarity_scores(row["text"])["compound"],
            )
        )
    return out


def sign_accuracy(pairs: list[tuple[str, str]]) -> tuple[float | None, int]:
    """Share of polar gold rows whose prediction equals the gold label."""
    polar = [(gold, pred) for gold, pred in pairs if gold in POLAR]
    if not polar:
        return None, 0
    return sum(gold == pred for gold, pred in polar) / len(polar), len(polar)


def macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    """Unweighted mean of per-class F1 over pos, neg and neutral."""
    if not pairs:
        return None
    scores = []
    for label in LABELS:
        tp = sum(gold == label and pred == label for gold, pred in pairs)
        fp = sum(gold != label and pred == label for gold, pred in pairs)
        fn = sum(gold == label and pred != label for gold, pred in pairs)
        denom = 2 * tp + fp + fn
        scores.append(2 * tp / denom if denom else 0.0)
    return sum(scores) / len(scores)


def fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def print_summary(rows: list[Row]) -> None:
    header = (
        f"{'target':<12} {'rows':>4} {'polar':>5}  {'sign acc':>15}  {'macro-F1':>15}"
        f"  {'not found':>9}"
    )
    print(header)
    print(f"{'':<12} {'':>4} {'':>5}  {'ours':>7} {'vader':>7}  {'ours':>7} {'vader':>7}")
    print("-" * len(header))
    groups = [(t, [r for r in rows if r.target == t]) for t in TARGETS]
    groups.append(("overall", rows))
    for name, group in groups:
        ours = [(r.gold, r.ours) for r in group]
        base = [(r.gold, r.base) for r in group]
        acc_ours, polar = sign_accuracy(ours)
        acc_base, _ = sign_accuracy(base)
        missing = sum(r.ours_score is None for r in group)
        if name == "overall":
            print("-" * len(header))
        print(
            f"{name:<12} {len(group):>4} {polar:>5}  {fmt(acc_ours):>7} {fmt(acc_base):>7}"
            f"  {fmt(macro_f1(ours)):>7} {fmt(macro_f1(base)):>7}  {missing:>9}"
        )


def print_confusion(rows: list[Row]) -> None:
    ours = Counter((r.gold, r.ours) for r in rows)
    base = Counter((r.gold, r.base) for r in rows)
    width = 8
    cols = "".join(f"{label:>{width}}" for label in LABELS)
    corner = "gold \\ predicted"
    print(f"{corner:<18}{'ours':^{width * 3}}   {'vader':^{width * 3}}")
    print(f"{'':<18}{cols}   {cols}")
    for gold in LABELS:
        left = "".join(f"{ours[gold, pred]:>{width}}" for pred in LABELS)
        right = "".join(f"{base[gold, pred]:>{width}}" for pred in LABELS)
        print(f"{gold:<18}{left}   {right}")


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def print_errors(rows: list[Row]) -> None:
    errors = [r for r in rows if r.ours != r.gold]
    print(f"Misclassified by ours: {len(errors)} of {len(rows)}")
    print(f"{'id':<16} {'target':<12} {'gold':<8} {'pred':<8} {'score':>7}  text")
    for r in errors:
        score = "  none" if r.ours_score is None else f"{r.ours_score:+.3f}"
        print(
            f"{r.item_id:<16} {r.target:<12} {r.gold:<8} {r.ours:<8} {score:>7}  {shorten(r.text)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled TSV")
    args = parser.parse_args(argv)

    rows = predict(read_rows(args.data))
    labels = Counter(r.gold for r in rows)
    print(f"Data: {args.data}")
    print(
        f"Rows: {len(rows)} ("
        + ", ".join(f"{label} {labels[label]}" for label in LABELS)
        + f"); distinct texts: {len({r.text for r in rows})}"
    )
    print(f"Thresholds: pos >= {THRESHOLD}, neg <= -{THRESHOLD}, else neutral\n")
    print_summary(rows)
    print()
    print_confusion(rows)
    print()
    print_errors(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
