"""The package's shape, read from the source with `ast` (nothing is imported).

- Recognition runs one way: no module of toolkit/recognise imports the NER
  tooling (toolkit/ner), relatively or absolutely, at module or function level.
- No import cycle between the top-level modules and sub-packages of toolkit/
  (each one a node: cli, convert, recognise, ner, errors, ...).
- No module over MAX_LINES lines.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"
# The code folder is installed as `teikit`; either name may appear in an absolute import.
ROOT_NAMES = ("teikit", "toolkit")
MAX_LINES = 400
# The package's own __init__ (it holds __version__) is a node of its own.
INIT_NODE = "__init__"


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> list[str]:
    """Dotted parts below the package: toolkit/ner/train.py -> ["ner", "train"], toolkit/cli/__init__.py -> ["cli"]."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def node_of(parts: list[str]) -> str:
    """The top-level module or sub-package a dotted path (below the package) belongs to."""
    if not parts:
        return INIT_NODE
    return parts[0]


def is_module(parts: list[str]) -> bool:
    where = PACKAGE.joinpath(*parts)
    return where.is_dir() or where.with_suffix(".py").is_file()


def imported(path: Path) -> list[tuple[list[str], int]]:
    """(dotted parts below the package, line) of every import of the package itself in `path`,
    module-level or inside functions; `from X import a, b` gives X.a and X.b where those are modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] in ROOT_NAMES:
                    found.append((parts[1:], node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(package):
                    raise AssertionError(f"{path}:{node.lineno}: relative import beyond the package")
                base = package[:len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            else:
                parts = (node.module or "").split(".")
                if parts[0] not in ROOT_NAMES:
                    continue
                target = parts[1:]
            for alias in node.names:
                sub = target + [alias.name]
                found.append((sub if is_module(sub) else target, node.lineno))
    return found


def import_graph() -> dict[str, dict[str, list[str]]]:
    """node -> imported node -> ["file:line", ...], edges between different nodes only."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in modules():
        source = node_of(module_name(path))
        graph.setdefault(source, {})
        for parts, line in imported(path):
            target = node_of(parts)
            if target != source:
                graph[source].setdefault(target, []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return graph


def cycles(graph: dict[str, dict]) -> list[list[str]]:
    """One cycle (a, b, ..., a) through each strongly connected component of more than one node."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(v):  # Tarjan; the graph has a few dozen nodes, recursion is fine
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(set(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    found = []
    for component in components:
        start = min(component)
        # breadth-first from start back to start inside the component: a shortest cycle
        paths, seen = [[start]], {start}
        cycle = None
        while paths and cycle is None:
            next_paths = []
            for path in paths:
                for w in sorted(graph.get(path[-1], {})):
                    if w == start:
                        cycle = path + [start]
                        break
                    if w in component and w not in seen:
                        seen.add(w)
                        next_paths.append(path + [w])
                if cycle:
                    break
            paths = next_paths
        found.append(cycle)
    return found


def describe(cycle: list[str], graph) -> str:
    steps = [f"{a} -> {b} ({graph[a][b][0]})" for a, b in zip(cycle, cycle[1:])]
    return " ; ".join(steps)


def test_recognition_never_imports_the_ner_tooling():
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {'.'.join(parts)}"
                 for path in modules() if module_name(path)[:1] == ["recognise"]
                 for parts, line in imported(path) if parts[:1] == ["ner"]]
    assert not offenders, "\n".join(offenders)


def test_no_import_cycle_between_sub_packages():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(describe(c, graph) for c in found)


def test_no_module_is_over_the_line_limit():
    long = {str(path.relative_to(PACKAGE.parent)): n for path in modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


# --- the checks themselves catch what they are meant to --------------------------------------


def test_the_cycle_finder_names_a_cycle():
    graph = {"a": {"b": ["x.py:1"]}, "b": {"c": ["y.py:2"]}, "c": {"a": ["z.py:3"]}, "d": {"a": ["w.py:4"]}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert describe(["a", "b", "c", "a"], graph) == "a -> b (x.py:1) ; b -> c (y.py:2) ; c -> a (z.py:3)"
    assert cycles({"a": {"b": []}, "b": {}}) == []


@pytest.mark.parametrize("source, expected", [
    ("from ..ner.features import x\n", [["ner", "features"]]),
    ("from ..ner import train\n", [["ner", "train"]]),
    ("from .. import ner\n", [["ner"]]),
    ("from .. import __version__\n", [[]]),
    ("from .base import Context\n", [["recognise", "base"]]),
    ("import teikit.ner.train\n", [["ner", "train"]]),
    ("from toolkit.ner import labels\n", [["ner", "labels"]]),
    ("def f():\n    from ...teikit import x\n", AssertionError),
    ("def f():\n    from ..ner.model_dir import read_meta\n", [["ner", "model_dir"]]),
    ("import json\nfrom pathlib import Path\n", []),
])
def test_imports_are_resolved_relative_to_the_module(tmp_path, monkeypatch, source, expected):
    """What `imported` reads from a module placed at toolkit/recognise/probe.py."""
    fake = tmp_path / "toolkit"
    for folder in ("recognise", "ner"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("")
    for name in ("features", "train", "labels", "model_dir"):
        (fake / "ner" / f"{name}.py").write_text("")
    (fake / "recognise" / "base.py").write_text("")
    (fake / "__init__.py").write_text("")
    probe = fake / "recognise" / "probe.py"
    probe.write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    if expected is AssertionError:
        with pytest.raises(AssertionError):
            imported(probe)
    else:
        assert [parts for parts, _ in imported(probe)] == expected


def test_every_exception_class_is_defined_in_errors_py():
    """One exception family: each stage's error is a ToolkitError subclass in toolkit/errors.py."""
    elsewhere = []
    for path in modules():
        if path.name == "errors.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", getattr(base, "attr", "")).endswith(("Error", "Exception")) for base in node.bases):
                elsewhere.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.name}")
    assert elsewhere == []


def test_every_error_is_a_toolkit_error():
    import inspect

    from teikit import errors

    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__]
    assert classes and all(issubclass(c, errors.ToolkitError) for c in classes)
