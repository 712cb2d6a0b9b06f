"""The Markdown report: representative posts, the interval column and chart links."""

from __future__ import annotations

import re

import pytest

from analyzer.model import Post, Thread
from analyzer.pipeline import analyse
from analyzer.report.chart_data import ChartLink
from analyzer.report.markdown import QUOTE_CHARS, render, representative_posts

REPOST = ("Russia is a wonderful friend and a great partner, and anyone who says otherwise "
          "has not been paying attention to the news at all.")
LONG = ("Russia is a disgrace and a terrible, lying, bullying menace to every neighbour it "
        "has, " * 8).strip()


def _post(n: int, text: str, author: str | None) -> Post:
    return Post(id=str(n + 1), position=n, author=author, timestamp=None, text=text)


@pytest.fixture(scope="module")
def analysis():
    return analyse(Thread(id="t", title="T", engine="jsonl", url=None, posts=(
        _post(0, REPOST, "ann"),
        _post(1, "Russia is a mediocre power, nothing special.", "*bob*"),
        _post(2, REPOST, "cat"),
        _post(3, LONG, "dee"),
        _post(4, REPOST, "ann"),
    )))


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0].split("\n## ")[0]


def test_each_target_shows_its_most_hostile_and_most_favourable_voice(analysis):
    russia = _section(representative_posts(analysis), "Russia")
    lines = [line for line in russia.splitlines() if line.startswith("- ")]
    assert len(lines) == 2
    assert lines[0].startswith("- **Most hostile** (−") and "#4 by dee" in lines[0]
    assert lines[1].startswith("- **Most favourable** (+")


def test_a_repost_cluster_is_shown_once_with_its_count_positions_and_authors(analysis):
    section = representative_posts(analysis)
    assert section.count("wonderful friend") == 1
    assert "posted 3 times (#1, #3, #5) by ann, cat" in section


def test_quotes_are_short_and_escaped(analysis):
    section = representative_posts(analysis)
    quoted = re.findall(r"“(.*?)”", section)
    assert quoted and all(len(q) <= QUOTE_CHARS + 2 for q in quoted)
    assert any(q.endswith("…") for q in quoted)
    markdown = render(analysis)
    assert "\\*bob\\*" in markdown and "*bob*" not in markdown.replace("\\*bob\\*", "")


def test_stance_table_gives_the_forum_interval(analysis):
    markdown = render(analysis)
    assert "| Target | Forum (deduplicated) | 90% interval | Forum (naive) |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Russia |"))
    assert re.search(r"\| [−+]\d\.\d\d to [−+]\d\.\d\d \|", row)


def test_chart_links_sit_in_their_sections_with_escaped_alt_text(analysis):
    links = [ChartLink("reposts", "c/reposts.png", "Where [copies] fall"),
             ChartLink("frame-shares", "c/frame-shares.png", "Frames")]
    markdown = render(analysis, links)
    reposts = markdown.split("## Reposts", 1)[1].split("\n## ", 1)[0]
    assert "![Where \\[copies\\] fall](c/reposts.png)" in reposts
    framing = markdown.split("## Framing comparison", 1)[1].split("\n## ", 1)[0]
    assert "![Frames](c/frame-shares.png)" in framing
    assert "stance-by-target" not in markdown  # not drawn, not linked


def test_report_names_the_copy_layout_a_text_copy_was_read_with() -> None:
    from pathlib import Path

    from analyzer import parse_paths

    copy = Path(__file__).parent / "textcopies" / "invision-1.txt"
    thread = parse_paths([copy])
    assert thread.layout == "invision"
    report = render(analyse(thread))
    assert "Read by the `plaintext` parser (copy layout: invision)." in report
    assert "| Parser | `plaintext` (a text copy read with the invision layout) on" in report


def test_json_clusters_say_how_much_of_a_copy_is_contained() -> None:
    from analyzer.serialize import analysis_to_dict

    comment = ("The harbour plan will cost far more than anyone admits and the council "
               "knows it, so stop pretending otherwise.")
    posts = tuple(Post(id=str(i + 1), position=i, author=f"u{i}", timestamp=None, text=text)
                  for i, text in enumerate([comment, "Unrelated words about the weather today.",
                                            comment]))
    data = analysis_to_dict(analyse(Thread(id="t", title=None, engine="jsonl", url=None,
                                           posts=posts)))
    assert data["clusters"][0]["post_ids"] == ["1", "3"]
    assert data["clusters"][0]["containment"] == pytest.approx(1.0)
