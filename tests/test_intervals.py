"""Forum stance intervals valid for few voices, and what the report says of them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzer.model import Analysis, IntervalMethod, Post, TargetSummary, Thread
from analyzer.pipeline import method_facts
from analyzer.report.markdown import stance, summary
from analyzer.settings import Settings, Target
from analyzer.stance.intervals import MIN_VOICES, bootstrap, t_interval

SETTINGS = Settings(targets=(Target("acme", "Acme Corp", ("Acme",)),))


def analysis(voices: int, interval: tuple[float, float] | None, forum: float = 0.4) -> Analysis:
    posts = tuple(Post(id=str(n + 1), position=n, author=f"u{n}", timestamp=None,
                       text="Acme is fine.") for n in range(max(voices, 1)))
    target = TargetSummary(target="acme", forum=forum if voices else None,
                           forum_naive=forum if voices else None, news=(),
                           forum_voices=voices, forum_posts=voices, forum_interval=interval)
    return Analysis(thread=Thread(id="t", title="T", engine="test", url=None, posts=posts),
                    articles=(), clusters=(), stances=(), article_stances=(), summary=(target,),
                    framing=None, settings=SETTINGS, method=method_facts(SETTINGS))


def test_t_interval_of_three_voices_matches_the_t_table():
    # mean 0.3, sd sqrt(0.07), t(0.95; 2 df) = 2.920 from a printed t table
    low, high = t_interval([0.1, 0.2, 0.6])
    half = 2.920 * (0.07 ** 0.5) / 3 ** 0.5
    assert low == pytest.approx(0.3 - half, abs=1e-3)
    assert high == pytest.approx(0.3 + half, abs=1e-3)


def test_t_interval_with_three_voices_is_wider_than_the_bootstrap():
    voices = [-0.3, 0.1, 0.5]
    t_low, t_high = t_interval(voices)
    b_low, b_high = bootstrap(voices, seed=1)
    assert t_high - t_low > 2 * (b_high - b_low)


def test_no_interval_below_the_stated_minimum_of_voices():
    assert MIN_VOICES == IntervalMethod().min_voices == 3
    assert t_interval([]) is None
    assert t_interval([0.4]) is None
    assert t_interval([0.4, -0.2]) is None
    assert t_interval([0.4, -0.2, 0.1]) is not None


def test_t_interval_stays_within_the_score_scale():
    low, high = t_interval([1.0, 0.9, -0.8])
    assert -1.0 <= low < high <= 1.0
    assert t_interval([0.95, 0.9, 1.0], level=0.99)[1] == 1.0


def test_stance_table_says_too_few_voices_and_names_the_method():
    section = stance(analysis(2, None))
    assert "| Acme Corp | +0.40 | too few voices | +0.40 | 2 | 2 |" in section
    assert "The 90% interval is a Student t interval" in section
    assert "with fewer than 3 voices there is none (*too few voices*)" in section


def test_summary_flags_a_figure_resting_on_one_or_two_voices():
    one = summary(analysis(1, None))
    assert "**Rests on one voice only**, too few for an interval." in one
    two = summary(analysis(2, None))
    assert "**Rests on two voices only**, too few for an interval." in two


def test_summary_gives_voices_and_interval_and_says_when_it_includes_zero():
    text = summary(analysis(4, (-0.1, 0.9)))
    assert "4 voices; 90% interval −0.10 to +0.90, which includes zero." in text
    clear = summary(analysis(5, (0.2, 0.6)))
    assert "5 voices; 90% interval +0.20 to +0.60." in clear
    assert "Rests on" not in clear


def test_report_states_the_method_the_analysis_carries():
    base = analysis(2, None)
    made_up = IntervalMethod(name="Wilson", level=0.95, min_voices=5,
                             description="made up for the test")
    custom = replace(base, method=replace(base.method, interval=made_up))
    section = stance(custom)
    assert "The 95% interval is a Wilson interval over the voices (made up for the test)" \
        in section
    assert "with fewer than 5 voices" in section
