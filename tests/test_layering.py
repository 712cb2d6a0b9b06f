"""The house rules that keep the package's layers apart, read from the source."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "analyzer"
#: The stages: rendering must learn everything it shows from the Analysis.
STAGES = ("analyzer.stance", "analyzer.reposts", "analyzer.framing", "analyzer.news",
          "analyzer.register", "analyzer.pipeline", "analyzer.articles", "analyzer.parsers")


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_report_and_serialize_import_no_stage():
    files = sorted(PACKAGE.joinpath("report").glob("*.py")) + [PACKAGE / "serialize.py"]
    reaching = {
        str(path.relative_to(PACKAGE)): sorted(m for m in imported_modules(path)
                                               if m.startswith(STAGES))
        for path in files
    }
    assert {name: found for name, found in reaching.items() if found} == {}
