"""Pasted news: posts that are news articles rather than forum opinion.

A post is pasted news when most of its shingles appear in a supplied
article (containment), or, with no matching article, when it reads like one:
long, attributed, third-person prose with a masthead or reporting verbs (see
:mod:`analyzer.register`). Such posts are marked ``kind="news"`` and kept
out of forum-opinion figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzer.model import Article, Post, Thread
from analyzer.parallel import parallel_map
from analyzer.register import reads_like_article
from analyzer.reposts import shingles
from analyzer.settings import Settings


@dataclass(frozen=True)
class NewsVerdict:
    """Why a post was (or was not) taken for pasted news.

    Attributes:
        post_id: The post.
        is_news: The verdict.
        containment: Highest share of the post's shingles found in one article.
        article_id: That article, if any.
        reads_like_article: The register test's verdict.
    """

    post_id: str
    is_news: bool
    containment: float
    article_id: str | None
    reads_like_article: bool


def judge(post: Post, articles: Sequence[Article], settings: Settings,
          article_shingles: Sequence[set[bytes]] | None = None) -> NewsVerdict:
    """Decide whether ``post`` is a pasted news article."""
    own = shingles(post.text, settings.shingle_size)
    if article_shingles is None:
        article_shingles = [shingles(a.text, settings.shingle_size) for a in articles]
    best, best_id = 0.0, None
    if own:
        for article, theirs in zip(articles, article_shingles, strict=True):
            share = len(own & theirs) / len(own)
            if share > best:
                best, best_id = share, article.id
    register = reads_like_article(post.text)
    return NewsVerdict(
        post_id=post.id,
        is_news=best >= settings.news_containment or register,
        containment=round(best, 4),
        article_id=best_id if best > 0 else None,
        reads_like_article=register,
    )


def mark_news(thread: Thread, articles: Sequence[Article], settings: Settings) -> Thread:
    """Return a copy of ``thread`` with pasted news posts marked ``kind="news"``.

    Posts are judged in worker processes (:func:`analyzer.parallel.parallel_map`,
    ``settings.jobs``); the result does not depend on how many.

    Args:
        thread: The parsed thread.
        articles: News articles supplied by the user (may be empty).
        settings: ``shingle_size``, ``news_containment`` and ``jobs`` are used.
    """
    articles = tuple(articles)
    context = _Context(settings, articles,
                       tuple(shingles(a.text, settings.shingle_size) for a in articles))
    verdicts = parallel_map(_judge, thread.posts, context, jobs=settings.jobs)
    posts = []
    for post, verdict in zip(thread.posts, verdicts, strict=True):
        kind = "news" if verdict.is_news else "opinion"
        posts.append(post if post.kind == kind else replace(post, kind=kind))
    return replace(thread, posts=tuple(posts))


@dataclass(frozen=True)
class _Context:
    """What judging every post shares: sent once to each worker."""

    settings: Settings
    articles: tuple[Article, ...]
    article_shingles: tuple[set[bytes], ...]


def _judge(context: _Context, post: Post) -> NewsVerdict:
    return judge(post, context.articles, context.settings, context.article_shingles)
