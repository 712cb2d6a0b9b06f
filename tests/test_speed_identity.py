"""Faster paths give exactly what the plain ones give (speed work never changes output)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.framing import frame_hits
from analyzer.framing.claims import _Reader
from analyzer.framing.hits import FrameCounter
from analyzer.framing.terms import count_terms, stem, surface_words
from analyzer.settings import Frame, Target, default_settings
from analyzer.stance.mentions import Matcher, _spans, compiled, joint_targets
from analyzer.stance.sentiment import polarity
from analyzer.stance.sides import with_rivals
from analyzer.text import compile_terms

FRAMES = (Frame("economy", "Economy", ("trade", "tariff*", "customs union", "anti-dumping")),
          Frame("law", "Law", ("U.S. court*", "treaty", "US")),
          Frame("dash", "Dash", ("cut-throat", "trade war*")))
WORDS = ["trade", "Trade", "TRADE", "tariffs", "customs", "union", "customs\nunion",
         "anti-dumping", "anti", "dumping", "U.S.", "court", "courts", "US", "us", "treaty's",
         "cut-throat", "trade-war", "trade wars", "Ünion", "ſtrade", "K", "tradeoff",
         "-trade", "x-trade", "_trade", ",", ".", "\n\n", "it's", "Zoll", "vertrag"]


def _plain(frames: tuple[Frame, ...], text: str) -> tuple[tuple[str, int], ...]:
    return frame_hits(text, [(f.name, compile_terms(f.terms)) for f in frames])


def test_frame_counter_counts_what_frame_hits_counts_on_the_default_frames() -> None:
    frames = default_settings().frames
    text = ("The trade war and the sanctions hit the economy; courts ruled the treaty "
            "illegal, and NATO's security talks went on. Anti-Western rhetoric grew.")
    assert FrameCounter(frames).hits(text) == _plain(frames, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from(" \n"),
                                                                 min_size=30, max_size=30))
def test_frame_counter_counts_what_frame_hits_counts_on_any_mix_of_words(
        words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert FrameCounter(FRAMES).hits(text) == _plain(FRAMES, text)


def test_frame_counter_with_a_term_outside_ascii_counts_what_frame_hits_counts() -> None:
    frames = (Frame("zoll", "Zoll", ("Zölle", "trade")),)
    text = "Die Zölle und ZÖLLE, trade and Trade."
    assert FrameCounter(frames).hits(text) == _plain(frames, text) == (("zoll", 4),)


def test_count_terms_counts_each_stem_as_counting_word_by_word_does() -> None:
    texts = ["Allies allied with the ally; the US and U.S. trade.", "Trade, trading, allies."]
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in surface_words(text):
            counts[stem(word)] += 1
            forms.setdefault(stem(word), Counter())[word] += 1
    found = count_terms(texts)
    assert list(found.counts.items()) == list(counts.items())
    assert {k: list(v.items()) for k, v in found.forms.items()} == {
        k: list(v.items()) for k, v in forms.items()}


def _spans_by_plain_scan(text: str, matchers: tuple[Matcher, ...]) -> list[
        tuple[int, int, str, bool]]:
    """Each matcher's ``starts`` run over the whole text with ``finditer``."""
    spans = []
    for m in matchers:
        reach = 0
        for candidate in m.starts.finditer(text):
            if candidate.start() < reach:
                continue
            match = m.strong.match(text, candidate.start())
            generic = match is None
            if generic:
                match = m.generic.match(text, candidate.start())
            if match:
                spans.append((match.start(), match.end(), m.name, generic))
                reach = match.end()
    return spans


TARGETS = (Target("us", "US", ("US", "U.S.", "United States", "Washington", "S. Korea*")),
           Target("korea", "Korea", ("Korea*", "South Korea", "Seoul")),
           Target("pair", "Pair", ("alliance", "Korea-US*", "both countries"),
                  co_mention=("us", "korea")),
           Target("none", "None", ()))
ALIAS_WORDS = ["US", "us", "U.S.", "U.S", "S.", "Korea", "Koreans", "korea-us", "Korea-US",
               "South", "Korea", "Seoul's", "United", "States", "alliance", "Alliance",
               "both", "countries", "Washington", "-US", "xUS", "ÜS", "the", ",", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALIAS_WORDS), max_size=25),
       st.lists(st.sampled_from([" ", "", "\n"]), min_size=25, max_size=25))
def test_mention_spans_are_those_each_matchers_own_scan_finds(
        words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    matchers = compiled(TARGETS)
    assert _spans(text, matchers) == _spans_by_plain_scan(text, matchers)


def test_polarity_remembered_for_one_lexicon_is_not_given_for_another() -> None:
    plain = replace(default_settings(), lexicon=())
    scornful = replace(plain, lexicon=(("zorbly", -3.0),))
    assert polarity("The plan is zorbly.", plain) == 0.0
    assert polarity("The plan is zorbly.", scornful) < -0.5
    assert polarity("The plan is zorbly.", plain) == 0.0


def test_rivals_of_equal_settings_built_apart_are_equal() -> None:
    first = replace(default_settings(), targets=TARGETS)
    second = replace(default_settings(), targets=tuple(replace(t) for t in TARGETS))
    assert with_rivals(first) == with_rivals(second)
    assert joint_targets(first) == joint_targets(second) == (("pair", ("us", "korea")),)


def test_claim_actors_are_found_in_ascii_and_other_text_alike() -> None:
    targets = (Target("us", "US", ("US", "United States*")),
               Target("ru", "Russia", ("Россия", "Russia")))
    reader = _Reader([], replace(default_settings(), targets=targets))
    assert reader.read("The united  STATES and Russia met.", "p").actors == {"us", "ru"}
    assert reader.read("Россия and the US met.", "p").actors == {"us", "ru"}
    assert reader.read("Thus us and Russian met.", "p").actors == frozenset()
