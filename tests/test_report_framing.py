"""The report's framing figures: hits beside shares, the floor, claims and the date note."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from analyzer.model import Analysis, Article, ClaimMatch, DateGap, Framing, Post, Thread
from analyzer.pipeline import method_facts
from analyzer.report.chart_alt import alt_frame_shares
from analyzer.report.chart_data import frame_shares as frame_shares_chart
from analyzer.report.comparison import framing, summary_lines
from analyzer.serialize import analysis_to_dict
from analyzer.settings import Frame, Settings, Target

SETTINGS = Settings(targets=(Target("brazil", "Brazil", ("Brazil",)),),
                    frames=(Frame("economy", "Economy", ("trade",)),
                            Frame("law", "Law", ("court",))))
GAP = DateGap(news_first=date(2019, 7, 24), news_last=date(2019, 7, 30),
              thread_first=date(2020, 12, 22), thread_last=date(2020, 12, 22),
              thread_source="pasted news", days=511, undated_articles=0, far=True,
              limit_days=90)
FRAMING = Framing(
    frames=("economy", "law"),
    forum=(("economy", 0.75), ("law", 0.25)),
    news=(("a1", (("economy", None), ("law", None))),),
    forum_hits=(("economy", 9), ("law", 3)),
    news_hits=(("a1", (("economy", 1), ("law", 0))),),
    min_hits=10,
    claims=(ClaimMatch(claim="Brazil rejected the customs union.", article_id="a1",
                       post_id="1", forum_text="Brazil rejected that union.", similarity=0.5,
                       verdict="echoed", actors=("brazil",), predicate=("reject", "union")),),
    dates=GAP,
)


def analysis(result: Framing = FRAMING) -> Analysis:
    post = Post(id="1", position=0, author="ann", timestamp=None,
                text="Brazil rejected that union.")
    return Analysis(thread=Thread(id="t", title="T", engine="test", url=None, posts=(post,)),
                    articles=(Article(id="a1", title=None, outlet="Daily", date="2019-07-30",
                                      text="Brazil rejected the customs union."),),
                    clusters=(), stances=(), article_stances=(), summary=(), framing=result,
                    settings=SETTINGS, method=method_facts(SETTINGS))


def test_frame_table_gives_hits_beside_each_share_and_hides_a_thin_text():
    section = framing(analysis())
    assert "| Economy | 75% (9) | – (1) |" in section
    assert "| Law | 25% (3) | – |" in section
    assert "| **All frame terms** | 12 hits | 1 hit: too few frame terms |" in section
    assert "A text with fewer than 10 hits gets no shares (*too few frame terms*)." in section


def test_summary_gives_the_hits_behind_the_leading_frame():
    lines = summary_lines(analysis())
    assert ("- **Framing:** forum opinion leans most on *Economy* (75% of 12 frame-term "
            "hits).") in lines


def test_summary_says_too_few_frame_terms_when_the_forum_is_under_the_floor():
    thin = replace(FRAMING, forum=(("economy", None), ("law", None)),
                   forum_hits=(("economy", 1), ("law", 0)))
    lines = summary_lines(analysis(thin))
    assert ("- **Framing:** too few frame terms in forum opinion (1 hit; shares need at "
            "least 10).") in lines
    assert not any("100%" in line for line in lines)


def test_report_says_when_news_and_thread_dates_are_far_apart_with_both_dates():
    note = ("The news articles are dated 2019-07-24 to 2019-07-30 and the thread 2020-12-22 "
            "(from the news pasted into it, as its posts carry no dates): 511 days apart, "
            "more than 90. They may be about different events.")
    assert f"- **Dates:** {note}" in summary_lines(analysis())
    assert f"**Dates:** {note}" in framing(analysis())
    near = replace(FRAMING, dates=replace(GAP, days=20, far=False))
    assert not any("Dates" in line for line in summary_lines(analysis(near)))


def test_claims_name_the_shared_actors_and_predicate():
    section = framing(analysis())
    assert "shared actors: Brazil; shared predicate: reject, union" in section
    assert ("- **Claims:** the forum takes up 1 news claim (naming its actors and sharing its "
            "predicate): it echoes 1 and contests 0.") in summary_lines(analysis())


def test_json_carries_hits_the_floor_and_the_date_gap():
    data = json.loads(json.dumps(analysis_to_dict(analysis())))["framing"]
    assert data["min_frame_hits"] == 10
    assert data["frames"]["economy"] == {"forum": 0.75, "forum_hits": 9, "news": None,
                                         "by_article": {"a1": None},
                                         "hits_by_article": {"a1": 1}}
    assert data["dates"]["days"] == 511 and data["dates"]["far"] is True
    assert data["dates"]["thread_source"] == "pasted news"
    assert data["claims"][0]["actors"] == ["brazil"]


def test_frame_chart_leaves_out_a_text_under_the_floor():
    data = frame_shares_chart(analysis())
    assert [s.name for s in data.series] == ["Forum opinion"]
    assert data.series[0].values == (0.75, 0.25)
    assert data.too_few == ("Daily",)
    assert "Left out for too few frame terms: Daily." in alt_frame_shares(data)
    thin = replace(FRAMING, forum=(("economy", None), ("law", None)))
    assert frame_shares_chart(analysis(thin)) is None
