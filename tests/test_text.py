"""The shared sentence splitter of analyzer.text."""

from __future__ import annotations

from analyzer.text import paragraph_sentences, sentences


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = "The U.S. sent two bombers on Dec. 22 at 10 a.m. local time. Russia said 3.5 percent."
    assert sentences(text) == ["The U.S. sent two bombers on Dec. 22 at 10 a.m. local time.",
                               "Russia said 3.5 percent."]


def test_blank_line_ends_a_sentence_even_without_punctuation() -> None:
    assert sentences("No full stop here\n\nnext paragraph starts low") == [
        "No full stop here", "next paragraph starts low"]


def test_ellipsis_and_repeated_marks_stay_with_their_sentence() -> None:
    assert sentences("lol ok... whatever you say!! Putin is a joke.") == [
        "lol ok... whatever you say!!", "Putin is a joke."]


def test_line_breaks_inside_a_paragraph_are_collapsed() -> None:
    assert paragraph_sentences("One line\nwraps here. Second\tone.") == (
        "One line wraps here.", "Second one.")


def test_a_paragraph_of_half_a_million_characters_is_split_whole() -> None:
    paragraph = "Russia sent bombers. China said no! Why? " * 12_000
    found = paragraph_sentences(paragraph)
    assert len(found) == 36_000
    assert found[-3:] == ("Russia sent bombers.", "China said no!", "Why?")
