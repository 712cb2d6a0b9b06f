"""The fast VADER gives VADER's own scores, rule by rule and on generated text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.stance.vader import Vader, new_analyzer

PLAIN = SentimentIntensityAnalyzer()
FAST = Vader()

RULE_CASES = [
    "",
    "   ",
    "The plan is good.",
    "The plan is not good.",
    "The plan isn't good at all.",
    "It was never so good.",
    "Without doubt a great result.",
    "Not bad, but not great either.",
    "The food was good but the service was awful.",
    "No problem, no good, no way.",
    "no",
    "Kind of good, sort of bad, kinda nice.",
    "This is the least bad option.",
    "At least it is good.",
    "Very least helpful answer.",
    "The movie was the bomb, yeah right.",
    "That kiss of death was a bad ass move.",
    "It is GREAT while others are not.",
    "ALL CAPS EVERYWHERE IS GREAT",
    "The deal is extremely good!!! Really???",
    "Wow!!!!! amazing?????",
    "Nothing good came of it, nor anything bad.",
    "I don't think it is not good.",
    "He is uber cool and hella smart, no doubt.",
    "Good :) bad :( meh :-/",
    "The summit went well 😀 but the talks 😡 failed.",
    "Café déjà vu: très bien, not good.",
    "Russia's plan—good? Bad? Who knows…",
    "it isn't that bad, it's the shit",
    "A bus stop, to die for, a beating heart.",
    "We all saw the kiss of death coming.",
    "and then a kiss of death",
    "despite the warnings it was good",
    "He rarely smiles and seldom laughs.",
    "\tTabs\tand\nnewlines good\n",
]


@pytest.mark.parametrize("text", RULE_CASES)
def test_fast_vader_scores_rule_cases_as_vader_does(text: str) -> None:
    assert FAST.polarity_scores(text) == PLAIN.polarity_scores(text)
    assert FAST.compound(text) == PLAIN.polarity_scores(text)["compound"]


_RULE_WORDS = [
    "no", "not", "never", "isn't", "nor", "or", "but", "kind", "of", "sort", "least", "at",
    "very", "so", "this", "without", "doubt", "the", "shit", "bomb", "yeah", "right", "bad",
    "ass", "good", "GOOD", "great", "awful", "love", "hate", "extremely", "barely", "kinda",
    "!", "?", ":)", "😀", "plan", "Russia", "and", "nothing", "despite", "to", "die", "for",
    "cut", "mustard", "upper", "hand", "LOVE", "Not", "BUT", "kiss", "death", "beating",
    "heart", "bus", "stop",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS), max_size=30),
       st.sampled_from(["", ".", "!", "!!", "?", "??", "???"]))
def test_fast_vader_scores_generated_text_as_vader_does(words: list[str], end: str) -> None:
    text = " ".join(words) + end
    assert FAST.polarity_scores(text) == PLAIN.polarity_scores(text)
    assert FAST.compound(text) == PLAIN.polarity_scores(text)["compound"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fast_vader_scores_arbitrary_characters_as_vader_does(text: str) -> None:
    assert FAST.polarity_scores(text) == PLAIN.polarity_scores(text)
    assert FAST.compound(text) == PLAIN.polarity_scores(text)["compound"]


def test_fast_vader_keeps_a_lexicon_given_to_it() -> None:
    fast, plain = Vader(), SentimentIntensityAnalyzer()
    for analyzer in (fast, plain):
        analyzer.lexicon = {**analyzer.lexicon, "warmongering": -2.5, "good": 0.5}
    text = "Their warmongering is not good, but the talks are good."
    assert fast.polarity_scores(text) == plain.polarity_scores(text)


def test_new_analyzer_is_the_fast_one_on_the_checked_release() -> None:
    assert isinstance(new_analyzer(), Vader)
