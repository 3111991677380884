"""The key bar at the bottom of every screen: one widget drawing one line of text.

It shows what the focused widget and the screen offer, as Textual's `Footer` does, with
three differences the app needs: each key's name comes from the catalogs in the current
language (bindings hold catalog keys, ``"key.back"``; Textual's own widgets' keys are named
in the ``textual_key`` table, and a key with no name there is not shown), a key that
doesn't fit is left out whole rather than cut mid-word, and disabled keys are dimmed.
A click on a key presses it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from tui.host import AppContext


class KeyHint(NamedTuple):
    """One key as the bar shows it, and where it is drawn."""

    key: str
    enabled: bool
    start: int
    end: int


class KeyFooter(AppContext, Widget, can_focus=False):
    """The keys of the current screen on one line; click one to press it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--palette",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--palette {
            color: $footer-description-foreground;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hints: list[KeyHint] = []
        self._hover: int | None = None
        self._drawn: tuple[object, ...] | None = None
        """What the bar last drew, to skip redrawing the same keys."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        """Redraw if the keys changed (Textual signals after every focus move)."""
        attached = self.is_attached and screen is self.screen
        if attached and self._keys(*self._shown_bindings()) != self._drawn:
            self.refresh()

    def _keys(
        self, bindings: list[tuple[Binding, bool]], palette: tuple[Binding, bool] | None
    ) -> tuple[object, ...]:
        """All a drawing of the bar depends on: its width, the lit key, the keys shown."""
        return (self.size.width, self._hover, *bindings, palette)

    # -- drawing -------------------------------------------------------------

    def _shown_bindings(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """Shown bindings, one per action as Textual's Footer does, and the palette's apart."""
        palette_key = self.app.COMMAND_PALETTE_BINDING
        by_action: dict[str, tuple[Binding, bool]] = {}
        palette: tuple[Binding, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                palette = (self._named(binding), enabled)
            elif binding.show and self.t.key_name(binding.description, binding.action):
                by_action.setdefault(binding.action, (self._named(binding), enabled))
        return list(by_action.values()), palette

    def _named(self, binding: Binding) -> Binding:
        """The binding with its name in the current language as its description."""
        name = self.t.key_name(binding.description, binding.action) or binding.description
        return replace(binding, description=name)

    def render(self) -> Text:
        bindings, palette = self._shown_bindings()
        self._drawn = self._keys(bindings, palette)
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        hints: list[KeyHint] = []
        width = self.size.width
        for binding, enabled in bindings:
            start = line.cell_len
            key = f" {self.app.get_key_display(binding)} "
            if width and start + cell_len(key) + cell_len(binding.description) + 1 > width:
                break  # a key that doesn't fit is left out whole, not cut mid-word
            index = len(hints)
            hovered = index == self._hover
            dim = Style(dim=not enabled)
            line.append(key, key_style + dim)
            line.append(
                f"{binding.description} ",
                (hover_style if hovered else description_style) + dim,
            )
            hints.append(KeyHint(binding.key, enabled, start, line.cell_len))
        if palette is not None:
            binding, enabled = palette
            label = Text.assemble(
                (f" {self.app.get_key_display(binding)} ", key_style),
                (f"{binding.description} ", self.get_component_rich_style("key-footer--palette")),
            )
            gap = width - line.cell_len - label.cell_len
            if gap >= 1:
                line.append(" " * gap)
                start = line.cell_len
                line.append_text(label)
                hints.append(KeyHint(binding.key, enabled, start, line.cell_len))
        self._hints = hints
        return line

    # -- mouse ---------------------------------------------------------------

    def _hint_at(self, x: int) -> int | None:
        return next((i for i, h in enumerate(self._hints) if h.start <= x < h.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._hint_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, _: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._hint_at(event.x)
        if index is None:
            return
        hint = self._hints[index]
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
