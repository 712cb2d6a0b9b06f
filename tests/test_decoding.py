"""Decoding input bytes: BOMs, declared charsets, guessing, and refusing junk."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import InputError
from analyzer.reading.decoding import declared_encoding, decode

GERMAN = "Schöne Grüße aus München – „Übungen“ über dem Pazifik."


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    assert decode(bom + GERMAN.encode(codec), "post.txt") == GERMAN


def test_utf16_without_bom_is_recognised() -> None:
    text = "Russian and Chinese bombers fly joint patrol over the Pacific.\n" * 3
    assert decode(text.encode("utf-16-le"), "t.txt") == text
    assert decode(text.encode("utf-16-be"), "t.txt") == text


def test_plain_utf8_is_read_strictly() -> None:
    assert decode(GERMAN.encode("utf-8"), "t.txt") == GERMAN


def test_meta_charset_wins_over_guessing() -> None:
    page = '<!DOCTYPE html><html><head><meta charset="windows-1251"></head><body>Привет</body>'
    assert "Привет" in decode(page.encode("cp1251"), "page.html")


def test_http_equiv_iso_8859_1_is_read_as_windows_1252() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            "</head><body>It’s “news” – Grüße</body></html>")
    text = decode(page.encode("cp1252"), "page.htm")
    assert "It’s “news” – Grüße" in text


def test_xml_declaration_is_honoured() -> None:
    page = '<?xml version="1.0" encoding="iso-8859-15"?><html><body>Preis: 5 €</body></html>'
    assert "5 €" in decode(page.encode("iso-8859-15"), "page.xhtml")


def test_wrong_utf8_declaration_falls_back_to_the_bytes() -> None:
    page = '<html><head><meta charset="utf-8"></head><body>Grüße aus München</body></html>'
    assert "Grüße aus München" in decode(page.encode("cp1252"), "page.html")


def test_declared_encoding_ignores_plain_text_and_unknown_labels() -> None:
    assert declared_encoding(b"just text, charset=koi8-r") is None
    assert declared_encoding(b'<html><meta charset="no-such-codec">') is None
    assert declared_encoding(b'<html><meta charset="UTF-16">') == "utf-8"
    assert declared_encoding(b'<html><meta charset="latin1">') == "cp1252"


def test_undeclared_legacy_text_is_guessed_or_read_as_windows_1252() -> None:
    text = "Die Übungen über dem Pazifik zeigen, dass Russland und China enger zusammenarbeiten."
    assert decode(text.encode("cp1252"), "t.txt") == text


def test_newlines_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n", "t.txt") == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + b" \x00"])
def test_empty_or_blank_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^t\.txt: file is empty$"):
        decode(data, "t.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        bytes(range(32)) * 20,
    ],
)
def test_binary_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="looks like a binary file, not a saved page or text"):
        decode(data, "thing.bin")


@given(st.binary(max_size=2048))
def test_any_bytes_give_text_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except InputError:
        return
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text
