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

import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from analyzer.cli_shared import (
    _MAX_SIZE,
    AliasedGroup,
    _command,
)
from analyzer.errors import (
    ExitCode,
)

if TYPE_CHECKING:
    from analyzer.report.write import ReportFormat
    from analyzer.serialize import ThreadFormat

DISTRIBUTION = "forum-thread-analyzer"
"""The name the package is installed under (the command and the import package differ)."""


_SELECTORS = click.option(
    "--selectors", metavar="FILE.toml", type=click.Path(dir_okay=False),
    help="Read an HTML forum no parser knows, with CSS selectors from this file.")


_COLUMNS = click.option(
    "--columns", metavar="SPEC",
    help="Read CSV/TSV with these columns, e.g. text=body,author=user,timestamp=date "
         "(fields: id, author, text, timestamp, reply_to, title); forces the csv engine.")


@click.group(cls=AliasedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION)
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
def parse(paths: Sequence[str], fmt: ThreadFormat, engine: str | None, selectors: str | None,
          columns: str | None, max_size: int, output: str | None) -> None:
    """Parse the page files of one thread into posts (JSON)."""
    from analyzer.api import choose_parser
    from analyzer.output import write_text
    from analyzer.reading.batch import parse_paths
    from analyzer.serialize import encode_thread

    thread = parse_paths(paths, engine=engine, parser=choose_parser(selectors, columns, engine),
                         max_size=max_size)
    text = encode_thread(thread, fmt)
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
@click.option("--preset", metavar="NAME",
              help="Shipped settings applied before --config (geopolitics).")
@click.option("--topic", metavar="NAME",
              help="Target a post that names no target speaks of.")
@click.option("--engine", metavar="NAME", help="Force a parser (see `forum-analyzer parsers`).")
@_SELECTORS
@_COLUMNS
@_MAX_SIZE
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for per-post work [default: every core]; 1 for none.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar and no closing summary line.")
@_command
def analyse(paths: Sequence[str], news: Sequence[str], output: str | None, fmt: ReportFormat,
            no_charts: bool, json_path: str | None, config: str | None, preset: str | None,
            topic: str | None, engine: str | None, selectors: str | None, columns: str | None,
            max_size: int, jobs: int | None, quiet: bool) -> None:
    """Analyse one thread (page files or a folder) against news articles.

    Writes a report (Markdown with PNG charts beside it, HTML or JSON), and
    with --json the full result as JSON. On a terminal, progress is shown on
    stderr.
    """
    from analyzer.api import choose_parser, default_report_path
    from analyzer.output import check_writable, write_json
    from analyzer.parallel import collector_paused
    from analyzer.pipeline import STAGES, analyse_paths
    from analyzer.report.write import write_report
    from analyzer.serialize import analysis_to_dict
    from analyzer.settings import load_settings

    settings = replace(load_settings(config, preset, topic), max_file_size=max_size, jobs=jobs)
    parser = choose_parser(selectors, columns, engine)
    report = Path(output) if output else default_report_path(paths, fmt)
    for target in (report, json_path):  # before the analysis, and before any file is written
        if target:
            check_writable(target)
    show = not quiet and _stderr_is_terminal()
    # The whole run with the cyclic collector paused (see collector_paused):
    # reading and the report make no cyclic garbage to speak of either.
    with collector_paused(), progress_bar(sys.stderr if show else None,
                                          len(STAGES) + 1) as progress:
        told = _loading_charts(progress) if fmt != "json" and not no_charts else progress
        analysis = analyse_paths(paths, news=news, settings=settings, engine=engine,
                                 parser=parser, progress=told)
        if progress is not None:
            progress("report", len(STAGES), len(STAGES))

        def write_full_json() -> None:
            if json_path:
                write_json(json_path, analysis_to_dict(analysis))

        # The JSON is written while the report's charts are drawn.
        written = write_report(analysis, report, fmt, charts=not no_charts,
                               meanwhile=write_full_json)
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


def _loading_charts(progress: Callable[[str, int, int], None] | None
                    ) -> Callable[[str, int, int], None]:
    """``progress``, which also loads the chart module (matplotlib) once stance scoring starts.

    The workers score meanwhile and this process waits for them, so the
    half second of importing leaves the report's part of the run.
    """
    def tell(stage: str, done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)
        if stage == "stance":
            importlib.import_module("analyzer.report.charts")

    return tell


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
