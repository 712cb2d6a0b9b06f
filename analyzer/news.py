"""Pasted news: posts that are news articles rather than forum opinion.

A post is pasted news when most of its shingles appear in a supplied
article (containment), or, with no matching article, when it reads like one:
long, attributed, third-person prose with a masthead or reporting verbs (see
:mod:`analyzer.news_register`). Such posts are marked ``kind="news"`` and kept
out of forum-opinion figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzer.model import Article, NewsVerdict, Post, PostKind, Thread
from analyzer.news_register import reads_like_article, words_of
from analyzer.parallel import parallel_map
from analyzer.settings import Settings

Shingles = frozenset[tuple[str, ...]]
"""A text's word ``n``-grams, each a tuple of lower-cased words."""


def shingles(text: str, size: int) -> Shingles:
    """Return the word ``size``-grams of ``text`` as tuples of lower-cased words.

    The same grams as :func:`analyzer.reposts.shingles` (a text shorter than
    ``size`` words gives one gram of all its words), kept as tuples: they
    are built in C, and no gram is joined and encoded only to be compared.
    """
    tokens = words_of(text)
    if not tokens:
        return frozenset()
    if len(tokens) < size:
        return frozenset((tuple(tokens),))
    return frozenset(zip(*(tokens[i:] for i in range(size)), strict=False))


def judge(post: Post, articles: Sequence[Article], settings: Settings,
          article_shingles: Sequence[Shingles] | None = None) -> NewsVerdict:
    """Decide whether ``post`` is a pasted news article.

    Args:
        post: The post.
        articles: News articles supplied by the user (may be empty).
        settings: ``shingle_size`` and ``news_containment`` are used.
        article_shingles: :func:`shingles` of each article, if worked out
            already (they are worked out here otherwise).
    """
    if article_shingles is None:
        article_shingles = [shingles(a.text, settings.shingle_size) for a in articles]
    best, best_article = 0.0, None
    if articles:  # with no article to compare, the post's shingles are not needed
        own = shingles(post.text, settings.shingle_size)
        if own:
            for article, theirs in zip(articles, article_shingles, strict=True):
                share = len(own & theirs) / len(own)
                if share > best:
                    best, best_article = share, article
    register = reads_like_article(post.text)
    return NewsVerdict(
        post_id=post.id,
        is_news=best >= settings.news_containment or register,
        containment=round(best, 4),
        article_id=best_article.id if best_article is not None else None,
        article_title=best_article.title if best_article is not None else None,
        reads_like_article=register,
    )


def judge_posts(thread: Thread, articles: Sequence[Article],
                settings: Settings) -> tuple[NewsVerdict, ...]:
    """Judge every post of ``thread``: one verdict per post, in thread order.

    Args:
        thread: The parsed thread.
        articles: News articles supplied by the user (may be empty).
        settings: ``shingle_size``, ``news_containment`` and ``jobs`` are used.
    """
    articles = tuple(articles)
    context = _Context(settings, articles,
                       tuple(shingles(a.text, settings.shingle_size) for a in articles))
    return tuple(parallel_map(_judge, thread.posts, context, jobs=settings.jobs))


@dataclass(frozen=True)
class _Context:
    """What judging every post shares: sent once to each worker."""

    settings: Settings
    articles: tuple[Article, ...]
    article_shingles: tuple[Shingles, ...]


def _judge(context: _Context, post: Post) -> NewsVerdict:
    return judge(post, context.articles, context.settings, context.article_shingles)


def apply_verdicts(thread: Thread, verdicts: Sequence[NewsVerdict]) -> Thread:
    """Return a copy of ``thread`` with each post's kind set by its verdict.

    Args:
        thread: The thread the verdicts were made on.
        verdicts: One verdict per post, in thread order (:func:`judge_posts`).
    """
    posts = []
    for post, verdict in zip(thread.posts, verdicts, strict=True):
        kind: PostKind = "news" if verdict.is_news else "opinion"
        posts.append(post if post.kind == kind else replace(post, kind=kind))
    return replace(thread, posts=tuple(posts))


def mark_news(thread: Thread, articles: Sequence[Article], settings: Settings) -> Thread:
    """Return a copy of ``thread`` with pasted news posts marked ``kind="news"``.

    Posts are judged in worker processes (:func:`analyzer.parallel.parallel_map`,
    ``settings.jobs``); the result does not depend on how many.

    Args:
        thread: The parsed thread.
        articles: News articles supplied by the user (may be empty).
        settings: ``shingle_size``, ``news_containment`` and ``jobs`` are used.
    """
    return apply_verdicts(thread, judge_posts(thread, articles, settings))
