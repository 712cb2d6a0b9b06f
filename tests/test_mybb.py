"""MyBB saved thread pages: the 1.8 postbit, and the table layout of old themes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.model import Thread
from analyzer.parsers.engines.mybb import MybbParser

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "mybb" / "showthread-1.8.html"
IDS = ["101", "102", "105", "110", "115"]


@pytest.fixture(scope="module")
def thread() -> Thread:
    return read_with(MybbParser, PAGE)


def _page(*posts: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Patrol</title>{head}</head>"
            f'<body><div id="posts">{"".join(posts)}</div></body></html>')


def _post(body: str, pid: str = "7", author: str = "ann", date: str = "05-26-2019, 04:34 PM",
          classes: str = "post ") -> str:
    return (f'<a name="pid{pid}" id="pid{pid}"></a><div class="{classes}" id="post_{pid}">'
            f'<div class="post_author"><div class="author_information"><strong>'
            f'<span class="largetext"><a href="member.php?action=profile&amp;uid=1">{author}</a>'
            f'</span></strong></div></div><div class="post_content"><div class="post_head">'
            f'<span class="post_date">{date} <span class="post_edit" id="edited_by_{pid}">'
            f'</span></span></div><div class="post_body scaleimages" id="pid_{pid}">{body}</div>'
            f"</div></div>")


def test_thread_metadata(thread: Thread) -> None:
    assert (thread.engine, thread.id) == ("mybb", "42")
    assert thread.title == "Joint bomber patrol over the Pacific"
    assert thread.url == "https://forum.example.org/showthread.php?tid=42"


def test_ids_authors_and_dates(thread: Thread) -> None:
    assert [p.id for p in thread.posts] == IDS
    assert [p.author for p in thread.posts] == ["Baikal", "Müller", "KiwiWatcher", "Сергей",
                                                "dragon_fly"]
    assert [p.timestamp for p in thread.posts] == [
        datetime(2019, 7, 23, 10, 12, tzinfo=UTC), datetime(2019, 7, 23, 11, 5, tzinfo=UTC),
        # "(This post was last modified: 07-24-2019, 08:30 AM ...)" sits in the date span
        datetime(2019, 7, 23, 12, 40, tzinfo=UTC), datetime(2019, 7, 23, 16, 2, tzinfo=UTC),
        # "Yesterday, 03:15 AM" is read from the span's title
        datetime(2019, 7, 24, 3, 15, tzinfo=UTC)]


def test_text_has_no_signature_edit_note_or_chrome(thread: Thread) -> None:
    first = thread.posts[0]
    assert first.text.startswith("Russian Tu-95 and Chinese H-6K bombers")
    assert first.text.endswith("it was the first such patrol.")
    leaks = ("Per aspera", "Sent from my phone", "last modified", "Wrote:", "Code:", "Reply", "#1",
             "Posts:", "Reputation", "Fake news", "deleted")
    assert phrases_in(thread, leaks) == []


def test_quote_is_linked_to_its_post_and_its_date_is_not_the_author(thread: Thread) -> None:
    reply = thread.posts[2]
    assert [(q.post_id, q.author) for q in reply.quotes] == [("101", "Baikal")]
    assert reply.quotes[0].text == "According to the defence ministry in Moscow it was the first " \
                                   "such patrol."
    assert reply.reply_to == "101"
    assert reply.text == ("Four bombers do not make an alliance. It is a message to Washington, "
                          "nothing more.\n\nTu-95MS x2, H-6K x2\n\nThat is the whole order of "
                          "battle.")


def test_nested_quote_belongs_to_the_quoted_post(thread: Thread) -> None:
    post = thread.posts[3]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        ("105", "KiwiWatcher", "Four bombers do not make an alliance.")]
    assert post.text == ("Это не альянс, но это уже партнёрство.\n"
                         "The next patrol will come sooner than you think.")
    assert post.reply_to == "105"


def test_wrote_quote_without_link_and_non_ascii_text(thread: Thread) -> None:
    post = thread.posts[4]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (None, "Müller", "Schöne Grüße aus München.")]
    assert post.text == ("Greetings back. Beijing calls it 中俄联合空中战略巡航, "
                         "a joint strategic air patrol.")
    assert thread.posts[1].text.startswith("Die Übungen über dem Japanischen Meer")


def test_ignored_and_deleted_posts_are_skipped(thread: Thread) -> None:
    assert [(s.reason, s.preview) for s in thread.skipped] == [
        ("ignored user", "troll42 The contents of this message are hidden because troll42 is on "
                         "your ignore list."),
        ("deleted post", "Trollhunter This post has been deleted.")]


def test_relative_date_with_time_in_the_title_and_dotted_dates() -> None:
    hours_ago = '<span title="05-26-2019, 04:34 PM">5 hours ago</span>'
    html = _page(_post("a", pid="1", date=hours_ago),
                 _post("b", pid="2", date="26.05.2019, 16:34"),
                 _post("c", pid="3", date='<span title="05-26-2019">Today</span>, 09:00 AM'))
    stamps = [p.timestamp for p in MybbParser().parse(document(html)).posts]
    assert stamps == [datetime(2019, 5, 26, 16, 34, tzinfo=UTC),
                      datetime(2019, 5, 26, 16, 34, tzinfo=UTC),
                      datetime(2019, 5, 26, 9, 0, tzinfo=UTC)]


def test_bare_quote_names_no_one_and_moderator_view_of_deleted_post_is_skipped() -> None:
    bare = '<blockquote class="mycode_quote"><cite>Quote:</cite>unsourced</blockquote>mine'
    deleted = _post("gone", pid="8", classes="post unapproved_post deleted_post")
    thread = MybbParser().parse(document(_page(_post(bare), deleted)))
    assert [(q.author, q.post_id, q.text) for q in thread.posts[0].quotes] == [
        (None, None, "unsourced")]
    assert thread.posts[0].text == "mine"
    assert [s.reason for s in thread.skipped] == ["deleted post"]


def test_old_table_layout() -> None:
    post = ('<table border="0" class="tborder" id="post_31"><tr><td class="tcat" colspan="2">'
            '<div class="float_left smalltext">05-26-2019, 04:34 PM <span id="edited_by_31">'
            '<span class="edited_post">(This post was last modified: 05-27-2019, 10:00 AM)'
            '</span></span></div></td></tr><tr><td class="trow1"><strong><span class="largetext">'
            '<a href="member.php?action=profile&amp;uid=4">Olga</a></span></strong></td>'
            '<td class="trow1"><div id="pid_31" class="post_body"><blockquote><cite>'
            '<span>05-25-2019</span>Ivan Wrote: <a href="showthread.php?pid=30#pid30" '
            'class="quick_jump">&nbsp;</a></cite>old words</blockquote>new words</div></td></tr>'
            "</table>")
    thread = MybbParser().parse(document(_page(post)))
    (only,) = thread.posts
    assert (only.id, only.author, only.text) == ("31", "Olga", "new words")
    assert only.timestamp == datetime(2019, 5, 26, 16, 34, tzinfo=UTC)
    assert [(q.post_id, q.author, q.text) for q in only.quotes] == [("30", "Ivan", "old words")]


def test_search_friendly_addresses_give_the_thread_id() -> None:
    head = '<link rel="canonical" href="https://f.example/thread-77-page-2.html" />'
    thread = MybbParser().parse(document(_page(_post("x"), head=head)))
    assert (thread.id, thread.url) == ("77", "https://f.example/thread-77.html")


def test_pages_merge_in_order_with_repeated_posts_kept_once(tmp_path: Path) -> None:
    page2 = _page(_post("again", pid="115", author="dragon_fly"),
                  _post("Late reply.", pid="120", author="Olga"),
                  head='<link rel="canonical" href="https://forum.example.org/showthread.php'
                       '?tid=42&amp;page=2" />')
    (tmp_path / "page2.html").write_text(page2, encoding="utf-8")
    thread = parse_paths([PAGE, tmp_path / "page2.html"])
    assert [p.id for p in thread.posts] == [*IDS, "120"]
    assert [p.position for p in thread.posts] == list(range(6))
    assert len(thread.skipped) == 2


def test_the_page_is_recognised_by_more_than_its_template_comments() -> None:
    stripped = PAGE.read_text("utf-8").replace("<!-- start:", "<!-- x:")
    assert MybbParser.can_parse(document(stripped))


_PARTS = st.sampled_from([
    "text", "<br />", "<strong>b</strong>", "<div>", "</div>", "</blockquote>", "</cite>",
    '<blockquote class="mycode_quote"><cite><span> (05-26-2019)</span>x Wrote: '
    '<a href="showthread.php?pid=junk" class="quick_jump"></a></cite>',
    '<blockquote class="mycode_quote"><cite>Quote:</cite>', "<cite>", "<span title='junk'>",
    '<div class="codeblock"><div class="title">Code:</div><code>c</code></div>', "&nbsp;",
    '<span class="post_edit"><span class="edited_post">(last modified)</span></span>',
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=12), st.one_of(_PARTS, st.text(max_size=30)))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], pid: str, date: str) -> None:
    html = _page(_post("".join(parts), pid=pid.replace('"', ""), date=date))
    thread_or_our_error(MybbParser(), document(html))
