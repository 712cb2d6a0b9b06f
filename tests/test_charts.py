"""Charts: each chart's data (not its pixels), the PNGs, and the sample report's links."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from analyzer.model import Article, Post, Thread
from analyzer.pipeline import analyse
from analyzer.report import chart_data as cd
from analyzer.report.charts import SLUGS, draw_repost_map, render_charts, to_png
from analyzer.report.write import chart_folder, write_report
from analyzer.settings import Frame, Settings, load_settings
from analyzer.stance.intervals import bootstrap, forum_intervals, forum_voices

ROOT = Path(__file__).resolve().parent.parent
GEO = load_settings(preset="geopolitics")
PNG = b"\x89PNG\r\n\x1a\n"
REPOST = ("Russia is a wonderful friend and a great partner, and anyone who says otherwise "
          "has not been paying attention to the news at all.")
START = datetime(2021, 3, 1, 9, 0, tzinfo=UTC)


def post(n: int, text: str, author: str | None = None, minutes: int | None = None,
         kind: str = "opinion") -> Post:
    stamp = START + timedelta(minutes=minutes) if minutes is not None else None
    return Post(id=str(n + 1), position=n, author=author, timestamp=stamp, text=text,
                kind=kind)  # type: ignore[arg-type]


def analyse_geo(t: Thread, articles: tuple[Article, ...] | list[Article] = (),
                settings: Settings = GEO):
    """The pipeline with the geopolitics preset's targets (and given frames, if any)."""
    return analyse(t, articles, settings)


def thread(*posts: Post) -> Thread:
    return Thread(id="t", title="Test thread", engine="jsonl", url=None, posts=posts)


ARTICLE = Article(id="a1", title="Patrol", outlet="Daily $News$", date=None,
                  text="Russia is a reliable partner. China is a responsible power. "
                       "The patrol shows cooperation and strategic stability.")


# Frames with enough hits in the forum and the article for shares to be given.
SETTINGS = replace(GEO, frames=(
    Frame("event", "The event", ("patrol", "power", "strategic", "stability", "shows")),
    Frame("plain", "Plain words", ("is", "a", "the", "and")),
    Frame("partners", "Partners", ("partner*", "friend", "cooperation")),
))


@pytest.fixture(scope="module")
def small():
    """Six posts: a comment posted three times, hostile and friendly voices, pasted news."""
    return analyse_geo(thread(
        post(0, REPOST, "$x$"),
        post(1, "China is a terrible bully and a disgrace.", "bea"),
        post(2, REPOST, "carl"),
        post(3, "The US is a fantastic ally and I love it.", "dan"),
        post(4, ARTICLE.text, "wire"),  # pasted news: the article's own words
        post(5, REPOST, "$x$"),
    ), [ARTICLE], SETTINGS)


@pytest.fixture(scope="module")
def charts(small):
    return render_charts(small)


def test_stance_by_target_has_forum_deduplicated_naive_and_each_news_source(small):
    data = cd.stance_by_target(small)
    assert [(s.name, s.kind) for s in data.series] == [
        ("Forum, each repost once", "forum"), ("Forum, every copy", "forum_naive"),
        ("Daily $News$", "news")]
    summaries = [s for s in small.summary if s.forum is not None or s.forum_naive is not None
                 or any(v is not None for _, v in s.news)]
    labels = {t.name: t.label for t in small.settings.targets}
    assert data.targets == tuple(labels[s.target] for s in summaries)
    assert data.series[0].values == tuple(s.forum for s in summaries)
    assert data.series[1].values == tuple(s.forum_naive for s in summaries)
    assert data.series[2].values == tuple(s.news[0][1] for s in summaries)
    assert data.level == 0.9


def test_stance_by_target_carries_the_forum_intervals(small):
    data = cd.stance_by_target(small)
    found = {i.target: (i.low, i.high) for i in forum_intervals(
        small.thread, small.clusters, small.stances, small.settings)}
    names = {t.label: t.name for t in small.settings.targets}
    assert data.series[0].intervals == tuple(found.get(names[t]) for t in data.targets)
    assert data.series[1].intervals == ()


def test_a_repost_cluster_is_one_voice_in_the_intervals(small):
    voices = forum_voices(small.thread, small.clusters, small.stances, "russia")
    summary = next(s for s in small.summary if s.target == "russia")
    assert len(voices) == summary.forum_voices == 1  # three copies, one voice
    assert voices[0] == pytest.approx(summary.forum)


def test_bootstrap_is_seeded_and_needs_two_values():
    values = [-0.5, 0.1, 0.2, 0.6, 0.9]
    low, high = bootstrap(values, seed=7)
    assert bootstrap(values, seed=7) == (low, high)
    assert min(values) <= low < sum(values) / len(values) < high <= max(values)
    assert bootstrap([0.4], seed=7) is None


def test_voices_mean_is_the_summary_forum_figure_for_every_target(small):
    for summary in small.summary:
        voices = forum_voices(small.thread, small.clusters, small.stances, summary.target)
        assert len(voices) == summary.forum_voices
        if voices:
            assert sum(voices) / len(voices) == pytest.approx(summary.forum)


def test_timeline_marks_repost_copies_and_numbers_posts_without_timestamps(small):
    data = cd.stance_timeline(small)
    assert not data.by_time
    assert data.x_label == "Post number in the thread"
    russia = next(line for line in data.lines if line.target == "Russia")
    assert [(p.x, p.repost) for p in russia.points] == [(1, True), (3, True), (6, True)]
    us = next(line for line in data.lines if line.target == "United States")
    assert [(p.x, p.repost) for p in us.points] == [(4, False)]
    assert data.news == (5,)
    assert data.ticks == (1, 2, 3, 4, 5, 6)


def test_timeline_uses_time_when_every_scored_post_has_a_timestamp():
    analysis = analyse_geo(thread(
        post(0, "China is a terrible bully and a disgrace.", "a", minutes=0),
        post(1, "The US is a fantastic ally and I love it.", "b", minutes=90),
    ))
    data = cd.stance_timeline(analysis)
    assert data.by_time and data.ticks == ()
    assert data.x_label == "Posted (UTC)"
    assert [p.x for line in data.lines for p in line.points] == [
        START, START + timedelta(minutes=90)]


def test_timeline_falls_back_to_post_numbers_when_a_timestamp_is_missing():
    analysis = analyse_geo(thread(
        post(0, "China is a terrible bully and a disgrace.", "a", minutes=0),
        post(1, "The US is a fantastic ally and I love it.", "b"),
    ))
    data = cd.stance_timeline(analysis)
    assert not data.by_time
    assert [p.x for line in data.lines for p in line.points] == [1, 2]


def test_long_thread_labels_are_thinned_to_round_post_numbers():
    texts = ["China is a terrible bully and a disgrace.", "The US is a fantastic ally."]
    analysis = analyse_geo(thread(*(post(n, texts[n % 2], f"user{n % 7}") for n in range(60))))
    for data in (cd.stance_timeline(analysis),):
        assert data.ticks == (1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60)
    assert len(cd.thin_ticks(1000)) <= cd.MAX_TICKS
    assert cd.thin_ticks(12) == tuple(range(1, 13))


def test_frame_shares_set_the_forum_beside_each_article(small):
    data = cd.frame_shares(small)
    assert data.frames == tuple(f.label for f in small.settings.frames)
    assert [s.name for s in data.series] == ["Forum opinion", "Daily $News$"]
    framing = small.framing
    assert data.series[0].values == tuple(dict(framing.forum)[f] for f in framing.frames)
    article = dict(dict(framing.news)["a1"])
    assert data.series[1].values == tuple(article[f] for f in framing.frames)
    assert sum(data.series[1].values) == pytest.approx(1.0, abs=1e-3)


def test_repost_map_places_each_copy_and_names_its_author_literally(small):
    data = cd.repost_map(small)
    assert data.posts == 6 and data.hidden == 0
    (row,) = data.rows
    assert row.posts == (1, 3, 6)
    assert row.authors == ("$x$", "carl", "$x$")
    assert row.label == "Cluster 1: 3 copies, 2 authors"


def test_chart_text_flattens_and_shortens_untrusted_names():
    assert cd.chart_text("a\nb\tc\x00d") == "a b c d"
    long = cd.chart_text("x" * 100)
    assert len(long) == cd.LABEL_CHARS and long.endswith("…")
    assert cd.chart_text(None) == ""


def test_charts_with_nothing_to_show_are_left_out():
    analysis = analyse_geo(thread(post(0, "Nice weather today, nothing else to say.", "a")))
    assert cd.stance_by_target(analysis) is None
    assert cd.stance_timeline(analysis) is None
    assert cd.repost_map(analysis) is None


def test_mathtext_in_author_names_is_drawn_literally():
    analysis = analyse_geo(thread(post(0, REPOST, r"$\frac{$"), post(1, REPOST, "$x$")))
    fig = draw_repost_map(cd.repost_map(analysis))
    names = [t for t in fig.axes[0].texts if t.get_text() in (r"$\frac{$", "$x$")]
    assert len(names) == 2
    assert not any(t.get_parse_math() for t in names)
    assert to_png(fig).startswith(PNG)  # mathtext would fail on the unbalanced brace


def test_charts_are_pngs_and_byte_identical_on_a_rerun(small, charts):
    first = charts
    assert [c.slug for c in first] == list(SLUGS)
    assert all(c.png.startswith(PNG) for c in first)
    assert [c.png for c in render_charts(small)] == [c.png for c in first]
    assert b"Software" not in first[0].png


def test_alt_text_names_what_the_chart_shows(charts):
    alts = {c.slug: c.alt for c in charts}
    assert "Russia" in alts["stance-by-target"] and "90% Student t" in alts["stance-by-target"]
    assert "3 posts are copies" in alts["stance-along-thread"]
    assert "Daily $News$" in alts["frame-shares"]
    assert "posts 1, 3 and 6, by $x$ and carl" in alts["reposts"]


def test_markdown_report_links_its_charts_by_relative_path(small, tmp_path):
    report = tmp_path / "out dir" / "my report.md"
    written = write_report(small, report)
    links = re.findall(r"!\[[^\n]*\]\(([^)\s]+)\)", report.read_text("utf-8"))
    assert links == [f"my%20report-charts/{slug}.png" for slug in
                     ("reposts", "stance-by-target", "stance-along-thread", "frame-shares")]
    assert {p.name for p in written.charts} == {f"{slug}.png" for slug in SLUGS}
    assert all(p.parent == chart_folder(report) for p in written.charts)


def test_a_rerun_without_clusters_removes_the_stale_repost_chart(small, tmp_path):
    report = tmp_path / "r.md"
    write_report(small, report)
    assert (tmp_path / "r-charts" / "reposts.png").exists()
    write_report(analyse_geo(thread(post(0, "China is a terrible bully.", "a"))), report)
    assert not (tmp_path / "r-charts" / "reposts.png").exists()
    assert "reposts.png" not in report.read_text("utf-8")


def test_report_without_charts_has_no_images_and_no_chart_folder(small, tmp_path):
    report = tmp_path / "plain.md"
    written = write_report(small, report, charts=False)
    assert written.charts == ()
    assert "![" not in report.read_text("utf-8")
    assert not chart_folder(report).exists()


def test_committed_sample_report_links_at_least_four_charts_that_exist():
    report = ROOT / "reports" / "joint-patrol.md"
    links = re.findall(r"!\[[^\n]+\]\(([^)\s]+\.png)\)", report.read_text("utf-8"))
    assert len(links) >= 4
    for link in links:
        chart = report.parent / link
        assert chart.is_file() and chart.read_bytes().startswith(PNG), link
