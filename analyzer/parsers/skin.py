"""A forum skin described as CSS selectors.

Every built-in HTML parser is a :class:`Skin` plus, where markup needs code,
a few hooks (see :mod:`analyzer.parsers.html_forum`). ``--selectors FILE.toml``
takes the same vocabulary, so a user can read a forum no parser knows
without writing Python::

    # my-forum.toml
    name = "my-forum"                 # engine name shown in the output
    post = "div.post"                 # one element per post
    id = "@id"                        # attribute of the post element...
    author = ".postauthor"            # ...or "selector" (its text), or "selector@attr"
    time = "time@datetime"            # a machine-readable date, or visible text
    body = ".postbody .content"
    quote = "blockquote"              # quote blocks inside the body
    quote_author = "cite"             # inside a quote: text, or "@attr" of the quote itself
    quote_id = "cite a@href"          # the quoted post's id (its digits are taken)
    remove = [".signature", ".notice"]  # chrome inside a post, never its words
    title = "h1"

    [skip]                            # posts to leave out, by reason
    advertisement = ".post.ad"
    "deleted post" = ".post.deleted"

A value is a *field*: ``"css"`` takes the text of the first match, ``"css@attr"``
an attribute of it, and ``"@attr"`` an attribute of the element itself. A
field may also be a list of such strings, tried in order.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from analyzer.errors import ConfigError
from analyzer.parsers.dom import Node, SelectorError, check_selector

_DIGITS = re.compile(r"(\d+)")
_FIELD_NAMES = ("id", "author", "time", "quote_author", "quote_id")


@dataclass(frozen=True)
class Field:
    """Where a value lives: the text or an attribute of a matched element.

    Attributes:
        css: Selector searched inside the context element ("" = the element itself).
        attr: Attribute to read ("" = the element's text).
    """

    css: str = ""
    attr: str = ""

    @classmethod
    def parse(cls, spec: str) -> Field:
        """Read ``"css"``, ``"css@attr"`` or ``"@attr"``."""
        css, at, attr = spec.rpartition("@") if "@" in spec else (spec, "", "")
        if at and (not attr or not re.fullmatch(r"[\w:.\-]+", attr)):
            css, attr = spec, ""  # an "@" inside a selector, not an attribute suffix
        return cls(css=css.strip(), attr=attr.strip())

    def node(self, context: Node) -> Node | None:
        """The element this field reads in ``context``."""
        return context.select_one(self.css) if self.css else context

    def read(self, context: Node) -> str:
        """Return the value in ``context``, or "" if it is not there."""
        node = self.node(context)
        if node is None:
            return ""
        return node.attr(self.attr) if self.attr else node.text()


def read_first(fields_: tuple[Field, ...], context: Node) -> str:
    """Return the first non-empty value among ``fields_``."""
    for item in fields_:
        value = item.read(context)
        if value:
            return value
    return ""


def digits(value: str) -> str | None:
    """The last run of digits in ``value`` (``post-114210`` → ``114210``), or None."""
    found = _DIGITS.findall(value or "")
    return found[-1] if found else None


@dataclass(frozen=True)
class Skin:
    """The selectors that describe one forum skin.

    Attributes:
        name: Engine name written to ``Thread.engine``.
        post: Selector of one post element.
        id: Where the post's id is (its digits are taken).
        author: Where the speaker's name is.
        time: Where the post date is; an element's ``datetime``,
            ``data-time``, ``data-timestamp`` or ``title`` is preferred to its
            text unless the field names an attribute.
        body: Selector of the post's words, inside the post.
        quote: Selector of a quote block, inside the body.
        quote_author: Where a quote names its speaker, inside the quote.
        quote_id: Where a quote links to its post, inside the quote.
        quote_header: Elements of a quote that are not quoted words ("X said:").
        remove: Chrome inside a post that is never its words.
        title: Where the thread title is, in the page.
        skip: (reason, selector) pairs: posts matching are skipped for that reason.
        dayfirst: Read visible dates such as 03.04.2011 day first.
    """

    name: str
    post: str
    body: str
    id: tuple[Field, ...] = ()
    author: tuple[Field, ...] = ()
    time: tuple[Field, ...] = ()
    quote: str = ""
    quote_author: tuple[Field, ...] = ()
    quote_id: tuple[Field, ...] = ()
    quote_header: str = ""
    remove: tuple[str, ...] = ()
    title: tuple[Field, ...] = ()
    skip: tuple[tuple[str, str], ...] = ()
    dayfirst: bool = False

    def selectors(self) -> list[str]:
        """Every CSS selector the skin uses, for validation."""
        found = [self.post, self.body, self.quote, self.quote_header, *self.remove,
                 *(css for _, css in self.skip)]
        for name in (*_FIELD_NAMES, "title"):
            found.extend(item.css for item in getattr(self, name))
        return [css for css in found if css]


def make_skin(name: str, post: str, body: str, **values: object) -> Skin:
    """Build a :class:`Skin` from plain strings, as the built-in parsers write them.

    Field values may be a string or a tuple/list of strings; ``skip`` is a
    mapping of reason to selector.
    """
    kwargs: dict[str, object] = {}
    for key, value in values.items():
        if key in (*_FIELD_NAMES, "title"):
            specs = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
            kwargs[key] = tuple(Field.parse(spec) for spec in specs)
        elif key == "remove":
            kwargs[key] = (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]
        elif key == "skip":
            kwargs[key] = tuple(value.items())  # type: ignore[attr-defined]
        else:
            kwargs[key] = value
    return Skin(name=name, post=post, body=body, **kwargs)  # type: ignore[arg-type]


_KNOWN = {f.name for f in fields(Skin)}


def load_skin(path: str | Path) -> Skin:
    """Read a ``--selectors`` TOML file (see the module notes for its form).

    Raises:
        ConfigError: If the file is missing, is not TOML, lacks ``post`` or
            ``body``, has unknown keys, or holds a selector that is not valid CSS.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such selectors file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read selectors file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; known keys: "
                          + ", ".join(sorted(_KNOWN - {"dayfirst"}) + ["dayfirst"]))
    missing = [key for key in ("post", "body") if not isinstance(data.get(key), str)]
    if missing:
        raise ConfigError(f"{path}: {missing[0]!r} is required: the CSS selector of "
                          + ("one post" if missing[0] == "post" else "a post's words"))
    values = {key: value for key, value in data.items() if key not in ("name", "post", "body")}
    try:
        _check_types(values)
        skin = make_skin(str(data.get("name") or path.stem), data["post"], data["body"],
                         **values)
        for css in skin.selectors():
            check_selector(css)
    except (SelectorError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return skin


def _check_types(values: dict[str, object]) -> None:
    for key, value in values.items():
        if key == "skip":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise TypeError("'skip' must be a table of reason = \"selector\"")
        elif key == "dayfirst":
            if not isinstance(value, bool):
                raise TypeError("'dayfirst' must be true or false")
        elif not (isinstance(value, str) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value))):
            raise TypeError(f"{key!r} must be a selector string or a list of them")


__all__ = ["Field", "Skin", "digits", "load_skin", "make_skin", "read_first"]
