"""Article text: Markdown unwrapped, chrome dropped, header lines read.

Title, outlet and date come from page metadata where there is some, otherwise
from the header lines of the text (a heading, a byline, a "Site, July 30,
2019" line, a "[Outlet Staff Reporter]" attribution or a "CITY (Outlet) -"
dateline).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from analyzer.articles import meta
from analyzer.articles.boilerplate import (
    ARTICLE_LIKE_WORDS,
    TERMINAL,
    cut_tail,
    is_boilerplate,
    is_chrome,
)
from analyzer.model import Article

# --- Markdown -------------------------------------------------------------------------

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, flags), repl) for pattern, flags, repl in (
        (r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 0, ""),  # images
        (r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 0, r"\1"),  # links
        (r"\[([^\]\n]+)\]\[[^\]\n]*\]", 0, r"\1"),  # reference links
        (r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M, ""),  # reference definitions
        (r"<(https?://[^>\s]+)>", 0, r"\1"),  # autolinks
        (r"</?(?:br|p|div|span|em|strong|b|i|u|a|sup|sub)\b[^>\n]*>", re.I, ""),  # stray tags
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", 0, r"\2"),  # bold
        (r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])", 0, r"\1"),  # italic *x*
        (r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])", 0, r"\1"),  # italic _x_
        (r"~~(?=\S)(.+?)(?<=\S)~~", 0, r"\1"),  # strike-through
        (r"`([^`\n]+)`", 0, r"\1"),  # inline code
        (r"^[ \t]*>[ \t]?", re.M, ""),  # block quotes
        (r"^[ \t]*[-*+•][ \t]+(?=\S)", re.M, ""),  # bullets
        (r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M, ""),  # horizontal rules
        (r"^[ \t]*[*#~•·]+[ \t]*$", re.M, ""),  # lone separators ("*")
    )
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$")


def article_from_html(page: str, article_id: str, source: str | None = None) -> Article:
    """Build an article from a saved HTML page: main text, metadata, no chrome."""
    from analyzer.articles.extract import extract

    found = extract(page)
    body = _clean(found.text)
    header = _read_header(body.split("\n\n"), title_known=found.title)
    stripped = _strip_attribution("\n\n".join(header.rest))
    return Article(
        id=article_id,
        title=found.title or header.title,
        outlet=found.outlet or header.outlet or stripped.outlet or header.author,
        date=found.date or header.date,
        text=stripped.text,
        source=source,
    )


def article_from_text(text: str, article_id: str, source: str | None = None) -> Article:
    """Build an article from plain text or Markdown.

    The header lines give title, outlet and date; the body is cleaned of
    Markdown, chrome lines and the closing site boilerplate.
    """
    text, front = meta.front_matter(_normalise(text))
    lines = text.split("\n")
    heading = next((m.group(1) for line in lines[:8] if (m := _HEADING.match(line))), None)
    body = _clean(text)
    header = _read_header(body.split("\n\n"), title_known=front.get("title") or heading)
    stripped = _strip_attribution("\n\n".join(header.rest))
    outlet = front.get("outlet") or header.outlet or stripped.outlet or header.author
    return Article(
        id=article_id,
        title=front.get("title") or (_clean(heading) if heading else None) or header.title,
        outlet=outlet,
        date=meta.find_date(front["date"]) if front.get("date") else header.date,
        text=stripped.text,
        source=source,
    )


# --- Cleaning -------------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f]", " ", text)
    return re.sub(r"[\u200b-\u200d\u2060]", "", text)


def _clean(text: str) -> str:
    """Unwrap Markdown, drop chrome lines, repair paragraphs and cut the tail."""
    text = _normalise(text)
    text = "\n".join(_HEADING.sub(r"\1", line) for line in text.split("\n"))
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = html.unescape(text)
    text = re.sub(r"[ \t]+(?=[.,;:!?](?:\s|$))", "", text)  # "a map and ." once an image went
    units = _units(text)
    units = cut_tail(units)
    units = [u for u in units if not is_chrome(u)]
    return "\n\n".join(_join_broken(units))


def _units(text: str) -> list[str]:
    """Split text into paragraphs; lines of a paragraph stay together if hard-wrapped."""
    units: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    inner = lines[:-1]
    if any(is_boilerplate(line) for line in lines):
        return False
    open_ended = sum(1 for line in inner if not TERMINAL.search(line))
    return open_ended * 2 >= len(inner) and min(len(line) for line in inner) >= 40


def _join_broken(units: list[str]) -> list[str]:
    """Rejoin a sentence split by a stray blank line ("over the\\n\\nislands")."""
    joined: list[str] = []
    for unit in units:
        if joined and not TERMINAL.search(joined[-1]) and unit[:1].islower() \
                and len(joined[-1].split()) >= 6:
            joined[-1] = f"{joined[-1]} {unit}"
        else:
            joined.append(unit)
    return joined


# --- Header ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    rest: tuple[str, ...]


_HEADER_LINES = 12
_TITLE_WORDS = 30


def _read_header(units: list[str], title_known: str | None) -> _Header:
    """Take title, byline, outlet and date lines off the top of the text."""
    title = outlet = author = date = None
    rest = list(units)
    i = 0
    while i < min(len(rest), _HEADER_LINES):
        unit = rest[i]
        words = len(unit.split())
        if words > _TITLE_WORDS or (words >= ARTICLE_LIKE_WORDS and _sentences_in(unit) > 1):
            break  # the body has started
        found = meta.header_line(unit)
        if found is not None:
            outlet = outlet or found.outlet
            author = author or found.author
            date = date or found.date
        elif title is None and _is_title(unit, title_known, first=i == 0, more=len(rest) > 1):
            title = unit
        else:
            i += 1
            continue
        del rest[i]
    return _Header(title, outlet, author, date, tuple(rest))


def _is_title(unit: str, known: str | None, first: bool, more: bool) -> bool:
    """True if ``unit`` is the known title, or (none known) a headline opening the text.

    A headline is the first line, followed by more text, with no closing full
    stop and no dateline or attribution opening.
    """
    if known:
        return _same(unit, known)
    return (first and more and not re.search(r"[.,;:]['\"”’)]*$", unit)
            and meta.attribution(unit) is None)


def _sentences_in(unit: str) -> int:
    return len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", unit))


def _same(a: str, b: str) -> bool:
    """True if ``a`` is the title ``b`` (ignoring punctuation and case)."""
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()
    ka, kb = key(a), key(b)
    return bool(ka) and (ka == kb or (len(ka) > 20 and kb.startswith(ka)))


@dataclass(frozen=True)
class _Stripped:
    text: str
    outlet: str | None


def _strip_attribution(text: str) -> _Stripped:
    """Remove a leading "[Outlet Staff Reporter ...]" or "CITY (Outlet) -" attribution."""
    found = meta.attribution(text)
    if found is None:
        return _Stripped(text, None)
    outlet, end = found
    return _Stripped(text[end:].lstrip(), outlet)
