"""Reddit comments pages as JSON: a list of two Listings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fixture_index import FIXTURES, document, json_values, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.engines.reddit_json import RedditJsonParser, decimal_id, read_comments_page

FIXTURE = FIXTURES / "reddit-json" / "comments-kgl2ma.json"
OP, KRSTEP, JOERG, DELETED, IVAN, TOKYO = (str(int(b36, 36)) for b36 in (
    "kgl2ma", "ggf1a2b", "ggf3c4d", "ggf5e6f", "ggf7g8h", "ggfe5f6"))


@pytest.fixture(scope="module")
def page() -> Thread:
    return read_with(RedditJsonParser, FIXTURE)


def _listing(*children: object) -> dict:
    return {"kind": "Listing", "data": {"children": list(children)}}


def _submission(**fields: object) -> dict:
    return {"kind": "t3", "data": {"id": "abc", "title": "A title", "author": "op",
                                   "created_utc": 1608628502.0, **fields}}


def test_base36_ids_are_written_in_decimal_digits() -> None:
    assert decimal_id("kgl2ma") == str(int("kgl2ma", 36)) == "1237180546"
    assert decimal_id("t1_ggf1a2b") == decimal_id("ggf1a2b")
    assert [decimal_id(bad) for bad in ("", "k-l", "t1_", "a b", 5, None, "+1")] == [None] * 7


def test_submission_is_the_first_post_and_comments_follow_in_display_order(page: Thread) -> None:
    assert (page.id, page.engine) == (OP, "reddit-json")
    assert page.title == "Russian and Chinese bombers fly joint patrol & Japan scrambles jets"
    assert page.url == ("https://www.reddit.com/r/geopolitics/comments/kgl2ma/"
                        "russian_and_chinese_bombers/")
    assert [(p.id, p.position, p.author) for p in page.posts] == [
        (OP, 0, "seawatch"), (KRSTEP, 1, "krstep"), (JOERG, 2, "joerg_m"),
        (IVAN, 3, "ivan_p"), (TOKYO, 4, "tokyo_watcher")]


def test_timestamps_are_created_utc_even_for_an_edited_comment(page: Thread) -> None:
    assert page.posts[0].timestamp == datetime(2020, 12, 22, 9, 15, 2, tzinfo=UTC)
    assert page.posts[1].timestamp == datetime(2020, 12, 22, 10, 2, 11, tzinfo=UTC)


def test_reply_to_is_the_parent_in_decimal_and_top_level_comments_answer_the_submission(
        page: Thread) -> None:
    assert [p.reply_to for p in page.posts] == [None, OP, KRSTEP, DELETED, OP]


def test_quoted_lines_become_quotes_and_entities_are_undone(page: Thread) -> None:
    assert page.posts[0].text == "Saw this on the news today:\n\nThoughts?"
    assert page.posts[0].quotes == (
        Quote("The bombers flew over the Sea of Japan & the East China Sea."),)
    assert page.posts[1].text == "It is a signal to Washington & Tokyo, nothing more."
    assert page.posts[1].quotes == (Quote("Thoughts?"),)
    assert page.posts[2].text == ("Für Japan ist das ein deutliches Signal. "
                                  "Die Überflüge häufen sich.")
    assert page.posts[3].text == "Это обычная практика, ничего нового."


def test_a_quote_inside_a_quote_is_dropped(page: Thread) -> None:
    assert page.posts[4].text == "I agree with this."
    assert page.posts[4].quotes == (Quote("It is a signal to Washington"),)


def test_deleted_comments_and_more_stubs_are_skipped_but_answers_are_kept(page: Thread) -> None:
    assert [(s.reason, s.preview) for s in page.skipped] == [
        ("deleted post", "comment ggf5e6f ([deleted])"),
        ("more comments", "3 more comments not loaded"),
        ("more comments", "continue this thread (comments not loaded)"),
        ("deleted post", "comment ggfg7h8 ([removed])"),
    ]


def test_a_link_post_or_removed_selftext_gives_the_title_as_its_words() -> None:
    for selftext in ("", "[removed]"):
        data = [_listing(_submission(selftext=selftext, title="Bombers &amp; jets")), _listing()]
        thread = read_comments_page(data, "r.json")
        assert [(p.id, p.text) for p in thread.posts] == [(str(int("abc", 36)), "Bombers & jets")]


def test_a_deleted_author_is_unknown() -> None:
    comment = {"kind": "t1", "data": {"id": "c1", "author": "[deleted]", "body": "Still here",
                                      "parent_id": "t3_abc", "created_utc": 1608628600}}
    thread = read_comments_page([_listing(_submission()), _listing(comment)], "r.json")
    assert thread.posts[1].author is None
    assert thread.posts[1].text == "Still here"


def test_a_ten_thousand_deep_reply_chain_is_walked_without_recursion() -> None:
    node: dict | None = None
    for i in range(10_000, 0, -1):
        node = {"kind": "t1", "data": {
            "id": format(i, "x"), "body": f"reply {i}", "author": "a", "created_utc": 1608628502,
            "parent_id": f"t1_{format(i - 1, 'x')}" if i > 1 else "t3_abc",
            "replies": _listing(node) if node else ""}}
    thread = read_comments_page([_listing(_submission()), _listing(node)], "deep.json")
    assert len(thread.posts) == 10_001
    assert thread.posts[-1].text == "reply 10000"
    assert thread.posts[-1].reply_to == str(int("270f", 36))  # 9999 in hexadecimal


@pytest.mark.parametrize(("data", "message"), [
    ({"kind": "Listing"}, "expected a list of two listings"),
    ([_listing(_submission())], "expected a list of two listings"),
    ([{"kind": "t3"}, {"kind": "t1"}], "expected a list of two listings"),
    ([_listing({"kind": "t1", "data": {}}), _listing()], "the first listing has no submission"),
])
def test_wrong_shapes_are_parse_errors(data: object, message: str) -> None:
    with pytest.raises(ParseError, match=rf"^r\.json: not a Reddit comments page: {message}"):
        read_comments_page(data, "r.json")


def test_too_deeply_nested_json_is_a_parse_error_not_a_recursion_error() -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ParseError, match="nested too deeply"):
        RedditJsonParser().parse(document(text, "r.json"))


def test_other_json_lists_are_not_taken_for_a_comments_page() -> None:
    assert not RedditJsonParser.can_parse(document('[{"kind": "Listing"}]', "x.json"))
    assert not RedditJsonParser.can_parse(document("[1, 2]", "x.json"))


_JSON = json_values(text=20, keys=8)
_THING = st.fixed_dictionaries({
    "kind": st.sampled_from(["t1", "t3", "more", "Listing", "x"]) | _JSON,
    "data": st.fixed_dictionaries({}, optional={
        "id": st.text("abc0123", max_size=6) | _JSON, "body": st.text(max_size=40) | _JSON,
        "author": _JSON, "created_utc": _JSON, "parent_id": st.just("t1_a") | _JSON,
        "replies": _JSON, "count": _JSON, "selftext": _JSON, "title": _JSON,
        "permalink": _JSON}) | _JSON,
})


@given(st.one_of(_JSON, st.lists(st.fixed_dictionaries({
    "kind": st.just("Listing") | _JSON,
    "data": st.fixed_dictionaries({"children": st.lists(_THING, max_size=4)}) | _JSON,
}), max_size=3)))
def test_arbitrary_json_gives_a_thread_or_a_parse_error(data: object) -> None:
    try:
        thread = read_comments_page(data, "r.json")
    except ParseError:
        return
    assert isinstance(thread, Thread)
    assert all(p.id.isdigit() for p in thread.posts)
