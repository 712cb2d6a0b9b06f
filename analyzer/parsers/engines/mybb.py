"""MyBB thread pages (``showthread.php``), as saved from a browser.

MyBB 1.8 (``postbit`` and ``postbit_classic`` templates)
    A post is ``div.post#post_<pid>``; the speaker is
    ``.author_information .largetext a``; the words are in
    ``div.post_body#pid_<pid>``. The date is ``span.post_date``, which also
    holds the edit note (``span.post_edit > span.edited_post``: "(This post
    was last modified: ... by X.)"), so the note is taken out before the
    date is read. A recent post shows "Yesterday"/"Today" in a
    ``span[title]`` whose title is the real date (and, for "5 hours ago",
    the time too). Quotes are ``blockquote.mycode_quote`` whose ``cite``
    reads "<span> (date)</span>X Wrote: <a class="quick_jump"
    href="showthread.php?pid=N#pidN">". Signatures are ``div.signature``,
    outside the body.
MyBB 1.6 and old themes
    ``table#post_<pid>`` with the same ``.post_body#pid_<pid>`` and
    ``.largetext`` name; quotes are plain ``blockquote > cite``.

Skipped: posts by ignored users (the post is hidden and preceded by
``div.ignored_post#ignored_post_<pid>``) and deleted posts
(``div.post.deleted_post_hidden`` stubs, and ``.deleted_post`` bodies that
moderators see).
"""

from __future__ import annotations

import re
from datetime import datetime

from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, said_name
from analyzer.parsers.skin import make_skin
from analyzer.text import preview

_BARE_QUOTE = re.compile(r"^\s*(?:quote|zitat|цитата|citation|cita|citazione|citaat)\s*:?\s*$",
                         re.IGNORECASE)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
#: The post date: 1.8's ``span.post_date``, 1.6's first cell of the post's header row.
_DATES = (".post_date", "td.tcat .float_left")
_CHROME = (
    "script", "style", "noscript", "button",
    ".codeblock > .title", ".signature", ".post_edit", ".edited_post",
)


class MybbParser(HtmlForumParser):
    """Saved MyBB thread pages (``div.post#post_<pid>`` with ``.post_body``)."""

    engine = "mybb"
    description = "MyBB 1.6/1.8 thread pages saved from a browser"
    priority = 50
    markers = (
        re.compile(r"<!--\s*start:\s*(?:postbit|showthread)\b"),
        re.compile(r"Powered By\s*<a[^>]*>\s*MyBB", re.IGNORECASE),
        re.compile(r"""\bvar\s+MyBB\b|/jscripts/(?:general|thread)\.js\?ver=\d+"""),
        re.compile(r"""class\s*=\s*["']post_body[^"']*["']\s+id\s*=\s*["']pid_\d+"""),
    )
    skin = make_skin(
        "mybb",
        post="div.post[id^='post_'], table[id^='post_']",
        body=".post_body",
        id=("@id",),
        author=(".author_information .largetext a", ".post_author .largetext a",
                ".largetext a", ".author_information .largetext", ".largetext"),
        time=_DATES,
        quote="blockquote",
        quote_id=("cite a.quick_jump@href", "cite a[href*='pid']@href"),
        quote_header="cite",
        remove=_CHROME,
        title=("head > title",),
        skip={"deleted post": ".deleted_post_hidden, .deleted_post"},
    )
    url_cleanup = ((re.compile(r"(?:&(?:amp;)?page=\d+|-page-\d+(?=\.html))"), ""),)
    #: The ``tid`` of ``showthread.php?tid=N`` or a friendly ``thread-N.html``.
    thread_id_pattern = re.compile(r"(?:[?&;]tid=|thread-)(\d+)", re.IGNORECASE)

    def post_id(self, node: Node) -> str | None:
        """The digits of ``id="post_<pid>"``."""
        match = re.fullmatch(r"post_(\d+)", node.attr("id"))
        return match.group(1) if match else None

    def skip_reason(self, node: Node) -> str | None:
        """Deleted posts, then posts hidden behind an ignored-user notice."""
        reason = super().skip_reason(node)
        if reason:
            return reason
        return "ignored user" if self._ignored_notice(node) is not None else None

    def describe(self, node: Node, body: Node | None) -> str:
        """An ignored post is described by its notice, not by its hidden words."""
        notice = self._ignored_notice(node)
        if notice is None:
            return super().describe(node, body)
        notice.remove_all(".show_ignored_post, script")
        return preview(notice.render())

    def _ignored_notice(self, node: Node) -> Node | None:
        """The ``div.ignored_post#ignored_post_<pid>`` placed before a hidden post."""
        pid = self.post_id(node)
        return self._notices.get(f"ignored_post_{pid}") if pid else None

    def post_nodes(self, root: Node) -> list[Node]:
        self._notices = {n.attr("id"): n for n in root.select("div.ignored_post[id]")}
        return super().post_nodes(root)

    def timestamp(self, node: Node) -> datetime | None:
        """The post date, without the edit note it holds; a ``title`` beats "Yesterday"."""
        date = next((found for found in map(node.select_one, _DATES) if found is not None), None)
        if date is None:
            return None
        date.remove_all(".post_edit, .edited_post, [id^='edited_by_']")
        titled = date.select_one("span[title]")
        if titled is not None:
            value = titled.attr("title")
            if not _TIME.search(value):
                clock = _TIME.search(date.text().replace(titled.text(), "", 1))
                value = f"{value} {clock.group(0)}" if clock else value
            when = self.read_date(value)
            if when is not None:
                return when
        return self.read_date(date.text())

    def quote_author(self, block: Node) -> str | None:
        """"X Wrote:" in the ``cite``, without its date; a bare "Quote:" names no one."""
        cite = block.select_one("cite")
        if cite is None:
            return None
        for span in cite.children():
            if span.tag == "span":
                span.remove()
        text = cite.text()
        return None if _BARE_QUOTE.match(text) else said_name(text)


__all__ = ["MybbParser"]
