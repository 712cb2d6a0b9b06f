"""XenForo 2 saved thread pages: posts, authors, dates, own words and quote links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.errors import ParseError
from analyzer.model import Thread
from analyzer.parsers.engines.xenforo import XenForo2Parser

FIXTURES = Path(__file__).parent / "fixtures" / "xenforo2"
PAGE1 = FIXTURES / "thread-page1.html"
PAGE2 = FIXTURES / "thread-page2.html"


@pytest.fixture(scope="module")
def page1() -> Thread:
    return read_with(XenForo2Parser, PAGE1)


@pytest.fixture(scope="module")
def page2() -> Thread:
    return read_with(XenForo2Parser, PAGE2)


def _page(*articles: str, root: str = '<html id="XF" data-app="public">') -> str:
    body = "".join(articles)
    return f"<!DOCTYPE html>{root}<head><title>T</title></head><body>{body}</body></html>"


def _article(body: str, post_id: str = "7", author: str = "ann", extra: str = "") -> str:
    return (f'<article class="message message--post js-post" data-author="{author}" '
            f'data-content="post-{post_id}" id="js-post-{post_id}">{extra}'
            f'<article class="message-body js-selectToQuote"><div class="bbWrapper">{body}'
            f"</div></article></article>")


def test_thread_metadata_comes_from_title_and_canonical_url(page1: Thread) -> None:
    assert page1.engine == "xenforo2"
    assert page1.id == "4242"
    assert page1.title == "Bombers fly joint patrol over the Pacific"
    assert page1.url == ("https://forum.example.org/threads/"
                         "bombers-fly-joint-patrol-over-the-pacific.4242/")


def test_post_ids_authors_and_positions(page1: Thread) -> None:
    assert [p.id for p in page1.posts] == ["114210", "114215", "114230", "114244", "114260"]
    assert [p.author for p in page1.posts] == [
        "Place Of Space", "krstep", "dieketzer", "Müller", "dieketzer"]
    assert [p.position for p in page1.posts] == [0, 1, 2, 3, 4]
    assert all(p.source == str(PAGE1) for p in page1.posts)
    assert all(p.kind == "opinion" for p in page1.posts)


def test_timestamps_are_timezone_aware_and_keep_the_page_offset(page1: Thread) -> None:
    first, *_, german, last = page1.posts
    assert first.timestamp == datetime(2020, 12, 22, 18, 2, 11, tzinfo=UTC)
    assert german.timestamp == datetime(2020, 12, 23, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    # the "Last edited" time of an edited post is not its date
    assert last.timestamp == datetime(2020, 12, 23, 11, 20, 30, tzinfo=UTC)
    assert all(p.timestamp is not None and p.timestamp.tzinfo for p in page1.posts)


def test_text_has_paragraphs_but_no_signature_reactions_or_chrome(page1: Thread) -> None:
    first = page1.posts[0]
    assert first.text.startswith("Russian and Chinese bombers fly joint patrol over Pacific\n\n"
                                 "MOSCOW -- Russian")
    assert first.text.endswith("news.example.com/world/bombers-joint-patrol")
    leaks = ("Peace through strength", "para bellum", "Wer nicht kämpft", "Reactions",
             "and 3 others", "Last edited", "Reply", "Report", "Senior Member", "Joined", "#1",
             "Click to expand", "said:", "Featured")
    assert phrases_in(page1, leaks) == []


def test_quote_is_removed_from_text_and_linked_to_its_post(page1: Thread) -> None:
    reply = page1.posts[1]
    assert reply.text == (
        "This is just a show for the cameras.\n\n"
        "Two old bombers and four copies of a 1950s design do not make an alliance.")
    assert len(reply.quotes) == 1
    quote = reply.quotes[0]
    assert (quote.post_id, quote.author) == ("114210", "Place Of Space")
    assert quote.text.startswith("MOSCOW -- Russian and Chinese bombers")
    assert "Click to expand" not in quote.text
    assert reply.reply_to == "114210"


def test_nested_quote_belongs_to_the_quoted_post_not_the_outer_quote(page1: Thread) -> None:
    post = page1.posts[2]
    assert [(q.post_id, q.author) for q in post.quotes] == [("114215", "krstep")]
    assert post.quotes[0].text == "This is just a show for the cameras."
    assert "MOSCOW" not in post.text
    assert post.text.startswith("Joint patrols are a clear signal to Washington.")
    assert "First, the route crossed the Sea of Japan.\nSecond, it came" in post.text
    assert post.text.endswith("Draw your own conclusions ;)")
    assert post.reply_to == "114215"


def test_quote_without_data_attributes_uses_the_title_and_source_link(page1: Thread) -> None:
    post = page1.posts[4]
    assert [(q.post_id, q.author) for q in post.quotes] == [("114244", "Müller")]
    assert post.quotes[0].text == "Schöne Grüße aus München."
    assert post.text == "Danke! Greetings back from the coast."


def test_german_post_keeps_its_umlauts(page1: Thread) -> None:
    german = page1.posts[3]
    assert german.text == ("Die Übungen über dem Pazifik zeigen, dass Russland und China enger "
                           "zusammenarbeiten.\n\nSchöne Grüße aus München.")


def test_ads_and_image_only_posts_are_skipped_with_reasons(page1: Thread) -> None:
    reasons = [(s.reason, s.preview) for s in page1.skipped]
    assert ("advertisement", "Cheap flights to the Pacific! Book now and save 40%.") in reasons
    assert ("empty post", "post 114251 by Pacific Watcher") in reasons
    assert all(s.source == str(PAGE1) for s in page1.skipped)
    assert "Cheap flights" not in " ".join(p.text for p in page1.posts)


def test_windows_1252_page_declared_as_iso_8859_1_decodes_smart_quotes(page2: Thread) -> None:
    post = page2.posts[1]
    assert post.id == "114301"
    assert post.text.startswith("It’s the “strategic partnership” in action")
    assert "Müller is right about the Übungen." in post.text


def test_unattributed_quote_and_spoiler(page2: Thread) -> None:
    post = page2.posts[2]
    assert post.quotes[0].text == "Partnership is not an alliance."
    assert (post.quotes[0].post_id, post.quotes[0].author, post.reply_to) == (None, None, None)
    assert post.text == "Exactly my point.\n\nThey will patrol again next year."


def test_xenforo_2_3_epoch_attribute_is_understood() -> None:
    time = ('<header class="message-attribution"><time class="u-dt" data-timestamp="1608793509" '
            'data-time="7:05 AM">Dec 24</time></header>')
    thread = XenForo2Parser().parse(document(_page(_article("hello", extra=time))))
    assert thread.posts[0].timestamp == datetime(2020, 12, 24, 7, 5, 9, tzinfo=UTC)


def test_pages_merge_with_the_repeated_first_post_kept_once() -> None:
    thread = parse_paths([PAGE1, PAGE2])
    ids = [p.id for p in thread.posts]
    assert ids.count("114210") == 1
    assert ids == ["114210", "114215", "114230", "114244", "114260", "114301", "114302"]
    assert [p.position for p in thread.posts] == list(range(7))
    assert thread.url.endswith(".4242/")
    assert len(thread.skipped) == 2


def test_page_url_loses_its_page_suffix(page2: Thread) -> None:
    assert page2.url == ("https://forum.example.org/threads/"
                         "bombers-fly-joint-patrol-over-the-pacific.4242/")
    assert page2.id == "4242"


def test_can_parse_wants_xenforo_2_markup() -> None:
    assert XenForo2Parser.can_parse(document(_page(_article("hi"), root="<html>")))
    assert not XenForo2Parser.can_parse(
        document("<html><body><p>hello bbWrapper</p></body></html>"))
    assert not XenForo2Parser.can_parse(document('{"text": "message--post bbWrapper"}', "a.jsonl"))
    xf1 = '<html id="XenForo"><body><li id="post-1" class="message">hi</li></body></html>'
    assert not XenForo2Parser.can_parse(document(xf1))


def test_xenforo_page_without_posts_is_a_parse_error() -> None:
    forum_index = _page('<div class="block"><h2 class="block-header">Forums</h2></div>')
    assert XenForo2Parser.can_parse(document(forum_index, "index.html"))
    with pytest.raises(ParseError) as raised:
        XenForo2Parser().parse(document(forum_index, "index.html"))
    assert str(raised.value) == (
        "index.html: no posts found (is this a xenforo2 thread page?); looked for posts at "
        "'.message--post, .message--article' with their words at '.message-body .bbWrapper, "
        ".message-userContent .bbWrapper, .message-body'; choose another engine with "
        "--engine NAME or describe the page's markup with --selectors FILE.toml")


def test_thread_id_falls_back_to_content_key_then_file_stem() -> None:
    keyed = _page(_article("hi"), root='<html id="XF" data-content-key="thread-99">')
    assert XenForo2Parser().parse(document(keyed)).id == "99"
    assert XenForo2Parser().parse(document(_page(_article("hi")), "saved/my-thread.html")).id == \
        "my-thread"


def test_deleted_and_id_less_posts_are_skipped() -> None:
    deleted = ('<article class="message message--post message--deleted js-post" '
               'data-author="bob" data-content="post-8"><div class="bbWrapper">x</div></article>')
    anonymous = '<article class="message message--post"><div class="bbWrapper">who</div></article>'
    thread = XenForo2Parser().parse(document(_page(_article("kept"), deleted, anonymous)))
    assert [p.id for p in thread.posts] == ["7"]
    assert [s.reason for s in thread.skipped] == ["deleted post", "no post id"]


def test_author_falls_back_to_the_name_block() -> None:
    name = '<h4 class="message-name"><a class="username">Zoë</a></h4>'
    html = _page(_article("hi", author="", extra=name))
    assert XenForo2Parser().parse(document(html)).posts[0].author == "Zoë"


_BODY_PARTS = st.sampled_from([
    "text", "<br />", "<b>bold</b>", "<ul><li>item</li></ul>", "<div>", "</div>", "&nbsp;",
    '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-quote="x" data-source="post: 1">',
    '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-source="junk">', "</blockquote>",
    '<div class="bbCodeBlock-title">x said:</div>', "<pre>a\n b</pre>", "<script>x</script>",
    '<time class="u-dt" datetime="not a date" data-time="99999999999999999999"></time>',
])


@given(st.text(max_size=400))
def test_arbitrary_text_gives_a_thread_or_our_error(text: str) -> None:
    thread_or_our_error(XenForo2Parser(), document(text, "fuzz.html"))


@given(st.lists(st.one_of(_BODY_PARTS, st.text(max_size=30)), max_size=25),
       st.text(max_size=20), st.text(max_size=12))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], author: str, post_id: str) -> None:
    html = _page(_article("".join(parts), post_id=post_id, author=author.replace('"', "")))
    thread_or_our_error(XenForo2Parser(), document(html))
