"""Article metadata from text: dates, bylines, outlet lines and attributions.

Small, general recognisers used by :mod:`analyzer.articles` on the header
lines of a text article (and on text extracted from HTML where the page's own
metadata is missing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?")
_ORD = r"(?:st|nd|rd|th)?"
# One date, written any common way; named groups give its parts.
DATE = (
    rf"(?i:(?:{_WEEKDAY},?\s+)?(?:"
    r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?"
    rf"|(?P<am>{_MONTH})\s+(?P<ad>\d{{1,2}}){_ORD},?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}})"
    r"))"
)
_TIME = r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
_DATE_RE = re.compile(DATE, re.IGNORECASE)
_NAME = (r"(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|&|de|du|la|al|el)){0,5}")
_SEP = r"\s*[,|·•–—-]?\s*"
_OUTLET_DATE = re.compile(rf"^(?P<name>{_NAME}){_SEP}(?:on\s+)?(?P<date>{DATE}){_TIME}\s*$")
_DATE_OUTLET = re.compile(rf"^(?P<date>{DATE}){_TIME}\s*[|·•–—-]\s*(?P<name>{_NAME})\s*$")
_DATE_ONLY = re.compile(
    rf"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|date|dated|released)"
    rf"\s*(?:on|at|:)?\s*)?(?P<date>{DATE}){_TIME}\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by|author:|authors:)\s+(?P<rest>.+)$",
                     re.IGNORECASE)
_ROLE = re.compile(r"\b(?:writer|reporter|correspondent|editor|contributor|staff|columnist|"
                   r"analyst|author|journalist|producer|bureau|desk|chief|senior|special|in)\b",
                   re.IGNORECASE)
_KEY_VALUE = re.compile(
    r"^(?P<key>title|headline|source|outlet|publisher|publication|site|site[ _]name|date|"
    r"published|author|byline|url|link)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_WEEKDAY_RE = re.compile(rf"^{_WEEKDAY}$", re.IGNORECASE)
# "[Global Times Special Reporter in Seoul, Name]" at the start of the body.
_BRACKET = re.compile(r"^\[(?P<inner>[^\]\n]{2,160})\](?!\()\s*")
_BRACKET_OUTLET = re.compile(
    r"^(?P<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)\s+(?:(?:Special|Staff|Senior|"
    r"Chief|Foreign|Our|Own|Resident)\s+)*(?:Reporters?|Correspondents?|Writers?|Reports?|"
    r"Editors?|Contributors?|Team|Desk|Bureau|Staff)\b")
# "MOSCOW, July 24 (Reuters) -" datelines.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*\((?P<outlet>[A-Z][\w&.' -]{1,30})\)"
    r"\s*(?:--|[-–—:])\s*")


@dataclass(frozen=True)
class HeaderInfo:
    """What one header line says: an outlet, an author and/or a date."""

    outlet: str | None = None
    author: str | None = None
    date: str | None = None


def find_date(text: str) -> str | None:
    """Return the first valid date in ``text`` as ``YYYY-MM-DD``, or None."""
    for match in _DATE_RE.finditer(text):
        iso = _iso(match)
        if iso:
            return iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts["iy"]:
        year, month, day = int(parts["iy"]), int(parts["im"]), int(parts["id"])
    elif parts["ay"]:
        year, day = int(parts["ay"]), int(parts["ad"])
        month = _MONTHS[parts["am"].lower().rstrip(".")]
    else:
        year, day = int(parts["by"]), int(parts["bd"])
        month = _MONTHS[parts["bm"].lower().rstrip(".")]
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def header_line(line: str) -> HeaderInfo | None:
    """Recognise a byline, an outlet-and-date line or a date line.

    Returns None for any other line (a title, a standfirst, body text).
    """
    line = line.strip()
    if len(line.split()) > 16:
        return None
    if kv := _KEY_VALUE.match(line):
        key, value = kv.group("key").lower(), kv.group("value").strip()
        if key in {"date", "published"}:
            return HeaderInfo(date=find_date(value))
        if key in {"author", "byline"}:
            return HeaderInfo(author=value)
        if key in {"url", "link", "title", "headline"}:
            return HeaderInfo()
        if re.match(r"(?:https?://|www\.)", value):
            value = re.sub(r"^(?:https?://)?(?:www\.)?([^/\s]+).*$", r"\1", value)
        return HeaderInfo(outlet=value)
    if m := _BYLINE.match(line):
        return _byline(m.group("rest"))
    if m := _DATE_ONLY.match(line):
        found = _DATE_RE.match(m.group("date"))
        return HeaderInfo(date=_iso(found) if found else None)
    for pattern in (_OUTLET_DATE, _DATE_OUTLET):
        m = pattern.match(line)
        if m and not _WEEKDAY_RE.match(m.group("name")):
            return HeaderInfo(outlet=_tidy(m.group("name")), date=find_date(m.group("date")))
    return None


def _byline(rest: str) -> HeaderInfo:
    found = find_date(rest)
    rest = _DATE_RE.sub("", rest)
    parts = [p.strip(" ,|") for p in re.split(r",|\||\s[-–—]\s|\s+for\s+|\s+and\s+the\s+", rest)]
    parts = [p for p in parts if p]
    author = parts[0] if parts else None
    outlet = next((p for p in parts[1:] if not _ROLE.search(p) and len(p.split()) <= 5
                   and p[:1].isupper()), None)
    return HeaderInfo(outlet=outlet, author=author, date=found)


def attribution(text: str) -> tuple[str, int] | None:
    """Find a leading "[Outlet Reporter ...]" or "CITY (Outlet) -" attribution.

    Returns:
        The outlet and the offset where the article proper starts, or None.
    """
    if m := _BRACKET.match(text):
        inner = m.group("inner").strip()
        found = _BRACKET_OUTLET.match(inner)
        if found:
            return _tidy(found.group("outlet")), m.end()
        if 1 <= len(inner.split()) <= 4 and all(w[:1].isupper() for w in inner.split()):
            return _tidy(inner), m.end()
        return None
    if m := _DATELINE.match(text):
        return _tidy(m.group("outlet")), m.end()
    return None


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Split a leading ``---`` block of ``key: value`` lines off a Markdown file."""
    m = re.match(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*\n", text, re.DOTALL)
    if not m:
        return text, {}
    found: dict[str, str] = {}
    for line in m.group("body").split("\n"):
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if not sep or not value:
            continue
        key = key.strip().lower().replace("-", "_")
        if key in {"title", "headline"}:
            found.setdefault("title", value)
        elif key in {"source", "outlet", "publisher", "publication", "site", "site_name"}:
            found.setdefault("outlet", value)
        elif key in {"date", "published", "published_at", "pubdate"}:
            found.setdefault("date", value)
    return text[m.end():], found


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.|-–—")
