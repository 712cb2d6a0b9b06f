"""XenForo 1 saved thread pages: posts, dates, own words, quote links, stubs."""

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
from analyzer.parsers.engines.xenforo import XenForo1Parser

FIXTURES = Path(__file__).parent / "fixtures"
PAGE1 = FIXTURES / "xenforo1" / "thread-page1.html"
PAGE2 = FIXTURES / "xenforo1" / "thread-page2.html"
URL = ("https://tactical.example.com/community/threads/"
       "russian-chinese-bombers-in-first-joint-patrol.31337/")
LEAKS = ("Fortune favours", "Last edited", "said:", "Click to expand", "Well-Known Member",
         "Messages:", "Reply", "Permalink", "#1", "likes this", "removed from public view",
         "New ", "You are ignoring", "paid by somebody")


@pytest.fixture(scope="module")
def page1() -> Thread:
    return read_with(XenForo1Parser, PAGE1)


@pytest.fixture(scope="module")
def page2() -> Thread:
    return read_with(XenForo1Parser, PAGE2)


def _page(*messages: str) -> str:
    return ('<!DOCTYPE html><html id="XenForo"><head><title>T</title></head><body>'
            f'<ol class="messageList" id="messageList">{"".join(messages)}</ol></body></html>')


def _message(body: str, post_id: str = "7", author: str = "ann", meta: str = "") -> str:
    return (f'<li id="post-{post_id}" class="message" data-author="{author}">'
            '<div class="messageInfo primaryContent"><div class="messageContent"><article>'
            f'<blockquote class="messageText SelectQuoteContainer ugc baseHtml">{body}'
            f'</blockquote></article></div><div class="messageMeta">{meta}</div></div></li>')


def test_thread_metadata_without_the_title_prefix(page1: Thread) -> None:
    assert (page1.engine, page1.id, page1.url) == ("xenforo1", "31337", URL)
    assert page1.title == "Russian, Chinese bombers in first joint patrol"


def test_post_ids_authors_and_dates(page1: Thread) -> None:
    assert [p.id for p in page1.posts] == ["982611", "982615", "982622", "982630", "982644"]
    assert [p.author for p in page1.posts] == ["Borealis", "Taiga", "Jörg", "PacificRim",
                                               "Borealis"]
    assert [p.timestamp for p in page1.posts] == [
        datetime(2019, 7, 23, 9, 2, tzinfo=UTC), datetime(2019, 7, 23, 9, 48, tzinfo=UTC),
        datetime(2019, 7, 23, 10, 31, tzinfo=UTC),  # abbr data-time epoch
        # "Last edited: Jul 24, 2019" is not the post date
        datetime(2019, 7, 23, 11, 47, tzinfo=UTC), datetime(2019, 7, 23, 14, 5, tzinfo=UTC)]


def test_text_has_no_signature_edit_note_likes_or_chrome(page1: Thread) -> None:
    first = page1.posts[0]
    assert first.text.startswith("The Russian defence ministry says two Tu-95MS")
    assert first.text.endswith("an A-50 entered its airspace twice.")
    assert page1.posts[3].text == ("Seoul released some of them already.\n"
                                   "Not conclusive, but interesting.")
    assert phrases_in(page1, LEAKS, quotes=True) == []


def test_quote_is_linked_through_the_attribution_link(page1: Thread) -> None:
    reply = page1.posts[1]
    assert [(q.post_id, q.author, q.text) for q in reply.quotes] == [
        ("982611", "Borealis", "South Korea says an A-50 entered its airspace twice.")]
    assert reply.text == "Москва это отрицает. Пролёт был над нейтральными водами."
    assert reply.reply_to == "982611"


def test_nested_quote_belongs_to_the_quoted_post(page1: Thread) -> None:
    post = page1.posts[2]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        ("982615", "Taiga", "Москва это отрицает. Пролёт был над нейтральными водами.")]
    assert post.text == ("Wer hat nun recht? Die Radarbilder aus Südkorea wären "
                         "aufschlussreich.\n\nGrüße aus Düsseldorf.")


def test_said_quote_without_link_and_bare_quote(page1: Thread) -> None:
    named, bare = page1.posts[3].quotes[0], page1.posts[4].quotes[0]
    assert (named.author, named.post_id, named.text) == (
        "Jörg", None, "Die Radarbilder aus Südkorea wären aufschlussreich.")
    assert (bare.author, bare.post_id, bare.text) == (None, None,
                                                      "Not conclusive, but interesting.")
    assert page1.posts[3].reply_to is None


def test_deleted_placeholder_and_ignored_member_are_skipped(page1: Thread, page2: Thread) -> None:
    assert [(s.reason, s.preview) for s in page1.skipped] == [
        ("deleted post", "This message by spambot has been removed from public view. "
                         "Jul 23, 2019")]
    assert [(s.reason, s.preview) for s in page2.skipped] == [
        ("ignored user", "Everyone here is paid by somebody.")]


def test_unread_badge_is_not_part_of_the_words(page2: Thread) -> None:
    post = page2.posts[-1]
    assert post.text == ("The next one came sooner than expected: another patrol was "
                         "announced today.")
    assert post.timestamp == datetime(2019, 7, 24, 19, 5, tzinfo=UTC)


def test_pages_merge_with_the_repeated_post_kept_once(page2: Thread) -> None:
    assert page2.url == URL  # the page-2 suffix is dropped
    thread = parse_paths([PAGE1, PAGE2])
    assert [p.id for p in thread.posts] == ["982611", "982615", "982622", "982630", "982644",
                                            "982661"]
    assert [p.position for p in thread.posts] == list(range(6))
    assert [s.reason for s in thread.skipped] == ["deleted post", "ignored user"]


def test_date_from_a_date_string_title_or_an_epoch() -> None:
    titled = ('<a class="datePermalink"><span class="DateTime" title="Dec 24, 2020 at 7:05 AM">'
              'Dec 24, 2020</span></a>')
    epoch = '<a class="datePermalink"><abbr class="DateTime" data-time="1608793509">x</abbr></a>'
    thread = XenForo1Parser().parse(document(_page(_message("a", "1", meta=titled),
                                                   _message("b", "2", meta=epoch))))
    assert [p.timestamp for p in thread.posts] == [datetime(2020, 12, 24, 7, 5, tzinfo=UTC),
                                                   datetime(2020, 12, 24, 7, 5, 9, tzinfo=UTC)]


def test_page_without_posts_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"no posts found \(is this a xenforo1 thread page"):
        XenForo1Parser().parse(document(_page()))


_PARTS = st.sampled_from([
    "text", "<br />", "<b>b</b>", "<div>", "</div>", "&nbsp;", "</blockquote>",
    '<div class="bbCodeBlock bbCodeQuote" data-author="x"><aside>',
    '<div class="attribution type">x said: <a href="goto/post?id=12#post-12" '
    'class="AttributionLink">&uarr;</a></div>', '<a class="AttributionLink" href="goto/post">',
    '<blockquote class="quoteContainer"><div class="quote">', '<div class="quoteExpand">Click',
    '<strong class="newIndicator">New</strong>', '<div class="messageTextEndMarker">&nbsp;</div>',
    '<span class="DateTime" title="not a date">', "</aside>", "</div>",
    '<div class="bbCodeBlock bbCodeQuote" data-author="x"><aside><div class="attribution type">'
    'x said: <a href="goto/post?id=12#post-12" class="AttributionLink">&uarr;</a></div>'
    '<blockquote class="quoteContainer"><div class="quote">q</div></blockquote></aside></div>',
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       POST_IDS, st.text(max_size=12))
def test_arbitrary_message_markup_gives_a_thread_or_our_error(
        parts: list[str], post_id: str, author: str) -> None:
    html = _page(_message("".join(parts), post_id=post_id.replace('"', ""),
                          author=author.replace('"', "")))
    thread_or_our_error(XenForo1Parser(), document(html))
