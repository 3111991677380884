"""Contract tests for the private names `tui/compat.py` uses: each fails loudly when the
dependency changes the name, instead of the app going wrong silently."""

from __future__ import annotations

import ast
from pathlib import Path

from tui.compat import served_process
from tui.serve.server import Session

PACKAGE = Path(__file__).resolve().parent.parent / "tui"


def test_textual_serve_keeps_a_sessions_process_where_compat_reads_it() -> None:
    service = Session("true", write_bytes=None, write_str=None, close=None, download_manager=None)  # type: ignore[arg-type]
    assert "_process" in vars(service), "textual-serve's AppService no longer sets _process"
    assert served_process(service) is None  # no process before the session starts


def test_private_names_of_dependencies_appear_only_in_compat() -> None:
    """A string naming a private attribute (``getattr(x, "_name")``) counts too."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            is_getattr = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"getattr", "hasattr", "setattr"}
            )
            if is_getattr and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                name = node.args[1].value
                if isinstance(name, str) and name.startswith("_") and not name.startswith("__"):
                    found.append(f"{path.name}: {name}")
    assert found == []
