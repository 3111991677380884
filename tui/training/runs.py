"""A training run's private data file: written from the scenario's start, read back to grade.

The copy is built in a temporary folder beside the target and appears under its name only
when whole and valid (loaded back by the store), so a failure leaves nothing behind. It
records which scenario it is for and where the run began in a table of its own
(`training_run`), which the store keeps as it is through every save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, ValidationError

from tui.store.demo import default_db_path, demo_path
from tui.store.dump import dump
from tui.store.errors import StoreError
from tui.store.files import fsync_dir
from tui.store.load import load_snapshot
from tui.store.repository import Repository
from tui.store.storage import SafeJSONStorage
from tui.store.validate import Snapshot
from tui.training.checks import EndState
from tui.training.errors import RunError, ScenarioError
from tui.training.loader import base_of, start_of
from tui.training.scenario import Scenario

RUN_TABLE = "training_run"


class RunRecord(BaseModel):
    """What the copy says about itself: its scenario, and where the run began."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scenario: str = Field(min_length=1, max_length=64)
    events_at_start: StrictInt = Field(ge=0)
    clock_at_start: AwareDatetime


def start_run(scenario: Scenario, target: Path, *, base_path: Path | None = None) -> Path:
    """Write the scenario's starting state to `target`, a new file, and return its path.

    Refuses a path that exists, the demo data, and the per-user data file: a run never
    touches anyone's data. Raises `RunError` (or `ScenarioError` for a step the rules refuse).
    """
    base_path = demo_path() if base_path is None else base_path
    _check_target(target, base_path)
    folder = Path(tempfile.mkdtemp(prefix=".training-", dir=target.parent))
    try:
        work = folder / target.name
        shutil.copyfile(base_path, work)
        _apply_start(scenario, work)
        _publish(work, target)
    except StoreError as error:
        raise RunError(str(error)) from None
    except OSError as error:
        raise RunError(f"{target}: cannot write the training copy ({error.strerror})") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return target


def end_state(path: Path, scenario: Scenario) -> EndState:
    """The run's data file as the checks see it; raises `RunError` (one line)."""
    try:
        snapshot = load_snapshot(path)
    except StoreError as error:
        raise RunError(str(error)) from None
    record = run_record(path, snapshot)
    if record.scenario != scenario.id:
        raise RunError(f"{path}: a copy for scenario '{record.scenario}', not '{scenario.id}'")
    return EndState(
        orders=snapshot.orders,
        events=tuple(snapshot.events),
        clock=snapshot.meta.clock,
        start_events=record.events_at_start,
        start_clock=record.clock_at_start,
    )


def run_record(path: Path, snapshot: Snapshot) -> RunRecord:
    documents = snapshot.extra.get(RUN_TABLE)
    if not documents or len(documents) != 1:
        raise RunError(
            f"{path}: not a training copy (no '{RUN_TABLE}' record; was the demo data put back?)"
        )
    try:
        return RunRecord.model_validate(next(iter(documents.values())))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RunError(f"{path}: table '{RUN_TABLE}': {where}: {first['msg']}") from None


def _check_target(target: Path, base_path: Path) -> None:
    if target.exists() or target.is_symlink():
        raise RunError(f"{target}: already exists; a run needs a new file")
    if not target.parent.is_dir():
        raise RunError(f"{target}: its folder does not exist")
    resolved = target.parent.resolve() / target.name
    for kept in (demo_path(), default_db_path(), base_path):
        if resolved == kept.parent.resolve() / kept.name:
            raise RunError(f"{target}: is not a private copy (it is {kept})")


def _apply_start(scenario: Scenario, work: Path) -> None:
    """The steps through the rules, saved by the repository; then the run's record."""
    repo = Repository.open(work)
    try:
        base = base_of(load_snapshot(work))
        start = start_of(scenario, base)
        repo.commit(start.state, start.events, repo.meta.model_copy(update={"clock": start.clock}))
    except ScenarioError:
        repo.close()
        raise
    repo.close()
    snapshot = load_snapshot(work)
    record = RunRecord(
        scenario=scenario.id, events_at_start=len(snapshot.events), clock_at_start=start.clock
    )
    snapshot.extra[RUN_TABLE] = {"1": record.model_dump(mode="json")}
    storage = SafeJSONStorage(work, backup=False)
    storage.write_bytes(dump(snapshot))
    storage.close()
    run_record(work, load_snapshot(work))  # whole and valid, as the app will read it


def _publish(work: Path, target: Path) -> None:
    """Give the finished copy its name without ever replacing a file that appeared there."""
    try:
        os.link(work, target)
    except FileExistsError:
        raise RunError(f"{target}: already exists; a run needs a new file") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        if target.exists():
            raise RunError(f"{target}: already exists; a run needs a new file") from None
        os.replace(work, target)
    with contextlib.suppress(FileNotFoundError):
        work.unlink()
    fsync_dir(target.parent)
