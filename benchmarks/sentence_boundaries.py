"""Sentence-boundary accuracy and speed: pysbd against the faster splitters.

Two labelled sets made from text we did not write (``/work/shared/eval``,
or ``--eval DIR``):

* ``news``: the NYT editorial snippets, one sentence a row, joined back
  into their articles (rows ``A_1``, ``A_2``... of article ``A``, in order),
  so each row end inside an article is a true boundary;
* ``forum``: the human-rated tweets that are one sentence (no ``. ``,
  ``! ``, ``? `` inside) and end in ``.``, ``!`` or ``?``, joined in runs of
  six: informal text with chat words, emoticons and lower-case starts.

Each splitter's sentences are located in the joined text, and their ends
(other than the text's end) are compared with the true boundaries: precision,
recall and F1, and seconds for the whole set. Run::

    python benchmarks/sentence_boundaries.py [--eval /work/shared/eval/sentiment]

The candidates other than pysbd and ours are optional: missing ones are
skipped.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from analyzer.text import sentences

Splitter = Callable[[str], list[str]]


def _rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return [(row[0], row[2]) for row in csv.reader(handle, delimiter="\t") if len(row) >= 3]


def news_set(folder: Path) -> list[list[str]]:
    """Articles as lists of their sentences, in order."""
    articles: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, text in _rows(folder / "nytEditorialSnippets_GroundTruth.txt"):
        article, _, number = key.partition("_")
        if number.isdigit() and text.strip():
            articles[article].append((int(number), " ".join(text.split())))
    return [[s for _, s in sorted(rows)] for rows in articles.values()]


_INNER_END = re.compile(r"[.!?]\s")


def forum_set(folder: Path, run: int = 6) -> list[list[str]]:
    """One-sentence tweets, in runs of ``run``."""
    single = [" ".join(text.split()) for _, text in _rows(folder / "tweets_GroundTruth.txt")]
    single = [t for t in single if t[-1:] in ".!?" and not _INNER_END.search(t[:-1])]
    return [single[i:i + run] for i in range(0, len(single) - run + 1, run)]


def boundaries(text: str, parts: list[str]) -> set[int]:
    """End offsets in ``text`` of each part but the last, found in order."""
    ends, cursor = set(), 0
    for part in parts:
        part = part.strip()
        if not part:
            continue
        found = text.find(part, cursor)
        if found < 0:  # a splitter that rewrites text: align on its first word
            found = text.find(part.split()[0], cursor)
            if found < 0:
                continue
            end = found + len(part.split()[0])
        else:
            end = found + len(part)
        ends.add(end)
        cursor = end
    ends.discard(len(text))
    return ends


def evaluate(splitter: Splitter, documents: list[list[str]]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and seconds of ``splitter`` over ``documents``."""
    true_positive = predicted = actual = 0
    seconds = 0.0
    for parts in documents:
        text = " ".join(parts)
        truth = boundaries(text, parts)
        start = time.perf_counter()
        found = splitter(text)
        seconds += time.perf_counter() - start
        guess = boundaries(text, found)
        true_positive += len(truth & guess)
        predicted += len(guess)
        actual += len(truth)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds


def splitters() -> dict[str, Splitter]:
    """The splitters that are installed, by name."""
    found: dict[str, Splitter] = {"ours (analyzer.text)": sentences}
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = segmenter.segment
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda text: blingfire.text_to_sentences(text).split("\n")
    except ImportError:
        pass
    try:
        from sentencex import segment

        found["sentencex"] = lambda text: list(segment("en", text))
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def _syntok(text: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in sentence).strip()
                    for paragraph in syntok_segmenter.process(text) for sentence in paragraph]

        found["syntok"] = _syntok
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default="/work/shared/eval/sentiment", type=Path,
                        help="Folder holding the VADER ground-truth files.")
    args = parser.parse_args()
    sets = {"news": news_set(args.eval), "forum": forum_set(args.eval)}
    print("| splitter | set | documents | precision | recall | F1 | seconds |")
    print("|---|---|---|---|---|---|---|")
    for name, splitter in splitters().items():
        for set_name, documents in sets.items():
            precision, recall, f1, seconds = evaluate(splitter, documents)
            print(f"| {name} | {set_name} | {len(documents)} | {precision:.3f} | {recall:.3f} "
                  f"| {f1:.3f} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
