"""Third-party parsers: a real distribution (tests/plugin) registered by entry point.

The README's test command installs it (``pip install '.[test]' ./tests/plugin``).
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

PLUGIN = "forum-analyzer-demo-plugin"
pytestmark = pytest.mark.plugins


@pytest.fixture(autouse=True)
def _plugin_installed() -> None:
    try:
        importlib.metadata.distribution(PLUGIN)
    except importlib.metadata.PackageNotFoundError:
        pytest.fail(f"the test plugin is not installed: pip install ./tests/plugin ({PLUGIN})")


def test_installed_plugin_is_listed_with_its_module() -> None:
    result = CliRunner().invoke(cli, ["parsers"])
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if line.startswith("demo-board"))
    assert line.endswith("DEMO-BOARD exports (test plugin) [fa_demo_plugin]")


def test_plugin_that_fails_to_import_gives_a_warning_not_a_crash() -> None:
    result = CliRunner().invoke(cli, ["parsers"])
    assert result.exit_code == 0
    assert ("Warning: parser plugin 'broken-board' failed to load: "
            "No module named 'forum_analyzer_missing_dependency'") in result.stderr
    assert "xenforo2" in result.stdout  # the built-ins are all still there


def test_plugin_parser_is_detected_for_its_format(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text("DEMO-BOARD 1\n=== 41 | Ana | 2020-12-22T10:00:00+00:00\n"
                      "Both air forces flew together.\n"
                      "=== 42 | Ben | 2020-12-22T11:30:00+00:00\nNot for the first time.\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(export)])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert parsed["thread"]["engine"] == "demo-board"
    assert [(p["id"], p["author"]) for p in parsed["posts"]] == [("41", "Ana"), ("42", "Ben")]
