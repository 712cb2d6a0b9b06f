"""Property-based fuzzing of every parser and of the plain-text segmenter.

Every built-in parser the registry loads is fuzzed, so a new parser is
covered without a line of test code here. Each one gets:

- arbitrary bytes, decoded as a file would be, then parsed with the engine
  forced;
- arbitrary Unicode text (its detector, too, must answer True or False);
- mutated copies of its own fixtures (found through the ``engine`` field of
  ``tests/fixtures/expected.json``, or a fixture folder named after the
  engine; see ``tests/fixture_index.py``): cut at a random point, slices
  deleted or repeated, and the fixture's own tags, classes, attributes or
  JSON keys inserted at random.

Whatever the input, a :class:`~analyzer.model.Thread` comes out or our own
``ParseError`` / ``InputError`` is raised, never another exception. The
registry's page checks run first, as they do for a real file.

Examples per test follow the hypothesis profile (``tests/conftest.py``:
50 by default, 5,000 with ``--hypothesis-profile=fuzz``).
"""

from __future__ import annotations

import contextlib
import re
import warnings
from functools import cache
from pathlib import Path

import pytest
from fixture_index import fixtures_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import InputError, ParseError
from analyzer.model import Post, Quote, Thread
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.engines.segmenter import Item, segment
from analyzer.parsers.engines.textlines import Header
from analyzer.parsers.registry import available_parsers, clear_cache
from analyzer.reading.decoding import decode
from analyzer.reading.limits import check_page

OUR_ERRORS = (ParseError, InputError)
LARGE = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _built_in_parsers() -> list[type[Parser]]:
    """The registry's parsers, without third-party plugins (as tests/conftest.py hides them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsers = [cls for cls in available_parsers() if cls.__module__.startswith("analyzer.")]
    clear_cache()
    return parsers


PARSERS = _built_in_parsers()
ENGINES = [cls.engine for cls in PARSERS]


def parse_or_refuse(cls: type[Parser], doc: Document) -> None:
    """Parse with the engine forced, without the registry's catch-all wrapper.

    The registry's page check runs first, as for a real file; whatever it
    says, the parser runs too, since a plugin or an API caller may hand it
    any document.
    """
    with contextlib.suppress(ParseError):
        check_page(doc.name, doc.text)
    try:
        thread = cls().parse(doc)
    except OUR_ERRORS:
        return
    assert isinstance(thread, Thread)
    for post in thread.posts:
        assert isinstance(post, Post)
        assert isinstance(post.id, str) and post.id
        assert isinstance(post.text, str)
        assert all(isinstance(q, Quote) for q in post.quotes)
        assert post.timestamp is None or post.timestamp.tzinfo is not None
    assert all(item.reason for item in thread.skipped)


def _document(text: str, name: str = "fuzz.html") -> Document:
    return Document(name=name, data=text.encode("utf-8", errors="replace"), text=text)


# -- arbitrary input ------------------------------------------------------------------------


@pytest.mark.parametrize("cls", PARSERS, ids=ENGINES)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_thread_or_our_error(cls: type[Parser], data: bytes) -> None:
    try:
        text = decode(data, "fuzz.bin")
    except InputError:
        return
    parse_or_refuse(cls, Document("fuzz.bin", data, text))


# A document's text has its line breaks normalised to "\n" (see decoding.decode).
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=2000).map(
    lambda text: re.sub(r"\r\n?", "\n", text))


@pytest.mark.parametrize("cls", PARSERS, ids=ENGINES)
@given(text=_TEXT)
def test_arbitrary_text_gives_a_thread_or_our_error(cls: type[Parser], text: str) -> None:
    doc = _document(text, "fuzz.txt")
    assert cls.can_parse(doc) in (True, False)
    parse_or_refuse(cls, doc)


# -- mutated fixtures -----------------------------------------------------------------------

_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_CLASS = re.compile(r"""class\s*=\s*["']([^"']+)["']""")
_ATTRIBUTE = re.compile(r"""\s([a-zA-Z][\w:-]*)\s*=\s*["']([^"'<>]{0,40})["']""")
_JSON_KEY = re.compile(r'"([^"\\]{1,40})"\s*:')


@cache
def vocabulary(path: Path) -> tuple[str, ...]:
    """Pieces of the engine's own markup, collected from one of its fixtures."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    tags = sorted(set(_TAG.findall(text)))[:80]
    classes = sorted({c for group in _CLASS.findall(text) for c in group.split()})[:120]
    attributes = sorted(set(_ATTRIBUTE.findall(text)))[:120]
    keys = sorted(set(_JSON_KEY.findall(text)))[:80]
    pieces = [f"<{t}>" for t in tags] + [f"</{t}>" for t in tags]
    pieces += [f'<div class="{c}">' for c in classes] + [f'<{tags[0] if tags else "div"} '
                                                        f'class="{c}"></div>' for c in classes]
    pieces += [f'<span {name}="{value}">' for name, value in attributes]
    pieces += [f'"{k}": ' for k in keys] + [f'{{"{k}": null}}' for k in keys]
    pieces += ["{", "}", "[", "]", ",", '"', "\n", "\n\n", "<", ">", "&amp;", "<!--", "-->",
               "</body></html>", "\t", ",,,", "\ufeff"]
    pieces += [line for line in text.splitlines() if 0 < len(line) < 200][:200]
    return tuple(pieces)


@st.composite
def mutated(draw: st.DrawFn, path: Path) -> str:
    """A fixture's text after one to four random cuts, deletions, repeats and insertions."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    pieces = vocabulary(path)
    for _ in range(draw(st.integers(1, 4))):
        size = len(text)
        at = draw(st.integers(0, size))
        end = draw(st.integers(at, min(size, at + 2000)))
        op = draw(st.sampled_from(["cut", "delete", "repeat", "insert", "insert"]))
        if op == "cut":
            text = text[:at]
        elif op == "delete":
            text = text[:at] + text[end:]
        elif op == "repeat":
            text = text[:end] + text[at:end] * draw(st.integers(1, 3)) + text[end:]
        else:
            inserted = "".join(draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=8)))
            text = text[:at] + inserted + text[at:]
    return text


WITH_FIXTURES = [cls for cls in PARSERS if fixtures_of(cls.engine)]


def test_every_engine_has_fixtures_to_mutate() -> None:
    assert [cls.engine for cls in PARSERS if not fixtures_of(cls.engine)] == []


@pytest.mark.parametrize("cls", WITH_FIXTURES, ids=[c.engine for c in WITH_FIXTURES])
@LARGE
@given(data=st.data())
def test_mutated_fixtures_give_a_thread_or_our_error(cls: type[Parser], data: st.DataObject
                                                     ) -> None:
    path = data.draw(st.sampled_from(fixtures_of(cls.engine)), label="fixture")
    text = data.draw(mutated(path), label="text")
    parse_or_refuse(cls, _document(text, path.name))


# -- the plain-text segmenter ---------------------------------------------------------------

_LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
_HEADER = st.builds(Header, author=st.text(max_size=30), timestamp=st.none(),
                    lines=st.integers(1, 5))
_QUOTE = st.builds(Quote, text=st.text(max_size=100), post_id=st.none() | st.text(max_size=5),
                   author=st.none() | st.text(max_size=20))
_ITEM = st.one_of(
    st.builds(Item, kind=st.just("line"), text=_LINE_TEXT, gap=st.integers(0, 4)),
    st.builds(Item, kind=st.just("header"), gap=st.integers(0, 4), header=_HEADER),
    st.builds(Item, kind=st.just("quote"), gap=st.integers(0, 4), quote=_QUOTE),
    st.builds(Item, kind=st.just("separator"), gap=st.integers(0, 4)),
)
_SENTENCES = st.sampled_from([
    "Russia and China flew a joint patrol over the Pacific today.",
    "MOSCOW (Reuters) - The ministry said on Tuesday that eight bombers took part.",
    "lol no way", "I think this is a show of force.", "Source?", "Click to expand...",
])


@given(st.lists(st.one_of(_ITEM, st.builds(Item, kind=st.just("line"), text=_SENTENCES,
                                           gap=st.integers(0, 3))), max_size=60))
def test_segmenter_keeps_every_line_and_quote_of_arbitrary_items(items: list[Item]) -> None:
    segments = segment(items)
    paragraphs = "\n".join(p for seg in segments for p in seg.paragraphs)
    for item in items:
        if item.kind == "line" and item.text.strip():
            assert item.text.strip() in paragraphs
    kept_quotes = [q for seg in segments for q in seg.quotes]
    assert kept_quotes == [it.quote for it in items if it.kind == "quote"]
