"""The parser registry: loading plugins, choosing parsers, reading paths, merging pages."""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzer import parse_paths
from analyzer.errors import ConfigError, InputError, ParseError
from analyzer.model import Post, Quote, Skipped, Thread
from analyzer.parsers import registry
from analyzer.parsers.base import Document, Parser
from analyzer.parsers.engines.jsonl import JsonlParser
from analyzer.parsers.engines.xenforo import XenForo2Parser
from analyzer.parsers.registry import ParserPluginWarning, available_parsers, detect, get_parser
from analyzer.reading.batch import read_document
from analyzer.reading.merge import MixedThreadsWarning, merge_threads
from analyzer.reading.paths import expand_paths, natural_key

FIXTURES = Path(__file__).parent / "fixtures" / "xenforo2"


class _FakeEntryPoint:
    def __init__(self, name: str, obj: object = None, error: Exception | None = None) -> None:
        self.name = name
        self.value = f"plugin_{name}:Parser"
        self._obj = obj
        self._error = error

    def load(self) -> object:
        if self._error is not None:
            raise self._error
        return self._obj


class _ShoutParser(Parser):
    engine = "shout"
    description = "test plugin"
    priority = 90

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        return doc.text.startswith("SHOUT")

    def parse(self, doc: Document) -> Thread:
        return Thread(id="s", title=None, engine=self.engine, url=None,
                      posts=(Post(id="1", position=0, author=None, timestamp=None, text="hi"),))


@pytest.fixture(autouse=True)
def fresh_registry() -> Iterator[None]:
    registry.clear_cache()
    yield
    registry.clear_cache()


def _use_entry_points(monkeypatch: pytest.MonkeyPatch, eps: list[_FakeEntryPoint]) -> None:
    def fake(group: str) -> list[_FakeEntryPoint]:
        assert group == "forum_analyzer.parsers"
        return eps

    monkeypatch.setattr(registry.importlib.metadata, "entry_points", fake)


def _post(post_id: str, position: int, text: str = "words", **kw: object) -> Post:
    return Post(id=post_id, position=position, author="a", timestamp=None, text=text, **kw)


def _thread(engine: str, *posts: Post, title: str | None = "T", skipped: tuple = ()) -> Thread:
    return Thread(id="t1", title=title, engine=engine, url=None, posts=posts, skipped=skipped)


def test_built_in_parsers_are_registered_and_sorted_by_priority() -> None:
    parsers = available_parsers()
    engines = [cls.engine for cls in parsers]
    assert {"xenforo2", "jsonl", "plaintext"} <= set(engines)
    priorities = [cls.priority for cls in parsers]
    assert priorities == sorted(priorities, reverse=True)
    assert engines[-1] == "plaintext"


def test_pyproject_entry_points_and_the_registry_list_the_same_built_in_parsers() -> None:
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    declared = pyproject["project"]["entry-points"][registry.ENTRY_POINT_GROUP]
    assert declared == registry.BUILTIN_PARSERS


def test_each_built_in_entry_names_its_parsers_engine() -> None:
    wrong = {}
    for name, target in registry.BUILTIN_PARSERS.items():
        module, _, attr = target.partition(":")
        engine = getattr(importlib.import_module(module), attr).engine
        if engine != name:
            wrong[name] = engine
    assert wrong == {}


def test_built_ins_load_directly_when_entry_points_are_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _use_entry_points(monkeypatch, [])
    engines = {cls.engine for cls in available_parsers()}
    assert {"xenforo2", "jsonl", "plaintext"} <= engines


def test_broken_plugin_warns_instead_of_crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    _use_entry_points(monkeypatch, [
        _FakeEntryPoint("broken", error=ImportError("No module named 'plugin_broken'")),
        _FakeEntryPoint("notaparser", obj=dict),
        _FakeEntryPoint("shout", obj=_ShoutParser),
    ])
    with pytest.warns(ParserPluginWarning) as caught:
        parsers = available_parsers()
    messages = [str(w.message) for w in caught]
    assert "parser plugin 'broken' failed to load: No module named 'plugin_broken'" in messages
    assert any(m.startswith("parser plugin 'notaparser' failed to load:") for m in messages)
    assert parsers[0] is _ShoutParser  # highest priority first
    assert get_parser("xenforo2") is XenForo2Parser


def test_plugin_is_detected_before_built_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    _use_entry_points(monkeypatch, [_FakeEntryPoint("shout", obj=_ShoutParser)])
    assert detect(Document("x.txt", b"", "SHOUT hello")) is _ShoutParser


def test_plugin_list_is_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(group: str) -> list[_FakeEntryPoint]:
        calls.append(group)
        return []

    monkeypatch.setattr(registry.importlib.metadata, "entry_points", counting)
    available_parsers()
    available_parsers()
    assert len(calls) == 1


def test_get_parser_is_case_insensitive_and_names_known_engines() -> None:
    assert get_parser("JSONL") is JsonlParser
    known = ", ".join(sorted(p.engine for p in available_parsers()))
    expected = rf"^unknown engine 'vbulletin9'; known engines: {known}$"
    with pytest.raises(ConfigError, match=expected):
        get_parser("vbulletin9")


def test_detect_picks_xenforo_for_a_saved_page() -> None:
    doc = read_document(FIXTURES / "thread-page1.html")
    assert detect(doc) is XenForo2Parser


def test_detect_failure_lists_engines_tried_and_suggests_engine_option() -> None:
    tried = ", ".join(p.engine for p in available_parsers())
    expected = rf"^x\.html: .*\(tried: {tried}\).*--engine"
    with pytest.raises(ParseError, match=expected):
        detect(Document("x.html", b"", "<html><body>hi</body></html>"))


def test_read_document_reports_missing_and_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.html: no such file$"):
        read_document(tmp_path / "nope.html")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_read_document_decodes_once(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes("Grüße\r\n".encode())
    doc = read_document(path)
    assert doc.name == str(path)
    assert doc.text == "Grüße\n"
    assert doc.data == "Grüße\r\n".encode()


def test_expand_paths_lists_only_top_level_visible_files_in_natural_order(tmp_path: Path) -> None:
    for name in ("page-10.html", "page-2.html", "page-1.html", ".hidden", "notes.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "article.txt").write_text("x")
    single = tmp_path / "notes.txt"
    assert [p.name for p in expand_paths([tmp_path, single])] == [
        "notes.txt", "page-1.html", "page-2.html", "page-10.html", "notes.txt"]
    assert expand_paths(single) == [single]


def test_expand_paths_refuses_empty_directories_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError, match="no files to read in this directory"):
        expand_paths([tmp_path])
    with pytest.raises(InputError, match="no such file"):
        expand_paths([tmp_path / "missing.html"])


def test_natural_key_orders_numbers_by_value() -> None:
    names = ["page-10", "Page-9", "page-1b", "page-1", "a"]
    assert sorted(names, key=natural_key) == ["a", "page-1", "page-1b", "Page-9", "page-10"]


@pytest.mark.filterwarnings("error")  # every file in the folder is a page: none fails
def test_parse_paths_merges_xenforo_pages_from_a_directory() -> None:
    thread = parse_paths([FIXTURES])
    ids = [p.id for p in thread.posts]
    assert ids == ["114210", "114215", "114230", "114244", "114260", "114301", "114302"]
    assert [p.position for p in thread.posts] == list(range(len(ids)))
    assert thread.id == "4242"
    assert thread.engine == "xenforo2"
    assert thread.posts[-1].source.endswith("thread-page2.html")


def test_parse_paths_with_forced_engine_and_unknown_engine(tmp_path: Path) -> None:
    path = tmp_path / "posts.txt"
    path.write_text('{"text": "hello"}\n')
    assert parse_paths(path, engine="jsonl").posts[0].text == "hello"
    with pytest.raises(ConfigError, match="unknown engine"):
        parse_paths(path, engine="nope")


def test_parse_paths_wraps_plugin_crashes_as_parse_errors(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Crashing(_ShoutParser):
        engine = "crash"

        def parse(self, doc: Document) -> Thread:
            raise KeyError("boom")

    _use_entry_points(monkeypatch, [_FakeEntryPoint("crash", obj=Crashing)])
    path = tmp_path / "a.txt"
    path.write_text("SHOUT")
    with pytest.raises(ParseError, match="the crash parser failed"):
        parse_paths(path)


def test_merge_drops_repeated_forum_ids_and_renumbers_positions() -> None:
    page1 = _thread("xenforo2", _post("10", 0), _post("11", 1),
                    skipped=(Skipped("advertisement", "buy"),))
    page2 = _thread("xenforo2", _post("10", 0), _post("12", 1), title=None)
    merged = merge_threads([page1, page2])
    assert [(p.id, p.position) for p in merged.posts] == [("10", 0), ("11", 1), ("12", 2)]
    assert merged.title == "T"
    assert merged.skipped == (Skipped("advertisement", "buy"),)


def test_merge_keeps_positional_posts_and_renumbers_their_ids_and_links() -> None:
    first = _thread("plaintext", _post("1", 0, "a"), _post("2", 1, "b", reply_to="1"))
    second = _thread("plaintext", _post("1", 0, "c"),
                     _post("2", 1, "d", reply_to="1", quotes=(Quote("c", "1", "a"),)))
    merged = merge_threads([first, second])
    assert [p.text for p in merged.posts] == ["a", "b", "c", "d"]
    assert [p.id for p in merged.posts] == ["1", "2", "3", "4"]
    assert merged.posts[1].reply_to == "1"
    assert merged.posts[3].reply_to == "3"
    assert merged.posts[3].quotes[0].post_id == "3"


def test_merge_treats_ids_equal_to_positions_as_positional() -> None:
    one = _thread("jsonl", _post("1", 0, "a"), _post("2", 1, "b"))
    merged = merge_threads([one, one])
    assert len(merged.posts) == 4


def test_merge_of_one_thread_renumbers_positions() -> None:
    thread = _thread("xenforo2", _post("7", 3), _post("9", 8),
                     _post("7", 9))
    merged = merge_threads([thread])
    assert [(p.id, p.position) for p in merged.posts] == [("7", 0), ("9", 1)]
    ts = datetime(2020, 1, 1, tzinfo=UTC)
    clean = _thread("xenforo2", Post("5", 0, "a", ts, "x"))
    assert merge_threads([clean]) is clean


def test_merge_needs_a_thread() -> None:
    with pytest.raises(ValueError, match="at least one"):
        merge_threads([])


def test_merge_keeps_forum_ids_that_happen_to_be_one_to_n_once() -> None:
    page1 = _thread("xenforo2", _post("1", 0), _post("2", 1), _post("3", 2))
    page2 = _thread("xenforo2", _post("3", 0), _post("4", 1))
    merged = merge_threads([page1, page2])
    assert [p.id for p in merged.posts] == ["1", "2", "3", "4"]


def test_merging_pages_of_different_threads_warns() -> None:
    one = replace(_thread("xenforo2", _post("1", 0)), url="https://f.example/threads/a.1/")
    two = replace(_thread("xenforo2", _post("2", 0)), url="https://f.example/threads/b.2/")
    with pytest.warns(MixedThreadsWarning, match=r"pages of 2 different threads \(https://f"):
        merged = merge_threads([one, two])
    assert [p.id for p in merged.posts] == ["1", "2"]


def test_renumbered_pages_never_reuse_an_id_already_kept() -> None:
    with_ids = _thread("jsonl", _post("3", 0, "alpha"), _post("4", 1, "beta"))
    without = _thread("jsonl", _post("1", 0, "gamma"), _post("2", 1, "delta"))
    merged = merge_threads([with_ids, without])
    assert [(p.id, p.text) for p in merged.posts] == [
        ("3", "alpha"), ("4", "beta"), ("5", "gamma"), ("6", "delta")]
