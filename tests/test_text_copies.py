"""Browser-style text copies of each engine's pages, read by the plain-text parser.

The copies under ``tests/textcopies/`` are our own synthetic pages rendered
with ``tests/tools/innertext.py`` (select all, copy); ``truth.json`` holds
what each page really says. See ``tests/tools/make_copies.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.parsers.base import Document
from analyzer.parsers.engines.copyreader import read_copy
from analyzer.parsers.engines.plaintext import PlainTextParser

COPIES = Path(__file__).parent / "textcopies"
TRUTH = json.loads((COPIES / "truth.json").read_text("utf-8"))
PROFILE_OF = {"xenforo2": "xenforo2", "xenforo1": "xenforo1", "vbulletin3": "vbulletin",
              "vbulletin4": "vbulletin", "phpbb3": "phpbb", "mybb": "mybb", "nodebb": "nodebb",
              "smf": "smf", "invision": "invision"}
FURNITURE = re.compile(
    r"^(?:reply with quote|like|reply|quote|report|multi-quote|thanks|find|top|#\d+.*|"
    r"join date|joined:?.*|posts:?.*|messages:?|location:?.*|reaction score|"
    r"reputation:.*|page \d+ of \d+.*|last edited.*|\(this post was last modified.*|"
    r"posted via mobile device|sent from my .*|\d+ reply quote)$",
    re.IGNORECASE,
)
ROLES = {"blank", "post text", "quote", "post head", "member block", "action bar", "edit note",
         "signature", "app footer", "page chrome", "chrome", "member block or chrome"}


def parse(text: str, name: str = "copy.txt"):
    return PlainTextParser().parse(Document(name, text.encode(), text))


def read(name: str):
    return parse((COPIES / name).read_text("utf-8"), name)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_engine_copy_gives_every_post_with_its_author_in_order(name):
    thread = read(name)
    real = TRUTH[name]["posts"]
    assert [p.author for p in thread.posts] == [p["author"] for p in real]
    assert thread.layout == PROFILE_OF[TRUTH[name]["engine"]]


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_engine_copy_post_texts_hold_no_furniture_edit_notes_or_app_footers(name):
    thread = read(name)
    for post in thread.posts:
        lines = [line for line in post.text.split("\n") if line.strip()]
        assert not [line for line in lines if FURNITURE.match(line)], post


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_engine_copy_keeps_each_posts_own_words_and_drops_signatures_of_regulars(name):
    thread = read(name)
    real = TRUTH[name]["posts"]
    posts_by = {}
    for p in real:
        posts_by[p["author"]] = posts_by.get(p["author"], 0) + 1
    for post, truth in zip(thread.posts, real, strict=True):
        for paragraph in truth["paragraphs"]:
            assert " ".join(paragraph.split()) in " ".join(post.text.split())
        if truth["signature"] and posts_by[truth["author"]] > 1:
            assert truth["signature"] not in post.text


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_engine_copy_quotes_are_lifted_out_with_their_authors(name):
    thread = read(name)
    real = TRUTH[name]["posts"]
    for post, truth in zip(thread.posts, real, strict=True):
        if truth["quote_author"]:
            assert truth["quote_author"] in [q.author for q in post.quotes], post


def test_german_vbulletin_dates_are_read_day_first():
    german = re.compile(r"^(\d\d)\.(\d\d)\.(\d{4}), (\d\d):(\d\d) #(\d+)$", re.MULTILINE)
    name = next(n for n in sorted(TRUTH) if n.startswith("vbulletin")
                and german.search((COPIES / n).read_text("utf-8")))
    day = german.search((COPIES / name).read_text("utf-8"))
    assert day is not None
    post = read(name).posts[int(day[6]) - 1]
    assert post.timestamp is not None
    assert (post.timestamp.day, post.timestamp.month, post.timestamp.hour) == (
        int(day[1]), int(day[2]), int(day[4]))


def test_two_pasted_pages_keep_every_page_and_the_repeated_first_post_once():
    name = next(n for n in sorted(TRUTH) if n.startswith("xenforo2")
                and TRUTH[n]["pages"] == 2)
    thread = read(name)
    assert len(thread.posts) == len(TRUTH[name]["posts"])
    assert [s.reason for s in thread.skipped] == ["post repeated from an earlier page"]


@pytest.mark.parametrize("name", sorted(n for n in TRUTH if TRUTH[n]["pages"] == 2))
def test_chrome_between_pasted_pages_is_a_page_break_not_the_end(name):
    thread = read(name)
    assert thread.posts[-1].author == TRUTH[name]["posts"][-1]["author"]
    assert len(thread.posts) == len(TRUTH[name]["posts"])


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_every_line_of_a_copy_is_post_text_or_has_a_named_role(name):
    lines = [" ".join(line.split()) for line in (COPIES / name).read_text("utf-8").split("\n")]
    reading = read_copy(lines)
    assert reading is not None
    assert len(reading.roles) == len(lines)
    assert set(reading.roles) <= ROLES
    kept = [line for line, role in zip(lines, reading.roles, strict=True) if role == "post text"]
    from_posts = [text for post in reading.posts for _, _, text in post.body.kept]
    assert kept == from_posts


def test_generic_copy_pasted_twice_with_page_chrome_between_keeps_the_second_page():
    page1 = ("Some Member\nDec 6, 2014\nReaction score\n"
             "First poster opens the thread with a long enough sentence to be prose.\n"
             "A reply that disagrees with the opening post for several reasons.\n"
             "Top Bottom\nSimilar threads\nAnother thread title\nContact us Terms\n")
    page2 = ("World Affairs\nThe thread title\nPage 2 of 2\n"
             "A third post that arrives on the second page of the pasted thread.\n"
             "And a fourth post, which closes the thread after everyone has spoken.\n")
    thread = parse(page1 + page2)
    words = " ".join(" ".join(p.text for p in thread.posts).split())
    assert thread.layout == "generic"
    assert "A third post that arrives on the second page of the pasted thread." in words
    assert words.endswith("And a fourth post, which closes the thread after everyone has spoken.")
    assert "Similar threads" not in words and "Page 2 of 2" not in words


_LINES = st.sampled_from([
    "Reply With Quote", "#3", "Dec 22, 2020", "Joined", "Mar 3, 2012", "Posts: 4,512",
    "Location: Texas", "Senior Member", "Like Reply Report", "__________________",
    "Last edited by bob; 12-23-2020 at 11:00 AM.", "Post by ann » Tue Jul 23, 2019 10:12 am",
    "bob, Dec 4, 2014 Report", "#2 Like Reply", "ann wrote on 23 Jul 2019, 10:12",
    "07-23-2019, 09:12 AM #1", "Quote:", "Originally Posted by ann", "Click to expand...",
    "ann said:", "Sent from my iPhone using Tapatalk", "Page 2 of 3", "", "ann", "bob",
    "The bombers flew over the sea for hours.", "I doubt it means anything at all.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=60))
def test_any_copy_reads_or_is_refused_and_no_line_goes_unaccounted(lines):
    text = "\n".join(lines)
    collapsed = [" ".join(line.split()) for line in text.split("\n")]
    reading = read_copy(collapsed)
    if reading is not None:
        assert len(reading.roles) == len(collapsed)
        assert set(reading.roles) <= ROLES
        kept = [line for line, role in zip(collapsed, reading.roles, strict=True)
                if role == "post text"]
        assert kept == [t for post in reading.posts for _, _, t in post.body.kept]
    try:
        thread = PlainTextParser().parse(Document("c.txt", text.encode(), text))
    except ParseError as error:
        assert str(error).startswith("c.txt: ")
    else:
        assert thread.posts


def test_parse_json_names_the_copy_profile_under_thread_layout():
    from analyzer.serialize import thread_to_dict

    name = next(n for n in sorted(TRUTH) if TRUTH[n]["engine"] == "phpbb3")
    assert thread_to_dict(read(name))["thread"]["layout"] == "phpbb"
    assert thread_to_dict(parse("Just one sentence of bare text.\n"))["thread"]["layout"] == (
        "generic")


def test_innertext_renderer_follows_the_browser_rules_the_copies_rely_on():
    from tools.innertext import inner_text

    page = ("<html><head><title>T</title></head><body><div>Name</div>"
            "<ul style='display:none'><li>View Profile</li></ul><p>One<br>two</p>"
            "<p>Three   <b>bold</b></p><table><tr><td>05-26-2019</td><td>#1</td></tr></table>"
            "<script>var x = 1;</script></body></html>")
    assert inner_text(page) == "Name\n\nOne\ntwo\n\nThree bold\n\n05-26-2019\t#1\n"


def test_discourse_copies_read_posts_from_their_name_and_date_heads():
    crawler = ("Example Forum\nThe topic title\nWorld Affairs\n"
               "ann_k Jul 23, 2019, 10:00am 1\nThe opening post of the topic, with a sentence.\n"
               "3 Likes\nbob (Bob Smith) Jul 23, 2019, 10:42am 2\nA reply to it, agreeing mostly.\n"
               "1 Like\ncarol Jul 24, 2019, 2:30pm 3\nA last word on the matter.\n"
               "Powered by Discourse, best viewed with JavaScript enabled\n")
    thread = parse(crawler)
    assert thread.layout == "discourse"
    assert [(p.author, p.text) for p in thread.posts] == [
        ("ann_k", "The opening post of the topic, with a sentence."),
        ("bob", "A reply to it, agreeing mostly."), ("carol", "A last word on the matter.")]
    rendered = ("The topic title\nann_k\nJul 2019\nThe opening post, in full.\n"
                "bob\nJul 2019\nA reply to the opening post.\n")
    assert [p.author for p in parse(rendered).posts] == ["ann_k", "bob"]
