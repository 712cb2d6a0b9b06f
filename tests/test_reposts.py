"""Repost detection: MinHash LSH candidates confirmed by exact Jaccard."""

from __future__ import annotations

from dataclasses import replace

from analyzer.model import Post, Quote, Thread
from analyzer.reposts import find_reposts, jaccard, lsh_parameters, shingles
from analyzer.settings import default_settings

COMMENT = ("The sanctions will never work because every neighbour keeps buying the oil "
           "through third countries and nobody in the capital cares about the price at all")


def thread_of(*texts: str, authors: tuple[str | None, ...] = ()) -> Thread:
    posts = tuple(
        Post(id=str(i + 1), position=i, author=(authors[i] if authors else None),
             timestamp=None, text=t)
        for i, t in enumerate(texts)
    )
    return Thread(id="t", title=None, engine="test", url=None, posts=posts)


def test_identical_comments_form_one_cluster_in_thread_order():
    thread = thread_of(COMMENT, "A completely different reply about the weather and trains "
                       "running late every single morning this week", COMMENT, COMMENT)
    clusters = find_reposts(thread, default_settings())
    assert len(clusters) == 1
    assert clusters[0].post_ids == ("1", "3", "4")
    assert clusters[0].similarity == 1.0


def test_lightly_edited_copy_joins_the_cluster():
    edited = COMMENT.replace("never", "not ever").replace("at all", "whatsoever")
    clusters = find_reposts(thread_of(COMMENT, edited), replace(default_settings(),
                                                                threshold=0.6))
    assert clusters and clusters[0].post_ids == ("1", "2")
    assert 0.6 <= clusters[0].similarity < 1.0


def test_posts_that_only_share_a_quote_are_not_reposts():
    quote = Quote(text=COMMENT, post_id="1", author="ann")
    posts = (
        Post(id="1", position=0, author="ann", timestamp=None, text=COMMENT),
        Post(id="2", position=1, author="ben", timestamp=None,
             text="I could not disagree more with every single word of this post my friend",
             quotes=(quote,)),
        Post(id="3", position=2, author="cat", timestamp=None,
             text="Completely agree with you ann, this is what I have been telling people",
             quotes=(quote,)),
    )
    thread = Thread(id="t", title=None, engine="test", url=None, posts=posts)
    assert find_reposts(thread, default_settings()) == ()


def test_short_posts_are_never_candidates():
    assert find_reposts(thread_of("Agreed.", "Agreed.", "Agreed."), default_settings()) == ()


def test_cluster_records_distinct_authors_to_tell_self_reposts_from_spread():
    clusters = find_reposts(thread_of(COMMENT, COMMENT, COMMENT, authors=("x", "x", "y")),
                            default_settings())
    assert clusters[0].authors == ("x", "y")


def test_find_reposts_does_not_change_the_thread():
    thread = thread_of(COMMENT, COMMENT)
    before = repr(thread)
    find_reposts(thread, default_settings())
    assert repr(thread) == before


def test_shingles_are_word_ngrams_and_short_text_is_one_shingle():
    assert shingles("a b c d", 3) == {b"a b c", b"b c d"}
    assert shingles("Hi there", 3) == {b"hi there"}
    assert jaccard({b"x"}, {b"x", b"y"}) == 0.5


def test_lsh_parameters_report_small_error_rates_for_defaults():
    params = lsh_parameters(default_settings())
    assert params.bands * params.rows <= default_settings().num_perm
    assert 0 < params.false_positive < 0.1
    assert 0 < params.false_negative < 0.1


def test_lsh_parameters_match_the_banding_datasketch_chooses():
    from datasketch import MinHashLSH

    for threshold in (0.5, 0.8, 0.9):
        params = lsh_parameters(replace(default_settings(), threshold=threshold))
        index = MinHashLSH(threshold=threshold, num_perm=128)
        assert (params.bands, params.rows) == (index.b, index.r)


def test_a_comment_buried_in_a_long_post_joins_its_copy():
    long_post = " ".join(
        f"Paragraph {n} of a long reply goes on about ferries, tariffs, harvests and the "
        f"regional election number {n} with its own quite different vocabulary." for n in range(8))
    host = long_post + "\n\n" + COMMENT + "\n\nAnyway that is what I read this morning."
    clusters = find_reposts(thread_of(COMMENT, host), default_settings())
    assert clusters and clusters[0].post_ids == ("1", "2")
    assert clusters[0].similarity < 0.3
    assert clusters[0].containment == 1.0


def test_containment_setting_below_the_overlap_is_needed_to_join_a_buried_copy():
    host = COMMENT + " " + " ".join(f"extra{n} words{n} here{n}" for n in range(40))
    strict = replace(default_settings(), containment=1.0)
    assert find_reposts(thread_of(COMMENT, host), strict)[0].containment == 1.0
    half = COMMENT.split()
    partial = " ".join(half[: len(half) // 2]) + " " + " ".join(f"x{n} y{n}" for n in range(60))
    assert find_reposts(thread_of(COMMENT, partial), default_settings()) == ()
