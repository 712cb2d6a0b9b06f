"""Which charts a report has, and drawing them beside other work.

What each chart shows is known without matplotlib: its data
(:mod:`analyzer.report.chart_data`) and its alternative text
(:mod:`analyzer.report.chart_alt`). :func:`start_charts` works those out
and starts the drawing (:mod:`analyzer.report.charts`, which loads
matplotlib) in worker processes on a long thread, so that the report's text
is rendered meanwhile; given a drawer that imports the charts module when
called, matplotlib is loaded only by the workers that draw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analyzer.model import Analysis
from analyzer.parallel import Pending, start_map, worker_count
from analyzer.report import chart_alt
from analyzer.report import chart_data as cd
from analyzer.report.chart_data import Chart, ChartLink

PLAN: tuple[tuple[str, str, Callable[[Analysis], Any], Callable[[Any], str]], ...] = (
    ("stance-by-target", "Stance by target", cd.stance_by_target,
     chart_alt.alt_stance_by_target),
    ("stance-along-thread", "Stance along the thread", cd.stance_timeline,
     chart_alt.alt_stance_timeline),
    ("frame-shares", "Frame shares", cd.frame_shares, chart_alt.alt_frame_shares),
    ("reposts", "Reposts in the thread", cd.repost_map, chart_alt.alt_repost_map),
)
"""Each chart's slug, title, data function and alternative-text function, in drawing order."""

SLUGS = tuple(slug for slug, *_ in PLAN)
"""File stems of every chart the report can have, in drawing order."""


Drawer = Callable[[None, tuple[str, Any]], bytes]
"""Draws one chart, given as ``(slug, data)``, as a PNG; a module-level function
(what worker processes run), taking ``None`` first as :func:`analyzer.parallel.start_map`
passes it."""


def start_charts(analysis: Analysis,
                 draw: Drawer) -> tuple[tuple[ChartLink, ...], Pending[tuple[Chart, ...]]]:
    """Start drawing the report's charts with ``draw`` and return at once.

    Returns:
        What each chart will be, as a link with no URL yet (slug and
        alternative text, known before any drawing), and the drawing, whose
        ``result()`` gives the charts in :data:`SLUGS` order (a chart with
        nothing to show is left out). On a long thread (one that
        :func:`analyzer.parallel.worker_count` gives workers) the charts
        are drawn in worker processes meanwhile; else when ``result()`` is
        called.
    """
    found = [(slug, title, data, alt(data)) for slug, title, compute, alt in PLAN
             if (data := compute(analysis)) is not None]
    heads = tuple(ChartLink(slug, "", text) for slug, _, _, text in found)
    jobs = analysis.settings.jobs
    if not worker_count(jobs, len(analysis.thread.posts)):
        jobs = 1
    pending = start_map(draw, [(slug, data) for slug, _, data, _ in found], None,
                        jobs=jobs, min_items=2)

    def charts() -> tuple[Chart, ...]:
        return tuple(Chart(slug=slug, title=title, alt=text, png=png)
                     for (slug, title, _, text), png in zip(found, pending.result(), strict=True))

    return heads, Pending(charts, on_close=pending.close)
