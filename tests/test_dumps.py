"""Reposts across the threads of a dump: reading, search, report, JSON and the command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from dumpdata import PASTE, PLANTED, ROWS, write_jsonl
from fixture_index import FIXTURES

from analyzer.cli import cli
from analyzer.dumps.read import DumpPost, read_dump
from analyzer.dumps.report import render_markdown
from analyzer.dumps.search import search_dump
from analyzer.errors import ExitCode
from analyzer.model import Skipped
from analyzer.settings import default_settings

try:  # imported here, before conftest hides the installed entry points dask reads
    import dask.bag  # noqa: F401
    import distributed  # noqa: F401

    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False


def _clusters(search) -> list[tuple[tuple[str, str], ...]]:
    return [tuple((p.thread, p.post_id) for p in c.posts) for c in search.clusters]


def test_copies_exact_edited_and_wrapped_are_found_across_threads(tmp_path: Path) -> None:
    search = search_dump([write_jsonl(tmp_path / "dump.jsonl")], default_settings())
    assert _clusters(search) == list(PLANTED)
    paste, slogan = search.clusters
    assert paste.containment == 0.88 and paste.similarity < 0.8  # the edited copy
    assert slogan.self_repost and slogan.similarity == 1.0
    assert search.facts.posts == len(ROWS)
    assert search.facts.signed == len(ROWS) - 1  # "Short one." is under min_words


def test_a_higher_containment_leaves_the_wrapped_copy_out(tmp_path: Path) -> None:
    from dataclasses import replace

    strict = replace(default_settings(), containment=1.0, threshold=0.95)
    search = search_dump([write_jsonl(tmp_path / "dump.jsonl")], strict)
    assert (("harbour", "1"), ("bridge", "2"), ("market", "2")) not in _clusters(search)


def test_jsonl_dump_lines_without_text_are_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    write_jsonl(path, ROWS[:2])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"thread": "x", "id": "9"}\nnot json\n{"thread": "x", "text": "  "}\n')
    items = list(read_dump([path]))
    assert [type(i) for i in items] == [DumpPost, DumpPost, Skipped, Skipped, Skipped]
    assert [i.reason for i in items if isinstance(i, Skipped)] == [
        "no text", "not JSON", "empty post"]


def test_forum_dl_and_4cat_datasets_are_read_for_every_thread() -> None:
    forum = [i for i in read_dump([FIXTURES / "forum-dl" / "board-12.jsonl"])
             if isinstance(i, DumpPost)]
    chan = [i for i in read_dump([FIXTURES / "4cat" / "4chan-dataset.csv"])
            if isinstance(i, DumpPost)]
    assert {p.thread for p in forum} == {"forum-dl:4212", "forum-dl:4300"}
    assert {p.thread for p in chan} == {"4cat:287000111", "4cat:286999000"}


def test_saved_pages_are_grouped_by_the_thread_they_name_and_merged() -> None:
    items = list(read_dump([FIXTURES / "xenforo2", FIXTURES / "phpbb3"]))
    posts = [i for i in items if isinstance(i, DumpPost)]
    by_thread = {t: [p.post_id for p in posts if p.thread == t] for t in
                 dict.fromkeys(p.thread for p in posts)}
    assert list(by_thread) == ["xenforo2:4242", "phpbb3:977", "phpbb3:4242"]
    assert by_thread["xenforo2:4242"][0] == "114210"
    assert by_thread["xenforo2:4242"].count("114210") == 1  # page 2 repeats the first post
    assert len(by_thread["xenforo2:4242"]) == 7


def test_forum_dl_threads_account_for_every_line() -> None:
    from analyzer.parsers.engines.forumdl import ForumDlParser, read_threads
    from analyzer.reading.batch import read_document

    doc = read_document(FIXTURES / "forum-dl" / "board-12.jsonl")
    threads = read_threads(doc)
    first = ForumDlParser().parse(doc)
    assert threads[0].posts == first.posts
    lines = sum(1 for line in doc.text.splitlines() if line.strip())
    heads = len(threads)  # each thread's own entry is its head, not an item
    assert sum(len(t.posts) + len(t.skipped) for t in threads) + heads == lines


def test_folders_are_walked_and_pages_grouped_by_their_thread(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "a" / "part1.jsonl", ROWS[:5])
    write_jsonl(tmp_path / "b" / "part2.jsonl", ROWS[5:])
    (tmp_path / ".hidden.jsonl").write_text("not json\n", encoding="utf-8")
    posts = [i for i in read_dump([tmp_path]) if isinstance(i, DumpPost)]
    assert [(p.thread, p.post_id) for p in posts] == [(r[0], r[1]) for r in ROWS]


def test_the_report_keeps_self_reposts_apart_and_escapes_dump_text(tmp_path: Path) -> None:
    rows = tuple((t, i, "<b>|x|</b>" if a == "cat" else a, ts,
                  text.replace("Every", "# Every <script>") if a == "cat" else text)
                 for t, i, a, ts, text in ROWS)
    search = search_dump([write_jsonl(tmp_path / "dump.jsonl", rows)], default_settings())
    report = render_markdown(search, "charts/copies.png")
    between = report.index("## Copies between different accounts")
    selfs = report.index("## Self-reposts")
    assert report.index("ninety nine") in range(between, selfs)
    assert "&lt;script&gt;" in report and "<script>" not in report
    assert "&lt;b&gt;\\|x\\|&lt;/b&gt;" in report
    assert "![Copies posted per period" in report


def test_reposts_command_writes_the_json_contract_and_the_report(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl")
    result = CliRunner().invoke(cli, ["reposts", str(dump), "--json", str(tmp_path / "r.json"),
                                      "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    first = data["clusters"][0]
    assert first["id"] == 1
    assert first["posts"][0] == {"thread": "harbour", "post_id": "1", "author": "ann",
                                 "timestamp": "2020-09-13T12:26:40+00:00"}
    assert first["authors"] == ["ann", "eve", "gus"]
    assert first["containment"] == 0.88 and 0 < first["similarity"] < 1
    assert first["text_preview"].startswith(PASTE[:40])
    assert (tmp_path / "r-charts" / "copies-over-time.png").stat().st_size > 0
    assert "11 posts in 4 threads, 2 clusters of copies" in result.stderr


def test_reposts_command_refuses_a_similarity_outside_zero_to_one(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "dump.jsonl")
    result = CliRunner().invoke(cli, ["reposts", str(dump), "--min-similarity", "1.5"])
    assert result.exit_code == ExitCode.CONFIG, result.stderr
    assert result.stderr == "Error: --min-similarity must be in (0, 1], not 1.5\n"


def test_reposts_command_without_input_says_what_to_give() -> None:
    result = CliRunner().invoke(cli, ["reposts"])
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == ("Error: give the dump's files or folders, or a corpus with "
                             "--db\n")


@pytest.mark.parametrize("missing", [("dask", "dask.bag"), ("distributed",)])
def test_cluster_without_dask_says_how_to_install_it(tmp_path: Path, monkeypatch,
                                                     missing: tuple[str, ...]) -> None:
    for name in missing:
        monkeypatch.setitem(sys.modules, name, None)  # import now fails as if not installed
    dump = write_jsonl(tmp_path / "dump.jsonl")
    result = CliRunner().invoke(cli, ["reposts", str(dump), "--json", "-",
                                      "--cluster", "local"])
    assert result.exit_code == ExitCode.CONFIG, result.stderr
    assert result.stderr == ("Error: --cluster needs Dask; install it with: "
                             "pip install 'forum-thread-analyzer[dask]'\n")


@pytest.mark.skipif(not HAVE_DASK, reason="the [dask] extra is not installed")
def test_dask_local_cluster_gives_exactly_the_local_clusters(tmp_path: Path) -> None:
    from analyzer.dumps.distributed import search_on_cluster

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "a" / "one.jsonl", ROWS[:4])
    write_jsonl(tmp_path / "a" / "two.jsonl", ROWS[4:7])
    write_jsonl(tmp_path / "b" / "three.jsonl", ROWS[7:])
    local = search_dump([tmp_path], default_settings())
    on_dask = search_on_cluster([tmp_path], default_settings(), "local")
    assert on_dask.clusters == local.clusters
    assert _clusters(on_dask) == list(PLANTED)
    assert on_dask.facts == local.facts


def test_batches_can_be_signed_by_an_injected_map(tmp_path: Path) -> None:
    from analyzer.dumps.search import find_copies, scan

    calls: list[int] = []

    def counting_map(function, batches):
        for batch in batches:
            calls.append(len(batch))
            yield function(batch)

    dump, _ = scan(read_dump([write_jsonl(tmp_path / "d.jsonl")]), default_settings(),
                   batch=4, mapper=counting_map)
    assert calls == [4, 4, 3]
    assert _clusters(find_copies(dump, default_settings())) == list(PLANTED)


def test_accounts_that_post_copies_most_are_counted_with_their_self_reposts(
        tmp_path: Path) -> None:
    from analyzer.dumps.report import account_copies

    search = search_dump([write_jsonl(tmp_path / "dump.jsonl")], default_settings())
    accounts = account_copies(search.clusters)
    assert accounts[0].author == "cat"
    assert (accounts[0].copies, accounts[0].self_reposts, accounts[0].threads) == (3, 3, 3)
    assert {a.author for a in accounts[1:]} == {"ann", "eve", "gus"}
    assert all(a.self_reposts == 0 for a in accounts[1:])
