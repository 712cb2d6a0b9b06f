"""Writing a report in one of its formats, with its charts.

- ``md``: the Markdown report, with each chart written as a PNG file in a
  folder beside it (``reports/joint-patrol-charts/stance-by-target.png``)
  and linked by a relative path.
- ``html``: one self-contained page, the charts embedded in it.
- ``json``: the JSON contract of :func:`analyzer.serialize.analysis_to_dict`.

Every file is written atomically (:mod:`analyzer.output`), charts before
the report, so a report never links a chart that is not there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from analyzer.errors import OutputError
from analyzer.model import Analysis
from analyzer.output import check_writable, write_bytes, write_json, write_text
from analyzer.report.chart_data import Chart, ChartLink
from analyzer.report.html_page import render as render_html
from analyzer.report.markdown import render as render_markdown
from analyzer.serialize import analysis_to_dict

ReportFormat = Literal["md", "html", "json"]
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json"}
"""The file extension each format gets by default."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_report` wrote.

    Attributes:
        report: The report file.
        charts: The chart files beside it (Markdown only; HTML embeds them).
    """

    report: Path
    charts: tuple[Path, ...] = ()


def chart_folder(report: str | Path) -> Path:
    """The folder a Markdown report's charts go in: ``<report stem>-charts`` beside it."""
    report = Path(report)
    return report.with_name(f"{report.stem}-charts")


def chart_file(report: str | Path, slug: str) -> Path:
    """The PNG file of chart ``slug`` beside a Markdown report."""
    return chart_folder(report) / f"{slug}.png"


def draw(analysis: Analysis) -> tuple[Chart, ...]:
    """Draw the report's charts (imports matplotlib only when called)."""
    from analyzer.report.charts import render_charts

    return render_charts(analysis)


def write_report(analysis: Analysis, path: str | Path, fmt: ReportFormat = "md",
                 charts: bool = True, meanwhile: Callable[[], object] | None = None) -> Written:
    """Write the report of ``analysis`` to ``path`` in format ``fmt``.

    Args:
        analysis: What to report.
        path: The report file.
        fmt: ``"md"``, ``"html"`` or ``"json"`` (:data:`ReportFormat`).
        charts: Draw the charts (Markdown and HTML); without them the report
            is the same, less its images.
        meanwhile: Other work (writing the JSON of ``--json``), done before
            any file of the report is written: while worker processes draw
            a long thread's charts, if they do.

    Returns:
        The files written.

    Raises:
        analyzer.errors.OutputError: If a file cannot be written.
        ValueError: For an unknown format.
    """
    if fmt not in EXTENSIONS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of md, html, json")
    path = check_writable(path)  # before drawing: the error names the report, not a chart
    if fmt == "json" or fmt == "html" or not charts:
        if meanwhile is not None:
            meanwhile()
        if fmt == "json":
            return Written(write_json(path, analysis_to_dict(analysis)))
        if fmt == "html":
            return Written(write_text(path, render_html(analysis,
                                                        draw(analysis) if charts else ())))
        files = _write_charts(path, ())  # clears charts an earlier run left
        return Written(write_text(path, render_markdown(analysis, [])), files)
    from analyzer.report.charts import start_charts

    # The Markdown is rendered while the charts are drawn: it needs only
    # each chart's file name and alternative text.
    heads, drawing = start_charts(analysis)
    with drawing:
        if meanwhile is not None:
            meanwhile()
        links = [ChartLink(head.slug, _relative_url(chart_file(path, head.slug)), head.alt)
                 for head in heads]
        text = render_markdown(analysis, links)
        drawn = drawing.result()
    files = _write_charts(path, drawn)  # also clears charts an earlier run left
    return Written(write_text(path, text), files)


def _write_charts(report: Path, drawn: Sequence[Chart]) -> tuple[Path, ...]:
    """Write each chart as a PNG beside the report; remove our charts this run did not draw."""
    from analyzer.report.charts import SLUGS

    folder = chart_folder(report)
    files = tuple(write_bytes(chart_file(report, chart.slug), chart.png) for chart in drawn)
    drawn_slugs = {chart.slug for chart in drawn}
    if folder.is_dir():
        for slug in SLUGS:
            stale = folder / f"{slug}.png"
            if slug not in drawn_slugs:
                try:
                    stale.unlink(missing_ok=True)
                except OSError as exc:
                    raise OutputError(f"cannot remove {stale}: {exc.strerror or exc}") from None
        if not any(folder.iterdir()):
            folder.rmdir()  # nothing of ours or the user's left in it
    return files


def _relative_url(chart: Path) -> str:
    """The chart's address relative to the report, percent-encoded for a Markdown link."""
    return quote(f"{chart.parent.name}/{chart.name}")
