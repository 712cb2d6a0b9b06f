"""Discourse topic JSON (/t/ID.json) and posts pages (/t/ID/posts.json)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, json_values, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.engines.discourse_json import DiscourseJsonParser, raw_to_text, read_topic

FIXTURES = Path(__file__).parent / "fixtures" / "discourse-json"
TOPIC = FIXTURES / "topic-4212.json"
PAGE = FIXTURES / "posts-4212-page2.json"


@pytest.fixture(scope="module")
def topic() -> Thread:
    return read_with(DiscourseJsonParser, TOPIC)


def _post(number: int, cooked: str = "<p>words</p>", **fields: object) -> dict:
    return {"id": 500 + number, "post_number": number, "username": f"user{number}",
            "created_at": "2021-01-01T00:00:00.000Z", "cooked": cooked, **fields}


def test_posts_carry_forum_ids_usernames_and_creation_times(topic: Thread) -> None:
    assert (topic.id, topic.title, topic.engine) == (
        "4212", "Joint patrol over the Sea of Japan", "discourse-json")
    assert [(p.id, p.position, p.author) for p in topic.posts] == [
        ("30101", 0, "seawatch"), ("30102", 1, "krstep"), ("30104", 2, "joerg_m"),
        ("30107", 3, "ivan_p")]
    assert topic.posts[0].timestamp == datetime(2020, 12, 22, 9, 15, 2, 318000, tzinfo=UTC)
    assert all(p.source == str(TOPIC) for p in topic.posts)


def test_an_edited_post_keeps_its_creation_time_not_its_edit_time(topic: Thread) -> None:
    edited = topic.posts[1]  # version 2, updated_at 11:40
    assert edited.timestamp == datetime(2020, 12, 22, 10, 2, 11, 4000, tzinfo=UTC)


def test_text_is_own_words_without_quotes_or_link_previews(topic: Thread) -> None:
    assert topic.posts[0].text == ("Russian and Chinese bombers flew a joint patrol today.\n\n"
                                   "What do you make of it?")
    assert topic.posts[1].text == "It is a signal to Washington, nothing more."
    assert "example.com" not in topic.posts[1].text  # the onebox is not the author's words
    assert topic.posts[2].text == ("Für Japan ist das ein deutliches Signal. "
                                   "Die Überflüge häufen sich.")
    assert topic.posts[3].text == "Это обычная практика, ничего нового."


def test_quote_of_a_post_in_the_file_gets_its_id_and_nested_quotes_are_dropped(
        topic: Thread) -> None:
    assert topic.posts[1].quotes == (Quote("What do you make of it?", "30101", "seawatch"),)
    # Post 3 quotes post 2, which itself quotes post 1: only post 2's own words remain.
    assert topic.posts[2].quotes == (
        Quote("It is a signal to Washington, nothing more.", "30102", "krstep"),)


def test_quote_from_another_topic_keeps_its_speaker_but_no_post_id(topic: Thread) -> None:
    assert topic.posts[3].quotes == (Quote("Такие полёты были и раньше.", None, "ivan_p"),)


def test_reply_to_maps_post_numbers_to_ids_and_is_none_for_posts_not_in_the_file(
        topic: Thread) -> None:
    assert [p.reply_to for p in topic.posts] == [None, "30101", "30102", None]


def test_deleted_hidden_and_small_action_posts_are_skipped_with_reasons(topic: Thread) -> None:
    assert [(s.reason, s.preview) for s in topic.skipped] == [
        ("deleted post", "post 4 by krstep"),
        ("small action", "post 5 by system: closed.enabled"),
        ("hidden post", "post 7 by spammer"),
    ]
    assert len(topic.posts) + len(topic.skipped) == 7


def test_posts_page_without_title_links_quotes_within_the_page() -> None:
    page = read_with(DiscourseJsonParser, PAGE)
    assert (page.id, page.title) == ("4212", None)
    assert [p.id for p in page.posts] == ["30110", "30111"]
    # Post 8 quotes post 1, which is not on this page: the number is not passed off as an id.
    assert page.posts[0].quotes == (Quote("What do you make of it?", None, "seawatch"),)
    assert page.posts[1].quotes == (Quote("Still no answer from Tokyo.", "30110", "tokyo_watcher"),)
    assert [p.reply_to for p in page.posts] == [None, "30110"]


def test_bare_posts_list_and_topic_id_from_the_posts() -> None:
    thread = read_topic({"posts": [_post(1, topic_id=77), _post(2, reply_to_post_number=1)]},
                        "posts.json")
    assert thread.id == "77"
    assert [(p.id, p.reply_to) for p in thread.posts] == [("501", None), ("502", "501")]


def test_raw_markdown_is_read_when_there_is_no_cooked_body() -> None:
    raw = ('[quote="alice, post:1, topic:9"]\nFirst words\n[/quote]\n\nMy answer.')
    thread = read_topic({"id": 9, "posts": [_post(1), _post(2, cooked="", raw=raw)]}, "t.json")
    assert thread.posts[1].text == "My answer."
    assert thread.posts[1].quotes == (Quote("First words", "501", "alice"),)


def test_raw_quotes_drop_nested_quotes_and_an_unclosed_quote_runs_to_the_end() -> None:
    nested = raw_to_text('Hi [quote="a, post:2"]outer [quote="b"]inner[/quote] tail[/quote] bye')
    assert nested.text == "Hi bye"
    assert [(q.text, q.author, q.ref) for q in nested.quotes] == [("outer tail", "a", "2")]
    unclosed = raw_to_text("mine [quote]theirs")
    assert (unclosed.text, [q.text for q in unclosed.quotes]) == ("mine", ["theirs"])


def test_a_post_with_no_words_is_skipped() -> None:
    thread = read_topic({"posts": [_post(1), _post(2, cooked="<p> </p>")]}, "t.json")
    assert [s.reason for s in thread.skipped] == ["empty post"]


@pytest.mark.parametrize(("data", "message"), [
    ([1, 2], r"^t\.json: not a Discourse topic: expected an object with post_stream\.posts"),
    ({"post_stream": {"posts": "none"}}, "not a Discourse topic"),
    ({"post_stream": {"posts": []}}, r"^t\.json: no posts found in the Discourse topic$"),
    ({"posts": [7]}, r"^t\.json: not a Discourse topic: post 1 is not an object$"),
])
def test_wrong_shapes_are_parse_errors_naming_the_file(data: object, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_topic(data, "t.json")


def test_invalid_json_is_a_parse_error_with_its_position() -> None:
    doc = document('{"post_stream": {"posts": [}', "t.json")
    with pytest.raises(ParseError, match=r"^t\.json: invalid JSON: .* \(line 1 column \d+\)$"):
        DiscourseJsonParser().parse(doc)


def test_a_4chan_thread_is_not_taken_for_a_discourse_topic() -> None:
    four_chan = document('{"posts": [{"no": 1, "time": 1, "resto": 0}]}', "t.json")
    assert not DiscourseJsonParser.can_parse(four_chan)


_JSON = json_values(text=30, keys=8, size=4, leaves=12)
_POST = st.fixed_dictionaries({}, optional={
    "id": _JSON | st.integers(0, 10**6), "post_number": st.integers(0, 9) | _JSON,
    "username": _JSON, "created_at": _JSON | st.just("2020-12-22T10:02:11Z"),
    "cooked": st.text(max_size=80) | st.sampled_from(["<aside class=quote data-post=1>"
                                                      "<blockquote>x</blockquote></aside>y"]),
    "raw": st.text(max_size=60), "reply_to_post_number": _JSON | st.integers(0, 9),
    "deleted_at": _JSON, "hidden": _JSON, "action_code": _JSON, "post_type": _JSON,
})


@given(st.one_of(_JSON, st.fixed_dictionaries({"posts": st.lists(_POST, max_size=5)},
                                              optional={"id": _JSON, "title": _JSON})))
def test_arbitrary_json_gives_a_thread_or_a_parse_error(data: object) -> None:
    try:
        thread = read_topic(data, "t.json")
    except ParseError:
        return
    assert isinstance(thread, Thread)
    for post in thread.posts:
        assert post.id.isdigit()
        assert post.timestamp is None or post.timestamp.tzinfo is not None
