"""Forum boilerplate: the lines and fragments that are page chrome, not words.

Parsers call :func:`clean_text` on each post body, and the plain-text parser
uses :func:`is_chrome_line` to drop chrome lines from a copied page.
"""

from __future__ import annotations

import re

# Whole lines that are page chrome in a copied or saved forum page.
_CHROME_LINES = [
    r"what'?s new",
    r"(?:new|latest) posts",
    r"(?:forums?|home|members|search|menu|log ?in|register|sign ?up|sign ?in|install the app)",
    r"search forums",
    r"reaction score(?:\s*[:\-]?\s*[\d,.]+k?)?",
    r"(?:messages|points|posts|likes|reputation|joined|location|country|flag)\s*[:\-]?\s*[\d,.]*k?",
    r"top\s*bottom",
    r"top",
    r"bottom",
    r"click to expand\.*",
    r"click to shrink\.*",
    r"(?:like|reply|quote|report|share|bookmark|multi-?quote)"
    r"(?:\s+(?:like|reply|quote|report|share|bookmark|multi-?quote))*",
    r"reactions?\s*:.*",
    r"you must log in or register to reply here\.?",
    r"similar threads",
    r"share this page",
    r"share:?(?:\s+\w+)*",
    r"thread starter\b.*",
    r"start date\b.*",
    r"(?:prev|next|first|last)(?:\s+(?:prev|next|first|last))*",
    r"(?:page\s+)?\d+\s+of\s+\d+(?:\s+(?:go|next|prev))*",
    r"go to page",
    r"(?:\d+\s+){1,8}(?:next|prev)(?:\s+(?:next|prev))*",
    r"#\d+",
    r"(?:tags|users who are viewing this thread).*",
    r"last edited(?: by [^:]+)?:.*",
    r"featured",
    r"sponsored(?: content)?",
    r"advertisement",
]
_CHROME = re.compile(r"^\s*(?:" + "|".join(_CHROME_LINES) + r")\s*$", re.IGNORECASE)

# Fragments removed from inside post bodies.
_FRAGMENTS = [
    re.compile(r"\bClick to (?:expand|shrink)\.*", re.IGNORECASE),
    re.compile(r"^\s*Last edited(?: by [^:\n]+)?:[^\n]*$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*Reactions?:[^\n]*$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"\[/?(?:b|i|u|s|quote|url|img|size|color|font|center|spoiler|media)"
               r"(?:=[^\]]*)?\]", re.IGNORECASE),
]
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n")


def is_chrome_line(line: str) -> bool:
    """Return True if ``line`` on its own is forum page chrome."""
    return bool(line.strip()) and bool(_CHROME.match(line))


def clean_text(text: str) -> str:
    """Remove forum boilerplate from a post body and tidy its white space.

    Paragraphs stay separated by one blank line; lines that are pure chrome
    ("Click to expand...", "Last edited: ...", reaction bars, BBCode tags)
    are dropped.
    """
    for pattern in _FRAGMENTS:
        text = pattern.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _TRAILING.sub("\n", text)
    lines = [line for line in text.split("\n") if not is_chrome_line(line)]
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()
