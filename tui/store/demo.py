"""The bundled demo data, the per-user DB file made from it, and putting it back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import user_data_path

DEMO_FILE_NAME = "demo.json"


def demo_path() -> Path:
    """The shipped demo DB: inside the installed package, or `data/` in a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "_bundled" / DEMO_FILE_NAME
    if installed.is_file():
        return installed
    return package_dir.parent / "data" / DEMO_FILE_NAME


def default_db_path() -> Path:
    """The per-user data file (e.g. ~/.local/share/cancel-order/orders.json)."""
    return user_data_path("cancel-order", appauthor=False) / "orders.json"


def install_demo(target: Path) -> None:
    """Write the demo data to `target` atomically: a crash leaves the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    data = demo_path().read_bytes()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    # The journal of the file replaced, if any, no longer applies (and would be ignored).
    target.with_name(target.name + ".journal").unlink(missing_ok=True)
