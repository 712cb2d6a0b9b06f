"""The ``reposts`` and ``corpus`` commands: thin click wrappers over :mod:`analyzer.dumps`.

Registered on the main group by :mod:`analyzer.cli`; errors follow its rules
(``Error: ...`` on stderr and the exit code of :class:`analyzer.errors.ExitCode`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import click

from analyzer.cli_shared import _MAX_SIZE, _command

_ENGINE = click.option("--engine", metavar="NAME",
                       help="Force a parser for files that are not JSON Lines dumps "
                            "(see `forum-analyzer parsers`).")
_CONFIG = click.option("--config", type=click.Path(dir_okay=False),
                       help="TOML file overriding the [reposts] parameters.")
_DB = "--db"


def _settings(config: str | None, min_similarity: float | None,
              containment: float | None, max_size: int) -> Any:
    from analyzer.errors import ConfigError
    from analyzer.settings import load_settings

    settings = replace(load_settings(config), max_file_size=max_size)
    for name, value in (("--min-similarity", min_similarity), ("--containment", containment)):
        if value is not None and not 0.0 < value <= 1.0:
            raise ConfigError(f"{name} must be in (0, 1], not {value:g}")
    if min_similarity is not None:
        settings = replace(settings, threshold=min_similarity)
    if containment is not None:
        settings = replace(settings, containment=containment)
    return settings


def _emit_json(target: str, data: Any) -> None:
    from analyzer.output import write_json

    if target == "-":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        write_json(target, data)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--json", "json_path", metavar="OUT",
              help="Write the clusters as JSON here (- for stdout).")
@click.option("-o", "--output", type=click.Path(),
              help="Markdown report path [default: reports/<name>-reposts.md].")
@click.option("--min-similarity", type=float, metavar="F",
              help="Lowest Jaccard similarity of copies [default: reposts.threshold, 0.8].")
@click.option("--containment", type=float, metavar="F",
              help="Share of the shorter post found in the longer that makes a copy "
                   "[default: reposts.containment, 0.8].")
@click.option(_DB, "db", type=click.Path(dir_okay=False), metavar="FILE",
              help="Search this corpus (PATHs, if given, are added to it first).")
@click.option("--cluster", metavar="ADDRESS|local",
              help="Run on a Dask scheduler (tcp://host:8786), or `local` for a "
                   "LocalCluster on this machine. Needs the [dask] extra.")
@click.option("--no-charts", is_flag=True, help="Draw no chart.")
@_ENGINE
@_CONFIG
@_MAX_SIZE
@_command
def reposts(paths: Sequence[str], json_path: str | None, output: str | None,
            min_similarity: float | None, containment: float | None, db: str | None,
            cluster: str | None, no_charts: bool, engine: str | None, config: str | None,
            max_size: int) -> None:
    """Find texts posted again across the threads of a dump (files and folders).

    A dump is any mix of JSON Lines with a `thread` field, 4CAT and forum-dl
    datasets (every thread), exports and folders of saved pages (grouped into
    threads by the thread each page names).
    """
    from analyzer.errors import ConfigError, InputError
    from analyzer.output import check_writable

    settings = _settings(config, min_similarity, containment, max_size)
    if not paths and not db:
        raise InputError("give the dump's files or folders, or a corpus with --db")
    if db and cluster:
        raise ConfigError("--cluster reads the dump itself; leave out --db")
    name = Path(paths[0]).resolve().stem if paths else Path(db or "corpus").stem
    report = Path(output) if output else (None if json_path else
                                          Path("reports") / f"{name}-reposts.md")
    for target in (report, json_path):
        if target and str(target) != "-":
            check_writable(target)
    search = _run(paths, settings, db, cluster, engine, max_size)
    if json_path:
        from analyzer.dumps.export import search_to_dict

        _emit_json(json_path, search_to_dict(search))
    if report is not None:
        from analyzer.dumps.report import write_markdown

        write_markdown(search, report, charts=not no_charts)
    f = search.facts
    click.echo(f"{f.posts} posts in {f.threads} threads, {len(search.clusters)} cluster"
               f"{'s' if len(search.clusters) != 1 else ''} of copies"
               + (f": wrote {report}" if report else ""), err=True)


def _run(paths: Sequence[str], settings: Any, db: str | None, cluster: str | None,
         engine: str | None, max_size: int) -> Any:
    from analyzer.dumps.read import read_dump
    from analyzer.dumps.search import find_copies, search_dump

    if cluster:
        from analyzer.dumps.distributed import search_on_cluster

        return search_on_cluster(paths, settings, cluster, engine=engine, max_size=max_size)
    if not db:
        return search_dump(paths, settings, engine=engine, max_size=max_size)
    from analyzer.dumps.corpus import Corpus

    corpus = Corpus(db, settings, create=bool(paths))
    try:
        if paths:
            corpus.add(read_dump(paths, engine, None, max_size))
        return find_copies(corpus.dump(), settings)
    finally:
        corpus.close()


@click.group()
def corpus() -> None:
    """An embedded corpus (SQLite) of posts: add dumps, ask where a text was posted."""


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.option(_DB, "db", type=click.Path(dir_okay=False), metavar="FILE", required=True,
              help="The corpus database (created if missing).")
@_ENGINE
@_CONFIG
@_MAX_SIZE
@_command
def corpus_add(paths: Sequence[str], db: str, engine: str | None, config: str | None,
               max_size: int) -> None:
    """Add the posts of a dump to a corpus; posts already there are not signed again."""
    from analyzer.dumps.corpus import Corpus
    from analyzer.dumps.read import read_dump

    settings = _settings(config, None, None, max_size)
    store = Corpus(db, settings)
    try:
        added = store.add(read_dump(paths, engine, None, max_size))
        total = len(store)
    finally:
        store.close()
    skipped = sum(n for _, n in added.skipped)
    click.echo(f"{added.read} posts read: {added.signed} signed and added, {added.already} "
               f"already in the corpus, {added.short} under {settings.min_words} words"
               + (f", {skipped} items skipped by the readers" if skipped else "")
               + f"; {db} holds {total} posts", err=True)


@corpus.command("where")
@click.option(_DB, "db", type=click.Path(dir_okay=False), metavar="FILE", required=True,
              help="The corpus database.")
@click.option("--text", help="The text to look for.")
@click.option("--post", metavar="THREAD:ID", help="A stored post to look for.")
@click.option("--json", "json_path", metavar="OUT|-", default="-", show_default=True,
              help="Write the matches as JSON here (- for stdout).")
@_CONFIG
@_command
def corpus_where(db: str, text: str | None, post: str | None, json_path: str,
                 config: str | None) -> None:
    """Where else was this posted? Copies of a text, or of a stored post, in the corpus."""
    from analyzer.dumps.corpus import Corpus
    from analyzer.dumps.export import iso
    from analyzer.errors import ConfigError

    if (text is None) == (post is None):
        raise ConfigError("give exactly one of --text and --post")
    where_post = None
    if post is not None:
        thread, sep, post_id = post.rpartition(":")
        if not sep or not thread or not post_id:
            raise ConfigError(f"--post must be THREAD:ID, not {post!r}")
        where_post = (thread, post_id)
    store = Corpus(db, _settings(config, None, None, 0), create=False)
    try:
        matches = store.where(text=text, post=where_post)
    finally:
        store.close()
    rows = []
    for match in matches:
        row = asdict(match)
        row["timestamp"] = iso(match.timestamp)
        rows.append(row)
    _emit_json(json_path, {"matches": rows})


def register(group: click.Group) -> None:
    """Add ``reposts`` and ``corpus`` to the main command group."""
    group.add_command(reposts)
    group.add_command(corpus)


__all__ = ["corpus", "register", "reposts"]
