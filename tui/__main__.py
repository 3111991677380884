"""`python -m tui` and the `cancel-order` command: see `tui.cli`.

The cyclic garbage collector is off from here to the app's first frame: start-up builds
only what lives as long as the app (modules, the first page), so collecting it meanwhile is
wasted (~13 ms of a ~250 ms start). `IdleCollector.start` turns it back on, once what was
built is frozen out of its sight; the commands that run no app turn it on in `tui.cli`.
"""

import gc

gc.disable()

from tui.cli import main  # noqa: E402  (after the collector is off: its imports count)

__all__ = ["main"]

if __name__ == "__main__":
    main()
