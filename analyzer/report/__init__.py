"""Reports rendered from an :class:`~analyzer.model.Analysis`.

- :mod:`analyzer.report.markdown` (with :mod:`~analyzer.report.comparison`):
  the Markdown report, section by section.
- :mod:`analyzer.report.chart_data` and :mod:`analyzer.report.charts`: what
  each chart shows, and drawing it as a PNG (matplotlib, imported only there).
- :mod:`analyzer.report.html_page`: the Markdown report as one self-contained page.
- :mod:`analyzer.report.write`: writing a report and its charts in a format.
"""

from analyzer.report.html_page import render as render_html
from analyzer.report.markdown import render as render_markdown
from analyzer.report.write import write_report

__all__ = ["render_html", "render_markdown", "write_report"]
