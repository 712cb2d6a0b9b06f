"""Discourse topic pages saved as HTML: the crawler view and the rendered JavaScript view."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixture_index import document, phrases_in, read_with, thread_or_our_error
from hypothesis import given
from hypothesis import strategies as st

from analyzer import parse_paths
from analyzer.model import Thread
from analyzer.parsers.engines.discourse import DiscourseParser

FIXTURES = Path(__file__).parent / "fixtures"
CRAWLER1 = FIXTURES / "discourse" / "crawler-page1.html"
CRAWLER2 = FIXTURES / "discourse" / "crawler-page2.html"
RENDERED = FIXTURES / "discourse" / "rendered-topic.html"
DATES = [datetime(2019, 7, 23, 10, 0, tzinfo=UTC), datetime(2019, 7, 23, 10, 42, tzinfo=UTC),
         datetime(2019, 7, 23, 12, 5, tzinfo=UTC), datetime(2019, 7, 23, 14, 30, tzinfo=UTC),
         datetime(2019, 7, 23, 16, 10, tzinfo=UTC)]
AUTHORS = ["Steppenwolf", "Kalinka", "Harbour_Watcher", "juergen", "Steppenwolf"]
LEAKS = ("Si vis pacem", "Defence ministries", "news.example.com", "Likes", "Steppenwolf:",
         "Kalinka:", "next page", "Jürgen Müller", "deleted by author", "like this post",
         "Post date", "Jul 2019")


@pytest.fixture(scope="module", params=[CRAWLER1, RENDERED], ids=["crawler", "rendered"])
def topic(request: pytest.FixtureRequest) -> Thread:
    return read_with(DiscourseParser, request.param)


@pytest.fixture(scope="module")
def crawler() -> Thread:
    return read_with(DiscourseParser, CRAWLER1)


@pytest.fixture(scope="module")
def rendered() -> Thread:
    return read_with(DiscourseParser, RENDERED)


def _page(*posts: str, canonical: str = "https://d.example/t/slug/50") -> str:
    return ('<!DOCTYPE html><html><head><meta name="generator" content="Discourse 3.2.1">'
            f'<link rel="canonical" href="{canonical}"></head><body>{"".join(posts)}'
            "</body></html>")


def _crawler_post(number: str, body: str, when: str = "2019-07-23T10:00:00Z") -> str:
    return (f"<div id='post_{number}' class='topic-body crawler-post'>"
            "<div class='crawler-post-meta'>"
            "<span class='creator' itemprop='author'><span itemprop='name'>ann</span></span>"
            f"<span class='crawler-post-infos'><time datetime='{when}'>x</time></span></div>"
            f"<div class='post' itemprop='text'>{body}</div></div>")


def test_both_views_give_the_same_metadata(topic: Thread) -> None:
    assert (topic.engine, topic.id) == ("discourse", "4242")
    assert topic.title == "Bombers fly joint patrol over the Sea of Japan"
    assert topic.url == ("https://discuss.example.com/t/"
                         "bombers-fly-joint-patrol-over-the-sea-of-japan/4242")


def test_crawler_ids_are_post_numbers_and_rendered_ids_are_forum_ids(
        crawler: Thread, rendered: Thread) -> None:
    assert [p.id for p in crawler.posts] == ["1", "2", "3", "5", "6"]
    assert [p.id for p in rendered.posts] == ["90001", "90002", "90003", "90005", "90006"]


def test_authors_and_dates_match_in_both_views(topic: Thread) -> None:
    assert [p.author for p in topic.posts] == AUTHORS
    assert [p.timestamp for p in topic.posts] == DATES
    assert [p.position for p in topic.posts] == [0, 1, 2, 3, 4]


def test_text_is_the_authors_words_without_onebox_signature_or_chrome(topic: Thread) -> None:
    first, _, edited, *_ = topic.posts
    assert first.text == ("Two Russian Tu-95MS and two Chinese H-6K bombers flew a joint patrol "
                          "over the Sea of Japan and the East China Sea this morning.\n\n"
                          "It is the first time the two air forces have patrolled together. "
                          "What do you make of it?")
    assert edited.text == ("Planned or not, Seoul scrambled fighters and Tokyo protested "
                           "within hours.\n\nThe route over Dokdo was chosen to test both of them.")
    assert phrases_in(topic, LEAKS) == []


def test_quote_post_numbers_become_the_quoted_posts_ids(topic: Thread) -> None:
    ids = [p.id for p in topic.posts]
    assert [(q.post_id, q.author) for q in topic.posts[1].quotes] == [(ids[0], "Steppenwolf")]
    assert topic.posts[1].quotes[0].text == (
        "It is the first time the two air forces have patrolled together.")
    assert [(q.post_id, q.author) for q in topic.posts[4].quotes] == [(ids[3], "juergen")]
    assert topic.posts[4].reply_to == ids[3]


def test_nested_quote_belongs_to_the_quoted_post_not_the_outer_quote(topic: Thread) -> None:
    post = topic.posts[2]
    assert [(q.post_id, q.author, q.text) for q in post.quotes] == [
        (topic.posts[1].id, "Kalinka", "It was planned for months.")]
    assert post.reply_to == topic.posts[1].id


def test_quote_by_name_only_has_a_speaker_but_no_post(topic: Thread) -> None:
    assert [(q.post_id, q.author) for q in topic.posts[3].quotes] == [(None, "Harbour_Watcher")]


def test_german_and_russian_words_are_kept_intact(topic: Thread) -> None:
    assert topic.posts[3].text == ("Die gemeinsame Patrouille über dem Japanischen Meer zeigt, "
                                   "dass Moskau und Peking enger zusammenrücken.\n\n"
                                   "Schöne Grüße aus Köln.")
    assert "Это была первая совместная патрульная миссия" in topic.posts[1].text


def test_reply_tab_is_resolved_to_the_named_users_only_earlier_post(rendered: Thread) -> None:
    assert rendered.posts[3].reply_to == "90003"


def test_deleted_post_and_embedded_reply_preview_are_not_kept(rendered: Thread) -> None:
    assert [(s.reason, s.preview) for s in rendered.skipped] == [
        ("deleted post", "(post deleted by author)")]
    assert rendered.posts[4].text == "Greetings back! Closer, yes, but still no alliance."


def test_flagged_and_small_action_posts_are_skipped_with_their_reasons() -> None:
    html = _page('<div class="topic-post post-hidden"><article id="post_2" data-post-id="7" '
                 'class="boxed onscreen-post"><div class="cooked"><p>flagged</p></div></article>'
                 '</div>',
                 '<article id="post_3" class="small-action onscreen-post"><div '
                 'class="small-action-desc"><p>closed the topic</p></div></article>',
                 '<div class="topic-post"><article id="post_4" data-post-id="9" '
                 'class="boxed onscreen-post"><div class="cooked"><p>kept</p></div></article>'
                 '</div>')
    thread = DiscourseParser().parse(document(html))
    assert [p.id for p in thread.posts] == ["9"]
    assert [s.reason for s in thread.skipped] == ["hidden post", "small action"]


def test_crawler_pages_merge_and_a_quote_of_an_earlier_page_keeps_its_number() -> None:
    thread = parse_paths([CRAWLER1, CRAWLER2])
    assert [p.id for p in thread.posts] == ["1", "2", "3", "5", "6", "7", "8"]
    assert [p.position for p in thread.posts] == list(range(7))
    assert (thread.posts[5].quotes[0].post_id, thread.posts[5].reply_to) == ("3", "3")
    assert thread.url.endswith("/4242")


def test_rendered_quote_of_a_post_not_on_the_page_or_of_another_topic_has_no_id() -> None:
    aside = ('<aside class="quote" data-username="bob" data-post="{n}" data-topic="{t}">'
             '<div class="title">bob:</div><blockquote><p>q{n}</p></blockquote></aside>')
    cooked = aside.format(n=9, t=50) + aside.format(n=1, t=77) + aside.format(n=1, t=50)
    article = ('<article id="post_{n}" data-post-id="{i}" class="boxed onscreen-post">'
               '<div class="cooked">{c}</div></article>')
    html = _page(article.format(n=1, i=501, c="<p>first</p>"),
                 article.format(n=2, i=502, c=cooked + "<p>reply</p>"))
    post = DiscourseParser().parse(document(html)).posts[1]
    assert [(q.text, q.post_id) for q in post.quotes] == [("q9", None), ("q1", None),
                                                           ("q1", "501")]
    assert post.reply_to == "501"


def test_older_crawler_layout_reads_the_position_and_article_body() -> None:
    post = ("<div itemscope itemtype='http://schema.org/DiscussionForumPosting' "
            "class='topic-body crawler-post'><div class='crawler-post-meta'>"
            "<div itemprop='publisher'><meta itemprop='name' content='Org'></div>"
            "<span class='creator' itemprop='author'><a><span itemprop='name'>ann</span></a></span>"
            "<span class='crawler-post-infos'><time itemprop='datePublished' "
            "datetime='2019-11-18T06:49:00Z'>x</time><meta itemprop='dateModified' "
            "content='2020-11-10T17:53:24Z'><span itemprop='position'>#4</span></span></div>"
            "<div class='post' itemprop='articleBody'><p>old words</p></div></div>")
    found = DiscourseParser().parse(document(_page(post))).posts[0]
    assert (found.id, found.author, found.timestamp, found.text) == (
        "4", "ann", datetime(2019, 11, 18, 6, 49, tzinfo=UTC), "old words")


def test_can_parse_wants_the_discourse_generator() -> None:
    assert DiscourseParser.can_parse(document('<html><head><meta content="Discourse 2.8" '
                                              'name="generator"></head><body></body></html>'))
    assert not DiscourseParser.can_parse(document("<html><body><p>Discourse is a forum</p>"
                                                  "</body></html>"))


_PARTS = st.sampled_from([
    "text", "<p>", "</p>", "<br>", "&nbsp;", "<blockquote>", "</blockquote>",
    '<aside class="quote" data-username="x" data-post="1" data-topic="50">', "</aside>",
    '<aside class="quote" data-post="junk">', '<div class="title">y:</div>',
    '<aside class="onebox"><p>preview</p></aside>', "<script>x</script>",
    '<section class="embedded-posts"><div class="cooked">e</div></section>',
])


@given(st.lists(st.one_of(_PARTS, st.text(max_size=20)), max_size=25),
       st.text(max_size=8), st.text(max_size=20))
def test_arbitrary_post_markup_gives_a_thread_or_our_error(
        parts: list[str], number: str, when: str) -> None:
    html = _page(_crawler_post(number.replace("'", ""), "".join(parts), when.replace("'", "")))
    thread_or_our_error(DiscourseParser(), document(html))
