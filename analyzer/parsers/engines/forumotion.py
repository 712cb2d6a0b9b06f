"""Forumotion (Forumactif) boards: hosted phpBB-derived skins, as saved from a browser.

Forumotion hosts boards under its own domains (``*.forumotion.com``,
``*.forumactif.com``/``.org``/``.fr``, ``*.forumgratuit.org`` and others)
with four skins derived from phpBB 2, phpBB 3, PunBB and Invision, and the
newer ModernBB and AwesomeBB. Every skin writes a post as an element whose
``id`` is ``p<id>`` and whose classes include ``post--<id>``, holding a
``.postbody``; the pages say "Forumotion" or "forumactif" in their links,
scripts and footer. They differ in where the words are:

phpBB 3 skin
    ``div.post#p<id> .postbody``: ``p.author`` ("<a href="/u5">name</a>
    Lun 12 Oct 2015 - 15:18"), ``ul.profile-icons``, the words in
    ``div.content > div``, the signature in ``div.signature_div#sig<id>``;
    ``dl.postprofile`` (or ``div.postprofile``) names the speaker again.
ModernBB and the Invision-like skins
    The words are in ``.post-entry`` (``.post-entry > .post-contents`` in
    some themes); the date in ``.topic-date`` or ``.post-date``.

phpBB 2 skin
    Each post is two table rows ``tr.post--<id>``: the first holds the
    speaker (``.name strong``) and the words in ``div.postbody``, the
    second only profile buttons.

Every skin's ``.postbody`` also holds chrome: the per-post subject
(``h2.topic-title``), the author line, action icons, vote bars, the
signature and the "edited" note. The words are looked for in the most
specific place first, and the ``.postbody`` without its chrome is the last
resort, so a skin that moves the words never gives "empty" posts. Quotes
are ``blockquote`` with a ``cite`` ("name a écrit:"). Topic addresses are
``/t<id>-title`` and ``/t<id>p<offset>-title`` for later pages.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from analyzer.parsers.dom import Node
from analyzer.parsers.engines.phpbb import Phpbb3Parser
from analyzer.parsers.skin import make_skin

_POST_ID = re.compile(r"^p(\d+)$")
_POST_CLASS = re.compile(r"^post--(\d+)$")
#: Where the words are, most specific first.
_BODIES = (".postbody .content", ".post-entry .post-contents", ".post-entry",
           ".postbody .entry-content", ".post-content", ".post-body", ".postbody")
_CHROME = (
    ".signature_div", ".signature", ".attachbox", ".profile-icons", ".post-footer",
    ".postbody-head", "h2.topic-title", "p.author", "div.author", ".topic-date", ".post-date",
    ".vote", ".vote_zzvote", ".post-action", ".edited", ".edit-by", ".clear", ".sr-only",
    ".postprofile", "script", "style",
)
_DATES = (".topic-date", ".post-date", ".postbody time", ".author-date")


class ForumotionParser(Phpbb3Parser):
    """Saved Forumotion (Forumactif) topic pages, in any of its phpBB-derived skins."""

    engine = "forumotion"
    description = ("Forumotion/Forumactif topic pages (phpBB-derived hosted skins) saved "
                   "from a browser")
    priority = 60  # before phpbb3: the phpBB 3 skin also looks like phpBB 3
    markers: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(r"""\bclass\s*=\s*["'][^"']*\bpost--\d+\b"""),
        re.compile(r"""(?:src|href)\s*=\s*["'][^"']*(?:\billiweb\.com/|"""
                   r"""\.(?:forumotion|forumactif|forumgratuit)\.)""", re.IGNORECASE),
        re.compile(r"""Powered by\s*(?:<[^>]*>\s*)*Forumotion""", re.IGNORECASE),
    )
    skin = make_skin(
        "forumotion",
        post="div.post, section.post, article.post, table.post, tr[class*='post--']",
        body=", ".join(_BODIES),
        id=("@id",),
        author=(".postprofile dt strong a", ".postprofile dt a[href^='/u']", ".name strong a",
                ".name strong",
                ".postprofile .username a", ".postprofile-name a", ".author-name a",
                "p.author strong a", "p.author a[href^='/u']", ".author a[href^='/u']",
                ".postprofile dt strong", ".postprofile-name"),
        time=_DATES,
        quote="blockquote",
        quote_header="cite",
        remove=_CHROME,
        title=("h1.page-title a", "h1.page-title", ".page-title", "h1"),
        skip={"deleted post": ".post.deleted", "ignored user": ".ignore"},
    )
    #: A later page's ``/t12p15-title`` is the first page's ``/t12-title``.
    url_cleanup: ClassVar[tuple[tuple[re.Pattern[str], str], ...]] = (
        (re.compile(r"(/t\d+)p\d+(?=-)"), r"\1"),)
    thread_id_pattern = re.compile(r"/t(\d+)(?:p\d+)?-")

    def post_nodes(self, root: Node) -> list[Node]:
        """Post elements with a body and a ``p<id>`` id or ``post--<id>`` class.

        The phpBB 2 skin writes a post as two table rows of the same
        ``post--<id>``; the one with the words is the post.
        """
        return [node for node in root.select_top(self.skin.post)
                if node.select_one(".postbody, .post-entry, .post-body, .post-content") is not None
                and self.post_id(node) is not None]

    def post_id(self, node: Node) -> str | None:
        """The digits of ``id="p<id>"``, else of the ``post--<id>`` class."""
        match = _POST_ID.match(node.attr("id"))
        if match:
            return match.group(1)
        return next((m.group(1) for m in map(_POST_CLASS.match, node.classes) if m), None)

    def body(self, node: Node) -> Node | None:
        """The most specific element holding the words (see the module notes)."""
        for css in _BODIES:
            found = node.select_one(css)
            if found is not None and found.render():
                return found
        return None

    def timestamp(self, node: Node) -> datetime | None:
        """The skin's date element, else the author line without the speaker's name."""
        when = super(Phpbb3Parser, self).timestamp(node)
        if when is not None:
            return when
        line = node.select_one("p.author, .author")
        if line is None:
            return None
        line.remove_all("a, img, strong")
        return self.read_date(line.text().strip(" -»|"))

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """The ``<id>`` of ``/t<id>-title``, else of the page title's link."""
        found = super(Phpbb3Parser, self).thread_id(root, url)
        if found:
            return found
        link = root.select_one("h1.page-title a[href], h2.topic-title a[href]")
        match = self.thread_id_pattern.search(link.attr("href")) if link is not None else None
        return match.group(1) if match else None


__all__ = ["ForumotionParser"]
