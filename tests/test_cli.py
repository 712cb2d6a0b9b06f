"""End-to-end runs of the command line, on the sample thread and on bad input."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer import thread_name
from analyzer.cli import cli
from analyzer.errors import ExitCode
from analyzer.parsers.registry import available_parsers

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "joint-patrol"
NEWS = SAMPLE / "news"
CHROME = re.compile(r"^(What's new|Reaction score|Top Bottom|Featured .*|Dec 6, 2014)$",
                    re.MULTILINE)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    result = CliRunner().invoke(cli, [
        "analyse", str(SAMPLE), "--news", str(NEWS), "--preset", "geopolitics",
        "-o", str(out / "report.md"), "--json", str(out / "result.json")])
    assert result.exit_code == 0, result.output
    return {"report": (out / "report.md").read_text("utf-8"),
            "json": json.loads((out / "result.json").read_text("utf-8")),
            "stderr": result.stderr}


def test_sample_has_nine_or_ten_posts_with_the_first_by_place_of_space(sample):
    posts = sample["json"]["posts"]
    assert 9 <= len(posts) <= 10
    assert posts[0]["author"] == "Place Of Space"
    assert sample["json"]["thread"]["engine"] == "plaintext"


def test_sample_posts_carry_no_page_chrome(sample):
    for post in sample["json"]["posts"]:
        assert not CHROME.search(post["text"]), post["text"][:80]


def test_sample_has_one_cluster_of_the_three_whole_copies(sample):
    data = sample["json"]
    assert len(data["clusters"]) == 1
    cluster = data["clusters"][0]
    copies = [p for p in data["posts"] if p["id"] in cluster["post_ids"]]
    assert len(copies) == 3
    assert len({c["text"] for c in copies}) == 1
    text = copies[0]["text"]
    assert text.startswith("Great news. However, China must never rely on Russia")
    assert text.endswith('Here is how Russia treats their closest "allies":')
    assert all(p.get("cluster") == cluster["id"] for p in copies)


def test_sample_pasted_articles_are_news_and_the_rest_opinion(sample):
    kinds = {p["text"][:40]: p["kind"] for p in sample["json"]["posts"]}
    news = [t for t, k in kinds.items() if k == "news"]
    assert len(news) == 2
    assert any(t.startswith("Russian and Chinese bombers") for t in news)
    assert any(t.startswith("On Tuesday, China and Russia hailed") for t in news)


def test_sample_stance_directions(sample):
    stance = sample["json"]["stance"]
    assert stance["us"]["forum"] < 0
    assert stance["partnership"]["forum"] > 0
    assert stance["russia"]["forum_naive"] < stance["russia"]["forum"]
    assert set(stance["russia"]["news"]) == {"000_5804dc3303213fcb", "002_0a691adec794e9f9"}


def test_sample_repeated_comment_is_negative_toward_russia(sample):
    data = sample["json"]
    first_copy = data["clusters"][0]["post_ids"][0]
    post = next(p for p in data["posts"] if p["id"] == first_copy)
    assert post["stance"]["russia"] < 0


def test_sample_json_carries_the_settings_contract(sample):
    settings = sample["json"]["settings"]
    assert (settings["num_perm"], settings["threshold"], settings["shingle"]) == (
        128, 0.8, "word-3")
    assert sample["json"]["accounting"]["seen"] == (
        len(sample["json"]["posts"]) + len(sample["json"]["skipped"]))


def test_sample_report_has_every_section(sample):
    headings = re.findall(r"^## (.+)$", sample["report"], re.MULTILINE)
    assert headings == ["Summary", "The thread at a glance", "Reposts", "Stance by target",
                        "Framing comparison", "Distinctive terms", "Representative posts",
                        "Method and parameters"]
    assert "`num_perm` = 128" in sample["report"]
    assert "false negatives" in sample["report"]


def test_closing_line_names_the_report(sample):
    assert re.search(r"posts, 1 repost cluster, 2 news articles: wrote .*report\.md",
                     sample["stderr"])


def test_without_news_the_report_says_why_there_is_no_comparison(tmp_path):
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "-o", str(tmp_path / "r.md"),
                                      "--quiet"])
    assert result.exit_code == 0
    report = (tmp_path / "r.md").read_text("utf-8")
    assert "No news articles were supplied, so this report does not compare" in report


def test_default_report_path_is_reports_slash_thread_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLE), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "joint-patrol.md").exists()


@pytest.mark.parametrize("paths, name", [
    (["threads/joint-patrol/thread.txt"], "joint-patrol"),
    (["dump/page-2.html"], "dump"),
    (["saved/my-thread.html"], "my-thread"),
])
def test_thread_name_for_default_report_path(paths, name):
    assert thread_name(paths) == name


def test_parse_prints_the_json_contract():
    result = CliRunner().invoke(cli, ["parse", str(SAMPLE / "thread.txt")])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"thread", "posts", "skipped", "accounting"}
    assert set(data["posts"][0]) == {"id", "position", "author", "timestamp", "text",
                                     "quotes", "reply_to", "kind"}
    assert data["posts"][0]["id"] == "1"


def test_parse_jsonl_prints_a_thread_header_then_one_post_per_line():
    result = CliRunner().invoke(cli, ["parse", str(SAMPLE / "thread.txt"), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]["thread"]) == {"id", "title", "engine", "url", "layout"}
    posts = [row for row in rows[1:] if "skipped" not in row]
    assert [row["position"] for row in posts] == list(range(len(posts)))


def test_parsers_lists_the_built_in_engines():
    result = CliRunner().invoke(cli, ["parsers"])
    assert result.exit_code == 0
    engines = {line.split()[0] for line in result.stdout.splitlines()}
    assert {"plaintext", "xenforo2", "jsonl"} <= engines


def test_missing_path_is_an_input_error(tmp_path):
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(cli, ["analyse", str(missing)])
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"Error: {missing}: no such file\n"


def test_unknown_engine_is_a_config_error():
    result = CliRunner().invoke(cli, ["parse", str(SAMPLE), "--engine", "nope"])
    assert result.exit_code == ExitCode.CONFIG
    known = ", ".join(sorted(p.engine for p in available_parsers()))
    assert result.stderr == f"Error: unknown engine 'nope'; known engines: {known}\n"


def test_malformed_config_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[targets.x\n")
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "--config", str(bad)])
    assert result.exit_code == ExitCode.CONFIG
    assert result.stderr.startswith(f"Error: {bad}: invalid TOML: ")


def test_unwritable_output_is_an_output_error_and_leaves_no_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    target = blocker / "report.md"
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == ExitCode.OUTPUT
    assert result.stderr == f"Error: cannot write {target}: {blocker} is a file, not a folder\n"
    assert blocker.read_text() == "x"


def test_output_path_that_is_a_folder_is_an_output_error(tmp_path):
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == ExitCode.OUTPUT
    assert result.stderr == f"Error: cannot write {tmp_path}: it is a folder\n"


def test_debug_shows_the_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["analyse", str(tmp_path / "nope"), "--debug"])
    assert result.exit_code != 0
    assert result.exception is not None and "no such file" in str(result.exception)


def test_xenforo_fixture_pages_analyse_end_to_end(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "xenforo2"
    result = CliRunner().invoke(cli, ["analyse", str(fixture), "-o", str(tmp_path / "xf.md"),
                                      "--json", str(tmp_path / "xf.json"), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "xf.json").read_text("utf-8"))
    ids = [p["id"] for p in data["posts"]]
    assert len(ids) == len(set(ids)), "the first post repeated on page 2 is kept once"
    assert data["thread"]["engine"] == "xenforo2"
    assert all(i.isdigit() for i in ids)
    linked = [q for p in data["posts"] for q in p["quotes"] if q["post_id"]]
    assert linked and all(q["post_id"] in ids for q in linked)
    assert "## Method and parameters" in (tmp_path / "xf.md").read_text("utf-8")


def test_analyse_loads_the_chart_module_while_the_workers_score(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer.cli import _loading_charts

    told: list[str] = []
    monkeypatch.delitem(sys.modules, "analyzer.report.charts", raising=False)
    tell = _loading_charts(lambda stage, done, total: told.append(stage))
    tell("reposts", 2, 5)
    assert "analyzer.report.charts" not in sys.modules
    tell("stance", 3, 5)
    assert "analyzer.report.charts" in sys.modules
    assert told == ["reposts", "stance"]

