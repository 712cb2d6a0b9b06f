"""Bad input on the command line: one exact ``Error:`` line, the documented exit code.

One test per case of issue 4, item 1, plus batches that go on past a bad
file, unexpected exceptions, ``--debug``, and the README's exit-code table.
"""

from __future__ import annotations

import json
import re
import time
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analyzer.cli import cli
from analyzer.errors import ExitCode, InputError
from analyzer.parsers.registry import available_parsers

ROOT = Path(__file__).resolve().parent.parent
XENFORO = ROOT / "tests" / "fixtures" / "xenforo2" / "thread-page1.html"
COPY = ROOT / "tests" / "fixtures" / "plaintext" / "xenforo-copy.txt"
NEWS_PAGE = ("<!DOCTYPE html><html><head><title>Bombers fly joint patrol</title></head><body>"
             "<article><h1>Bombers fly joint patrol</h1><p>Russian and Chinese bombers flew a "
             "joint patrol over the Sea of Japan on Tuesday, officials said.</p></article>"
             "</body></html>")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_error(result: Result, code: ExitCode, message: str) -> None:
    """The run failed with ``code`` and said exactly ``Error: message`` and nothing else."""
    assert result.stderr == f"Error: {message}\n"
    assert result.exit_code == code
    assert result.stdout == ""


def engines() -> str:
    return ", ".join(cls.engine for cls in available_parsers())


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- missing paths and folders --------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "analyse"])
def test_missing_path_is_an_input_error(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "nope.html"
    assert_error(run(command, missing), ExitCode.INPUT, f"{missing}: no such file")


def test_folder_with_no_files_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    write(tmp_path / ".hidden.html", "<html></html>")
    assert_error(run("parse", tmp_path), ExitCode.INPUT,
                 f"{tmp_path}: no files to read in this directory")


def test_folder_with_nothing_parseable_lists_every_file(tmp_path: Path) -> None:
    write(tmp_path / "page.html", bytes(range(256)) * 8)
    write(tmp_path / "notes.txt", "")
    assert_error(run("parse", tmp_path), ExitCode.INPUT,
                 f"2 of 2 files failed:\n"
                 f"  {tmp_path / 'notes.txt'}: file is empty\n"
                 f"  {tmp_path / 'page.html'}: looks like a binary file, not a saved page or text")


# -- empty and binary files -----------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "thread.html", content)
    assert_error(run("parse", path), ExitCode.INPUT, f"{path}: file is empty")


@pytest.mark.parametrize("name, content", [
    ("thread.html", bytes(range(256)) * 16),
    ("thread.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16),
    ("thread.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(200, 256)) * 40),
])
def test_binary_file_with_a_text_name_is_an_input_error(tmp_path: Path, name: str,
                                                        content: bytes) -> None:
    path = write(tmp_path / name, content)
    assert_error(run("parse", path), ExitCode.INPUT,
                 f"{path}: looks like a binary file, not a saved page or text")


# -- HTML that is not a whole thread page ---------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_html_is_a_parse_error(tmp_path: Path, keep: float) -> None:
    page = XENFORO.read_text("utf-8")
    path = write(tmp_path / "page-1.html", page[: int(len(page) * keep)])
    assert_error(run("parse", path), ExitCode.PARSE,
                 f"{path}: the page is cut off (it has no closing </body> or </html> tag); "
                 "save it again in full")


def test_news_page_given_as_a_thread_names_the_engines_tried(tmp_path: Path) -> None:
    path = write(tmp_path / "news.html", NEWS_PAGE)
    assert_error(run("parse", path), ExitCode.PARSE,
                 f"{path}: cannot tell which forum engine wrote this file (tried: {engines()}); "
                 "choose one with --engine NAME or describe its markup with "
                 "--selectors FILE.toml")


def test_news_page_forced_through_plaintext_is_not_a_one_post_thread(tmp_path: Path) -> None:
    path = write(tmp_path / "news.html", NEWS_PAGE)
    assert_error(run("parse", path, "--engine", "plaintext"), ExitCode.PARSE,
                 f"{path}: this is an HTML page, not a plain-text copy; choose its engine with "
                 "--engine NAME or describe its markup with --selectors FILE.toml")


# -- JSON and JSON Lines --------------------------------------------------------------------


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "export.json", '{"a": [1, 2,}')
    assert_error(run("parse", path), ExitCode.PARSE,
                 f"{path}: invalid JSON: Expecting value (line 1 column 13)")


def test_invalid_jsonl_row_gives_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "posts.jsonl", '{"text": "first"}\n{"text": oops}\n')
    assert_error(run("parse", path), ExitCode.PARSE,
                 f"{path}:2: invalid JSON: Expecting value (column 10)")


@pytest.mark.parametrize("rows, where, problem", [
    ('{"body": "a"}\n{"body": "b"}\n', 1, 'expected an object with a "text" field'),
    ('{"text": "a"}\n["text", "b"]\n', 2, 'expected an object with a "text" field'),
    ('{"text": "a"}\n{"text": 5}\n', 2, '"text" must be a string'),
])
def test_jsonl_rows_of_the_wrong_shape_give_their_line(tmp_path: Path, rows: str, where: int,
                                                       problem: str) -> None:
    path = write(tmp_path / "posts.jsonl", rows)
    assert_error(run("parse", path), ExitCode.PARSE, f"{path}:{where}: {problem}")


# -- pathological sizes ---------------------------------------------------------------------


def test_page_nested_200000_deep_is_refused_quickly(tmp_path: Path) -> None:
    depth = 200_000
    path = write(tmp_path / "deep.html", "<!DOCTYPE html><html><body>" + "<div>" * depth
                 + "x" + "</div>" * depth + "</body></html>")
    start = time.perf_counter()
    result = run("parse", path)
    assert time.perf_counter() - start < 2
    assert_error(result, ExitCode.PARSE,
                 f"{path}: elements are nested 200,002 deep, mostly <div>; an HTML reader stops "
                 "at 256 levels, so the page cannot be read in full")


def test_json_nested_200000_deep_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.json", "[" * 200_000 + "]" * 200_000)
    assert_error(run("parse", path), ExitCode.PARSE,
                 f"{path}: invalid JSON: nested too deeply to read")


def test_50_mb_single_line_is_refused_before_it_is_segmented(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_bytes(b"word " * 10_000_000)
    start = time.perf_counter()
    result = run("parse", path)
    # Not a speed figure (benchmarks/ has those): a bound loose enough for a
    # loaded machine, that segmenting 50 MB of one line would still break.
    assert time.perf_counter() - start < 20
    assert_error(result, ExitCode.PARSE,
                 f"{path}: line 1 is 50,000,000 characters long, more than the 100,000 a line "
                 "of a copied thread can have; is this really a copied thread?")


# -- options and configuration --------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "analyse"])
def test_unknown_engine_is_a_config_error(command: str) -> None:
    assert_error(run(command, COPY, "--engine", "vbulletin9"), ExitCode.CONFIG,
                 f"unknown engine 'vbulletin9'; known engines: "
                 f"{', '.join(sorted(cls.engine for cls in available_parsers()))}")


def _toml_error(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return str(caught.value)


def test_malformed_config_toml_is_a_config_error(tmp_path: Path) -> None:
    bad = write(tmp_path / "analysis.toml", "[targets.union\nlabel = 'x'\n")
    assert_error(run("analyse", COPY, "--config", bad), ExitCode.CONFIG,
                 f"{bad}: invalid TOML: {_toml_error(bad.read_text())}")


def test_malformed_selectors_toml_is_a_config_error(tmp_path: Path) -> None:
    bad = write(tmp_path / "skin.toml", 'post = "div.post\nbody = ".body"\n')
    assert_error(run("parse", XENFORO, "--selectors", bad), ExitCode.CONFIG,
                 f"{bad}: invalid TOML: {_toml_error(bad.read_text())}")


# -- output ---------------------------------------------------------------------------------


def test_unwritable_report_path_is_an_output_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "reports", "a file, not a folder")
    target = blocker / "thread.md"
    assert_error(run("analyse", COPY, "-o", target, "-q"), ExitCode.OUTPUT,
                 f"cannot write {target}: {blocker} is a file, not a folder")
    assert blocker.read_text() == "a file, not a folder"


def test_unwritable_json_path_is_an_output_error(tmp_path: Path) -> None:
    assert_error(run("analyse", COPY, "-o", tmp_path / "r.md", "--json", tmp_path, "-q"),
                 ExitCode.OUTPUT, f"cannot write {tmp_path}: it is a folder")


def test_unwritable_parse_output_is_an_output_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "out", "x")
    assert_error(run("parse", COPY, "-o", blocker / "posts.json"), ExitCode.OUTPUT,
                 f"cannot write {blocker / 'posts.json'}: {blocker} is a file, not a folder")


# -- bugs and --debug -----------------------------------------------------------------------


def test_unexpected_exception_is_one_line_with_exit_code_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("analyzer.reading.batch.parse_paths", broken)
    assert_error(run("parse", COPY), ExitCode.ERROR,
                 "unexpected KeyError: 'boom' (run again with --debug to see the traceback)")
    debug = run("parse", COPY, "--debug")
    assert isinstance(debug.exception, KeyError)


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"),
                                   MemoryError()])
def test_recursion_and_memory_errors_never_escape(monkeypatch: pytest.MonkeyPatch,
                                                  error: BaseException) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("analyzer.pipeline.analyse", broken)
    result = run("analyse", COPY, "-q")
    what = ("out of memory" if isinstance(error, MemoryError)
            else "unexpected RecursionError: maximum recursion depth exceeded")
    assert result.stderr == f"Error: {what} (run again with --debug to see the traceback)\n"
    assert result.exit_code == ExitCode.ERROR


def test_debug_shows_the_traceback_of_our_own_errors(tmp_path: Path) -> None:
    result = run("parse", tmp_path / "nope.html", "--debug")
    assert isinstance(result.exception, InputError)
    assert result.exit_code != 0


# -- batches --------------------------------------------------------------------------------


@pytest.fixture
def three_files(tmp_path: Path) -> list[Path]:
    good_a = write(tmp_path / "a.jsonl", '{"id": "1", "text": "first good post"}\n')
    bad = write(tmp_path / "b.html", XENFORO.read_text("utf-8")[:5000])
    good_c = write(tmp_path / "c.jsonl", '{"id": "2", "text": "second good post"}\n')
    return [good_a, bad, good_c]


def test_parse_goes_on_past_a_bad_file_and_ends_with_a_summary(three_files: list[Path]) -> None:
    a, b, c = three_files
    result = run("parse", a, b, c)
    assert [p["text"] for p in json.loads(result.stdout)["posts"]] == [
        "first good post", "second good post"]
    assert result.stderr == (
        "Error: 1 of 3 files failed:\n"
        f"  {b}: the page is cut off (it has no closing </body> or </html> tag); "
        "save it again in full\n")
    assert result.exit_code == ExitCode.PARSE


def test_analyse_writes_the_report_from_the_good_files(three_files: list[Path],
                                                       tmp_path: Path) -> None:
    report, data = tmp_path / "out" / "r.md", tmp_path / "out" / "r.json"
    result = run("analyse", *three_files, "-o", report, "--json", data, "-q", "--no-charts")
    assert result.exit_code == ExitCode.PARSE
    assert result.stderr.startswith("Error: 1 of 3 files failed:\n")
    assert [p["text"] for p in json.loads(data.read_text("utf-8"))["posts"]] == [
        "first good post", "second good post"]
    assert "first good post" in report.read_text("utf-8")


def test_batch_of_different_failures_exits_with_error(three_files: list[Path],
                                                      tmp_path: Path) -> None:
    a, b, c = three_files
    missing = tmp_path / "missing.html"
    result = run("parse", a, b, missing, c, "-o", tmp_path / "posts.json")
    assert result.stderr.splitlines() == [
        "Error: 2 of 4 files failed:",
        f"  {b}: the page is cut off (it has no closing </body> or </html> tag); "
        "save it again in full",
        f"  {missing}: no such file",
    ]
    assert result.exit_code == ExitCode.ERROR
    assert len(json.loads((tmp_path / "posts.json").read_text("utf-8"))["posts"]) == 2


def test_batch_where_every_file_fails_lists_them_all(tmp_path: Path) -> None:
    empty, binary = write(tmp_path / "a.txt", ""), write(tmp_path / "b.html", b"\x00" * 64)
    assert_error(run("parse", empty, binary), ExitCode.INPUT,
                 f"2 of 2 files failed:\n  {empty}: file is empty\n"
                 f"  {binary}: looks like a binary file, not a saved page or text")


def test_odd_but_readable_input_prints_no_stray_warning(tmp_path: Path) -> None:
    copy = write(tmp_path / "thread.txt", "Andrei\nDec 22, 2020 10:15 M\n#1\n"
                                          "The bombers flew again today.\n")
    result = run("parse", copy)
    assert (result.exit_code, result.stderr) == (ExitCode.OK, "")
    assert json.loads(result.stdout)["posts"][0]["author"] == "Andrei"


# -- the README's table ---------------------------------------------------------------------


def test_readme_exit_code_table_matches_the_enum() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*`(\w+)`\s*\|", section, re.MULTILINE)
    assert [(int(code), name) for code, name in rows] == [(c.value, c.name) for c in ExitCode]
