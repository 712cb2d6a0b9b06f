"""Broken and unknown pages: every post read, or the reason said.

Posts nested inside an unclosed predecessor are posts of their own; a page
that gives no post is an error that says what was looked for; posts the
page marks but the parser never met are warned about and counted in the
output; Forumotion boards are read by their own skin, not as phpBB.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from fixture_index import FIXTURES, document
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.cli import cli
from analyzer.errors import ExitCode
from analyzer.parsers.engines.forumotion import ForumotionParser
from analyzer.parsers.engines.phpbb import Phpbb3Parser
from analyzer.parsers.engines.xenforo import XenForo2Parser
from analyzer.parsers.registry import detect
from analyzer.reading.batch import parse_paths, read_document

UNCLOSED = FIXTURES / "broken" / "xenforo2-unclosed-posts.html"
FORUMOTION = FIXTURES / "forumotion" / "topic-t512.html"
GIVE_UP = ("choose another engine with --engine NAME or describe the page's markup with "
           "--selectors FILE.toml")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _xf2(posts: list[tuple[int, str]], close_body: bool = True) -> str:
    """A XenForo 2 page whose posts are never closed: each sits inside the one before."""
    articles = []
    for pid, words in posts:
        end = "</div></div></article>" if close_body else ""
        articles.append(
            f'<article class="message message--post" data-author="user{pid}" '
            f'data-content="post-{pid}"><div class="message-inner"><div class="message-content">'
            f'<article class="message-body"><div class="bbWrapper">{words}{end}')
    return (f'<html id="XF"><body><div class="block-body">{"".join(articles)}'
            "</div></body></html>")


# -- posts nested in an unclosed predecessor ------------------------------------------------


def test_unclosed_xenforo_posts_are_each_their_own_post() -> None:
    thread = parse_paths(UNCLOSED)
    assert [p.id for p in thread.posts] == [str(n) for n in range(30101, 30110)]
    assert thread.posts[0].text == ("The council finally published the ferry timetable for "
                                    "the summer season.")
    assert [p.author for p in thread.posts[:3]] == ["harbour_lights", "Greta M", "pier_walker"]
    assert [q.post_id for q in thread.posts[2].quotes] == ["30102"]
    assert thread.skipped == ()


def test_words_of_a_post_left_open_inside_the_body_stay_out_of_the_outer_post() -> None:
    page = _xf2([(1, "alpha words"), (2, "beta words"), (3, "gamma words")], close_body=False)
    thread = XenForo2Parser().parse(document(page))
    assert [(p.id, p.author, p.text) for p in thread.posts] == [
        ("1", "user1", "alpha words"), ("2", "user2", "beta words"), ("3", "user3", "gamma words")]


def test_replies_nested_in_the_posts_they_answer_stay_replies_on_old_reddit() -> None:
    thread = parse_paths(FIXTURES / "old-reddit" / "comments-page.html")
    assert len(thread.posts) == 5
    assert thread.posts[2].reply_to == thread.posts[1].id


_WORDS = st.lists(st.sampled_from(["ferry", "timetable", "harbour", "noon", "summer", "queue"]),
                  min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=8), close_body=st.booleans())
def test_any_chain_of_unclosed_posts_reads_as_the_same_posts_in_order(
        words: list[str], close_body: bool) -> None:
    posts = [(100 + i, text) for i, text in enumerate(words)]
    thread = XenForo2Parser().parse(document(_xf2(posts, close_body)))
    assert [(p.id, p.text) for p in thread.posts] == [(str(pid), text) for pid, text in posts]


# -- zero posts is an error -----------------------------------------------------------------


def test_forumotion_board_is_detected_and_read_whole() -> None:
    doc = read_document(FORUMOTION)
    assert detect(doc) is ForumotionParser
    thread = ForumotionParser().parse(doc)
    assert (thread.engine, thread.id) == ("forumotion", "512")
    assert [(p.id, p.author) for p in thread.posts] == [
        ("7701", "Marchand"), ("7708", "Lucie_B"), ("7712", "rayon_vert")]
    assert thread.posts[0].text == ("La mairie a annoncé une piste séparée entre le pont et la "
                                    "gare.\n\nLes travaux commencent au printemps.")
    assert [q.author for q in thread.posts[1].quotes] == ["Marchand"]
    assert "Vélo tous les jours" not in "\n".join(p.text for p in thread.posts)


def test_phpbb_pages_are_not_taken_for_forumotion() -> None:
    for page in ("prosilver-3.0.html", "prosilver-3.3.html"):
        assert detect(read_document(FIXTURES / "phpbb3" / page)) is Phpbb3Parser


def test_a_page_whose_every_post_is_skipped_exits_with_what_was_tried() -> None:
    result = run("parse", FORUMOTION, "--engine", "phpbb3")
    assert result.stderr == (
        f"Error: {FORUMOTION}: no posts kept: the phpbb3 parser skipped all 3 posts it found "
        "(3 empty post); the page marks 3 posts; looked for posts at 'div.post' with their "
        f"words at 'div.content'; {GIVE_UP}\n")
    assert result.exit_code == ExitCode.PARSE
    assert result.stdout == ""


def test_a_page_with_no_post_elements_exits_with_what_was_tried(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<html id="XF"><body><div class="block">Forums</div></body></html>',
                    encoding="utf-8")
    result = run("analyse", page, "-o", tmp_path / "r.md", "-q")
    assert result.stderr == (
        f"Error: {page}: no posts found (is this a xenforo2 thread page?); looked for posts at "
        "'.message--post, .message--article' with their words at '.message-body .bbWrapper, "
        f".message-userContent .bbWrapper, .message-body'; {GIVE_UP}\n")
    assert result.exit_code == ExitCode.PARSE


def test_an_export_with_no_post_to_keep_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "1", "text": ""}\n', encoding="utf-8")
    result = run("parse", path)
    assert result.stderr == (f"Error: {path}: no posts kept: the jsonl parser skipped all 1 "
                             "post it found (1 empty post); choose another engine with "
                             "--engine NAME\n")
    assert result.exit_code == ExitCode.PARSE


# -- accounting you can check ---------------------------------------------------------------


def test_posts_the_page_marks_but_no_one_read_are_warned_and_counted(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    read = "".join(
        f'<article class="message message--post" data-author="u{n}" data-content="post-{n}">'
        f'<div class="message-body"><div class="bbWrapper">words {n}</div></div></article>'
        for n in (1, 2))
    unread = "".join(
        f'<article class="message message--comment" data-content="post-{n}">'
        f'<div class="bbWrapper">lost {n}</div></article>' for n in (3, 4, 5))
    page.write_text(f'<html id="XF"><body>{read}{unread}</body></html>', encoding="utf-8")
    result = run("parse", page)
    assert result.exit_code == 0
    assert result.stderr == (
        f"Warning: {page}: the page marks 5 posts, but only 2 were read (2 kept, 0 skipped); "
        "3 may be lost; check the page, or describe its markup with --selectors FILE.toml\n")
    counts = json.loads(result.stdout)["accounting"]
    assert counts == {"seen": 2, "kept": 2, "skipped": {}, "marked": 5, "unaccounted": 3}


def test_a_page_read_whole_says_nothing_and_counts_its_marks() -> None:
    result = run("parse", UNCLOSED)
    assert result.stderr == ""
    assert json.loads(result.stdout)["accounting"] == {
        "seen": 9, "kept": 9, "skipped": {}, "marked": 9, "unaccounted": 0}


def test_forumotion_phpbb2_skin_reads_one_post_per_pair_of_rows() -> None:
    thread = parse_paths(FIXTURES / "forumotion" / "topic-t88-phpbb2-skin.html")
    assert [(p.id, p.author, p.text) for p in thread.posts] == [
        ("9001", "Bramble", "The committee will buy two more water butts for the bottom plots."),
        ("9004", "Old Tom", "Put one by the shed, the roof there drains best.")]
    assert thread.post_markers == ("9001", "9004")


def test_unclosed_phpbb_posts_are_each_their_own_post_too() -> None:
    posts = "".join(
        f'<div id="p{n}" class="post"><div class="postbody"><p class="author">by <strong>'
        f'<a href="./memberlist.php?mode=viewprofile&amp;u={n}">user{n}</a></strong></p>'
        f'<div class="content">words of {n}</div>' for n in (11, 12, 13))
    page = f'<html><body id="phpbb"><div id="page-body">{posts}</div></body></html>'
    thread = Phpbb3Parser().parse(document(page))
    assert [(p.id, p.author, p.text) for p in thread.posts] == [
        ("11", "user11", "words of 11"), ("12", "user12", "words of 12"),
        ("13", "user13", "words of 13")]
