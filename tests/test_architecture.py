"""The limits the code keeps (issue "one pipeline contract, one registry of kinds, one library object").

In all of builder/, the extractors too: no module over 600 lines, no function over 80, no SPARQL in
Python strings (every query lives in queries/); and no test module imports another (shared things are
fixtures of conftest.py).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULE_LINES, FUNCTION_LINES = 600, 80
# a query's shape: a query form, then a group pattern; or an update's
SPARQL = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b[^{}]*\bWHERE\s*\{|\b(INSERT|DELETE)\s+(DATA\s*)?\{", re.S)


def _modules() -> list[Path]:
    return sorted((ROOT / "builder").rglob("*.py"))


def _sizes() -> tuple[dict[str, int], dict[str, int]]:
    """Lines of each module, and of each function (``module:Class.function``)."""
    modules, functions = {}, {}
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        modules[rel] = len(text.splitlines())

        def walk(node, prefix):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    functions[f"{rel}:{prefix}{child.name}"] = child.end_lineno - child.lineno + 1
                    walk(child, f"{prefix}{child.name}.")
                elif isinstance(child, ast.ClassDef):
                    walk(child, f"{prefix}{child.name}.")

        walk(ast.parse(text), "")
    return modules, functions


def test_no_module_over_600_lines():
    modules, _ = _sizes()
    assert {m: n for m, n in modules.items() if n > MODULE_LINES} == {}


def test_no_function_over_80_lines():
    _, functions = _sizes()
    assert {f: n for f, n in functions.items() if n > FUNCTION_LINES} == {}


def _strings(tree: ast.AST):
    """Every string constant of a module but its docstrings."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node
        elif isinstance(node, ast.JoinedStr):
            yield node


def test_no_sparql_in_python_strings():
    found = []
    for path in _modules():
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else ast.unparse(node)
            if SPARQL.search(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("text", ["SELECT ?s WHERE { ?s ?p ?o }", "ASK WHERE {?s ?p ?o}", "INSERT DATA { <a> <b> <c> }"])
def test_the_sparql_check_finds_a_query(text):
    assert SPARQL.search(text)


def test_no_test_module_imports_another():
    modules = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in modules | {"conftest"}]
    assert found == []
