"""Reports rendered from an :class:`~analyzer.model.Analysis`."""

from analyzer.report.markdown import render as render_markdown

__all__ = ["render_markdown"]
