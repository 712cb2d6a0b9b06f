"""Boilerplate: copied-page chrome lines and fragments inside post bodies."""

from __future__ import annotations

import pytest

from analyzer.clean import clean_text, is_chrome_line


@pytest.mark.parametrize("line", [
    "What's new", "Reaction score", "Reaction score 1,234", "Top Bottom", "Like Reply Report",
    "Click to expand...", "Thread starter Place Of Space", "Start date Dec 22, 2020",
    "#12", "1 2 3 Next", "Page 2 of 5", "Tags: russia china", "Messages 4,210",
])
def test_copied_page_chrome_lines_are_recognised(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Share the wealth with everyone", "Tags are useless here", "Top of the morning to you",
    "Thread starter was right all along, in my view, and I said so at the time.",
    "Reactions to the patrol were muted.", "Search me, I have no idea.",
])
def test_prose_lines_are_not_chrome(line):
    assert not is_chrome_line(line)


def test_clean_text_removes_fragments_and_keeps_prose():
    body = ("First line.\r\nClick to expand...\n\n\n\nShare the wealth with everyone.\n"
            "Last edited: Dec 22, 2020\n[b]bold[/b] words\nReactions: alice, bob")
    assert clean_text(body) == ("First line.\n\nShare the wealth with everyone.\n\n"
                                "bold words")
