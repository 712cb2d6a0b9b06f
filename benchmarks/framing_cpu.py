"""CPU seconds of framing alone against VADER alone, on repetitive and on distinct text.

For each size it builds the generated thread of :mod:`pipeline_speed` (same
seed) in one of two forms:

* ``repetitive``: as generated, from a small vocabulary, so the same
  sentences come back again and again (which flatters anything remembered
  per word or per sentence);
* ``distinct``: the same thread with a token of its own (``ref123``) put at
  the end of every sentence, so no two sentences are alike and the
  vocabulary grows with the thread, as it does (more slowly) in real ones;
* ``zipf``: the thread ``pipeline_speed.py --distinct`` writes, two to four
  made-up words (a 5,000-word Zipf vocabulary) added to every sentence.

It runs the stages before framing untimed (news judging, repost finding,
target resolution), then times, on one core, VADER alone on every post's
text and :func:`analyzer.framing.compare`, and prints framing's CPU seconds
and its ratio to VADER's. Each size and form runs in a fresh process, so no
cache of one run helps the next. ``--pure-stemmer`` hides the compiled
Snowball stemmer (pystemmer), as on an install without it. Run::

    nice python benchmarks/framing_cpu.py [--sizes 5000,20000] [--forms repetitive,distinct]

What it cannot show: the cost on real threads, whose vocabulary lies
between the two forms, and the wall time of the whole analysis (see
``pipeline_speed.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pipeline_speed  # noqa: E402

_END = re.compile(r"[.!?]+$")


def _make_distinct() -> None:
    """Make every sentence the generator writes carry a token of its own."""
    made = [0]

    def tagged(write):  # type: ignore[no-untyped-def]
        def write_tagged(rng: random.Random) -> str:
            text = write(rng)
            made[0] += 1
            end = _END.search(text)
            cut = end.start() if end else len(text)
            return f"{text[:cut]} ref{made[0]}{text[cut:]}"
        return write_tagged

    pipeline_speed._opinion_sentence = tagged(pipeline_speed._opinion_sentence)
    pipeline_speed._news_sentence = tagged(pipeline_speed._news_sentence)


def measure(n_posts: int, form: str, workdir: Path) -> dict[str, float]:
    """CPU seconds of VADER and of framing on a generated thread of ``n_posts``."""
    if form == "distinct":
        _make_distinct()
    from analyzer.framing import compare

    rows = pipeline_speed.generate_thread(n_posts, distinct=form == "zipf")
    ready = pipeline_speed.prepare(rows, workdir)
    thread, articles, clusters, settings = (ready.thread, ready.articles, ready.clusters,
                                            ready.settings)
    _, vader = pipeline_speed.vader_seconds([str(r["text"]) for r in rows])
    start = time.process_time()
    framing = compare(thread, articles, clusters, settings)
    took = time.process_time() - start
    return {"vader": vader, "framing": took, "claims": len(framing.claims)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="Comma-separated thread sizes.")
    parser.add_argument("--forms", default="repetitive,distinct",
                        help="Comma-separated forms: repetitive, distinct, zipf.")
    parser.add_argument("--pure-stemmer", action="store_true",
                        help="Hide pystemmer, so snowballstemmer runs in pure Python.")
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "FORM"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pure_stemmer:
        sys.modules["Stemmer"] = None  # type: ignore[assignment]
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(int(args.child[0]), args.child[1], Path(tmp))))
        return
    print("| posts | form | VADER CPU s | framing CPU s | framing / VADER |\n|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        for form in (f.strip() for f in args.forms.split(",") if f.strip()):
            command = [sys.executable, __file__, "--child", str(size), form]
            if args.pure_stemmer:
                command.append("--pure-stemmer")
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {size:,} | {form} | {r['vader']:.2f} | {r['framing']:.2f} | "
                  f"{r['framing'] / r['vader']:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
