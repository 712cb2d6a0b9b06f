"""The house rules that keep the package's layers apart, read from the source."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "analyzer"
PYPROJECT = ROOT / "pyproject.toml"
#: The stages: rendering must learn everything it shows from the Analysis.
STAGES = ("analyzer.stance", "analyzer.reposts", "analyzer.framing", "analyzer.news",
          "analyzer.news_register", "analyzer.pipeline", "analyzer.articles", "analyzer.parsers",
          "analyzer.reading", "analyzer.api")


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


#: Imports allowed although undeclared in the main dependencies: none.
AWAITING_REMOVAL: set[str] = set()


@cache
def _third_party_imports() -> dict[str, set[str]]:
    """Each third-party module the package imports, with the names taken from it."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.setdefault(alias.name, set())
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.setdefault(node.module, set()).update(a.name for a in node.names)
    return {module: names for module, names in found.items()
            if module.split(".")[0] not in sys.stdlib_module_names
            and module.split(".")[0] != "analyzer" and module not in AWAITING_REMOVAL
            and module.split(".")[0] not in AWAITING_REMOVAL}


def test_every_third_party_import_is_a_declared_dependency():
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]
    # The main dependencies, and the extras that enable a feature (not the test tools).
    extras = project["optional-dependencies"]
    specs = project["dependencies"] + [spec for extra, group in extras.items()
                                       if extra != "test" for spec in group]
    declared = {re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower().replace("_", "-")
                for spec in specs}
    owners = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in _third_party_imports():
        top = module.split(".")[0]
        dists = {d.lower().replace("_", "-") for d in owners.get(top, [top])}
        if not dists & declared:
            undeclared[module] = sorted(dists)
    assert undeclared == {}


def test_no_private_name_is_imported_from_a_third_party_module():
    private = {module: sorted(n for n in names if n.startswith("_"))
               for module, names in _third_party_imports().items()
               if any(n.startswith("_") for n in names)
               or any(part.startswith("_") for part in module.split("."))}
    assert private == {}


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return name.removesuffix(".__init__")


@cache
def _import_graph() -> dict[str, set[str]]:
    """Which of the package's modules each module imports (at the top or in a function).

    ``from package import module`` counts as importing that module alone.
    """
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [f"{node.module}.{a.name}" for a in node.names
                           if f"{node.module}.{a.name}" in paths]
                targets = modules + ([node.module] if len(modules) < len(node.names) else [])
            graph[name].update(t for t in targets if t in paths and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_parser_framework_and_input_reading_import_no_engine():
    graph = _import_graph()
    framework = {name for name in graph if name.startswith(("analyzer.parsers", "analyzer.reading"))
                 and not name.startswith("analyzer.parsers.engines")}
    reaching = {name: sorted(t for t in graph[name] if t.startswith("analyzer.parsers.engines"))
                for name in framework}
    assert {name: found for name, found in reaching.items() if found} == {}


def test_no_module_imports_itself_through_others():
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
