"""Localised pages and clean text: dates in six languages, app footers, plain names.

Dates: numeric day-first dates, month names in de/fr/es/pt/ru/it, and
"Today"/"Yesterday" with their translations, read against the page's own
date when it gives one, else left empty with a warning. App footers
("Sent from my ... using Tapatalk") come off the end of posts. Names are
plain text, and HTML escaped twice by a JSON encoder is read as HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from fixture_index import FIXTURES, document

from analyzer.cli import cli
from analyzer.parsers.dates import from_visible, page_reference, read_moment
from analyzer.parsers.diagnose import RelativeDatesWarning
from analyzer.parsers.dom import unescape_tags
from analyzer.parsers.engines.xenforo import XenForo2Parser
from analyzer.parsers.footers import drop_app_footer
from analyzer.parsers.names import plain_name, said_name
from analyzer.reading.batch import parse_paths

LOCALISED = FIXTURES / "localised"
REFERENCE = datetime(2019, 6, 27, 10, 40, tzinfo=UTC)


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def _dates(name: str) -> list[datetime | None]:
    with pytest.warns(RelativeDatesWarning) if name in _UNRESOLVED else _no_warning():
        return [p.timestamp for p in parse_paths(LOCALISED / name).posts]


_UNRESOLVED = {"vbulletin4-de.html", "mybb-pt.html", "smf2-es.html", "vbulletin3-it.html"}


class _no_warning:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize(("name", "expected"), [
    ("vbulletin4-de.html", [_utc(2011, 3, 3, 14, 17), _utc(2011, 3, 3, 15, 2), None]),
    ("phpbb3-fr.html", [_utc(2019, 6, 26, 16, 34), _utc(2019, 6, 26, 18, 2),
                        _utc(2019, 6, 27, 9, 15)]),
    ("mybb-pt.html", [_utc(2019, 6, 5, 14, 20), _utc(2019, 6, 5, 16, 45), None]),
    ("xenforo1-ru.html", [_utc(2019, 6, 26, 16, 34), _utc(2019, 6, 27, 9, 2),
                          _utc(2019, 6, 27, 18, 40)]),
    ("smf2-es.html", [_utc(2019, 6, 26, 16, 34, 12), _utc(2019, 6, 27, 9, 5, 40), None]),
    ("vbulletin3-it.html", [_utc(2019, 6, 5, 17, 2), _utc(2019, 6, 6, 8, 45), None]),
])
def test_localised_pages_give_every_date_they_show(name: str,
                                                   expected: list[datetime | None]) -> None:
    assert _dates(name) == expected


def test_forumotion_today_is_read_against_the_pages_own_date() -> None:
    thread = parse_paths(FIXTURES / "forumotion" / "topic-t512.html")
    assert thread.posts[2].timestamp == _utc(2015, 10, 14, 10, 12)


@pytest.mark.parametrize(("text", "expected"), [
    ("Heute, 14:17", _utc(2019, 6, 27, 14, 17)),
    ("Gestern, 09:02", _utc(2019, 6, 26, 9, 2)),
    ("Today at 10:48 PM", _utc(2019, 6, 27, 22, 48)),
    ("Aujourd'hui à 15:18", _utc(2019, 6, 27, 15, 18)),
    ("Hier à 15:18", _utc(2019, 6, 26, 15, 18)),
    ("Hoy a las 10:00", _utc(2019, 6, 27, 10, 0)),
    ("Ayer, 23:10", _utc(2019, 6, 26, 23, 10)),
    ("Hoje às 08:00", _utc(2019, 6, 27, 8, 0)),
    ("Ontem, 21:10", _utc(2019, 6, 26, 21, 10)),
    ("Сегодня, 10:00", _utc(2019, 6, 27, 10, 0)),
    ("Вчера в 10:00", _utc(2019, 6, 26, 10, 0)),
    ("Oggi, 07:30", _utc(2019, 6, 27, 7, 30)),
    ("Ieri alle 10:00", _utc(2019, 6, 26, 10, 0)),
])
def test_today_and_yesterday_are_read_against_a_reference(text: str,
                                                          expected: datetime) -> None:
    assert from_visible(text, reference=REFERENCE) == expected
    assert from_visible(text) is None


@pytest.mark.parametrize("text", ["3 hours ago", "vor 2 Stunden", "il y a 3 heures",
                                  "hace 2 horas", "2 часа назад", "3 ore fa"])
def test_times_ago_are_never_guessed(text: str) -> None:
    assert from_visible(text, reference=REFERENCE) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("03.03.2011, 14:17", _utc(2011, 3, 3, 14, 17)),
    ("#2 03.03.2011, 14:17", _utc(2011, 3, 3, 14, 17)),
    ("Mar 13 Oct 2015 - 9:05", _utc(2015, 10, 13, 9, 5)),
    ("Mar 26, 2019", _utc(2019, 3, 26)),
    ("26 de maio de 2019 16:34", _utc(2019, 5, 26, 16, 34)),
    ("quarta-feira, 26 de junho de 2019 16:34", _utc(2019, 6, 26, 16, 34)),
    ("3 ott 2019, 16:34", _utc(2019, 10, 3, 16, 34)),
    ("mer 26 giu 2019, 16:34", _utc(2019, 6, 26, 16, 34)),
    ("dom 26 de mayo de 2019 16:34", _utc(2019, 5, 26, 16, 34)),
    ("12 dic 2019", _utc(2019, 12, 12)),
    ("Mer 3 Fév 2021 - 18:44", _utc(2021, 2, 3, 18, 44)),
    ("Dim 14 Aoû 2016 - 8:15", _utc(2016, 8, 14, 8, 15)),
])
def test_month_and_weekday_names_of_six_languages(text: str, expected: datetime) -> None:
    assert read_moment(text) == expected


def test_a_date_without_its_year_takes_the_references_year_never_a_later_one() -> None:
    assert from_visible("Ven 12 Oct - 15:18", reference=REFERENCE) == _utc(2018, 10, 12, 15, 18)
    assert from_visible("Lun 3 Jun - 15:18", reference=REFERENCE) == _utc(2019, 6, 3, 15, 18)
    assert from_visible("Lun 3 Jun - 15:18") is None


@pytest.mark.parametrize(("page", "expected"), [
    ("<p>It is currently Sun May 26, 2019 4:34 pm</p>", _utc(2019, 5, 26, 16, 34)),
    ("<p>Nous sommes le Jeu 27 Juin 2019 10:40</p>", REFERENCE),
    ("<p>Aktuelle Zeit: Do 27. Jun 2019, 10:40</p>", REFERENCE),
    ("<script>XF.config = {\"time\": {\"now\": 1561632000}}</script>", _utc(2019, 6, 27, 10, 40)),
    ("<!-- Page saved with SingleFile\n saved date: Thu Jun 27 2019 10:40:00 GMT+0000 (UTC) -->",
     REFERENCE),
    ("<p>All times are GMT. The time now is 10:40 AM.</p>", None),
])
def test_the_page_says_when_it_was_made(page: str, expected: datetime | None) -> None:
    assert page_reference(page) == expected


def test_relative_dates_without_a_page_date_are_left_empty_and_said(tmp_path: object) -> None:
    path = LOCALISED / "vbulletin3-it.html"
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0
    assert result.stderr == (
        f'Warning: {path}: 1 post dated only "Today", "Yesterday" or "... ago", and the page '
        "does not say when it was saved; their dates are left empty\n")


# -- app footers and signatures -------------------------------------------------------------


@pytest.mark.parametrize("footer", [
    "Sent from my iPhone using Tapatalk",
    "Sent from my SM-G930F using Tapatalk",
    "Gesendet von meinem SM-G930F mit Tapatalk",
    "Mit der kostenlosen Gartenfreunde App geschrieben.",
    "Envoyé de mon iPhone en utilisant Tapatalk",
    "Enviado desde mi Redmi 9 usando Tapatalk",
    "Enviado do meu iPhone usando Tapatalk",
    "Отправлено с моего Redmi Note 7 через Tapatalk",
    "Inviato dal mio SM-A520F utilizzando Tapatalk",
])
def test_app_footers_come_off_the_end_of_a_post(footer: str) -> None:
    assert drop_app_footer(f"The words of the post.\n\n{footer}") == "The words of the post."


def test_a_footer_run_on_after_the_last_sentence_comes_off() -> None:
    assert drop_app_footer("See you at the meeting. Sent from my iPhone using Tapatalk") == \
        "See you at the meeting."
    assert drop_app_footer("I was sent from my office to ask.") == \
        "I was sent from my office to ask."
    assert drop_app_footer("Thanks. Sent from my office, the report follows.") == \
        "Thanks. Sent from my office, the report follows."


def test_a_sentence_like_a_footer_inside_a_post_stays() -> None:
    text = "Sent from my phone: the photo of the queue.\n\nIt was long."
    assert drop_app_footer(text) == text


def test_german_vbulletin_posts_lose_their_app_footers() -> None:
    words = "\n".join(p.text for p in parse_paths(LOCALISED / "vbulletin4-de.html").posts)
    assert "App geschrieben" not in words
    assert "Tapatalk" not in words
    assert "Die Pächter haben bis zum Herbst Zeit." in words


# -- clean text -----------------------------------------------------------------------------


def test_4chan_json_escaped_twice_gives_clean_text_and_its_quote_links() -> None:
    thread = parse_paths(FIXTURES / "4chan" / "thread-escaped-slashes.json")
    assert [p.text for p in thread.posts[1:]] == [
        "Because they only run two carriages.",
        "Two carriages and/or a dining car, depending on the season."]
    assert [q.post_id for q in thread.posts[1].quotes] == ["51200300"]
    assert "\\/" not in "".join(p.text for p in thread.posts)


def test_text_outside_escaped_tags_is_left_alone_when_no_tag_was_escaped() -> None:
    assert unescape_tags(r"a path C:\/x and \"quoted\"") == r"a path C:\/x and \"quoted\""
    assert unescape_tags(r'<b class=\"x\">and\/or<\/b>') == '<b class="x">and/or</b>'


def test_mybb_quote_author_written_out_as_markup_is_a_plain_name() -> None:
    thread = parse_paths(LOCALISED / "mybb-pt.html")
    assert [(q.author, q.post_id) for q in thread.posts[1].quotes] == [("Carla_R", "2201")]


@pytest.mark.parametrize(("header", "name"), [
    ('<span class="toppostertoday">Nath</span> Wrote:', "Nath"),
    ("Zitat von Heinz", "Heinz"),
    ("Cita de: Paco_G en 26 de Junio de 2019, 16:34:12", "Paco_G"),
    ("Citation de : Odile le 26 juin 2019 à 16:34", "Odile"),
    ("Lucie escreveu:", "Lucie"),
    ("Marco ha scritto:", "Marco"),
    ("Jan en Piet wrote:", "Jan en Piet"),
])
def test_quote_headers_give_the_plain_name(header: str, name: str) -> None:
    assert said_name(header) == name


def test_post_authors_written_out_as_markup_are_plain_names() -> None:
    assert plain_name('<span style="color:red">Nath</span>') == "Nath"
    page = ('<html id="XF"><body><article class="message message--post" data-content="post-1" '
            'data-author="&lt;b&gt;Nath&lt;/b&gt;"><div class="message-body"><div '
            'class="bbWrapper">hi</div></div></article></body></html>')
    assert XenForo2Parser().parse(document(page)).posts[0].author == "Nath"
