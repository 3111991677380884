"""The app is built on Textual's and Rich's public API, with no import cycles.

A private name of Textual's (or Rich's) is one its authors may change in any release, and
a use of one would go wrong silently on an upgrade. `tui/` uses none: no module of theirs
whose name starts with an underscore, and no ``_attribute`` that our own code doesn't
define. Where one ever pays its way, it goes in one compat module, with a contract test.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tui"
FOREIGN = ("textual", "rich")


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def own_private_names() -> set[str]:
    """Every ``_name`` our code defines: functions, classes, attributes, parameters."""
    names: set[str] = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return {name for name in names if name.startswith("_")}


def test_no_private_module_of_textual_or_rich_is_imported() -> None:
    found = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                private_module = parts[0] in FOREIGN and any(p.startswith("_") for p in parts)
                private_name = parts[0] in FOREIGN and any(
                    alias.name.startswith("_") for alias in node.names
                )
                if private_module or private_name:
                    found.append(f"{path.name}: from {node.module} import …")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    if parts[0] in FOREIGN and any(p.startswith("_") for p in parts):
                        found.append(f"{path.name}: import {alias.name}")
    assert found == []


def test_no_private_attribute_that_we_do_not_define_is_used() -> None:
    ours = own_private_names()
    found: dict[str, set[str]] = defaultdict(set)
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                name = node.attr
                if name.startswith("_") and not name.startswith("__") and name not in ours:
                    found[name].add(path.name)
    assert dict(found) == {}


def imports_of(path: Path) -> set[str]:
    """Every `tui` module ``path`` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tui"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("tui"))
    return names


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_no_import_cycles() -> None:
    """Including imports inside functions: a cycle there is still two modules that each
    need the other, just hidden until run time."""
    modules = {module_name(path): path for path in sources()}
    graph = {
        name: {target for target in imports_of(path) if target in modules and target != name}
        for name, path in modules.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert cycles == []


def test_widgets_never_import_screens() -> None:
    for path in sorted((PACKAGE / "widgets").rglob("*.py")):
        assert not {m for m in imports_of(path) if m.startswith("tui.screens")}, path.name


@functools.cache
def assigned_private_names(cls: type) -> frozenset[str]:
    """Private names a class's source defines: in its body (attributes, methods), and on
    ``self`` in its methods."""
    import inspect
    import textwrap

    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return frozenset()
    tree = ast.parse(source)
    names: set[str] = set()
    for item in tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []:
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(item.name)
        elif isinstance(item, ast.Assign):
            names.update(t.id for t in item.targets if isinstance(t, ast.Name))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            names.add(item.target.id)
    for node in ast.walk(tree):
        stored = isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
        if stored and isinstance(node.value, ast.Name) and node.value.id == "self":
            names.add(node.attr)
    return frozenset(name for name in names if name.startswith("_") and not name.startswith("__"))


def our_textual_classes() -> list[type]:
    """Every class in `tui` that derives from one of Textual's (screens, widgets, the app)."""
    import importlib
    import inspect

    from textual.dom import DOMNode

    found: list[type] = []
    for path in sources():
        module = importlib.import_module(module_name(path))
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                found.append(cls)
    return found


def test_our_private_names_never_shadow_textuals() -> None:
    """A screen or widget of ours that set ``self._closing`` (say) would silently change
    what Textual's own base class does with it (it did: a dismissed dialog stopped taking
    messages, and the next step of the flow never came)."""
    clashes: dict[str, set[str]] = defaultdict(set)
    for cls in our_textual_classes():
        textual_names: set[str] = set()
        for base in cls.__mro__:
            if base.__module__.split(".")[0] == "textual":
                textual_names |= assigned_private_names(base)
        for own in cls.__mro__:
            if own.__module__.split(".")[0] == "tui":
                for name in assigned_private_names(own) & textual_names:
                    clashes[f"{own.__module__}.{own.__qualname__}"].add(name)
    assert dict(clashes) == {}
