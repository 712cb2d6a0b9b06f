"""Stance accuracy against plain VADER, with intervals and a paired test.

Usage:
    python benchmarks/stance_accuracy.py              # development sets
    python benchmarks/stance_accuracy.py --heldout    # the held-out set (run once)
    python benchmarks/stance_accuracy.py --errors     # also list our mistakes (dev only)

Sets (all hand-written short posts; see the README beside each):

- ``topics_dev/`` (development) and ``topics_heldout/`` (held out): tweet-like
  posts on debated topics, labelled ``favour``, ``against`` or ``none`` toward
  the topic. Each topic has a config (``<topic>.toml``) giving ``[thread]
  topic`` and the target's label, aliases and rivals; the scorer is run with
  it. The two sets share no topic.
- ``stance_labelled.tsv`` and ``stance_heldout.tsv`` (both development now:
  their held-out role ended when they were tuned on): forum posts naming
  Russia, China, the US or their partnership, labelled ``pos``/``neg``/
  ``neutral`` (read as favour/against/none), run with ``--preset geopolitics``.

Prediction: our score of the row's target (``favour`` if >= 0.05, ``against``
if <= -0.05, else ``none``; no stance is ``none``). Baseline: plain VADER's
compound score of the whole text with the same band.

Figures:
    F_avg     mean of the F1 of favour and of against (SemEval-2016's measure);
              rewards getting the sides right, ignores "none" except as errors.
    macro-F1  mean F1 of favour, against and none.
    sign acc  share of polar rows (gold favour/against) predicted exactly.
Each comes with a 95% percentile bootstrap interval over rows (2,000
resamples, fixed seed), and the gain over VADER with a paired bootstrap
interval (same resampled rows for both). McNemar's exact test compares the
two methods' correct/incorrect answers row by row.

What the figures can show: whether the method beats whole-text VADER on posts
like these, and by how much at most/least (the intervals). What they cannot
show: accuracy on other kinds of writing or other topics. The sets are small
(about 30 rows a topic) and written by one person who also wrote the rules,
so even the held-out figure is optimistic; differences inside the interval
are noise.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import comb
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import Settings, load_settings
from analyzer.stance import score_text
from analyzer.stance.score import NEUTRAL_BAND

DATA = Path(__file__).resolve().parent / "data"
LABELS = ("favour", "against", "none")
OLD_LABELS = {"pos": "favour", "neg": "against", "neutral": "none"}
RESAMPLES = 2000
SEED = 7


@dataclass(frozen=True)
class Row:
    """A labelled row with both predictions."""

    item_id: str
    target: str
    gold: str
    text: str
    ours: str
    base: str
    score: float | None
    via: str


def label_of(score: float | None) -> str:
    """Map a score to favour/against/none with the report's neutral band."""
    if score is None or abs(score) < NEUTRAL_BAND:
        return "none"
    return "favour" if score > 0 else "against"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def predict(items: Sequence[tuple[str, str, str, str]], settings_for: Callable[[str], Settings]
            ) -> list[Row]:
    """Score (id, target, gold, text) items with our scorer and plain VADER."""
    vader = SentimentIntensityAnalyzer()
    rows = []
    for item_id, target, gold, text in items:
        settings = settings_for(target)
        found = next((s for s in score_text(text, item_id, settings) if s.target == target),
                     None)
        score = None if found is None else found.score
        rows.append(Row(item_id, target, gold, text, label_of(score),
                        label_of(vader.polarity_scores(text)["compound"]), score,
                        "-" if found is None else found.via))
    return rows


def topic_rows(folder: Path) -> list[Row]:
    """Run a topic set: posts.tsv plus one config per topic."""
    items = [(r["id"], r["topic"], r["label"], r["text"]) for r in _read(folder / "posts.tsv")]
    configs = {t: load_settings(folder / f"{t}.toml") for t in {i[1] for i in items}}
    return predict(items, configs.__getitem__)


def mention_rows() -> list[Row]:
    """Run the two geopolitics sets with the geopolitics preset."""
    settings = load_settings(preset="geopolitics")
    items = [(r["id"], r["target"], OLD_LABELS[r["label"]], r["text"])
             for name in ("stance_labelled.tsv", "stance_heldout.tsv")
             for r in _read(DATA / name)]
    return predict(items, lambda _: settings)


def f1(pairs: Sequence[tuple[str, str]], label: str) -> float:
    """F1 of one class over (gold, predicted) pairs."""
    tp = sum(g == label == p for g, p in pairs)
    wrong = sum((g == label) != (p == label) for g, p in pairs)
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def f_avg(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean F1 of favour and against."""
    return (f1(pairs, "favour") + f1(pairs, "against")) / 2


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean F1 of favour, against and none."""
    return sum(f1(pairs, label) for label in LABELS) / len(LABELS)


def sign_acc(pairs: Sequence[tuple[str, str]]) -> float:
    """Share of polar gold rows predicted exactly."""
    polar = [(g, p) for g, p in pairs if g != "none"]
    return sum(g == p for g, p in polar) / len(polar) if polar else 0.0


METRICS: dict[str, Callable[[Sequence[tuple[str, str]]], float]] = {
    "F_avg": f_avg, "macro-F1": macro_f1, "sign acc": sign_acc}


def bootstrap(rows: Sequence[Row], metric: Callable[[Sequence[tuple[str, str]]], float]
              ) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """95% percentile intervals for ours, VADER and the paired difference."""
    rng = random.Random(SEED)
    ours, base, diff = [], [], []
    for _ in range(RESAMPLES):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        a = metric([(r.gold, r.ours) for r in sample])
        b = metric([(r.gold, r.base) for r in sample])
        ours.append(a)
        base.append(b)
        diff.append(a - b)

    def interval(values: list[float]) -> tuple[float, float]:
        values = sorted(values)
        return values[int(0.025 * RESAMPLES)], values[int(0.975 * RESAMPLES) - 1]

    return interval(ours), interval(base), interval(diff)


def mcnemar(rows: Sequence[Row]) -> tuple[int, int, float]:
    """Rows only we get right, rows only VADER gets right, exact two-sided p."""
    b = sum(r.ours == r.gold != r.base for r in rows)
    c = sum(r.base == r.gold != r.ours for r in rows)
    n = b + c
    if n == 0:
        return b, c, 1.0
    tail = sum(comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n
    return b, c, min(1.0, 2 * tail)


def report(name: str, rows: Sequence[Row]) -> None:
    """Print one set's figures."""
    counts = {label: sum(r.gold == label for r in rows) for label in LABELS}
    vias = {v: sum(r.via == v for r in rows) for v in ("mention", "rival", "topic", "-")}
    print(f"\n== {name}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in counts.items())})"
          f"; reached via {vias}")
    print(f"{'measure':<10} {'ours':>6} {'95% CI':>15} {'VADER':>7} {'95% CI':>15}"
          f" {'gain':>7} {'paired 95% CI':>17}")
    for label, metric in METRICS.items():
        a = metric([(r.gold, r.ours) for r in rows])
        b = metric([(r.gold, r.base) for r in rows])
        ci_a, ci_b, ci_d = bootstrap(rows, metric)
        print(f"{label:<10} {a:>6.3f} [{ci_a[0]:.3f}, {ci_a[1]:.3f}] {b:>7.3f}"
              f" [{ci_b[0]:.3f}, {ci_b[1]:.3f}] {a - b:>+7.3f} [{ci_d[0]:+.3f}, {ci_d[1]:+.3f}]")
    only_ours, only_base, p = mcnemar(rows)
    print(f"McNemar exact: only ours right {only_ours}, only VADER right {only_base}, p = {p:.3g}")


def errors(rows: Sequence[Row]) -> None:
    """List the rows we get wrong."""
    for r in rows:
        if r.ours != r.gold:
            score = "  none" if r.score is None else f"{r.score:+.2f}"
            print(f"{r.item_id:<10} {r.gold:<8} {r.ours:<8} {score} {r.via:<8} {r.text[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="run the held-out set")
    parser.add_argument("--errors", action="store_true", help="list our mistakes")
    args = parser.parse_args(argv)
    if args.heldout:
        sets = [("topics held-out", topic_rows(DATA / "topics_heldout"))]
    else:
        sets = [("topics dev", topic_rows(DATA / "topics_dev")),
                ("geopolitics mentions (dev)", mention_rows())]
    for name, rows in sets:
        report(name, rows)
        if args.errors and not args.heldout:
            errors(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
