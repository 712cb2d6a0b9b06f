"""old.reddit.com saved comments pages: nesting, base-36 ids, own words, stubs and deletions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.model import Thread
from analyzer.parsers.engines.reddit_html import OldRedditParser, decimal_id

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "old-reddit" / "comments-page.html"
CONTINUED = FIXTURES / "old-reddit" / "continue-thread.html"
OP, A01, B02, C03, D04, E05, F06 = (str(int(x, 36)) for x in (
    "cgqz7m", "eum1a01", "eum1b02", "eum1c03", "eum1d04", "eum1e05", "eum1f06"))
LEAKS = ("[deleted]", "points", "permalink", "parent", "children", "load more", "continue this",
         "Major news", "submitted", "reply", "embed", "5 years ago", "*")


@pytest.fixture(scope="module")
def page() -> Thread:
    return read_with(OldRedditParser, PAGE)


def _comment(thing_id: str, body: str, children: str = "", extra: str = "",
             classes: str = "comment") -> str:
    return (f'<div class="thing {classes}" data-fullname="t1_{thing_id}" data-author="u{thing_id}">'
            f'<div class="entry"><p class="tagline">{extra}</p><div class="usertext-body">'
            f'<div class="md">{body}</div></div></div><div class="child">{children}</div></div>')


def _page(*things: str) -> str:
    body = "".join(things)
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"


def test_thread_metadata_comes_from_the_submission(page: Thread) -> None:
    assert (page.engine, page.id) == ("old-reddit", OP)
    assert page.title == "Russian and Chinese bombers fly first joint patrol over the Sea of Japan"
    assert page.url == ("https://www.reddit.com/r/worldnews/comments/cgqz7m/"
                        "russian_and_chinese_bombers_fly_first_joint/")


def test_posts_come_depth_first_with_decimal_ids(page: Thread) -> None:
    assert [p.id for p in page.posts] == [OP, A01, B02, D04, E05]
    assert [p.author for p in page.posts] == [
        "Steppenwolf", "Kalinka", "Harbour_Watcher", "juergen_mueller", "zhang_wei_88"]
    assert [p.position for p in page.posts] == [0, 1, 2, 3, 4]
    assert decimal_id("eum1a01") == "32325949153"


def test_timestamps_are_the_post_dates_not_the_edit_dates(page: Thread) -> None:
    assert [p.timestamp for p in page.posts] == [
        datetime(2019, 7, 23, 10, 0, tzinfo=UTC), datetime(2019, 7, 23, 10, 42, tzinfo=UTC),
        datetime(2019, 7, 23, 12, 5, tzinfo=UTC), datetime(2019, 7, 23, 14, 30, tzinfo=UTC),
        datetime(2019, 7, 23, 15, 0, tzinfo=UTC)]


def test_every_comment_answers_its_parent_or_the_submission(page: Thread) -> None:
    assert [p.reply_to for p in page.posts] == [None, OP, A01, C03, OP]


def test_a_comment_holds_only_its_own_words_never_its_answers(page: Thread) -> None:
    submission, first, second, _, last = page.posts
    assert submission.text.startswith("Two Russian Tu-95MS and two Chinese H-6K bombers")
    assert submission.text.endswith("What do you make of it?")
    assert first.text == ("It was planned for months. Это была первая совместная патрульная "
                          "миссия, и она точно не последняя.")
    assert second.text == ("Planned or not, Seoul scrambled fighters and Tokyo protested "
                           "within hours.\n\nThe route over Dokdo was chosen to test both of them.")
    assert last.text.startswith("这是中俄首次联合空中战略巡航。")
    assert phrases_in(page, LEAKS) == []


def test_markdown_quotes_have_no_speaker_and_nested_ones_are_dropped(page: Thread) -> None:
    assert [(q.text, q.author, q.post_id) for q in page.posts[1].quotes] == [
        ("It is the first time the two air forces have patrolled together.", None, None)]
    assert [q.text for q in page.posts[2].quotes] == ["It was planned for months."]


def test_a_wrote_line_stays_words_as_in_the_reddit_json_parser(page: Thread) -> None:
    german = page.posts[3]
    assert [(q.text, q.author) for q in german.quotes] == [
        ("Seoul scrambled fighters and Tokyo protested within hours.", None)]
    assert german.text == ("Harbour_Watcher wrote:\n\nDie gemeinsame Patrouille über dem "
                           "Japanischen Meer zeigt, dass Moskau und Peking enger "
                           "zusammenrücken.\n\nSchöne Grüße aus Köln.")


def test_deleted_comment_and_more_comments_stubs_are_skipped(page: Thread) -> None:
    assert [(s.reason, s.preview) for s in page.skipped] == [
        ("deleted post", "[deleted]"), ("more comments", "continue this thread →"),
        ("more comments", "load more comments (3 replies)")]


def test_continue_this_thread_page_merges_with_the_repeats_kept_once() -> None:
    thread = parse_paths([PAGE, CONTINUED])
    assert [p.id for p in thread.posts] == [OP, A01, B02, D04, E05, F06]
    assert thread.posts[-1].reply_to == D04
    continued = read_with(OldRedditParser, CONTINUED)
    assert continued.posts[1].reply_to == C03  # from the parent permalink
    assert (continued.id, continued.url) == (thread.id, thread.url)


def test_link_post_without_self_text_is_its_title() -> None:
    link = ('<div class="thing link" data-fullname="t3_abc" data-author="op">'
            '<div class="entry"><p class="title"><a class="title" href="https://x.example/a">'
            'Bombers over the Pacific</a></p><p class="tagline"><time datetime='
            '"2019-07-23T10:00:00+00:00" class="live-timestamp">x</time> <time '
            'class="edited-timestamp" datetime="2019-07-24T10:00:00+00:00">*</time></p>'
            '</div></div>')
    thread = OldRedditParser().parse(document(_page(link, _comment("def", "<p>hi</p>"))))
    assert [(p.id, p.text, p.reply_to) for p in thread.posts] == [
        (str(int("abc", 36)), "Bombers over the Pacific", None),
        (str(int("def", 36)), "hi", str(int("abc", 36)))]
    assert thread.posts[0].timestamp == datetime(2019, 7, 23, 10, 0, tzinfo=UTC)


def test_a_childs_date_never_stands_in_for_a_missing_one() -> None:
    child = _comment("b", "<p>child</p>",
                     extra='<time datetime="2019-07-23T12:00:00+00:00" class="live-timestamp">')
    thread = OldRedditParser().parse(document(_page(_comment("a", "<p>parent</p>", child))))
    assert [(p.text, p.timestamp is None) for p in thread.posts] == [
        ("parent", True), ("child", False)]
    assert thread.posts[1].reply_to == str(int("a", 36))


def test_removed_comment_with_answers_is_skipped_and_its_answers_kept() -> None:
    html = _page(_comment("a", "<p>[removed]</p>", _comment("b", "<p>still here</p>")))
    thread = OldRedditParser().parse(document(html))
    assert [p.text for p in thread.posts] == ["still here"]
    assert [s.reason for s in thread.skipped] == ["deleted post"]


def test_promoted_link_is_an_advertisement_not_the_submission() -> None:
    ad = ('<div class="thing link promotedlink promoted" data-fullname="t3_zzz"><div '
          'class="entry"><a class="title">Cheap flights to Vladivostok</a></div></div>')
    thread = OldRedditParser().parse(document(_page(ad, _comment("a", "<p>words</p>"))))
    assert [(p.text, p.reply_to) for p in thread.posts] == [("words", None)]
    assert thread.title != "Cheap flights to Vladivostok"
    assert [(s.reason, s.preview) for s in thread.skipped] == [
        ("advertisement", "Cheap flights to Vladivostok")]


def test_can_parse_wants_old_reddit_things() -> None:
    assert not OldRedditParser.can_parse(document("<html><body><p>data-fullname</p></body></html>"))
    assert not OldRedditParser.can_parse(document('[{"kind": "Listing"}]', "a.json"))


_PARTS = st.sampled_from([
    "text", "<p>", "</p>", "<br>", "&nbsp;", "<blockquote>", "</blockquote>", "[deleted]",
    '<div class="thing comment" data-fullname="t1_zz" data-author="x"><div class="md">',
    '<div class="thing morechildren">more', "</div>", '<a data-event-action="parent" href="#q">',
    '<time datetime="x" class="live-timestamp">', '<div class="child">', "<script>x</script>",
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25), st.text(max_size=10))
def test_arbitrary_comment_markup_gives_a_thread_or_our_error(parts: list[str],
                                                                thing_id: str) -> None:
    html = _page(_comment(thing_id.replace('"', ""), "".join(parts)))
    thread = thread_or_our_error(OldRedditParser(), document(html))
    if thread is not None:
        assert all(post.reply_to is None or post.reply_to.isdigit() for post in thread.posts)
