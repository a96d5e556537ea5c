"""The folders are the layers: imports point down only, and no module imports itself back.

Read from the source (every import, also those inside functions and under TYPE_CHECKING),
so a rule is broken the moment the line is written, not when a path happens to run it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reflectiejournaal"

# Lowest first. A module may import its own layer and the layers below it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("vault", ("vault",)),
    ("domain", ("errors", "model", "search", "clients", "controls", "settings", "drafts", "trajectory",
                "index", "cache_file", "anomalies", "feedback", "journal", "prompts")),
    ("locale", ("locale",)),
    ("features", ("supervision", "review", "transfer", "bundle")),
    ("interfaces", ("cli", "app", "screens", "widgets", "__main__")),
]
UI = ("app", "screens", "widgets")
GUI_LIBRARIES = ("textual", "rich")


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute (``from . import x`` counts as ``pkg.x``)."""
    tree = ast.parse(path.read_text("utf-8"))
    own = _name(path)
    package = own.split(".") if path.name == "__init__.py" else own.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {m: {i for i in _imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(module: str) -> int:
    top = _top(module)
    for rank, (_, tops) in enumerate(LAYERS):
        if top in tops:
            return rank
    raise AssertionError(f"{module} is in no layer: add its folder to LAYERS")


def _packages_of(module: str) -> set[str]:
    """A module's own package and the packages above it (importing them is not an arrow)."""
    parts = module.split(".")
    return {".".join(parts[:n]) for n in range(1, len(parts))}


def test_every_module_has_a_layer():
    for module in MODULES:
        if module != "reflectiejournaal":
            _layer(module)


def test_imports_point_down_only():
    upward = []
    for module, imported in GRAPH.items():
        if module == "reflectiejournaal":
            continue
        for target in imported - _packages_of(module) - {"reflectiejournaal"}:
            if _layer(target) > _layer(module):
                upward.append(f"{module} -> {target}")
    assert upward == [], "\n".join(upward)


def test_the_command_line_and_the_app_use_only_each_others_front_door():
    """cli/ may start the app (``reflectiejournaal.app``); the app never imports cli/."""
    crossing = []
    for module, imported in GRAPH.items():
        top = _top(module)
        for target in imported:
            if top == "cli" and _top(target) in ("screens", "widgets"):
                crossing.append(f"{module} -> {target}")
            if top in UI and _top(target) == "cli":
                crossing.append(f"{module} -> {target}")
    assert crossing == []


def test_no_module_imports_itself_back():
    """No circle of imports, of any length (screens navigate through the app instead)."""
    circles = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if target in _packages_of(module):
                continue
            if state.get(target) == 1:
                circles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert circles == [], "\n".join(circles)


def test_only_the_app_imports_textual_or_rich():
    outside = [f"{m} -> {i}" for m, p in MODULES.items() if _top(m) not in UI
               for i in _imports(p) if i.split(".")[0] in GUI_LIBRARIES]
    assert outside == []


def test_the_command_line_runs_without_textual_or_rich():
    """What the AST shows, confirmed by a real import of every module outside the app."""
    names = [m for m in MODULES if _top(m) not in UI and m != "reflectiejournaal.__main__"]
    code = "; ".join(f"import {m}" for m in names) + "; import sys; print(sorted(" \
        "m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
