"""The news stage's fast paths give exactly what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import news, news_register
from analyzer.news_register import (
    attributions,
    cues,
    has_masthead,
    reads_like_article,
    words_of,
)
from analyzer.reposts import shingles as repost_shingles
from analyzer.text import words

# The attribution pattern as it was written before it was built from a list.
PLAIN_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|noted|stated|announced|reported|confirmed|insisted|"
    r"claimed|declared|explained|according to|spokes(?:man|woman|person)|"
    r"in a statement|press (?:service|release|conference)|news agency|quoted)\b",
    re.IGNORECASE,
)
PLAIN_AGENCY = re.compile(
    r"\b(?:Associated Press|Reuters|AFP|Agence France-Presse|Xinhua|TASS|Interfax|"
    r"Kyodo|Yonhap|Bloomberg|Global Times|Sputnik|RIA Novosti|CGTN|CNN|BBC)\b"
)
PLAIN_DATELINE = news_register._DATELINE
PLAIN_MASTHEAD = news_register._MASTHEAD

PIECES = ["said", "Said", "SAID", "ſaid", "saids", "said-so", "unsaid", "according to",
          "According  to", "According\nto", "İnsisted", "insisted", "spokesman", "Spokes",
          "press release", "PRESS CONFERENCE", "news agency", "Reuters", "REUTERS", "AFP",
          "Agence France-Presse", "Global Times", "By John Smith", "by", "Published: May",
          "2021", "updated", "MOSCOW (Reuters) --", "(AP)", "WASHINGTON —", ":D", ":d", ":)",
          "lol", "LOL", "Lol", "Must", "need to", "NEVER", "...", "!", "?", "K", "ı", "’",
          "'", "-", ".", "U.S.", "it's", "Dec.", "Ünion", "ß", "_x", "x_", "9", "quoted",
          "QUOTED", "Quoted", "I", "we're", "it’s", "“Said”", "—", "😀", "é", "É", "ß", "Σ",
          "ﬁ", "K", "İ", "said…", "«told»"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "  ", "", ", ", "\t", "\n \n"]
texts = st.builds(
    lambda pieces, gaps: "".join(p + g for p, g in zip(pieces, gaps, strict=False)),
    st.lists(st.sampled_from(PIECES), max_size=40),
    st.lists(st.sampled_from(SEPARATORS), min_size=40, max_size=40),
)


def _plain_has_masthead(text: str) -> bool:
    top = [line for line in text.strip().split("\n") if line.strip()][:4]
    return bool(any(PLAIN_DATELINE.search(line) for line in top)
                or PLAIN_MASTHEAD.search("\n".join(top))
                or PLAIN_AGENCY.search("\n".join(top[:2])))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_attributions_count_what_the_plain_pattern_counts(text: str) -> None:
    assert attributions(text) == len(PLAIN_ATTRIBUTION.findall(text))
    for least in (1, 2, 3):
        assert news_register._fewer_attributions(text, least) == (
            len(PLAIN_ATTRIBUTION.findall(text)) < least)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_has_masthead_answers_what_the_plain_search_answers(text: str) -> None:
    assert has_masthead(text) == _plain_has_masthead(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_words_of_gives_the_words_of_the_text(text: str) -> None:
    assert words_of(text) == words(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=1, max_value=4))
def test_news_shingles_are_the_repost_shingles_as_word_tuples(text: str, size: int) -> None:
    plain = {tuple(gram.decode("utf-8").split(" ")) for gram in repost_shingles(text, size)}
    assert set(news.shingles(text, size)) == plain


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cues_count_modals_and_informal_marks_as_the_case_blind_patterns_do(text: str) -> None:
    found = cues(text)
    unquoted = news_register._QUOTED.sub(" ", text)
    assert found.modals == len(news_register._MODAL.findall(unquoted))
    assert found.informal == len(news_register._INFORMAL.findall(unquoted))


def test_a_wire_story_in_capitals_reads_like_an_article_as_in_lower_case() -> None:
    story = ("MOSCOW (Reuters) -- The ministry SAID on Monday that the patrol ended. "
             "A spokesman told reporters the ships returned to port, according to the agency. "
             "Officials confirmed the route on Tuesday and declared the exercise a success. "
             "The navy stated that more drills were planned for 2021 in the Pacific. "
             "Analysts in Beijing noted that the route passed near the disputed islands.")
    assert reads_like_article(story)
    assert reads_like_article(story.replace("SAID", "said"))
