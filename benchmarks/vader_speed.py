"""VADER's own analyser against :class:`analyzer.stance.vader.Vader`: same scores, less time.

Scores the same texts with both, side by side in one process, and prints
how many scores differ (must be 0) and the CPU seconds of each, for:

* ``posts``: the generated posts of :mod:`pipeline_speed` (30-150 words);
* ``sentences``: the same posts cut into sentences (what stance scores);
* ``eval``: the human-rated guard sets in ``--eval`` (tweets, NYT snippets),
  when that folder exists.

Run::

    nice python benchmarks/vader_speed.py [--posts 5000] [--eval /work/shared/eval/sentiment]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import generate_thread  # noqa: E402


def _eval_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*GroundTruth.txt")):
        for line in path.read_text("utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                texts.append(parts[2])
    return texts


def _seconds(score: object, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        score(text)  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=5000, help="Generated posts to score.")
    parser.add_argument("--eval", default="/work/shared/eval/sentiment",
                        help="Folder of the human-rated guard sets.")
    args = parser.parse_args()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analyzer.stance.vader import Vader
    from analyzer.text import sentences

    plain, fast = SentimentIntensityAnalyzer(), Vader()
    posts = [str(row["text"]) for row in generate_thread(args.posts)]
    sets = {"posts": posts, "sentences": [s for p in posts for s in sentences(p)]}
    if Path(args.eval).is_dir():
        sets["eval"] = _eval_texts(Path(args.eval))
    print("| texts | count | scores that differ | VADER CPU s | fast compound CPU s "
          "| VADER / fast |")
    print("|---|---|---|---|---|---|")
    for name, texts in sets.items():
        differ = sum(plain.polarity_scores(t) != fast.polarity_scores(t)
                     or plain.polarity_scores(t)["compound"] != fast.compound(t) for t in texts)
        slow, quick = _seconds(plain.polarity_scores, texts), _seconds(fast.compound, texts)
        print(f"| {name} | {len(texts):,} | {differ} | {slow:.2f} | {quick:.2f} | "
              f"{slow / quick:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
