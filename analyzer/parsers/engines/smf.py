"""Simple Machines Forum 2.0 and 2.1 topic pages (``index.php?topic=N``).

SMF 2.1
    A post is ``div.windowbg#msg<id>``. The speaker is the profile link in
    ``.poster h4`` (an online-status link may come first); the date is the
    ``a.smalltext`` of ``.keyinfo .postinfo`` ("May 26, 2019, 04:34:12 PM";
    its ``title`` is "Reply #3 - subject", never read). The words are in
    ``div.post div.inner#msg_<id>``. A quote is ``blockquote.bbc_standard_quote``
    (``bbc_alternate_quote`` when nested) with a ``cite``: "Quote from: X on
    date", linked to ``topic=1.msg123#msg123``. The edit note
    (``span.modified``: "Last Edit: ... by X") and the signature sit outside
    the body.
SMF 2.0 (Curve)
    ``div.windowbg``/``div.windowbg2`` without an id (the ``<a id="msg<id>">``
    anchor comes before it), so the id is read from ``div.inner#msg_<id>``.
    The date is ``.keyinfo div.smalltext``: "« <strong>Reply #3 on:</strong>
    May 26, 2019, 04:34:12 PM »". A quote's header is a *sibling* before the
    blockquote (``div.quoteheader``) and a ``div.quotefooter`` follows it.

Skipped: posts by ignored users (``#msg_<id>_ignored_prompt``: "You are
ignoring this user."); the post itself is still in the page, hidden.
"""

from __future__ import annotations

import re
from datetime import datetime

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, said_name
from analyzer.parsers.skin import make_skin
from analyzer.text import preview

_MSG = re.compile(r"\bmsg=?(\d+)")
_MARKS = re.compile(r"[«»]")
_INNER = "div.inner[id^='msg_']"
_TIME_FIELDS = (".keyinfo .postinfo > a.smalltext", ".keyinfo div.smalltext",
                ".keyinfo .smalltext:not(.modified)")
_CHROME = (
    ".quotefooter", ".codeheader", ".codeoperation", ".signature", ".modified",
)


class Smf2Parser(HtmlForumParser):
    """Saved SMF 2.0/2.1 topic pages (``div.windowbg`` posts, ``div.inner#msg_<id>``)."""

    engine = "smf2"
    description = "Simple Machines Forum 2.0/2.1 topic pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""\bvar\s+smf_(?:scripturl|theme_url|default_theme_url)\b"""),
        re.compile(r"""Powered by SMF|title=["']Simple Machines(?: Forum)?["']""", re.IGNORECASE),
        re.compile(r"""class\s*=\s*["']inner["']\s+(?:data-msgid=["']\d+["']\s+)?"""
                   r"""id\s*=\s*["']msg_\d+"""),
    )
    skin = make_skin(
        "smf2",
        post="div.windowbg, div.windowbg2, div.approvebg",
        body=f".post {_INNER}, {_INNER}",
        id=("@id", f"{_INNER}@id"),
        author=(".poster h4 a[href*='action=profile']", ".poster h4 a", ".poster h4"),
        time=_TIME_FIELDS,
        quote="blockquote",
        quote_header="cite, .quoteheader",
        remove=_CHROME,
        title=("#top_subject", "head > title"),
        skip={"ignored user": "[id$='_ignored_prompt']"},
    )
    #: Any page's address becomes the first page's: ``topic=N.40`` → ``topic=N.0``.
    url_cleanup = ((re.compile(r"([?&;]topic=\d+)\.\d+"), r"\1.0"),)
    thread_id_pattern = re.compile(r"[?&;]topic=(\d+)")

    def post_nodes(self, root: Node) -> list[Node]:
        """The innermost ``windowbg`` blocks that hold a message body."""
        found = [node for node in root.select(self.skin.post)
                 if node.select_one(_INNER) is not None]
        chosen = set(found)
        return [node for node in found
                if not any(inner in chosen for inner in node.select(self.skin.post))]

    post_id_pattern = re.compile(r"^msg_?(\d+)$")

    def timestamp(self, node: Node) -> datetime | None:
        """The visible post date, without "Reply #3 on:" and the « » marks."""
        for css in _TIME_FIELDS:
            found = node.select_one(css)
            if found is None:
                continue
            for label in found.select("strong"):  # "Reply #3 on:", never "Today"
                if ":" in label.text() or "#" in label.text():
                    label.remove()
            when = self.read_date(_MARKS.sub(" ", found.text()))
            if when is not None:
                return when
        return None

    def read_quote(self, block: Node) -> Quote:
        """A quote named by its 2.1 ``cite`` or by the 2.0 header just before it."""
        header = _header_before(block)
        cite = next((child for child in block.children() if child.tag == "cite"), None)
        source = header if header is not None else cite
        author, post_id = _quote_name(source), _msg_id(source)
        block.remove_all(".quoteheader")  # headers of nested quotes go with them
        quote = super().read_quote(block)
        if header is not None:
            header.remove()
        return Quote(text=quote.text, post_id=post_id, author=author)

    def render_body(self, body: Node) -> str:
        """The body, with ``code`` blocks (shown as blocks by SMF's CSS) set apart."""
        for code in body.select("code.bbc_code"):
            code.retag("div")
        return body.render()

    def describe(self, node: Node, body: Node | None) -> str:
        """An ignored post is described by its notice, not by its hidden words."""
        prompt = node.select_one(self.skin.skip[0][1])
        return preview(prompt.render()) if prompt is not None else super().describe(node, body)


def _header_before(block: Node) -> Node | None:
    """The SMF 2.0 ``div.quoteheader`` right before ``block``, if any."""
    previous = block.previous()
    return previous if previous is not None and previous.matches(".quoteheader") else None


def _quote_name(header: Node | None) -> str | None:
    if header is None:
        return None
    text = header.text()
    return said_name(text) if ":" in text else None


def _msg_id(node: Node | None) -> str | None:
    """The ``msg`` number of the first quote link (``topic=1.msg123#msg123``)."""
    for href in node.links() if node is not None else ():
        match = _MSG.search(href)
        if match:
            return match.group(1)
    return None


__all__ = ["Smf2Parser"]
