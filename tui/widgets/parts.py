"""Styles of the parts a one-widget drawing is made of, read from its component classes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.styles import RenderStyles
from textual.dom import DOMNode
from textual.style import Style
from textual.widget import Widget

if TYPE_CHECKING:
    _MixinBase = Widget
else:
    _MixinBase = object  # a Widget base here would change the widgets' CSS type names


def part_style(widget: Widget, component: str, *, keep_background: bool = False) -> Style:
    """A component class's colour and text style (bold, italic), to draw a part over the
    widget's own background (highlighted or not); with ``keep_background`` a background the
    class sets is kept as written."""
    styles = widget.get_component_styles(component)
    full = widget.get_visual_style(component)
    coloured = styles.has_rule("color")
    background = styles.background if keep_background and styles.has_rule("background") else None
    return Style(
        background=background,
        foreground=full.foreground if coloured else None,
        bold=full.bold,
        italic=full.italic,
    )


class RememberedParts(_MixinBase):
    """Mixin for widgets drawn in parts (component classes): a widget remembers its parts'
    styles for each state it has been in.

    Textual works out every part's styles each time it styles a widget: as it mounts, and
    again at each change of the widget's or an ancestor's state (focus, a class). With a
    dozen parts, a widget cost as much to style as a dozen widgets, and a page's list lost
    ~10 ms each time it lost focus. Here Textual works them out once per state: the state
    is the classes and pseudo-classes of the widget and of each of its ancestors, and the
    app's styles (theme included), which is all a rule can select a part by.
    """

    _parts_by_state: dict[tuple[object, ...], dict[str, RenderStyles]] | None = None
    _parts_state: tuple[object, ...] | None = None

    def _state(self) -> tuple[object, ...]:
        nodes = self.ancestors_with_self
        return (
            self.app._css_update_count,
            *((n._id, frozenset(n._classes), n._pseudo_classes_cache_key) for n in nodes),
        )

    def _get_component_classes(self) -> frozenset[str]:  # type: ignore[override]
        self._remember_parts()  # what the last styling worked out, if not yet kept
        state = self._state()
        known = self._parts_by_state.get(state) if self._parts_by_state else None
        if known is None:
            self._parts_state = state  # Textual styles the parts now: kept at the next read
            return self._parts_to_style()
        self._component_styles = dict(known)
        return frozenset()

    @classmethod
    def _all_component_classes(cls) -> frozenset[str]:
        return super()._get_component_classes()

    def _parts_to_style(self) -> frozenset[str]:
        """The parts Textual styles with the widget: all of them, unless a widget knows
        which it draws (the others are styled when first read: `get_component_styles`)."""
        return type(self)._all_component_classes()

    def get_component_styles(self, *names: str) -> RenderStyles:
        self._remember_parts()
        missing = [name for name in names if name not in self._component_styles]
        if missing:
            self._style_parts(missing)
        return super().get_component_styles(*names)

    def _style_parts(self, names: list[str]) -> None:
        """Style parts now, as Textual styles them with the widget (a node of the part's
        class under the widget), and remember them with the others of this state."""
        assert all(name in self._all_component_classes() for name in names), names
        remembered = self._parts_by_state.get(self._state()) if self._parts_by_state else None
        for name in names:
            part = DOMNode(classes=name)
            part._attach(self)
            self.app.stylesheet.apply(part, animate=False)
            self._component_styles[name] = part.styles
            if remembered is not None:
                remembered[name] = part.styles

    def _remember_parts(self) -> None:
        """Keep the parts' styles Textual worked out at the last styling, for its state
        (kept at the next read or styling: Textual sets them after asking for the parts)."""
        state, self._parts_state = self._parts_state, None
        if state is not None and self._component_styles:
            if self._parts_by_state is None:
                self._parts_by_state = {}
            self._parts_by_state[state] = dict(self._component_styles)
