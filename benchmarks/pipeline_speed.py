"""How long the whole analysis takes against VADER alone, as threads grow.

For each size (5,000, 20,000 and 50,000 posts by default) this generates a
thread of English posts of 30-150 words with a fixed seed (some of them
reposts of earlier posts, some pasted news reports) and one news article,
writes them as JSON Lines, and then, side by side in the same run:

* ``vader``: VADER alone scores every post's text (analyser built first,
  not timed), in this process, on one core;
* ``analyse``: a fresh Python process runs the whole analysis of the
  command line (``analyse`` with a Markdown report and its charts), timing
  each stage, and reports its peak RSS (workers included).

It prints the ratio ``analyse / vader``, the growth from each size to the
next, per-stage seconds and peak RSS, and with ``--write`` appends the
table, the machine and the date to ``benchmarks/README.md``. Run::

    nice python benchmarks/pipeline_speed.py [--sizes 5000,20000] [--jobs N] [--write]

The machine is shared and noisy, so the two timings of a size run back to
back, and the ratio is the figure to compare between runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"

# Generic vocabulary, written for this benchmark: actors, subjects, verbs,
# evaluations and fillers that make English sentences of a forum thread.
_ACTORS = ["Russia", "China", "the US", "Washington", "Beijing", "Moscow", "NATO", "Japan",
           "the Pentagon", "the Kremlin", "the partnership", "both countries", "the EU",
           "South Korea", "the alliance", "Putin", "the navy", "the air force"]
_SUBJECTS = ["the exercise", "the patrol", "this deal", "the new treaty", "trade talks",
             "the sanctions", "energy exports", "the pipeline", "the missile test",
             "the summit", "the border dispute", "the fleet", "the budget", "the report",
             "shipping lanes", "the election", "the drills", "this policy"]
_VERBS = ["announced", "criticised", "supported", "ignored", "planned", "delayed",
          "welcomed", "condemned", "expanded", "questioned", "funded", "rejected",
          "praised", "copied", "tested", "blocked"]
_EVALS = ["is a smart move", "is pathetic", "looks like a bluff", "makes sense to me",
          "is a huge mistake", "is nothing new", "was badly handled", "is good news",
          "is a real threat", "is just propaganda", "worries me a lot", "is impressive",
          "will backfire", "is overrated", "changes nothing", "is a step forward"]
_OPENERS = ["Honestly,", "I think", "In my opinion", "Frankly", "To be fair,", "Lol,",
            "Look,", "IMO", "Well,", "Sure,", "Sadly,", "Again,"]
_FILLERS = ["for the third time this year", "despite the warnings", "after months of talks",
            "near the disputed islands", "in the Pacific", "without any real plan",
            "as everyone expected", "with a lot of noise", "at great cost",
            "on Dec. 22", "by about 3.5 percent", "at 10 a.m. local time", "in the U.S. press"]
_QUESTIONS = ["Why would {a} do that?", "Does anyone think {a} cares?",
              "What did {a} expect?", "Is {s} really about {a}?"]


_SYLLABLES = ["ka", "lo", "vin", "tra", "mel", "dor", "si", "pen", "gu", "rax", "ol", "ne",
              "bri", "sto", "fa", "quil", "de", "mor", "ty", "ban"]


def _made_up_vocabulary(size: int = 5000) -> list[str]:
    """``size`` made-up words, always the same ones (their own seed)."""
    rng = random.Random(5000)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


_MADE_UP = _made_up_vocabulary()
_ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(_MADE_UP) + 1)))


def _distinct(rng: random.Random, sentence: str) -> str:
    """``sentence`` with two to four made-up words added, so that sentences do not recur.

    The words come from a vocabulary of 5,000 with Zipf's frequencies, as a
    real thread's words do, so per-word caches see a realistic vocabulary.
    """
    body, end = sentence.rstrip(".!?"), sentence[len(sentence.rstrip(".!?")):]
    extra = " ".join(rng.choices(_MADE_UP, cum_weights=_ZIPF, k=rng.randint(2, 4)))
    return f"{body} near {extra}{end}"


def _opinion_sentence(rng: random.Random) -> str:
    a, s = rng.choice(_ACTORS), rng.choice(_SUBJECTS)
    form = rng.random()
    if form < 0.15:
        return rng.choice(_QUESTIONS).format(a=a, s=s)
    if form < 0.55:
        text = f"{rng.choice(_OPENERS)} {s} by {a} {rng.choice(_EVALS)}"
    else:
        text = f"{a} {rng.choice(_VERBS)} {s} {rng.choice(_FILLERS)} and it {rng.choice(_EVALS)}"
    text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", "!", "..."])


def _news_sentence(rng: random.Random) -> str:
    a, s = rng.choice(_ACTORS), rng.choice(_SUBJECTS)
    a = a[0].upper() + a[1:]
    return (f"{a} {rng.choice(_VERBS)} {s} {rng.choice(_FILLERS)}, "
            f"officials said on {rng.choice(['Monday', 'Tuesday', 'Friday'])}.")


def _words(text: str) -> int:
    return len(text.split())


def _post_text(rng: random.Random, news: bool, distinct: bool = False) -> str:
    goal = rng.randint(30, 150)
    plain = _news_sentence if news else _opinion_sentence

    def sentence(rng: random.Random) -> str:
        return _distinct(rng, plain(rng)) if distinct else plain(rng)

    paragraphs: list[list[str]] = [[]]
    if news:
        paragraphs[0].append(f"MOSCOW (Reuters) -- {_news_sentence(rng)}")
    count = sum(_words(s) for p in paragraphs for s in p)
    while count < goal:
        if paragraphs[-1] and rng.random() < 0.2:
            paragraphs.append([])
        text = sentence(rng)
        paragraphs[-1].append(text)
        count += _words(text)
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def generate_thread(n_posts: int, seed: int = 12,
                    distinct: bool = False) -> list[dict[str, object]]:
    """Return ``n_posts`` JSON Lines rows: about 8% reposts and 3% pasted news.

    With ``distinct``, every sentence gets two to four made-up words, so that
    sentences do not recur except in reposts (the plain vocabulary is small,
    and its sentences recur often, which flatters per-text caches).
    """
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for i in range(n_posts):
        roll = rng.random()
        if rows and roll < 0.08:
            source = str(rng.choice(rows)["text"])
            text = source if rng.random() < 0.6 else source + " " + _opinion_sentence(rng)
        else:
            text = _post_text(rng, news=roll > 0.97, distinct=distinct)
        rows.append({"id": str(i + 1), "author": f"user{rng.randint(1, max(n_posts // 8, 2))}",
                     "timestamp": 1_600_000_000 + 60 * i, "text": text,
                     **({"reply_to": str(rng.randint(1, i))} if i and rng.random() < 0.3
                        else {})})
    return rows


@dataclass(frozen=True)
class Prepared:
    """A generated thread read and carried through the stages before stance and framing."""

    thread: Any
    articles: tuple[Any, ...]
    clusters: tuple[Any, ...]
    settings: Any


def prepare(rows: list[dict[str, object]], workdir: Path) -> Prepared:
    """Write ``rows`` and one news article, and run the stages up to target resolution.

    In this process, with one job: the news verdicts, repost clusters and
    the thread's targets that stance scoring and framing start from.
    """
    from dataclasses import replace

    from analyzer.articles import load_articles
    from analyzer.news import apply_verdicts, judge_posts
    from analyzer.reading.batch import parse_paths
    from analyzer.reposts import find_reposts
    from analyzer.settings import default_settings
    from analyzer.stance.actors import resolve_targets

    n_posts = len(rows)
    thread_path = workdir / f"thread-{n_posts}.jsonl"
    thread_path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    news_path = workdir / f"news-{n_posts}.txt"
    news_path.write_text("Joint patrol reported\n\n" + _article(random.Random(n_posts)), "utf-8")
    settings = replace(default_settings(), jobs=1)
    thread = parse_paths([str(thread_path)])
    articles = tuple(load_articles([str(news_path)]))
    thread = apply_verdicts(thread, judge_posts(thread, articles, settings))
    clusters = tuple(find_reposts(thread, settings))
    return Prepared(thread, articles, clusters, resolve_targets(thread, settings, clusters))


def _article(rng: random.Random) -> str:
    return "\n\n".join(" ".join(_news_sentence(rng) for _ in range(4)) for _ in range(6))


def vader_seconds(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds VADER alone takes to score ``texts`` (analyser built beforehand)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        analyser.polarity_scores(text)
    return time.perf_counter() - start, time.process_time() - cpu


def _cpu() -> float:
    """CPU seconds of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def child(thread: str, news: str, report: str, jobs: int | None) -> None:
    """Run the analysis as the command line does, printing stage seconds as JSON."""
    start = time.perf_counter()
    from dataclasses import replace

    from analyzer.pipeline import analyse_paths
    from analyzer.report.write import write_report
    from analyzer.settings import default_settings

    settings = default_settings()
    if jobs is not None:
        settings = replace(settings, jobs=jobs)
    stages: dict[str, float] = {"import": time.perf_counter() - start}
    cpu: dict[str, float] = {"import": _cpu()}
    mark: list[tuple[float, float, str]] = [(time.perf_counter(), _cpu(), "import")]

    def progress(stage: str, done: int, total: int) -> None:
        now, used = time.perf_counter(), _cpu()
        then, used_then, name = mark[0]
        if name != "import":
            stages[name], cpu[name] = now - then, used - used_then
        mark[0] = (now, used, stage)

    analysis = analyse_paths([thread], news=[news], settings=settings, progress=progress)
    begin, used = time.perf_counter(), _cpu()
    write_report(analysis, Path(report), "md", charts=True)
    stages["report"], cpu["report"] = time.perf_counter() - begin, _cpu() - used
    print(json.dumps({"wall": stages, "cpu": cpu}))


def run_size(n_posts: int, jobs: int | None, workdir: Path, distinct: bool = False,
             cli: bool = False) -> dict[str, object]:
    """Generate one thread, time VADER and ``analyse`` on it, and return the figures.

    With ``cli``, ``analyse`` is the installed command line itself
    (``python -m analyzer analyse``, Markdown report with charts), timed as a
    whole: no stage columns.
    """
    rows = generate_thread(n_posts, distinct=distinct)
    thread = workdir / f"thread-{n_posts}.jsonl"
    thread.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    news = workdir / f"news-{n_posts}.txt"
    news.write_text("Joint patrol reported\n\n" + _article(random.Random(n_posts)), "utf-8")
    vader, vader_cpu = vader_seconds([str(r["text"]) for r in rows])
    report = str(workdir / f"report-{n_posts}.md")
    jobs_option = ["--jobs", str(jobs)] if jobs else []
    command = ([sys.executable, "-m", "analyzer", "analyse", str(thread), "--news", str(news),
                "-o", report, "--quiet"] if cli else
               [sys.executable, __file__, "--child", str(thread), str(news), report]) + jobs_option
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    children_cpu = children.ru_utime + children.ru_stime
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=workdir)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if cli:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        timed = {"wall": {}, "cpu": {"all": used.ru_utime + used.ru_stime - children_cpu}}
    else:
        timed = json.loads(done.stdout.strip().splitlines()[-1])
    cpu = sum(timed["cpu"].values())
    return {"posts": n_posts, "vader": vader, "analyse": seconds, "ratio": seconds / vader,
            "vader_cpu": vader_cpu, "cpu": cpu, "cpu_ratio": cpu / vader_cpu,
            "stages": timed["wall"], "stage_cpu": timed["cpu"],
            "peak_mb": max(peak, before) / 1024,
            "words": sum(_words(str(r["text"])) for r in rows)}


def _rounded(values: object) -> dict[str, float]:
    assert isinstance(values, dict)
    return {k: round(v, 2) for k, v in values.items()}


def table(results: list[dict[str, object]]) -> str:
    """Markdown table of the results."""
    stage_names = ["import", "reading", "news", "reposts", "stance", "framing", "report"]
    head = ("| posts | VADER s | analyse s | ratio | growth | CPU ratio | peak RSS MB | "
            + " | ".join(stage_names) + " |")
    lines = [head, "|" + "---|" * (7 + len(stage_names))]
    previous: dict[str, object] | None = None
    for r in results:
        growth = (f"{float(r['analyse']) / float(previous['analyse']):.2f}×"  # type: ignore[arg-type]
                  if previous else "")
        stages = r["stages"]
        assert isinstance(stages, dict)
        lines.append(
            f"| {r['posts']:,} | {float(r['vader']):.1f} | {float(r['analyse']):.1f} | "  # type: ignore[arg-type]
            f"{float(r['ratio']):.2f}× | {growth} | {float(r['cpu_ratio']):.2f}× | "  # type: ignore[arg-type]
            f"{float(r['peak_mb']):.0f} | "  # type: ignore[arg-type]
            + " | ".join(f"{stages.get(s, 0.0):.1f}" for s in stage_names) + " |")
        previous = r
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000,50000",
                        help="Comma-separated thread sizes in posts.")
    parser.add_argument("--jobs", type=int, default=None, help="Worker processes for analyse.")
    parser.add_argument("--write", action="store_true", help="Append results to README.md.")
    parser.add_argument("--distinct", action="store_true",
                        help="Add made-up words to every sentence, so that sentences do not recur.")
    parser.add_argument("--cli", action="store_true",
                        help="Time the command line itself (no stage columns).")
    parser.add_argument("--child", nargs=3, metavar=("THREAD", "NEWS", "REPORT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        thread, news, report = args.child
        child(thread, news, report, jobs=args.jobs)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            result = run_size(size, args.jobs, Path(tmp), args.distinct, args.cli)
            results.append(result)
            print(f"{size:,} posts: analyse {result['analyse']:.1f} s, VADER "
                  f"{result['vader']:.1f} s, ratio {result['ratio']:.2f}×; CPU "
                  f"{result['cpu']:.1f} s against {result['vader_cpu']:.1f} s; stage wall "
                  f"{_rounded(result['stages'])}, stage CPU {_rounded(result['stage_cpu'])}",
                  flush=True)
    text = table(results)
    print(text)
    if args.write:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        machine = (f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"Python {platform.python_version()}, jobs={args.jobs or 'default'}")
        with README.open("a", encoding="utf-8") as out:
            out.write(f"\n### pipeline_speed.py, {when}\n\n{machine}; command: "
                      f"`nice python benchmarks/pipeline_speed.py --sizes {args.sizes}"
                      f"{f' --jobs {args.jobs}' if args.jobs else ''}"
                      f"{' --distinct' if args.distinct else ''}"
                      f"{' --cli' if args.cli else ''} --write`\n\n{text}\n")


if __name__ == "__main__":
    main()
