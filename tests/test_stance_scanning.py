"""The stance stage's shared scans give exactly what scanning each piece alone gives.

A paragraph's sentences are scanned for mentions together, sentences are
tested word by word for the rules' words, and a post's language is guessed
from runs of letters; each must agree with the plain way on any text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.settings import Target, default_settings
from analyzer.stance import comparison, mentions, roles, rules, score, speech_acts
from analyzer.stance.quick import ChunkTest
from analyzer.stance.sentiment import analyzer_for
from analyzer.text import _ENGLISH_FUNCTION_WORDS, _FOREIGN_FUNCTION_WORDS, looks_english

TARGETS = (Target("us", "US", ("US", "U.S.", "United States", "Washington", "S. Korea*")),
           Target("korea", "Korea", ("Korea*", "South Korea", "Seoul")),
           Target("eu", "EU", ("E.U.", "EU", "Brussels")),
           Target("pair", "Pair", ("alliance", "Korea-US*", "both countries"),
                  co_mention=("us", "korea")))
SETTINGS = replace(default_settings(), targets=TARGETS)
WORDS = ["US", "us", "U.S.", "U.S", "S.", "Korea", "Koreans", "korea-us", "Korea-US", "South",
         "Seoul's", "United", "States", "alliance", "both", "countries", "Washington", "E.U.",
         "e.u.s.", "E.U.S.", "EU", "Brussels", "xUS", "ÜS", "the", "it", "said", "3.5"]
GLUE = [" ", "  ", "", "-", "_", "(", ")", "'", '"', ".", ". ", "! ", "? ", ", ", "/", "`", "~",
        "1", "é", "\t", ":", "[", "{", "@"]

texts = st.builds(lambda ws, gs: "".join(w + g for w, g in zip(ws, gs, strict=False)),
                  st.lists(st.sampled_from(WORDS), max_size=16),
                  st.lists(st.sampled_from(GLUE), min_size=16, max_size=16))


def _scanned_alone(text: str) -> list[tuple[int, int, str, bool]]:
    matchers = mentions.compiled(TARGETS)
    found = []
    for m in matchers:
        reach = 0
        for candidate in m.starts.finditer(text):
            if candidate.start() < reach:
                continue
            match = m.strong.match(text, candidate.start()) or m.generic.match(
                text, candidate.start())
            if match:
                found.append((match.start(), match.end(), m.name,
                              m.strong.match(text, candidate.start()) is None))
                reach = match.end()
    return mentions._longest(found)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_mentions_are_found_after_any_character_as_each_matcher_finds_them(text: str) -> None:
    assert mentions._found_now(text, mentions.compiled(TARGETS)) == _scanned_alone(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts.map(str.strip).filter(bool), min_size=2, max_size=5))
def test_sentences_scanned_together_have_the_mentions_each_has_alone(
        sentences: list[str]) -> None:
    matchers = mentions.compiled(TARGETS)
    mentions.scan_together(sentences, SETTINGS)
    for sentence in sentences:
        assert mentions._found(sentence, matchers) == _scanned_alone(sentence)


def test_sentences_scanned_together_are_remembered_unless_a_mention_spans_two() -> None:
    matchers = mentions.compiled(TARGETS)
    together = ["The US and E.U. met.", "Seoul said no.", "Nothing here."]
    mentions.scan_together(together, SETTINGS)
    assert mentions._FOUND.knows(matchers, together)
    assert mentions._found("Seoul said no.", matchers) == [(0, 5, "korea", False)]
    spanning = ["They met in South", "Korea today."]
    mentions.scan_together(spanning, SETTINGS)
    assert not mentions._FOUND.knows(matchers, spanning)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_chunk_test_finds_what_its_pattern_finds(text: str) -> None:
    pattern = re.compile(r"us|\.u|e\.|ko|[(_]")
    test = ChunkTest(pattern, lower=True)
    assert test.finds(text) == (pattern.search(text.lower()) is not None)
    assert test.finds(text) == (pattern.search(text.lower()) is not None)  # remembered


RULE_PIECES = ["than", "better", "Better", "superior", "to", "outclasses", "OUTDID", "surpassed",
               "dwarfs", "can't", "match", "no", "compete", "with", "unlike", "compared",
               "plays", "uses", "against", "Against", "off", "puppet", "Lackeys", "client",
               "state", "whatever", "they", "say", "no matter what", "despite", "the", "US",
               "Korea", "it", "is", "a", "joke", "thank", "stand", "keep", "up"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(RULE_PIECES), max_size=12),
       st.lists(st.sampled_from([" ", ", ", "-", "'", "."]), min_size=12, max_size=12))
def test_a_unit_the_rule_word_test_passes_has_no_comparison_scheme_scorn_or_aside(
        pieces: list[str], gaps: list[str]) -> None:
    unit = "".join(w + g for w, g in zip(pieces, gaps, strict=False))
    if score._RULE_WORDS.finds(unit):
        return
    lexicon = analyzer_for(SETTINGS).lexicon
    assert comparison.find_comparison(unit, lexicon) is None
    assert roles.scheme(unit) is None
    assert rules.scorn_near(unit, list(range(len(unit)))) == []
    masked = mentions.masked(unit, SETTINGS)
    assert speech_acts.without_asides(masked) == masked


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_whole_sentence_is_its_own_one_clause(text: str) -> None:
    if rules.whole(text):
        assert rules.clause_spans(text) == [(0, len(text))]
        assert [u.text for u in rules.segments(text, SETTINGS)] == [text]


FUNCTION_WORDS = sorted(_ENGLISH_FUNCTION_WORDS | _FOREIGN_FUNCTION_WORDS)


def _plain_looks_english(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if sum(1 for c in letters if c < "\u0250") < 0.5 * len(letters):
        return False
    tokens = [w.lower() for w in re.findall(r"[^\W_]+(?:['’\-.][^\W_]+)*", text)]
    foreign = sum(t in _FOREIGN_FUNCTION_WORDS for t in tokens)
    return foreign < 2 or foreign <= sum(t in _ENGLISH_FUNCTION_WORDS for t in tokens)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*FUNCTION_WORDS, "Die", "DER", "x", "3"]), max_size=12),
       st.lists(st.sampled_from([" ", "-", ".", "'", "_", ", ", "x"]), min_size=12,
                max_size=12))
def test_language_is_guessed_as_the_function_word_count_says(
        words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert looks_english(text) == _plain_looks_english(text)
