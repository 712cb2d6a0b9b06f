"""Faster paths give exactly what the plain ones give (speed work never changes output)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.framing import frame_hits
from analyzer.framing.hits import FrameCounter
from analyzer.framing.terms import count_terms, stem, surface_words
from analyzer.settings import Frame, default_settings
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
