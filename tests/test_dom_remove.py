"""Taking an element out of a broken page keeps the text after it, control characters aside."""

from __future__ import annotations

from analyzer.parsers.dom import parse_html


def test_removing_a_label_keeps_the_text_that_follows_it() -> None:
    page = parse_html("<div class='date'><strong>Reply #2 on:</strong> 26 June 2019</div>")
    date = page.select_one("div.date")
    assert date is not None
    for label in date.select("strong"):
        label.remove()
    assert date.text() == "26 June 2019"


def test_removing_a_label_before_a_truncated_character_reference_does_not_crash() -> None:
    # "&#1" (a reference cut short) parses to U+0001, which lxml keeps in a
    # tree but refuses when text is set.
    page = parse_html("<div class='date'>&#171; <strong>on:</strong> 27 June &#1div x</div>")
    date = page.select_one("div.date")
    assert date is not None
    for label in date.select("strong"):
        label.remove()
    assert date.text() == "« 27 June div x"
