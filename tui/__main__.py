"""`python -m tui` and the `cancel-order` command: see `tui.cli`."""

from tui.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
