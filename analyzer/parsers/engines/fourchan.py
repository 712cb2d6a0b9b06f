"""4chan threads as the read-only API gives them (``a.4cdn.org/BOARD/thread/NO.json``).

The file is ``{"posts": [...]}``, the opening post first (``resto`` 0).
Each post has its number ``no`` (the id), ``time`` (epoch seconds),
``name`` (with ``trip`` and, on some boards, a poster ``id``), the subject
``sub`` and the comment ``com`` as HTML: ``<br>`` line breaks,
``<a class="quotelink">&gt;&gt;123</a>`` links to other posts, and
``<span class="quote">&gt;text</span>`` "greentext" lines.

Quotes. A ``>>123`` link becomes a :class:`~analyzer.model.Quote` of post
123 (its words and poster where the post is in the file, an empty text
otherwise) and is removed from the text; the first one gives ``reply_to``.
Greentext is not marked up as a quote and mostly is not one: it tells a
story (">be me"), mocks (">implying") or paraphrases. So a greentext line
stays in the text, unless it repeats, word for word, at least three words of
an earlier post in the thread (the posts it links to first): then it is a
quote of that post, and replaces that post's full text in the quote.

The poster is ``name``, then the tripcode after a space, then ``(ID: x)``
where the board shows poster ids, so that the anonymous posters of one
thread stay apart. The thread's title is the opening post's subject, or its
first words. Posts with no comment (an image alone, or a deleted file) are
skipped as "empty post".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.errors import ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.dom import parse_html
from analyzer.parsers.htmltext import strip_tags
from analyzer.parsers.records import id_field, load_json, text_field, time_field, try_json
from analyzer.text import normalise_space, preview

_LINK = re.compile(r">>(\d+)\b")
_LINK_LABEL = re.compile(r"^>>(\d+)$")
_SPACES = re.compile(r"[ \t]{2,}")
_BLANKS = re.compile(r"\n{3,}")
_MIN_GREEN_WORDS = 3
_LOOK_BACK = 300  # earlier posts searched for a greentext line's source
_SHAPE = 'not a 4chan thread: expected an object with a "posts" list'


@dataclass(frozen=True)
class ChanBody:
    """A post's comment with its ``>>N`` links taken out.

    Attributes:
        text: The words, greentext included, one line per line.
        refs: The post numbers linked with ``>>N``, in order, once each.
    """

    text: str
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChanPost:
    """What :func:`link_quotes` needs to know of one post."""

    id: str
    author: str | None
    body: ChanBody


@dataclass(frozen=True)
class LinkedBody:
    """A post's own words, its quotes and the post it answers."""

    text: str
    quotes: tuple[Quote, ...]
    reply_to: str | None


class FourChanParser(Parser):
    """4chan API thread JSON."""

    engine = "4chan"
    description = "4chan API thread JSON (a.4cdn.org/BOARD/thread/NO.json)"
    priority = 60

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        """Return True for ``{"posts": [...]}`` whose first post has a number ``no``."""
        data = try_json(doc)
        posts = data.get("posts") if isinstance(data, dict) else None
        if not isinstance(posts, list) or not posts or not isinstance(posts[0], dict):
            return False
        return "no" in posts[0] and ("resto" in posts[0] or "time" in posts[0])

    def parse(self, doc: Document) -> Thread:
        """Parse a 4chan thread.

        Raises:
            ParseError: If the file is not JSON or not a thread.
        """
        return read_thread(load_json(doc), doc.name)


def read_thread(data: Any, source: str) -> Thread:
    """Build a thread from a parsed 4chan API thread.

    Raises:
        ParseError: If ``data`` is not a thread.
    """
    items = data.get("posts") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ParseError(f"{source}: {_SHAPE}")
    if not items:
        raise ParseError(f"{source}: no posts found in the 4chan thread")
    kept: list[tuple[dict[str, Any], ChanPost]] = []
    skipped: list[Skipped] = []
    for i, item in enumerate(items, start=1):
        number = id_field(item.get("no")) if isinstance(item, dict) else None
        if number is None:
            raise ParseError(f'{source}: not a 4chan thread: post {i} has no number ("no")')
        com = item.get("com")
        body = read_com(com) if isinstance(com, str) else ChanBody("")
        if not body.text and not body.refs:
            skipped.append(Skipped("empty post", _empty_label(number, item), source))
        else:
            kept.append((item, ChanPost(number, poster(item), body)))
    linked = link_quotes([chan for _, chan in kept])
    posts = tuple(
        Post(id=chan.id, position=i, author=chan.author, timestamp=time_field(item.get("time")),
             text=body.text, quotes=body.quotes, reply_to=body.reply_to, source=source)
        for i, ((item, chan), body) in enumerate(zip(kept, linked, strict=True)))
    op = items[0]
    subject = text_field(op.get("sub"))
    title = normalise_space(strip_tags(subject)) if subject else None
    if not title and posts and posts[0].id == id_field(op.get("no")):
        title = preview(posts[0].text, 80) or None
    return Thread(id=id_field(op.get("no")) or Path(source).stem, title=title or None,
                  engine="4chan", url=None, posts=posts, skipped=tuple(skipped))


def poster(item: dict[str, Any]) -> str | None:
    """Name a 4chan poster: name, tripcode, and poster id where the board has them."""
    name = strip_tags(text_field(item.get("name")) or "") or None
    trip = text_field(item.get("trip"))
    if trip:
        name = f"{name} {trip}" if name else trip
    poster_id = text_field(item.get("id"))
    if poster_id:
        name = f"{name or 'Anonymous'} (ID: {poster_id})"
    return name


def read_com(com: str) -> ChanBody:
    """Read a comment's HTML: ``>>N`` links out, greentext kept as lines."""
    if not com.strip():
        return ChanBody("")
    try:
        root = parse_html(com)
    except ValueError:  # nested past libxml2's limit: keep the words, never the tags
        return read_plain(strip_tags(com))
    refs: list[str] = []
    for link in root.select("a.quotelink, span.deadlink"):
        label = _LINK_LABEL.match(link.text())
        if label:
            refs.append(label.group(1))
            link.remove()
    return ChanBody(_tidy(root.render()), tuple(dict.fromkeys(refs)))


def read_plain(text: str) -> ChanBody:
    """Read a comment already in plain text (as 4CAT stores it): ``>>N`` links out."""
    refs = tuple(dict.fromkeys(_LINK.findall(text)))
    return ChanBody(_tidy(_LINK.sub("", text)), refs)


def link_quotes(posts: Sequence[ChanPost]) -> list[LinkedBody]:
    """Resolve every post's ``>>N`` links and quoting greentext against the thread.

    Args:
        posts: The thread's posts in order.

    Returns:
        One :class:`LinkedBody` per post, in the same order.
    """
    final: dict[str, str] = {}
    folded: dict[str, str] = {}
    authors = {post.id: post.author for post in posts}
    order: list[str] = []
    result: list[LinkedBody] = []
    for post in posts:
        refs = [ref for ref in post.body.refs if ref != post.id]
        excerpts: dict[str, list[str]] = {}
        own: list[str] = []
        for line in post.body.text.split("\n"):
            source = _green_source(line, refs, order, folded)
            if source is None:
                own.append(line)
            else:
                excerpts.setdefault(source, []).append(line[1:].strip())
        quotes = [Quote(text="\n".join(excerpts.pop(ref, [])) or final.get(ref, ""),
                        post_id=ref, author=authors.get(ref)) for ref in refs]
        quotes += [Quote(text="\n".join(lines), post_id=source, author=authors.get(source))
                   for source, lines in excerpts.items()]
        text = _tidy("\n".join(own))
        result.append(LinkedBody(text, tuple(quotes), quotes[0].post_id if quotes else None))
        final[post.id] = text
        folded[post.id] = _fold(text)
        order.append(post.id)
    return result


def _green_source(line: str, refs: list[str], order: list[str],
                  folded: dict[str, str]) -> str | None:
    if not line.startswith(">") or line.startswith(">>"):
        return None
    words = _fold(line[1:])
    if len(words.split()) < _MIN_GREEN_WORDS:
        return None
    candidates = [ref for ref in refs if ref in folded]
    candidates += [pid for pid in reversed(order[-_LOOK_BACK:]) if pid not in refs]
    return next((pid for pid in candidates if words in folded[pid]), None)


def _fold(text: str) -> str:
    return normalise_space(text).lower()


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _empty_label(number: str, item: dict[str, Any]) -> str:
    filename, ext = text_field(item.get("filename")), text_field(item.get("ext"))
    label = f"post {number}"
    if filename:
        label += f" (image {filename}{ext or ''})"
    if item.get("filedeleted"):
        label += " (file deleted)"
    return label


__all__ = ["ChanBody", "ChanPost", "FourChanParser", "LinkedBody", "link_quotes", "poster",
           "read_com", "read_plain", "read_thread"]
