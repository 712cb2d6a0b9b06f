"""Write the browser-style text copies under ``tests/textcopies/``, with their truth.

For each engine skin in :mod:`skins` and each variant seed, a synthetic
thread is laid out as one or more pages, each page is rendered with
:func:`innertext.inner_text` (what select all, copy gives) and the pages'
texts are joined as a user pasting them one after another would. The truth
(authors in order, post texts, signatures) goes to ``truth.json``.

Run from the repository root: ``python tests/tools/make_copies.py``.
The copies are committed, so tests need neither this script nor a browser.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from innertext import inner_text  # noqa: E402
from pagegen import make_thread  # noqa: E402
from skins import SKINS  # noqa: E402

OUT = HERE.parent / "textcopies"
VARIANTS = 3
TITLES = ["Bombers fly joint patrol over the Pacific", "Joint air patrol: what does it mean?",
          "Fuel prices and long-range patrols", "Alliance or photo opportunity"]


def build(engine: str, variant: int, salt: str = "") -> tuple[str, dict]:
    """One copy of one synthetic thread, and its truth (``salt`` picks other threads)."""
    rng = random.Random(f"{salt}{engine}-{variant}")
    n_posts = rng.randint(9, 26)
    posts = make_thread(rng, n_posts, sig_rate=rng.choice([0.3, 0.6]),
                        loc_rate=rng.choice([0.2, 0.7]))
    title = rng.choice(TITLES)
    pages = 2 if variant == VARIANTS - 1 else 1
    per_page = -(-n_posts // pages)
    texts = []
    for page_no in range(1, pages + 1):
        chunk = posts[(page_no - 1) * per_page: page_no * per_page]
        if page_no > 1 and engine == "xenforo2":
            chunk = [posts[0], *chunk]  # first post repeated at the top of later pages
        texts.append(inner_text(SKINS[engine](chunk, rng, page_no, pages, title)))
    truth = {
        "engine": engine, "pages": pages,
        "posts": [{"author": p.member.name, "paragraphs": p.paragraphs,
                   "signature": p.member.signature, "edited": p.edited, "footer": p.footer,
                   "quote_author": p.quote[0] if p.quote else None} for p in posts],
    }
    return "\n".join(texts), truth


def main() -> int:
    """Write every copy and the truth file."""
    OUT.mkdir(exist_ok=True)
    truth = {}
    for engine in SKINS:
        for variant in range(VARIANTS):
            text, facts = build(engine, variant)
            name = f"{engine}-{variant + 1}.txt"
            (OUT / name).write_text(text, "utf-8")
            truth[name] = facts
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                    "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
