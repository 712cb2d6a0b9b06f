"""The thread address and id that :class:`HtmlForumParser` reads from its class attributes."""

from __future__ import annotations

import re

from analyzer.model import Thread
from analyzer.parsers.base import Document
from analyzer.parsers.html_forum import HtmlForumParser
from analyzer.parsers.skin import Field, make_skin


class _Plain(HtmlForumParser):
    """No address rules: the defaults."""

    skin = make_skin("tiny", post="div.post", body=".body")


class _Declared(_Plain):
    url_cleanup = ((re.compile(r"/page-\d+"), ""), (re.compile(r"/$"), ""))
    thread_id_pattern = re.compile(r"/t/[^/?#]+/(\d+)")
    thread_id_field = Field.parse("[data-tid]@data-tid")


def _parse(parser: HtmlForumParser, head: str = "", tid: str = "") -> Thread:
    holder = f'<div data-tid="{tid}"></div>' if tid else ""
    page = (f"<html><head>{head}</head><body>{holder}"
            '<div class="post"><div class="body">Hello.</div></div></body></html>')
    return parser.parse(Document("saved-page.html", page.encode(), page))


def _canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def test_url_cleanup_pairs_apply_in_order() -> None:
    # The trailing "/" is left only once "/page-3" has gone, so the order matters.
    thread = _parse(_Declared(), _canonical("https://f.example/t/bombers/12/page-3/"))
    assert thread.url == "https://f.example/t/bombers/12"


def test_thread_id_pattern_takes_group_one_not_the_last_number() -> None:
    thread = _parse(_Declared(), _canonical("https://f.example/t/bombers/12?u=5"))
    assert thread.id == "12"
    assert _parse(_Plain(), _canonical("https://f.example/t/bombers/12?u=5")).id == "5"


def test_thread_id_field_is_read_when_the_address_gives_no_id() -> None:
    assert _parse(_Declared(), _canonical("https://f.example/latest"), tid="77").id == "77"
    assert _parse(_Declared(), tid="77").id == "77"  # no canonical address at all


def test_thread_id_field_value_must_be_all_digits() -> None:
    assert _parse(_Declared(), tid="7a").id == "saved-page"  # the file name, as for no id


def test_address_id_wins_over_the_field() -> None:
    thread = _parse(_Declared(), _canonical("https://f.example/t/bombers/12"), tid="77")
    assert thread.id == "12"


def test_defaults_keep_the_address_and_its_last_number() -> None:
    thread = _parse(_Plain(), '<meta property="og:url" content="https://f.example/page-3/">',
                    tid="77")
    assert (thread.url, thread.id) == ("https://f.example/page-3/", "3")
