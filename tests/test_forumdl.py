"""forum-dl JSON Lines output: entries of boards, threads, posts and files."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from fixture_index import FIXTURES, document, json_values, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.engines.forumdl import ForumDlParser
from analyzer.parsers.engines.jsonl import JsonlParser
from analyzer.reading.batch import read_document

FIXTURE = FIXTURES / "forum-dl" / "board-12.jsonl"


@pytest.fixture(scope="module")
def board() -> Thread:
    return read_with(ForumDlParser, FIXTURE)


def _entry(type_: str, **item: object) -> dict:
    return {"generator": "forum-dl", "version": "0.3.0", "extractor": "hackernews",
            "download_time": "2024-01-10T12:00:00+00:00", "type": type_,
            "item": {"url": "", "origin": "", "data": {}, **item}}


def _parse(*entries: object) -> Thread:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    return ForumDlParser().parse(document(text, "dl.jsonl"))


def test_the_first_threads_posts_with_ids_authors_and_times(board: Thread) -> None:
    assert (board.id, board.title, board.engine) == (
        "4212", "Joint patrol over the Sea of Japan", "forum-dl")
    assert board.url == "https://forum.example.org/viewtopic.php?t=4212"
    assert [(p.id, p.position, p.author) for p in board.posts] == [
        ("30101", 0, "seawatch"), ("30102", 1, "krstep"), ("30104", 2, "Jörg Müller"),
        ("30107", 3, "ivan_p")]
    assert board.posts[1].timestamp == datetime(2020, 12, 22, 10, 2, 11, tzinfo=UTC)


def test_phpbb_quotes_name_speaker_and_post_and_nested_quotes_are_dropped(board: Thread) -> None:
    assert board.posts[1].quotes == (Quote("What do you make of it?", "30101", "seawatch"),)
    assert board.posts[1].text == "It is a signal to Washington, nothing more."
    assert board.posts[2].quotes == (
        Quote("It is a signal to Washington, nothing more.", "30102", "krstep"),)
    assert board.posts[2].text == ("Für Japan ist das ein deutliches Signal. "
                                   "Die Überflüge häufen sich.")


def test_flat_forum_replies_answer_the_first_quoted_post(board: Thread) -> None:
    assert [p.reply_to for p in board.posts] == [None, "30101", "30102", None]


def test_boards_files_empty_posts_and_other_threads_are_skipped(board: Thread) -> None:
    assert [(s.reason, s.preview) for s in board.skipped] == [
        ("board", "line 1: board 12 World politics"),
        ("file", "line 5: file 12/4212 https://forum.example.org/images/smilies/icon_e_wink.gif"),
        ("empty post", "line 7: post 30105 by krstep"),
        ("other thread", "line 9: thread 12/4300 Naval drills in the Baltic"),
        ("other thread", "line 10: thread 12/4300: Another exercise, another headline."),
    ]


def test_nested_subpaths_give_reply_to_and_the_story_is_the_root_post() -> None:
    thread = _parse(
        _entry("thread", path=["8863"], title="Story"),
        _entry("post", path=["8863"], subpath=[], author="pg", content="Story text",
               creation_time="2007-04-04T19:16:40"),
        _entry("post", path=["8863"], subpath=["8952"], author="a", content="<p>First</p>"),
        _entry("post", path=["8863"], subpath=["8952", "9224"], author="b", content="Second"),
    )
    assert [(p.id, p.reply_to) for p in thread.posts] == [
        ("8863", None), ("8952", "8863"), ("9224", "8952")]


def test_discourse_quote_numbers_map_through_the_posts_data() -> None:
    aside = ('<aside class="quote" data-username="ann" data-post="1" data-topic="5">'
             '<div class="title">ann:</div><blockquote><p>Hi</p></blockquote></aside>Reply')
    thread = _parse(
        _entry("post", path=["c", "t5"], subpath=["101"], author="ann", content="<p>Hi</p>",
               data={"post_number": 1}),
        _entry("post", path=["c", "t5"], subpath=["102"], author="bo", content=aside,
               data={"post_number": 2}),
    )
    assert thread.id == "5"
    assert thread.posts[1].quotes == (Quote("Hi", "101", "ann"),)


def test_without_thread_entries_the_first_posts_thread_is_read() -> None:
    thread = _parse(_entry("post", path=["1", "2"], subpath=["3"], content="a"),
                    _entry("post", path=["1", "9"], subpath=["4"], content="b"))
    assert ([p.id for p in thread.posts], [s.reason for s in thread.skipped]) == (
        ["3"], ["other thread"])
    assert thread.title is None


@pytest.mark.parametrize(("text", "message"), [
    ('{"type": "post", "item": {}}\n{oops}\n', r"^dl\.jsonl:2: invalid JSON"),
    ('{"type": "post", "item": {}}\n[1]\n', r"^dl\.jsonl:2: not a forum-dl entry"),
    ('{"type": "board", "item": {"path": ["1"]}}\n', r"^dl\.jsonl: no thread or post"),
])
def test_bad_lines_are_parse_errors_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        ForumDlParser().parse(document(text, "dl.jsonl"))


def test_neither_jsonl_nor_forum_dl_takes_the_others_lines() -> None:
    assert not JsonlParser.can_parse(read_document(FIXTURE))
    plain = document('{"id": 1, "text": "hello"}\n', "p.jsonl")
    assert not ForumDlParser.can_parse(plain)


_JSON = json_values(text=12, keys=6, leaves=8)
_SEGMENTS = st.lists(st.sampled_from(["1", "2", "t3", "x", ""]) | _JSON, max_size=3)
_ENTRY = st.fixed_dictionaries({
    "type": st.sampled_from(["board", "thread", "post", "file"]) | _JSON,
    "item": st.fixed_dictionaries({}, optional={
        "path": _SEGMENTS | _JSON, "subpath": _SEGMENTS | _JSON, "author": _JSON,
        "creation_time": _JSON, "title": _JSON, "data": _JSON,
        "content": st.sampled_from(["<blockquote><cite>a wrote:</cite>q</blockquote>b", "w"])
        | _JSON}) | _JSON,
})


@given(st.lists(_ENTRY | _JSON, max_size=5).map(
    lambda rows: "".join(json.dumps(row) + "\n" for row in rows)) | st.text(max_size=100))
def test_arbitrary_lines_give_a_thread_or_a_parse_error(text: str) -> None:
    try:
        thread = ForumDlParser().parse(document(text, "dl.jsonl"))
    except ParseError:
        return
    assert isinstance(thread, Thread)
    assert all(p.id.isdigit() for p in thread.posts)
