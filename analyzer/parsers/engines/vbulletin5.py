"""vBulletin 5 (Connect) thread pages, as saved from a browser.

``<body id="vb-page-body">``, ``<meta name="generator" content="vBulletin 5.x">``.
The posts of a page are ``ul.conversation-list > li.b-post.js-post``, each
with ``data-node-id`` (the post's node id; the first post's is the thread's)
and ``data-node-publishdate`` (epoch seconds, UTC). The author is
``.b-userinfo__details .author`` (``<span itemprop="name">`` inside the
profile link); the visible date is ``.b-post__timestamp time`` (its
``datetime`` has no zone: it is server time, so the epoch attribute is
preferred). The words are ``div.js-post__content-text[itemprop=text]``.
Quotes are vBulletin 4's ``div.bbcode_container > div.bbcode_quote`` with
``.bbcode_postedby`` ("Originally posted by <strong>X</strong>" and a link
to ``<thread-url>?p=<id>#post<id>``) and ``div.message``. The signature
(``.post-signature``), the edit note (``.b-post__edit``) and ad slots
(``div.axd``) sit outside the words. Moderator-visible deleted posts carry
``b-post--deleted``.
"""

from __future__ import annotations

import re

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.engines.vbulletin import ADS, generator, thread_address, with_bbcode_link
from analyzer.parsers.html_forum import HtmlForumParser
from analyzer.parsers.skin import make_skin


class VBulletin5Parser(HtmlForumParser):
    """Saved vBulletin 5 Connect thread pages (``li.b-post[data-node-id]``)."""

    engine = "vbulletin5"
    description = "vBulletin 5 (Connect) thread pages saved from a browser"
    priority = 50
    markers = (
        generator(5),
        re.compile(r"""<body\b[^>]*\bid\s*=\s*["']vb-page-body["']""", re.IGNORECASE),
        re.compile(r"""class\s*=\s*["'][^"']*\bjs-post__content-text\b"""),
    )
    skin = make_skin(
        "vbulletin5",
        post="li.b-post[data-node-id], li.js-post[data-node-id]",
        body=".js-post__content-text",
        id=("@data-node-id",),
        author=('.b-userinfo__details .author [itemprop="name"]', ".b-userinfo__details .author a",
                ".b-userinfo__details .author", "@data-username"),
        time=("@data-node-publishdate", ".b-post__timestamp time", ".b-post__timestamp"),
        quote="div.bbcode_quote",
        quote_author=(".bbcode_postedby strong", ".bbcode_postedby"),
        quote_header=".bbcode_postedby",
        remove=(".bbcode_description", ".post-signature", ".b-post__signature", ".js-post-sig",
                ".b-post__edit", "div.axd", *ADS),
        title=("h1.main-title", ".main-title"),
        skip={"deleted post": ".b-post--deleted", "ignored user": ".b-post--ignored"},
    )
    #: The number that opens the thread's slug: ``/88417-some-title``.
    thread_id_pattern = re.compile(r"/(\d+)-[^/?#]*(?:/page\d+)?/?(?:[?#]|$)")

    def read_quote(self, block: Node) -> Quote:
        """A ``div.bbcode_quote``, linked to its post by the ``.bbcode_postedby`` link."""
        return with_bbcode_link(block, super().read_quote)

    def thread_url(self, root: Node) -> str | None:
        """The canonical address without its ``/pageN`` suffix."""
        url = super().thread_url(root)
        return thread_address(url) if url else None


__all__ = ["VBulletin5Parser"]
