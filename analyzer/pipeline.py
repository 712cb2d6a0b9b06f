"""The whole job as one function: thread and articles in, :class:`Analysis` out.

This is the Python API the command line is a thin layer over::

    from analyzer import analyse_paths
    analysis = analyse_paths(["threads/joint-patrol/"], news=["threads/joint-patrol/news/"])
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from analyzer.articles import load_articles
from analyzer.framing import compare
from analyzer.model import Analysis, Article, MethodFacts, Thread
from analyzer.news import apply_verdicts, judge_posts
from analyzer.parallel import Pending, collector_paused, start_call, start_map
from analyzer.parsers.base import Parser
from analyzer.reading.batch import parse_paths
from analyzer.reposts import find_reposts, lsh_parameters
from analyzer.settings import Settings, default_settings
from analyzer.stance import score_articles, summarise
from analyzer.stance.actors import finds_actors, post_names, resolve_targets
from analyzer.stance.intervals import METHOD as INTERVAL_METHOD
from analyzer.stance.score import NEUTRAL_BAND, score_post
from analyzer.stance.sentiment import analyzer_for

Progress = Callable[[str, int, int], None]
"""A progress callback, called as ``progress(stage, done, total)``: ``done`` of
``total`` stages are finished and ``stage`` (one of :data:`STAGES`, or
``"done"`` at the end) is the one starting."""

STAGES = ("reading", "news", "reposts", "stance", "framing")
"""The stages a progress callback hears of, in order."""


def _tell(progress: Progress | None, stage: str) -> None:
    if progress is not None:
        done = STAGES.index(stage) if stage in STAGES else len(STAGES)
        progress(stage, done, len(STAGES))


def analyse(thread: Thread, articles: Sequence[Article] = (),
            settings: Settings | None = None, progress: Progress | None = None) -> Analysis:
    """Run every stage after parsing on ``thread``.

    Args:
        thread: A parsed thread.
        articles: News articles about the same event (may be empty).
        settings: Parameters; the built-in defaults if None.
        progress: Told as each stage starts (:data:`Progress`), if given.

    Returns:
        The analysis. ``thread`` in it has pasted news marked; the thread
        passed in is not changed. Per-post work runs in ``settings.jobs``
        worker processes (every core by default); the result does not
        depend on how many.
    """
    with collector_paused():  # see collector_paused: the stages make no cyclic garbage to speak of
        return _analyse(thread, tuple(articles), settings or default_settings(), progress)


def _analyse(thread: Thread, articles: tuple[Article, ...], settings: Settings,
             progress: Progress | None) -> Analysis:
    jobs, size = settings.jobs, len(thread.posts)
    _tell(progress, "news")
    # Reposts and the posts' proper nouns depend on the texts alone, not on
    # which posts are pasted news: a process each reads them while the news
    # workers judge the posts.
    names_of: Pending[tuple[list[tuple[str, bool]], ...] | None] = (
        start_call(post_names, thread, jobs=jobs, size=size) if finds_actors(settings)
        else Pending(lambda: None))  # preset targets: no names to read
    with names_of, start_call(find_reposts, thread, settings, jobs=jobs, size=size) as reposts:
        verdicts = judge_posts(thread, articles, settings)
        thread = apply_verdicts(thread, verdicts)
        _tell(progress, "reposts")
        clusters, names = reposts.result(), names_of.result()
    # The thread's actors become the targets, if none are set.
    settings = resolve_targets(thread, settings, clusters, names)
    # Stance scoring, the costliest stage, runs in worker processes while
    # framing runs in a process of its own.
    with start_map(score_post, thread.posts, settings, jobs=jobs, warm=_warm_scorer) as scoring, \
            start_call(compare, thread, articles, clusters, settings, jobs=jobs,
                       size=size) as framing_call:
        _tell(progress, "stance")
        # While the workers score, this process does what needs no post's
        # stance, and loads the module the summary's intervals import.
        article_stances = score_articles(articles, settings)
        importlib.import_module("scipy.special")
        stances = tuple(s for found in scoring.result() for s in found)
        summary = summarise(thread, clusters, stances, article_stances, articles, settings)
        _tell(progress, "framing")
        framing = framing_call.result()
    _tell(progress, "done")
    return Analysis(
        thread=thread,
        articles=articles,
        clusters=clusters,
        stances=stances,
        article_stances=article_stances,
        summary=summary,
        framing=framing,
        settings=settings,
        method=method_facts(settings),
        news_verdicts=tuple(v for v in verdicts if v.is_news),
    )


def _warm_scorer(settings: Settings) -> None:
    """Set up a stance worker: its VADER analyser, and a slightly lower priority.

    The stance workers share the cores with framing's one process; at equal
    priority framing, the longer single task, is left running alone on one
    core after they finish. A niceness of 1 (a fifth less weight) lets it
    keep pace, and costs nothing when framing is done first.
    """
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not allowed here: no matter
            os.nice(1)
    analyzer_for(settings)


def method_facts(settings: Settings) -> MethodFacts:
    """The facts about the stages that the report's method section and the JSON state."""
    return MethodFacts(
        lsh=lsh_parameters(settings),
        interval=INTERVAL_METHOD,
        neutral_band=NEUTRAL_BAND,
    )


def analyse_paths(thread_paths: Sequence[str | Path], news: Sequence[str | Path] = (),
                  settings: Settings | None = None, engine: str | None = None,
                  parser: Parser | None = None, progress: Progress | None = None) -> Analysis:
    """Parse a thread (one or more page files, or a folder) and analyse it.

    Args:
        thread_paths: Files of one thread, or a folder holding them.
        news: News article files or folders.
        settings: Parameters; the built-in defaults if None.
        engine: Force a parser instead of detecting the engine.
        parser: A ready-made parser for every file (a ``--selectors`` skin).
        progress: Told as each stage starts (:data:`Progress`), if given.

    Raises:
        analyzer.errors.AnalyzerError: On unreadable or unparseable input.
    """
    settings = settings or default_settings()
    _tell(progress, "reading")
    thread = parse_paths(thread_paths, engine=engine, parser=parser,
                         max_size=settings.max_file_size)
    articles = load_articles(news, max_size=settings.max_file_size) if news else ()
    return analyse(thread, articles, settings, progress)
