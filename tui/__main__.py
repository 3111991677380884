"""`python -m tui` and the `cancel-order` command: see `tui.cli`.

The cyclic garbage collector is off while the program starts: importing Textual, pydantic
and the app builds only what lives as long as the program, and full collections of it
meanwhile are wasted time (tens of ms of a start). `tui.cli` turns the collector back on
once the data is loaded (`load_for_good`) or, for the commands that run no app, at once.
"""

import gc

gc.disable()

from tui.cli import main  # noqa: E402  (after the collector is off: its imports count)

__all__ = ["main"]

if __name__ == "__main__":
    main()
