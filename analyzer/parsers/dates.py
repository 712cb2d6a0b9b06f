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
from datetime import UTC, datetime, timedelta

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
_TODAY = r"today|heute|aujourd['’]hui|hoy|hoje|сегодня|oggi|vandaag"
_YESTERDAY = r"yesterday|gestern|hier|ayer|ontem|вчера|ieri|gisteren"
_RELATIVE_DAY = re.compile(rf"\b(?:(?P<today>{_TODAY})|(?P<yesterday>{_YESTERDAY}))\b",
                           re.IGNORECASE)
# "3 hours ago", "vor 2 Stunden", "il y a 3 heures", "hace 2 horas", "há 2 horas", "2 часа
# назад", "3 ore fa": never guessed at.
_AGO = re.compile(r"\b(?:ago|vor|il y a|hace|há|назад|fa)\b", re.IGNORECASE)
# A weekday before "day month": "Mar 13 Oct" is Tuesday (mardi) the 13th, not March.
_LEADING_WEEKDAY = re.compile(r"^[^\W\d_]{2,13}\.?,?\s+(?=\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3})")
_PERMALINK = re.compile(r"(?:^|(?<=\s))#\d+\b")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_DAY_DOT = re.compile(r"\b(\d{1,2})\.(?=\s*[^\W\d_])")  # "26. Mai" -> "26 Mai"

_MONTHS = [
    ("jan", "january", "januar", "jänner", "janv", "janvier", "enero", "ene", "gennaio", "gen",
     "januari", "janeiro", "января", "январь", "янв"),
    ("feb", "february", "februar", "févr", "fevr", "fév", "février", "fevrier", "febrero",
     "febbraio", "februari", "fevereiro", "fev", "февраля", "февраль", "фев"),
    ("mar", "march", "mär", "märz", "maerz", "mars", "marzo", "maart", "março", "marco",
     "марта", "март", "мар"),
    ("apr", "april", "avr", "avril", "abril", "abr", "aprile", "апреля", "апрель", "апр"),
    ("may", "mai", "mayo", "maggio", "mag", "mei", "maio", "мая", "май"),
    ("jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho", "июня", "июнь", "июн"),
    ("jul", "july", "juli", "juil", "juillet", "julio", "luglio", "lug", "julho", "июля", "июль",
     "июл"),
    ("aug", "august", "août", "aout", "aoû", "aou", "agosto", "ago", "augustus", "августа",
     "август", "авг"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "sett", "set",
     "setembro", "сентября", "сентябрь", "сен", "сент"),
    ("oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
     "октября", "октябрь", "окт"),
    ("nov", "november", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "ноя"),
    ("dec", "december", "dez", "dezember", "déc", "décembre", "decembre", "diciembre", "dic",
     "dicembre", "dezembro", "декабря", "декабрь", "дек"),
]
_WEEKDAYS = [
    ("mon", "monday", "montag", "mo", "lundi", "lun", "lunes", "lunedì", "lunedi",
     "segunda-feira", "seg", "понедельник", "пн"),
    ("tue", "tues", "tuesday", "dienstag", "di", "mardi", "martes", "martedì", "martedi",
     "terça-feira", "terca-feira", "ter", "вторник", "вт"),
    ("wed", "wednesday", "mittwoch", "mi", "mercredi", "mer", "miércoles", "miercoles", "mié",
     "mercoledì", "mercoledi", "quarta-feira", "qua", "среда", "ср"),
    ("thu", "thur", "thurs", "thursday", "donnerstag", "do", "jeudi", "jeu", "jueves", "jue",
     "giovedì", "giovedi", "gio", "quinta-feira", "qui", "четверг", "чт"),
    ("fri", "friday", "freitag", "fr", "vendredi", "ven", "viernes", "vie", "venerdì", "venerdi",
     "sexta-feira", "sex", "пятница", "пт"),
    ("sat", "saturday", "samstag", "sa", "samedi", "sam", "sábado", "sabado", "sáb", "sab",
     "sabato", "суббота", "сб"),
    ("sun", "sunday", "sonntag", "so", "dimanche", "dim", "domingo", "dom", "domenica",
     "воскресенье", "вс"),
]


class _Words(dateparser.parserinfo):
    """Month and weekday names in the languages forums are most often in."""

    MONTHS = _MONTHS  # type: ignore[assignment]
    WEEKDAYS = _WEEKDAYS  # type: ignore[assignment]
    JUMP = [*dateparser.parserinfo.JUMP, "um", "à", "a las", "las", "às", "as", "alle", "de",
            "del", "в", "г", "г.", "uhr", "le", "el", "il", "o"]


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


def from_visible(text: str, dayfirst: bool = False, reference: datetime | None = None,
                 whole: bool = False) -> datetime | None:
    """Read a date as a page shows it, or return None.

    "Today" and "Yesterday" (and "Heute"/"Gestern", "Aujourd'hui"/"Hier",
    "Hoy"/"Ayer", "Hoje"/"Ontem", "Сегодня"/"Вчера", "Oggi"/"Ieri") are read
    against ``reference``, the moment the page itself says it was made; a
    date without a year takes the reference's year (or the year before,
    if that would put it after the reference). Without a reference both are
    refused, since a saved page no longer says when "today" was; so are "3
    hours ago" and its translations. A date needs a year or a year, month
    and day to count, so "Top 10", a bare "7:05 AM" and "2020" alone are not
    dates.

    Args:
        text: The visible text, such as "Posted: Sun May 26, 2019 4:34 pm".
        dayfirst: Read "03.04.2011" as 3 April (dotted dates are always read
            day first).
        reference: When the page was made, if it says (:func:`page_reference`).
        whole: The text must be a date and nothing else, as a date line of
            a text copy is ("Top 10 reasons 2020" is then no date); by
            default words around the date are passed over.
    """
    text = " ".join(text.split())
    if not text or len(text) > 80 or _AGO.search(text):
        return None
    text = _PERMALINK.sub("", _LABEL.sub("", text)).strip()
    relative = _RELATIVE_DAY.search(text)
    if relative:
        if reference is None:
            return None
        day = reference - timedelta(days=0 if relative.group("today") else 1)
        text = f"{day.date().isoformat()} {_RELATIVE_DAY.sub(' ', text)}".replace(",", " ")
        return _read(text, False, _fill_ins(reference.year), whole)
    if not _YEAR.search(text):
        if reference is None:
            return None
        when = _read(_tidy_words(text), dayfirst, _fill_ins(reference.year), whole)
        if when is not None and when > reference.astimezone(UTC) + timedelta(days=1):
            when = when.replace(year=when.year - 1)
        return when
    text = _tidy_words(text)
    dayfirst = dayfirst or bool(re.match(r"^\D*\d{1,2}\.\d{1,2}\.", text))
    return _read(text, dayfirst, _DEFAULTS, whole)


def is_relative(text: str) -> bool:
    """True if a visible date is "Today", "Yesterday" or "N hours ago" (in any language above)."""
    text = " ".join(text.split())
    return len(text) <= 80 and bool(_RELATIVE_DAY.search(text) or _AGO.search(text))


def _tidy_words(text: str) -> str:
    text = _LEADING_WEEKDAY.sub("", text)
    return _DAY_DOT.sub(r"\1", _ORDINAL.sub(r"\1", text)).replace(",", " ")


def _fill_ins(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1), datetime(year, 2, 2)


def _read(text: str, dayfirst: bool, defaults: tuple[datetime, datetime],
          whole: bool = False) -> datetime | None:
    """Parse with two fill-ins; None if they disagree (the text lacks its month or day)."""
    try:
        with warnings.catch_warnings():  # "10:15 M" would warn of an unknown time zone
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            when = _parse(text, dayfirst, defaults[0], fuzzy=not whole)
            # Month or day 1 may be the fill-in: a second fill-in tells ("2020" alone).
            if when.month == 1 or when.day == 1:
                other = _parse(text, dayfirst, defaults[1], fuzzy=not whole)
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


def read_moment(value: str, dayfirst: bool = False,
                reference: datetime | None = None) -> datetime | None:
    """Read any of the forms above: epoch, ISO 8601, or a visible date.

    Args:
        value: The text or attribute value.
        dayfirst: Read ambiguous numeric dates day first.
        reference: When the page was made, to read "Today" and "Yesterday"
            against (see :func:`from_visible`).
    """
    value = (value or "").strip()
    if not value:
        return None
    if _EPOCH.match(value):
        return from_epoch(value)
    return from_iso(value) or from_visible(value, dayfirst, reference)


# Where a page says when it was made: a forum footer's "It is currently ...", XenForo's
# script settings, or the note a page saver (SingleFile) writes into the file. Matched
# on the lower-cased page, and only when one of the label words is in it at all.
_NOW_WORDS = ("currently", "date/time", "date/heure", "nous sommes", "aktuelle zeit",
              "es ist momentan", "es ist jetzt", "fecha", "data atual", "data/hora",
              "текущее время", "сейчас", "attuali", "oggi è", "saved date")
_NOW_LABELS = re.compile(
    r"(?:it is currently|the current date/time is|la date/heure actuelle est|nous sommes le|"
    r"aktuelle zeit\s*:|es ist momentan|es ist jetzt|fecha actual|la fecha/hora actual es|"
    r"data atual|a data/hora atual é|текущее время\s*:?|сейчас|data e ora attuali sono|"
    r"oggi è|saved date\s*:)\s*(?P<when>[^<>\n]{6,80}?)\s*(?:<|-->|\n|\(|$)")
_XF_NOW = re.compile(r"""now["']?\s*:\s*(\d{10})\b""")


def page_reference(text: str, dayfirst: bool = False) -> datetime | None:
    """When a saved page says it was made, or None.

    Read from the first of: a forum footer's "It is currently <date>" (and
    its German, French, Spanish, Portuguese, Russian and Italian wordings),
    XenForo's ``"now": <epoch>`` script setting, or a page saver's "saved
    date:" note.

    Args:
        text: The page's HTML.
        dayfirst: Read ambiguous numeric dates day first.
    """
    low = text.lower()
    for word in _NOW_WORDS:  # the label regex runs only around its words, not the whole page
        at = low.find(word)
        while at != -1:
            match = _NOW_LABELS.search(low, max(0, at - 40), at + 200)
            when = (read_moment(match.group("when").replace("&nbsp;", " "), dayfirst)
                    if match else None)
            if when is not None:
                return when
            at = low.find(word, at + 1)
    for now in _XF_NOW.finditer(text):
        if now.start() == 0 or not text[now.start() - 1].isalnum():  # not "know: ..."
            return from_epoch(now.group(1))
    return None


__all__ = ["from_epoch", "from_iso", "from_visible", "is_relative", "page_reference",
           "read_field", "read_moment"]
