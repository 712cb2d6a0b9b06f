"""How many facts of each saved page the parsers get right.

The facts of a page, written by hand into ``benchmarks/data/parse_facts.json``
from reading each fixture (not from running the parser): how many posts it
holds, and for each post in order its id, speaker, date (ISO 8601, UTC, to
the minute; null where the page shows none or only "Today" without saying
when it was saved) and the ids of the posts it quotes. A page the parser
refuses with an error gets every fact wrong, unless the page is listed with
``"refused": true`` (a page that must be refused): then refusing it is its one
fact right. Posts are compared in order; a missing post loses all its facts.

Prints each page's score and the total, with a Wilson 95% interval over
the facts (facts of one page are not independent, so read the interval as
a rough guide). Run::

    python benchmarks/parse_facts.py [--only SUBSTRING] [--show-wrong]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from datetime import UTC
from pathlib import Path
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.model import Post, Thread
from analyzer.reading.batch import parse_paths

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FACTS = Path(__file__).resolve().parent / "data" / "parse_facts.json"


def post_facts(post: Post) -> dict[str, Any]:
    """The facts of one parsed post, in the form the facts file writes them."""
    when = post.timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") if post.timestamp else None
    return {"id": post.id, "author": post.author, "date": when,
            "quotes": sorted(q.post_id for q in post.quotes if q.post_id)}


def score(expected: dict[str, Any], thread: Thread | None) -> tuple[int, int, list[str]]:
    """(right, total, what was wrong) for one page."""
    if expected.get("refused"):
        return (1 if thread is None else 0), 1, ([] if thread is None else ["not refused"])
    posts = expected["posts"]
    total = 1 + 4 * len(posts)
    if thread is None:
        return 0, total, ["refused"]
    got = [post_facts(p) for p in thread.posts]
    right = int(len(got) == len(posts))
    wrong = [] if right else [f"count {len(got)} != {len(posts)}"]
    for i, want in enumerate(posts):
        have = got[i] if i < len(got) else {}
        for key in ("id", "author", "date", "quotes"):
            value = sorted(want[key]) if key == "quotes" else want[key]
            if have.get(key) == value:
                right += 1
            else:
                wrong.append(f"post {i + 1} {key}: {have.get(key)!r} != {value!r}")
    return right, total, wrong


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion."""
    if total == 0:
        return 0.0, 1.0
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="Score only pages whose name has this.")
    parser.add_argument("--show-wrong", action="store_true", help="List each wrong fact.")
    args = parser.parse_args()
    facts = json.loads(FACTS.read_text("utf-8"))
    all_right = all_total = 0
    for name, expected in facts.items():
        if args.only not in name:
            continue
        paths = [FIXTURES / part for part in name.split("+")]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                thread: Thread | None = parse_paths(paths)
        except AnalyzerError:
            thread = None
        right, total, wrong = score(expected, thread)
        all_right += right
        all_total += total
        print(f"{right:4d}/{total:<4d} {right / total:6.1%}  {name}")
        if args.show_wrong:
            for line in wrong:
                print(f"             {line}")
    low, high = wilson(all_right, all_total)
    print(f"{all_right:4d}/{all_total:<4d} {all_right / max(all_total, 1):6.1%}  all pages "
          f"(95% interval {low:.1%} to {high:.1%})")
    sys.exit(0)


if __name__ == "__main__":
    main()
