"""Scenario files: the shipped ones load; a bad one is refused with one line naming the file
and the field, whatever is wrong with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.training.helpers import shipped
from tui.training.errors import ScenarioError
from tui.training.loader import field_path, find, load_scenario, load_scenarios
from tui.training.setup import AdvanceStep, CancelStep, SetOrderStep

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"

GOOD = """\
id = "{id}"
view = "{view}"
max_score = 10

title.en = "A title"
title.sw = "Kichwa"
message.en = "The customer's message"
message.sw = "Ujumbe wa mteja"
goal.en = "The goal"
goal.sw = "Lengo"

[[checks]]
id = "requested"
kind = "status"
order = "8197345062098812"
status = "cancellation_requested"
rule.en = "A rule"
rule.sw = "Kanuni"
"""

CHOOSE = """
[[checks]]
id = "question"
kind = "choose"
question.en = "Which?"
question.sw = "Ipi?"
rule.en = "A rule"
rule.sw = "Kanuni"
[[checks.statements]]
id = "a"
correct = true
en = "Right"
sw = "Sahihi"
[[checks.statements]]
id = "b"
correct = {second}
en = "Wrong"
sw = "Si sahihi"
"""


def write(folder: Path, text: str, name: str = "x") -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def good(name: str = "x", view: str = "app") -> str:
    return GOOD.format(id=name, view=view)


def test_the_shipped_scenarios_load_in_list_order() -> None:
    scenarios = shipped()
    assert len(scenarios) >= 12
    assert [s.position for s in scenarios] == sorted(s.position for s in scenarios)
    assert {s.view for s in scenarios} == {"app", "web", "desk"}
    for scenario in scenarios:
        assert scenario.title.en != scenario.title.sw


def test_a_good_file_loads(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, good()))
    assert scenario.id == "x" and scenario.max_score == 10 and scenario.hints == []


def test_the_documented_example_is_a_valid_scenario(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    example = next(block for block in blocks if block.startswith("id = "))
    name = re.match(r'id = "([^"]+)"', example)
    assert name is not None
    scenario = load_scenario(write(tmp_path, example, name.group(1)))
    assert scenario.start.steps and scenario.hints and scenario.checks


BAD: list[tuple[str, str, str]] = [
    # (what is wrong, how to break the good file, the one line must say)
    ("not TOML", "id = \n", "not valid TOML"),
    ("a missing field", good().replace("max_score = 10\n", ""), "max_score: Field required"),
    ("an unknown view", good(view="phone"), "view: Input should be 'app', 'web' or 'desk'"),
    (
        "a typo in a field",
        good().replace("max_score", "max_scor"),
        "max_scor: unknown field (a typo?)",
    ),
    ("a missing Swahili text", good().replace('title.sw = "Kichwa"\n', ""), "title.sw: Field"),
    (
        "an unknown check kind",
        good().replace('kind = "status"', 'kind = "colour"'),
        "checks[0]: Input tag 'colour'",
    ),
    (
        "an unknown status",
        good().replace('"cancellation_requested"', '"lost"'),
        "checks[0].status: Input should be",
    ),
    (
        "an unknown order",
        good().replace("8197345062098812", "12345678"),
        "checks[0].order: unknown order 12345678",
    ),
    (
        "an order number that is not one",
        good().replace("8197345062098812", "123"),
        "checks[0].order: String should match pattern",
    ),
    (
        "an unknown order in a step",
        good() + '[[start.steps]]\ndo = "withdraw"\norder = "12345678"\n',
        "start.steps[0].order: unknown order 12345678",
    ),
    (
        "a step the rules refuse",
        good()
        + '[[start.steps]]\ndo = "cancel"\norder = "8197345062051198"\nreason = "wrong_item"\n',
        "start.steps[0]: This order can't be cancelled now",
    ),
    (
        "an unknown step",
        good() + '[[start.steps]]\ndo = "teleport"\n',
        "start.steps[0]: Input tag 'teleport'",
    ),
    (
        "a time without a zone",
        good() + '[[start.steps]]\ndo = "advance"\nto = 2026-11-22T16:00:00\n',
        "start.steps[0].to: Input should have timezone info",
    ),
    (
        "a clock moved backward",
        good() + '[[start.steps]]\ndo = "advance"\nto = 2026-11-01T16:00:00+03:00\n',
        "start.steps[0]: 'to' is earlier than the clock",
    ),
    (
        "a time span that is not one",
        good() + '[[start.steps]]\ndo = "advance"\nby = "soon"\n',
        "start.steps[0]: 'soon' is not a time span",
    ),
    (
        "a bad value set on an order",
        good() + '[[start.steps]]\ndo = "set_order"\norder = "8197345062098812"\n'
        'status = "teleported"\n',
        "start.steps[0].status: Input should be",
    ),
    (
        "a question outside the desk",
        good() + CHOOSE.format(second="false"),
        "file: 'choose' checks (statements to pick) are for desk scenarios only",
    ),
    (
        "a question whose every statement is right",
        good(view="desk") + CHOOSE.format(second="true"),
        "checks[1]: needs at least one correct and one wrong statement",
    ),
    (
        "two checks with one id",
        good() + good().split("\n\n[[checks]]")[1].join(["\n[[checks]]", ""]),
        "check ids appear twice: requested",
    ),
    (
        "a negative hint cost",
        good() + '[[hints]]\nen = "h"\nsw = "d"\ncost = -1\n',
        "hints[0].cost",
    ),
    ("an id unlike the file name", good(name="other"), "id: 'other' must match the file name 'x'"),
]


@pytest.mark.parametrize(("text", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_file_gives_one_line_naming_file_and_field(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: "), message
    assert expected in message, message


def test_a_file_that_is_not_text_or_not_a_file(tmp_path: Path) -> None:
    binary = tmp_path / "x.toml"
    binary.write_bytes(b'id = "\xff"\n')
    with pytest.raises(ScenarioError, match="not a text file"):
        load_scenario(binary)
    with pytest.raises(ScenarioError, match="not a scenario file"):
        load_scenario(tmp_path)
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 300_000)
    with pytest.raises(ScenarioError, match="too large"):
        load_scenario(huge)


def test_a_folder_with_a_bad_file_names_that_file(tmp_path: Path) -> None:
    write(tmp_path, good("a"), "a")
    bad = write(tmp_path, good("b").replace('view = "app"', 'view = "fax"'), "b")
    with pytest.raises(ScenarioError, match=re.escape(f"{bad}: view")):
        load_scenarios(tmp_path)


def test_an_unknown_scenario_id_lists_the_known_ones() -> None:
    with pytest.raises(ScenarioError) as raised:
        find(shipped(), "nope")
    assert "unknown scenario 'nope'" in str(raised.value)
    assert "paid-unshipped-app" in str(raised.value)


def test_field_paths_drop_the_union_tag() -> None:
    assert field_path(("checks", 2, "status", "order")) == "checks[2].order"
    assert field_path(("start", "steps", 0, "advance", "to")) == "start.steps[0].to"
    assert field_path(("title", "sw")) == "title.sw"
    assert field_path(()) == "file"


def test_step_models_reject_what_makes_no_sense() -> None:
    with pytest.raises(ValueError, match="either 'by'"):
        AdvanceStep(do="advance")
    with pytest.raises(ValueError):
        CancelStep.model_validate({"do": "cancel", "order": "8197345062098812", "reason": "x"})
    assert SetOrderStep(do="set_order", order="8197345062098812").status is None
