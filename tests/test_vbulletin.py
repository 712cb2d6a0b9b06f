"""vBulletin 3 and 4 saved thread pages: posts, dates, own words, quote links, stubs."""

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
from analyzer.parsers.engines.vbulletin import (
    VBulletin3Parser,
    VBulletin4Parser,
    linked_post_id,
    thread_address,
)

FIXTURES = Path(__file__).parent / "fixtures"
V3_PAGE1 = FIXTURES / "vbulletin3" / "thread-page1.html"
V3_PAGE2 = FIXTURES / "vbulletin3" / "thread-page2.html"
V4_PAGE1 = FIXTURES / "vbulletin4" / "thread-page1.html"
V4_PAGE2 = FIXTURES / "vbulletin4" / "thread-page2.html"
V3_LEAKS = ("Per ardua", "______", "Last edited", "Reason:", "typo", "Quote:", "Originally Posted",
            "Senior Member", "Join Date", "Reply With Quote", "is offline", "View Post",
            "Troll_9000", "ignore list", "Russian and Chinese bombers on joint patrol")
V4_LEAKS = ("Clear skies", "Last edited", "Reason", "spelling", "Originally Posted", "Quote",
            "View Profile", "Join Date", "Senior Member", "Reply With Quote", "#1", "bot_account",
            "deleted by", "Joint bomber patrol over the Sea of Japan")


@pytest.fixture(scope="module")
def v3() -> Thread:
    return read_with(VBulletin3Parser, V3_PAGE1)


@pytest.fixture(scope="module")
def v4() -> Thread:
    return read_with(VBulletin4Parser, V4_PAGE1)


def _when(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# vBulletin 3 ----------------------------------------------------------------


def test_v3_thread_takes_title_from_navbar_and_id_from_quick_reply_form(v3: Thread) -> None:
    assert (v3.engine, v3.id, v3.title, v3.url) == (
        "vbulletin3", "4242", "Russian and Chinese bombers on joint patrol", None)


def test_v3_post_ids_authors_and_dates(v3: Thread) -> None:
    assert [p.id for p in v3.posts] == ["114210", "114215", "114230", "114244", "114260"]
    assert [p.author for p in v3.posts] == ["Kestrel", "Volkov", "Hamburger Jung", "Marlin",
                                            "Kestrel"]
    assert [p.timestamp for p in v3.posts] == [
        _when(2019, 5, 26, 16, 34), _when(2019, 5, 26, 17, 2), _when(2019, 5, 26, 18, 15),
        # the edit note says 05-27-2019 at 10:00 AM; the post date is the thead's
        _when(2019, 5, 26, 20, 41), _when(2019, 5, 27, 7, 15)]
    assert [p.position for p in v3.posts] == list(range(5))


def test_v3_text_keeps_paragraphs_but_no_signature_edit_note_or_chrome(v3: Thread) -> None:
    first = v3.posts[0]
    assert first.text.startswith("Two Russian Tu-95MS and two Chinese H-6K bombers")
    assert "defence ministry.\n\nSouth Korea scrambled" in first.text
    assert first.text.endswith("more about politics than about tactics.")
    assert v3.posts[3].text == ("Annoying is an understatement, they fired warning shots at the "
                                "A-50.\n\nSeoul will protest to both capitals.")
    assert phrases_in(v3, V3_LEAKS, quotes=True) == []


def test_v3_quote_is_linked_to_the_quoted_post_and_left_out_of_the_text(v3: Thread) -> None:
    reply = v3.posts[1]
    assert reply.text == "Совместное патрулирование — это сигнал Вашингтону, а не Сеулу.\n" \
                         "Nothing more, nothing less."
    assert [(q.post_id, q.author, q.text) for q in reply.quotes] == [
        ("114210", "Kestrel", "This is the first time the two air forces have flown a combined "
                              "long-range patrol in the region.")]
    assert reply.reply_to == "114210"


def test_v3_nested_quote_belongs_to_the_inner_post_not_the_outer_quote(v3: Thread) -> None:
    post = v3.posts[2]
    assert [(q.post_id, q.author) for q in post.quotes] == [("114215", "Volkov")]
    assert post.quotes[0].text == "Совместное патрулирование — это сигнал Вашингтону, а не Сеулу."
    assert post.reply_to == "114215"
    assert post.text == ("Ich glaube nicht, dass Moskau und Peking schon ein echtes Bündnis "
                         "haben.\nFür Südkorea war der Überflug trotzdem ärgerlich.")


def test_v3_quote_without_link_keeps_its_author_and_bare_quote_keeps_neither(v3: Thread) -> None:
    named, bare = v3.posts[3].quotes[0], v3.posts[4].quotes[0]
    assert (named.author, named.post_id, named.text) == (
        "Hamburger Jung", None, "Für Südkorea war der Überflug trotzdem ärgerlich.")
    assert (bare.author, bare.post_id, bare.text) == (None, None,
                                                      "Seoul will protest to both capitals.")
    assert v3.posts[3].reply_to is None and v3.posts[4].reply_to is None
    assert v3.posts[4].text == "And both capitals will shrug. Same again next year, I expect."


def test_v3_ignored_member_stub_is_skipped_with_its_notice(v3: Thread) -> None:
    assert [(s.reason, s.preview) for s in v3.skipped] == [
        ("ignored user", "This message is hidden because Troll_9000 is on your ignore list.")]


def test_v3_page2_deleted_stub_relative_date_and_guest_author() -> None:
    page2 = read_with(VBulletin3Parser, V3_PAGE2)
    assert [s.reason for s in page2.skipped] == ["deleted post"]
    assert "Message Deleted by Moderator" in page2.skipped[0].preview
    guest = page2.posts[1]
    assert (guest.id, guest.author, guest.timestamp) == ("114268", "Guest Reader", None)


def test_v3_postbit_layout_date_is_read_past_the_post_number() -> None:
    html = ('<html><body><table class="tborder" id="post77"><tr><td class="thead">'
            '<div class="normal" style="float:right">&nbsp; #<a href="showpost.php?p=77&amp;'
            'postcount=3" id="postcount77" name="3"><strong>3</strong></a> &nbsp;</div>'
            '<div class="normal"><a name="post77"><img class="inlineimg" alt="Old" '
            'src="images/statusicon/post_old.gif" /></a> 26.05.2019, 16:34</div></td></tr>'
            '<tr><td class="alt2" style="padding:0px"><table><tr><td nowrap="nowrap">'
            '<div id="postmenu_77"><a class="bigusername" href="member.php?u=5">Gast</a></div>'
            '</td></tr></table></td></tr><tr><td class="alt1" id="td_post_77">'
            '<div id="post_message_77">Hallo</div></td></tr></table></body></html>')
    post = VBulletin3Parser().parse(document(html)).posts[0]
    assert (post.id, post.author, post.timestamp, post.text) == (
        "77", "Gast", _when(2019, 5, 26, 16, 34), "Hallo")


def test_v3_pages_merge_in_order_with_the_repeated_post_kept_once() -> None:
    thread = parse_paths([V3_PAGE1, V3_PAGE2])
    assert [p.id for p in thread.posts] == ["114210", "114215", "114230", "114244", "114260",
                                            "114268"]
    assert [p.position for p in thread.posts] == list(range(6))
    assert [s.reason for s in thread.skipped] == ["ignored user", "deleted post"]


# vBulletin 4 ----------------------------------------------------------------


def test_v4_thread_metadata_from_title_span_and_canonical_link(v4: Thread) -> None:
    assert (v4.engine, v4.id, v4.title) == ("vbulletin4", "5150",
                                            "Joint bomber patrol over the Sea of Japan")
    # made absolute against <base href>, without the session id
    assert v4.url == "https://airwar.example.net/forum/showthread.php?t=5150"


def test_v4_post_ids_authors_and_dates(v4: Thread) -> None:
    assert [p.id for p in v4.posts] == ["2729870", "2729874", "2729881", "2729890", "2729902"]
    assert [p.author for p in v4.posts] == ["Skywatcher", "Ivan_D", "Lena K.", "Old Navigator",
                                            "Skywatcher"]
    assert [p.timestamp for p in v4.posts] == [
        _when(2019, 7, 23, 9, 12), _when(2019, 7, 23, 9, 40), _when(2019, 7, 23, 10, 5),
        # edited 07-24-2019 at 08:15 AM; that is not the post date
        _when(2019, 7, 23, 11, 30), _when(2019, 7, 23, 13, 47)]


def test_v4_text_has_no_signature_edit_note_or_chrome(v4: Thread) -> None:
    first = v4.posts[0]
    assert first.text.startswith("Reports say two Tu-95 and two H-6 bombers flew together")
    assert first.text.endswith("Japan and South Korea both scrambled fighters.")
    assert v4.posts[3].text == ("Practising together is not the same as fighting together.\n\n"
                                "Still, the route was chosen to annoy everyone at once.")
    assert phrases_in(v4, V4_LEAKS, quotes=True) == []


def test_v4_quotes_link_to_posts_and_nested_quotes_stay_with_their_post(v4: Thread) -> None:
    assert [(q.post_id, q.author) for q in v4.posts[1].quotes] == [("2729870", "Skywatcher")]
    nested = v4.posts[2]
    assert [(q.post_id, q.author, q.text) for q in nested.quotes] == [
        ("2729874", "Ivan_D", "Это не альянс, а демонстрация.")]
    assert (v4.posts[1].reply_to, nested.reply_to) == ("2729870", "2729874")


def test_v4_named_and_bare_quotes_have_no_link(v4: Thread) -> None:
    named, bare = v4.posts[3].quotes[0], v4.posts[4].quotes[0]
    assert (named.author, named.post_id) == ("Lena K.", None)
    assert named.text == "Russland und China üben gemeinsam."
    assert (bare.author, bare.post_id) == (None, None)
    assert bare.text == "Practising together is not the same as fighting together."


def test_v4_bare_quote_does_not_take_the_link_of_a_quote_nested_in_it() -> None:
    nested = ('<div class="bbcode_container"><div class="bbcode_quote">'
              '<div class="quote_container"><div class="bbcode_postedby">'
              'Originally Posted by <strong>B</strong> '
              '<a href="showthread.php?p=12#post12">v</a></div><div class="message">old</div>'
              '</div></div></div>')
    outer = ('<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">'
             f'<div class="bbcode_quote_container"></div>{nested}middle</div></div></div>mine')
    html = ('<html id="vbulletin_html"><body><ol id="posts"><li class="postbitlegacy" '
            f'id="post_5"><div id="post_message_5"><blockquote class="postcontent restore">{outer}'
            '</blockquote></div></li></ol></body></html>')
    post = VBulletin4Parser().parse(document(html)).posts[0]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [(None, None, "middle")]
    assert (post.text, post.reply_to) == ("mine", None)


def test_v4_non_ascii_words_survive(v4: Thread) -> None:
    assert v4.posts[1].text.startswith("Это не альянс, а демонстрация.")
    assert v4.posts[2].text == ("Die Botschaft an Tokio ist klar: Russland und China üben "
                                "gemeinsam.\n\nSchöne Grüße aus Köln.")
    assert "中俄联合空中战略巡航" in v4.posts[4].text


def test_v4_deleted_and_ignored_posts_are_skipped(v4: Thread) -> None:
    assert [s.reason for s in v4.skipped] == ["deleted post"]
    page2 = read_with(VBulletin4Parser, V4_PAGE2)
    assert [s.reason for s in page2.skipped] == ["ignored user"]
    assert "flamer" in page2.skipped[0].preview
    today = page2.posts[-1]
    assert (today.id, today.author, today.timestamp) == ("2729911", "Ivan_D", None)


def test_v4_pages_merge_with_the_repeated_post_kept_once() -> None:
    thread = parse_paths([V4_PAGE1, V4_PAGE2])
    assert [p.id for p in thread.posts] == ["2729870", "2729874", "2729881", "2729890",
                                            "2729902", "2729911"]
    assert thread.url == "https://airwar.example.net/forum/showthread.php?t=5150"
    assert [s.reason for s in thread.skipped] == ["deleted post", "ignored user"]


# Small pieces ----------------------------------------------------------------


@pytest.mark.parametrize(("href", "post_id"), [
    ("showthread.php?p=2729870#post2729870", "2729870"),
    ("showthread.php?s=75ed28c9b9400f01a06c3fd96e90ea53&p=8558318#post8558318", "8558318"),
    ("https://f.example/forum/a/88417-title?p=88420#post88420", "88420"),
    ("showthread.php?t=4242#post99", "99"),
    ("https://f.example/forum/a/88417-title", None),
])
def test_linked_post_id_reads_p_parameters_and_post_anchors(href: str, post_id: str | None) -> None:
    assert linked_post_id(href) == post_id


def test_thread_address_drops_session_page_and_page_path() -> None:
    assert thread_address("showthread.php?t=5150&page=2&s=5d1f0c3e") == "showthread.php?t=5150"
    assert thread_address("https://f.example/f/a/88417-x/page3") == "https://f.example/f/a/88417-x"


def test_v4_friendly_url_gives_the_thread_id() -> None:
    html = ('<html id="vbulletin_html"><head><link rel="canonical" '
            'href="https://f.example/threads/777-joint-patrol/page2"></head><body><ol id="posts">'
            '<li class="postbitlegacy postcontainer" id="post_5"><div class="posthead">'
            '<span class="date">01-02-2020</span></div><div id="post_message_5">'
            '<blockquote class="postcontent restore">hi</blockquote></div></li></ol></body></html>')
    thread = VBulletin4Parser().parse(document(html))
    assert (thread.id, thread.url) == ("777", "https://f.example/threads/777-joint-patrol")
    assert thread.posts[0].timestamp == _when(2020, 1, 2)


def test_page_without_posts_is_a_parse_error() -> None:
    forum_index = '<html><head><meta name="generator" content="vBulletin 3.8.7"></head>' \
                  '<body><table class="tborder"><tr><td class="alt1">Forums</td></tr></table>' \
                  '</body></html>'
    assert VBulletin3Parser.can_parse(document(forum_index))
    with pytest.raises(ParseError, match=r"no posts found \(is this a vbulletin3 thread page"):
        VBulletin3Parser().parse(document(forum_index))


# Arbitrary markup -------------------------------------------------------------

_V3_PARTS = st.sampled_from([
    "text", "<br />", "<b>b</b>", "<div>", "</div>", "&nbsp;", "<table>", "</table>",
    '<div style="margin:20px; margin-top:5px; "><div class="smallfont">Quote:</div>',
    '<table cellpadding="6"><tr><td class="alt2" style="border:1px inset">', "</td></tr>",
    '<div>Originally Posted by <strong>x</strong> <a href="showthread.php?p=12#post12">v</a>',
    '<div style="font-style:italic">', '<a href="showthread.php?p=junk">', "</a>",
    '<a href="profile.php?do=ignorelist">ignore</a>', "<script>x</script>", "__________________",
    '<div style="margin:20px"><div class="smallfont">Quote:</div><table><tr><td class="alt2">'
    '<div>Originally Posted by <strong>x</strong> <a href="showthread.php?p=12#post12">v</a>'
    '</div><div style="font-style:italic">q</div></td></tr></table></div>',
])


@given(st.lists(st.one_of(_V3_PARTS, st.text(max_size=20)), max_size=25),
       POST_IDS, st.text(max_size=30))
def test_v3_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], post_id: str, date: str) -> None:
    html = ('<html><head><meta name="generator" content="vBulletin 3.8.7"></head><body>'
            f'<table id="post{post_id.replace(chr(34), "")}" class="tborder">'
            f'<tr><td class="thead">{date.replace("<", "")}</td></tr><tr><td class="alt1">'
            f'<a class="bigusername">ann</a><div id="post_message_1">{"".join(parts)}</div>'
            '</td></tr></table></body></html>')
    thread_or_our_error(VBulletin3Parser(), document(html))


_V4_PARTS = st.sampled_from([
    "text", "<br />", "<i>i</i>", "<div>", "</div>", "&nbsp;",
    '<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">',
    '<div class="bbcode_postedby">Originally Posted by <strong>x</strong>',
    '<a href="showthread.php?p=12#post12" rel="nofollow">v</a>', '<a href="?p=">', "</a>",
    '<div class="message">', '<div class="bbcode_description">Code:</div><pre class="bbcode_code">',
    "</pre>", '<blockquote class="signature restore">', "</blockquote>", "<span class=\"time\">",
])


@given(st.lists(st.one_of(_V4_PARTS, st.text(max_size=20)), max_size=25),
       POST_IDS, st.text(max_size=12))
def test_v4_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], post_id: str, author: str) -> None:
    html = ('<html id="vbulletin_html"><body><ol id="posts">'
            f'<li class="postbitlegacy postcontainer" id="post_{post_id.replace(chr(34), "")}">'
            f'<div class="posthead"><span class="date">{author.replace("<", "")}</span></div>'
            f'<a class="username"><strong>{author.replace("<", "")}</strong></a>'
            f'<div id="post_message_1"><blockquote class="postcontent restore">{"".join(parts)}'
            '</blockquote></div></li></ol></body></html>')
    thread_or_our_error(VBulletin4Parser(), document(html))
