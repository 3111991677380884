"""Reading scenario files: every problem is one line naming the file and the field.

A file is read as TOML, validated by the `Scenario` model, then against the data it starts
from: each order a check or step names exists, and the start steps are ones the rules allow
(they are applied, in memory, exactly as a run will apply them).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.domain.state import State
from tui.i18n import Language, Translator
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.load import load_snapshot
from tui.store.validate import Snapshot
from tui.training.checks import CHECK_KINDS, order_of
from tui.training.errors import ScenarioError
from tui.training.scenario import Scenario
from tui.training.setup import STEP_KINDS, Base, Start, StepFailed, build_start

MAX_FILE_BYTES = 256 * 1024
"""A scenario is a page of text; anything larger is not one."""


def scenarios_dir() -> Path:
    """The shipped scenarios: inside the installed package, or `data/scenarios` in a checkout."""
    return demo_path().parent / "scenarios"


def base_of(snapshot: Snapshot) -> Base:
    """What a scenario starts from, out of a loaded data file (the demo data)."""
    state = State(
        snapshot.buyer, snapshot.stores, snapshot.orders, snapshot.refunds, snapshot.disputes
    )
    return Base(state, tuple(snapshot.events), snapshot.meta.clock, snapshot.meta.settings)


def demo_base() -> Base:
    try:
        return base_of(load_snapshot(demo_path()))
    except StoreError as error:
        raise ScenarioError(str(error)) from None


def load_scenarios(folder: Path | None = None, base: Base | None = None) -> list[Scenario]:
    """Every `*.toml` in `folder` (default: the shipped ones), in list order; the first bad
    file raises `ScenarioError`. Ids are unique: each is its file's name."""
    folder = scenarios_dir() if folder is None else folder
    if not folder.is_dir():
        raise ScenarioError(f"{folder}: no such folder of scenarios")
    base = demo_base() if base is None else base
    found: dict[str, Scenario] = {}
    for path in sorted(folder.glob("*.toml")):
        scenario = load_scenario(path, base)
        found[scenario.id] = scenario
    return sorted(found.values(), key=lambda s: (s.position, s.id))


def load_scenario(path: Path, base: Base | None = None) -> Scenario:
    """One scenario file, checked against `base` (default: the demo data)."""
    raw = _read_toml(path)
    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as error:
        problems = error.errors()
        # A misspelt field is both missing and unknown: the unknown one says what happened.
        first = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])
        where = field_path(first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "unknown field (a typo?)"
        raise ScenarioError(f"{path}: {where}: {_one_line(message)}") from None
    if path.stem != scenario.id:
        raise ScenarioError(f"{path}: id: '{scenario.id}' must match the file name '{path.stem}'")
    _check_against(path, scenario, demo_base() if base is None else base)
    return scenario


def start_of(scenario: Scenario, base: Base) -> Start:
    """The scenario's starting state from `base`; raises `ScenarioError` if a step fails."""
    try:
        return build_start(base, scenario.start.steps)
    except StepFailed as failed:
        problem = failed.problem
        if failed.key is not None:
            problem = Translator(Language.ENGLISH)(failed.key, **failed.params)
        raise ScenarioError(f"{scenario.id}: {failed.field}: {_one_line(problem)}") from None


def find(scenarios: Sequence[Scenario], scenario_id: str) -> Scenario:
    """The scenario with this id, or the one-line error that lists the ids there are."""
    for scenario in scenarios:
        if scenario.id == scenario_id:
            return scenario
    known = ", ".join(s.id for s in scenarios) or "none"
    raise ScenarioError(f"unknown scenario '{scenario_id}' (there are: {known})")


def field_path(loc: Sequence[int | str]) -> str:
    """Pydantic's error location as the file spells it: `checks[2].order`. A tagged
    union puts the tag in the location (`checks, 2, status, order`); the file has none."""
    parts: list[str] = []
    skip_tag = False
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
            skip_tag = True
            continue
        if skip_tag and part in (*CHECK_KINDS, *STEP_KINDS):
            skip_tag = False
            continue
        skip_tag = False
        parts.append(f".{part}" if parts else part)
    return "".join(parts) or "file"


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ScenarioError(f"{path}: not a scenario file (no such file, or not a regular file)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioError(f"{path}: cannot read the file ({error.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(f"{path}: too large for a scenario (over {MAX_FILE_BYTES} bytes)")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not a text file (it is not UTF-8)") from None
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path}: not valid TOML ({_one_line(str(error))})") from None


def _check_against(path: Path, scenario: Scenario, base: Base) -> None:
    orders = base.state.orders
    for index, check in enumerate(scenario.checks):
        order = order_of(check)
        if order is not None and order not in orders:
            raise ScenarioError(f"{path}: checks[{index}].order: unknown order {order}")
    for index, step in enumerate(scenario.start.steps):
        order = getattr(step, "order", None)
        if order is not None and order not in orders:
            raise ScenarioError(f"{path}: start.steps[{index}].order: unknown order {order}")
    try:
        start_of(scenario, base)
    except ScenarioError as error:
        raise ScenarioError(f"{path}: {str(error).removeprefix(scenario.id + ': ')}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())
