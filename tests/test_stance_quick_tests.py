"""The stance rules' quick tests skip a pattern only where it would find nothing.

Each rule family first asks a cheap question (is there a dash, a connective,
a word a cue can end with...) and runs its pattern only if the answer is
yes. These tests compare every such function with its pattern run plainly,
on mixes of the words the patterns look for, in any case and spelling.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.stance import comparison, cues, roles, rules, speech_acts
from analyzer.text import words

PIECES = ["Support", "SUPPORT", "supported", "ſtop", "stop", "Stopped", "K", "vote", "for",
          "voted", "the", "these", "pro", "anti", "ban", "banned", "with", "stood", "I'm",
          "we're", "i", "am", "never", "no", "to", "down", "trust", "rely", "on", "don't",
          "not", "cannot", "long", "live", "thank", "you", "yes", "favour", "of", "in", "x",
          "US", "China", "é", "ı", "however", "HOWEVER", "yet", "and", "but", "BUT", "whereas",
          "although", "though", "because", "thanks", "while", "a", "whatever", "they", "say",
          "no matter what", "despite", "against", "plays", "uses", "pits", "off", "it's",
          "They've", "He", "its", "than", "better", "outclasses", "OUTDID", "outgrew",
          "surpassed", "dwarfs", "match", "can't", "compete", "unlike", "compared", "superior",
          "u.s", "3.5", "_", "’", "'"]
GAPS = [" ", "  ", "", "-", " - ", " -- ", "—", " — ", "–", ",", ", ", ";", "; ", ":", ": ",
        "#", " #", "\n", ".", "(", "\u00a0"]

texts = st.builds(lambda ws, gs: "".join(w + g for w, g in zip(ws, gs, strict=False)),
                  st.lists(st.sampled_from(PIECES), max_size=14),
                  st.lists(st.sampled_from(GAPS), min_size=14, max_size=14))


def _plain_clause_spans(sentence: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for cut in [*breaks.finditer(sentence), None]:
        end = len(sentence) if cut is None else cut.start()
        piece = sentence[start:end]
        if re.search(r"[^\W_]", piece):
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if cut is not None:
            start = cut.end()
    return spans


@settings(max_examples=400, deadline=None)
@given(texts)
def test_clauses_are_cut_where_the_break_patterns_match(text: str) -> None:
    for breaks in (rules._HARD, rules._SOFT, rules._BREAK):
        assert rules.clause_spans(text, breaks) == _plain_clause_spans(text, breaks)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=60))
def test_a_cue_is_found_where_the_cue_pattern_matches(text: str, offset: int) -> None:
    head = text[max(0, offset - 40):offset]
    match = cues._CUE.search(head)
    side = None
    if match is not None:
        side = "favour" if match.group("favour") else "against"
        if match.group("neg"):
            side = "against" if side == "favour" else "favour"
    assert cues.cue_before(text, offset) == side


@settings(max_examples=300, deadline=None)
@given(texts)
def test_asides_schemes_and_words_are_what_their_patterns_give(text: str) -> None:
    assert speech_acts.without_asides(text) == speech_acts._ASIDE.sub("", text)
    found = roles._SCHEME.search(text)
    assert roles.scheme(text) == (None if found is None else (found.start(), found.end()))
    assert words(text) == [w.lower() for w in re.findall(r"[^\W_]+(?:['’\-.][^\W_]+)*", text)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_back_referring_pronoun_is_one_of_the_first_words(text: str) -> None:
    found = None
    for match in list(rules._WORD.finditer(text))[:rules.PRONOUN_WINDOW]:
        word = re.split(r"['’]", match.group().lower(), maxsplit=1)[0]
        if word in rules._PLURAL or word in rules._SINGULAR:
            found = ("plural" if word in rules._PLURAL else "singular", match.start())
            break
    assert rules.pronoun(text) == found


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_comparison_word_passes_the_quick_test(text: str) -> None:
    lowered = text.lower()
    triggers = [t for t, _, _ in comparison.tokens_of(text)
                if comparison._DOMINATE.fullmatch(t) or t in comparison._CUES]
    if triggers:
        assert any(c in lowered for c in comparison._CUES) or comparison._OUT.search(lowered)
