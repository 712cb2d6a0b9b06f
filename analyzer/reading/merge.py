"""Merge the pages of one thread, parsed one by one, into a single thread.

A thread saved as several pages is parsed page by page and merged into
one :class:`~analyzer.model.Thread`. When a parser took post ids from the
forum itself, a post whose (engine, id) was already seen is dropped:
XenForo, for one, repeats the first post at the top of every page. Ids
that are only positions (a parser's ``post_ids`` says so: ``plaintext``,
or an export without ids whose ids are exactly ``1, 2, 3, ...``) say
nothing about identity, so those
posts are never dropped; they are given fresh positional ids in the
merged thread instead, with ``reply_to`` and quote links renumbered to
match.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from itertools import count

from analyzer.model import Post, Skipped, Thread
from analyzer.parsers.registry import available_parsers


class MixedThreadsWarning(UserWarning):
    """Files given as one thread come from different threads (by their addresses)."""


def merge_threads(threads: Sequence[Thread], post_ids: str | None = None) -> Thread:
    """Merge the pages of one thread into a single thread.

    Posts keep their order. Posts with forum ids are kept once per
    (engine, id); posts with positional ids are all kept and renumbered (see
    the module notes). Positions become ``0..n-1``; skipped items are
    concatenated. The id, engine and url come from the first thread; the
    title is the first one given. Pages whose addresses name different
    threads are merged all the same, with a :class:`MixedThreadsWarning`.

    Args:
        threads: The pages, in order.
        post_ids: What the pages' ids mean (a parser's ``post_ids``), if the
            caller knows; else it is looked up by each page's engine.

    Raises:
        ValueError: If ``threads`` is empty.
    """
    if not threads:
        raise ValueError("merge_threads needs at least one thread")
    urls = list(dict.fromkeys(t.url for t in threads if t.url))
    if len(urls) > 1:
        warnings.warn(f"the files are pages of {len(urls)} different threads ({', '.join(urls)}); "
                      "they were merged into one, so pass one thread's pages at a time",
                      MixedThreadsWarning, stacklevel=2)
    if len(threads) == 1 and not _positional(threads[0], post_ids):
        only = threads[0]
        if all(p.position == i for i, p in enumerate(only.posts)) and _unique(only.posts):
            return only
    posts: list[Post] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str]] = set()
    for thread in threads:
        skipped.extend(thread.skipped)
        if _positional(thread, post_ids):
            taken = {post.id for post in posts}
            posts.extend(_renumber(thread.posts, start=len(posts), taken=taken))
            continue
        for post in thread.posts:
            key = (thread.engine, post.id)
            if key in seen:
                continue
            seen.add(key)
            posts.append(post if post.position == len(posts)
                         else replace(post, position=len(posts)))
    first = threads[0]
    marked = [t.post_markers for t in threads if t.post_markers is not None]
    return Thread(
        id=first.id,
        title=next((t.title for t in threads if t.title), None),
        engine=first.engine,
        url=first.url or next((t.url for t in threads if t.url), None),
        posts=tuple(posts),
        skipped=tuple(skipped),
        post_markers=tuple(dict.fromkeys(n for m in marked for n in m)) if marked else None,
        layout=first.layout,
    )


def _positional(thread: Thread, post_ids: str | None) -> bool:
    meaning = post_ids or _id_meanings().get(thread.engine, "either")
    if meaning == "position":
        return True
    if meaning == "forum":
        return False
    return bool(thread.posts) and all(p.id == str(i + 1) for i, p in enumerate(thread.posts))


def _unique(posts: Sequence[Post]) -> bool:
    return len({p.id for p in posts}) == len(posts)


def _id_meanings() -> dict[str, str]:
    """Each loaded engine's ``post_ids``; an engine not here (a ``--selectors``
    skin, a plugin since removed) is taken as "either"."""
    return {cls.engine: cls.post_ids for cls in available_parsers()}


def _renumber(posts: Sequence[Post], start: int, taken: set[str]) -> list[Post]:
    """Give positional posts the ids ``start + 1, ...``, skipping ids already ``taken``."""
    numbers = (str(n) for n in count(start + 1) if str(n) not in taken)
    mapping = {post.id: next(numbers) for post in posts}
    result = []
    for i, post in enumerate(posts):
        quotes = tuple(
            replace(q, post_id=mapping[q.post_id])
            if q.post_id and mapping.get(q.post_id, q.post_id) != q.post_id else q
            for q in post.quotes
        )
        new_id = mapping[post.id]
        reply_to = mapping.get(post.reply_to, post.reply_to) if post.reply_to else None
        if (new_id == post.id and post.position == start + i and reply_to == post.reply_to
                and quotes == post.quotes):
            result.append(post)  # already numbered so (an export numbered 1, 2, 3, ...)
        else:
            result.append(replace(post, id=new_id, position=start + i, reply_to=reply_to,
                                  quotes=quotes))
    return result


__all__ = ["MixedThreadsWarning", "merge_threads"]
