"""vBulletin 5 (Connect) saved thread pages: node ids, epoch dates, quotes, deleted posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import POST_IDS, document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.errors import ParseError
from analyzer.model import Thread
from analyzer.parsers.engines.vbulletin5 import VBulletin5Parser

FIXTURES = Path(__file__).parent / "fixtures"
PAGE1 = FIXTURES / "vbulletin5" / "thread-page1.html"
PAGE2 = FIXTURES / "vbulletin5" / "thread-page2.html"
URL = ("https://defence.example.org/forum/world-affairs/"
       "88417-chinese-and-russian-bombers-patrol-together-again")
LEAKS = ("Sic transit", "Last edited", "seahawk;", "Originally posted", "View Post", "Reply",
         "Quote", "Senior Member", "Join Date", "Posts:", "#1", "loans", "adsbygoogle",
         "Chinese and Russian bombers patrol together again")


@pytest.fixture(scope="module")
def page1() -> Thread:
    return read_with(VBulletin5Parser, PAGE1)


def _page(*posts: str) -> str:
    return ('<!DOCTYPE html><html><head><meta name="generator" content="vBulletin 5.6.4">'
            '</head><body id="vb-page-body"><ul class="conversation-list">'
            f'{"".join(posts)}</ul></body></html>')


def _post(body: str, node_id: str = "7", extra: str = "", attrs: str = "") -> str:
    return (f'<li data-node-id="{node_id}" {attrs} class="b-post js-post">{extra}'
            '<div class="b-userinfo__details"><div class="author"><strong><a href="#">'
            '<span itemprop="name">ann</span></a></strong></div></div>'
            f'<div class="js-post__content-text restore h-wordwrap" itemprop="text">{body}</div>'
            '</li>')


def test_thread_metadata_from_main_title_and_canonical_link(page1: Thread) -> None:
    assert (page1.engine, page1.id, page1.title, page1.url) == (
        "vbulletin5", "88417", "Chinese and Russian bombers patrol together again", URL)


def test_node_ids_authors_and_epoch_dates(page1: Thread) -> None:
    assert [p.id for p in page1.posts] == ["88417", "88420", "88426", "88431", "88440"]
    assert [p.author for p in page1.posts] == ["MarcoPolo", "Dmitri_V", "Gretchen", "seahawk",
                                               "MarcoPolo"]
    assert [p.timestamp for p in page1.posts] == [
        datetime(2019, 12, 22, 9, 5, tzinfo=UTC), datetime(2019, 12, 22, 9, 31, tzinfo=UTC),
        datetime(2019, 12, 22, 10, 12, tzinfo=UTC),
        # "Last edited by seahawk; 12-23-2019, 08:00 AM." is not the post date
        datetime(2019, 12, 22, 11, 40, tzinfo=UTC), datetime(2019, 12, 22, 13, 2, tzinfo=UTC)]


def test_text_has_no_signature_edit_note_ads_or_chrome(page1: Thread) -> None:
    first, *_, edited, last = page1.posts
    assert first.text.startswith("Two H-6K and two Tu-95MS bombers flew a second joint patrol")
    assert first.text.endswith("this time without an incident over Dokdo.")
    assert edited.text == ("Calmer in public, maybe. The scramble numbers say otherwise.\n\n"
                           "Tokyo launched more jets than in July.")
    assert last.text == "Which tells you how seriously they take it."
    assert phrases_in(page1, LEAKS, quotes=True) == []


def test_quote_links_to_its_node_and_nested_quote_is_dropped(page1: Thread) -> None:
    reply, nested = page1.posts[1], page1.posts[2]
    assert [(q.post_id, q.author) for q in reply.quotes] == [("88417", "MarcoPolo")]
    assert reply.quotes[0].text == "Same pattern as July, but this time without an incident " \
                                   "over Dokdo."
    assert [(q.post_id, q.author, q.text) for q in nested.quotes] == [
        ("88420", "Dmitri_V", "Повторение — мать учения. Патрули станут ежегодными.")]
    assert (reply.reply_to, nested.reply_to) == ("88417", "88420")


def test_named_quote_without_link_and_bare_quote(page1: Thread) -> None:
    named, bare = page1.posts[3].quotes[0], page1.posts[4].quotes[0]
    assert (named.author, named.post_id, named.text) == (
        "Gretchen", None, "Mir fällt auf, dass Japan diesmal gelassener reagiert.")
    assert (bare.author, bare.post_id, bare.text) == (
        None, None, "Tokyo launched more jets than in July.")


def test_german_and_russian_words_survive(page1: Thread) -> None:
    assert page1.posts[1].text == "Повторение — мать учения. Патрули станут ежегодными."
    assert page1.posts[2].text == ("Jährliche Patrouillen wären ein deutliches Signal.\n"
                                   "Mir fällt auf, dass Japan diesmal gelassener reagiert.")


def test_deleted_post_is_skipped(page1: Thread) -> None:
    assert [(s.reason, s.preview) for s in page1.skipped] == [
        ("deleted post", "Best rates on loans, click here!")]


def test_pages_merge_with_the_repeated_post_kept_once() -> None:
    thread = parse_paths([PAGE1, PAGE2])
    assert [p.id for p in thread.posts] == ["88417", "88420", "88426", "88431", "88440", "88447"]
    assert thread.url == URL
    # page 2 shows "Yesterday, 06:30 PM"; the node's epoch still dates it
    assert thread.posts[-1].timestamp == datetime(2019, 12, 23, 18, 30, tzinfo=UTC)


def test_visible_date_is_used_when_the_epoch_is_missing() -> None:
    stamp = ('<div class="b-post__timestamp"><time itemprop="dateCreated">'
             '12-24-2019, 07:05 AM</time></div>')
    thread = VBulletin5Parser().parse(document(_page(_post("hi", extra=stamp))))
    assert thread.posts[0].timestamp == datetime(2019, 12, 24, 7, 5, tzinfo=UTC)
    relative = stamp.replace("12-24-2019", "Today")
    assert VBulletin5Parser().parse(document(_page(_post("hi", extra=relative)))).posts[0] \
        .timestamp is None


def test_page_without_posts_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"no posts found \(is this a vbulletin5 thread page"):
        VBulletin5Parser().parse(document(_page()))


_PARTS = st.sampled_from([
    "text", "<br />", "<b>b</b>", "<div>", "</div>", "&nbsp;",
    '<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">',
    '<div class="bbcode_postedby">Originally posted by <strong>x</strong>',
    '<a href="https://f.example/forum/a/1-t?p=12#post12" title="View Post">v</a>',
    '<a href="?p=#post">', "</a>", '<div class="message">', '<div class="post-signature">s',
    '<div class="b-post__edit">Last edited by x; 12-23-2019, 08:00 AM.', '<div class="axd">ad',
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       POST_IDS, st.text(max_size=14))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], node_id: str, epoch: str) -> None:
    attrs = f'data-node-publishdate="{epoch.replace(chr(34), "")}"'
    html = _page(_post("".join(parts), node_id=node_id.replace('"', ""), attrs=attrs))
    thread_or_our_error(VBulletin5Parser(), document(html))
