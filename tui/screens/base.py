"""What every screen of ours needs: the translator, the service, the phone frame's parts."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tui.domain.errors import DomainError
from tui.i18n import Translator
from tui.service import OrderService

if TYPE_CHECKING:
    from tui.app import CancelOrderApp


if TYPE_CHECKING:
    _MixinBase = DOMNode
else:
    _MixinBase = object  # a DOMNode base here would hide Screen from CSS type selectors


class AppContext(_MixinBase):
    """Mixin for screens and widgets: typed access to the app's translator and service."""

    @property
    def cancel_app(self) -> CancelOrderApp:
        from tui.app import CancelOrderApp

        return cast(CancelOrderApp, self.app)

    @property
    def t(self) -> Translator:
        return self.cancel_app.translator

    @property
    def service(self) -> OrderService:
        return self.cancel_app.service

    def error_text(self, error: DomainError) -> str:
        """A rule's refusal in the current language, with the status named as the buyer sees it."""
        params = dict(error.params)
        if "status" in params:
            params["status"] = self.t(f"status.{params['status']}")
        return self.t(error.key, **params)


async def recompose_keeping_focus(screen: Screen[Any]) -> None:
    """Redraw a screen from the service and give focus back to the widget (by id) that had it,
    or to the screen's `AUTO_FOCUS` choice, so the keyboard user doesn't lose their place."""
    focused = screen.focused
    keep = focused.id if focused is not None else None
    await screen.recompose()
    for selector in (f"#{keep}" if keep else None, screen.AUTO_FOCUS):
        found = screen.query(selector) if selector else None
        if found:
            found.first().focus()
            return


def localize_bindings(node: DOMNode, translate: Translator) -> None:
    """Show binding descriptions in the current language.

    `BINDINGS` hold catalog keys (``"key.back"``) as descriptions; the originals are kept so
    switching language again translates from the key, not from the previous language.
    """
    originals: dict[str, list[Binding]] | None = getattr(node, "_catalog_bindings", None)
    if originals is None:
        originals = {key: list(found) for key, found in node._bindings.key_to_bindings.items()}
        node._catalog_bindings = originals  # type: ignore[attr-defined]
    node._bindings.key_to_bindings = {
        key: [
            replace(b, description=translate(b.description), tooltip="")
            if b.description.startswith("key.")
            else b
            for b in found
        ]
        for key, found in originals.items()
    }
