"""Forum boilerplate: the lines and fragments that are page chrome, not words.

Two kinds, kept apart because they apply at different depths:

- :func:`is_chrome_line` recognises a whole line of a *copied page* that is
  navigation or member furniture ("What's new", "Reaction score", "Top
  Bottom"). The plain-text parser drops such lines before it segments.
- :func:`clean_text` removes the *fragments inside a post body* that every
  engine leaves behind ("Click to expand...", "Last edited: ...", reaction
  bars, BBCode tags). It never drops an ordinary line of prose, so it is safe
  on bodies an HTML parser has already isolated.
"""

from __future__ import annotations

import re

# Whole lines of a copied page that are chrome. Lines that could be prose
# ("Share the wealth", "Tags are useless") do not match: patterns that begin
# with a common word require the exact chrome wording or a colon.
_CHROME_LINES = [
    r"what'?s new",
    r"(?:new|latest) posts",
    r"forums?|home|members|search|menu|log ?in|register|sign ?up|sign ?in|install the app",
    r"log in or register|search forums|search titles only|by:?",
    r"reaction score(?:\s*:?\s*[\d,.]+k?)?",
    r"(?:messages|points|trophy points|posts|likes|reputation|joined)(?:\s*:?\s*[\d,.]+k?)?",
    r"top\s*bottom|top|bottom",
    r"click to (?:expand|shrink)\.*",
    r"(?:like|reply|quote|report|share|bookmark|multi-?quote)"
    r"(?:\s+(?:like|reply|quote|report|share|bookmark|multi-?quote))*",
    r"reactions?:\s.{0,120}",
    r"you must log in or register to reply here\.?",
    r"similar threads|share this (?:page|post|thread)",
    r"share(?: on)?:?\s+(?:facebook|twitter|x|reddit|pinterest|tumblr|whatsapp|email|link)"
    r"(?:\s+\w+){0,8}",
    r"thread starter\s+[^.!?]{1,60}",
    r"start date\s+[^.!?]{1,40}",
    r"(?:prev|next|first|last)(?:\s+(?:prev|next|first|last))*",
    r"(?:page\s+)?\d+\s+of\s+\d+(?:\s+(?:go|next|prev))*",
    r"go to page",
    r"(?:\d+\s+){1,8}(?:next|prev)(?:\s+(?:next|prev))*",
    r"#\d+",
    r"tags:\s.{0,200}",
    r"users who are viewing this thread.{0,120}",
    r"last edited(?: by [^:]{1,60})?:.{0,80}",
    r"featured|sponsored(?: content)?|advertisement",
    r"r/\w{2,30}|/r/\w{2,30}",
    r"re:\s[^.!?]{1,100}",  # a reply's subject line (no sentence punctuation)
    r"(?:[^‹›»\n]{1,60}[‹›»]\s*){2,10}[^‹›»\n]{0,60}",  # breadcrumbs: Board ‹ Forum ‹ Topic
]
_CHROME = re.compile(r"^\s*(?:" + "|".join(_CHROME_LINES) + r")\s*$", re.IGNORECASE)

# Fragments removed from inside post bodies, whatever the engine.
_FRAGMENTS = [
    re.compile(r"\bClick to (?:expand|shrink)\.\.\.", re.IGNORECASE),
    re.compile(r"^\s*Last edited(?: by [^:\n]{1,60})?:[^\n]{0,80}$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*Reactions?:[^\n]{0,120}$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"\[/?(?:b|i|u|s|quote|url|img|size|color|font|center|spoiler|media)"
               r"(?:=[^\]]*)?\]", re.IGNORECASE),
]
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"(?<![ \t])[ \t]+\n")  # the look-behind keeps long runs linear


def is_chrome_line(line: str) -> bool:
    """Return True if ``line`` on its own is page chrome in a copied forum page."""
    return bool(line.strip()) and bool(_CHROME.match(line))


def clean_text(text: str) -> str:
    """Remove engine boilerplate from a post body and tidy its white space.

    Paragraphs stay separated by one blank line. Only fragments that are
    never prose are removed ("Click to expand...", "Last edited: ...",
    "Reactions: ...", BBCode tags).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    for pattern in _FRAGMENTS:
        text = pattern.sub("", text)
    text = _TRAILING.sub("\n", text)
    return _BLANKS.sub("\n\n", text).strip()
