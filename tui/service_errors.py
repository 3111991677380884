"""The service's own refusals: the file could not be written, or changed under the app.

Both are `DomainError`s with a catalog key, so screens show them as one sentence like any
rule's refusal; after either, the app's state is what is on disk.
"""

from __future__ import annotations

from tui.domain.errors import DomainError


class DataChanged(DomainError):
    """Another window changed (or broke) the data file just now; nothing was saved."""


class SaveFailed(DomainError):
    """The change could not be written (a full disk, a read-only folder, an unusable lock
    file…): nothing changed, neither on disk nor in the app; ``reason`` says what the
    system said."""

    @classmethod
    def of(cls, error: OSError) -> SaveFailed:
        return cls("error.save_failed", reason=error.strerror or str(error))
