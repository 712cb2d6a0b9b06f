"""Every post a parser sees is kept or skipped with a reason, on every fixture.

Each file under ``tests/fixtures/`` has an entry in the manifest
``tests/fixtures/expected.json``, written by hand from reading the file (see
``tests/fixtures/README.md``): the engine that should read it, how many
posts it holds, and what should be skipped, by reason. The parser's count
must match that independent count, and seen = kept + skipped. A fixture
without a manifest entry fails here, so every new fixture is accounted for.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from fixture_index import (
    FIXTURES,
    fixture_files,
    fixture_name,
    manifest,
    manifests,
    parse_fixture,
    thread_engine,
)

from analyzer.pipeline import analyse
from analyzer.report.markdown import render as render_markdown
from analyzer.serialize import accounting


@pytest.mark.parametrize("fixture", fixture_files(), ids=fixture_name)
def test_every_post_seen_is_kept_or_skipped_with_a_reason(fixture: Path) -> None:
    expected = manifest(fixture)
    thread = parse_fixture(fixture)
    seen = expected["posts"] + sum(expected["skipped"].values())
    kept, skipped = len(thread.posts), len(thread.skipped)
    assert thread.engine == thread_engine(expected)
    assert kept + skipped == seen, f"seen {seen}, but kept {kept} + skipped {skipped}"
    assert kept == expected["posts"]
    assert dict(Counter(s.reason for s in thread.skipped)) == expected["skipped"]
    assert all(s.reason.strip() for s in thread.skipped)
    counts = accounting(thread)
    assert {key: counts[key] for key in ("seen", "kept", "skipped")} == {
        "seen": seen, "kept": kept, "skipped": dict(sorted(expected["skipped"].items()))}
    assert counts["unaccounted"] == 0


def test_every_manifest_entry_names_a_fixture() -> None:
    assert len(manifests()) >= 8
    assert sorted(manifests()) == sorted(fixture_name(path) for path in fixture_files())


def test_the_method_section_states_seen_kept_and_skipped_by_reason() -> None:
    thread = parse_fixture(FIXTURES / "xenforo2" / "thread-page1.html")
    report = render_markdown(analyse(thread))
    method = report.split("## Method and parameters", 1)[1]
    row = re.search(r"^\| Posts seen / kept / skipped \| (.+) \|$", method, re.MULTILINE)
    assert row is not None
    assert row.group(1) == "7 / 5 / 2 (1 advertisement, 1 empty post)"
