"""Invision Community 4 saved topic pages: posts, dates, own words, quote links, ignored users."""

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
from analyzer.parsers.engines.invision import Invision4Parser, citation_name

FIXTURES = Path(__file__).parent / "fixtures"
PAGE1 = FIXTURES / "invision4" / "topic-page1.html"
PAGE2 = FIXTURES / "invision4" / "topic-page2.html"
LEAKS = ("Si vis pacem", "Watching the straits", "Edited", "typo in the island", "Posted",
         "said:", "Quote", "Like 3", "Share", "Senior Members", "4.8k", "Patrol Denier",
         "staged for television", "Powered by", "Reply to this topic")


@pytest.fixture(scope="module")
def page1() -> Thread:
    return read_with(Invision4Parser, PAGE1)


def _article(content: str, comment_id: str = "7", extra: str = "", meta: str = "",
             quotedata: str = "") -> str:
    data = f" data-quoteData='{quotedata}'" if quotedata else ""
    return (f"<article id='elComment_{comment_id}' class='cPost ipsBox ipsComment'>{extra}"
            f"<div data-controller='core.front.core.comment' data-commentID='{comment_id}'{data}>"
            f"<div class='ipsComment_meta ipsType_light'>{meta}</div>"
            f"<div data-role='commentContent' class='ipsType_normal ipsType_richText'>{content}"
            f"</div></div></article>")


def _page(*articles: str) -> str:
    return ("<!DOCTYPE html><html><head><title>T</title></head>"
            f"<body class='ipsApp ipsApp_front'>{''.join(articles)}</body></html>")


def test_thread_metadata_comes_from_the_title_and_canonical_url(page1: Thread) -> None:
    assert (page1.engine, page1.id) == ("invision4", "7312")
    assert page1.title == "Bombers fly joint patrol over the Sea of Japan"
    assert page1.url == ("https://community.example.net/topic/"
                         "7312-bombers-fly-joint-patrol-over-the-sea-of-japan/")


def test_post_ids_authors_and_positions(page1: Thread) -> None:
    assert [p.id for p in page1.posts] == ["100201", "100214", "100230", "100247", "100262"]
    assert [p.author for p in page1.posts] == [
        "Steppenwolf", "Kalinka", "Harbour Watcher", "Jürgen Müller", "Steppenwolf"]
    assert [p.position for p in page1.posts] == [0, 1, 2, 3, 4]
    assert all(p.source == str(PAGE1) for p in page1.posts)


def test_timestamps_come_from_the_date_line_not_the_edit_note(page1: Thread) -> None:
    assert [p.timestamp for p in page1.posts] == [
        datetime(2019, 7, 23, 10, 0, tzinfo=UTC), datetime(2019, 7, 23, 10, 42, tzinfo=UTC),
        datetime(2019, 7, 23, 12, 5, tzinfo=UTC), datetime(2019, 7, 23, 14, 30, tzinfo=UTC),
        datetime(2019, 7, 23, 16, 10, tzinfo=UTC)]


def test_text_is_the_authors_words_without_signature_edit_note_or_chrome(page1: Thread) -> None:
    first, _, edited, *_ = page1.posts
    assert first.text.startswith("Two Russian Tu-95MS and two Chinese H-6K bombers")
    assert first.text.endswith("What do you make of it?")
    assert edited.text == ("Planned or not, Seoul scrambled fighters and Tokyo protested "
                           "within hours.\n\nThe route over Dokdo was chosen to test both of them.")
    assert phrases_in(page1, LEAKS) == []


def test_quote_is_linked_to_its_post_and_taken_out_of_the_text(page1: Thread) -> None:
    reply = page1.posts[1]
    assert [(q.post_id, q.author, q.text) for q in reply.quotes] == [
        ("100201", "Steppenwolf",
         "It is the first time the two air forces have patrolled together.")]
    assert reply.text.startswith("It was planned for months.")
    assert reply.reply_to == "100201"


def test_nested_quote_belongs_to_the_quoted_post_not_the_outer_quote(page1: Thread) -> None:
    post = page1.posts[2]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        ("100214", "Kalinka", "It was planned for months.")]
    assert "first time" not in post.text
    assert post.reply_to == "100214"


def test_quote_named_only_by_data_cite_has_a_speaker_but_no_post(page1: Thread) -> None:
    post = page1.posts[3]
    assert [(q.post_id, q.author) for q in post.quotes] == [(None, "Harbour Watcher")]
    assert post.quotes[0].text == "Seoul scrambled fighters and Tokyo protested within hours."
    assert post.reply_to is None


def test_german_and_russian_words_are_kept_intact(page1: Thread) -> None:
    assert page1.posts[3].text == ("Die gemeinsame Patrouille über dem Japanischen Meer zeigt, "
                                   "dass Moskau und Peking enger zusammenrücken.\n\n"
                                   "Schöne Grüße aus Köln.")
    assert "Это была первая совместная патрульная миссия" in page1.posts[1].text
    assert page1.posts[4].quotes[0].author == "Jürgen Müller"


def test_post_of_an_ignored_member_is_skipped(page1: Thread) -> None:
    assert [(s.reason, s.preview) for s in page1.skipped] == [
        ("ignored user", "The whole patrol was staged for television. Nothing flew.")]


def test_pages_merge_in_order_with_the_repeated_post_kept_once() -> None:
    thread = parse_paths([PAGE1, PAGE2])
    assert [p.id for p in thread.posts] == ["100201", "100214", "100230", "100247", "100262",
                                            "100270", "100281"]
    assert [p.position for p in thread.posts] == list(range(7))
    assert thread.url.endswith("/topic/7312-bombers-fly-joint-patrol-over-the-sea-of-japan/")
    assert thread.posts[-1].author == "Guest Reader"


def test_page_two_address_loses_its_page_suffix() -> None:
    thread = read_with(Invision4Parser, PAGE2)
    assert (thread.id, thread.url) == ("7312", "https://community.example.net/topic/"
                                       "7312-bombers-fly-joint-patrol-over-the-sea-of-japan/")


def test_quotedata_supplies_the_speaker_and_date_a_guest_post_lacks() -> None:
    data = '{"userid":0,"username":"Visitor","timestamp":1563876000,"contentcommentid":7}'
    thread = Invision4Parser().parse(document(_page(_article("<p>hello</p>", quotedata=data))))
    post = thread.posts[0]
    assert (post.id, post.author, post.timestamp) == (
        "7", "Visitor", datetime(2019, 7, 23, 10, 0, tzinfo=UTC))


def test_broken_quotedata_gives_no_speaker_rather_than_an_error() -> None:
    thread = Invision4Parser().parse(document(_page(_article("<p>hi</p>", quotedata="{not json"))))
    assert (thread.posts[0].author, thread.posts[0].timestamp) == (None, None)


def test_citation_header_names_the_speaker_when_attributes_are_missing() -> None:
    quote = ('<blockquote class="ipsQuote"><div class="ipsQuote_citation">On 23/07/2019 at '
             '10:00, Kalinka said:</div><div class="ipsQuote_contents"><p>q</p></div></blockquote>')
    thread = Invision4Parser().parse(document(_page(_article(quote + "<p>reply</p>"))))
    assert [(q.author, q.text) for q in thread.posts[0].quotes] == [("Kalinka", "q")]
    assert citation_name("Quote") is None
    assert citation_name("Am 23.07.2019 um 10:00 schrieb Jürgen Müller:") == "Jürgen Müller"


def test_can_parse_wants_invision_markup() -> None:
    assert Invision4Parser.can_parse(document("<html><body><article id='elComment_5' "
                                              "class='cPost'></article></body></html>"))
    assert not Invision4Parser.can_parse(
        document("<html><body><p>ipsApp is a word</p></body></html>"))
    assert not Invision4Parser.can_parse(document('{"class": "ipsApp"}', "a.json"))


def test_invision_page_without_posts_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"no posts found \(is this a invision4 thread page\?\)"):
        Invision4Parser().parse(document(_page("<div class='ipsBox'>Forums</div>")))


_PARTS = st.sampled_from([
    "text", "<p>", "</p>", "<br>", "<strong>b</strong>", "&nbsp;", "<div>", "</div>",
    '<blockquote class="ipsQuote" data-ipsquote-username="x" '
    'data-ipsquote-contentcommentid="12">',
    '<blockquote class="ipsQuote" data-cite="">', "</blockquote>",
    '<div class="ipsQuote_citation">On 1/1/2019, y said:</div>',
    "<span class='ipsType_reset ipsType_medium ipsType_light' data-excludequote>Edited",
    "</span>", '<div data-role="memberSignature">sig</div>',
    "<time datetime='garbage'>x</time>", "<script>x</script>",
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=12), st.text(max_size=40))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], comment_id: str, quotedata: str) -> None:
    meta = "<time datetime='2019-07-23T10:00:00Z'>x</time>" if len(parts) % 2 else ""
    html = _page(_article("".join(parts), comment_id=comment_id.replace("'", ""), meta=meta,
                          quotedata=quotedata.replace("'", "")))
    thread_or_our_error(Invision4Parser(), document(html))
