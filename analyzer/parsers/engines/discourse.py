"""Discourse topic pages saved as HTML, in either of the two shapes a save gives.

Both shapes carry ``<meta name="generator" content="Discourse ...">``.

The crawler view (what Discourse serves without JavaScript, and what "save
page" keeps when scripts did not run)
    A post is ``div.topic-body.crawler-post`` (``id="post_<N>"`` since 3.x;
    the "next page" link is a ``div[role="navigation"]`` with the same
    classes and is not a post). The speaker is ``[itemprop="author"]
    [itemprop="name"]``; the date the ``<time datetime>`` of
    ``.crawler-post-infos`` (``meta[itemprop="dateModified"]`` beside it is
    the edit date and is never read); the post number ``#post_<N>`` or
    ``span[itemprop="position"]``; the words ``div.post[itemprop="text"]``
    (``articleBody`` before 3.x). The page gives no forum post ids, so a
    post's :attr:`~analyzer.model.Post.id` is its post number.
The JavaScript view (a page saved from the browser after Discourse rendered it)
    A post is ``article#post_<N>[data-post-id]`` inside ``div.topic-post``,
    whose ``deleted`` / ``post-hidden`` classes mark deleted and flagged
    posts (skipped as "deleted post" / "hidden post", as the Discourse JSON
    parser has it); ``article.small-action`` ("closed this topic") is
    skipped as "small action". The speaker is ``.names
    [data-user-card]``; the date ``.post-info.post-date .relative-date``
    (``data-time``, epoch milliseconds); the words ``.cooked``. The id is
    ``data-post-id``. Reply previews expanded into the post
    (``section.embedded-posts``) are other posts' words and are dropped.

Quotes are ``aside.quote[data-username][data-post][data-topic]`` with a
``div.title`` header ("name:") and the words in a ``blockquote``;
``data-post`` is a post *number* in topic ``data-topic``. It becomes the
quoted post's id through the posts on the page (number → id). When the
quoted post is not on the page, the crawler view keeps the number, which is
that view's id; the JavaScript view gives None, since a number is not an id
there. A quote of another topic gets None. ``[quote="name"]`` without a post
renders without ``data-post``: speaker only. A bare Markdown ``blockquote``
has no speaker.

``reply_to``: the JavaScript view's ``a.reply-to-tab`` names only the
answered *user*; it is resolved to the quoted post of that user, or to the
user's only earlier post on the page, else left None. Without a tab, the
first quoted post is taken.
"""

from __future__ import annotations

import re

from analyzer.clean import clean_text
from analyzer.model import Quote
from analyzer.parsers.dom import Node
from analyzer.parsers.html_forum import HtmlForumParser, said_name
from analyzer.parsers.skin import Field, digits, make_skin
from analyzer.text import normalise_space

_CRAWLER_POST = 'div.topic-body.crawler-post:not([role="navigation"])'
_BODIES = ('div.post[itemprop="text"]', 'div.post[itemprop="articleBody"]', "div.post",
           ".cooked")
_POST_NUMBER = re.compile(r"^post_(\d+)$")
# Reasons as the Discourse JSON parser gives them, for the same posts.
_SKIP_CLASSES = (("deleted", "deleted post"), ("post-hidden", "hidden post"),
                 ("small-action", "small action"))
_CHROME = (
    "aside.onebox", ".lightbox-wrapper .meta", ".cooked-selection-barrier",
    ".post-menu-area", "section.post-actions", ".post-links-container", ".user-signature",
)


class DiscourseParser(HtmlForumParser):
    """Saved Discourse topic pages: the crawler view and the rendered JavaScript view."""

    engine = "discourse"
    description = "Discourse topic pages saved as HTML (crawler or rendered view)"
    priority = 50
    markers = (
        re.compile(r"""<meta\b[^>]*\bname\s*=\s*["']generator["'][^>]*\bcontent\s*=\s*"""
                   r"""["']Discourse\b""", re.IGNORECASE),
        re.compile(r"""<meta\b[^>]*\bcontent\s*=\s*["']Discourse\b[^>]*\bname\s*=\s*"""
                   r"""["']generator["']""", re.IGNORECASE),
    )
    skin = make_skin(
        "discourse",
        post=f"{_CRAWLER_POST}, article[data-post-id], article.onscreen-post",
        body=", ".join(_BODIES),
        id=("@data-post-id",),
        author=('[itemprop="author"] [itemprop="name"]', ".creator a",
                ".names [data-user-card]@data-user-card", ".names .username a", ".names a"),
        time=(".crawler-post-infos time", 'time[itemprop="datePublished"]',
              'meta[itemprop="datePublished"]@content', ".post-info.post-date .relative-date",
              ".post-date [data-time]"),
        quote="aside.quote, blockquote",
        quote_author=("@data-username",),
        quote_header="div.title, .quote-controls",
        remove=_CHROME,
        title=("#topic-title h1 a.fancy-title", "#topic-title h1 a", "#topic-title h1",
               "h1 a.fancy-title"),
    )
    url_cleanup = ((re.compile(r"\?page=\d+$"), ""),)
    #: The number in ``/t/<slug>/<id>``, else an article's ``data-topic-id``.
    thread_id_pattern = re.compile(r"/t/(?:[^/?#]+/)?(\d+)(?=[/?#]|$)")
    thread_id_field = Field.parse("article[data-topic-id]@data-topic-id")

    def __init__(self) -> None:
        # Filled by post_nodes for the page being parsed: quotes and reply tabs
        # name post numbers and users, which only the whole page can resolve.
        self._ids_by_number: dict[str, str] = {}
        self._earlier: list[tuple[Node, str | None, str | None]] = []
        self._numbers_are_ids = True
        self._topic_id: str | None = None

    def own_post(self, inner: Node, outer: Node) -> bool:
        """Reply previews embedded in a post are copies, never posts of their own."""
        return (inner.closest("section.embedded-posts", stop=outer) is None
                and super().own_post(inner, outer))

    def post_nodes(self, root: Node) -> list[Node]:
        """The posts of the page, with embedded reply previews taken out.

        Also notes each post's number, id and speaker, to resolve quotes and
        reply tabs against.
        """
        nodes = root.select_top(self.skin.post)
        for node in nodes:
            node.remove_all("section.embedded-posts")
        self._numbers_are_ids = not any(node.has_attr("data-post-id") for node in nodes)
        self._topic_id = self.thread_id(root, self.thread_url(root))
        self._earlier = [(node, self.post_id(node), self.author(node)) for node in nodes]
        self._ids_by_number = {number: post_id for node, post_id, _ in self._earlier
                               if post_id and (number := post_number(node))}
        return nodes

    def skip_reason(self, node: Node) -> str | None:
        """Deleted, flagged and small-action posts, by the classes of the post or its wrapper."""
        wrapper = node.parent
        classes = set(node.classes)
        if wrapper is not None and "topic-post" in wrapper.classes:
            classes |= set(wrapper.classes)
        return next((reason for cls, reason in _SKIP_CLASSES if cls in classes), None)

    def post_id(self, node: Node) -> str | None:
        """``data-post-id`` where the page has it, else the post number."""
        found = digits(node.attr("data-post-id"))
        return found if found else post_number(node)

    def body(self, node: Node) -> Node | None:
        """The crawler view's ``div.post``, or the rendered view's ``.cooked``."""
        for css in _BODIES:
            found = node.select_one(css)
            if found is not None:
                return found
        return None

    def read_quote(self, block: Node) -> Quote:
        """An ``aside.quote`` (speaker, post number → id) or a bare blockquote."""
        if block.tag != "aside":
            return super().read_quote(block)
        header = next((t for t in block.select("div.title")
                       if t.closest("aside.quote", stop=block) is None), None)
        author = normalise_space(block.attr("data-username")) or (
            said_name(header.text()) if header is not None else None)
        words = next((q for q in block.select("blockquote")
                      if q.closest("aside.quote", stop=block) is None), block)
        words.remove_all(self.skin.quote)
        if words is block:
            block.remove_all(self.skin.quote_header)
        return Quote(text=clean_text(words.render()), post_id=self._quoted(block),
                     author=author or None)

    def reply_to(self, node: Node, quotes: list[Quote]) -> str | None:
        """The post the reply tab's user wrote, where that is unambiguous; else the first quote."""
        tab = node.select_one(".reply-to-tab")
        if tab is None:
            return super().reply_to(node, quotes)
        user = normalise_space(tab.text())
        quoted = next((q.post_id for q in quotes if q.post_id and q.author == user), None)
        if quoted or not user:
            return quoted
        earlier: list[str] = []
        for other, post_id, author in self._earlier:
            if other == node:
                break
            if post_id and author == user:
                earlier.append(post_id)
        return earlier[0] if len(earlier) == 1 else None

    def _quoted(self, block: Node) -> str | None:
        number = block.attr("data-post")
        topic = block.attr("data-topic")
        if not number.isdigit() or (topic and self._topic_id and topic != self._topic_id):
            return None
        if number in self._ids_by_number:
            return self._ids_by_number[number]
        return number if self._numbers_are_ids else None


def post_number(node: Node) -> str | None:
    """A post's number in its topic: ``#post_<N>``, the position, or the wrapper's attribute."""
    match = _POST_NUMBER.match(node.attr("id"))
    if match:
        return match.group(1)
    position = node.select_one('[itemprop="position"]')
    found = digits(position.text()) if position is not None else None
    if found:
        return found
    wrapper = node.parent
    return digits(wrapper.attr("data-post-number")) if wrapper is not None else None


__all__ = ["DiscourseParser", "post_number"]
