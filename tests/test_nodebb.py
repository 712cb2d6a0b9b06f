"""NodeBB saved topic pages: posts, dates, own words, "X said in" quotes, deleted posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.model import Thread
from analyzer.parsers.engines.nodebb import NodeBBParser

FIXTURES = Path(__file__).parent / "fixtures"
PAGE1 = FIXTURES / "nodebb" / "topic-page1.html"
PAGE2 = FIXTURES / "nodebb" / "topic-page2.html"
LEAKS = ("Si vis pacem", "Watching the straits", "said in", "said:", "last edited", "Edited",
         "wrote on", "replied to", "pinned this topic", "Voters", "#1", "Categories",
         "staged for television")


@pytest.fixture(scope="module")
def page1() -> Thread:
    return read_with(NodeBBParser, PAGE1)


def _post(content: str, pid: str = "7", attrs: str = "", header: str = "") -> str:
    return (f'<li component="post" data-pid="{pid}" data-username="ann" {attrs}>{header}'
            f'<div class="content" component="post/content">{content}</div></li>')


def _page(*posts: str) -> str:
    return ('<!DOCTYPE html><html><head><title>T</title></head><body class="page-topic">'
            f'<ul component="topic" data-tid="3">{"".join(posts)}</ul></body></html>')


def test_thread_metadata_comes_from_the_title_and_canonical_url(page1: Thread) -> None:
    assert (page1.engine, page1.id) == ("nodebb", "981")
    assert page1.title == "Bombers fly joint patrol over the Sea of Japan"
    assert page1.url == ("https://talk.example.org/topic/981/"
                         "bombers-fly-joint-patrol-over-the-sea-of-japan")


def test_post_ids_authors_and_positions(page1: Thread) -> None:
    assert [p.id for p in page1.posts] == ["5501", "5502", "5503", "5504", "5506"]
    assert [p.author for p in page1.posts] == [
        "Steppenwolf", "Kalinka", "Harbour Watcher", "Jürgen Müller", "Steppenwolf"]
    assert [p.position for p in page1.posts] == [0, 1, 2, 3, 4]


def test_timestamps_are_the_post_dates_not_the_edit_date(page1: Thread) -> None:
    assert [p.timestamp for p in page1.posts] == [
        datetime(2019, 7, 23, 10, 0, tzinfo=UTC), datetime(2019, 7, 23, 10, 42, tzinfo=UTC),
        datetime(2019, 7, 23, 12, 5, tzinfo=UTC), datetime(2019, 7, 23, 14, 30, tzinfo=UTC),
        datetime(2019, 7, 23, 16, 10, tzinfo=UTC)]


def test_text_is_the_authors_words_without_signature_or_attribution(page1: Thread) -> None:
    first, _, edited, *_ = page1.posts
    assert first.text.startswith("Two Russian Tu-95MS and two Chinese H-6K bombers")
    assert first.text.endswith("What do you make of it?")
    assert edited.text == ("Planned or not, Seoul scrambled fighters and Tokyo protested "
                           "within hours.\n\nThe route over Dokdo was chosen to test both of them.")
    assert phrases_in(page1, LEAKS) == []


def test_said_in_line_gives_the_quotes_speaker_and_post(page1: Thread) -> None:
    reply = page1.posts[1]
    assert [(q.post_id, q.author, q.text) for q in reply.quotes] == [
        ("5501", "Steppenwolf", "It is the first time the two air forces have patrolled together.")]
    assert reply.text.startswith("It was planned for months.")
    assert reply.reply_to == "5501"


def test_nested_quote_and_its_attribution_belong_to_the_quoted_post(page1: Thread) -> None:
    post = page1.posts[2]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        ("5502", "Kalinka", "It was planned for months.")]
    assert post.reply_to == "5502"


def test_said_line_without_a_link_gives_a_speaker_but_no_post(page1: Thread) -> None:
    post = page1.posts[3]
    assert [(q.post_id, q.author) for q in post.quotes] == [(None, "Harbour Watcher")]
    assert post.reply_to is None
    assert page1.posts[4].quotes[0].author == "Jürgen Müller"


def test_german_and_russian_words_are_kept_intact(page1: Thread) -> None:
    assert page1.posts[3].text == ("Die gemeinsame Patrouille über dem Japanischen Meer zeigt, "
                                   "dass Moskau und Peking enger zusammenrücken.\n\n"
                                   "Schöne Grüße aus Köln.")
    assert "Это была первая совместная патрульная миссия" in page1.posts[1].text


def test_deleted_post_is_skipped_and_topic_events_are_not_posts(page1: Thread) -> None:
    assert [(s.reason, s.preview) for s in page1.skipped] == [
        ("deleted post", "The whole patrol was staged for television. Nothing flew.")]


def test_pages_merge_in_order_with_the_repeated_post_kept_once() -> None:
    thread = parse_paths([PAGE1, PAGE2])
    assert [p.id for p in thread.posts] == ["5501", "5502", "5503", "5504", "5506", "5507",
                                            "5508"]
    assert [p.position for p in thread.posts] == list(range(7))
    assert thread.posts[5].reply_to == "5506"
    assert read_with(NodeBBParser, PAGE2).url == thread.url


def test_persona_timeago_is_the_date_but_the_edit_notes_timeago_is_not() -> None:
    header = ('<small><span class="timeago" title="2019-07-23T10:00:00.000Z"></span>'
              '<span component="post/editor">, last edited by x '
              '<span class="timeago" title="2019-07-24T08:15:00.000Z"></span></span></small>')
    edited_first = ('<small><span component="post/editor"><span class="timeago" '
                    'title="2019-07-24T08:15:00.000Z"></span></span></small>')
    thread = NodeBBParser().parse(document(_page(_post("<p>a</p>", header=header),
                                                 _post("<p>b</p>", pid="8", header=edited_first))))
    assert [p.timestamp for p in thread.posts] == [datetime(2019, 7, 23, 10, 0, tzinfo=UTC), None]


def test_plain_blockquote_has_no_speaker_and_keeps_the_paragraph_before_it() -> None:
    content = "<p>The ministry said nothing new.</p><blockquote><p>q</p></blockquote><p>r</p>"
    post = NodeBBParser().parse(document(_page(_post(content)))).posts[0]
    assert [(q.author, q.post_id, q.text) for q in post.quotes] == [(None, None, "q")]
    assert post.text == "The ministry said nothing new.\n\nr"


def test_can_parse_wants_nodebb_markup() -> None:
    assert NodeBBParser.can_parse(document(_page(_post("hi"))))
    assert not NodeBBParser.can_parse(
        document('<html><body><li component="post">x</li></body></html>'))
    assert not NodeBBParser.can_parse(document('{"component": "post", "data-pid": 1}', "a.json"))


_PARTS = st.sampled_from([
    "text", "<p>", "</p>", "<br>", "&nbsp;", "<blockquote>", "</blockquote>",
    '<p><a href="/uid/1">@x</a> said in <a href="/post/12">T</a>:</p>', "<p>y said:</p>",
    '<p>said in <a href="/post/">x</a>:</p>', '<span class="timeago" title="nope"></span>',
    '<div component="post/signature">sig</div>', "<script>x</script>", "<ul><li>i</li></ul>",
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=12), st.text(max_size=20))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], pid: str, stamp: str) -> None:
    attrs = f'data-timestamp="{stamp.replace(chr(34), "")}"'
    html = _page(_post("".join(parts), pid=pid.replace('"', ""), attrs=attrs))
    thread_or_our_error(NodeBBParser(), document(html))
