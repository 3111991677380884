"""What screens and widgets may ask of the app, as a Protocol: no module imports `tui.app`.

The app (`tui.app.CancelOrderApp`) satisfies it; screens and widgets reach it through the
`AppContext` mixin. Keeping this apart breaks what would otherwise be a cycle (the app
imports the screens, the screens need the app's translator and service).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from tui.domain.errors import DomainError

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tui.flow import Flow
    from tui.i18n import Translator
    from tui.service import OrderService


class Host(Protocol):
    """The running app as the pages see it."""

    @property
    def translator(self) -> Translator: ...

    @property
    def service(self) -> OrderService: ...

    @property
    def flow(self) -> Flow: ...

    def shown_generation(self) -> tuple[object, ...]:
        """Changes whenever what any page shows may have changed: the data, the clock or the
        language. A page drawn for an older generation redraws when it is shown again."""
        ...


if TYPE_CHECKING:
    _MixinBase = DOMNode
else:
    _MixinBase = object  # a DOMNode base here would hide Screen from CSS type selectors


class AppContext(_MixinBase):
    """Mixin for screens and widgets: typed access to the app's translator and service."""

    @property
    def host(self) -> Host:
        return cast(Host, self.app)

    @property
    def t(self) -> Translator:
        return self.host.translator

    @property
    def service(self) -> OrderService:
        return self.host.service

    def error_text(self, error: DomainError) -> str:
        """A rule's refusal in the current language, with the status named as the buyer sees it."""
        params = dict(error.params)
        if "status" in params:
            params["status"] = self.t(f"status.{params['status']}")
        return self.t(error.key, **params)
