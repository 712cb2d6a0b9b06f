"""Reading post dates as pages and exports give them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analyzer.parsers.dates import from_visible, read_field
from analyzer.parsers.dom import parse_html
from analyzer.parsers.engines.tabular import read_time
from analyzer.parsers.engines.textlines import parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("03.03.2011, 14:17", datetime(2011, 3, 3, 14, 17, tzinfo=UTC)),
    ("Oct 30, 2014 at 10:48 PM", datetime(2014, 10, 30, 22, 48, tzinfo=UTC)),
    ("Sun May 26, 2019 4:34 pm", datetime(2019, 5, 26, 16, 34, tzinfo=UTC)),
    ("26. Dez. 2019, 16:34", datetime(2019, 12, 26, 16, 34, tzinfo=UTC)),
    ("7 janv. 2019 à 10:15", datetime(2019, 1, 7, 10, 15, tzinfo=UTC)),
    ("1 Jan 2020", datetime(2020, 1, 1, tzinfo=UTC)),
])
def test_visible_dates_in_the_pages_own_words(text: str, expected: datetime) -> None:
    assert from_visible(text) == expected


@pytest.mark.parametrize("text", ["2020", "Dec 2020", "7:05 AM", "Yesterday at 10:48", "Top 10"])
def test_dates_missing_their_day_month_or_year_are_not_guessed(text: str) -> None:
    assert from_visible(text) is None


def test_export_fields_read_numbers_as_epoch_and_strings_as_iso() -> None:
    assert read_field(1608660131) == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert read_field("1608660131000") == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert read_field("2020-12-22T18:02:11Z") == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert read_field(True) is None and read_field(["x"]) is None and read_field(" ") is None


def test_a_csv_date_written_as_eight_digits_is_a_date_not_an_epoch() -> None:
    assert read_time("20201222") == datetime(2020, 12, 22, tzinfo=UTC)


def test_matches_and_closest_honour_combinators() -> None:
    root = parse_html('<html><body><div class="a"><p id="x">in</p></div><p id="y">out</p>'
                      "</body></html>")
    inside, outside, div = root.select_one("#x"), root.select_one("#y"), root.select_one("div")
    assert inside.matches("div.a > p") and not outside.matches("div.a > p")
    assert not div.matches("div.a > p")
    assert inside.closest("body > div") == div


def test_a_whole_date_line_is_a_date_and_nothing_else() -> None:
    sentence = "Met him on May 5, 2019 at the port"
    assert from_visible(sentence) == datetime(2019, 5, 5, tzinfo=UTC)
    assert from_visible(sentence, whole=True) is None
    assert from_visible("May 5, 2019 at 10:48 PM", whole=True) == datetime(
        2019, 5, 5, 22, 48, tzinfo=UTC)


@pytest.mark.parametrize("line", ["10:48 PM", "Today at 10:48", "Dec 22 #4"])
def test_a_text_copys_date_line_without_a_year_gives_no_date(line: str) -> None:
    # Reading these would put today's date (or year) on the post.
    assert parse_date(line) is None
