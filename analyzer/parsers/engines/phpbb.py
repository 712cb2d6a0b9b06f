"""phpBB 3 thread pages (``viewtopic.php``), as saved from a browser.

One parser reads both prosilver layouts:

phpBB 3.1 and later (responsive prosilver)
    A post is ``div.post#p<id>``. ``p.author`` holds "by <strong>name</strong> »"
    and a ``<time datetime>``; ``dl.postprofile dt`` names the speaker again.
    The words are in ``div.content``. A quote is a ``blockquote`` whose
    ``cite`` reads "<a>name</a> wrote: <a data-post-id="N">↑</a><span>date</span>"
    (3.2+), with the quoted post also in the blockquote's ``cite``
    attribute. Edit notes (``div.notice``) and signatures
    (``div.signature``) sit beside ``div.content``, not in it.
phpBB 3.0 (prosilver)
    The same ``div.post#p<id>`` and ``div.content``, but no ``<time>``: the
    date is the visible text after "»" in ``p.author`` ("» Sun May 26, 2019
    4:34 pm"). Quotes read ``<cite>name wrote:</cite>`` with no link.

Skipped: posts whose speaker is on the reader's ignore list (``.ignore``:
"This post was made by X who is currently on your ignore list."), soft-deleted
posts (``div.post.deleted``), and advertisement rows some boards insert as
id-less ``div.post`` written by "Advertisement" or a "Google [Bot]".
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, has_class_word, said_name
from analyzer.parsers.skin import make_skin
from analyzer.text import normalise_space, preview

_AD_AUTHORS = frozenset({"advertisement", "advertisements", "ad", "ads", "sponsor", "sponsored",
                         "sponsored links", "anzeige", "werbung", "реклама"})
_BOT = re.compile(r"\[\s*bot\s*\]\s*$", re.IGNORECASE)
_AD_CLASS = re.compile(r"^(?:ad|ads|advert\w*|sponsor\w*|adsense)$", re.IGNORECASE)
_POST_LINK = re.compile(r"(?:[?&;]p=|#p)(\d+)")
_TOPIC = re.compile(r"[?&;]t=(\d+)")
_PROFILE = re.compile(r"mode=viewprofile")
_CHROME = (
    ".codebox > dt", ".codebox > p", ".inline-attachment", ".attachbox", ".signature", ".notice",
    ".post-buttons", ".sr-only",
)


class Phpbb3Parser(HtmlForumParser):
    """Saved phpBB 3.0-3.3 prosilver thread pages (``div.post#p<id>``)."""

    engine = "phpbb3"
    description = "phpBB 3 thread pages (prosilver 3.0 and the 3.1+ layout) saved from a browser"
    priority = 50
    markers: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(r"""<body\b[^>]*\bid\s*=\s*["']?phpbb["'\s>]""", re.IGNORECASE),
        re.compile(r"""<meta\s+name=["']generator["']\s+content=["']phpBB""", re.IGNORECASE),
        re.compile(r"""Powered by\s*<a[^>]*>\s*phpBB""", re.IGNORECASE),
        re.compile(r"""\bclass\s*=\s*["']postprofile["']"""),
        re.compile(r"""href\s*=\s*["'][^"'\s]*viewtopic\.php\?(?:[^"'#]*&(?:amp;)?)?p=(\d+)"""
                   r"""[^"']*#p\1["']"""),
    )
    skin = make_skin(
        "phpbb3",
        post="div.post",
        body="div.content",
        id=("@id",),
        author=("p.author strong a.username", "p.author strong a.username-coloured",
                "p.author strong", ".postprofile dt a.username",
                ".postprofile dt a.username-coloured", ".postprofile dt a",
                ".postprofile dt"),
        time=("p.author time",),
        quote="blockquote",
        quote_id=("cite a[data-post-id]@data-post-id",),
        quote_header="cite",
        remove=_CHROME,
        title=("h2.topic-title", "#page-body > h2"),
        skip={"deleted post": "div.post.deleted", "ignored user": ".ignore"},
    )
    #: The ``start=N`` page offset goes, and then any ``?`` or ``&`` left at the end.
    url_cleanup: ClassVar[tuple[tuple[re.Pattern[str], str], ...]] = (
        (re.compile(r"&start=\d+|(?<=[?;])start=\d+&?"), ""),
        (re.compile(r"[?&]+\Z"), ""))
    thread_id_pattern = _TOPIC

    def post_nodes(self, root: Node) -> list[Node]:
        """The ``div.post`` elements that are posts (they hold a ``.postbody``)."""
        return [node for node in super().post_nodes(root)
                if node.select_one(".postbody") is not None]

    post_id_pattern = re.compile(r"^p(\d+)$")

    def skip_reason(self, node: Node) -> str | None:
        """Advertisement rows first, then deleted and ignored posts."""
        if self.post_id(node) is None:
            author = (self.author(node) or "").strip().lower()
            if author in _AD_AUTHORS or _BOT.search(author) or has_class_word(node, _AD_CLASS):
                return "advertisement"
        return super().skip_reason(node)

    def describe(self, node: Node, body: Node | None) -> str:
        """An ignored or deleted post is described by its notice, not by its hidden words."""
        notice = node.select_one(".ignore")
        return preview(notice.render()) if notice is not None else super().describe(node, body)

    def timestamp(self, node: Node) -> datetime | None:
        """``p.author time[datetime]`` (3.1+), else the text after "»" (3.0)."""
        when = super().timestamp(node)
        if when is not None:
            return when
        author = node.select_one("p.author")
        if author is None:
            return None
        _, mark, after = author.text().rpartition("»")
        return self.read_date(after) if mark else None

    def quote_author(self, block: Node) -> str | None:
        """The profile link of the ``cite`` (3.2+), else "X wrote:" → "X"."""
        cite = block.select_one("cite")
        if cite is None:
            return None
        for link in cite.select("a[href]"):
            if _PROFILE.search(link.attr("href")) and link.text():
                return normalise_space(link.text())
        cite.remove_all(".responsive-hide, a[data-post-id]")
        return said_name(cite.text())

    def read_quote(self, block: Node) -> Quote:
        """A quote; its post id from ``data-post-id``, else the ``cite`` address."""
        source = _POST_LINK.search(block.attr("cite"))
        quote = super().read_quote(block)
        if quote.post_id is None and source:
            return Quote(text=quote.text, post_id=source.group(1), author=quote.author)
        return quote

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """The ``t=`` of the canonical address, else of the topic title link."""
        return super().thread_id(root, url) or _title_link_topic(root)


def _title_link_topic(root: Node) -> str | None:
    """The ``t=`` of the first topic title link that has one."""
    for link in root.select("h2.topic-title a, #page-body > h2 a"):
        match = _TOPIC.search(link.attr("href"))
        if match:
            return match.group(1)
    return None


__all__ = ["Phpbb3Parser"]
