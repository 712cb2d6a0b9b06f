"""The contract every engine keeps, checked on every fixture in the manifest.

For each fixture in ``tests/fixtures/expected.json``: detection picks the
engine the manifest names and no rival of its rank claims the file; the
command line's ``parse`` prints the posts the manifest counts, in the JSON
contract of ``DESIGN.md`` §4; ``analyse`` writes a report. A folder that
holds the pages of one thread is read as that thread. What is particular to
an engine (ids, authors, dates, words, quotes, skips) is tested in its own
file.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixture_index import (
    FIXTURES,
    cli_options,
    fixture_files,
    fixture_name,
    manifest,
    manifests,
    thread_engine,
)

from analyzer.cli import cli
from analyzer.parsers.registry import available_parsers, detect
from analyzer.reading.batch import read_document

FIXTURES_ALL = fixture_files()
# A selectors fixture is read by a skin named on the command line; nothing detects it.
DETECTED = [path for path in FIXTURES_ALL
            if "selectors" not in manifests().get(fixture_name(path), {})]
# Folders whose files are pages of one thread, named so that they sort in page order.
# Not: discourse (two views of one topic, with different ids), discourse-json (the file of
# page 2 sorts first), phpbb3 and smf2 (two versions of the software), and folders of
# unrelated files.
THREAD_FOLDERS = ["invision4", "nodebb", "old-reddit", "vbulletin3", "vbulletin4", "vbulletin5",
                  "xenforo1", "xenforo2"]


@pytest.mark.parametrize("fixture", DETECTED, ids=fixture_name)
def test_detection_picks_the_manifests_engine_and_no_rival_of_its_rank_claims_it(
        fixture: Path) -> None:
    doc = read_document(fixture)
    chosen = detect(doc)
    assert chosen.engine == manifest(fixture)["engine"]
    rivals = [cls.engine for cls in available_parsers()
              if cls is not chosen and cls.priority >= chosen.priority and cls.can_parse(doc)]
    assert rivals == []


def _is_time(value: str | None) -> bool:
    return value is None or datetime.fromisoformat(value).tzinfo is not None


@pytest.mark.parametrize("fixture", FIXTURES_ALL, ids=fixture_name)
def test_cli_parse_prints_the_manifests_posts_in_the_json_contract(fixture: Path) -> None:
    expected = manifest(fixture)
    result = CliRunner().invoke(cli, ["parse", str(fixture), *cli_options(expected),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    posts = data["posts"]
    assert data["thread"]["engine"] == thread_engine(expected)
    assert len(posts) == expected["posts"]
    assert len(data["skipped"]) == sum(expected["skipped"].values())
    ids = [post["id"] for post in posts]
    assert all(isinstance(i, str) and i.isdigit() for i in ids), ids
    assert len(set(ids)) == len(ids)
    assert [post["position"] for post in posts] == list(range(len(posts)))
    assert all(_is_time(post["timestamp"]) for post in posts)


@pytest.mark.parametrize("fixture", FIXTURES_ALL, ids=fixture_name)
def test_cli_analyse_writes_a_report(fixture: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    result = CliRunner().invoke(cli, ["analyse", str(fixture), *cli_options(manifest(fixture)),
                                      "-o", str(report), "--no-charts", "-q"])
    assert result.exit_code == 0, result.output
    assert "## Method and parameters" in report.read_text("utf-8")
    assert not list(tmp_path.rglob("*.png"))


@pytest.mark.parametrize("folder", THREAD_FOLDERS)
def test_a_folder_of_one_threads_pages_is_read_as_that_thread(folder: str,
                                                              tmp_path: Path) -> None:
    pages = sorted((FIXTURES / folder).iterdir())
    result = CliRunner().invoke(cli, ["analyse", f"{FIXTURES / folder}/", "--no-charts", "-q",
                                      "-o", str(tmp_path / "r.md"),
                                      "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    ids = [post["id"] for post in data["posts"]]
    assert len(set(ids)) == len(ids), "a post repeated on the next page is kept once"
    assert len(ids) > max(manifest(page)["posts"] for page in pages)
    assert data["thread"]["engine"] == manifest(pages[0])["engine"]
    skipped = sum((Counter(manifest(page)["skipped"]) for page in pages), Counter())
    assert data["accounting"]["skipped"] == dict(sorted(skipped.items()))
