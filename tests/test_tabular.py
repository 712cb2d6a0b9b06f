"""Generic CSV/TSV: guessed or mapped columns, delimiters, timestamps, --columns."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from fixture_index import FIXTURES, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.cli import cli
from analyzer.errors import ConfigError, ExitCode, ParseError
from analyzer.model import Thread
from analyzer.parsers.base import Document
from analyzer.parsers.engines.tabular import CsvParser, parse_columns, read_time, sniff_delimiter
from analyzer.parsers.registry import get_parser
from analyzer.reading.batch import read_document

POSTS = FIXTURES / "csv" / "posts.csv"
CHAT = FIXTURES / "csv" / "chat-export.tsv"
CHAT_COLUMNS = "id=Message ID,author=Sender,timestamp=Sent,text=Message,reply_to=In reply to"


def _doc(text: str, name: str = "t.csv") -> Document:
    return Document(name, text.encode(), text)


@pytest.fixture(scope="module")
def posts() -> Thread:
    return read_with(CsvParser, POSTS)


def test_guessed_columns_give_ids_authors_text_replies_and_title(posts: Thread) -> None:
    assert (posts.id, posts.title, posts.engine) == (
        "posts", "Joint patrol over the Sea of Japan", "csv")
    assert [(p.id, p.author, p.reply_to) for p in posts.posts] == [
        ("1001", "seawatch", None), ("1002", "krstep", "1001"), ("1004", "Jörg Müller", "1002"),
        ("1007", "ivan_p", "1004")]
    assert posts.posts[0].text == ("Russian and Chinese bombers flew a joint patrol today.\n\n"
                                   "What do you make of it?")
    assert posts.posts[2].text == ('Für Japan ist das ein deutliches Signal. '
                                   'Die "Überflüge" häufen sich.')
    assert posts.posts[3].text == "Это обычная практика, ничего нового."


def test_timestamps_in_iso_epoch_seconds_milliseconds_and_plain_forms(posts: Thread) -> None:
    assert [p.timestamp for p in posts.posts] == [
        datetime(2020, 12, 22, 9, 15, 2, tzinfo=UTC),
        datetime(2020, 12, 22, 10, 2, 11, tzinfo=UTC),
        datetime(2020, 12, 22, 11, 5, tzinfo=UTC),
        datetime(2020, 12, 22, 13, 0, tzinfo=UTC),
    ]


def test_rows_without_text_are_skipped(posts: Thread) -> None:
    assert [(s.reason, s.preview) for s in posts.skipped] == [
        ("empty post", "line 7: a row with no text")]


def test_mapped_tsv_columns_with_positional_ids_and_visible_dates() -> None:
    thread = CsvParser(columns=parse_columns(CHAT_COLUMNS)).parse(read_document(CHAT))
    assert [(p.id, p.author, p.reply_to) for p in thread.posts] == [
        ("1", "seawatch", None), ("2", "krstep", "1"), ("3", "ivan_p", "2")]
    assert [p.timestamp for p in thread.posts] == [
        datetime(2020, 12, 22, 9, 15, tzinfo=UTC), datetime(2020, 12, 22, 10, 2, tzinfo=UTC),
        datetime(2020, 12, 22, 13, 0, tzinfo=UTC)]


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-12-22T19:02:11+01:00", datetime(2020, 12, 22, 19, 2, 11,
                                            tzinfo=timezone(timedelta(hours=1)))),
    ("1608660131", datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
    ("1608660131000", datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)),
    ("Dec 22, 2020 6:02 PM", datetime(2020, 12, 22, 18, 2, tzinfo=UTC)),
    ("", None),
])
def test_read_time_forms(value: str, expected: datetime | None) -> None:
    assert read_time(value) == expected


def test_an_unreadable_timestamp_names_the_line_and_the_option() -> None:
    with pytest.raises(ParseError, match=r"^t\.csv:3: cannot read 'soon' as a date or time .*"
                                         r"--columns timestamp=COLUMN\)$"):
        CsvParser().parse(_doc("text,date\nhello,2020-12-22\nbye,soon\n"))


@pytest.mark.parametrize(("spec", "message"), [
    ("body=text", r"unknown field 'body'; the fields are: id, author, text, timestamp"),
    ("text", r"'text' is not FIELD=COLUMN"),
    ("text=", r"'text=' is not FIELD=COLUMN"),
    ("author=user", r"must say which column holds the posts, e\.g\. text=body"),
    ("text=a,text=b", r"the field 'text' is given twice"),
])
def test_bad_column_specs_are_config_errors(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_columns(spec)


def test_column_spec_is_case_and_space_tolerant() -> None:
    assert parse_columns(" TEXT = body , author=User Name,") == {"text": "body",
                                                                 "author": "User Name"}


def test_constructor_checks_its_mapping() -> None:
    with pytest.raises(ConfigError, match="unknown field 'body'"):
        CsvParser(columns={"body": "x"})
    with pytest.raises(ConfigError, match="must say which column holds the posts"):
        CsvParser(columns={})
    assert get_parser("csv")().columns is None  # the registry builds it with no arguments


def test_a_mapped_column_missing_from_the_file_lists_the_columns() -> None:
    with pytest.raises(ConfigError, match=r"^t\.csv: there is no column 'body' for text "
                                          r"\(the columns are: 'a', 'b'\)$"):
        CsvParser(columns={"text": "body"}).parse(_doc("a,b\n1,2\n"))


def test_without_a_text_column_the_error_lists_columns_and_suggests_columns_option() -> None:
    with pytest.raises(ParseError, match=r"^t\.csv: no text column found \(the columns are: "
                                         r"'who', 'what'\); say which column holds the posts "
                                         r"with --columns text=COLUMN$"):
        CsvParser().parse(_doc("who,what\nann,hi\n"))


def test_delimiters_are_sniffed_and_checked_against_the_header() -> None:
    assert sniff_delimiter("author;text\nann;hi, there\n") == ";"
    assert sniff_delimiter("author\ttext\nann\thi; you, me\n") == "\t"
    assert sniff_delimiter("author|text\nann|hi\n") == "|"
    assert sniff_delimiter("text\nhello\n") == ","
    thread = CsvParser().parse(_doc("author;text\nann;hi, there\n"))
    assert [(p.author, p.text) for p in thread.posts] == [("ann", "hi, there")]


def test_detection_needs_a_header_with_a_text_column() -> None:
    assert CsvParser.can_parse(_doc("User;Comment\nann;hi\n"))
    assert not CsvParser.can_parse(_doc("Well, I think so, and you know it, right?\nYes.\n"))
    assert not CsvParser.can_parse(_doc("a,b\n1,2\n"))
    assert not CsvParser.can_parse(_doc('{"text": "json", "id": 1}\n'))
    assert CsvParser.can_parse(_doc('author,body\nann,"<p>Hi <b>there</b></p><div>x</div>"\n'))
    assert not CsvParser.can_parse(_doc("<html><body><p>text, body</p></body></html>"))
    assert CsvParser.can_parse(read_document(CHAT))  # "Message" is a text column


def test_parse_paths_uses_a_ready_made_parser_with_columns() -> None:
    thread = parse_paths([CHAT], parser=CsvParser(columns=parse_columns(CHAT_COLUMNS)))
    assert [p.author for p in thread.posts] == ["seawatch", "krstep", "ivan_p"]


def test_cli_columns_option_maps_the_columns() -> None:
    result = CliRunner().invoke(cli, ["parse", str(CHAT), "--columns", CHAT_COLUMNS,
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["thread"]["engine"] == "csv"
    assert [(r["id"], r["author"]) for r in rows[1:] if "skipped" not in r] == [
        ("1", "seawatch"), ("2", "krstep"), ("3", "ivan_p")]


@pytest.mark.parametrize(("extra", "message"), [
    (["--columns", "txt=body"], "Error: --columns: unknown field 'txt'"),
    (["--columns", "text=Message", "--engine", "reddit-json"],
     "Error: --columns is for the csv engine, not 'reddit-json'"),
])
def test_cli_rejects_bad_columns_with_the_config_exit_code(extra: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["parse", str(CHAT), *extra])
    assert result.exit_code == ExitCode.CONFIG
    assert message in result.stderr


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(_CELL | st.sampled_from(["text", "id", "1", "2020-12-22", '"', "\n"]),
                         min_size=1, max_size=4), max_size=5).map(
    lambda rows: "\n".join(",".join(row) for row in rows)) | st.text(max_size=120))
def test_arbitrary_text_gives_a_thread_or_a_parse_error(text: str) -> None:
    try:
        thread = CsvParser().parse(_doc(text))
    except ParseError:
        return
    assert isinstance(thread, Thread)
    assert all(p.text for p in thread.posts)
