# The visual checks' two refresh commands, run from the repository's top folder.
# Another interpreter: make screenshots PYTHON=path/to/python

PYTHON ?= .venv/bin/python

.PHONY: screenshots snapshots-update visuals

# screenshots/: an SVG of every step of both flows, and guide.en.md / guide.sw.md.
# tests/test_screenshots.py fails until this is run after a change to what a screen shows.
screenshots:
	$(PYTHON) -m tui screenshots

# Accept the current look of every snapshot test (tests/snapshots/__snapshots__/).
# Review the difference first: see "Pictures and visual tests" in README.md.
snapshots-update:
	$(PYTHON) -m pytest tests/snapshots --snapshot-update

visuals: snapshots-update screenshots
