"""Invision Community 4 (IPS 4) topic pages, as saved from a browser.

A page is recognised by ``<body class="ipsApp ...">``, the comment controller
``data-controller="core.front.core.comment"``, an ``article`` with id
``elComment_<id>`` or the "Powered by Invision Community" footer.

A post is an ``article.cPost`` whose id is ``elComment_<id>``. Inside it, the
content wrapper carries ``data-commentid`` and ``data-quotedata``, a JSON
object with the speaker (``username``) and the date (``timestamp``, epoch
seconds), used where the author pane or the date line is missing (guests).

- Speaker: the author pane, ``aside .cAuthorPane_author strong``.
- Date: the ``<time datetime>`` of the post's date line ``.ipsComment_meta``.
  The "Edited July 24 by X" line (``span.ipsType_reset.ipsType_medium.
  ipsType_light[data-excludequote]``) sits *inside* the post body with its
  own ``<time>``; it is removed and never read as the post date.
- Words: ``div[data-role="commentContent"]``. The signature
  (``div[data-role="memberSignature"]``) follows it, outside.
- Quotes: ``blockquote.ipsQuote`` with ``data-ipsquote-username``,
  ``data-ipsquote-contentcommentid`` (the quoted post's id) and
  ``data-ipsquote-timestamp``; older or imported quotes name the speaker only
  in ``data-cite`` or in the ``.ipsQuote_citation`` header ("On 23/07/2019 at
  10:00, X said:").
- Ignored users: IPS renders a placeholder ``div.ipsComment_ignored`` and
  the post itself as ``article.cPost.ipsHide``; the hidden article is skipped
  ("ignored user") and the placeholder is not a post.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from analyzer.parsers.dates import from_epoch
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, said_name
from analyzer.parsers.skin import Field, make_skin
from analyzer.text import normalise_space

_CITATION = re.compile(r"^(?:(?:on|am|le|el|il)\s.{1,60}?,\s*)?(?P<name>.+?)\s*"
                       r"(?:said|wrote|schrieb|a dit|escribió|ha scritto|написал\w*)\s*:?\s*$",
                       re.IGNORECASE)
# German IPS language packs put the verb first: "Am 23.07.2019 um 10:00 schrieb X:".
_VERB_FIRST = re.compile(r"^(?:am|on)\s.{1,60}?\s(?:schrieb|wrote)\s+(?P<name>.+?)\s*:?\s*$",
                         re.IGNORECASE)
_BARE_CITATION = frozenset({"quote", "zitat", "citation", "cita", "citazione", "цитата"})
_CHROME = (
    "span[data-excludequote]", ".ipsType_reset.ipsType_medium.ipsType_light",
    'div[data-role="memberSignature"]', ".cSignature", ".ipsItemControls",
    ".ipsComment_controls", ".ipsReact", ".ipsSpoiler_header",
)


class Invision4Parser(HtmlForumParser):
    """Saved Invision Community 4 topic pages (``article.cPost#elComment_<id>``)."""

    engine = "invision4"
    description = "Invision Community 4 (IPS) topic pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""<body\b[^>]*\bclass\s*=\s*["'][^"']*\bipsApp\b"""),
        re.compile(r"""data-controller\s*=\s*["']core\.front\.core\.comment["']"""),
        re.compile(r"""<article\b[^>]*\bid\s*=\s*["']elComment_\d+"""),
        re.compile(r"Powered by Invision Community", re.IGNORECASE),
    )
    skin = make_skin(
        "invision4",
        post="article.cPost",
        body='div[data-role="commentContent"]',
        id=("@id", "[data-commentid]@data-commentid"),  # see post_id
        author=("aside .cAuthorPane_author strong", ".cAuthorPane_author a",
                ".cAuthorPane_author"),
        time=(".ipsComment_meta time", ".cAuthorPane_mobile time"),
        quote="blockquote.ipsQuote",
        quote_author=("@data-ipsquote-username", "@data-cite"),
        quote_id=("@data-ipsquote-contentcommentid",),
        quote_header=".ipsQuote_citation",
        remove=_CHROME,
        title=("h1.ipsType_pageTitle .ipsType_break", "h1.ipsType_pageTitle"),
        skip={"ignored user": "article.cPost.ipsHide"},
    )
    url_cleanup = ((re.compile(r"page/\d+/?$"), ""),)
    #: The number in ``/topic/<id>-<slug>/``, else the body's ``data-pageID``.
    thread_id_pattern = re.compile(r"/topic/(\d+)")
    thread_id_field = Field.parse("body[data-pageid]@data-pageid")

    post_id_pattern = re.compile(r"^(?:elComment_)?(\d+)$")

    def author(self, node: Node) -> str | None:
        """The author pane's name, else the ``username`` of ``data-quotedata``."""
        name = super().author(node)
        if name:
            return name
        username = _quotedata(node).get("username")
        if not isinstance(username, str):
            return None
        return normalise_space(username) or None

    def timestamp(self, node: Node) -> datetime | None:
        """The date line's ``<time>``, else the ``timestamp`` of ``data-quotedata``."""
        when = super().timestamp(node)
        if when is not None:
            return when
        stamp = _quotedata(node).get("timestamp")
        if isinstance(stamp, bool) or not isinstance(stamp, (int, str)) or not stamp:
            return None
        return from_epoch(stamp)

    def quote_author(self, block: Node) -> str | None:
        """``data-ipsquote-username``, ``data-cite``, else the citation header."""
        name = super().quote_author(block)
        if name:
            return name
        header = block.select_one(".ipsQuote_citation")
        return citation_name(header.text()) if header is not None else None


def citation_name(text: str) -> str | None:
    """The speaker in an IPS quote header.

    "On 23/07/2019 at 10:00, Kalinka said:" gives "Kalinka"; a bare "Quote"
    header gives None.
    """
    text = normalise_space(text)
    if not text or text.lower().rstrip(":") in _BARE_CITATION:
        return None
    match = _VERB_FIRST.match(text) or _CITATION.match(text)
    if match is None:
        return said_name(text)
    return match.group("name").strip(" :\"'") or None


def _commentid(node: Node) -> str | None:
    wrapper = node.select_one("[data-commentid]")
    value = wrapper.attr("data-commentid") if wrapper is not None else ""
    return value if value.isdigit() else None


def _quotedata(node: Node) -> dict[str, Any]:
    wrapper = node.select_one("[data-quotedata]")
    if wrapper is None:
        return {}
    try:
        data = json.loads(wrapper.attr("data-quotedata"))
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


__all__ = ["Invision4Parser", "citation_name"]
