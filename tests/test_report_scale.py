"""Reports of long threads: top items only, short alt texts, binned charts."""

from __future__ import annotations

import re

import pytest

from analyzer.model import Post, Thread
from analyzer.pipeline import analyse
from analyzer.report import chart_data as cd
from analyzer.report import markdown
from analyzer.report.chart_alt import alt_repost_map, alt_stance_timeline


def _comment(k: int) -> str:
    """A comment of sixteen words, sharing no three-word run with another comment."""
    return " ".join(f"w{k}x{i}" for i in range(15)) + " Russia is wonderful."


def _long_thread() -> Thread:
    texts = [_comment(0)] * 40                    # one comment posted forty times
    for k in range(1, 25):                        # twenty-four posted three times each
        texts += [_comment(k)] * 3
    texts += [f"Russia post {i} is good." if i % 2 else f"China post {i} is bad."
              for i in range(420)]
    posts = tuple(Post(id=str(n + 1), position=n, author=f"user{n % 37}", timestamp=None,
                       text=text) for n, text in enumerate(texts))
    return Thread(id="long", title="A long thread", engine="jsonl", url=None, posts=posts)


@pytest.fixture(scope="module")
def long_analysis():
    return analyse(_long_thread())


@pytest.fixture(scope="module")
def report(long_analysis):
    return markdown.render(long_analysis)


def test_summary_line_lists_the_first_post_numbers_of_the_biggest_cluster_and_counts_the_rest(
        report):
    line = next(ln for ln in report.splitlines() if ln.startswith("- **Reposts:**"))
    assert "appears 40 times" in line
    assert f"and {40 - markdown.MAX_REFS} more" in line
    assert len(line) < 400


def test_glance_table_lists_the_first_posts_and_points_to_the_json(report, long_analysis):
    section = report.split("## The thread at a glance")[1].split("\n## ")[0]
    rows = [ln for ln in section.splitlines() if re.match(r"\| #\d", ln)]
    assert len(rows) == markdown.MAX_GLANCE_ROWS
    more = len(long_analysis.thread.posts) - markdown.MAX_GLANCE_ROWS
    assert (f"The first {markdown.MAX_GLANCE_ROWS} posts of {len(long_analysis.thread.posts)} "
            f"are listed; {more} more are not, and every one is in the JSON output (`--json`)."
            in section)


def test_reposts_section_describes_the_most_copied_clusters_and_counts_the_others(
        report, long_analysis):
    section = report.split("## Reposts")[1].split("\n## ")[0]
    headings = re.findall(r"^### Cluster \d+: (\d+) copies", section, re.MULTILINE)
    assert len(long_analysis.clusters) == 25
    assert len(headings) == markdown.MAX_CLUSTERS
    assert "40" in headings
    assert ("The 20 most copied clusters are shown; 5 smaller clusters (15 copies) are not, "
            "and every one is in the JSON output (`--json`).") in section
    assert (f"The first {markdown.MAX_COPY_ROWS} copies are listed; 20 more are not"
            in section)


def test_cluster_effect_is_written_for_clusters_whose_copies_move_the_forum_figure(report):
    section = report.split("## Reposts")[1].split("\n## ")[0]
    assert "Counting this comment once instead of every copy moves forum stance: Russia" in section


def test_alt_texts_stay_short_on_a_long_thread(long_analysis):
    repost = cd.repost_map(long_analysis)
    timeline = cd.stance_timeline(long_analysis)
    assert repost is not None and timeline is not None
    assert len(alt_repost_map(repost)) < 450
    assert "and 36 more" in alt_repost_map(repost)
    assert len(alt_stance_timeline(timeline)) < 400


def test_dense_stance_timeline_becomes_the_mean_of_runs_of_posts(long_analysis):
    data = cd.stance_timeline(long_analysis)
    assert data is not None
    russia = next(line for line in data.lines if line.target == "Russia")
    scored = 40 + 24 * 3 + 210
    assert data.binned == -(-scored // cd.TIMELINE_BINS)
    assert len(russia.points) == -(-scored // data.binned)
    assert not any(p.repost for p in russia.points)
    assert "Each point is the mean of" in alt_stance_timeline(data)
