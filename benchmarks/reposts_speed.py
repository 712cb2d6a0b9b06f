"""Reposts across a dump: our search against the plain datasketch loop, on the same posts.

Generates a seeded dump with planted copies (:mod:`dumpgen`), then times, in
the same run:

- signing: the numpy signer against ``MinHash()`` + ``update()`` per shingle;
- candidate search: numpy band-key sorting against ``MinHashLSH`` (insert
  every post, query every post) at the same threshold;
- the whole command (``forum-analyzer reposts DUMP --json OUT`` in a child
  process, so its peak RSS is its own) against the plain loop + ``MinHashLSH``
  + exact Jaccard of the candidates' shingle sets.

The plain loop is timed on ``--baseline-posts`` posts (all, by default up to
20,000) and scaled linearly to the dump's size where fewer; the script says so.
It also reports recall of the planted copies (a copy counts when it is in
its original's cluster), pair precision, and clusters with no planted post.

    python benchmarks/reposts_speed.py [--posts 20000] [--baseline-posts N] [--seed 7]
                                       [--keep DUMP.jsonl | --dump DUMP.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasketch import MinHash, MinHashLSH  # noqa: E402
from dumpgen import write_dump  # noqa: E402

from analyzer.dumps.index import SignedDump, sign_batch  # noqa: E402
from analyzer.dumps.read import DumpPost, read_dump  # noqa: E402
from analyzer.dumps.search import BATCH, band_candidates  # noqa: E402
from analyzer.reposts import candidate_banding, jaccard, shingles  # noqa: E402
from analyzer.settings import default_settings  # noqa: E402


def plain_baseline(texts: list[str], threshold: float, num_perm: int, seed: int,
                   size: int) -> dict[str, float]:
    """What a datasketch user writes: sign per shingle, index, query, confirm exactly."""
    start = time.perf_counter()
    sets = [shingles(t, size) for t in texts]
    sigs = []
    for shingle_set in sets:
        m = MinHash(num_perm=num_perm, seed=seed)
        for s in shingle_set:
            m.update(s)
        sigs.append(m)
    signed = time.perf_counter()
    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for i, m in enumerate(sigs):
        index.insert(i, m)
    pairs = {(i, j) for i, m in enumerate(sigs) for j in index.query(m) if j > i}
    searched = time.perf_counter()
    confirmed = [(i, j) for i, j in pairs if jaccard(sets[i], sets[j]) >= threshold]
    done = time.perf_counter()
    del confirmed
    return {"sign": signed - start, "search": searched - signed, "whole": done - start}


def quality(clusters: list[dict], truth: list[list[list[str]]]) -> dict[str, float]:
    """Recall of planted copies, pair precision, clusters without a planted post."""
    where = {(p["thread"], p["post_id"]): c["id"] for c in clusters for p in c["posts"]}
    group_of = {tuple(m): n for n, g in enumerate(truth) for m in g}
    copies = hits = 0
    for g in truth:
        first = where.get(tuple(g[0]))
        for member in g[1:]:
            copies += 1
            hits += first is not None and where.get(tuple(member)) == first
    pairs = good = stray = 0
    for c in clusters:
        keys = [(p["thread"], p["post_id"]) for p in c["posts"]]
        stray += not any(k in group_of for k in keys)
        for k in keys[1:]:
            pairs += 1
            good += group_of.get(keys[0], -1) == group_of.get(k, -2)
    return {"recall": hits / copies if copies else 1.0,
            "precision": good / pairs if pairs else 1.0, "stray": stray}


def thread_stage(posts: list[DumpPost]) -> None:
    """Time the thread analysis's repost stage on all posts as one thread."""
    from analyzer.model import Post, Thread
    from analyzer.reposts import find_reposts

    thread = Thread(id="all", title=None, engine="bench", url=None, posts=tuple(
        Post(id=str(n + 1), position=n, author=p.author, timestamp=None, text=p.text)
        for n, p in enumerate(posts)))
    start = time.perf_counter()
    clusters = find_reposts(thread, default_settings())
    print(f"find_reposts on one thread of {len(posts)} posts: "
          f"{time.perf_counter() - start:.2f} s, {len(clusters)} clusters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--baseline-posts", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the dump here and keep it")
    parser.add_argument("--dump", type=Path,
                        help="use this dump (from dumpgen.py, truth beside it) instead")
    parser.add_argument("--thread-stage", action="store_true",
                        help="only time find_reposts (the analyse stage), all posts one thread")
    args = parser.parse_args()
    settings = default_settings()
    folder = Path(tempfile.mkdtemp(prefix="reposts-bench-"))
    if args.dump:
        dump, truth_path = args.dump, args.dump.with_suffix(".truth.json")
    else:
        dump = args.keep or folder / "dump.jsonl"
        truth_path = write_dump(dump, args.posts, args.seed)
    truth = json.loads(truth_path.read_text("utf-8"))
    posts = [p for p in read_dump([dump]) if isinstance(p, DumpPost)]
    texts = [p.text for p in posts]
    n = len(texts)
    if args.thread_stage:
        thread_stage(posts)
        return

    start = time.perf_counter()
    batches = [sign_batch(texts[k:k + BATCH], settings) for k in range(0, n, BATCH)]
    ours_sign = time.perf_counter() - start
    signed = SignedDump(settings.num_perm)
    for k, batch in zip(range(0, n, BATCH), batches, strict=True):
        signed.add(posts[k:k + BATCH], batch)
    frozen = signed.frozen()
    bands, rows = candidate_banding(settings)
    start = time.perf_counter()
    band_candidates(frozen, bands, rows)
    ours_search = time.perf_counter() - start
    del posts, signed, frozen, batches

    out = folder / "out.json"
    cmd = [sys.executable, "-c", "from analyzer.cli import main; main()", "reposts", str(dump),
           "--json", str(out)]
    # A small wrapper process starts the command and reports its peak RSS: a child
    # forked straight from this (large) process would count this one's pages too.
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
               "print(time.perf_counter() - t, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    report = subprocess.run([sys.executable, "-c", wrapper, *cmd], check=True,
                            capture_output=True, text=True).stdout.split()
    ours_whole, peak_mb = float(report[0]), int(report[1]) / 1024
    found = quality(json.loads(out.read_text("utf-8"))["clusters"], truth)

    sample = min(n, args.baseline_posts or 20000)

    def ours_on_sample() -> float:
        start = time.perf_counter()
        for k in range(0, sample, BATCH):
            sign_batch(texts[k:min(k + BATCH, sample)], settings)
        return time.perf_counter() - start

    before = ours_on_sample()
    base = plain_baseline(texts[:sample], settings.threshold, settings.num_perm, settings.seed,
                          settings.shingle_size)
    paired = base["sign"] / ((before + ours_on_sample()) / 2)
    scale = n / sample
    base = {k: v * scale for k, v in base.items()}
    print(f"{n} posts ({len(truth)} planted groups), {platform.processor() or platform.machine()}"
          f", {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}")
    if scale > 1:
        print(f"plain loop timed on {sample} posts and scaled x{scale:.1f}")
    for name, ours in (("signing", ours_sign), ("candidate search", ours_search),
                       ("whole command", ours_whole)):
        theirs = base[{"signing": "sign", "candidate search": "search",
                       "whole command": "whole"}[name]]
        print(f"{name:17} ours {n / ours:>10,.0f} posts/s   plain {n / theirs:>9,.0f} posts/s"
              f"   ratio {theirs / ours:6.1f}x   (ours {ours:.2f} s, plain {theirs:.1f} s)")
    print(f"signing, paired (ours just before and after the plain loop, {sample} posts): "
          f"ratio {paired:.1f}x")
    print(f"recall {found['recall']:.4f}  pair precision {found['precision']:.4f}  "
          f"clusters with no planted post {found['stray']}  peak RSS (command) {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
