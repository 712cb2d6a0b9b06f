"""The ``forum-analyzer`` command: a thin click layer over the Python API.

Library errors (:class:`analyzer.errors.AnalyzerError`) become one
``Error: ...`` line on stderr and the exit code named in
:class:`analyzer.errors.ExitCode`; any other exception (a bug) becomes one
``Error: unexpected ...`` line and exit code ``ERROR``. ``--debug`` shows the
traceback instead. When some files of a batch fail, the others are still
read and written, and stderr ends with ``Error: N of M files failed:`` and
one line per failed file.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import click

from analyzer.errors import (
    AnalyzerError,
    ExitCode,
    FileFailedWarning,
    batch_summary,
    common_exit_code,
)

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


class UnexpectedError(click.ClickException):
    """An exception the library did not raise on purpose: a bug, or the machine gave out."""

    exit_code = int(ExitCode.ERROR)

    def __init__(self, error: BaseException) -> None:
        if isinstance(error, MemoryError):
            what = "out of memory"
        else:
            detail = str(error)
            what = f"unexpected {type(error).__name__}" + (f": {detail}" if detail else "")
        super().__init__(f"{what} (run again with --debug to see the traceback)")


class FailedFilesError(click.ClickException):
    """Some files of a batch failed; the rest were read and the output written."""

    def __init__(self, failures: Sequence[FileFailedWarning]) -> None:
        super().__init__(batch_summary([(f.path, f.error) for f in failures],
                                       failures[0].total))
        self.exit_code = int(common_exit_code(f.error for f in failures))


_CLICK_FLOW = (click.ClickException, click.exceptions.Exit, click.Abort)


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Turn library errors and warnings into click's messages.

    Warnings are printed as ``Warning: ...`` lines. Files a batch left out
    (:class:`~analyzer.errors.FileFailedWarning`) are gathered into one
    closing ``Error:`` summary with a non-zero exit code, once the command
    has written what it could.
    """
    failed: list[FileFailedWarning] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        finished = False
        try:
            yield
            finished = True
        except AnalyzerError as exc:
            if debug:
                raise
            raise AnalyzerClickError(exc) from None
        except _CLICK_FLOW:
            raise
        except Exception as exc:  # a bug must still end in one line, not a traceback
            if debug:
                raise
            raise UnexpectedError(exc) from None
        finally:
            for warning in caught:
                if finished and isinstance(warning.message, FileFailedWarning):
                    failed.append(warning.message)
                else:
                    click.echo(f"Warning: {warning.message}", err=True)
    if failed:
        raise FailedFilesError(failed)


class _Size(click.ParamType):
    """A size such as ``200MB`` or ``1.5GB`` (see :func:`analyzer.parsers.limits.parse_size`)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        from analyzer.parsers.limits import parse_size

        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


_MAX_SIZE = click.option(
    "--max-size", type=_Size(), default="100MB", show_default=True, metavar="SIZE",
    help="Refuse input files larger than this (e.g. 200MB, 1.5GB).")


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


_COLUMNS = click.option(
    "--columns", metavar="SPEC",
    help="Read CSV/TSV with these columns, e.g. text=body,author=user,timestamp=date "
         "(fields: id, author, text, timestamp, reply_to, title); forces the csv engine.")


def _chosen_parser(selectors: str | None, columns: str | None, engine: str | None) -> Any:
    """The parser ``--columns`` or ``--selectors`` asks for, or None to detect one."""
    from analyzer.errors import ConfigError

    if not columns:
        if selectors and engine:
            raise ConfigError("--selectors describes its own engine; leave out --engine")
        return _skin_parser(selectors)
    from analyzer.parsers.tabular import CsvParser, parse_columns

    if selectors:
        raise ConfigError("--columns (CSV) and --selectors (HTML) cannot be used together")
    if engine and engine.strip().lower() != "csv":
        raise ConfigError(f"--columns is for the csv engine, not {engine!r}")
    return CsvParser(columns=parse_columns(columns))


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
@_COLUMNS
@_MAX_SIZE
@click.option("-o", "--output", type=click.Path(), help="Write here, not stdout.")
@_command
def parse(paths: Sequence[str], fmt: str, engine: str | None, selectors: str | None,
          columns: str | None, max_size: int, output: str | None) -> None:
    """Parse the page files of one thread into posts (JSON)."""
    from analyzer.output import write_text
    from analyzer.parsers.registry import parse_paths
    from analyzer.serialize import post_to_dict, thread_to_dict

    thread = parse_paths(paths, engine=engine, parser=_chosen_parser(selectors, columns, engine),
                         max_size=max_size)
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
              help="Report path [default: reports/<thread-name>.md, .html or .json].")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md",
              show_default=True,
              help="Markdown with PNG charts beside it, one self-contained HTML page, or JSON.")
@click.option("--no-charts", is_flag=True, help="Draw no charts.")
@click.option("--json", "json_path", type=click.Path(),
              help="Also write the full result as JSON here.")
@click.option("--config", type=click.Path(dir_okay=False),
              help="TOML file overriding targets, frames, lexicon or parameters.")
@click.option("--engine", metavar="NAME", help="Force a parser (see `forum-analyzer parsers`).")
@_SELECTORS
@_COLUMNS
@_MAX_SIZE
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar and no closing summary line.")
@_command
def analyse(paths: Sequence[str], news: Sequence[str], output: str | None, fmt: str,
            no_charts: bool, json_path: str | None, config: str | None, engine: str | None,
            selectors: str | None, columns: str | None, max_size: int, quiet: bool) -> None:
    """Analyse one thread (page files or a folder) against news articles.

    Writes a report (Markdown with PNG charts beside it, HTML or JSON), and
    with --json the full result as JSON. On a terminal, progress is shown on
    stderr.
    """
    from analyzer.output import check_writable, write_json
    from analyzer.pipeline import STAGES, analyse_paths
    from analyzer.report.write import EXTENSIONS, write_report
    from analyzer.serialize import analysis_to_dict
    from analyzer.settings import load_settings

    settings = replace(load_settings(config), max_file_size=max_size)
    parser = _chosen_parser(selectors, columns, engine)
    report = Path(output or Path("reports") / f"{thread_name(paths)}{EXTENSIONS[fmt]}")
    for target in (report, json_path):  # before the analysis, and before any file is written
        if target:
            check_writable(target)
    show = not quiet and _stderr_is_terminal()
    with progress_bar(sys.stderr if show else None, len(STAGES) + 1) as progress:
        analysis = analyse_paths(paths, news=news, settings=settings, engine=engine,
                                 parser=parser, progress=progress)
        if progress is not None:
            progress("report", len(STAGES), len(STAGES))
        if json_path:
            write_json(json_path, analysis_to_dict(analysis))
        written = write_report(analysis, report, fmt, charts=not no_charts)
        if progress is not None:
            progress("done", len(STAGES) + 1, len(STAGES))
    if not quiet:
        n_posts, n_clusters = len(analysis.thread.posts), len(analysis.clusters)
        n_charts = len(written.charts)
        charts = (f" ({n_charts} chart{'s' if n_charts != 1 else ''} in "
                  f"{written.charts[0].parent})" if n_charts else "")
        click.echo(f"{n_posts} posts, {n_clusters} repost cluster"
                   f"{'s' if n_clusters != 1 else ''}, {len(analysis.articles)} news "
                   f"article{'s' if len(analysis.articles) != 1 else ''}: wrote {report}"
                   + charts + (f" and {json_path}" if json_path else ""), err=True)


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


STAGE_LABELS = {"reading": "reading files", "news": "finding pasted news",
                "reposts": "finding reposts", "stance": "scoring stance",
                "framing": "comparing framing", "report": "writing the report", "done": "done"}


@contextmanager
def progress_bar(stream: TextIO | None, steps: int
                 ) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress callback that draws click's progress bar on ``stream``, a step a stage.

    Args:
        stream: Where to draw (a terminal), or None for no progress at all.
        steps: Stages in the whole run, the pipeline's and the command's own.

    Yields:
        ``progress(stage, done, total)`` (see :data:`analyzer.pipeline.Progress`),
        or None when ``stream`` is None. The bar counts ``steps``, whatever
        ``total`` says, so the command can add stages of its own.
    """
    if stream is None:
        yield None
        return
    width = max(len(label) for label in STAGE_LABELS.values())
    with click.progressbar(length=steps, label=f"Analysing: {'':<{width}}", file=stream,
                           show_eta=False, show_percent=False, show_pos=True,
                           width=24) as bar:

        def progress(stage: str, done: int, total: int) -> None:
            if stage != "done" or done >= steps:  # the pipeline's end is not the run's
                bar.label = f"Analysing: {STAGE_LABELS.get(stage, stage):<{width}}"
            step = max(0, min(done, steps) - bar.pos)
            bar.update(step)
            if not step:  # click draws only on a step; a new stage label is news too
                bar.render_progress()

        yield progress


@cli.command()
@_command
def parsers() -> None:
    """List the parsers, built-in and plugin, with the engines they read."""
    from analyzer.parsers.registry import available_parsers

    found = available_parsers()
    width = max((len(parser.engine) for parser in found), default=0)
    for parser in found:
        origin = "built-in" if parser.__module__.startswith("analyzer.") else parser.__module__
        click.echo(f"{parser.engine:<{width}}  {parser.description} [{origin}]")


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


# The dump commands (reposts, corpus) use the helpers above, so they are added last.
from analyzer.dumps.commands import register  # noqa: E402

register(cli)


def main() -> None:
    """Entry point of the ``forum-analyzer`` console script."""
    try:
        cli.main(prog_name="forum-analyzer")
    except KeyboardInterrupt:
        click.echo("Error: interrupted", err=True)
        sys.exit(ExitCode.ERROR)


if __name__ == "__main__":
    main()
