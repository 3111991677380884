"""Which file a `--db PATH` really is, checked before anything is locked, created or read.

Every file the app makes for a data file (its journal, lock files, temporary files, the
backup, kept copies) goes beside the *real* file, in its own folder, and is named after it:
a symlink is resolved first, so a second app reaching the same file through another name
finds the same lock, and saving writes through the link to its target (the link stays a
link). A special file (`/dev/null`, a FIFO) is refused before any file is made beside it.

Hard links are refused: the app saves by writing a new file and renaming it over the old
one (so a crash never leaves half a file), which would leave the file's other names holding
the old data, and two apps could each lock a different name of the same file. The app's
own second name for a file (its `.bak`, or a temporary file a killed save left) is fine.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.store.errors import StoreError
from tui.store.reading import check_regular


def real_path(path: Path) -> Path:
    """``path`` with every symlink resolved (a dangling link: the file it names)."""
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError) as error:  # a loop of links
        raise StoreError(path, f"cannot follow its symbolic links ({error})") from None


def data_file(path: Path, *, to_replace: bool = False) -> tuple[Path, bool]:
    """The real file ``path`` names, and whether it exists; `StoreError` (one line) if it
    can't be a data file: a folder, a special file, a hard link, a missing folder, a file
    too large to load — unless it is ``to_replace`` (by `reset` or `restore`, which copy
    it aside whatever its size)."""
    real = real_path(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise StoreError(path, "its folder does not exist") from None
        return real, False
    except OSError as error:
        raise StoreError(path, f"cannot read the file ({error.strerror})") from None
    check_regular(path, st, sized=not to_replace)
    others = st.st_nlink - 1 - _own_links(real, st)
    if others > 0:
        raise StoreError(
            path,
            f"is a hard link (the file has {st.st_nlink} names); the app replaces the file "
            "when it saves, which would leave the other names with the old data: use a copy "
            "or a symbolic link",
        )
    return real, True


def _own_links(real: Path, st: os.stat_result) -> int:
    """How many of the file's other names are the app's own: the backup, and temporary
    files of a save that was killed (the next save sweeps them)."""
    if st.st_nlink == 1:
        return 0
    own = 0
    prefix, name = f".{real.name}.", f"{real.name}.bak"
    try:
        with os.scandir(real.parent) as entries:
            for entry in entries:
                mine = entry.name == name or (
                    entry.name.startswith(prefix) and entry.name.endswith(".tmp")
                )
                if mine and entry.inode() == st.st_ino and not entry.is_symlink():
                    own += 1
    except OSError:
        return 0
    return own
