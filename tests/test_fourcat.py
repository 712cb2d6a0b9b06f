"""4CAT dataset exports: CSV (4chan data source) and NDJSON (Reddit data source)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from fixture_index import FIXTURES, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.base import Document
from analyzer.parsers.engines.fourcat import FourCatParser
from analyzer.parsers.engines.jsonl import JsonlParser
from analyzer.parsers.engines.tabular import CsvParser
from analyzer.parsers.registry import detect
from analyzer.reading.batch import read_document

CHAN = FIXTURES / "4cat" / "4chan-dataset.csv"
REDDIT = FIXTURES / "4cat" / "reddit-dataset.ndjson"


@pytest.fixture(scope="module")
def chan() -> Thread:
    return read_with(FourCatParser, CHAN)


@pytest.fixture(scope="module")
def reddit() -> Thread:
    return read_with(FourCatParser, REDDIT)


def _ndjson(*rows: dict) -> Document:
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return Document("d.ndjson", text.encode(), text)


def test_csv_posts_of_the_first_thread_with_numbers_authors_and_times(chan: Thread) -> None:
    assert (chan.id, chan.title, chan.engine) == (
        "287000111", "Russia & China joint bomber patrol", "4cat")
    assert [(p.id, p.author) for p in chan.posts] == [
        ("287000111", "Anonymous"), ("287000150", "Anonymous"), ("287000162", "Jörg"),
        ("287000188", "Anonymous")]
    assert chan.posts[1].timestamp == datetime(2020, 12, 22, 9, 42, 11, tzinfo=UTC)


def test_multi_line_bodies_keep_their_paragraphs(chan: Thread) -> None:
    assert chan.posts[0].text == ("Russian and Chinese bombers flew a joint patrol over the Sea "
                                  "of Japan today.\n\nWhat does this mean for Japan?")


def test_links_become_quotes_and_repeated_greentext_quotes_its_source(chan: Thread) -> None:
    assert chan.posts[1].quotes == (Quote(chan.posts[0].text, "287000111", "Anonymous"),)
    assert chan.posts[1].text == ("It is a signal to Washington, nothing more.\n>be me\n"
                                  ">reading about bombers over breakfast")
    assert chan.posts[2].quotes == (Quote("It is a signal to Washington", "287000150",
                                          "Anonymous"),)
    assert chan.posts[2].text == ("Für Japan ist das ein deutliches Signal. "
                                  "Die Überflüge häufen sich.")
    assert [q.post_id for q in chan.posts[3].quotes] == ["287000150", "287000162"]
    assert chan.posts[3].text == "Это обычная практика, ничего нового."
    assert [p.reply_to for p in chan.posts] == [None, "287000111", "287000150", "287000150"]


def test_empty_rows_and_other_threads_are_skipped(chan: Thread) -> None:
    assert [(s.reason, s.preview) for s in chan.skipped] == [
        ("empty post", "line 12: post 287000170"),
        ("other thread",
         "line 16: post 286999001 in thread 286999000: Another exercise, another headline."),
    ]


def test_base36_ids_become_positions_and_parents_follow(reddit: Thread) -> None:
    assert (reddit.id, reddit.title) == ("kgl2ma", "Russian and Chinese bombers fly joint patrol")
    assert [(p.id, p.author, p.reply_to) for p in reddit.posts] == [
        ("1", "seawatch", None), ("2", "krstep", "1"), ("3", "joerg_m", "2"),
        ("4", "ivan_p", "3")]


def test_a_quoted_line_repeating_the_parent_is_a_quote(reddit: Thread) -> None:
    assert reddit.posts[2].quotes == (
        Quote("It is a signal to Washington, nothing more.", "2", "krstep"),)
    assert reddit.posts[2].text == "Für Japan ist das ein deutliches Signal."


def test_deleted_bodies_are_skipped(reddit: Thread) -> None:
    assert [(s.reason, s.preview) for s in reddit.skipped] == [
        ("deleted post", "line 4: post ggf5e6f ([deleted])")]


def test_the_timestamp_column_is_read_when_there_is_no_unix_timestamp() -> None:
    thread = FourCatParser().parse(_ndjson(
        {"id": "1", "thread_id": "1", "body": "x", "timestamp": "2020-12-22 10:02:11"},
        {"id": "2", "thread_id": "1", "body": "y", "timestamp": 1608631331}))
    assert [p.timestamp for p in thread.posts] == [
        datetime(2020, 12, 22, 10, 2, 11, tzinfo=UTC)] * 2


def test_html_bodies_are_read_like_4chan_comments() -> None:
    thread = FourCatParser().parse(_ndjson(
        {"id": "1", "thread_id": "1", "body": "OP"},
        {"id": "2", "thread_id": "1",
         "body": '<a href="#p1" class="quotelink">&gt;&gt;1</a><br>Agreed &amp; more'}))
    assert (thread.posts[1].text, thread.posts[1].reply_to) == ("Agreed & more", "1")


def test_with_positional_ids_a_link_outside_the_dataset_is_not_mistaken_for_a_position() -> None:
    thread = FourCatParser().parse(_ndjson(
        {"id": "a1", "thread_id": "t", "body": "first"},
        {"id": "b2", "thread_id": "t", "body": ">>1\nanswer"}))
    assert [(p.id, p.text, p.quotes, p.reply_to) for p in thread.posts] == [
        ("1", "first", (), None), ("2", "answer", (), None)]


def test_a_csv_without_4cat_columns_is_refused_when_forced() -> None:
    doc = read_document(FIXTURES / "csv" / "posts.csv")
    assert not FourCatParser.can_parse(doc)
    expected = r"posts\.csv: not a 4CAT dataset: missing columns: id, thread_id$"
    with pytest.raises(ParseError, match=expected):
        FourCatParser().parse(doc)


def test_an_ndjson_line_without_4cat_keys_names_the_line() -> None:
    with pytest.raises(ParseError, match=r'^d\.ndjson:2: not a 4CAT item \(expected an object '
                                         r'with "id", "thread_id" and "body"\)$'):
        FourCatParser().parse(_ndjson({"id": 1, "thread_id": 1, "body": "a"}, {"text": "b"}))


def test_4cat_ndjson_is_not_jsonl_and_4cat_is_asked_before_csv() -> None:
    assert not JsonlParser.can_parse(read_document(REDDIT))
    html_bodies = "id,thread_id,timestamp,body\n1,1,2020-12-22 10:00:00,<p>Hi</p><div>x</div>\n"
    assert detect(Document("d.csv", html_bodies.encode(), html_bodies)) is FourCatParser
    assert CsvParser.can_parse(read_document(CHAN))  # it is a CSV too; 4cat is asked first


_VALUE = st.none() | st.integers() | st.floats() | st.text(max_size=30) | st.booleans()
_ROW = st.fixed_dictionaries(
    {"id": st.sampled_from(["1", "2", "x"]) | _VALUE, "thread_id": st.sampled_from(["1", "2"]),
     "body": st.sampled_from([">>1\nhi there you", ">hi there you", "[deleted]", ""]) | _VALUE},
    optional={"author": _VALUE, "timestamp": _VALUE, "unix_timestamp": _VALUE,
              "subject": _VALUE, "parent": _VALUE})


@given(st.lists(_ROW, max_size=6))
def test_arbitrary_rows_give_a_thread_or_a_parse_error(rows: list[dict]) -> None:
    try:
        thread = FourCatParser().parse(_ndjson(*rows))
    except ParseError:
        return
    assert len(thread.posts) + len(thread.skipped) == len(rows)
    assert all(p.id.isdigit() for p in thread.posts)
