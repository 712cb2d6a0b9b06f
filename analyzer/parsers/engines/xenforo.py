"""XenForo 1 and 2 thread pages, as saved from a browser.

XenForo 2
    ``<html id="XF">``. A post is an ``article.message--post`` whose
    ``data-content`` is ``post-<id>`` and whose ``data-author`` names the
    speaker. The words are in ``.message-body .bbWrapper``; quotes are
    ``blockquote.bbCodeBlock--quote`` with ``data-quote`` (the speaker) and
    ``data-source`` (``post: <id>``). The date is the ``<time>`` of
    ``.message-attribution`` (``datetime`` ISO attribute; ``data-time`` in
    2.0-2.2, ``data-timestamp`` in 2.3). Signatures, "Last edited" notes,
    reaction bars and attachments sit outside the body.
XenForo 1
    ``<html id="XenForo">``. A post is an ``li.message`` with ``id="post-<id>"``
    and ``data-author``; words in ``blockquote.messageText``; quotes are
    ``div.bbCodeQuote`` with ``data-author`` and an ``AttributionLink`` to
    ``goto/post?id=<id>``; the date is ``.datePermalink .DateTime`` (an
    ``abbr`` with ``data-time``, or a ``span`` whose ``title`` is the full
    date). Deleted and ignored posts are ``li.message.deleted`` / ``.ignored``.
"""

from __future__ import annotations

import re

from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, has_class_word
from analyzer.parsers.skin import make_skin

_AD_CLASS = re.compile(r"^(?:ad|ads|advert\w*|sponsor\w*|promo\w*)$", re.IGNORECASE)
_AD_AUTHORS = frozenset({"ad", "ads", "advert", "advertisement", "advertisements", "sponsor",
                         "sponsored", "sponsored content", "promoted"})
_SOURCE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(\d+)")
_CONTENT_KEY = re.compile(r"^thread-(\d+)$")
_POST = re.compile(r"\bpost-(\d+)\b")
_CHROME = (
    ".bbCodeBlock-expandLink", ".bbCodeBlock-shrinkLink", ".bbCodeSpoiler-button",
    ".js-selectToQuoteEnd", ".message-signature", ".message-lastEdit", ".reactionsBar",
    ".message-attachments", ".bbCodeBlock--unfurl", ".bbMediaWrapper", ".bbMediaJustifier",
    ".samCodeUnit", ".samBannerUnit", ".adsbygoogle", "[data-ad-slot]", ".u-srOnly",
    # XenForo 1
    ".quoteExpand", ".signature", ".editDate", ".likesSummary", ".attachedFiles",
    ".messageMeta", ".messageNotices",
)


class _XenForo(HtmlForumParser):
    """What XenForo 1 and 2 share: advertisements, quote sources, thread ids."""

    url_cleanup = ((re.compile(r"page-\d+/?$"), ""),)
    post_id_pattern = _POST
    thread_id_pattern = re.compile(r"threads/(?:[^/?#]*?\.)?(\d+)(?=[/?#]|$)")

    def skip_reason(self, node: Node) -> str | None:
        """Advertisements (by class or a sponsor's name), then the skin's reasons."""
        if has_class_word(node, _AD_CLASS) or (
                self.post_id(node) is None and (self.author(node) or "").lower() in _AD_AUTHORS):
            return "advertisement"
        return super().skip_reason(node)

    def read_quote(self, block: Node) -> Quote:
        """A quote, with its source from ``data-source`` or the jump link."""
        source = _SOURCE.match(block.attr("data-source"))
        quote = super().read_quote(block)
        if source:
            post_id = source.group(2) if source.group(1).lower() == "post" else None
            return Quote(text=quote.text, post_id=post_id, author=quote.author)
        return quote

    def thread_id(self, root: Node, url: str | None) -> str | None:
        """The number in ``threads/title.123/``, else the root's ``thread-<id>`` content key."""
        return super().thread_id(root, url) or _content_key(root)


class XenForo2Parser(_XenForo):
    """Saved XenForo 2 thread pages (``html id="XF"``, ``article.message--post``)."""

    engine = "xenforo2"
    description = "XenForo 2 thread pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""<html\b[^>]*\bid\s*=\s*["']?XF["'\s>]""", re.IGNORECASE),
        re.compile(r"""class\s*=\s*["'][^"']*\bmessage--(?:post|article)\b[^>]*>[\s\S]*"""
                   r"""bbWrapper"""),
    )
    skin = make_skin(
        "xenforo2",
        post=".message--post, .message--article",
        body=".message-body .bbWrapper, .message-userContent .bbWrapper, .message-body",
        id=("@data-content", "@id", "@data-lb-id", ".u-anchorTarget[id]@id"),
        author=("@data-author", ".message-name", ".username"),
        time=(".message-attribution-main time", ".message-attribution time",
              ".message-date time", "time.u-dt"),
        quote="blockquote.bbCodeBlock--quote",
        quote_author=("@data-quote", ".bbCodeBlock-title"),
        quote_id=(".bbCodeBlock-sourceJump@data-content-selector",
                  ".bbCodeBlock-sourceJump@href"),
        quote_header=".bbCodeBlock-title, .bbCodeBlock-expandLink",
        remove=_CHROME,
        title=("h1.p-title-value",),
        skip={"deleted post": ".message--deleted, .messageNotice--deleted",
              "ignored user": ".is-ignored, .messageNotice--ignored"},
    )


    def body(self, node: Node) -> Node | None:
        """The first body that is not inside a signature."""
        for css in self.skin.body.split(", "):
            for found in node.select(css):
                if found.closest(".message-signature", stop=node) is None:
                    return found
        return None

    def thread_title(self, root: Node) -> str | None:
        """The ``h1`` title without its prefix labels."""
        heading = root.select_one("h1.p-title-value")
        if heading is not None:
            heading.remove_all(".label, .label-append")
        return super().thread_title(root)

    def render_body(self, body: Node) -> str:
        """The body without the titles of code and spoiler blocks."""
        body.remove_all(".bbCodeBlock-title")
        return body.render()


class XenForo1Parser(_XenForo):
    """Saved XenForo 1 thread pages (``html id="XenForo"``, ``li.message``)."""

    engine = "xenforo1"
    description = "XenForo 1 thread pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"""<html\b[^>]*\bid\s*=\s*["']?XenForo["'\s>]""", re.IGNORECASE),
        re.compile(r"""<ol\b[^>]*\bid\s*=\s*["']messageList["']"""),
    )
    skin = make_skin(
        "xenforo1",
        post="#messageList > li.message, li.message[id^='post-']",
        body="blockquote.messageText",
        id=("@id",),
        author=("@data-author", ".messageUserInfo .username", ".userText .username"),
        time=(".messageMeta .datePermalink .DateTime", ".messageMeta .DateTime",
              ".datePermalink .DateTime"),
        quote="div.bbCodeQuote",
        quote_author=("@data-author", ".attribution"),
        quote_id=(".AttributionLink@href", ".attribution a@href"),
        quote_header=".attribution, .quoteExpand",
        # The "New" badge of unread posts sits inside the message text.
        remove=(*_CHROME, ".newIndicator", ".messageTextEndMarker"),
        title=(".titleBar h1",),
        skip={"deleted post": "li.message.deleted", "ignored user": "li.message.ignored"},
    )


    def thread_title(self, root: Node) -> str | None:
        """The ``h1`` title without its prefix label ("News", "Solved")."""
        heading = root.select_one(".titleBar h1")
        if heading is not None:
            heading.remove_all(".prefix")
        return super().thread_title(root)


def _content_key(root: Node) -> str | None:
    """The ``<id>`` of ``<html data-content-key="thread-<id>">``."""
    html = root if root.tag == "html" else root.select_one("html")
    key = _CONTENT_KEY.match(html.attr("data-content-key")) if html is not None else None
    return key.group(1) if key else None


def _post_number(value: str) -> str | None:
    """The digits of ``post-<id>`` in an attribute value."""
    match = _POST.search(value)
    return match.group(1) if match else None


__all__ = ["XenForo1Parser", "XenForo2Parser"]
