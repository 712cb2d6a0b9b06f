"""VADER with the domain lexicon (analyzer.stance.sentiment)."""

from __future__ import annotations

import copy

import vaderSentiment.vaderSentiment as vader_module
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.settings import Settings, default_settings
from analyzer.stance.sentiment import analyzer_for, polarity, prepare

PLAIN = SentimentIntensityAnalyzer()


def test_scorn_word_missing_from_vader_scores_negative_with_domain_lexicon():
    settings = default_settings()
    assert PLAIN.polarity_scores("They are lackeys.")["compound"] == 0.0
    assert polarity("They are lackeys.", settings) < 0
    assert polarity("A treacherous, backstabbing vassal.", settings) < -0.5


def test_mild_praise_word_scores_positive():
    assert polarity("A formidable team.", default_settings()) > 0


def test_default_lexicon_holds_no_word_of_the_sample_or_an_old_held_out_set():
    words = dict(default_settings().lexicon)
    for word in ("lapdogs", "unipolar", "meddling", "cut-throat", "short-lived", "outlast",
                 "multipolarity", "corrupt", "provocative", "hypocrisy", "overrated",
                 "overhyped", "bombing", "fighters", "win-win"):
        assert word not in words, word


def test_preset_lexicon_is_added_to_the_defaults():
    from analyzer.settings import load_settings
    preset = dict(load_settings(preset="geopolitics").lexicon)
    assert preset["hegemony"] < 0 and preset["destroyer"] == 0.0
    assert set(dict(default_settings().lexicon)) < set(preset)


def test_default_lexicon_adds_only_words_vader_lacks_on_its_scale():
    lexicon = default_settings().lexicon
    assert lexicon
    for word, value in lexicon:
        assert word not in PLAIN.lexicon or value == 0.0, word  # 0: subject-matter word
        assert -4.0 <= value <= 4.0, word


def test_analyzer_is_built_once_per_lexicon():
    settings = default_settings()
    assert analyzer_for(settings) is analyzer_for(default_settings())
    assert analyzer_for(Settings()) is not analyzer_for(settings)


def test_domain_lexicon_does_not_leak_into_other_settings_or_vader_module():
    booster = copy.deepcopy(vader_module.BOOSTER_DICT)
    negate = list(vader_module.NEGATE)
    own = Settings(lexicon=(("zorblat", -3.0),))
    assert polarity("What a zorblat.", own) < 0
    assert polarity("What a zorblat.", Settings()) == 0.0
    assert polarity("They are lapdogs.", own) == 0.0
    assert "zorblat" not in analyzer_for(Settings()).lexicon
    assert "zorblat" not in SentimentIntensityAnalyzer().lexicon
    assert booster == vader_module.BOOSTER_DICT
    assert negate == vader_module.NEGATE


def test_hyphenated_entry_also_matches_spaced_spelling():
    settings = Settings(lexicon=(("short-lived", -0.8),))
    assert prepare("a short lived empire", settings) == "a short-lived empire"
    assert prepare("a Short – lived empire", settings) == "a short-lived empire"
    assert prepare("shorts lived here", settings) == "shorts lived here"
    assert polarity("a short lived empire", settings) < 0


def test_prepositional_like_is_not_read_as_praise():
    settings = Settings()
    plain = PLAIN.polarity_scores("Russia acts like a bully.")["compound"]
    assert polarity("Russia acts like a bully.", settings) < plain < 0.1
    assert polarity("Countries like Iran exist.", settings) == 0.0
    assert polarity("I like Russia.", settings) > 0
    assert polarity("We really like them.", settings) > 0


def test_blank_text_scores_zero():
    assert polarity("  \n", default_settings()) == 0.0
