"""Inputs that are not one saved thread: pages of different threads, and web addresses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fixture_index import FIXTURES

from analyzer.cli import cli
from analyzer.errors import ExitCode, InputError
from analyzer.reading.batch import parse_paths, read_document

XENFORO = FIXTURES / "xenforo2" / "thread-page1.html"
XENFORO_2 = FIXTURES / "xenforo2" / "thread-page2.html"
VBULLETIN = FIXTURES / "vbulletin4" / "thread-page1.html"
URL = "https://forums.example.com/threads/ferry-timetable.871/page-2"
SAVE = ("is a web address, not a file; open it in a browser, save the page (File > Save Page "
        'As, "Web Page, complete" or "HTML only") and pass the saved file')


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_analyse_refuses_pages_of_two_threads_and_names_them(tmp_path: Path) -> None:
    result = run("analyse", XENFORO, VBULLETIN, "-o", tmp_path / "r.md", "-q")
    assert result.stderr == (
        "Error: the files are pages of 2 different threads:\n"
        '  "Bombers fly joint patrol over the Pacific" <https://forum.example.org/threads/'
        f"bombers-fly-joint-patrol-over-the-pacific.4242/> (xenforo2): {XENFORO}\n"
        '  "Joint bomber patrol over the Sea of Japan" <https://airwar.example.net/forum/'
        f"showthread.php?t=5150> (vbulletin4): {VBULLETIN}\n"
        "analyse one thread at a time, or read them together as a dump with "
        "`forum-analyzer reposts`\n")
    assert result.exit_code == ExitCode.INPUT
    assert not (tmp_path / "r.md").exists()


def test_parse_refuses_pages_of_two_threads_of_one_engine(tmp_path: Path) -> None:
    other = tmp_path / "other.html"
    other.write_text(XENFORO_2.read_text("latin-1").replace(
        "bombers-fly-joint-patrol-over-the-pacific.4242", "a-different-thread.99"),
        encoding="latin-1")
    with pytest.raises(InputError, match=r"^the files are pages of 2 different threads:\n"):
        parse_paths([XENFORO, other])


def test_pages_of_one_thread_still_merge() -> None:
    thread = parse_paths([XENFORO, XENFORO_2])
    assert len(thread.posts) == 7


@pytest.mark.parametrize("command", ["parse", "analyse"])
def test_a_url_is_refused_with_the_address_intact(command: str, tmp_path: Path) -> None:
    options = ["-o", tmp_path / "r.md", "-q"] if command == "analyse" else []
    result = run(command, URL, *options)
    assert result.stderr == f"Error: {URL}: {SAVE}\n"
    assert result.exit_code == ExitCode.INPUT


@pytest.mark.parametrize("address", ["http://example.org/t/1", "www.example.org/thread/1",
                                     "HTTPS://EXAMPLE.ORG/x"])
def test_every_kind_of_address_is_refused_as_typed(address: str) -> None:
    with pytest.raises(InputError) as raised:
        read_document(address)
    assert str(raised.value) == f"{address}: {SAVE}"


def test_a_url_among_files_is_one_failure_and_the_files_are_still_read() -> None:
    result = run("parse", XENFORO, URL)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.endswith(f"Error: 1 of 2 files failed:\n  {URL}: {SAVE}\n")
    assert '"posts"' in result.stdout


def test_a_caller_that_wants_several_threads_merged_can_say_so() -> None:
    from analyzer.reading.batch import parse_files
    from analyzer.reading.merge import MixedThreadsWarning

    with pytest.warns(MixedThreadsWarning):
        batch = parse_files([XENFORO, VBULLETIN], one_thread=False)
    assert batch.thread is not None and len(batch.thread.posts) == 10
