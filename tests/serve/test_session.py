"""What each tab's process does before the app: its data file, the lock, the notice."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.serve.helpers import order_status
from tui.serve import session
from tui.serve.server import ClassServer, ServeSettings
from tui.store.lock import InstanceLock


class Recorder:
    """Stands in for the app (`tui.cli.main`) or the notice: records how it was called."""

    def __init__(self, exit_code: int | None = None) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.exit_code = exit_code

    def __call__(self, *args: object) -> None:
        self.calls.append(args)
        if self.exit_code is not None:
            raise SystemExit(self.exit_code)


def test_a_visitor_gets_a_fresh_copy_removed_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def app(argv: list[str]) -> None:
        db = Path(argv[argv.index("--db") + 1])
        seen.append(order_status(db))
        assert argv[:1] == ["run"] and argv[-2:] == ["--lang", "sw"]
        raise SystemExit(2)  # even an app that fails leaves nothing behind

    monkeypatch.setattr(session, "app_main", app)
    with pytest.raises(SystemExit):
        session.main(["--lang", "sw", "visitor", "--temp-root", str(tmp_path)])
    assert seen == ["awaiting_shipment"]
    assert list(tmp_path.iterdir()) == []


def test_a_trainee_file_is_made_once_from_the_demo_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Recorder()
    monkeypatch.setattr(session, "app_main", app)
    session.main(["trainee", "--class-dir", str(tmp_path), "amina-juma"])
    db = tmp_path / "amina-juma.json"
    assert app.calls == [(["run", "--db", str(db)],)]
    assert order_status(db) == "awaiting_shipment"
    db.write_text(db.read_text() + " ")  # any change of the trainee's
    before = db.read_bytes()
    session.main(["trainee", "--class-dir", str(tmp_path), "amina-juma"])
    assert db.read_bytes() == before  # the trainee's work is kept, never reset


def test_a_file_open_elsewhere_gets_the_notice_not_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, notice = Recorder(), Recorder()
    monkeypatch.setattr(session, "app_main", app)
    monkeypatch.setattr(session, "show_notice", notice)
    with InstanceLock(tmp_path / "amina.json"):
        session.main(["--lang", "en", "trainee", "--class-dir", str(tmp_path), "amina"])
    assert app.calls == []
    assert notice.calls == [("serve.in_use", "amina", session.Language.ENGLISH, "")]


def test_a_tab_that_loses_the_race_for_the_file_still_gets_the_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tab takes the lock between the check and the app's own: the app refuses
    (status 2, before it draws anything) and this tab is shown the notice."""
    db = tmp_path / "amina.json"
    other = InstanceLock(db)

    def app(argv: list[str]) -> None:
        other.acquire()
        raise SystemExit(2)

    notice = Recorder()
    monkeypatch.setattr(session, "app_main", app)
    monkeypatch.setattr(session, "show_notice", notice)
    try:
        session.main(["trainee", "--class-dir", str(tmp_path), "amina"])
    finally:
        other.release()
    assert [call[0] for call in notice.calls] == ["serve.in_use"]


def test_an_app_that_fails_for_another_reason_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session, "app_main", Recorder(exit_code=2))
    monkeypatch.setattr(session, "show_notice", Recorder())
    with pytest.raises(SystemExit) as stopped:
        session.main(["trainee", "--class-dir", str(tmp_path), "amina"])
    assert stopped.value.code == 2


def test_a_folder_in_the_way_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "amina.json").mkdir()
    notice = Recorder()
    monkeypatch.setattr(session, "show_notice", notice)
    session.main(["trainee", "--class-dir", str(tmp_path), "amina"])
    assert notice.calls == [
        ("serve.cannot_open", "amina", None, "amina.json: is a folder, not a file")
    ]


def test_a_name_that_is_not_a_file_name_form_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        session.main(["trainee", "--class-dir", str(tmp_path), "../amina"])
    assert stopped.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_the_session_command_survives_odd_folder_names(tmp_path: Path) -> None:
    class_dir = tmp_path / "class 'A'; rm -rf ~"
    server = ClassServer(ServeSettings("127.0.0.1", 0, class_dir=class_dir), tmp_path)
    command = server.session_command("sw", "amina")
    assert command.startswith("exec ")
    words = shlex.split(command.removeprefix("exec "))
    assert words[1:] == [
        "-m",
        "tui.serve.session",
        "--lang",
        "sw",
        "trainee",
        "--class-dir",
        str(class_dir),
        "amina",
    ]
