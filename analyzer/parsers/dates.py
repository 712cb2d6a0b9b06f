"""Post dates as pages and exports give them.

Machine-readable values come first (ISO 8601, epoch seconds or
milliseconds). Visible dates are read in the page's own words: "03.03.2011,
14:17", "Oct 30, 2014 at 10:48 PM", "Sun May 26, 2019 4:34 pm", "26. Mai
2019, 16:34", "26 мая 2019". A date without a zone is taken as UTC, since a
saved page rarely says which zone its dates are in.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime

from dateutil import parser as dateparser

_EPOCH = re.compile(r"^-?\d{9,13}(?:\.\d+)?$")
# Two different fill-ins for what a date leaves out: if the results differ, it left out
# its month or day.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
_MILLISECONDS = 10**11
_LABEL = re.compile(
    r"^(?:.*?[»›|]\s*)?(?:posted|post|sent|written|created|date|datum|on|am|le|el|"
    r"geschrieben|verfasst)\b\s*(?:on|at|am)?\s*:?\s*",
    re.IGNORECASE,
)
# A date must say its year: "Oct 30 at 10:48 PM" alone could be any year.
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b")
_RELATIVE = re.compile(r"\b(?:today|yesterday|heute|gestern|ago|vor)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_DAY_DOT = re.compile(r"\b(\d{1,2})\.(?=\s*[^\W\d_])")  # "26. Mai" -> "26 Mai"

_MONTHS = [
    ("jan", "january", "januar", "jänner", "janv", "janvier", "enero", "gennaio", "januari",
     "января", "январь", "янв"),
    ("feb", "february", "februar", "févr", "fevr", "février", "fevrier", "febrero", "febbraio",
     "februari", "февраля", "февраль", "фев"),
    ("mar", "march", "mär", "märz", "maerz", "mars", "marzo", "maart", "марта", "март", "мар"),
    ("apr", "april", "avr", "avril", "abril", "aprile", "апреля", "апрель", "апр"),
    ("may", "mai", "mayo", "maggio", "mei", "мая", "май"),
    ("jun", "june", "juni", "juin", "junio", "giugno", "июня", "июнь", "июн"),
    ("jul", "july", "juli", "juil", "juillet", "julio", "luglio", "июля", "июль", "июл"),
    ("aug", "august", "août", "aout", "agosto", "augustus", "августа", "август", "авг"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "сентября",
     "сентябрь", "сен"),
    ("oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre", "октября", "октябрь",
     "окт"),
    ("nov", "november", "novembre", "noviembre", "ноября", "ноябрь", "ноя"),
    ("dec", "december", "dez", "dezember", "déc", "décembre", "decembre", "diciembre", "dicembre",
     "декабря", "декабрь", "дек"),
]
_WEEKDAYS = [
    ("mon", "monday", "montag", "mo", "lundi", "lunes", "пн"),
    ("tue", "tues", "tuesday", "dienstag", "di", "mardi", "martes", "вт"),
    ("wed", "wednesday", "mittwoch", "mi", "mercredi", "miércoles", "ср"),
    ("thu", "thur", "thurs", "thursday", "donnerstag", "do", "jeudi", "jueves", "чт"),
    ("fri", "friday", "freitag", "fr", "vendredi", "viernes", "пт"),
    ("sat", "saturday", "samstag", "sa", "samedi", "sábado", "сб"),
    ("sun", "sunday", "sonntag", "so", "dimanche", "domingo", "вс"),
]


class _Words(dateparser.parserinfo):
    """Month and weekday names in the languages forums are most often in."""

    MONTHS = _MONTHS  # type: ignore[assignment]
    WEEKDAYS = _WEEKDAYS  # type: ignore[assignment]
    JUMP = [*dateparser.parserinfo.JUMP, "um", "à", "a las", "в", "г", "г."]


_WORDS = _Words()


def from_epoch(value: float | int | str) -> datetime | None:
    """Read epoch seconds (or milliseconds, above 10^11) as a UTC datetime."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if abs(number) > _MILLISECONDS:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def from_iso(value: str) -> datetime | None:
    """Read an ISO 8601 timestamp (``Z`` allowed); a missing offset means UTC."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def from_visible(text: str, dayfirst: bool = False, whole: bool = False) -> datetime | None:
    """Read a date as a page shows it, or return None.

    Relative dates ("Yesterday at 10:48", "3 hours ago") are refused, since a
    saved page no longer says when "today" was. A date needs a year or a
    year, month and day to count, so "Top 10", a bare "7:05 AM" and "2020"
    alone are not dates.

    Args:
        text: The visible text, such as "Posted: Sun May 26, 2019 4:34 pm".
        dayfirst: Read "03.04.2011" as 3 April (dotted dates are always read
            day first).
        whole: The text must be a date and nothing else, as a date line of
            a text copy is ("Top 10 reasons 2020" is then no date); by
            default words around the date are passed over.
    """
    text = " ".join(text.split())
    if not text or len(text) > 80 or _RELATIVE.search(text):
        return None
    text = _LABEL.sub("", text)
    if not _YEAR.search(text):
        return None
    text = _DAY_DOT.sub(r"\1", _ORDINAL.sub(r"\1", text)).replace(",", " ")
    dayfirst = dayfirst or bool(re.match(r"^\D*\d{1,2}\.\d{1,2}\.", text))
    try:
        with warnings.catch_warnings():  # "10:15 M" would warn of an unknown time zone
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            when = _parse(text, dayfirst, _DEFAULTS[0], fuzzy=not whole)
            # Month or day 1 may be the fill-in: a second fill-in tells ("2020" alone).
            if when.month == 1 or when.day == 1:
                other = _parse(text, dayfirst, _DEFAULTS[1], fuzzy=not whole)
                if (other.month, other.day) != (when.month, when.day):
                    return None
    except (ValueError, OverflowError, TypeError):
        return None
    if when.year < 1980 or when.year > 2100:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _parse(text: str, dayfirst: bool, default: datetime, fuzzy: bool = True) -> datetime:
    return dateparser.parse(text, parserinfo=_WORDS, dayfirst=dayfirst, fuzzy=fuzzy,
                            default=default)


def read_field(value: object) -> datetime | None:
    """Read an export's time field: a number (or numeric string) is epoch, a string ISO 8601.

    Returns None for anything else (missing, blank, a list, a bool, an
    unreadable string); visible dates are not guessed at.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return from_epoch(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return from_epoch(value) if _NUMBER.match(value) else from_iso(value)


def read_moment(value: str, dayfirst: bool = False) -> datetime | None:
    """Read any of the forms above: epoch, ISO 8601, or a visible date."""
    value = (value or "").strip()
    if not value:
        return None
    if _EPOCH.match(value):
        return from_epoch(value)
    return from_iso(value) or from_visible(value, dayfirst)


__all__ = ["from_epoch", "from_iso", "from_visible", "read_field", "read_moment"]
