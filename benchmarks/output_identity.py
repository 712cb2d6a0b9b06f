"""Check that a speed change leaves the output of ``analyse`` byte for byte the same.

Runs the command line's ``analyse`` (in this process, through click's test
runner) with ``--json`` on:

* the sample thread with its news and the ``geopolitics`` preset;
* every engine fixture listed in ``tests/fixtures/expected.json``, one file
  at a time, with the options the manifest names, the sample news and the
  same preset (so stance and framing both run);
* a generated 2,000-post thread (:func:`pipeline_speed.generate_thread`)
  with its generated news article, which goes through the worker processes.

``--save DIR`` writes each run's JSON (and exit code and messages) to DIR;
``--check DIR`` runs again and compares with what DIR holds, listing every
case that differs, and exits non-zero if any does. Run ``--save`` before a
change and ``--check`` after it::

    nice python benchmarks/output_identity.py --save /tmp/before
    nice python benchmarks/output_identity.py --check /tmp/before
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import _article, generate_thread  # noqa: E402

from analyzer.cli import cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "threads" / "joint-patrol"


def cases(workdir: Path) -> list[tuple[str, list[str]]]:
    """Return (name, analyse arguments) for every case."""
    news = str(SAMPLE / "news")
    found = [("sample", [str(SAMPLE), "--news", news, "--preset", "geopolitics"])]
    manifest = json.loads((FIXTURES / "expected.json").read_text("utf-8"))
    for name, entry in sorted(manifest.items()):
        options = []
        if "columns" in entry:
            options += ["--columns", entry["columns"]]
        if "selectors" in entry:
            options += ["--selectors", str(ROOT / entry["selectors"])]
        found.append((name, [str(FIXTURES / name), "--news", news, "--preset", "geopolitics",
                             *options]))
    rows = generate_thread(2000)
    thread = workdir / "generated-2000.jsonl"
    thread.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    article = workdir / "generated-news.txt"
    article.write_text("Joint patrol reported\n\n" + _article(random.Random(2000)), "utf-8")
    found.append(("generated-2000", [str(thread), "--news", str(article),
                                     "--preset", "geopolitics"]))
    return found


def run(workdir: Path) -> dict[str, str]:
    """Run every case; return its name to its JSON text (or exit code and messages)."""
    runner = CliRunner()
    results = {}
    for name, args in cases(workdir):
        out = workdir / "out.json"
        out.unlink(missing_ok=True)
        done = runner.invoke(cli, ["analyse", *args, "--json", str(out), "--no-charts", "-q",
                                   "-o", str(workdir / "report.md")])
        body = out.read_text("utf-8") if out.exists() else ""
        text = f"exit {done.exit_code}\n{done.output}\n{body}"
        # Paths name where the checkout and the scratch folder are, not what was found.
        for place, mark in ((str(workdir), "<WORK>"), (str(ROOT), "<ROOT>")):
            text = text.replace(json.dumps(place)[1:-1], mark).replace(place, mark)
        results[name] = text
    return results


def _file(directory: Path, name: str) -> Path:
    return directory / (name.replace("/", "__") + ".txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="Write every case's output here.")
    group.add_argument("--check", type=Path, help="Compare every case's output with this.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = run(Path(tmp))
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, text in results.items():
            _file(args.save, name).write_text(text, "utf-8")
        print(f"saved {len(results)} cases in {args.save}")
        return
    differ = [name for name, text in results.items()
              if not _file(args.check, name).exists()
              or _file(args.check, name).read_text("utf-8") != text]
    for name in differ:
        print(f"DIFFERS: {name}")
    print(f"{len(results) - len(differ)} of {len(results)} cases identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
