"""``--selectors``: reading a forum no parser knows from a TOML file of CSS selectors."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from analyzer.cli import cli
from analyzer.errors import ConfigError, ExitCode, ParseError
from analyzer.parsers.base import Document
from analyzer.parsers.html_forum import SelectorParser, said_name
from analyzer.parsers.skin import Field, load_skin, make_skin

ROOT = Path(__file__).resolve().parent.parent
SKIN = ROOT / "examples" / "fluxbb.toml"
PAGE = ROOT / "tests" / "fixtures" / "selectors" / "fluxbb-topic.html"


@pytest.fixture(scope="module")
def parsed() -> dict:
    result = CliRunner().invoke(cli, ["parse", str(PAGE), "--selectors", str(SKIN)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_example_skin_reads_ids_authors_and_dates(parsed: dict) -> None:
    posts = parsed["posts"]
    assert [p["id"] for p in posts] == ["2301", "2305", "2309"]
    assert [p["author"] for p in posts] == ["Anna", "Jürgen", "kestrel"]
    assert posts[1]["timestamp"] == "2019-07-23T10:02:41+00:00"  # not the edit date
    assert parsed["thread"] == {"id": "417", "title": "Joint bomber patrol over the Sea of Japan",
                                "engine": "fluxbb",
                                "url": "https://strategy.example/viewtopic.php?id=417",
                                "post_markers": ["2301", "2305", "2309", "2312"]}


def test_signature_and_edit_note_are_not_words(parsed: dict) -> None:
    first, second = parsed["posts"][0]["text"], parsed["posts"][1]["text"]
    assert first.endswith("entered its airspace twice.")
    assert "maps and more maps" not in first
    assert second == "Moskau bestreitet das natürlich. Ärgerlich für Tokio und Seoul."


def test_quotes_keep_their_author_and_nested_quotes_are_dropped(parsed: dict) -> None:
    third = parsed["posts"][2]
    assert third["text"] == "The real message is for Washington, not for Seoul."
    assert third["quotes"] == [{"text": "Moskau bestreitet das natürlich.", "post_id": None,
                                "author": "Jürgen"}]


def test_skip_table_gives_the_reason(parsed: dict) -> None:
    assert [s["reason"] for s in parsed["skipped"]] == ["deleted post"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "skin.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("toml", "message"), [
    ('post = "div.post"\nbody = ".msg"\ncolour = "red"\n',
     "unknown key 'colour'; known keys: author, body, id, name, post, quote, quote_author, "
     "quote_header, quote_id, remove, skip, time, title, dayfirst"),
    ('body = ".msg"\n', "'post' is required: the CSS selector of one post"),
    ('post = "div.post"\n', "'body' is required: the CSS selector of a post's words"),
    ('post = "div..post"\nbody = ".msg"\n', "invalid CSS selector 'div..post'"),
    ('post = "div.post"\nbody = ".msg"\nremove = 3\n',
     "'remove' must be a selector string or a list of them"),
    ('post = "div.post"\nbody = ".msg"\nskip = "x"\n',
     "'skip' must be a table of reason = \"selector\""),
    ('post = "div.post\n', "invalid TOML"),
])
def test_bad_selectors_file_is_a_config_error(tmp_path: Path, toml: str, message: str) -> None:
    path = _write(tmp_path, toml)
    with pytest.raises(ConfigError) as caught:
        load_skin(path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_cli_reports_a_missing_selectors_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    result = CliRunner().invoke(cli, ["parse", str(PAGE), "--selectors", str(missing)])
    assert result.exit_code == ExitCode.CONFIG
    assert result.stderr == f"Error: {missing}: no such selectors file\n"


def test_skin_without_id_numbers_posts_by_position() -> None:
    skin = make_skin("mini", post="div.p", body=".b", author=".a")
    page = ('<html><body><div class="p"><span class="a">x</span><div class="b">one</div></div>'
            '<div class="p"><span class="a">y</span><div class="b">two</div></div></body></html>')
    thread = SelectorParser(skin).parse(Document("mini.html", page.encode(), page))
    assert [(p.id, p.author, p.text) for p in thread.posts] == [("1", "x", "one"),
                                                                ("2", "y", "two")]


def test_skin_with_id_skips_posts_whose_id_is_missing() -> None:
    skin = make_skin("mini", post="div.p", body=".b", id="@data-id")
    page = ('<html><body><div class="p" data-id="p7"><div class="b">one</div></div>'
            '<div class="p"><div class="b">two</div></div></body></html>')
    thread = SelectorParser(skin).parse(Document("mini.html", page.encode(), page))
    assert [p.id for p in thread.posts] == ["7"]
    assert [(s.reason, s.preview) for s in thread.skipped] == [("no post id", "two")]


def test_page_without_the_skins_posts_is_a_parse_error() -> None:
    skin = make_skin("mini", post="div.p", body=".b")
    page = "<html><body><p>Nothing here</p></body></html>"
    with pytest.raises(ParseError, match=r"^x\.html: no posts found \(is this a mini thread"):
        SelectorParser(skin).parse(Document("x.html", page.encode(), page))


@pytest.mark.parametrize(("spec", "css", "attr"), [
    ("time@datetime", "time", "datetime"),
    ("@id", "", "id"),
    (".author", ".author", ""),
    ('a[href$="@x"]', 'a[href$="@x"]', ""),
])
def test_field_spec_splits_selector_and_attribute(spec: str, css: str, attr: str) -> None:
    assert Field.parse(spec) == Field(css=css, attr=attr)


@pytest.mark.parametrize(("header", "name"), [
    ("Anna wrote:", "Anna"), ("Quote from: Bob on May 26, 2019, 04:34:12 PM", "Bob"),
    ("Originally Posted by Carl", "Carl"), ("Dora said:", "Dora"), ("", None),
])
def test_said_name_takes_the_speaker_from_a_quote_header(header: str, name: str | None) -> None:
    assert said_name(header) == name


@given(st.lists(st.sampled_from([
    '<div class="blockpost" id="p1">', "</div>", '<div class="postmsg">', "<p>", "</p>",
    '<div class="quotebox">', "<cite>", "</cite>", "<blockquote>", "</blockquote>",
    '<h2><a href="#">2019-07-23 09:14:05</a></h2>', "text", "ü", "&amp;", "<br>",
]), max_size=40))
def test_arbitrary_markup_in_the_skins_tags_gives_a_thread_or_our_error(parts: list[str]) -> None:
    page = "<html><body>" + "".join(parts) + "</body></html>"
    with contextlib.suppress(ParseError):
        thread = SelectorParser(load_skin(SKIN)).parse(Document("f.html", page.encode(), page))
        assert all(post.text or post.quotes for post in thread.posts)


def test_engine_and_selectors_together_are_a_config_error() -> None:
    result = CliRunner().invoke(cli, ["parse", str(PAGE), "--selectors", str(SKIN),
                                      "--engine", "xenforo2"])
    assert result.exit_code == ExitCode.CONFIG
    assert result.stderr == "Error: --selectors describes its own engine; leave out --engine\n"
