"""phpBB 3 saved topic pages: prosilver 3.0 and the 3.1+ responsive layout."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.errors import ParseError
from analyzer.model import Thread
from analyzer.parsers.engines.phpbb import Phpbb3Parser

FIXTURES = Path(__file__).parent / "fixtures"
NEW = FIXTURES / "phpbb3" / "prosilver-3.3.html"
OLD = FIXTURES / "phpbb3" / "prosilver-3.0.html"
LEAKS = ("Per aspera", "Sent from my phone", "Last edited", "edited 1 time", "Reason:", "typo",
         "Select all", "Code:", "wrote:", "Reply with quote", "Top", "Posts:", "Joined:",
         "Cheap flights", "Discount tours", "Fake news", "ignore list")


@pytest.fixture(scope="module")
def new() -> Thread:
    return read_with(Phpbb3Parser, NEW)


@pytest.fixture(scope="module")
def old() -> Thread:
    return read_with(Phpbb3Parser, OLD)


def _page(*posts: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><title>T</title>{head}</head>'
            f'<body id="phpbb"><div id="page-body">{"".join(posts)}</div></body></html>')


def _post(body: str, post_id: str = "p7", author: str = "ann", classes: str = "post bg1") -> str:
    ident = f' id="{post_id}"' if post_id else ""
    return (f'<div{ident} class="{classes}"><div class="inner"><div class="postbody">'
            f'<p class="author">by <strong><a class="username" href="#">{author}</a></strong>'
            f' &raquo; <time datetime="2020-01-02T03:04:05+00:00">Thu Jan 02, 2020</time></p>'
            f'<div class="content">{body}</div></div></div></div>')


# The 3.1+ layout ----------------------------------------------------------


def test_new_layout_thread_metadata(new: Thread) -> None:
    assert (new.engine, new.id) == ("phpbb3", "4242")
    assert new.title == "Bombers fly first joint patrol over the Sea of Japan"
    assert new.url == "https://board.example.net/viewtopic.php?t=4242"


def test_new_layout_ids_authors_and_machine_dates(new: Thread) -> None:
    assert [p.id for p in new.posts] == ["2729870", "2729871", "2729875", "2729880", "2729884"]
    assert [p.author for p in new.posts] == ["Baikal", "Müller", "KiwiWatcher", "Сергей",
                                             "dragon_fly"]
    assert [p.position for p in new.posts] == [0, 1, 2, 3, 4]
    # the datetime attribute (UTC), not the board's local 10:12 am
    assert new.posts[0].timestamp == datetime(2019, 7, 23, 8, 12, tzinfo=UTC)
    # the edited post keeps its own date, not the "Last edited ... Jul 24" one
    assert new.posts[2].timestamp == datetime(2019, 7, 23, 10, 40, tzinfo=UTC)
    assert new.posts[3].timestamp.isoformat() == "2019-07-23T14:02:45+00:00"


def test_new_layout_text_has_no_signature_edit_note_or_chrome(new: Thread) -> None:
    first = new.posts[0]
    assert first.text.startswith("Two Russian Tu-95 bombers")
    assert first.text.endswith("according to the defence ministry in Moscow.")
    assert phrases_in(new, LEAKS) == []


def test_new_layout_quote_is_linked_to_its_post(new: Thread) -> None:
    reply = new.posts[2]
    assert [(q.post_id, q.author) for q in reply.quotes] == [("2729870", "Baikal")]
    assert reply.quotes[0].text == "It is the first time the two air forces have patrolled together"
    assert reply.text.startswith("Four bombers do not make an alliance.")
    assert "Tu-95MS x2, H-6K x2, A-50 x1\n\nThat is the whole order of battle." in reply.text
    assert reply.reply_to == "2729870"


def test_new_layout_nested_quote_belongs_to_the_quoted_post(new: Thread) -> None:
    post = new.posts[3]
    assert [(q.post_id, q.author) for q in post.quotes] == [("2729875", "KiwiWatcher")]
    assert post.quotes[0].text == "Four bombers do not make an alliance."
    assert post.text == ("Это не альянс, но это уже партнёрство.\n"
                         "Patrols like this will become routine.")
    assert post.reply_to == "2729875"


def test_new_layout_wrote_quote_without_link(new: Thread) -> None:
    post = new.posts[4]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (None, "Müller", "Schöne Grüße aus München.")]
    assert post.reply_to is None
    assert post.text == ("Greetings back. Beijing calls it 中俄联合空中战略巡航, "
                         "a joint strategic air patrol.")


def test_new_layout_skips_the_advertisement_and_the_ignored_post(new: Thread) -> None:
    assert [(s.reason, s.preview) for s in new.skipped] == [
        ("advertisement", "Cheap flights to Vladivostok, book now and save 40%!"),
        ("ignored user", "This post was made by troll42 who is currently on your ignore list. "
                         "Display this post")]


def test_umlauts_and_cyrillic_survive(new: Thread) -> None:
    assert new.posts[1].text == ("Die Übungen über dem Japanischen Meer zeigen, dass Moskau und "
                                 "Peking enger zusammenarbeiten.\n\nSchöne Grüße aus München.")


# prosilver 3.0 ----------------------------------------------------------


def test_old_layout_metadata_from_the_topic_title_link(old: Thread) -> None:
    assert (old.id, old.url) == ("977", None)
    assert old.title == "Joint bomber patrol: what does it mean?"


def test_old_layout_ids_authors_and_visible_dates(old: Thread) -> None:
    assert [p.id for p in old.posts] == ["18301", "18302", "18305", "18310", "18312"]
    assert [p.author for p in old.posts] == ["Baikal", "Müller", "KiwiWatcher", "Сергей",
                                             "dragon_fly"]
    # the date after "»", not the author's name, and not the later edit date
    assert [p.timestamp for p in old.posts] == [
        datetime(2019, 7, 23, 10, 12, tzinfo=UTC), datetime(2019, 7, 23, 11, 5, tzinfo=UTC),
        datetime(2019, 7, 23, 12, 40, tzinfo=UTC), datetime(2019, 7, 23, 16, 2, tzinfo=UTC),
        datetime(2019, 7, 24, 3, 15, tzinfo=UTC)]


def test_old_layout_quotes_name_their_speaker_and_drop_nested_quotes(old: Thread) -> None:
    edited, nested = old.posts[2], old.posts[3]
    assert [(q.post_id, q.author, q.text) for q in edited.quotes] == [
        (None, "Baikal", "What does it mean for the region?")]
    assert edited.text == "It means nothing. Four bombers do not make an alliance."
    assert [(q.author, q.text) for q in nested.quotes] == [("KiwiWatcher", "It means nothing.")]
    assert nested.text.startswith("Это не альянс")
    assert "region" not in nested.text


def test_old_layout_text_and_skips(old: Thread) -> None:
    assert phrases_in(old, LEAKS) == []
    assert old.posts[4].text.endswith("not aimed at third countries.")
    assert "联合空中战略巡航" in old.posts[4].text
    assert [s.reason for s in old.skipped] == ["advertisement", "ignored user"]
    assert old.skipped[1].preview.startswith("This post was made by troll42")


# Shapes the fixtures do not cover -------------------------------------------


def test_deleted_posts_and_ads_marked_by_class_are_skipped() -> None:
    deleted = _post("gone", post_id="p8", classes="post bg2 deleted")
    advert = _post("buy now", post_id="", author="someone", classes="post bg1 adsense")
    thread = Phpbb3Parser().parse(document(_page(_post("kept"), deleted, advert)))
    assert [p.id for p in thread.posts] == ["7"]
    assert [s.reason for s in thread.skipped] == ["deleted post", "advertisement"]


def test_quote_id_falls_back_to_the_cite_address() -> None:
    body = ('<blockquote cite="./viewtopic.php?p=55&amp;sid=0a1b2c3d#p55"><div><cite>'
            '<a href="./memberlist.php?mode=viewprofile&amp;u=3">Olga</a> wrote:</cite>'
            'hi</div></blockquote>ok')
    post = Phpbb3Parser().parse(document(_page(_post(body)))).posts[0]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [("55", "Olga", "hi")]


def test_page_offset_leaves_the_canonical_address() -> None:
    head = '<link rel="canonical" href="https://b.example/viewtopic.php?t=9&amp;start=25">'
    thread = Phpbb3Parser().parse(document(_page(_post("x"), head=head)))
    assert (thread.url, thread.id) == ("https://b.example/viewtopic.php?t=9", "9")


def test_pages_merge_in_order_with_repeated_posts_kept_once(tmp_path: Path) -> None:
    page2 = _page(_post("Greetings back.", post_id="p2729884", author="dragon_fly"),
                  _post("Late reply.", post_id="p2729901", author="Olga"),
                  head='<link rel="canonical" href="https://board.example.net/viewtopic.php'
                       '?t=4242&amp;start=5">')
    (tmp_path / "page2.html").write_text(page2, encoding="utf-8")
    thread = parse_paths([NEW, tmp_path / "page2.html"])
    assert [p.id for p in thread.posts] == ["2729870", "2729871", "2729875", "2729880",
                                            "2729884", "2729901"]
    assert [p.position for p in thread.posts] == list(range(6))
    assert thread.url == "https://board.example.net/viewtopic.php?t=4242"


def test_page_without_posts_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no posts found"):
        Phpbb3Parser().parse(document(_page('<div class="forabg">Board index</div>')))


# Arbitrary markup -----------------------------------------------------------

_PARTS = st.sampled_from([
    "text", "<br>", "<strong>b</strong>", "<blockquote>", "</blockquote>", "<div>", "</div>",
    '<blockquote cite="./viewtopic.php?p=12#p12"><div><cite>x wrote:</cite>',
    '<cite><a href="./memberlist.php?mode=viewprofile&amp;u=1">x</a> wrote: '
    '<a data-post-id="junk">↑</a><span class="responsive-hide">Sun</span></cite>',
    '<div class="ignore">ignored</div>', '<dl class="codebox"><dt>Code:</dt><dd><code>c',
    '<div class="signature">sig</div>', "&raquo; Sun May 26, 2019 4:34 pm", "<time>",
    '<time datetime="garbage">', "</time>", "<p class=\"author\">", "</p>", "&nbsp;",
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=12), st.text(max_size=12))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], post_id: str, author: str) -> None:
    html = _page(_post("".join(parts), post_id=post_id.replace('"', ""),
                       author=author.replace("<", "")))
    thread_or_our_error(Phpbb3Parser(), document(html))
