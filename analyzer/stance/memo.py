"""Caches for the stance stage's hot paths, keyed so that a hit costs no hashing.

``functools.lru_cache`` hashes its argument on every call. A ``Settings``
or a tuple of targets is hashed field by field, all the way down, so on the
hundreds of thousands of calls of a large thread the hashing costs more than
the work it saves. :func:`by_identity` puts a cache keyed by the argument's
identity in front: the same object gets its result back at once, and a new
object (even one equal to an earlier one) goes to the wrapped function.
The cache holds each argument it keys, so no id is reused while cached.

:class:`TextMemo` remembers a result per text string, for work repeated on
the same sentence (reposts, a clause that is its whole sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Generic, TypeVar

A = TypeVar("A")
R = TypeVar("R")

_MISSING = object()
_MAX_OBJECTS = 64
MAX_TEXTS = 50_000
"""Texts a :class:`TextMemo` keeps; past that it starts afresh, so memory stays bounded."""


def by_identity(func: Callable[[A], R]) -> Callable[[A], R]:
    """Return ``func`` with a cache keyed by the identity of its one argument.

    ``func`` must be pure (its result depends only on the argument's value),
    and its argument immutable.
    """
    cache: dict[int, tuple[A, R]] = {}
    last: tuple[object, R | None] = (_MISSING, None)  # the argument of the last call

    @wraps(func)
    def cached(arg: A) -> R:
        nonlocal last
        if arg is last[0]:
            return last[1]  # type: ignore[return-value]
        hit = cache.get(id(arg))
        if hit is not None and hit[0] is arg:
            last = hit
            return hit[1]
        value = func(arg)
        if len(cache) >= _MAX_OBJECTS:
            cache.clear()
        cache[id(arg)] = last = (arg, value)
        return value

    return cached


class TextMemo(Generic[R]):
    """Results of one pure function of a text, for one owner (a settings object, say).

    :meth:`lookup` returns what was worked out for the same text under the
    same owner object; working out for another owner forgets the rest.
    """

    def __init__(self) -> None:
        self._owner: object = None
        self._found: dict[str, R] = {}

    def lookup(self, owner: object, text: str, work: Callable[..., R], *args: object) -> R:
        """Return ``work(text, *args)``, from memory when ``text`` was seen under ``owner``.

        ``args`` must be determined by ``owner``: they are not part of the key.
        """
        if owner is self._owner:
            found = self._found.get(text, _MISSING)
            if found is not _MISSING:
                return found  # type: ignore[return-value]
        value = work(text, *args)
        if owner is not self._owner:
            self._owner, self._found = owner, {}
        elif len(self._found) >= MAX_TEXTS:
            self._found.clear()
        self._found[text] = value
        return value

    def knows(self, owner: object, texts: Iterable[str]) -> bool:
        """Return True if every one of ``texts`` has a result under ``owner``."""
        return owner is self._owner and all(map(self._found.__contains__, texts))

    def remember(self, owner: object, text: str, value: R) -> None:
        """Keep ``value`` as the result for ``text`` under ``owner``, worked out elsewhere."""
        if owner is not self._owner:
            self._owner, self._found = owner, {}
        elif len(self._found) >= MAX_TEXTS:
            self._found.clear()
        self._found[text] = value
