"""NodeBB topic pages, as saved from a browser (Persona and Harmony themes).

A page is recognised by a post element ``component="post"`` carrying
``data-pid``, or by NodeBB's client bundle (``/assets/nodebb.min.js``);
NodeBB writes no generator meta tag.

A post is ``li[component="post"]`` with ``data-pid`` (the post id),
``data-index``, ``data-uid``, ``data-username`` and ``data-timestamp`` (epoch
milliseconds). Harmony also writes ``<meta itemprop="datePublished">``.
Where neither is present (older themes), the first ``.timeago[title]`` (ISO
8601) of the post is read; the edit note, ``[component="post/editor"]``
with its own ``.timeago``, and the ``.edit-icon`` are never read as the
post date. The words are in
``[component="post/content"]``; the signature is
``[component="post/signature"]``. A deleted post is ``li.deleted``.

Quotes are Markdown blockquotes. The composer writes the attribution as a
paragraph just before the quote, which renders as ``<p><a
href="/uid/5">@X</a> said in <a href="/post/456">Topic title</a>:</p>``
(or "X said:" without a link): the speaker and the ``/post/<pid>`` id are
taken from it and the paragraph is removed from the post's words. A reply
names the post it answers in ``[component="post/parent"]`` (``data-topid``).
"""

from __future__ import annotations

import re
from datetime import datetime

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser
from analyzer.parsers.skin import Field, make_skin
from analyzer.text import normalise_space

_ATTRIBUTION = re.compile(r"^@?(?P<name>[^\n]{1,80}?)\s+(?:said|sagte|a dit|dijo|ha detto|"
                          r"написал\w*)(?:\s+(?:in|dans|en)\s+.+)?\s*:$", re.IGNORECASE)
_POST_LINK = re.compile(r"/post/(\d+)")
_EDIT_NOTE = '[component="post/editor"], .edit-icon, [component="post/edit-indicator"]'
_CHROME = (
    '[component="post/signature"]', '[component="post/editor"]',
    '[component="post/replies/container"]',
)


class NodeBBParser(HtmlForumParser):
    """Saved NodeBB topic pages (``li[component="post"][data-pid]``)."""

    engine = "nodebb"
    description = "NodeBB topic pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""component\s*=\s*["']post["'][^>]*\bdata-pid\s*=""", re.IGNORECASE),
        re.compile(r"""/assets/nodebb(?:\.min)?\.js"""),
    )
    skin = make_skin(
        "nodebb",
        post='li[component="post"]',
        body='[component="post/content"]',
        id=("@data-pid",),
        author=("@data-username", '[itemprop="author"] meta[itemprop="name"]@content',
                "a[data-username]@data-username", ".username-field"),
        time=("@data-timestamp", 'meta[itemprop="datePublished"]@content'),
        quote="blockquote",
        remove=_CHROME,
        title=('[component="topic/title"]', 'h1[component="post/header"]'),
        skip={"deleted post": 'li[component="post"].deleted'},
    )
    url_cleanup = ((re.compile(r"\?page=\d+$"), ""),)
    #: The number in ``/topic/<tid>/<slug>``, else the topic list's ``data-tid``.
    thread_id_pattern = re.compile(r"/topic/(\d+)")
    thread_id_field = Field.parse('[component="topic"][data-tid]@data-tid')

    def timestamp(self, node: Node) -> datetime | None:
        """``data-timestamp`` or the ``datePublished`` meta, else the first ``.timeago``.

        A ``.timeago`` inside the edit note is the edit date and is passed over.
        """
        when = super().timestamp(node)
        if when is not None:
            return when
        for stamp in node.select(".timeago[title]"):
            if stamp.matches(_EDIT_NOTE) or stamp.closest(_EDIT_NOTE, stop=node) is not None:
                continue
            when = self.read_date(stamp.attr("title"))
            if when is not None:
                return when
        return None

    def read_quote(self, block: Node) -> Quote:
        """A blockquote, with speaker and post from the "X said in ...:" line before it.

        The attribution lines of quotes nested inside it go with those quotes.
        """
        for nested in block.select("blockquote"):
            _take_attribution(nested)
        author, post_id = _take_attribution(block)
        quote = super().read_quote(block)
        return Quote(text=quote.text, post_id=post_id, author=author)

    def reply_to(self, node: Node, quotes: list[Quote]) -> str | None:
        """The post named by ``[component="post/parent"]``, else the first quoted post."""
        parent = node.select_one('[component="post/parent"][data-topid]')
        if parent is not None and parent.attr("data-topid").isdigit():
            return parent.attr("data-topid")
        return super().reply_to(node, quotes)


def _take_attribution(block: Node) -> tuple[str | None, str | None]:
    """Read and remove the "X said in <a href="/post/N">...</a>:" paragraph before ``block``.

    Returns:
        The speaker and the quoted post's id (None where not given).
    """
    line = block.previous()
    if line is None or line.tag != "p":
        return None, None
    match = _ATTRIBUTION.match(normalise_space(line.text()))
    if match is None:
        return None, None
    mention = line.select_one('a[href*="/uid/"], a[href*="/user/"], a.plugin-mentions-user')
    name = normalise_space(mention.text()).lstrip("@") if mention is not None else ""
    post_id = next((found.group(1) for href in line.links()
                    if (found := _POST_LINK.search(href))), None)
    line.remove()
    return name or match.group("name").strip() or None, post_id


__all__ = ["NodeBBParser"]
