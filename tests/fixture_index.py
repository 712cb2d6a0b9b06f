"""Shared test helpers: the fixture files, their manifest, and documents made from strings.

Every fixture under ``tests/fixtures/`` has an entry in one manifest,
``tests/fixtures/expected.json``, keyed by its path relative to that folder
(see ``tests/fixtures/README.md``). Test files import this module by name
(``from fixture_index import ...``): ``tests/`` has no ``__init__.py``, so
pytest's default import mode puts it on ``sys.path``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from analyzer import choose_parser, parse_paths
from analyzer.errors import InputError, ParseError
from analyzer.model import Thread
from analyzer.parsers.base import Document, Parser
from analyzer.reading.batch import read_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = FIXTURES / "expected.json"
REQUIRED = {"engine", "posts", "skipped"}
OPTIONS = {"selectors", "columns"}
#: Optional: the engine the thread names, where it is not the parser's (this tool's own output).
THREAD_ENGINE = "thread_engine"
OUR_ERRORS = (ParseError, InputError)


def fixture_files() -> list[Path]:
    """Every fixture file: all under tests/fixtures but the manifest, READMEs and hidden files."""
    return sorted(path for path in FIXTURES.rglob("*") if path.is_file() and path != MANIFEST
                  and not path.name.startswith((".", "README")))


def fixture_name(path: Path) -> str:
    """A fixture's key in the manifest: its path relative to tests/fixtures, with slashes."""
    return path.relative_to(FIXTURES).as_posix()


@cache
def manifests() -> dict[str, dict]:
    """The whole manifest, each entry checked for shape."""
    entries = json.loads(MANIFEST.read_text("utf-8"))
    for name, entry in entries.items():
        assert REQUIRED <= set(entry) <= REQUIRED | OPTIONS | {THREAD_ENGINE}, (name, entry)
        assert isinstance(entry["posts"], int) and isinstance(entry["skipped"], dict), name
        assert all(isinstance(n, int) and n > 0 for n in entry["skipped"].values()), name
    return entries


def manifest(path: Path) -> dict:
    """A fixture's manifest entry; a fixture without one fails the test that asks."""
    name = fixture_name(path)
    assert name in manifests(), (f"tests/fixtures/{name} has no manifest: add \"{name}\" to "
                                 "tests/fixtures/expected.json (see tests/fixtures/README.md)")
    return manifests()[name]


def thread_engine(entry: dict) -> str:
    """The engine a fixture's thread names: the parser's, unless the manifest says otherwise."""
    return entry.get(THREAD_ENGINE, entry["engine"])


def cli_options(entry: dict) -> list[str]:
    """The command-line options a manifest entry says its fixture needs."""
    options = ["--selectors", str(ROOT / entry["selectors"])] if "selectors" in entry else []
    return options + (["--columns", entry["columns"]] if "columns" in entry else [])


def parse_fixture(path: Path) -> Thread:
    """A fixture parsed as the command line would, with any options its manifest names."""
    entry = manifest(path)
    selectors = entry.get("selectors")
    parser = choose_parser(str(ROOT / selectors) if selectors else None, entry.get("columns"),
                            None)
    return parse_paths(path, parser=parser)


@cache
def fixtures_of(engine: str) -> tuple[Path, ...]:
    """The fixture files an engine reads unaided: by manifest, or in a folder named after it."""
    found = {FIXTURES / name for name, entry in manifests().items()
             if entry["engine"] == engine and not OPTIONS & set(entry)}
    folder = FIXTURES / engine
    if folder.is_dir():
        found.update(path for path in fixture_files() if path.parent == folder)
    return tuple(sorted(found))


def read_with(parser: type[Parser], path: Path) -> Thread:
    """A file read by one parser, without detection."""
    return parser().parse(read_document(path))


def document(text: str, name: str = "page.html") -> Document:
    """A document made from a string, as if read from a UTF-8 file of that name."""
    return Document(name, text.encode(), text)


def phrases_in(thread: Thread, phrases: Iterable[str], quotes: bool = False) -> list[str]:
    """The phrases that turn up in the words of the thread's posts (or of their quotes too)."""
    words = [post.text for post in thread.posts]
    if quotes:
        words += [quote.text for post in thread.posts for quote in post.quotes]
    everything = "\n".join(words)
    return [phrase for phrase in phrases if phrase in everything]


def thread_or_our_error(parser: Parser, doc: Document) -> Thread | None:
    """Parse arbitrary input: a thread whose posts have digit ids and words or quotes, or None.

    None means the parser refused the input with our own ``ParseError`` or
    ``InputError``; any other exception fails the test.
    """
    try:
        thread = parser.parse(doc)
    except OUR_ERRORS:
        return None
    assert isinstance(thread, Thread)
    for post in thread.posts:
        assert post.id.isdigit(), post.id
        assert post.text or post.quotes, post
    return thread


# Mostly real ids, so that posts are kept and their bodies exercised; some junk.
POST_IDS = st.one_of(st.integers(0, 10**12).map(str), st.text(max_size=12))


def json_values(text: int = 20, keys: int = 8, size: int = 3, leaves: int = 10
                ) -> st.SearchStrategy[object]:
    """Arbitrary JSON values: scalars, and lists and objects of them, nested."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=text),
        lambda inner: st.lists(inner, max_size=size) | st.dictionaries(
            st.text(max_size=keys), inner, max_size=size),
        max_leaves=leaves,
    )
