"""Bare copies (no member blocks): how a paragraph opens tells a new post from a paragraph."""

from __future__ import annotations

import pytest

from analyzer.parsers.base import Document
from analyzer.parsers.engines.plaintext import PlainTextParser
from analyzer.parsers.engines.textcues import continues, replies

ARTICLE = "\n\n".join([
    "LISBON -- The port authority said on Monday that the new pier would open in June, "
    "according to a statement released by its press office.",
    "Officials told reporters in Porto that the contract, signed in April 2020, "
    "would be reviewed by the court of auditors.",
    "The minister added that two more berths were planned for 2023, the statement said.",
])


def texts(text: str) -> list[str]:
    return [p.text for p in PlainTextParser().parse(Document("c.txt", text.encode(), text)).posts]


@pytest.mark.parametrize("opening", [
    "@riverside that is not what the report says.", "Agreed. The pier is overdue.",
    "Yes, but who pays for it?", "I disagree with all of that.",
    "Thanks for posting this, it is news to me.", "Good point, I had missed it.",
])
def test_paragraph_opening_as_a_reply_starts_a_post(opening: str) -> None:
    first = "I think the pier will never be finished on time.\n\nThe budget is far too small."
    assert texts(f"{first}\n\n{opening}\n") == [first, opening]


@pytest.mark.parametrize("opening", [
    "But nobody asked the fishermen what they think.", "Also, the budget is far too small.",
    "That said, the town does need a new pier.", "On the other hand, the jobs are welcome.",
])
def test_paragraph_going_on_from_the_one_before_stays_in_its_post(opening: str) -> None:
    post = f"I think the pier will never be finished on time.\n\n{opening}"
    assert texts(f"{post}\n\nAgreed. It is a waste of money.\n") == [
        post, "Agreed. It is a waste of money."]


def test_news_prose_after_a_comment_starts_a_post() -> None:
    comment = "Honestly I do not care about the pier any more lol"
    assert texts(f"{comment}\n\n{ARTICLE}\n") == [comment, ARTICLE]


def test_dateline_under_a_headline_and_caption_stays_in_its_article() -> None:
    article = ("Pier to open in June\n\nThe Harbour Gazette\nPublished Monday, May 3, 2021\n\n"
               "A crane lifts a beam at the new pier on Monday. (Harbour Gazette photo)\n\n"
               + ARTICLE)
    assert texts(article + "\n") == [article]


def test_reply_cue_does_not_split_a_post_that_has_its_member_block() -> None:
    copy = ("Quill\n\nMay 3, 2021\nReaction score\n12\n"
            "I think the pier is late.\n\nYes, but so is everything else here.\n\n"
            "Old Salt\n\nMay 4, 2021\nReaction score\n3\nNo argument from me.\n")
    assert texts(copy) == ["I think the pier is late.\n\nYes, but so is everything else here.",
                           "No argument from me."]


def test_reply_and_continuation_cues_read_only_the_opening() -> None:
    assert replies("@name hi") and replies("Exactly. That is it.") and not replies("Yesterday")
    assert continues("But then") and not continues("Butter prices rose.")
    assert not replies("This town needs a pier.")  # "This" without a stop is no verdict


def test_quote_block_after_post_text_starts_a_reply_in_a_bare_copy() -> None:
    first = "I think the pier will never be finished on time.\n\nThe budget is far too small."
    copy = (f"{first}\n\nharbourmaster said:\nThe budget is far too small.\nClick to expand...\n"
            "It was doubled last year, so no.\n")
    thread = PlainTextParser().parse(Document("c.txt", copy.encode(), copy))
    assert [p.text for p in thread.posts] == [first, "It was doubled last year, so no."]
    assert thread.posts[1].quotes[0].author == "harbourmaster"


def test_sign_off_closes_its_post_and_the_next_paragraph_opens_another() -> None:
    first = "Does anyone know when the pier opens?\nThanks in advance."
    second = "It opens in June, according to the port's own site."
    assert texts(f"{first}\n\n{second}\n") == [first, second]


def test_reply_cue_verdict_must_end_its_sentence() -> None:
    assert not replies("This, in my view, is the real problem.")
    assert not replies("Indeed, the pier was late.")
    assert replies("Yes, that is right.") and replies("Thanks for sharing the link.")
    assert not replies("Thanks in advance.")


def test_comment_after_a_short_pasted_article_starts_a_post() -> None:
    article = "\n\n".join(ARTICLE.split("\n\n")[:2])
    comment = "I honestly think we will never see that pier finished, and I live there!"
    assert texts(f"{article}\n\n{comment}\n") == [article, comment]
