"""SMF saved topic pages: 2.0 (Curve, quote headers beside the quote) and 2.1."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.model import Thread
from analyzer.parsers.engines.smf import Smf2Parser

FIXTURES = Path(__file__).parent / "fixtures"
OLD = FIXTURES / "smf2" / "display-2.0.html"
NEW = FIXTURES / "smf2" / "display-2.1.html"
AUTHORS = ["Baikal", "Müller", "KiwiWatcher", "Сергей", "dragon_fly"]
DATES = [datetime(2019, 7, 23, 10, 12, tzinfo=UTC), datetime(2019, 7, 23, 11, 5, 30, tzinfo=UTC),
         datetime(2019, 7, 23, 12, 40, tzinfo=UTC), datetime(2019, 7, 23, 16, 2, 45, tzinfo=UTC),
         datetime(2019, 7, 24, 3, 15, tzinfo=UTC)]
LEAKS = ("Quote from", "Per aspera", "Sent from my phone", "Last Edit", "Reply #", "Code:",
         "[Select]", "Select", "Expand", "Logged", "Posts:", "Fake news", "ignoring")


@pytest.fixture(scope="module", params=[OLD, NEW], ids=["2.0", "2.1"])
def thread(request: pytest.FixtureRequest) -> Thread:
    return read_with(Smf2Parser, request.param)


def _page(*posts: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Patrol</title>{head}</head>"
            f'<body><div id="forumposts">{"".join(posts)}</div></body></html>')


def _post(body: str, msg: str = "7", author: str = "ann",
          date: str = "May 26, 2019, 04:34:12 PM") -> str:
    return (f'<div class="windowbg" id="msg{msg}"><div class="post_wrapper"><div class="poster">'
            f'<h4><a href="index.php?action=profile;u=1">{author}</a></h4></div>'
            f'<div class="postarea"><div class="keyinfo"><div class="postinfo">'
            f'<a href="index.php?msg={msg}" title="Reply #2 - Re: 1999" class="smalltext">{date}'
            f'</a></div></div><div class="post"><div class="inner" id="msg_{msg}">{body}</div>'
            f"</div></div></div></div>")


def test_thread_metadata() -> None:
    old, new = read_with(Smf2Parser, OLD), read_with(Smf2Parser, NEW)
    assert (old.engine, old.id, old.title) == ("smf2", "1234", "Joint bomber patrol")
    assert old.url == "https://forum.example.com/index.php?topic=1234.0"
    assert (new.id, new.title) == ("4321", "Bombers over the Sea of Japan")


def test_ids_authors_and_dates(thread: Thread) -> None:
    base = 5000 if thread.id == "1234" else 9000
    assert [p.id for p in thread.posts] == [str(base + n) for n in (1, 3, 7, 10, 15)]
    assert [p.author for p in thread.posts] == AUTHORS
    # "« Reply #2 on: ... »" gives the date, not the reply number; the later "Last Edit" is no
    # date of the post, and 2.1's "Reply #2 - ... 2019" link title is never read
    assert [p.timestamp for p in thread.posts] == DATES


def test_text_has_no_signature_edit_note_quote_header_or_chrome(thread: Thread) -> None:
    assert phrases_in(thread, LEAKS) == []
    assert thread.posts[0].text.endswith("Beijing." if thread.id == "4321" else "Dokdo twice.")


def test_quote_is_linked_to_its_post(thread: Thread) -> None:
    reply = thread.posts[2]
    quoted = thread.posts[0].id
    assert [(q.post_id, q.author) for q in reply.quotes] == [(quoted, "Baikal")]
    assert reply.quotes[0].text in thread.posts[0].text
    assert reply.reply_to == quoted
    # the code block is set apart from the words around it
    assert reply.text == ("Four bombers do not make an alliance.\n\nTu-95MS x2, H-6K x2\n\n"
                          "That is the whole order of battle.")


def test_nested_quote_belongs_to_the_quoted_post(thread: Thread) -> None:
    post = thread.posts[3]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (thread.posts[2].id, "KiwiWatcher", "Four bombers do not make an alliance.")]
    assert post.text == ("Это не альянс, но это уже партнёрство.\n"
                         "The next patrol will come sooner than you think.")


def test_quote_without_link_names_its_speaker(thread: Thread) -> None:
    post = thread.posts[4]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (None, "Müller", "Schöne Grüße aus München.")]
    assert post.reply_to is None
    assert post.text == ("Greetings back. Beijing calls it 中俄联合空中战略巡航, "
                         "a joint strategic air patrol.")
    assert thread.posts[1].text.endswith("Schöne Grüße aus München.")


def test_ignored_user_is_skipped_with_its_notice(thread: Thread) -> None:
    assert [(s.reason, s.preview) for s in thread.skipped] == [
        ("ignored user", "You are ignoring this user. Show me the post.")]


def test_bare_quote_and_topic_link_name_no_post() -> None:
    body = ('<blockquote class="bbc_standard_quote"><cite>Quote</cite>anon</blockquote>'
            '<blockquote class="bbc_standard_quote"><cite><a href="index.php?topic=123">'
            "Quote from: Olga on May 1, 2019</a></cite>topic only</blockquote>mine")
    post = Smf2Parser().parse(document(_page(_post(body)))).posts[0]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (None, None, "anon"), (None, "Olga", "topic only")]
    assert post.text == "mine"


def test_relative_date_is_refused_not_guessed() -> None:
    html = _page(_post("x", date="<strong>Today</strong> at 04:34:12 PM"))
    assert Smf2Parser().parse(document(html)).posts[0].timestamp is None


def test_pages_merge_in_order_with_repeated_posts_kept_once(tmp_path: Path) -> None:
    page2 = _page(_post("again", msg="9015", author="dragon_fly"),
                  _post("Late reply.", msg="9020", author="Olga"),
                  head='<link rel="canonical" href="https://forum.example.com/index.php'
                       '?topic=4321.15">')
    (tmp_path / "page2.html").write_text(page2, encoding="utf-8")
    thread = parse_paths([NEW, tmp_path / "page2.html"])
    assert [p.id for p in thread.posts] == ["9001", "9003", "9007", "9010", "9015", "9020"]
    assert [p.position for p in thread.posts] == list(range(6))
    assert thread.url == "https://forum.example.com/index.php?topic=4321.0"


_PARTS = st.sampled_from([
    "text", "<br>", "<strong>b</strong>", "<div>", "</div>", "</blockquote>", "</cite>",
    '<div class="quoteheader"><div class="topslice_quote"><a href="index.php?topic=1.msgjunk">'
    "Quote from: x on May 1, 2019</a></div></div>",
    '<blockquote class="bbc_standard_quote">', '<blockquote class="bbc_alternate_quote">',
    '<div class="quotefooter"><div class="botslice_quote"></div></div>', "<cite>Quote</cite>",
    '<div class="codeheader">Code:</div><code class="bbc_code">c</code>', "&nbsp;",
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=12), st.text(max_size=40))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], msg: str, date: str) -> None:
    html = _page(_post("".join(parts), msg=msg.replace('"', ""), date=date.replace("<", "")))
    thread_or_our_error(Smf2Parser(), document(html))
