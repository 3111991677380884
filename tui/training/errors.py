"""Training's errors: each message is one line fit for the terminal, naming what is wrong."""

from __future__ import annotations


class TrainingError(Exception):
    """Something training can't use: a scenario, a run's data file, the results file."""


class ScenarioError(TrainingError):
    """A scenario file (or a scenario id) can't be used."""


class RunError(TrainingError):
    """A run's private data file can't be made or read."""
