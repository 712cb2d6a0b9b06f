"""The plain-text parser: how a copied thread is cut into posts."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import ParseError
from analyzer.parsers.base import Document
from analyzer.parsers.engines.plaintext import PlainTextParser
from analyzer.parsers.engines.textlines import match_header, parse_date


def parse(text: str):
    return PlainTextParser().parse(Document("copy.txt", text.encode(), text))


def texts(text: str) -> list[str]:
    return [p.text for p in parse(text).posts]


def test_single_line_break_between_sentences_starts_a_post_in_a_blank_line_layout():
    copy = (
        "First post opens here.\n\nIt has a second paragraph.\n"
        "Second post follows at a single line break.\n\nAnd goes on.\n\nAnd on.\n"
    )
    assert texts(copy) == [
        "First post opens here.\n\nIt has a second paragraph.",
        "Second post follows at a single line break.\n\nAnd goes on.\n\nAnd on.",
    ]


def test_blank_line_starts_a_post_when_paragraphs_use_single_breaks():
    copy = (
        "Alpha one.\nAlpha two.\nAlpha three.\n\n"
        "Beta one.\nBeta two.\n\nGamma one.\nGamma two.\nGamma three.\n"
    )
    assert len(texts(copy)) == 3


def test_two_blank_lines_start_a_post():
    copy = ("One.\n\nTwo of the first post.\n\nThree.\n\n\n"
            "Another post after a wide gap.\n\nStill the other post.\n")
    assert texts(copy)[1] == "Another post after a wide gap.\n\nStill the other post."


def test_headline_and_byline_lines_without_final_punctuation_stay_in_their_post():
    copy = ("Ships sail at dawn\n\nThe Harbour Gazette\nPublished Monday, May 3, 2021\n\n"
            "The fleet left port on Monday, officials said.\n\nIt returned later.\n")
    assert len(parse(copy).posts) == 1


def test_repeated_comment_is_cut_out_whole_each_time():
    comment = ("I have said it before and I will say it again: the plan cannot work.\n\n"
               "Nobody has paid for the bridge, the tunnel or the rail link so far.")
    copy = (f"Opening remarks from the first poster here.\n\n{comment}\n\n{comment}\n\n"
            "A different reply that agrees with neither of them at all.\n")
    posts = texts(copy)
    assert posts.count(comment) == 2
    assert posts[0] == "Opening remarks from the first poster here."
    assert posts[-1] == "A different reply that agrees with neither of them at all."


def test_pasted_article_ends_where_comment_begins():
    article = "\n\n".join([
        "LONDON -- The ministry said on Tuesday that talks with Paris would resume in May, "
        "according to a statement released by the press office.",
        "Officials told reporters in Brussels that the agreement, signed in March 2019, "
        "would be reviewed by the European Commission.",
        "The minister added that Britain and France had agreed to expand joint patrols in "
        "the Channel, the statement said.",
        "Talks last collapsed in October 2018, when negotiators in Calais said the terms "
        "offered by London were unacceptable.",
    ])
    comment = "I doubt it will last.\n\nWhy would anyone believe them?\n\nWe will see!"
    posts = texts(f"{article}\n\n{comment}\n")
    assert posts == [article, comment]


def test_member_block_gives_author_and_is_not_post_text():
    copy = ("What's new\n\nFeatured Big thread title here\n\nSome Member\n\nDec 6, 2014\n"
            "Reaction score\nThe first post text.\n\nMore of it.\nTop Bottom\n")
    thread = parse(copy)
    assert thread.title == "Big thread title here"
    assert thread.posts[0].author == "Some Member"
    assert thread.posts[0].timestamp is None  # a date before the stats is the join date
    assert thread.posts[0].text == "The first post text.\n\nMore of it."


def test_post_date_after_member_statistics_is_the_post_timestamp():
    header = match_header(["Jane Roe", "Joined", "Mar 1, 2010", "Messages", "1,234",
                           "Oct 30, 2014 at 10:48 PM", "Body text."], 0)
    assert header is not None
    assert header.author == "Jane Roe"
    assert header.timestamp is not None
    assert header.timestamp.replace(tzinfo=None) == datetime(2014, 10, 30, 22, 48)


@pytest.mark.parametrize("line", ["Top 10 reasons", "Multipolarity is good.", "May", "2 of us"])
def test_lines_that_are_not_dates_are_not_parsed_as_dates(line):
    assert parse_date(line) is None


def test_each_member_block_starts_a_post_with_its_author():
    copy = ("alice\nDec 22, 2020 #1\nHello all.\n\nbob\nDec 22, 2020 #2\nHi alice.\n")
    thread = parse(copy)
    assert [(p.author, p.text) for p in thread.posts] == [("alice", "Hello all."),
                                                          ("bob", "Hi alice.")]
    assert thread.posts[1].timestamp.day == 22


def test_quote_goes_into_quotes_not_text():
    copy = ("carol\nJan 2, 2021 #1\nFirst words here.\n\n"
            "dave\nJan 2, 2021 #2\ncarol said:\nFirst words here.\nClick to expand...\n"
            "I disagree with that.\n")
    thread = parse(copy)
    reply = thread.posts[1]
    assert reply.text == "I disagree with that."
    assert reply.quotes[0].text == "First words here."
    assert reply.quotes[0].author == "carol"


def test_chrome_lines_never_reach_post_text():
    copy = ("What's new\n\nA post body line.\n\nLike Reply Report\n"
            "Another post body.\n\nTop Bottom\n")
    thread = parse(copy)
    joined = " ".join(p.text for p in thread.posts)
    assert "Like" not in joined and "Top Bottom" not in joined and "What's new" not in joined
    assert len(thread.posts) == 2


def test_deleted_post_stub_is_skipped_with_reason():
    copy = "A real post here.\n\nmallory\nDec 1, 2020 #2\nThis post has been deleted.\n"
    thread = parse(copy)
    assert [s.reason for s in thread.skipped] == ["deleted post"]
    assert len(thread.posts) == 1


def test_copy_with_only_chrome_is_a_parse_error():
    with pytest.raises(ParseError, match="no post text found"):
        parse("What's new\n\nTop Bottom\n")


def test_positions_and_ids_are_sequential():
    thread = parse("One post.\nTwo post.\nThree post.\n\nMore three.\n\nAnd more.\n")
    assert [p.position for p in thread.posts] == list(range(len(thread.posts)))
    assert [p.id for p in thread.posts] == [str(i + 1) for i in range(len(thread.posts))]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_gives_a_thread_or_a_parse_error(text):
    try:
        thread = parse(text)
    except ParseError:
        return
    assert thread.posts
    assert all(p.text or p.quotes for p in thread.posts)


lines = st.sampled_from(["Reaction score", "Top Bottom", "Click to expand...", "x said:",
                         "Dec 6, 2014", "Some Name", "A sentence.", "another line", "#3",
                         "Like Reply", "", "", "Quote:"])


@given(st.lists(lines, max_size=40))
def test_forum_shaped_lines_give_a_thread_or_a_parse_error(parts):
    with contextlib.suppress(ParseError):
        parse("\n".join(parts))


FIXTURES = Path(__file__).parent / "fixtures" / "plaintext"


def parse_fixture(name: str):
    data = (FIXTURES / name).read_bytes()
    return PlainTextParser().parse(Document(name, data, data.decode("utf-8")))


def test_xenforo_copy_with_member_titles_statistics_and_post_numbers():
    thread = parse_fixture("xenforo-copy.txt")
    assert thread.title == "Russian bombers over the Pacific again"
    assert [p.author for p in thread.posts] == ["Andrei", "Boris_K", "mike77"]
    assert [p.timestamp.date().isoformat() for p in thread.posts] == [
        "2020-12-22", "2020-12-22", "2020-12-23"]  # join dates are not post dates
    assert thread.posts[1].text == "Here it is, same route as 2019."
    assert thread.posts[1].quotes[0].author == "Andrei"
    assert thread.posts[2].text.endswith("The Americans will ignore it.")


def test_reddit_copy_with_levels_relative_times_and_action_rows():
    thread = parse_fixture("reddit-copy.txt")
    assert [p.author for p in thread.posts] == ["throwaway_22", "kalashnikov_fan",
                                                "quiet_observer"]
    assert thread.posts[2].text == "Symbolism matters though. Japan scrambled jets twice."
    assert [s.reason for s in thread.skipped] == ["deleted post"]


def test_phpbb_copy_with_post_by_lines_subjects_and_breadcrumbs():
    thread = parse_fixture("phpbb-copy.txt")
    assert thread.title == "Russian bombers near Japan"
    assert [(p.author, p.timestamp.isoformat()) for p in thread.posts] == [
        ("ivan_k", "2019-05-26T16:34:00+00:00"), ("Dragan", "2019-05-26T17:02:00+00:00")]
    assert thread.posts[0].text.endswith("as usual.")  # no "Re:" subject line
    assert thread.posts[1].quotes[0].author == "ivan_k"
    assert thread.posts[1].text == "And nobody will listen. The US has bigger problems."


def test_vbulletin_copy_with_dates_above_names_and_originally_posted_by():
    thread = parse_fixture("vbulletin-copy.txt")
    assert [p.author for p in thread.posts] == ["ivan", "boris"]
    assert thread.posts[1].timestamp.isoformat() == "2020-12-23T11:40:00+00:00"
    assert thread.posts[1].quotes[0].author == "ivan"
    assert thread.posts[1].text == "Source? I only saw the Tu-95s in the photos."


def test_long_line_without_final_punctuation_then_a_single_break_starts_a_post():
    copy = ("First post says something at length here lol\n"
            "Second post starts under it.\n\nAnd has a second paragraph.\n\nAnd a third.\n")
    assert texts(copy) == ["First post says something at length here lol",
                           "Second post starts under it.\n\nAnd has a second paragraph.\n\n"
                           "And a third."]
