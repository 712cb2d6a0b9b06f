"""The whole job as one function: thread and articles in, :class:`Analysis` out.

This is the Python API the command line is a thin layer over::

    from analyzer import analyse_paths
    analysis = analyse_paths(["threads/joint-patrol/"], news=["threads/joint-patrol/news/"])
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analyzer.articles import load_articles
from analyzer.framing import compare
from analyzer.model import Analysis, Article, Thread
from analyzer.news import mark_news
from analyzer.parsers.base import Parser
from analyzer.parsers.registry import parse_paths
from analyzer.reposts import find_reposts
from analyzer.settings import Settings, default_settings
from analyzer.stance import score_articles, score_thread, summarise


def analyse(thread: Thread, articles: Sequence[Article] = (),
            settings: Settings | None = None) -> Analysis:
    """Run every stage after parsing on ``thread``.

    Args:
        thread: A parsed thread.
        articles: News articles about the same event (may be empty).
        settings: Parameters; the built-in defaults if None.

    Returns:
        The analysis. ``thread`` in it has pasted news marked; the thread
        passed in is not changed.
    """
    settings = settings or default_settings()
    articles = tuple(articles)
    thread = mark_news(thread, articles, settings)
    clusters = find_reposts(thread, settings)
    stances = score_thread(thread, settings)
    article_stances = score_articles(articles, settings)
    summary = summarise(thread, clusters, stances, article_stances, articles, settings)
    framing = compare(thread, articles, clusters, settings)
    return Analysis(
        thread=thread,
        articles=articles,
        clusters=clusters,
        stances=stances,
        article_stances=article_stances,
        summary=summary,
        framing=framing,
        settings=settings,
    )


def analyse_paths(thread_paths: Sequence[str | Path], news: Sequence[str | Path] = (),
                  settings: Settings | None = None, engine: str | None = None,
                  parser: Parser | None = None) -> Analysis:
    """Parse a thread (one or more page files, or a folder) and analyse it.

    Args:
        thread_paths: Files of one thread, or a folder holding them.
        news: News article files or folders.
        settings: Parameters; the built-in defaults if None.
        engine: Force a parser instead of detecting the engine.
        parser: A ready-made parser for every file (a ``--selectors`` skin).

    Raises:
        analyzer.errors.AnalyzerError: On unreadable or unparseable input.
    """
    thread = parse_paths(thread_paths, engine=engine, parser=parser)
    articles = load_articles(news) if news else ()
    return analyse(thread, articles, settings)
