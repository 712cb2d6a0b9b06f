"""Resource limits, and output that is written whole or not at all.

No input may make the tool hang, recurse without bound or read a file it is
about to refuse; a failed run leaves an existing report byte for byte as it
was, with no temporary file beside it.
"""

from __future__ import annotations

import ast
import json
import time
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from analyzer import parse_paths
from analyzer.cli import cli
from analyzer.errors import ExitCode, InputError, OutputError, ParseError
from analyzer.output import write_text
from analyzer.parsers.base import Document
from analyzer.parsers.engines.plaintext import PlainTextParser
from analyzer.pipeline import analyse_paths
from analyzer.reading.batch import read_document
from analyzer.reading.limits import (
    DEFAULT_MAX_SIZE,
    MAX_HTML_DEPTH,
    MAX_POST_CHARS,
    check_page,
    format_size,
    html_depth,
    parse_size,
)
from analyzer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "tests" / "fixtures" / "plaintext" / "xenforo-copy.txt"


def _jsonl(path: Path, *texts: str) -> Path:
    path.write_text("".join(json.dumps({"id": str(i + 1), "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


# -- file size ------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_with_the_option_to_raise_it(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "big.jsonl", "x" * 1_400_000, "A post of ordinary length.")
    result = CliRunner().invoke(cli, ["parse", str(path), "--max-size", "1MB"])
    assert result.stderr == (f"Error: {path}: 1.4 MB is over the 1 MB size limit; "
                             "raise it with --max-size\n")
    assert result.exit_code == ExitCode.INPUT
    raised = CliRunner().invoke(cli, ["parse", str(path), "--max-size", "2MB"])
    assert raised.exit_code == ExitCode.OK, raised.stderr


def test_size_is_checked_before_the_file_is_read(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2_000)

    def never(self: Path) -> bytes:
        raise AssertionError("read an oversized file")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(InputError, match=r"big\.txt: 2\.0 kB is over the 1 kB size limit"):
        read_document(path, max_size=1_000)


def test_bad_max_size_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["parse", str(COPY), "--max-size", "lots"])
    assert result.exit_code == ExitCode.USAGE
    assert "Invalid value for '--max-size': 'lots' is not a size (try 200MB or 1.5GB)" in (
        result.stderr)


def test_size_limit_is_a_setting_of_the_api(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "posts.jsonl", "Russia and China flew a joint patrol again.")
    assert Settings().max_file_size == DEFAULT_MAX_SIZE == 100_000_000
    with pytest.raises(InputError, match="over the 10 bytes size limit"):
        analyse_paths([path], settings=Settings(max_file_size=10))
    with pytest.raises(InputError, match="size limit"):
        parse_paths(path, max_size=10)
    assert len(parse_paths(path, max_size=None).posts) == 1


@pytest.mark.parametrize("text, size", [("200MB", 200_000_000), ("1.5 gb", 1_500_000_000),
                                        ("512KiB", 524_288), ("100", 100), ("2M", 2_000_000)])
def test_sizes_are_read_with_decimal_and_binary_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5MB", "10 parsecs", "MB"])
def test_sizes_that_are_not_positive_sizes_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_sizes_are_shown_in_decimal_megabytes() -> None:
    assert [format_size(n) for n in (150_000_000, 1_400_000, 2_000, 999)] == [
        "150.0 MB", "1.4 MB", "2.0 kB", "999 bytes"]


# -- HTML pages: whole, and not nested past what libxml2 reads ------------------------------


def _nested(depth: int, tag: str = "div") -> str:
    # <html> and <body> are two of the levels.
    inner = depth - 2
    return (f"<!DOCTYPE html><html><body>{f'<{tag}>' * inner}x{f'</{tag}>' * inner}"
            "<p id='after'>after</p></body></html>")


def test_depth_limit_is_where_libxml2_stops_reading() -> None:
    parser = lxml.html.HTMLParser(recover=True)
    deepest = lxml.html.document_fromstring(_nested(MAX_HTML_DEPTH), parser=parser)
    assert deepest.xpath("//p[@id='after']"), "a page at the limit is read in full"
    too_deep = lxml.html.document_fromstring(_nested(MAX_HTML_DEPTH + 1), parser=parser)
    assert not too_deep.xpath("//p[@id='after']"), "one level more loses the rest of the page"
    assert html_depth(_nested(MAX_HTML_DEPTH)) == (MAX_HTML_DEPTH, "")
    check_page("ok.html", _nested(MAX_HTML_DEPTH))


def test_unclosed_inline_tags_nest_but_unclosed_paragraphs_do_not() -> None:
    assert html_depth("<html><body>" + "<p>x" * 1000 + "</body></html>")[0] == 3
    depth, tag = html_depth("<html><body>" + "<font>x" * 1000 + "</body></html>")
    assert (depth, tag) == (1002, "font")


@pytest.mark.parametrize("text", [
    '<div class="post"><p>a fragment, never closed',
    '[{"cooked": "<p>a Discourse post in JSON</p>"}]',
])
def test_fragments_and_json_need_no_closing_tags(text: str) -> None:
    check_page("f.html", text)


def test_a_deep_fragment_is_refused_too() -> None:
    with pytest.raises(ParseError, match=r"^f\.html: elements are nested 302 deep, mostly <div>"):
        check_page("f.html", "<div>" * 300)


# -- posts and lines too long to be what they claim -----------------------------------------


def test_post_longer_than_any_forum_allows_is_skipped_with_its_reason(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "posts.jsonl", "fine", "y" * (MAX_POST_CHARS + 1), "also fine")
    thread = parse_paths(path)
    assert [p.text for p in thread.posts] == ["fine", "also fine"]
    assert [s.reason for s in thread.skipped] == [
        "longer than 100,000 characters, not a forum post"]


@pytest.mark.parametrize("text", [
    "a\n" * 30_000,                                       # one paragraph a line
    "Short line.\n\n" * 15_000,                           # one paragraph a blank line
    "a" + " " * 99_000 + "b\n" + "A sentence here.\n" * 10,  # a long run of spaces
    "a" + "\u2003" * 99_000 + "b\n",                      # of other white space
    "Dec 22, 2020 #3\n" * 2_000,                          # date lines
])
def test_plain_text_parsing_stays_linear(text: str) -> None:
    start = time.perf_counter()
    PlainTextParser().parse(Document("t.txt", b"", text))
    assert time.perf_counter() - start < 3


def test_no_function_in_the_package_calls_itself() -> None:
    """Recursion on input structure could overflow the stack; every walk is a loop."""
    recursive = []
    for path in sorted((ROOT / "analyzer").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        # A method calling a bare name calls the module's function, not itself.
        methods = {id(f) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for f in c.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and id(node) not in methods:
                for call in ast.walk(node):
                    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                            and call.func.id == node.name):
                        recursive.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert recursive == []


# -- atomic output --------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def existing_report(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "thread.md"
    report.write_bytes(b"# An earlier report\n\nkept as it was\n")
    return report


def test_unwritable_json_path_leaves_the_existing_report_untouched(
        existing_report: Path) -> None:
    folder = existing_report.parent
    before = _snapshot(folder)
    result = CliRunner().invoke(cli, ["analyse", str(COPY), "-o", str(existing_report),
                                      "--json", str(folder), "-q", "--no-charts"])
    assert result.exit_code == ExitCode.OUTPUT
    assert _snapshot(folder) == before


def test_failure_while_rendering_leaves_the_existing_report_untouched(
        existing_report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("analyzer.report.write.render_markdown", broken)
    folder = existing_report.parent
    before = _snapshot(folder)
    result = CliRunner().invoke(cli, ["analyse", str(COPY), "-o", str(existing_report), "-q",
                                      "--no-charts"])
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == ("Error: unexpected RuntimeError: renderer crashed (run again "
                             "with --debug to see the traceback)\n")
    assert _snapshot(folder) == before


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"),
                                     KeyboardInterrupt()])
def test_failure_while_writing_removes_the_temporary_file(
        existing_report: Path, monkeypatch: pytest.MonkeyPatch,
        failure: BaseException) -> None:
    def fail(src: object, dst: object) -> None:
        raise failure

    monkeypatch.setattr("analyzer.output.os.replace", fail)
    before = _snapshot(existing_report.parent)
    expected = OutputError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_text(existing_report, "# A new report\n")
    assert _snapshot(existing_report.parent) == before


def test_successful_write_replaces_the_report_and_leaves_nothing_else(
        existing_report: Path) -> None:
    write_text(existing_report, "# A new report\n")
    assert _snapshot(existing_report.parent) == {"thread.md": b"# A new report\n"}
