"""News articles: text, Markdown and HTML files in, clean Article objects out."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.articles import article_from_html, article_from_text, is_boilerplate, load_articles
from analyzer.articles.meta import attribution, find_date, header_line
from analyzer.errors import InputError

BODY_1 = ("The two navies held a joint exercise in the Baltic on Monday, the defence ministry "
          "said in a statement, adding that the drills were planned months ago.")
BODY_2 = ("Officials said the exercise was not directed against any third country and that "
          "all ships stayed in international waters throughout the three-day operation.")

WIRE_TEXT = f"""Navies hold Baltic drill

By Jane Roe

Harbour Herald, March 3, 2021

Region: Europe

{BODY_1}

{BODY_2}

*

Note to readers: please click the share buttons below. Forward this article to your lists.

The original source of this article is Harbour Herald
Copyright © Jane Roe, Harbour Herald, 2021

Disclaimer: The contents of this article are of sole responsibility of the author(s).

For media inquiries: press@example.org
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_article_header_gives_title_outlet_and_date(tmp_path):
    (article,) = load_articles([write(tmp_path, "001_wire.txt", WIRE_TEXT)])
    assert article.id == "001_wire"
    assert article.title == "Navies hold Baltic drill"
    assert article.outlet == "Harbour Herald"
    assert article.date == "2021-03-03"
    assert article.source.endswith("001_wire.txt")


def test_boilerplate_tail_and_header_chrome_are_cut(tmp_path):
    (article,) = load_articles([write(tmp_path, "a.txt", WIRE_TEXT)])
    assert article.text == f"{BODY_1}\n\n{BODY_2}"


def test_markdown_links_and_emphasis_are_unwrapped():
    text = ("# Talks resume\n\nThe **foreign ministry** said the [talks](https://example.com/x) "
            "would *resume* in June, according to a [statement](#) released on Monday.\n\n"
            "![chart](chart.png)\n")
    article = article_from_text(text, "md")
    assert article.title == "Talks resume"
    assert article.text == ("The foreign ministry said the talks would resume in June, "
                            "according to a statement released on Monday.")


def test_bracketed_reporter_attribution_names_the_outlet_and_is_removed():
    text = ("Ports reopen after storm\n\n[Coastal Times Staff Reporter in Lisbon, A. Person] "
            "Ports along the coast reopened on Friday after the storm passed, officials said.")
    article = article_from_text(text, "x")
    assert article.outlet == "Coastal Times"
    assert article.text.startswith("Ports along the coast reopened")


def test_wire_dateline_names_the_outlet():
    text = "LISBON (Coastal Wire) - Ports along the coast reopened on Friday, officials said."
    assert article_from_text(text, "x").outlet == "Coastal Wire"


def test_sentence_split_by_a_stray_blank_line_is_rejoined():
    text = (f"{BODY_1}\n\nWhy the ships sailed so close to the disputed\n\n \n\n"
            "islands remains unclear, analysts said on Tuesday.")
    article = article_from_text(text, "x")
    assert "disputed islands remains unclear" in article.text


def test_hard_end_marker_cuts_related_stories_even_when_they_look_like_prose():
    teaser = ("Another long teaser paragraph about a different story that happens to be written "
              "in full sentences and runs well past fifteen words in length.")
    text = f"{BODY_1}\n\n{BODY_2}\n\nRelated articles\n\n{teaser}\n\n{teaser}"
    assert article_from_text(text, "x").text == f"{BODY_1}\n\n{BODY_2}"


def test_trailing_prompts_with_nothing_article_like_after_them_are_cut():
    text = (f"{BODY_1}\n\n{BODY_2}\n\nSign up for our daily newsletter\n\nWeekly digest\n\n"
            "Privacy policy\n\nTerms of use")
    assert article_from_text(text, "x").text == f"{BODY_1}\n\n{BODY_2}"


def test_boilerplate_in_mid_article_does_not_cut_the_rest():
    text = f"{BODY_1}\n\nShare this article\n\n{BODY_2}"
    assert article_from_text(text, "x").text == f"{BODY_1}\n\n{BODY_2}"


HTML_PAGE = f"""<!DOCTYPE html>
<html><head><title>Navies hold Baltic drill | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:title" content="Navies hold Baltic drill">
<meta property="article:published_time" content="2021-03-03T09:00:00Z"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<header><div class="masthead">Harbour Herald: all the news from the docks</div></header>
<main><article><h1>Navies hold Baltic drill</h1>
<p>{BODY_1}</p><p>{BODY_2}</p>
<p>A third paragraph notes that observers from four countries watched the drills from a
coastguard vessel anchored off the island, according to the organisers.</p>
<p>Note to readers: please click the share buttons above.</p>
<p>The original source of this article is Harbour Herald.</p>
</article></main>
<aside class="related">Related: Fishing quotas cut again</aside>
<footer>Copyright © 2021 Harbour Herald. All rights reserved. Privacy policy.</footer>
</body></html>"""


def test_html_article_keeps_the_text_and_drops_nav_and_footer_chrome():
    article = article_from_html(HTML_PAGE, "page")
    assert article.title == "Navies hold Baltic drill"
    assert article.outlet == "Harbour Herald"
    assert article.date == "2021-03-03"
    assert BODY_1 in article.text and BODY_2 in article.text
    assert article.text.endswith("according to the organisers.")
    for chrome in ("World news menu", "masthead", "all the news from the docks",
                   "Fishing quotas", "All rights reserved", "Privacy policy", "share buttons"):
        assert chrome not in article.text


def test_html_fallback_extractor_also_drops_chrome(monkeypatch):
    monkeypatch.setattr("analyzer.articles.extract._with_trafilatura", lambda page: None)
    article = article_from_html(HTML_PAGE, "page")
    assert (article.title, article.outlet, article.date) == (
        "Navies hold Baltic drill", "Harbour Herald", "2021-03-03")
    assert article.text.startswith(BODY_1)
    assert article.text.endswith("according to the organisers.")
    for chrome in ("World news menu", "Fishing quotas", "All rights reserved", "share buttons"):
        assert chrome not in article.text


def test_single_file_mhtml_save_is_read_as_html(tmp_path):
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message.attach(MIMEText(HTML_PAGE, "html", "utf-8"))
    path = tmp_path / "saved.mhtml"
    path.write_bytes(message.as_bytes())
    (article,) = load_articles([path])
    assert article.outlet == "Harbour Herald"
    assert BODY_2 in article.text


def test_html_file_is_detected_by_content(tmp_path):
    (article,) = load_articles([write(tmp_path, "saved.htm", HTML_PAGE)])
    assert article.id == "saved"
    assert article.outlet == "Harbour Herald"


def test_url_list_file_is_refused_with_a_clear_message(tmp_path):
    path = write(tmp_path, "urls.txt", "https://example.com/a\nhttps://example.com/b\n")
    with pytest.raises(InputError, match="lists URLs; fetch the pages and pass the saved files"):
        load_articles([path])


def test_file_with_only_boilerplate_has_no_article_text(tmp_path):
    path = write(tmp_path, "chrome.txt", "Share this article\n\nFollow us on Twitter\n")
    with pytest.raises(InputError, match="no article text found"):
        load_articles([path])


def test_folder_is_read_in_natural_order_skipping_hidden_and_asset_files(tmp_path):
    for name in ("10_b.txt", "2_a.txt", ".hidden.txt"):
        write(tmp_path, name, BODY_1)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    ids = [a.id for a in load_articles([tmp_path])]
    assert ids == ["2_a", "10_b"]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_articles([tmp_path / "nope.txt"])


def test_utf8_bom_and_windows_newlines_are_handled(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle line\r\n\r\n" + BODY_1.encode() + b"\r\n")
    (article,) = load_articles([path])
    assert article.title == "Title line"
    assert article.text == BODY_1


@pytest.mark.parametrize("text, expected", [
    ("July 30, 2019", "2019-07-30"),
    ("30 July 2019", "2019-07-30"),
    ("Published Tuesday, Dec. 22, 2020 12:39PM EST", "2020-12-22"),
    ("2021-03-03T09:00:00Z", "2021-03-03"),
    ("February 30, 2020", None),
    ("on July 24", None),
])
def test_dates_are_read_in_common_forms(text, expected):
    assert find_date(text) == expected


def test_header_lines_are_recognised_and_titles_are_not():
    assert header_line("Global Research, July 30, 2019").outlet == "Global Research"
    assert header_line("By Jane Roe, Reuters").outlet == "Reuters"
    assert header_line("By Jane Roe, Staff Writer").outlet is None
    assert header_line("Russia and China Display Strategic Coordination") is None
    assert header_line("Source: https://www.example.org/news/1").outlet == "example.org"
    assert attribution("[Harbour Herald] Ships sailed.") == ("Harbour Herald", 17)


@pytest.mark.parametrize("line", [
    "Copyright © 2021 Example Media", "All rights reserved.", "Disclaimer: views are own.",
    "Follow us on Twitter", "Subscribe to our newsletter", "Related articles",
    "Region: Asia", "Facebook Twitter Email", "www.example.org contains copyrighted material",
])
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    BODY_1, "The subscription model failed, he said.",
    "Share prices fell on Monday after the announcement.",
    "Next year, the two countries plan a longer patrol.",
    "More news emerged on Tuesday about the route the bombers took over the sea.",
])
def test_article_sentences_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_trafilatura_is_installed_and_importable():
    """The HTML extractor must not silently fall back for want of a dependency."""
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + "Words here. " * 40
                               + "</p></article></body></html>")


def test_article_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Bombers flew a joint patrol. " * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"long\.txt: 2\.9 kB is over the 1 kB size limit; "
                                         r"raise it with --max-size$"):
        load_articles([article], max_size=1000)
