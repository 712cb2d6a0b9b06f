"""Hostile post and article text renders as literal text in every report format.

A thread whose posts, authors, ids, title, and news article carry HTML tags,
Markdown links, images, autolinks, reference definitions, table rows,
headings, an open code fence, an open HTML comment and entities is analysed
end to end and written in each report format the tool writes. The Markdown
report is then rendered with markdown-it-py as CommonMark with tables and
raw HTML on, the most permissive renderer a reader is likely to use; the
HTML report is checked as written. Neither may carry a tag, attribute, link
or image that came from the input, and every section must survive.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from analyzer.articles import load_articles
from analyzer.model import Analysis
from analyzer.parsers.engines.jsonl import JsonlParser
from analyzer.pipeline import analyse
from analyzer.reading.batch import read_document
from analyzer.report.escape import blockquote, code, escape_cell, escape_inline, escape_line
from analyzer.report.markdown import render as render_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<https://evil.example>",
    "javascript:alert(1)",
    "| a | b |\n|---|---|\n| c | d |",
    "# heading",
    "```",
    "~~~",
    "<!-- comment",
    "[ref]: http://evil.example",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a href='javascript:alert(1)'>x</a>",
    "    indented code",
    "1. list\n- item",
    "Heading\n=======",
]
TITLE = "<script>alert(1)</script> # heading &lt;b&gt; | a | b | [click](javascript:alert(1))"
AUTHORS = ["<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
           "![img](http://evil.example/x.png)", "| a | b |", "# heading", "`code` *em*"]
#: Tags markdown-it makes from our own Markdown; anything else came from the input.
MARKDOWN_TAGS = {"html", "body", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr",
                 "th", "td", "blockquote", "ul", "ol", "li", "em", "strong", "code", "br",
                 "hr", "a", "img", "sup", "sub", "del", "s"}
HOSTILE_ADDRESS = re.compile(r"javascript:|evil\.example|alert|^x$", re.IGNORECASE)
STANCE = ["Russia is a reckless and dangerous bully.", "China is a wonderful, trusted friend.",
          "The US and its lapdogs are pathetic.", "Russia and China are strong partners."]
REPOST = ("Russia and China flew a joint patrol again and the West is terrified, "
          "<script>alert(1)</script> [click](javascript:alert(1)) as everyone can see.")


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, payload in enumerate(PAYLOADS):
        rows.append({
            "id": f"{i + 1}<b>{i}</b>" if i % 4 == 0 else str(i + 1),
            "author": AUTHORS[i % len(AUTHORS)],
            "timestamp": f"2020-12-22T{10 + i % 10:02d}:00:00+00:00",
            "text": f"{payload}\n\n{STANCE[i % len(STANCE)]} {payload}\n\n{payload} "
                    f"{STANCE[(i + 1) % len(STANCE)]}",
            "title": TITLE,
        })
    for n, author in enumerate(AUTHORS[:3]):
        rows.append({"id": f"r{n}", "author": author, "text": REPOST})
    return rows


ARTICLE = f"""<script>alert(1)</script> Bombers fly [click](javascript:alert(1))

By <img src=x onerror=alert(1)>

Evil <b>Times</b>, December 22, 2020

Russian and Chinese bombers flew a joint patrol over the Sea of Japan on Tuesday, the \
ministry said. {' '.join(p.replace(chr(10), ' ') for p in PAYLOADS)}

Russia and China flew a joint patrol again and the West is terrified, officials said, \
<img src=x onerror=alert(1)> adding ![img](http://evil.example/x.png) that more would follow.
"""


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "thread_<img src=x onerror=alert(1)> | a | b `x`.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    news = folder / "001_[x](javascript:alert(1)).txt"
    news.write_text(ARTICLE, encoding="utf-8")
    # The parser is named, not looked up: a module-wide fixture runs before the
    # per-test one that hides installed plugins from the registry.
    thread = JsonlParser().parse(read_document(path))
    return analyse(thread, load_articles([news]))


@pytest.fixture(scope="module")
def outputs(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each format's HTML, rendered once."""
    folder = tmp_path_factory.mktemp("reports")
    return {fmt: write(analysis, folder) for fmt, write in WRITERS.items()}


def _markdown_renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _report_writers() -> dict[str, Callable[[Analysis, Path], str]]:
    """Every format the tool writes a report in, as ``analysis, folder -> HTML to check``."""
    def markdown(analysis: Analysis, folder: Path) -> str:
        return _markdown_renderer().render(render_markdown(analysis))

    writers = {"md": markdown}
    if importlib.util.find_spec("analyzer.report.html_page") is not None:
        module = importlib.import_module("analyzer.report.html_page")
        render_html = getattr(module, "render_html", None) or module.render
        writers["html"] = lambda analysis, folder: render_html(analysis)
    if importlib.util.find_spec("analyzer.report.write") is not None:
        write = importlib.import_module("analyzer.report.write")

        def written(fmt: str) -> Callable[[Analysis, Path], str]:
            def run(analysis: Analysis, folder: Path) -> str:
                report = write.write_report(analysis, folder / f"report.{fmt}", fmt)
                text = report.report.read_text("utf-8")
                return _markdown_renderer().render(text) if fmt == "md" else text
            return run

        for fmt in write.EXTENSIONS:
            if fmt != "json":
                writers[f"{fmt} as written, with charts"] = written(fmt)
    return writers


WRITERS = _report_writers()


def test_both_formats_are_covered() -> None:
    assert {"md", "html"} <= set(WRITERS)


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_no_markup_from_the_input_survives(outputs: dict[str, str], fmt: str) -> None:
    page = lxml.html.document_fromstring(outputs[fmt])
    own = MARKDOWN_TAGS | ({"head", "meta", "title", "style", "main", "figure", "figcaption",
                            "nav", "section", "header", "footer", "span", "div", "details",
                            "summary"} if fmt.startswith("html") else set())
    for element in page.iter():
        if not isinstance(element.tag, str):
            assert not isinstance(element, lxml.html.HtmlComment), "an HTML comment got through"
            continue
        assert element.tag in own, f"<{element.tag}> came from the input"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{name}= on <{element.tag}>"
            if name in ("href", "src"):
                assert not HOSTILE_ADDRESS.search(value.strip()), f"{name}={value!r}"
    for image in page.iter("img"):
        src = image.get("src", "")
        assert src.startswith(("report-charts/", "data:image/png;base64,")), src


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_section_survives_and_no_heading_comes_from_the_input(
        analysis: Analysis, outputs: dict[str, str], fmt: str) -> None:
    page = lxml.html.document_fromstring(outputs[fmt])
    expected = re.findall(r"^## (.+)$", render_markdown(analysis), re.MULTILINE)
    assert [h.text_content().strip() for h in page.iter("h2")] == expected
    (h1,) = page.iter("h1")
    assert h1.text_content() == f"Forum analysis: {TITLE}"
    assert not page.xpath("//pre"), "an open code fence swallowed the rest of the report"
    for heading in page.xpath("//h3 | //h4"):
        assert "heading" not in heading.text_content()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_table_rows_in_posts_make_no_cells(outputs: dict[str, str], fmt: str) -> None:
    page = lxml.html.document_fromstring(outputs[fmt])
    for table in page.iter("table"):
        widths = {len(row.xpath("./th | ./td")) for row in table.iter("tr")}
        assert len(widths) == 1, "a row with extra cells"
    cells = {cell.text_content().strip() for cell in page.xpath("//td | //th")}
    assert not cells & {"a", "b", "c", "d", "---"}


def test_author_names_and_entities_come_out_as_the_literal_text(analysis: Analysis) -> None:
    page = lxml.html.document_fromstring(_markdown_renderer().render(render_markdown(analysis)))
    text = page.text_content()
    for author in AUTHORS:
        assert author in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" in text


def test_json_output_keeps_the_text_exactly(analysis: Analysis) -> None:
    from analyzer.serialize import analysis_to_dict

    data = json.loads(json.dumps(analysis_to_dict(analysis)))
    assert data["thread"]["title"] == TITLE
    assert {p["author"] for p in data["posts"]} == set(AUTHORS)


_MARKDOWN_ALPHABET = st.sampled_from(list("<>&;#:/()[]!|*_~`\\-=+.'\"{}\n \tx1aé") + [
    "javascript:", "http://evil.example", "<img src=x onerror=alert(1)>", "<script>",
    "&lt;", "&#106;", "```", "~~~", "<!--", "-->", "    ", "1.", "1)", "# ", "> ", "---",
    "[ref]: ", "![", "](", "<https://", "www.evil.example"])


@given(st.lists(_MARKDOWN_ALPHABET, max_size=40).map("".join))
def test_escaped_text_renders_as_exactly_itself_in_every_context(text: str) -> None:
    flat = " ".join(text.split())
    document = "\n".join([
        f"# Title: {escape_inline(text)}",
        "",
        f"- **Label:** “{escape_inline(text)}”",
        "",
        "| A | B |",
        "| --- | --- |",
        f"| {escape_cell(text)} | {code(text)} |",
        "",
        blockquote(text),
        "",
        f"{escape_line(text)}",
        "",
        "## End",
    ])
    page = lxml.html.document_fromstring(_markdown_renderer().render(document))
    for element in page.iter():
        assert isinstance(element.tag, str) and element.tag in MARKDOWN_TAGS, element.tag
        assert not {"href", "src"} & set(element.attrib), lxml.html.tostring(element)
    assert page.xpath("string(//h1)") == f"Title: {flat}".strip()
    assert page.xpath("string(//li)") == f"Label: “{flat}”"
    assert [c.text_content() for c in page.xpath("//td")] == [flat, flat]
    assert " ".join(page.xpath("string(//blockquote)").split()) == flat
    assert [h.text_content() for h in page.iter("h2")] == ["End"]
