"""How well the plain-text parser reads browser-style copies of each engine's pages.

Reads the copies under ``tests/textcopies/`` (made by
``tests/tools/make_copies.py`` from our own synthetic pages) and prints, per
engine, the posts found against the real posts, the authors right in order
(the longest common run-by-run alignment of the two author lists, so one
spurious post costs one post, not the rest of the thread), and how many
post texts still carry a signature, an edit note or an app footer.

Run: ``python benchmarks/text_copies.py`` (``--json`` for machine output).
``--fresh N`` instead reads N new threads per engine, generated on the spot
with other seeds: copies no one has looked at while writing the parser.
``--html-fixtures`` reads copies of the hand-written HTML fixtures of every
engine (``tests/fixtures/<engine>/*.html``, written by others for the HTML
parsers), rendered on the spot; the truth is what the engine's HTML parser
reads from the page. ``--speed N`` times the parser on an N-post XenForo 2
copy (engine profile) and an N-post seed-style copy (generic segmenter).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import defaultdict
from pathlib import Path

from analyzer.errors import ParseError
from analyzer.parsers.base import Document
from analyzer.parsers.engines.plaintext import PlainTextParser

COPIES = Path(__file__).resolve().parent.parent / "tests" / "textcopies"
LEFTOVERS = ("Last edited", "This post was last modified", "last edited by", "Reply With Quote")


def authors_in_order(found: list[str | None], real: list[str]) -> int:
    """Authors matched in order between what the parser found and the truth."""
    matcher = difflib.SequenceMatcher(a=[a or "" for a in found], b=real, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def committed() -> list[tuple[str, str, dict]]:
    """The committed copies: (name, text, truth)."""
    truth = json.loads((COPIES / "truth.json").read_text("utf-8"))
    return [(name, (COPIES / name).read_text("utf-8"), facts)
            for name, facts in sorted(truth.items())]


def fresh(per_engine: int) -> list[tuple[str, str, dict]]:
    """New copies made with the fixture generator and seeds of their own."""
    sys.path.insert(0, str(COPIES.parent / "tools"))
    from make_copies import build  # type: ignore[import-not-found]
    from skins import SKINS  # type: ignore[import-not-found]
    out = []
    for engine in SKINS:
        for variant in range(per_engine):
            text, facts = build(engine, variant, salt="fresh-")
            out.append((f"{engine}-fresh-{variant}", text, facts))
    return out


def html_fixtures() -> list[tuple[str, str, dict]]:
    """Copies of the HTML fixtures, with the HTML parsers' reading as truth."""
    sys.path.insert(0, str(COPIES.parent / "tools"))
    from innertext import inner_text  # type: ignore[import-not-found]

    from analyzer.reading.batch import parse_paths
    out = []
    for path in sorted((COPIES.parent / "fixtures").glob("*/*.html")):
        if path.parent.name in ("selectors", "encodings"):
            continue
        try:
            thread = parse_paths(path)
        except ParseError:
            continue
        text = inner_text(path.read_bytes().decode("utf-8", "replace"))
        facts = {"engine": path.parent.name,
                 "posts": [{"author": p.author, "signature": None, "footer": None}
                           for p in thread.posts]}
        out.append((path.name, text, facts))
    return out


def speed(n_posts: int) -> None:
    """Print how long the parser takes on two big generated copies."""
    import random
    import time
    sys.path.insert(0, str(COPIES.parent / "tools"))
    import seedstyle  # type: ignore[import-not-found]
    from innertext import inner_text  # type: ignore[import-not-found]
    from pagegen import make_thread  # type: ignore[import-not-found]
    from skins import SKINS  # type: ignore[import-not-found]
    rng = random.Random(n_posts)
    big = inner_text(SKINS["xenforo2"](make_thread(rng, n_posts), rng, 1, 1, "Big thread"))
    for label, text in (("xenforo2 copy", big), ("seed-style copy",
                                                  seedstyle.build("speed", n_posts)[0])):
        start = time.perf_counter()
        thread = PlainTextParser().parse(Document("big.txt", text.encode(), text))
        print(f"{label}: {len(text) / 1e6:.1f} MB, {len(thread.posts)} posts, "
              f"{time.perf_counter() - start:.2f} s ({thread.layout})")


def measure(copies: list[tuple[str, str, dict]]) -> dict[str, dict[str, int]]:
    """Per-engine totals over the copies."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, text, facts in copies:
        real = [p["author"] for p in facts["posts"]]
        try:
            thread = PlainTextParser().parse(Document(name, text.encode(), text))
            posts = list(thread.posts)
            layout = getattr(thread, "layout", None) or "-"
        except ParseError:
            posts, layout = [], "error"
        row = table[facts["engine"]]
        row["copies"] += 1
        row["found"] += len(posts)
        row["real"] += len(real)
        row["authors"] += authors_in_order([p.author for p in posts], real)
        row["counts_right"] += len(posts) == len(real)
        sigs = {p["signature"] for p in facts["posts"] if p["signature"]}
        footers = {p["footer"] for p in facts["posts"] if p["footer"]}
        row["leftovers"] += sum(1 for p in posts if any(s in p.text for s in
                                                         (*sigs, *footers, *LEFTOVERS)))
        row[f"layout:{layout}"] += 1
    return {k: dict(v) for k, v in table.items()}


def main(argv: list[str]) -> int:
    """Print the table."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--json", action="store_true")
    args.add_argument("--fresh", type=int, default=0, metavar="N",
                      help="read N newly generated threads per engine instead")
    args.add_argument("--html-fixtures", action="store_true",
                      help="read copies of the HTML fixtures instead")
    args.add_argument("--speed", type=int, default=0, metavar="N",
                      help="time the parser on N-post copies instead")
    opts = args.parse_args(argv)
    if opts.speed:
        speed(opts.speed)
        return 0
    copies = (html_fixtures() if opts.html_fixtures else fresh(opts.fresh) if opts.fresh
              else committed())
    table = measure(copies)
    if opts.json:
        print(json.dumps(table, indent=1))
        return 0
    print("| engine | copies | posts found | real posts | authors right, in order | "
          "counts right | texts with sig/edit/footer | layout |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    total_a = total_r = total_c = total_n = 0
    for engine, row in table.items():
        layouts = ", ".join(f"{k[7:]}×{v}" for k, v in row.items() if k.startswith("layout:"))
        print(f"| {engine} | {row['copies']} | {row['found']} | {row['real']} | "
              f"{row['authors']}/{row['real']} | {row['counts_right']}/{row['copies']} | "
              f"{row['leftovers']} | {layouts} |")
        total_a += row["authors"]
        total_r += row["real"]
        total_c += row["counts_right"]
        total_n += row["copies"]
    print(f"\nauthors right in order: {total_a}/{total_r} = {total_a / total_r:.0%}; "
          f"post counts right: {total_c}/{total_n} copies = {total_c / total_n:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
