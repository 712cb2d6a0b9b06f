"""4chan API thread JSON: quotelinks, greentext and posters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fixture_index import FIXTURES, document, json_values, read_with
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.model import Quote, Thread
from analyzer.parsers.engines.fourchan import FourChanParser, poster, read_com, read_thread

FIXTURE = FIXTURES / "4chan" / "thread-287000111.json"


@pytest.fixture(scope="module")
def thread() -> Thread:
    return read_with(FourChanParser, FIXTURE)


def _post(no: int, com: str | None, **fields: object) -> dict:
    post = {"no": no, "time": 1608628502 + no, "name": "Anonymous", "resto": 0 if no == 1 else 1}
    if com is not None:
        post["com"] = com
    return {**post, **fields}


def test_posts_have_numbers_posters_and_times(thread: Thread) -> None:
    assert (thread.id, thread.engine, thread.url) == ("287000111", "4chan", None)
    assert [(p.id, p.position, p.author) for p in thread.posts] == [
        ("287000111", 0, "Anonymous (ID: Ab12Cd34)"),
        ("287000150", 1, "Anonymous (ID: Ef56Gh78)"),
        ("287000162", 2, "Jörg !Ep8pui8Vw2 (ID: Jk90Lm12)"),
        ("287000188", 3, "Anonymous (ID: Rs78Tu90)"),
        ("287000190", 4, "Anonymous (ID: Ab12Cd34)"),
    ]
    assert thread.posts[1].timestamp == datetime(2020, 12, 22, 9, 42, 11, tzinfo=UTC)


def test_title_is_the_opening_subject_unescaped(thread: Thread) -> None:
    assert thread.title == "Russia & China joint bomber patrol"


def test_quotelink_becomes_a_quote_of_the_linked_post_and_leaves_the_text(thread: Thread) -> None:
    reply = thread.posts[1]
    assert reply.text.startswith("It is a signal to Washington, nothing more.")
    assert ">>" not in reply.text
    assert reply.quotes == (Quote(thread.posts[0].text, "287000111", "Anonymous (ID: Ab12Cd34)"),)
    assert reply.reply_to == "287000111"


def test_greentext_story_stays_in_the_posters_own_words(thread: Thread) -> None:
    assert thread.posts[1].text == ("It is a signal to Washington, nothing more.\n"
                                    ">be me\n>reading about bombers over breakfast\n"
                                    "Same as every year.")


def test_greentext_repeating_an_earlier_post_is_a_quote_of_that_post(thread: Thread) -> None:
    german = thread.posts[2]
    assert german.text == "Für Japan ist das ein deutliches Signal. Die Überflüge häufen sich."
    assert german.quotes == (
        Quote("It is a signal to Washington", "287000150", "Anonymous (ID: Ef56Gh78)"),)
    assert german.reply_to == "287000150"


def test_several_links_give_several_quotes_and_the_first_is_the_reply(thread: Thread) -> None:
    post = thread.posts[3]
    assert [q.post_id for q in post.quotes] == ["287000150", "287000162", "286999001"]
    assert post.quotes[1].text == thread.posts[2].text
    assert post.quotes[2] == Quote("", "286999001", None)  # a post in another thread
    assert post.text == ("Это обычная практика, ничего нового.\n"
                         ">implying anyone in Tokyo cares\nsee also")
    assert post.reply_to == "287000150"


def test_dead_links_are_quotes_of_unknown_text_and_word_breaks_join(thread: Thread) -> None:
    post = thread.posts[4]
    assert post.quotes == (Quote("", "287000140", None),)
    assert post.text == "Why was that deleted? The link was https://example.com/news/bombers"


def test_posts_without_a_comment_are_skipped_as_empty(thread: Thread) -> None:
    assert [(s.reason, s.preview) for s in thread.skipped] == [
        ("empty post", "post 287000170 (image map.png)"),
        ("empty post", "post 287000171 (file deleted)"),
    ]


def test_without_a_subject_the_title_is_the_first_words() -> None:
    words = "Bombers again over the sea, " * 6
    thread = read_thread({"posts": [_post(1, words), _post(2, "ok")]}, "t.json")
    assert thread.title is not None and thread.title.endswith("…")
    assert len(thread.title) <= 81 and words.startswith(thread.title[:-1])


def test_a_post_that_only_links_is_kept_with_its_quote() -> None:
    thread = read_thread({"posts": [_post(1, "OP"), _post(2, '<a class="quotelink" '
                                                              'href="#p1">&gt;&gt;1</a>')]},
                         "t.json")
    assert [(p.id, p.text, p.quotes) for p in thread.posts] == [
        ("1", "OP", ()), ("2", "", (Quote("OP", "1", "Anonymous"),))]


def test_poster_names_tripcodes_and_ids() -> None:
    assert poster({"name": "Anonymous"}) == "Anonymous"
    assert poster({"trip": "!abc"}) == "!abc"
    assert poster({"id": "X1"}) == "Anonymous (ID: X1)"
    assert poster({}) is None


def test_greentext_too_short_to_tell_is_kept_as_text() -> None:
    thread = read_thread({"posts": [_post(1, "yes indeed"), _post(2, '<span class="quote">'
                                                                     "&gt;yes indeed</span>")]},
                         "t.json")
    assert thread.posts[1].text == ">yes indeed"
    assert thread.posts[1].quotes == ()


def test_read_com_takes_links_out_once_each() -> None:
    body = read_com('<a class="quotelink" href="#p5">&gt;&gt;5</a> and '
                    '<a class="quotelink" href="#p5">&gt;&gt;5</a><br>x')
    assert (body.text, body.refs) == ("and\nx", ("5",))


@pytest.mark.parametrize(("data", "message"), [
    ([], r'not a 4chan thread: expected an object with a "posts" list'),
    ({"posts": {}}, r'not a 4chan thread: expected an object with a "posts" list'),
    ({"posts": []}, r"no posts found in the 4chan thread"),
    ({"posts": [{"com": "x"}]}, r'not a 4chan thread: post 1 has no number \("no"\)'),
    ({"posts": ["x"]}, r'not a 4chan thread: post 1 has no number \("no"\)'),
])
def test_wrong_shapes_are_parse_errors(data: object, message: str) -> None:
    with pytest.raises(ParseError, match=rf"^t\.json: {message}$"):
        read_thread(data, "t.json")


def test_a_discourse_posts_list_is_not_taken_for_a_4chan_thread() -> None:
    assert not FourChanParser.can_parse(document('{"posts": [{"post_number": 1}]}', "t.json"))


_JSON = json_values(text=20, keys=6)
_COM = st.lists(st.sampled_from([
    "words here", "<br>", '<a class="quotelink" href="#p1">&gt;&gt;1</a>', "&gt;&gt;2",
    '<span class="quote">&gt;words here again</span>', "<wbr>", '<span class="deadlink">'
    "&gt;&gt;9</span>", "<s>", "&amp;"]), max_size=8).map("".join) | st.text(max_size=40)
_POST = st.fixed_dictionaries({"no": st.integers(0, 5) | _JSON},
                              optional={"com": _COM | _JSON, "time": _JSON, "name": _JSON,
                                        "trip": _JSON, "id": _JSON, "sub": _JSON,
                                        "filename": _JSON, "ext": _JSON})


@given(st.one_of(_JSON, st.fixed_dictionaries({"posts": st.lists(_POST, max_size=5)})))
def test_arbitrary_json_gives_a_thread_or_a_parse_error(data: object) -> None:
    try:
        thread = read_thread(data, "t.json")
    except ParseError:
        return
    assert isinstance(thread, Thread)
    assert all(p.text or p.quotes for p in thread.posts)
