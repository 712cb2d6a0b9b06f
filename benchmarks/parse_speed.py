"""How fast saved pages parse, and what our parser layer costs on top of the tree.

For every HTML fixture under ``tests/fixtures/`` (one per engine), and for a
large XenForo page made by repeating the fixture's posts to about 160 KB,
this times, side by side in one process:

* ``bs4``: BeautifulSoup over lxml building the tree (for reference);
* ``lxml``: our DOM backend building the tree (:func:`analyzer.parsers.dom.parse_html`);
* ``selectolax``: Lexbor building the tree, if selectolax is installed;
* ``parse``: our whole parse (tree, selectors, text, quotes, dates) with
  the engine already detected.

It prints pages per second for each, and the ratio ``parse / lxml``: the
cost of the parser layer as a multiple of bare tree building. Run::

    python benchmarks/parse_speed.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from analyzer.parsers.base import Document
from analyzer.parsers.dom import parse_html
from analyzer.parsers.registry import detect
from analyzer.reading.batch import read_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

try:
    from selectolax.lexbor import LexborHTMLParser
except ImportError:  # optional: only for the comparison column
    LexborHTMLParser = None


def _best(func: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timings, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _big_xenforo_page() -> Document:
    """The XenForo 2 fixture with its posts repeated (fresh ids) to about 160 KB."""
    page = (FIXTURES / "xenforo2" / "thread-page1.html").read_text("utf-8")
    start = page.index("<article class=\"message")
    end = page.rindex("</article>") + len("</article>")
    posts = page[start:end]
    copies = []
    n = 0
    while len(page) + sum(map(len, copies)) < 160_000:
        n += 1
        copies.append(re.sub(r"post-(\d+)", lambda m, n=n: f"post-{int(m.group(1)) + 1000 * n}",
                             posts))
    text = page[:end] + "".join(copies) + page[end:]
    return Document("xenforo2-160kb.html", text.encode(), text)


def _documents() -> list[Document]:
    docs = []
    for path in sorted(FIXTURES.rglob("*.htm*")):
        if path.name.endswith(".json"):
            continue
        doc = read_document(path)
        try:
            detect(doc)
        except Exception:  # not a page any parser reads (encoding samples, say)
            continue
        docs.append(doc)
    return [*docs, _big_xenforo_page()]


def main() -> None:
    """Time every page and print a table."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--repeat", type=int, default=20, help="timings per page (median)")
    args = options.parse_args()
    header = (f"{'page':<44} {'KB':>6} {'bs4':>8} {'lxml':>8} {'lexbor':>8} {'parse':>8} "
              f"{'parse/lxml':>10}")
    print("pages per second (median of", args.repeat, "runs)")
    print(header)
    ratios = []
    for doc in _documents():
        parser = detect(doc)()
        bs4 = _best(lambda doc=doc: BeautifulSoup(doc.text, "lxml"), args.repeat)
        lxml = _best(lambda doc=doc: parse_html(doc.text), args.repeat)
        lexbor = (_best(lambda doc=doc: LexborHTMLParser(doc.text), args.repeat)
                  if LexborHTMLParser else float("nan"))
        full = _best(lambda doc=doc, parser=parser: parser.parse(doc), args.repeat)
        ratios.append(full / lxml)
        name = f"{Path(doc.name).parent.name}/{Path(doc.name).name}"[-44:]
        print(f"{name:<44} {len(doc.data) / 1024:>6.1f} {1 / bs4:>8.0f} {1 / lxml:>8.0f} "
              f"{1 / lexbor:>8.0f} {1 / full:>8.0f} {full / lxml:>10.1f}")
    print(f"median parse/lxml ratio: {statistics.median(ratios):.1f}")


if __name__ == "__main__":
    main()
