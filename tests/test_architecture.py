"""The layers: domain and store never import Textual; screens never touch TinyDB."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files_in(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((PACKAGE / folder).rglob("*.py"))]


@pytest.mark.parametrize("path", files_in("domain", "store", "training"), ids=lambda p: p.name)
def test_domain_store_and_training_do_not_import_textual(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.split(".")[0] in {"textual", "rich"}}


TRAINING_IO = {"loader", "runs", "results", "session", "report_command", "train_command"}
"""The training modules that read or write files; the others (models, checks, grading, the
report's figures and formats, the screens' words) are pure, like the domain."""


@pytest.mark.parametrize(
    "path",
    [p for p in files_in("training") if p.stem not in TRAINING_IO],
    ids=lambda p: p.name,
)
def test_training_grading_is_pure(path: Path) -> None:
    forbidden = {"tinydb", "tui.store", "os", "pathlib", "tui.service", "platformdirs", "shutil"}
    forbidden |= {f"tui.training.{name}" for name in TRAINING_IO}
    assert not {m for m in imported_modules(path) if m in forbidden or m.split(".")[0] in forbidden}
    assert "datetime.now" not in path.read_text()
    assert ".now()" not in path.read_text()


@pytest.mark.parametrize("path", files_in("domain"), ids=lambda p: p.name)
def test_domain_does_no_io(path: Path) -> None:
    forbidden = {"tinydb", "tui.store", "os", "pathlib", "tui.service"}
    assert not {m for m in imported_modules(path) if m in forbidden or m.split(".")[0] in forbidden}
    assert "datetime.now" not in path.read_text()
    assert ".now()" not in path.read_text().replace("def now()", "")


@pytest.mark.parametrize("path", files_in("screens", "widgets"), ids=lambda p: p.name)
def test_screens_use_the_service_not_the_store(path: Path) -> None:
    modules = imported_modules(path)
    assert not {m for m in modules if m.startswith(("tinydb", "tui.store"))}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_files_stay_small(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= 330


def test_screens_have_no_inline_css() -> None:
    for path in files_in("screens"):
        assert "DEFAULT_CSS" not in path.read_text(), path.name
