"""vBulletin 3 and 4 thread pages (``showthread.php``), as saved from a browser.

vBulletin 3 (``postbit_legacy`` and ``postbit`` templates)
    ``<meta name="generator" content="vBulletin 3.x">``. A post is a
    ``table id="post<id>"`` (inside ``div id="edit<id>"``); the author is
    ``a.bigusername`` in ``div#postmenu_<id>`` (a guest's name is the
    div's text); the date is the text of the first ``td.thead`` ("05-26-2019,
    04:34 PM"; "Today"/"Yesterday" give no date). The words are in
    ``div#post_message_<id>``; the signature ("__________________") and the
    edit note ("Last edited by X; date at time.") sit outside it. A quote is
    ``div.smallfont`` "Quote:" plus a table whose ``td.alt2`` starts with a
    ``<div>`` "Originally Posted by <strong>X</strong>" and a
    ``showthread.php?p=<id>#post<id>`` link, followed by the words in
    ``<div style="font-style:italic">``; an unattributed quote has the words
    straight in the cell. An ignored member's post is a stub table linking to
    ``profile.php?do=ignorelist``; a deleted post is a stub table without a
    message div.
vBulletin 4 (``postbit_legacy`` and ``postbit`` templates)
    ``<meta name="generator" content="vBulletin 4.x">``, ``html#vbulletin_html``.
    A post is an ``li id="post_<id>"`` (``postbitlegacy``/``postbit``,
    ``postcontainer``); the date is ``.posthead .date`` ("05-26-2019,
    <span class="time">04:34 PM</span>"); the author ``.username strong``; the
    words ``div#post_message_<id> > blockquote.postcontent``. Quotes are
    ``div.bbcode_container > div.bbcode_quote`` with ``.bbcode_postedby``
    ("Originally Posted by <strong>X</strong>" and a ``showthread.php?p=<id>``
    link) and ``div.message``. The edit note (``blockquote.lastedited``) and
    signature (``blockquote.signature``) sit in ``.after_content``. Deleted
    and ignored posts are ``li.postbitdeleted`` / ``li.postbitignored``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import ClassVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, said_name
from analyzer.parsers.skin import Field, make_skin, read_first

_LINKED_POST = re.compile(r"[?&;]p=(\d+)|#post-?(\d+)|[?&;]postid=(\d+)")
_PAGE_PATH = re.compile(r"/page-?\d+/?$")
_VOLATILE_PARAMS = frozenset({"s", "page", "highlight"})
_THREAD_FIELDS = (Field.parse('input[name="t"]@value'),
                  Field.parse('a[href*="printthread.php?t="]@href'))
#: Script and advertising remnants that can sit inside a message.
ADS = (".adsbygoogle", "[data-ad-slot]")


def linked_post_id(href: str) -> str | None:
    """The post a vBulletin link points to: ``?p=<id>``, ``#post<id>`` or ``postid=<id>``."""
    match = _LINKED_POST.search(href or "")
    return next(group for group in match.groups() if group) if match else None


def thread_address(url: str) -> str:
    """A thread's address without its session id, page number or search highlight.

    An address too malformed to split (a bad host, say) is returned as it is.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if key not in _VOLATILE_PARAMS]
    return urlunsplit(parts._replace(path=_PAGE_PATH.sub("", parts.path),
                                     query=urlencode(query)))


def generator(major: int) -> re.Pattern[str]:
    """A marker for ``<meta name="generator" content="vBulletin <major>.x">``."""
    return re.compile(r"""<meta\b[^>]*\bcontent\s*=\s*["']\s*vBulletin\s+""" + f"{major}\\.",
                      re.IGNORECASE)


class _VBulletin(HtmlForumParser):
    """What vBulletin 3 and 4 share: ids from element ids, thread ids from links."""

    #: The post element's ``id``, with the post id as its group.
    element_id: ClassVar[re.Pattern[str]]
    #: ``t=<id>``, ``/thread/<id>``, ``showthread.php/<id>`` or a friendly ``/<id>-title``.
    thread_id_pattern = re.compile(r"(?:[?&;]t=|/threads?/|showthread\.php/|/(?=\d+-))(\d+)")

    def post_nodes(self, root: Node) -> list[Node]:
        """Post elements whose ``id`` is a post id (not ``postmenu_`` and the like)."""
        return [node for node in super().post_nodes(root)
                if self.element_id.match(node.attr("id"))]

    def post_id(self, node: Node) -> str | None:
        """The digits of the element's ``id``."""
        match = self.element_id.match(node.attr("id"))
        return match.group(1) if match else None

    def thread_url(self, root: Node) -> str | None:
        """The canonical address (against ``<base href>``) without session or page."""
        url = super().thread_url(root)
        if not url:
            return None
        base = root.select_one("base[href]")
        with contextlib.suppress(ValueError):  # a <base href> too malformed to join
            url = urljoin(base.attr("href"), url) if base is not None else url
        return thread_address(url)

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """``t=<id>`` (or a friendly URL's number), else the quick-reply form's thread."""
        found = super().thread_id(root, url)
        if found:
            return found
        value = read_first(_THREAD_FIELDS, root)
        if value.isdigit():
            return value
        match = self.thread_id_pattern.search(value)
        return match.group(1) if match else None


class VBulletin3Parser(_VBulletin):
    """Saved vBulletin 3 thread pages (``table#post<id>``, ``div#post_message_<id>``)."""

    engine = "vbulletin3"
    description = "vBulletin 3 thread pages saved from a browser"
    priority = 50
    markers = (
        generator(3),
        re.compile(r"""vbmenu_register\(\s*["']postmenu_\d+"""),
        re.compile(r"""<table\b[^>]*\bid\s*=\s*["']post\d+["'][\s\S]{0,4000}?"""
                   r"""\bid\s*=\s*["']post_message_\d+["']"""),
    )
    element_id = re.compile(r"^post(\d+)$")
    skin = make_skin(
        "vbulletin3",
        post='table[id^="post"]',
        body='[id^="post_message_"]',
        author=("a.bigusername", '[id^="postmenu_"]'),
        # postbit puts "#N" in a floated div before the date's div; postbit_legacy has no divs
        time=('td.thead div.normal:not([style])', "td.thead"),
        quote="td.alt2",
        # "Quote:" and "Code:" labels sit beside the quote table, not inside it.
        remove=("div.smallfont", *ADS),
        title=("td.navbar strong",),
        skip={"ignored user": 'a[href*="do=ignorelist"], a[href*="userlist=ignore"]'},
    )

    def skip_reason(self, node: Node) -> str | None:
        """Ignored members' stubs, then deleted stubs (a post table with no message)."""
        reason = super().skip_reason(node)
        if reason is None and node.select_one(self.skin.body) is None:
            return "deleted post"
        return reason

    def describe(self, node: Node, body: Node | None) -> str:
        """A stub's notice ("This message is hidden because ..."), not its whole table."""
        return super().describe(node, body or node.select_one("td.alt1 div.smallfont"))

    def read_quote(self, block: Node) -> Quote:
        """A quote cell: "Originally Posted by <strong>X</strong>" and its link, then words."""
        header = _v3_quote_header(block)
        if header is None:
            return super().read_quote(block)
        name = header.select_one("strong")
        author = said_name((name if name is not None else header).text())
        link = header.select_one("a[href]")
        post_id = linked_post_id(link.attr("href")) if link is not None else None
        header.remove()
        return Quote(text=super().read_quote(block).text, post_id=post_id, author=author)


class VBulletin4Parser(_VBulletin):
    """Saved vBulletin 4 thread pages (``li#post_<id>``, ``blockquote.postcontent``)."""

    engine = "vbulletin4"
    description = "vBulletin 4 thread pages saved from a browser"
    priority = 50
    markers = (
        generator(4),
        re.compile(r"""<html\b[^>]*\bid\s*=\s*["']vbulletin_html["']""", re.IGNORECASE),
        re.compile(r"""<li\b[^>]*\bclass\s*=\s*["'][^"']*\bpostbit(?:legacy)?\b[^>]*"""
                   r"""\bid\s*=\s*["']post_\d+["']"""),
    )
    element_id = re.compile(r"^post_(\d+)$")
    skin = make_skin(
        "vbulletin4",
        post='li[id^="post_"]',
        body='[id^="post_message_"]',
        author=(".userinfo .username strong", ".userinfo .username", ".username strong",
                ".username"),
        # Skins that drop the inner span.date (or its class) keep span.postdate.
        time=(".posthead .date", ".posthead .postdate", ".postdate", ".posthead"),
        quote="div.bbcode_quote",
        quote_author=(".bbcode_postedby strong", ".bbcode_postedby"),
        quote_header=".bbcode_postedby",
        remove=(".bbcode_description", ".lastedited", ".signature", *ADS),
        title=("span.threadtitle", "#pagetitle h1", "li.lastnavbit"),
        skip={"deleted post": "li.postbitdeleted", "ignored user": "li.postbitignored"},
    )

    def read_quote(self, block: Node) -> Quote:
        """A ``div.bbcode_quote``, linked to its post by the ``.bbcode_postedby`` link."""
        return with_bbcode_link(block, super().read_quote)


def with_bbcode_link(block: Node, read: Callable[[Node], Quote]) -> Quote:
    """Read a vBulletin 4/5 quote with ``read`` and give it its header link's post id.

    Args:
        block: A ``div.bbcode_quote``.
        read: The parser's base ``read_quote``.
    """
    # The quote's own header, not the header of a quote nested in its words.
    header = next((found for found in block.select(".bbcode_postedby")
                   if found.closest(".bbcode_quote", stop=block) is None), None)
    link = header.select_one("a[href]") if header is not None else None
    post_id = linked_post_id(link.attr("href")) if link is not None else None
    quote = read(block)
    return Quote(text=quote.text, post_id=post_id, author=quote.author)


def _v3_quote_header(block: Node) -> Node | None:
    """The "Originally Posted by" ``<div>`` opening a vBulletin 3 quote cell, if any."""
    children = block.children()
    first = children[0] if children else None
    if first is None or first.tag != "div" or first.has_attr("style") or first.has_attr("align"):
        return None
    return first if first.select_one("strong") is not None else None


__all__ = ["ADS", "VBulletin3Parser", "VBulletin4Parser", "generator", "linked_post_id",
           "thread_address", "with_bbcode_link"]
