"""Hacker News item trees from the Algolia items API."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fixture_index import FIXTURES, document, json_values, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.engines.hackernews import HackerNewsParser, read_item_tree

FIXTURE = FIXTURES / "hackernews" / "item-25511118.json"


@pytest.fixture(scope="module")
def thread() -> Thread:
    return read_with(HackerNewsParser, FIXTURE)


def _item(item_id: int, text: str | None, *children: dict, **fields: object) -> dict:
    return {"id": item_id, "type": "comment", "author": f"u{item_id}", "text": text,
            "created_at_i": 1608628502 + item_id, "parent_id": item_id - 1,
            "children": list(children), **fields}


def test_story_then_comments_depth_first_with_ids_authors_and_times(thread: Thread) -> None:
    assert (thread.id, thread.engine) == ("25511118", "hackernews")
    assert thread.title == "Russian and Chinese bombers fly joint patrol over Sea of Japan"
    assert thread.url == "https://news.ycombinator.com/item?id=25511118"
    assert [(p.id, p.position, p.author) for p in thread.posts] == [
        ("25511118", 0, "seawatch"), ("25511200", 1, "krstep"), ("25511300", 2, "joerg_m"),
        ("25511400", 3, "ivan_p"), ("25511500", 4, "tokyo_watcher")]
    assert thread.posts[1].timestamp == datetime(2020, 12, 22, 10, 2, 11, tzinfo=UTC)


def test_a_link_story_has_its_title_as_its_words(thread: Thread) -> None:
    assert thread.posts[0].text == thread.title


def test_reply_to_is_the_parent_even_when_the_parent_was_deleted(thread: Thread) -> None:
    assert [p.reply_to for p in thread.posts] == [
        None, "25511118", "25511200", "25511350", "25511118"]


def test_quoted_paragraphs_move_to_quotes_and_paragraphs_stay_apart(thread: Thread) -> None:
    first = thread.posts[1]
    assert first.quotes == (Quote("fly joint patrol over Sea of Japan"),)
    assert first.text == ("It is a signal to Washington, nothing more.\n\n"
                          "A patrol is not an alliance & never was.")
    italic = thread.posts[3]
    assert italic.quotes == (Quote("Die Überflüge häufen sich."),)
    assert italic.text == "Это обычная практика, ничего нового."


def test_links_and_code_keep_their_text(thread: Thread) -> None:
    assert thread.posts[4].text == ("I agree. Background: https://example.com/analysis\n\n"
                                    "patrols: 2019, 2020")


def test_deleted_comments_are_skipped_and_their_answers_kept(thread: Thread) -> None:
    assert [(s.reason, s.preview) for s in thread.skipped] == [("deleted post", "comment 25511350")]
    assert thread.posts[2].text == ("Für Japan ist das ein deutliches Signal. "
                                    "Die Überflüge häufen sich.")


def test_ask_story_text_is_its_words_and_iso_time_is_the_fallback() -> None:
    story = {"id": 7, "type": "story", "author": "asker", "title": "Ask HN: why?",
             "text": "<p>Why patrol?</p>", "created_at": "2020-12-22T09:15:02.000Z",
             "children": []}
    thread = read_item_tree(story, "hn.json")
    assert [(p.text, p.timestamp) for p in thread.posts] == [
        ("Why patrol?", datetime(2020, 12, 22, 9, 15, 2, tzinfo=UTC))]


def test_a_ten_thousand_deep_reply_chain_is_walked_without_recursion() -> None:
    node: dict | None = None
    for i in range(10_000, 0, -1):
        node = _item(i, f"reply {i}", *([node] if node else []))
    thread = read_item_tree({"id": 0, "type": "story", "title": "T", "children": [node]}, "d")
    assert len(thread.posts) == 10_001
    assert (thread.posts[-1].id, thread.posts[-1].reply_to) == ("10000", "9999")


def test_empty_comment_with_an_author_is_skipped_as_empty() -> None:
    thread = read_item_tree(_item(1, "", type="story", title="T",
                                  children=[_item(2, "<p> </p>")]), "hn.json")
    assert [s.reason for s in thread.skipped] == ["empty post"]


@pytest.mark.parametrize("data", [[], {"id": 1}, {"children": []}, {"id": 1, "children": {}}])
def test_wrong_shapes_are_parse_errors(data: object) -> None:
    with pytest.raises(ParseError, match=r'^hn\.json: not a Hacker News item: expected an '
                                         r'object with "id", "type" and "children"'):
        read_item_tree(data, "hn.json")


def test_an_object_with_children_but_no_type_is_not_taken_for_an_item() -> None:
    assert not HackerNewsParser.can_parse(document('{"id": 1, "children": []}', "x.json"))


_JSON = json_values(text=20, keys=6)
_TEXT = st.text(max_size=40) | st.lists(st.sampled_from(
    ["<p>", "&gt; q", "<i>&gt; x</i>", "words", "<pre><code>c</code></pre>", "&#x2F;"]),
    max_size=6).map("".join)
_ITEM = st.recursive(
    st.fixed_dictionaries({"id": st.integers(0, 99) | _JSON, "children": st.just([])},
                          optional={"text": _TEXT | _JSON, "author": _JSON,
                                    "created_at_i": _JSON, "parent_id": _JSON, "type": _JSON}),
    lambda inner: st.fixed_dictionaries({"id": _JSON, "children": st.lists(inner, max_size=3)},
                                        optional={"text": _TEXT, "author": _JSON}),
    max_leaves=8,
)


@given(st.one_of(_JSON, _ITEM))
def test_arbitrary_json_gives_a_thread_or_a_parse_error(data: object) -> None:
    try:
        thread = read_item_tree(data, "hn.json")
    except ParseError:
        return
    assert isinstance(thread, Thread)
    assert all(p.id.isdigit() for p in thread.posts)
