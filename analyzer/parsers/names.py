"""Names and page traits that every HTML engine reads the same way.

A speaker's name is plain text: a board that writes a styled username out as
escaped markup (``<span class="toppostertoday">Nath</span>``) gives the name
alone (:func:`plain_name`). A quote header's "Bob said:", "Zitat von Bob",
"Bob a écrit :" gives "Bob" (:func:`said_name`). A page's ``<html lang>``
says whether its numeric dates are day first (:func:`page_dayfirst`).
"""

from __future__ import annotations

import re

from analyzer.parsers.dom import Node
from analyzer.text import normalise_space

_SAID = re.compile(
    r"^\s*(?:(?:quote|zitat|citation|cita|citação|citazione|цитата)\s*(?:from|von|de|di)?"
    r"\s*:?\s*)?(?:originally posted by\s+|zitat von\s+|citation de\s+|cita de\s+|"
    r"citação de\s+|messaggio di\s+)?"
    r"(?P<name>.+?)\s*(?:\bon\b.*|\s(?:en|am|le|el|em|il|del|от)\s+(?=.*\d).*)?"
    r"\s*(?:said|wrote|writes|schrieb|sagte|a écrit|a dit|"
    r"escribió|dijo|escreveu|disse|ha scritto|scrive|написал\w*)?\s*[:：]?\s*(?:↑)?\s*$",
    re.IGNORECASE)
_CLASS_WORD = re.compile(r"[-_]+")
# A tag written out as text in a name: a board that escaped a styled username.
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>")

#: Languages whose numeric dates are month first ("05/06/2019" is 6 May).
_MONTH_FIRST = ("en", "en-us", "en_us")


def page_dayfirst(root: Node) -> bool:
    """True if the page's language (``<html lang>``) writes numeric dates day first."""
    html = root if root.tag == "html" else root.select_one("html")
    lang = (html.attr("lang") or html.attr("xml:lang")).lower() if html is not None else ""
    return bool(lang) and lang not in _MONTH_FIRST and not lang.startswith("en-us")


def has_class_word(node: Node, pattern: re.Pattern[str]) -> bool:
    """True if ``pattern`` matches a word of one of the element's classes.

    Classes are split at ``-`` and ``_``: ``sidebar-ad`` has the words
    ``sidebar`` and ``ad``.
    """
    return any(pattern.match(word) for cls in node.classes for word in _CLASS_WORD.split(cls))


def plain_name(text: str) -> str | None:
    """A speaker's name as plain text: white space collapsed, tags written out as text
    (``<span class="toppostertoday">Nath</span>``) taken off."""
    return normalise_space(_MARKUP.sub("", text)) or None


def said_name(text: str) -> str | None:
    """The name in a quote header: "Bob said:" → "Bob", "Quote from: Bob on ..." → "Bob"."""
    text = normalise_space(_MARKUP.sub("", text))
    if not text:
        return None
    match = _SAID.match(text)
    name = match.group("name").strip(" :\"'“”") if match else text
    return name or None


__all__ = ["has_class_word", "page_dayfirst", "plain_name", "said_name"]
