"""Post elements as broken markup leaves them, and the posts a page says it holds.

Two checks that every HTML engine shares:

Nested posts (:func:`separate_nested`)
    A page whose markup leaves a post's ``div`` or ``article`` unclosed puts
    the next post inside it, and the one after inside that. A browser shows
    them one under another; the tree holds one post with all the others in
    it. Every post element found inside another post element, with an id of
    its own, is moved out to just after the post that held it, in page
    order, so it is read as its own post and its words are no longer part of
    the outer post.
Post markers (:func:`post_markers`)
    Engines mark each post with an element id or data attribute that holds
    the post's number: ``id="p123"`` (phpBB), ``id="post_123"`` (vBulletin 4,
    MyBB), ``id="post-123"`` (XenForo 1), ``data-content="post-123"``
    (XenForo 2), ``id="msg123"`` (SMF), ``id="elComment_123"`` (Invision),
    ``data-pid="123"`` (NodeBB), ``class="post--123"`` (Forumotion).
    Counting the distinct numbers gives how many posts the page says it
    holds, whatever the parser made of it; when the posts kept and skipped
    fall well short of it (:func:`shortfall`), posts were lost without a
    reason and the run says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analyzer.model import ACCOUNTED_SHARE, shortfall
from analyzer.parsers.dom import Node

#: An element id that names a post by its number.
_MARKER_ID = re.compile(
    r"^(?:post|p|msg|message|entry|reply|comment|elComment|pid)[-_]?(\d+)$", re.IGNORECASE)
_CONTENT_KEY = re.compile(r"^post-(\d+)$")
_MARKER_CLASS = re.compile(r"^post--(\d+)$")
_NUMBER_ATTRIBUTES = ("data-pid", "data-post-id", "data-postid")
#: Elements that mark a post; links and anchors only point at one.
_MARKER_ATTRIBUTES = ("id", "data-content", "data-pid", "data-post-id", "data-postid")


def separate_nested(root: Node, css: str, own_post: Callable[[Node, Node], bool]) -> int:
    """Move every post element nested in another one to just after it.

    Args:
        root: The page.
        css: The selector of a post element.
        own_post: ``own_post(inner, outer)`` is True when ``inner``, found
            inside ``outer``, is a post of its own (not, say, the outer
            post's own header that happens to match ``css``).

    Returns:
        How many post elements were moved out.
    """
    found = root.select(css)
    if len(found) < 2:
        return 0
    chosen = {node.key(): node for node in found}
    # After a move, the next post out of the same outer post goes after the last one moved.
    last_moved: dict[Node, Node] = {}
    moved = 0
    for node in found:  # document order: an outer post comes before what it holds
        outer = node.nearest_of(chosen)
        if outer is None or not own_post(node, outer):
            continue
        anchor = outer
        while anchor in last_moved:
            anchor = last_moved[anchor]
        node.move_after(anchor)
        last_moved[outer] = node
        moved += 1
    return moved


def post_markers(root: Node) -> tuple[str, ...]:
    """The distinct post numbers the page's post markers give, in page order."""
    numbers: dict[str, None] = {}
    for node in root.with_attributes(_MARKER_ATTRIBUTES, class_part="post--"):
        number = _marker_number(node)
        if number is not None:
            numbers.setdefault(number)
    return tuple(numbers)


def _marker_number(node: Node) -> str | None:
    match = _MARKER_ID.match(node.attr("id")) or _CONTENT_KEY.match(node.attr("data-content"))
    if match:
        return match.group(1)
    for name in _NUMBER_ATTRIBUTES:
        value = node.attr(name)
        if value.isdigit():
            return value
    classes = node.attr("class")
    if "post--" not in classes:
        return None
    return next((m.group(1) for m in map(_MARKER_CLASS.match, classes.split()) if m), None)


__all__ = ["ACCOUNTED_SHARE", "post_markers", "separate_nested", "shortfall"]
