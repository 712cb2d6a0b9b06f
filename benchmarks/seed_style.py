"""How well the plain-text parser cuts seed-style copies (bare post texts, planted reposts).

Generates seed-style XenForo 2 copies with ``tests/tools/seedstyle.py``
(made-up threads; no word of them comes from the sample) and reports:

- post starts right: true post starts where the parser starts a post;
- counts right: copies where the parser finds exactly the real number of posts;
- reposts right: planted reposts the parser gives as a post of their own,
  word for word;

and the mean of the three rates, the figure the issue's check uses.

Run: ``python benchmarks/seed_style.py [--copies N]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer.parsers.base import Document
from analyzer.parsers.engines.plaintext import PlainTextParser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "tools"))
from seedstyle import build  # type: ignore[import-not-found]  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.split())


def main(argv: list[str]) -> int:
    """Print the three rates over N generated copies."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--copies", type=int, default=30)
    args.add_argument("--salt", default="seed-style-")
    opts = args.parse_args(argv)
    starts = starts_right = counts_right = reposts = reposts_right = 0
    for n in range(opts.copies):
        text, posts = build(f"{opts.salt}{n}")
        thread = PlainTextParser().parse(Document("copy.txt", text.encode(), text))
        found = [_norm(p.text) for p in thread.posts]
        firsts = {_norm(p.text)[:60] for p in thread.posts}
        starts += len(posts)
        # The post's first 60 characters, not its first paragraph's: a byline
        # paragraph ("By Jane Carter") is shorter than that.
        starts_right += sum(1 for p in posts if _norm(" ".join(p.paragraphs))[:60] in firsts)
        counts_right += len(found) == len(posts)
        for post in posts:
            if post.repost_of is not None:
                reposts += 1
                reposts_right += _norm("\n\n".join(post.paragraphs)) in found
    rates = [starts_right / starts, counts_right / opts.copies,
             reposts_right / reposts if reposts else 1.0]
    print(f"post starts right: {starts_right}/{starts} = {rates[0]:.0%}")
    print(f"counts right: {counts_right}/{opts.copies} = {rates[1]:.0%}")
    print(f"reposts right: {reposts_right}/{reposts} = {rates[2]:.0%}")
    print(f"mean: {sum(rates) / 3:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
