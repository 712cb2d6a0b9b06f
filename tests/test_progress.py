"""Progress from the pipeline, the command's progress bar, --quiet, --format and --no-charts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import analyzer.cli as cli_module
from analyzer.cli import cli, progress_bar
from analyzer.model import Post, Thread
from analyzer.pipeline import STAGES, analyse, analyse_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "joint-patrol"
JSONL = ('{"id": "1", "author": "a", "timestamp": null, "text": "China is a terrible bully."}\n'
         '{"id": "2", "author": "b", "timestamp": null, "text": "The US is a fantastic ally."}\n')


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def small_thread(tmp_path):
    path = tmp_path / "small.jsonl"
    path.write_text(JSONL, "utf-8")
    return path


def test_pipeline_tells_each_stage_as_it_starts(small_thread):
    heard: list[tuple[str, int, int]] = []
    analyse_paths([small_thread], progress=lambda *call: heard.append(call))
    assert heard == [("reading", 0, 5), ("news", 1, 5), ("reposts", 2, 5), ("stance", 3, 5),
                     ("framing", 4, 5), ("done", 5, 5)]
    assert tuple(stage for stage, _, _ in heard[:-1]) == STAGES


def test_analyse_without_a_callback_reports_nothing_and_still_works():
    post = Post(id="1", position=0, author=None, timestamp=None, text="China is a bully.")
    analysis = analyse(Thread(id="t", title=None, engine="jsonl", url=None, posts=(post,)))
    assert analysis.thread.posts[0].text == "China is a bully."


def test_progress_bar_draws_every_stage_on_a_terminal():
    stream = Terminal()
    with progress_bar(stream, len(STAGES) + 1) as progress:
        assert progress is not None
        for n, stage in enumerate(STAGES):
            progress(stage, n, len(STAGES))
        progress("report", len(STAGES), len(STAGES))
        progress("done", len(STAGES) + 1, len(STAGES))
    drawn = stream.getvalue()
    for label in ("reading files", "scoring stance", "writing the report"):
        assert f"Analysing: {label}" in drawn
    assert "6/6" in drawn and drawn.endswith("\n")


def test_no_stream_means_no_progress_callback():
    with progress_bar(None, 6) as progress:
        assert progress is None


def test_analyse_shows_progress_only_on_a_terminal_and_never_when_quiet(
        small_thread, tmp_path, monkeypatch):
    streams: list[object] = []
    real = cli_module.progress_bar

    def spy(stream, steps):
        streams.append(stream)
        return real(stream, steps)

    monkeypatch.setattr(cli_module, "progress_bar", spy)
    args = ["analyse", str(small_thread), "-o", str(tmp_path / "r.md"), "--no-charts"]
    runner = CliRunner()
    plain = runner.invoke(cli, args)
    assert plain.exit_code == 0, plain.output
    assert streams == [None]  # CliRunner's stderr is not a terminal
    assert plain.stderr.startswith("2 posts, 0 repost clusters, 0 news articles: wrote ")
    assert "Analysing" not in plain.stderr

    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: True)
    shown = runner.invoke(cli, args)
    assert shown.exit_code == 0, shown.output
    assert streams[-1] is not None
    assert "Analysing: scoring stance" in shown.stderr
    assert shown.stderr.rstrip().endswith(str(tmp_path / "r.md"))

    quiet = runner.invoke(cli, [*args, "--quiet"])
    assert quiet.exit_code == 0
    assert streams[-1] is None
    assert quiet.stderr == ""


def test_format_html_writes_one_self_contained_page_at_the_default_path(
        small_thread, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["analyse", str(small_thread), "--format", "html", "-q",
                                      "--preset", "geopolitics"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "reports" / "small.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'src="data:image/png;base64,' in page
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["small.html"]


def test_format_json_writes_the_json_contract_with_forum_intervals(small_thread, tmp_path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["analyse", str(small_thread), "--format", "json",
                                      "-o", str(out), "-q", "--preset", "geopolitics"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert {"thread", "posts", "clusters", "stance", "framing", "settings"} <= set(data)
    assert data["stance"]["china"]["forum_interval"] is None  # one voice: no interval
    assert data["settings"]["interval"] == {"method": "Student t", "level": 0.9, "min_voices": 3}


def test_sample_json_has_forum_intervals_around_the_forum_figure(tmp_path):
    out = tmp_path / "s.json"
    result = CliRunner().invoke(cli, ["analyse", str(SAMPLE), "--format", "json",
                                      "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["settings"]["interval"]["min_voices"] == 3
    assert any(stance["forum_interval"] for stance in data["stance"].values())
    for name, stance in data["stance"].items():
        if stance["forum_voices"] < 3:
            assert stance["forum_interval"] is None, name  # too few voices
            continue
        low, high = stance["forum_interval"]
        assert -1 <= low <= stance["forum"] <= high <= 1, name


def test_no_charts_writes_the_markdown_report_alone(small_thread, tmp_path):
    out = tmp_path / "r.md"
    result = CliRunner().invoke(cli, ["analyse", str(small_thread), "-o", str(out),
                                      "--no-charts"])
    assert result.exit_code == 0, result.output
    assert "![" not in out.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "small.jsonl"]
    assert result.stderr.rstrip().endswith(f"wrote {out}")
