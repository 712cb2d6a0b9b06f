"""Every access to an HTML tree goes through this module.

Parsers see :class:`Node` objects and CSS selectors, never the backend's own
types, so the backend can change without touching them. The backend is
lxml's HTML parser (libxml2) with selectors compiled to XPath by
``cssselect``: on a saved forum page it builds the tree about twenty times
faster than BeautifulSoup over lxml (``benchmarks/parse_speed.py``), and
libxml2 caps the nesting depth, so no page can make a walk recurse without
bound. Every walk here is iterative anyway.

Selectors are standard CSS3 (``div.post > .author``, ``[data-post]``,
``:not(...)``) as ``cssselect`` understands them; a bad selector raises
:class:`SelectorError`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import HTMLTranslator
from cssselect import SelectorError as _CssError
from lxml import etree

from analyzer.text import normalise_space

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "ul",
})
_LINE = frozenset({"li", "tr", "dt", "dd", "caption"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link",
                   "button", "select", "textarea", "iframe", "object", "svg"})
_INLINE_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_MANY_BLANKS = re.compile(r"\n{3,}")
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters libxml2 refuses in a str (C0 controls other than tab and line breaks).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A tag written out by a JSON encoder that escaped its slashes and quotes twice:
# <span class=\"quote\">...<\/span>.
_ESCAPED_TAG = re.compile(r"<\\?/?[a-zA-Z][^<>]*?(?:\\\"|\\/)[^<>]*>|<\\/[a-zA-Z][^<>]*>")
_TRANSLATOR = HTMLTranslator()
# A plain etree parser: lxml.html's element classes cost a lookup per element.
_PARSER = etree.HTMLParser(recover=True, remove_comments=True, remove_pis=True,
                           no_network=True, default_doctype=False)


class SelectorError(ValueError):
    """A CSS selector that cannot be compiled."""


class Node:
    """One element of a parsed page.

    Nodes compare equal when they wrap the same element. Methods that change
    the tree (:meth:`remove`) only ever touch the parser's private copy of
    the page.
    """

    __slots__ = ("_el",)

    def __init__(self, element: etree._Element) -> None:
        self._el = element

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other._el is self._el

    def __hash__(self) -> int:
        return id(self._el)

    def __repr__(self) -> str:
        return f"<Node {self.tag} {self.attr('class')!r}>"

    @property
    def tag(self) -> str:
        """The lower-case tag name."""
        tag = self._el.tag
        return tag.lower() if isinstance(tag, str) else ""

    def attr(self, name: str, default: str = "") -> str:
        """Return an attribute's value, stripped, or ``default`` if it is absent."""
        value = self._el.get(name)
        return value.strip() if value is not None else default

    def has_attr(self, name: str) -> bool:
        """Return True if the element carries the attribute ``name``."""
        return self._el.get(name) is not None

    @property
    def classes(self) -> tuple[str, ...]:
        """The element's classes, in order."""
        return tuple(self.attr("class").split())

    @property
    def parent(self) -> Node | None:
        """The parent element, or None at the root."""
        parent = self._el.getparent()
        return Node(parent) if parent is not None else None

    def ancestors(self) -> list[Node]:
        """The enclosing elements, nearest first."""
        return [Node(element) for element in self._el.iterancestors()]

    def nearest_of(self, nodes: dict[int, Node]) -> Node | None:
        """The nearest enclosing element among ``nodes`` (keyed by :meth:`key`), or None."""
        for element in self._el.iterancestors():
            found = nodes.get(id(element))
            if found is not None:
                return found
        return None

    def key(self) -> int:
        """A key for the wrapped element, equal for every node that wraps it."""
        return id(self._el)

    def with_attributes(self, names: tuple[str, ...], class_part: str = "") -> list[Node]:
        """The descendants (links excepted) with any of the attributes ``names``, or a
        ``class`` that contains ``class_part``.

        One pass over the tree, for counting the marks a page puts on its posts.
        """
        return [Node(el) for el in _any_attribute(names, bool(class_part))(self._el,
                                                                            part=class_part)]

    def children(self) -> list[Node]:
        """The element children, in order."""
        return [Node(child) for child in self._el if isinstance(child.tag, str)]

    def previous(self) -> Node | None:
        """The element sibling just before this one, or None."""
        element = self._el.getprevious()
        while element is not None and not isinstance(element.tag, str):
            element = element.getprevious()
        return Node(element) if element is not None else None

    def select(self, css: str) -> list[Node]:
        """Return the descendants matching ``css``, in document order.

        Raises:
            SelectorError: If ``css`` is not a valid selector.
        """
        return [Node(el) for el in _xpath(css, "descendant-or-self::")(self._el)
                if el is not self._el]

    def select_one(self, css: str) -> Node | None:
        """Return the first descendant matching ``css``, or None."""
        found = self.select(css)
        return found[0] if found else None

    def select_top(self, css: str) -> list[Node]:
        """Return the matches of ``css`` that are not inside another match.

        The outermost quote of a nest of quotes, or the outermost post of a
        page that nests posts, is what a parser usually wants.
        """
        found = self.select(css)
        chosen = {id(node._el) for node in found}
        return [node for node in found
                if not any(id(up) in chosen for up in node._el.iterancestors())]

    def matches(self, css: str) -> bool:
        """Return True if this element itself matches ``css`` (combinators included)."""
        return bool(_matcher(css)(self._el))

    def closest(self, css: str, stop: Node | None = None) -> Node | None:
        """Return the nearest ancestor (not self) matching ``css``, below ``stop``."""
        test = _matcher(css)
        for element in self._el.iterancestors():
            if stop is not None and element is stop._el:
                return None
            if test(element):
                return Node(element)
        return None

    def text(self) -> str:
        """The element's text on one line, white space collapsed."""
        return normalise_space(" ".join(
            part for part in self._el.itertext() if isinstance(part, str)))

    def render(self) -> str:
        """The element's text with paragraph breaks, as a browser shows it.

        ``<br>`` ends a line; block elements (``div``, ``p``, lists, quotes,
        ...) are set off by blank lines; list items and table rows get a line
        each; ``pre`` keeps its lines; an emoji image gives its ``alt`` text.
        """
        return render_element(self._el)

    def remove(self) -> None:
        """Take the element out of the tree, keeping the text that follows it."""
        parent = self._el.getparent()
        if parent is None:
            return
        tail = self._el.tail
        previous = self._el.getprevious()
        if tail:
            # lxml keeps control characters a broken page parsed into (``&#1``)
            # but refuses them when text is set, so they go now.
            if previous is not None:
                previous.tail = _settable((previous.tail or "") + tail)
            else:
                parent.text = _settable((parent.text or "") + tail)
        parent.remove(self._el)

    def move_after(self, other: Node) -> None:
        """Move the element (and what it holds) to just after ``other``.

        Text that followed the element stays where it was.
        """
        self.remove()
        self._el.tail = None
        other._el.addnext(self._el)

    def remove_all(self, css: str) -> None:
        """Remove every descendant matching ``css``."""
        for node in self.select(css):
            node.remove()

    def retag(self, name: str) -> None:
        """Rename the element, so it renders as ``name`` (a ``code`` block as a ``div``)."""
        self._el.tag = name

    def links(self) -> list[str]:
        """The ``href`` of every link inside the element (and of the element itself)."""
        hrefs = [el.get("href") for el in self._el.iter("a")]
        return [h.strip() for h in hrefs if h]


def parse_html(text: str) -> Node:
    """Parse a page or fragment and return its root element.

    Args:
        text: Decoded HTML. An XML declaration and control characters that
            HTML forbids are dropped first, and tags escaped twice by a JSON
            encoder are unescaped (:func:`unescape_tags`).

    Raises:
        ValueError: If nothing that looks like an element is in the text,
            or elements nest past libxml2's limit (256 levels), which would
            silently drop the rest of the page.
    """
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
    if "<\\/" in text or '=\\"' in text:  # cheap test first: most pages have neither
        text = unescape_tags(text)
    if not text.strip():
        raise ValueError("the page is empty")
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"not readable as HTML ({exc})") from None
    if root is None:
        raise ValueError("the page is empty")
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _PARSER.error_log):
        # libxml2 stopped at its nesting limit and dropped the rest of the page.
        raise ValueError("elements are nested too deep to read the page in full")
    return Node(root)


def unescape_tags(text: str) -> str:
    """Undo the escaping a second JSON encoding leaves in HTML.

    ``<span class=\\"quote\\">&gt;text<\\/span>`` becomes ``<span class="quote">&gt;text</span>``,
    so the tags are read as tags and never left in a post's words. Only when
    such an escaped tag is found are the other ``\\/`` and ``\\"`` of the text
    unescaped too ("and\\/or" → "and/or"); otherwise the text is returned as
    it is.
    """
    if not _ESCAPED_TAG.search(text):
        return text
    return text.replace('\\"', '"').replace("\\/", "/")


def check_selector(css: str) -> None:
    """Raise :class:`SelectorError` if ``css`` is not a selector this module can run."""
    _xpath(css, "descendant-or-self::")


@lru_cache(maxsize=16)
def _any_attribute(names: tuple[str, ...], with_class: bool) -> etree.XPath:
    tests = [f"@{name}" for name in names] + (["contains(@class, $part)"] if with_class else [])
    return etree.XPath(f"descendant::*[({' or '.join(tests)}) and not(self::a)]")


@lru_cache(maxsize=2048)
def _xpath(css: str, prefix: str) -> etree.XPath:
    try:
        return etree.XPath(_TRANSLATOR.css_to_xpath(css, prefix=prefix))
    except (_CssError, etree.XPathSyntaxError, TypeError) as exc:
        raise SelectorError(f"invalid CSS selector {css!r}: {exc}") from None


# A combinator (descendant space, >, +, ~) outside brackets, quotes and parentheses.
_COMBINATOR = re.compile(r"[\s>+~]")
_NESTED = re.compile(r"\[[^\]]*\]|\([^)]*\)|\"[^\"]*\"|'[^']*'")


@lru_cache(maxsize=512)
def _matcher(css: str) -> etree.XPath:
    """An XPath that is true when the context element matches ``css``.

    A compound selector (``div.post[id]``) is tested on the element alone
    (``self::``), which is cheap. A selector with combinators (``.sidebar >
    .post``) is true when the element is among the selector's matches in
    its whole document, so its ancestors and siblings count as CSS says.
    """
    if not any(_COMBINATOR.search(_NESTED.sub("", part).strip())
               for part in css.split(",")):
        return _xpath(css, "self::")
    try:
        absolute = _TRANSLATOR.css_to_xpath(css, prefix="/descendant-or-self::")
        return etree.XPath(f"count(. | {absolute}) = count({absolute})")
    except (_CssError, etree.XPathSyntaxError, TypeError) as exc:
        raise SelectorError(f"invalid CSS selector {css!r}: {exc}") from None


class _Break(str):
    """A soft line break around a block; adjacent breaks merge instead of adding up."""


def render_element(root: etree._Element) -> str:
    """Render an lxml element as plain text with paragraph breaks (see :meth:`Node.render`)."""
    out: list[str] = []
    # Each stack item is an element to open, a break to emit, or a text run (tail).
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, _Break):
            _soft_break(out, item)
        elif isinstance(item, str):
            out.append(_INLINE_SPACE.sub(" ", item))
        elif isinstance(item, etree._Element):
            _open(item, root, out, stack)
    return _tidy("".join(out))


def _open(el: etree._Element, root: etree._Element, out: list[str], stack: list[object]) -> None:
    if el is not root and el.tail:
        stack.append(str(el.tail))
    name = el.tag.lower() if isinstance(el.tag, str) else ""
    if not name or name in _SKIP:
        return
    if name == "br":
        out.append("\n")
        return
    if name == "img":
        if _is_emoji(el):
            out.append(el.get("alt") or "")
        return
    if name == "pre":
        _soft_break(out, _Break("\n\n"))
        out.append("".join(el.itertext()))
        stack.append(_Break("\n\n"))
        return
    block = name in _BLOCK or name in _LINE
    if block:
        brk = _Break("\n\n" if name in _BLOCK else "\n")
        _soft_break(out, brk)
        stack.append(brk)
    elif name in ("td", "th"):
        out.append(" ")
    stack.extend(reversed([child for child in el]))
    if el.text:
        stack.append(str(el.text))


def _is_emoji(el: etree._Element) -> bool:
    classes = (el.get("class") or "").lower()
    return any(word in classes for word in ("smilie", "smiley", "emoji", "emoticon")) or (
        (el.get("alt") or "").startswith(":") and (el.get("alt") or "").endswith(":"))


def _soft_break(out: list[str], brk: _Break) -> None:
    while out and not isinstance(out[-1], _Break) and not out[-1].strip(" "):
        out.pop()  # white space between blocks is not content
    if out and isinstance(out[-1], _Break):
        if len(brk) > len(out[-1]):
            out[-1] = brk
    else:
        out.append(brk)


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line.replace("\u00a0", " ")).strip() for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip()


__all__ = ["Node", "SelectorError", "check_selector", "parse_html", "render_element",
           "unescape_tags"]


_UNSETTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _settable(text: str) -> str:
    """``text`` without the characters lxml refuses to set (C0 controls, U+FFFE/F, surrogates)."""
    return _UNSETTABLE.sub("", text)
