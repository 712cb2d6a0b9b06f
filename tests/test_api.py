"""The Python API: public names, typed for users' type checkers, and cheap to import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import analyzer
from analyzer import ConfigError, choose_parser, default_report_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "joint-patrol" / "thread.txt"


def _type_checking_imports() -> dict[str, str]:
    """The names ``analyzer/__init__.py`` imports under ``if TYPE_CHECKING:``, by module."""
    tree = ast.parse((ROOT / "analyzer" / "__init__.py").read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
    return {alias.name: node.module for node in block.body
            if isinstance(node, ast.ImportFrom) and node.module for alias in node.names}


def test_every_public_name_is_typed_exported_and_resolves():
    typed = _type_checking_imports()
    assert sorted(analyzer.__all__) == sorted(typed)
    for name in analyzer.__all__:
        assert getattr(analyzer, name) is getattr(__import__(typed[name], fromlist=[name]), name)


def test_the_package_says_it_is_typed():
    assert (ROOT / "analyzer" / "py.typed").is_file()


def test_parse_loads_neither_the_analysis_stages_nor_the_charts():
    code = ("import sys\n"
            "from analyzer.cli import cli\n"
            f"cli.main(['parse', {str(SAMPLE)!r}, '-o', '/dev/null'], standalone_mode=False)\n"
            "print(sorted(m for m in ('datasketch', 'numpy', 'matplotlib', 'analyzer.pipeline')"
            " if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_choose_parser_reads_the_options_the_command_line_takes():
    assert choose_parser() is None
    assert choose_parser(columns="text=body").engine == "csv"
    assert choose_parser(selectors=ROOT / "examples" / "fluxbb.toml").engine == "selectors"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"selectors": "skin.toml", "engine": "xenforo2"},
     "--selectors describes its own engine; leave out --engine"),
    ({"selectors": "skin.toml", "columns": "text=body"},
     "--columns (CSV) and --selectors (HTML) cannot be used together"),
    ({"columns": "text=body", "engine": "jsonl"}, "--columns is for the csv engine, not 'jsonl'"),
])
def test_choose_parser_refuses_options_that_contradict_each_other(kwargs, message):
    with pytest.raises(ConfigError) as caught:
        choose_parser(**kwargs)
    assert str(caught.value) == message


def test_default_report_path_is_named_after_the_thread_with_the_formats_extension():
    assert default_report_path([SAMPLE], "html") == Path("reports") / "joint-patrol.html"
    assert default_report_path([ROOT / "threads" / "joint-patrol"]) == (
        Path("reports") / "joint-patrol.md")
