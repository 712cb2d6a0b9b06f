"""The HTML report: self-contained, the same sections as the Markdown, and injection-proof.

The injection test runs on both formats: hostile text in posts, author names,
the thread title and an article's outlet must come out as the literal text it
is, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from analyzer.model import Article, Post, Thread
from analyzer.pipeline import analyse
from analyzer.report.charts import render_charts
from analyzer.report.html_page import markdown_to_html, render
from analyzer.report.markdown import render as render_markdown
from analyzer.settings import Frame, default_settings

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![i](http://evil/x.png)",
    "| a | b |",
    "# heading",
    "```",
]
PAYLOAD = "\n\n".join(HOSTILE)
REPOST = ("Russia is a wonderful friend and a great partner, and anyone who says otherwise "
          "has not been paying attention.\n\n" + PAYLOAD)


def _post(n: int, text: str, author: str | None) -> Post:
    return Post(id=str(n + 1), position=n, author=author, timestamp=None, text=text)


@pytest.fixture(scope="module")
def hostile():
    """A thread whose every piece of text tries to break out of the report."""
    posts = [_post(n, f"{line} China is a terrible bully and a disgrace.", line)
             for n, line in enumerate(HOSTILE)]
    posts += [_post(len(posts) + k, REPOST, "<b>x</b>") for k in range(2)]
    thread = Thread(id="t", title="<script>alert('title')</script> [t](javascript:x)",
                    engine="jsonl", url=None, posts=tuple(posts))
    article = Article(id="a1", title="t", outlet="![i](http://evil/o.png)", date=None,
                      text="Russia is a reliable partner. China is a responsible power.")
    frames = (Frame("scorn", "Scorn", ("bully", "disgrace", "terrible")),
              Frame("friends", "Friends", ("friend", "partner")))  # enough hits for shares
    analysis = analyse(thread, [article], replace(default_settings(), frames=frames))
    return {"analysis": analysis, "charts": render_charts(analysis)}


def _assert_inert(document: lxml_html.HtmlElement, allowed_images: set[str]) -> None:
    assert document.xpath("//script") == []
    assert document.xpath("//iframe|//object|//embed|//link|//form") == []
    assert document.xpath('//a[starts-with(translate(@href, "JAVSCRIPT", "javscript"), '
                          '"javascript")]') == []
    assert document.xpath("//a") == []  # the report has no links of its own
    assert document.xpath("//*[@onerror or @onload or @onclick]") == []
    assert {img.get("src") for img in document.xpath("//img")} <= allowed_images
    assert document.xpath("//h1") and len(document.xpath("//h1")) == 1
    text = document.text_content()
    for line in HOSTILE:
        assert line in text, line


def test_markdown_report_renders_hostile_text_as_literal_text(hostile):
    markdown = render_markdown(hostile["analysis"])
    # Rendered the way a permissive viewer would, raw HTML allowed.
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    _assert_inert(lxml_html.document_fromstring(page), set())
    headings = re.findall(r"^#{1,6} .*$", markdown, re.MULTILINE)
    assert not any("heading" in h for h in headings)


def test_html_report_renders_hostile_text_as_literal_text(hostile):
    page = render(hostile["analysis"], hostile["charts"])
    document = lxml_html.document_fromstring(page)
    ours = {img.get("src") for img in document.xpath("//img")}
    assert len(ours) == len(hostile["charts"]) == 4
    assert all(src.startswith("data:image/png;base64,") for src in ours)
    _assert_inert(document, ours)
    assert "<script>alert('title')</script>" in document.findtext(".//title")


def test_html_report_is_self_contained(hostile):
    page = render(hostile["analysis"], hostile["charts"])
    assert "<script" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    document = lxml_html.document_fromstring(page)
    policy = document.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy == ["default-src 'none'; img-src data:; style-src 'unsafe-inline'"]
    assert document.xpath("//style")


def test_html_has_the_same_sections_as_the_markdown(hostile):
    analysis = hostile["analysis"]
    markdown = render_markdown(analysis)
    document = lxml_html.document_fromstring(render(analysis, hostile["charts"]))
    for level in (2, 3):
        in_markdown = re.findall(rf"^{'#' * level} (.+)$", markdown, re.MULTILINE)
        in_html = [h.text_content() for h in document.xpath(f"//h{level}")]
        assert len(in_html) == len(in_markdown) > 0
    assert [h.text_content() for h in document.xpath("//h2")][:3] == [
        "Summary", "The thread at a glance", "Reposts"]
    assert len(document.xpath("//table")) == markdown.count("\n| --- |") + markdown.count(
        "\n| ---: |")


def test_html_without_charts_still_renders_every_section(hostile):
    document = lxml_html.document_fromstring(render(hostile["analysis"]))
    assert document.xpath("//img") == []
    assert "Method and parameters" in [h.text_content() for h in document.xpath("//h2")]


def test_images_other_than_our_charts_are_dropped_for_their_alt_text():
    page = markdown_to_html("![chart](c.png) ![evil](http://evil/x.png) [go](file:///etc)",
                            {"c.png": "data:image/png;base64,AAAA"}, "t")
    document = lxml_html.document_fromstring(page)
    assert [img.get("src") for img in document.xpath("//img")] == ["data:image/png;base64,AAAA"]
    assert document.xpath("//a") == []
    assert "evil" in document.text_content() and "go" in document.text_content()
