"""JSON Lines threads: one post object per line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fixture_index import json_values
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.errors import InputError, ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.base import Document
from analyzer.parsers.engines.jsonl import JsonlParser
from analyzer.parsers.registry import detect


def _doc(text: str, name: str = "posts.jsonl") -> Document:
    return Document(name, text.encode(), text)


def _lines(*rows: object) -> str:
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"


def _parse(text: str) -> Thread:
    return JsonlParser().parse(_doc(text))


def test_rows_become_posts_with_ids_authors_and_times() -> None:
    thread = _parse(_lines(
        {"id": 114210, "author": "krstep", "timestamp": "2020-12-22T18:02:11+00:00",
         "text": "Bombers again.", "thread": "joint-patrol", "title": "Joint patrol"},
        {"id": "114215", "author": "Müller", "timestamp": 1608660131, "text": "Grüße!"},
    ))
    assert thread.engine == "jsonl"
    assert (thread.id, thread.title, thread.url) == ("joint-patrol", "Joint patrol", None)
    assert [(p.id, p.position, p.author, p.text) for p in thread.posts] == [
        ("114210", 0, "krstep", "Bombers again."), ("114215", 1, "Müller", "Grüße!")]
    assert thread.posts[0].timestamp == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert thread.posts[1].timestamp == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert thread.posts[0].source == "posts.jsonl"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-12-22T19:02:11+01:00", datetime(2020, 12, 22, 19, 2, 11,
                                                tzinfo=timezone(timedelta(hours=1)))),
        ("2020-12-22T18:02:11Z", datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
        ("2020-12-22 18:02:11", datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
        ("1608660131", datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
        (1608660131.5, datetime(2020, 12, 22, 18, 2, 11, 500000, tzinfo=UTC)),
        (1608660131000, datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
        (None, None),
        ("", None),
    ],
)
def test_timestamps_in_iso_or_epoch_form(value: object, expected: datetime | None) -> None:
    assert _parse(_lines({"text": "x", "timestamp": value})).posts[0].timestamp == expected


def test_bad_timestamp_names_the_line() -> None:
    with pytest.raises(ParseError, match=r"^posts\.jsonl:2: invalid timestamp 'yesterday'"):
        _parse(_lines({"text": "a"}, {"text": "b", "timestamp": "yesterday"}))


def test_missing_ids_become_one_based_positions_and_blank_lines_are_ignored() -> None:
    thread = _parse('\n{"text": "first"}\n\n   \n{"text": "second", "id": null}\n')
    assert [p.id for p in thread.posts] == ["1", "2"]
    assert thread.id == "posts"


def test_quotes_as_objects_or_strings_and_reply_to() -> None:
    thread = _parse(_lines({
        "id": "9", "text": "I disagree.", "reply_to": 7,
        "quotes": [{"text": "It is an alliance.", "post_id": 7, "author": "ann"}, "a plain quote"],
    }))
    post = thread.posts[0]
    assert post.quotes == (Quote("It is an alliance.", "7", "ann"), Quote("a plain quote"))
    assert post.reply_to == "7"


def test_invalid_json_line_is_reported_with_its_number() -> None:
    with pytest.raises(ParseError, match=r"^posts\.jsonl:3: invalid JSON: Expecting"):
        _parse('{"text": "a"}\n\n{"text": oops}\n')


@pytest.mark.parametrize("row", ['["text"]', '{"body": "no text field"}', "42", '"text"'])
def test_rows_must_be_objects_with_text(row: str) -> None:
    expected = r'^posts\.jsonl:2: expected an object with a "text" field$'
    with pytest.raises(ParseError, match=expected):
        _parse('{"text": "ok"}\n' + row + "\n")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": 5}, '"text" must be a string'),
        ({"text": "x", "quotes": "nope"}, '"quotes" must be a list'),
        ({"text": "x", "quotes": [{"post_id": 3}]}, '"quotes" must be a list'),
        ({"text": "x", "kind": "rant"}, '"kind" must be'),
    ],
)
def test_malformed_fields_are_parse_errors(row: dict, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        _parse(_lines(row))


def test_kind_news_is_kept_and_empty_posts_are_skipped() -> None:
    thread = _parse(_lines({"text": "MOSCOW -- ...", "kind": "news"}, {"id": "5", "text": "  "}))
    assert [p.kind for p in thread.posts] == ["news"]
    assert [(s.reason, s.source) for s in thread.skipped] == [("empty post", "posts.jsonl")]


def test_can_parse_needs_an_object_with_text_on_the_first_line() -> None:
    assert JsonlParser.can_parse(_doc('\n  {"text": "hi", "id": 1}\n{"text": "there"}\n'))
    assert not JsonlParser.can_parse(_doc('{\n  "text": "pretty-printed document"\n}\n'))
    assert not JsonlParser.can_parse(_doc('[{"text": "a JSON array"}]'))
    assert not JsonlParser.can_parse(_doc('{"post_stream": {"posts": []}}'))
    assert not JsonlParser.can_parse(_doc("plain text"))


def test_detected_from_a_file_and_output_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(_lines({"id": 1, "text": "a"}, {"id": 3, "text": "b", "reply_to": "1"}),
                    encoding="utf-8")
    doc = Document(str(path), path.read_bytes(), path.read_text("utf-8"))
    assert detect(doc) is JsonlParser
    thread = parse_paths(path)
    assert [p.id for p in thread.posts] == ["1", "3"]
    assert thread.id == "export"


def test_file_with_only_blank_lines_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no posts found"):
        _parse("\n\n")


_JSON = json_values(text=20, keys=8, leaves=8)
_ROW = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=40), _JSON)},
    optional={key: _JSON for key in ("id", "author", "timestamp", "reply_to", "quotes",
                                     "thread", "title", "kind")},
)


@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_thread_or_our_error(text: str) -> None:
    try:
        thread = JsonlParser().parse(_doc(text))
    except (ParseError, InputError):
        return
    assert isinstance(thread, Thread)


@given(st.lists(_ROW, min_size=1, max_size=5))
def test_arbitrary_rows_give_a_thread_or_our_error(rows: list[dict]) -> None:
    try:
        thread = JsonlParser().parse(_doc(_lines(*rows)))
    except (ParseError, InputError):
        return
    assert len(thread.posts) + len(thread.skipped) == len(rows)
    for post in thread.posts:
        assert isinstance(post.id, str) and post.id
        assert post.timestamp is None or post.timestamp.tzinfo is not None
