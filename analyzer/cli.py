"""The ``forum-analyzer`` command: a thin click layer over the Python API.

Library errors (:class:`analyzer.errors.AnalyzerError`) become one
``Error: ...`` line on stderr and the exit code named in
:class:`analyzer.errors.ExitCode`; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from analyzer.errors import AnalyzerError, ExitCode

ALIASES = {"analyze": "analyse"}


class AnalyzerClickError(click.ClickException):
    """A library error, shown as ``Error: message`` with its own exit code."""

    def __init__(self, error: AnalyzerError) -> None:
        super().__init__(str(error))
        self.exit_code = int(error.exit_code)


class AliasedGroup(click.Group):
    """A group that also answers to the spellings in :data:`ALIASES`."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        return (command.name if command else name), command, rest


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Turn library errors and warnings into click's messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except AnalyzerError as exc:
            if debug:
                raise
            raise AnalyzerClickError(exc) from None
        finally:
            for warning in caught:
                click.echo(f"Warning: {warning.message}", err=True)


def _command(func: Callable[..., None]) -> Callable[..., None]:
    """Add ``--debug`` to a command and wrap it in :func:`_errors`."""

    @click.option("--debug", is_flag=True, help="Show the traceback of an error.")
    @click.pass_context
    def wrapper(ctx: click.Context, debug: bool, **kwargs: Any) -> None:
        with _errors(debug):
            ctx.invoke(func, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


_SELECTORS = click.option(
    "--selectors", metavar="FILE.toml", type=click.Path(dir_okay=False),
    help="Read an HTML forum no parser knows, with CSS selectors from this file.")


def _skin_parser(selectors: str | None) -> Any:
    """The parser for a ``--selectors`` file, or None."""
    if not selectors:
        return None
    from analyzer.parsers.html import SelectorParser
    from analyzer.parsers.skin import load_skin

    return SelectorParser(load_skin(selectors))


@click.group(cls=AliasedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="forum-analyzer")
def cli() -> None:
    """Analyse saved forum threads: reposts, stance toward actors, and news framing."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="One JSON object, or one post per line.")
@click.option("--engine", metavar="NAME", help="Force a parser (see `forum-analyzer parsers`).")
@_SELECTORS
@click.option("-o", "--output", type=click.Path(), help="Write here, not stdout.")
@_command
def parse(paths: Sequence[str], fmt: str, engine: str | None, selectors: str | None,
          output: str | None) -> None:
    """Parse the page files of one thread into posts (JSON)."""
    from analyzer.output import write_text
    from analyzer.parsers.registry import parse_paths
    from analyzer.serialize import post_to_dict, thread_to_dict

    thread = parse_paths(paths, engine=engine, parser=_skin_parser(selectors))
    if fmt == "json":
        text = json.dumps(thread_to_dict(thread), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(post_to_dict(p), ensure_ascii=False) + "\n"
                       for p in thread.posts)
    if output:
        write_text(output, text)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--news", "news", multiple=True, metavar="PATH",
              help="A news article file, or a folder of them. Repeatable.")
@click.option("-o", "--output", type=click.Path(),
              help="Markdown report path [default: reports/<thread-name>.md].")
@click.option("--json", "json_path", type=click.Path(),
              help="Also write the full result as JSON here.")
@click.option("--config", type=click.Path(dir_okay=False),
              help="TOML file overriding targets, frames, lexicon or parameters.")
@click.option("--engine", metavar="NAME", help="Force a parser (see `forum-analyzer parsers`).")
@_SELECTORS
@click.option("-q", "--quiet", is_flag=True, help="Do not print the closing summary line.")
@_command
def analyse(paths: Sequence[str], news: Sequence[str], output: str | None,
            json_path: str | None, config: str | None, engine: str | None,
            selectors: str | None, quiet: bool) -> None:
    """Analyse one thread (page files or a folder) against news articles.

    Writes a Markdown report, and with --json the full result as JSON.
    """
    from analyzer.output import write_json, write_text
    from analyzer.pipeline import analyse_paths
    from analyzer.report import render_markdown
    from analyzer.serialize import analysis_to_dict
    from analyzer.settings import load_settings

    settings = load_settings(config)
    analysis = analyse_paths(paths, news=news, settings=settings, engine=engine,
                             parser=_skin_parser(selectors))
    report = Path(output) if output else Path("reports") / f"{thread_name(paths)}.md"
    markdown = render_markdown(analysis)
    if json_path:
        write_json(json_path, analysis_to_dict(analysis))
    write_text(report, markdown)
    if not quiet:
        n_posts, n_clusters = len(analysis.thread.posts), len(analysis.clusters)
        click.echo(f"{n_posts} posts, {n_clusters} repost cluster"
                   f"{'s' if n_clusters != 1 else ''}, {len(analysis.articles)} news "
                   f"article{'s' if len(analysis.articles) != 1 else ''}: wrote {report}"
                   + (f" and {json_path}" if json_path else ""), err=True)


@cli.command()
@_command
def parsers() -> None:
    """List the parsers, built-in and plugin, with the engines they read."""
    from analyzer.parsers.registry import available_parsers

    for parser in available_parsers():
        origin = "built-in" if parser.__module__.startswith("analyzer.") else parser.__module__
        click.echo(f"{parser.engine:<12} {parser.description} [{origin}]")


def thread_name(paths: Sequence[str]) -> str:
    """Name a thread for its default report path: its folder, or its file's stem.

    A single file with a generic name (``thread.txt``, ``index.html``,
    ``page-2.html``) is named after its folder instead.
    """
    first = Path(paths[0])
    if first.is_dir():
        return first.resolve().name or "thread"
    stem = first.stem
    generic = stem.lower().rstrip("0123456789-_ ") in {"thread", "index", "page", "posts", ""}
    if len(paths) > 1 or generic:
        parent = first.resolve().parent.name
        return parent or stem or "thread"
    return stem


def main() -> None:
    """Entry point of the ``forum-analyzer`` console script."""
    try:
        cli.main(prog_name="forum-analyzer")
    except KeyboardInterrupt:
        click.echo("Error: interrupted", err=True)
        sys.exit(ExitCode.ERROR)
