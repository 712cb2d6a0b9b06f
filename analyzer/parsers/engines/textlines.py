"""Line recognisers for plain-text copies of forum pages.

A thread copied out of a browser keeps fragments of the page's markup as
lines of their own: the member block above a post (name, join date,
"Reaction score"), post dates and numbers ("Dec 22, 2020 #4"), quote headers
("Name said:" ... "Click to expand..."), and navigation. These functions
recognise such lines; :mod:`analyzer.parsers.engines.segmenter` decides where posts
begin and end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from analyzer.clean import is_chrome_line
from analyzer.model import Quote
from analyzer.parsers.dates import from_visible

_STAT = re.compile(
    r"^(?:reaction score|messages|points|trophy points|posts|likes(?: received)?|reputation|"
    r"joined|join date|location|country|age|gender|rank|solutions|credits|karma|"
    r"member since|registered)\b\s*:?\s*[\w ,./\-]*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[\d.,]+\s*[kKmM]?$")
_POST_NUMBER = re.compile(r"\s*#\s?\d+\s*$")
#: Quote headers of a copied page, one engine's wording each ("X said:",
#: "Originally Posted by X", "Quote from: X on …", "(date) X wrote:",
#: "@X said in …:", a bare "Quote"). Index 0 is "said/wrote", 1 "Originally
#: Posted by"; both readers of text copies use this one list.
QUOTE_HEADERS = (
    re.compile(r"^(?P<author>[^\n:]{1,60}?)\s+(?:said|wrote|writes|says):\s*(?:↑.{0,60})?$",
               re.IGNORECASE),
    re.compile(r"^(?:quote:\s*)?originally posted by\s+(?P<author>.{1,60}?)\s*$", re.IGNORECASE),
    re.compile(r"^quote from:\s*(?P<author>.{1,60}?)(?:\s+on\s+.{0,60})?$", re.IGNORECASE),
    re.compile(r"^\(.{4,40}\)\s*(?P<author>.{1,60}?)\s+wrote:\s*$", re.IGNORECASE),
    re.compile(r"^@(?P<author>\S.{0,60}?) said in .{0,200}:$", re.IGNORECASE),
    re.compile(r"^quote(?::|\s*$)\s*(?P<author>)$", re.IGNORECASE),
)
_RELATIVE_TIME = re.compile(
    r"^[·•\-\s]*(?:(?:\d+|an?|one)\s*(?:yrs?|years?|mos?|months?|wks?|weeks?|d|days?|h|hrs?|"
    r"hours?|m|mins?|minutes?|s|secs?|seconds?)\.?\s+ago|just now|yesterday|today)\b.{0,40}$",
    re.IGNORECASE,
)
_POSTED_BY = re.compile(r"^(?:posted|submitted) by\s+(?:u/)?(?P<name>[\w\-]{2,40})\b.{0,40}$",
                        re.IGNORECASE)
# phpBB: "Post by NAME » Sun May 26, 2019 4:34 pm"
_POST_BY_DATE = re.compile(r"^(?:post|posted|by)\s+(?:by\s+)?(?P<name>.{1,40}?)\s*[»›]\s*"
                           r"(?P<date>.{6,48})$", re.IGNORECASE)
_USER_PREFIX = re.compile(r"^(?:u/|@)")
_QUOTE_END = re.compile(r"^\s*click to (?:expand|shrink)\.*\s*$", re.IGNORECASE)
_TITLE_LABEL = re.compile(
    r"^(?:featured|sticky|pinned|locked|closed|solved|resolved|question|news|discussion|"
    r"poll|important|announcement|hot|new)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”)]$")


@dataclass(frozen=True)
class Header:
    """The member block that opens a post in a text copy."""

    author: str
    timestamp: datetime | None
    lines: int


def parse_date(line: str) -> datetime | None:
    """Return the date a short line states, or None if it is not a date line.

    The line must be short and be a date as a whole
    (:func:`analyzer.parsers.dates.from_visible` with ``whole=True``), so
    "Dec 6, 2014", "03.03.2011, 14:17" and "Oct 30, 2014 at 10:48 PM" are
    dates and "Top 10 reasons" is not. A trailing post number ("#4") is
    ignored.

    Each line is looked at by several recognisers, so the answer is cached;
    a line without a digit is refused before any date parsing.
    """
    text = line.strip()
    if len(text) > 64 or not _DIGIT.search(text):  # never a date: refused cheaply
        return None
    return _whole_date(text)


@lru_cache(maxsize=8192)
def _whole_date(text: str) -> datetime | None:
    text = _POST_NUMBER.sub("", text).strip()
    if not text or len(text) > 48:
        return None
    return from_visible(text, whole=True)


def is_stat_line(line: str) -> bool:
    """Return True for member statistics: "Reaction score", "Messages: 1,234", "1,234"."""
    text = line.strip()
    return bool(text) and bool(_STAT.match(text) or _NUMBER.match(text))


def is_name_line(line: str) -> bool:
    """Return True if ``line`` could be a member name: short, no sentence punctuation."""
    text = line.strip()
    if not text or len(text) > 40 or len(text.split()) > 5:
        return False
    if text[-1] in ".!?:;,\"”)" or is_chrome_line(text) or is_stat_line(text):
        return False
    return parse_date(text) is None


def match_header(lines: list[str], start: int) -> Header | None:
    """Recognise a member block beginning at ``lines[start]``.

    A block is a name line ("u/" prefixes dropped), optionally one member
    title ("Senior Member"), then, blank lines aside, at least one date,
    relative time ("3 yr. ago") or member-statistics line, and nothing else.
    "Posted by NAME" on one line is a block too. Which date is the post's:

    - one with a post number ("#3") or a time of day;
    - otherwise the last date after the statistics, since a date before or
      among them (or after a "Joined" label) is the member's join date;
    - in a block with no statistics at all, its only date.

    Returns:
        The header, with the number of lines it spans, or None.
    """
    by_date = _post_by_date(lines[start])
    if by_date is not None:
        return by_date
    leading = parse_date(lines[start]) if start + 1 < len(lines) else None
    if leading is not None and is_name_line(lines[start + 1]):
        # vBulletin puts the post's date and number above the name.
        rest = _post_by_date(lines[start + 1]) or _member_block(lines, start + 1)
        if rest is not None:
            return Header(rest.author, rest.timestamp or leading, rest.lines + 1)
    return _member_block(lines, start)


def _post_by_date(line: str) -> Header | None:
    """phpBB's one-line block: "Post by NAME » date"."""
    by_date = _POST_BY_DATE.match(line.strip())
    if by_date and parse_date(by_date.group("date")):
        return Header(author=by_date.group("name").strip(),
                      timestamp=parse_date(by_date.group("date")), lines=1)
    return None


def _member_block(lines: list[str], start: int) -> Header | None:
    """A name line, then member title, dates and statistics (see :func:`match_header`)."""
    posted = _POSTED_BY.match(lines[start].strip())
    if not posted and not is_name_line(lines[start]):
        return None
    author = posted.group("name") if posted else _USER_PREFIX.sub("", lines[start].strip())
    i = start + 1
    seen_meta, stats_seen, after_joined = bool(posted), False, False
    titled = bool(posted)
    dates: list[datetime] = []
    post_date: datetime | None = None
    was_date = previous_was_date = False
    end = start + 1
    while i < len(lines) and i < start + 16:
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        date = parse_date(text)
        previous_was_date, was_date = was_date, date is not None
        if date is not None:
            explicit = bool(_POST_NUMBER.search(text) or re.search(r"\d:\d\d", text))
            if explicit or (stats_seen and not after_joined):
                post_date = date
            dates.append(date)
            seen_meta, after_joined = True, False
        elif _RELATIVE_TIME.match(text):
            seen_meta = True
        elif _POST_NUMBER.fullmatch(text):
            if dates and previous_was_date:
                post_date = dates[-1]  # "Dec 23, 2020" then "#3": the post's own date
            seen_meta = True
        elif is_stat_line(text):
            stats_seen = seen_meta = True
            after_joined = text.lower().rstrip(":") in {"joined", "join date", "registered"}
        elif not seen_meta and not titled and i == start + 1 and is_name_line(text):
            titled = True  # a member title right under the name
        else:
            break
        i += 1
        end = i
    if not seen_meta:
        return None
    if post_date is None and not stats_seen and len(dates) == 1:
        post_date = dates[0]
    return Header(author=author, timestamp=post_date, lines=end - start)


def match_quote(lines: list[str], start: int) -> tuple[Quote, int] | None:
    """Recognise a quote block ("Name said:" ... "Click to expand...").

    Without an end marker the quote is the paragraph right after its header.

    Returns:
        The quote and the number of lines it spans, or None.
    """
    head = lines[start].strip()
    for pattern in QUOTE_HEADERS:
        match = pattern.match(head)
        if match:
            break
    else:
        return None
    author = match.group("author").strip() or None
    first = start + 1
    if author is None and first < len(lines):
        # vBulletin: "Quote:" then "Originally Posted by NAME" on the next line.
        named = QUOTE_HEADERS[1].match(lines[first].strip())
        if named:
            author, first = named.group("author").strip(), first + 1
    body: list[str] = []
    i = first
    for j in range(first, min(len(lines), start + 400)):
        if _QUOTE_END.match(lines[j]):
            body = lines[first:j]
            i = j + 1
            break
    else:
        while i < len(lines) and not lines[i].strip():
            i += 1
        while i < len(lines) and lines[i].strip():
            body.append(lines[i])
            i += 1
    text = "\n".join(body).strip()
    if not text:
        return None
    return Quote(text=text, post_id=None, author=author), i - start


def strip_title_label(line: str) -> str:
    """Drop a thread-prefix label ("Featured", "Sticky") from a title line."""
    stripped = _TITLE_LABEL.sub("", line.strip(), count=1)
    return stripped if len(stripped.split()) >= 3 else line.strip()


def ends_sentence(line: str) -> bool:
    """Return True if ``line`` ends with sentence-final punctuation."""
    return bool(_SENTENCE_END.search(line.rstrip()))
