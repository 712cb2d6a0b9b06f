"""A seeded synthetic forum dump with planted copies, for the repost benchmarks.

Writes JSON Lines (one post a line, with ``thread``, ``id``, ``author``,
``timestamp`` and ``text``) and, beside it, ``<name>.truth.json``: the planted
groups, each a list of ``[thread, post_id]`` with the original first.

Posts are drawn from a Zipf-like vocabulary of made-up words, 15 to 150 words
long, in threads of about 25 posts. A share of posts (``--sources``) is
copied one to six times into other threads, each copy one of:

- ``exact``: the same text;
- ``edited``: a word changed, dropped or added, once per 30 words or so
  (at least once): each edit changes up to three shingles, so a copy keeps
  about 85% of the original's shingles or more;
- ``wrapped``: the text between a short lead-in and a short comment of new
  words, up to half its length in all (containment 1).

A third of the copies are posted by the original's author (self-reposts),
the rest by a small set of accounts that post copies.

    python benchmarks/dumpgen.py OUT.jsonl [--posts 20000] [--seed 7] [--sources 0.01]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = ("ka ri to na me so lu vi de ra po ne ti ma su ko li ba fe go ha ju "
             "mi ny pe qu re sa te ul va we xi yo ze").split()
START = 1_600_000_000


@dataclass
class Post:
    """One generated post."""

    thread: str
    post_id: str
    author: str
    timestamp: int
    text: str


class Generator:
    """Seeded source of words, posts and edits."""

    def __init__(self, seed: int, vocabulary: int = 20000) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(self.rng.choices(SYLLABLES, k=self.rng.randint(1, 4))))
        self.words = sorted(words)
        self.rng.shuffle(self.words)
        self.cum = []
        total = 0.0
        for rank in range(vocabulary):
            total += 1.0 / (rank + 1) ** 1.05
            self.cum.append(total)

    def text(self, n: int) -> str:
        """``n`` words in sentences of 6 to 18 words."""
        chosen = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        out: list[str] = []
        while chosen:
            size = self.rng.randint(6, 18)
            sentence, chosen = chosen[:size], chosen[size:]
            out.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
        return " ".join(out)

    def edit(self, text: str) -> str:
        """Change, drop or add a word, about once per 30 words (at least once)."""
        words = text.split()
        for _ in range(self.rng.randint(1, max(1, len(words) // 30))):
            at = self.rng.randrange(len(words))
            what = self.rng.random()
            if what < 0.4:
                words[at] = self.rng.choice(self.words)
            elif what < 0.7 and len(words) > 20:
                del words[at]
            else:
                words.insert(at, self.rng.choice(self.words))
        return " ".join(words)

    def wrap(self, text: str) -> str:
        """The text between a lead-in and a comment of new words."""
        extra = max(4, int(len(text.split()) * self.rng.uniform(0.1, 0.5)))
        lead = self.rng.randint(2, extra - 2)
        return f"{self.text(lead)}\n\n{text}\n\n{self.text(extra - lead)}"


def generate(posts: int, seed: int, sources: float) -> tuple[list[Post], list[list[list[str]]]]:
    """The dump's posts in file order, and the planted groups."""
    gen = Generator(seed)
    rng = gen.rng
    n_threads = max(2, posts // 25)
    authors = [f"user{n}" for n in range(max(10, posts // 15))]
    copiers = [f"copier{n}" for n in range(max(3, posts // 2000))]
    threads: list[list[Post]] = [[] for _ in range(n_threads)]
    base = max(1, int(posts / (1 + sources * 3.5)))
    for _ in range(base):
        t = rng.randrange(n_threads)
        threads[t].append(Post(f"t{t}", "", rng.choice(authors), 0,
                               gen.text(int(rng.triangular(15, 150, 40)))))
    groups: list[list[Post]] = []
    flat = [p for thread in threads for p in thread if len(p.text.split()) >= 25]
    planted = 0
    while planted < posts - base and flat:
        source = rng.choice(flat)
        group = [source]
        for _ in range(rng.randint(1, 6)):
            kind = rng.choice(("exact", "edited", "wrapped"))
            text = (source.text if kind == "exact" else
                    gen.edit(source.text) if kind == "edited" else gen.wrap(source.text))
            author = source.author if rng.random() < 1 / 3 else rng.choice(copiers)
            t = rng.randrange(n_threads)
            copy = Post(f"t{t}", "", author, 0, text)
            threads[t].append(copy)
            group.append(copy)
            planted += 1
        groups.append(group)
    clock = START
    for t, thread in enumerate(threads):
        rng.shuffle(thread)
        clock = START + rng.randrange(0, 365 * 86400)
        for n, post in enumerate(thread, start=1):
            post.post_id = str(n)
            clock += rng.randrange(60, 86400)
            post.timestamp = clock
        del t
    order = [p for thread in threads for p in thread]
    truth = [[[p.thread, p.post_id] for p in group] for group in groups]
    return order, truth


def rows(posts: list[Post]) -> Iterator[str]:
    """The posts as JSON lines."""
    for p in posts:
        yield json.dumps({"thread": p.thread, "id": p.post_id, "author": p.author,
                          "timestamp": p.timestamp, "text": p.text}, ensure_ascii=False) + "\n"


def write_dump(path: Path, posts: int, seed: int = 7, sources: float = 0.01) -> Path:
    """Write the dump to ``path`` and its truth beside it; return the truth file."""
    order, truth = generate(posts, seed, sources)
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(rows(order))
    truth_path = path.with_suffix(".truth.json")
    truth_path.write_text(json.dumps(truth), encoding="utf-8")
    return truth_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sources", type=float, default=0.01,
                        help="share of posts that are copied (each 1 to 6 times)")
    args = parser.parse_args()
    truth = write_dump(args.out, args.posts, args.seed, args.sources)
    print(f"wrote {args.out} and {truth}")


if __name__ == "__main__":
    main()
