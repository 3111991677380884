"""`cancel-order serve` on the command line: bad input is one line and status 2, before
anything listens; a good one serves until Ctrl+C and cleans up after itself."""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.serve.helpers import serve_command
from tests.test_cli import assert_one_line_error
from tui.serve import command


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--port", "abc"], "--port takes a number from 0 to 65535, not 'abc'"),
        (["--port", "70000"], "not '70000'"),
        (["--port", "-1"], "not '-1'"),
        (["--host", "bad host"], "--host takes an IP address or a host name, not 'bad host'"),
        (["--host", "a/b"], "not 'a/b'"),
        (["--lang", "fr"], "unknown language 'fr' for --lang"),
        (["--code", "abc"], "--code needs 4 to 64 letters or digits"),
        (["--code", "no way!"], "--code takes letters and digits only"),
        (["--colour"], "unrecognized arguments: --colour"),
        (["--host", "192.0.2.1", "--code", "abcd1234"], "not an address of this machine"),
        (["--host", "no-such-host.invalid", "--code", "abcd1234"], "no-such-host.invalid"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    assert_one_line_error(run_cli("serve", "--port", "0", *args, home=tmp_path), expected)


def test_a_class_dir_must_be_a_writable_folder(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert_one_line_error(
        run_cli("serve", "--class-dir", str(a_file), home=tmp_path), "is not a folder"
    )
    missing = tmp_path / "no" / "class"
    assert_one_line_error(
        run_cli("serve", "--class-dir", str(missing), home=tmp_path), "parent folder does not exist"
    )


def test_an_unwritable_class_dir_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(command.tempfile, "mkstemp", refuse)
    with pytest.raises(command.ServeError, match="is not writable \\(Permission denied\\)"):
        command.check_class_dir(tmp_path)


def test_a_new_class_dir_is_made(tmp_path: Path) -> None:
    assert command.check_class_dir(tmp_path / "class-a") == (tmp_path / "class-a").resolve()
    assert (tmp_path / "class-a").is_dir()
    assert list((tmp_path / "class-a").iterdir()) == []


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = run_cli("serve", "--port", port, home=tmp_path)
    assert_one_line_error(result, f"127.0.0.1:{port}", "already in use")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("127.8.0.1", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("classroom.lan", False),
    ],
)
def test_only_loopback_goes_without_a_code(host: str, loopback: bool) -> None:
    assert command.is_loopback(command.check_host(host)) is loopback


def test_off_loopback_a_code_is_made_up_and_printed(tmp_path: Path) -> None:
    with serve_command(tmp_path, "--host", "0.0.0.0") as (process, _url):
        assert process.stdout is not None
        line = process.stdout.readline()
        assert re.fullmatch(r"Class code: [A-Z2-9]{4}-[A-Z2-9]{4} \(made up: .*\)\n", line)
        temp_roots = list(tmp_path.glob("cancel-order-serve-*"))
        assert len(temp_roots) == 1
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    assert not temp_roots[0].exists()  # the sessions' temporary folder goes with the server


def test_a_given_code_is_printed_and_asked(tmp_path: Path) -> None:
    with serve_command(tmp_path, "--code", "mango-2024", "--class-dir", str(tmp_path / "c")) as (
        process,
        url,
    ):
        assert process.stdout is not None
        assert process.stdout.readline() == "Class code: MANGO2024\n"
        assert url.startswith("http://127.0.0.1:")


def test_the_main_help_names_serve(tmp_path: Path) -> None:
    result = run_cli("--help", home=tmp_path)
    assert "serve [--host ADDR]" in result.stdout
    result = run_cli("serve", "--help", home=tmp_path)
    assert result.returncode == 0
    for text in ("--class-dir DIR", "--code CODE", "no TLS", "reverse proxy"):
        assert text in result.stdout
