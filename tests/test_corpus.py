"""The embedded SQLite corpus: incremental adds, indexed look-ups, reposts over it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from dumpdata import PASTE, PLANTED, ROWS, SLOGAN, write_jsonl

from analyzer.cli import cli
from analyzer.dumps.corpus import Corpus
from analyzer.dumps.read import read_dump
from analyzer.errors import ConfigError, ExitCode
from analyzer.settings import default_settings


@pytest.fixture()
def halves(tmp_path: Path) -> tuple[Path, Path]:
    return (write_jsonl(tmp_path / "first.jsonl", ROWS[:5]),
            write_jsonl(tmp_path / "second.jsonl", ROWS[5:]))


def test_adding_the_second_half_signs_only_the_new_posts(tmp_path: Path, halves) -> None:
    store = Corpus(tmp_path / "c.db", default_settings())
    first = store.add(read_dump([halves[0]]))
    assert (first.read, first.signed, first.already) == (5, 5, 0)
    again = store.add(read_dump(list(halves)))
    assert (again.read, again.signed, again.already, again.short) == (11, 5, 5, 1)
    assert store.signed == 10 and len(store) == 10
    store.close()


def test_where_finds_a_copy_planted_in_the_other_half(tmp_path: Path, halves) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    for half in halves:
        result = runner.invoke(cli, ["corpus", "add", str(half), "--db", str(db)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["corpus", "where", "--db", str(db), "--post", "harbour:3"])
    assert result.exit_code == 0, result.output
    matches = json.loads(result.stdout)["matches"]
    assert [(m["thread"], m["post_id"]) for m in matches] == [("bridge", "3"), ("ferry", "2")]
    assert matches[0] == {"thread": "bridge", "post_id": "3", "author": "cat",
                          "timestamp": "2020-09-14T16:28:20+00:00", "similarity": 1.0,
                          "containment": 1.0}
    result = runner.invoke(cli, ["corpus", "where", "--db", str(db), "--text",
                                 "Copied from elsewhere: " + PASTE])
    found = {(m["thread"], m["post_id"]) for m in json.loads(result.stdout)["matches"]}
    assert found == {("harbour", "1"), ("bridge", "2"), ("market", "2")}


def test_where_uses_the_band_index(tmp_path: Path, halves) -> None:
    store = Corpus(tmp_path / "c.db", default_settings())
    store.add(read_dump(list(halves)))
    plan = store.db.execute("EXPLAIN QUERY PLAN SELECT post FROM bands WHERE band = ? "
                            "AND key = ?", (0, 1)).fetchall()
    assert "bands_by_key" in str(plan)
    assert [(m.thread, m.post_id) for m in store.where(text=SLOGAN)] == [
        ("harbour", "3"), ("bridge", "3"), ("ferry", "2")]
    store.close()


def test_reposts_over_the_corpus_gives_the_planted_clusters(tmp_path: Path, halves) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    runner.invoke(cli, ["corpus", "add", str(halves[0]), "--db", str(db)])
    result = runner.invoke(cli, ["reposts", str(halves[1]), "--db", str(db), "--json", "-"])
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.stdout)["clusters"]
    assert [tuple((p["thread"], p["post_id"]) for p in c["posts"]) for c in clusters] == list(
        PLANTED)


def test_a_corpus_built_with_other_settings_is_refused(tmp_path: Path) -> None:
    from dataclasses import replace

    Corpus(tmp_path / "c.db", default_settings()).close()
    with pytest.raises(ConfigError, match=r"c\.db: the corpus was built with num_perm=128, "
                                          r"not 64; use the settings it was built with$"):
        Corpus(tmp_path / "c.db", replace(default_settings(), num_perm=64))


def test_where_needs_exactly_one_of_text_and_post(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    sqlite3.connect(db).close()
    result = CliRunner().invoke(cli, ["corpus", "where", "--db", str(db)])
    assert result.exit_code == ExitCode.CONFIG
    assert result.stderr == "Error: give exactly one of --text and --post\n"


def test_where_on_a_missing_corpus_or_post_says_so(tmp_path: Path, halves) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["corpus", "where", "--db", str(tmp_path / "none.db"),
                                 "--text", PASTE])
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (f"Error: {tmp_path / 'none.db'}: no such corpus (build one with "
                             "`corpus add`)\n")
    db = tmp_path / "c.db"
    runner.invoke(cli, ["corpus", "add", str(halves[0]), "--db", str(db)])
    result = runner.invoke(cli, ["corpus", "where", "--db", str(db), "--post", "harbour:99"])
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == ("Error: post 99 of thread harbour is not in the corpus (posts "
                             "under 12 words are not stored)\n")
