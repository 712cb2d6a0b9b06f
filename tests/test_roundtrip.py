"""The tool reads its own ``parse`` output back unchanged: JSON and JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixture_index import FIXTURES, cli_options, manifests, parse_fixture

from analyzer import parse_paths
from analyzer.cli import cli
from analyzer.errors import ParseError
from analyzer.serialize import encode_thread, thread_from_dict, thread_to_dict

#: One fixture a format: HTML engines, text copies, JSON exports, CSV with columns.
ROUND_TRIP = ["xenforo2/thread-page1.html", "phpbb3/prosilver-3.3.html",
              "discourse/rendered-topic.html", "plaintext/xenforo-copy.txt",
              "reddit-json/comments-kgl2ma.json", "4chan/thread-287000111.json",
              "hackernews/item-25511118.json", "jsonl/thread.jsonl", "csv/posts.csv",
              "selectors/fluxbb-topic.html", "smf2/display-2.0.html"]


def _fixture(name: str) -> Path:
    assert name in manifests(), name
    return FIXTURES / name


@pytest.mark.parametrize("name", ROUND_TRIP)
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_parse_reads_its_own_output_back_unchanged(name: str, fmt: str, tmp_path: Path):
    first = encode_thread(parse_fixture(_fixture(name)), fmt)
    saved = tmp_path / f"thread.{fmt}"
    saved.write_text(first, "utf-8")
    assert encode_thread(parse_paths(saved), fmt) == first


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_command_reads_its_own_output_back_with_thread_fields_and_skipped(
        fmt: str, tmp_path: Path):
    name = "phpbb3/prosilver-3.3.html"
    source = _fixture(name)
    out = tmp_path / f"out.{fmt}"
    runner = CliRunner()
    first = runner.invoke(cli, ["parse", str(source), "--format", fmt, "-o", str(out),
                                *cli_options(manifests()[name])])
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, ["parse", str(out), "--format", fmt])
    assert again.exit_code == 0, again.output
    assert again.output == out.read_text("utf-8")
    rows = [json.loads(line) for line in again.output.splitlines()] if fmt == "jsonl" else []
    thread = rows[0]["thread"] if rows else json.loads(again.output)["thread"]
    assert thread["engine"] == "phpbb3"
    skipped = ([r["skipped"] for r in rows if "skipped" in r] if rows
               else json.loads(again.output)["skipped"])
    assert skipped and all(s["source"] == str(source) for s in skipped)


def test_analyse_reads_the_parse_json_as_the_thread_it_was(tmp_path: Path):
    from analyzer.pipeline import analyse_paths

    source = _fixture("xenforo2/thread-page1.html")
    saved = tmp_path / "thread.json"
    saved.write_text(encode_thread(parse_paths(source)), "utf-8")
    direct, again = analyse_paths([source]), analyse_paths([saved])
    assert thread_to_dict(again.thread) == thread_to_dict(direct.thread)
    assert again.summary == direct.summary and again.clusters == direct.clusters


def test_thread_from_dict_is_the_inverse_of_thread_to_dict():
    thread = parse_fixture(_fixture("reddit-json/comments-kgl2ma.json"))
    data = thread_to_dict(thread)
    assert thread_to_dict(thread_from_dict(json.loads(json.dumps(data)))) == data


def test_a_field_of_the_wrong_type_is_refused_by_name(tmp_path: Path):
    data = thread_to_dict(parse_fixture(_fixture("xenforo2/thread-page1.html")))
    data["posts"][1]["timestamp"] = 1608660131
    saved = tmp_path / "bad.json"
    saved.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ParseError) as caught:
        parse_paths(saved)
    assert str(caught.value) == (f"{saved}: not this tool's thread JSON: posts[1].timestamp: "
                                 "expected a string or null, got int")


def test_a_bad_line_of_our_json_lines_is_refused_with_its_line_number(tmp_path: Path):
    text = encode_thread(parse_fixture(_fixture("xenforo2/thread-page1.html")), "jsonl")
    lines = text.splitlines()
    row = json.loads(lines[2])
    row["kind"] = "rumour"
    lines[2] = json.dumps(row)
    saved = tmp_path / "bad.jsonl"
    saved.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(ParseError) as caught:
        parse_paths(saved)
    assert str(caught.value) == (f'{saved}:3: post.kind: must be "opinion" or "news", '
                                 "not 'rumour'")
