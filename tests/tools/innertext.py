"""A browser-like ``innerText`` for saved pages: what "select all, copy" gives.

This follows the HTML standard's innerText algorithm roughly
(https://html.spec.whatwg.org/multipage/dom.html#the-innertext-idl-attribute),
with the default style sheet standing in for CSS:

- ``<script>``, ``<style>``, ``<template>``, ``<head>`` content, ``hidden``
  elements, ``style="display:none"`` and inputs are not rendered;
- white space inside a text run collapses to one space (``<pre>`` keeps it);
- ``<br>`` is a line break;
- a block-level element (div, li, dt, dd, h1-h6, blockquote, and cite,
  which forum style sheets make a block) asks for
  one line break before and after it; ``<p>`` asks for two (its margins);
- a table cell is followed by a tab, a table row by a line break;
- adjacent requests collapse to the largest, and none is emitted at the
  start or end of the text.

It is a test tool: the text copies under ``tests/textcopies/`` were made
with it, so the tests need no browser. Run it as
``python tests/tools/innertext.py PAGE.html > PAGE.txt``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

_SKIP = {"script", "style", "template", "head", "noscript", "input", "select", "textarea",
         "button", "svg", "img", "iframe", "object", "video", "audio", "canvas", "meta",
         "link", "title"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
          "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
          "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
          "li", "main", "menu", "nav", "ol", "pre", "section", "summary", "table", "ul",
          "caption", "thead", "tbody", "tfoot",
          "cite"}  # forum style sheets show a quote's cite line as a block
_PARAGRAPH = {"p"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"[ \t\r\n\f]+")


def _hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" and el.tag == "span":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


class _Out:
    """Text items and pending line-break requests, collapsed as the spec says."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0
        self.started = False
        self.space = False  # a collapsible space is pending

    def request(self, n: int) -> None:
        self.pending = max(self.pending, n)
        self.space = False

    def text(self, s: str, pre: bool = False) -> None:
        if not pre:
            if s[:1].isspace() and self.started:
                self.space = True
            words = _WS.sub(" ", s).strip()
            if not words:
                return
            if self.pending and self.started:
                self.parts.append("\n" * self.pending)
            elif self.space and self.started and not self.parts[-1].endswith(("\n", "\t")):
                self.parts.append(" ")
            self.pending = 0
            self.parts.append(words)
            self.started = True
            self.space = s[-1:].isspace()
            return
        if self.pending and self.started:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.parts.append(s)
        self.started = True
        self.space = False

    def raw(self, s: str) -> None:
        """A forced break (``<br>``) or a tab, not collapsed with requests."""
        if self.pending and self.started:
            self.parts.append("\n" * self.pending)
            self.pending = 0
        self.parts.append(s)
        self.started = True
        self.space = False


def _walk(el: HtmlElement, out: _Out, pre: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag in _SKIP or _hidden(el):
        if el.tail:
            out.text(el.tail, pre)
        return
    if tag == "br":
        out.raw("\n")
    else:
        before = 2 if tag in _PARAGRAPH else 1 if tag in _BLOCK or tag == "tr" else 0
        if before:
            out.request(before)
        if el.text:
            out.text(el.text, pre or tag == "pre")
        for child in el:
            _walk(child, out, pre or tag == "pre")
        if tag in ("td", "th"):
            out.raw("\t")
        elif before:
            out.request(before)
    if el.tail:
        out.text(el.tail, pre)


def inner_text(page: str) -> str:
    """Return the text a browser copy of ``page`` gives (select all, copy)."""
    root = lxml_html.document_fromstring(page)
    body = root.find("body")
    out = _Out()
    _walk(body if body is not None else root, out, False)
    text = "".join(out.parts)
    text = re.sub(r"[ \t]+\n", "\n", text)  # a row's last tab
    return text.strip() + "\n"


def main(argv: list[str]) -> int:
    """Print the innerText of each page named on the command line."""
    for name in argv:
        sys.stdout.write(inner_text(Path(name).read_text("utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
