"""What every screen of ours needs: the translator, the service, the phone frame's parts."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rich.console import RenderableType
from textual import events, on
from textual._context import NoActiveAppError
from textual.app import App, ScreenStackError
from textual.binding import Binding
from textual.dom import DOMNode
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button

from tui.domain.errors import DomainError
from tui.i18n import Translator
from tui.screens.off_stack import build_off_stack
from tui.widgets.dimmed import DimmedScreen

if TYPE_CHECKING:
    from tui.app import CancelOrderApp
    from tui.service import OrderService


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


class StyledOnce(_MixinBase):
    """Mixin for our screens: styled once when pushed, not three times.

    Textual styles a new screen's widgets as they mount, then again when the screen is
    resumed (its first `ScreenResume` asks for it), and once more when its first `Resize`
    gives it its breakpoint class (``-wide``…). Both repeats restyle every widget and were
    a third of the time to open a page. Here the breakpoint classes are set before anything
    mounts, and the first resume skips the restyle of what was styled a moment ago.
    """

    _styled_on_mount = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        screen = cast("Screen[Any]", self)
        try:
            width, height = screen.app.size
        except NoActiveAppError:
            return  # built outside an app (a test): the first Resize sets the classes
        # Styled with today's styles as it mounts: nothing for a first show to re-read.
        screen._css_update_count = screen.app._css_update_count
        for dimension, breakpoints in (
            (width, screen.HORIZONTAL_BREAKPOINTS or screen.app.HORIZONTAL_BREAKPOINTS),
            (height, screen.VERTICAL_BREAKPOINTS or screen.app.VERTICAL_BREAKPOINTS),
        ):
            for name in screen._get_breakpoint_classes(dimension, breakpoints or []):
                screen.add_class(name, update=False)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before `Screen._on_screen_resume` (Textual calls both), adjusting its event."""
        if self._styled_on_mount:
            self._styled_on_mount = False
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        """Under an opaque page, keep changes for when this page shows again; under a
        dialog, don't repaint what the dialog's whole frame just drew.

        Textual repaints the page on top wherever the page just below it changed, even when
        the top one hides it completely: rebuilding the order page under the cancel result
        cost ~150 ms of repaints nobody could see. The hidden page repaints whole when it is
        shown again (its `ScreenResume`).
        """
        screen = cast("Screen[Any]", self)
        app = screen.app
        top = app.screen
        if top is not screen and top.styles.background.a == 1 and not app.is_inline:
            screen._compositor._dirty_regions.clear()
            screen._dirty_widgets.clear()
            screen._repaint_required = True
            return
        whole = (
            top is screen and screen._compositor.size.region in screen._compositor._dirty_regions
        )
        super()._compositor_refresh()  # type: ignore[misc]
        if whole and screen.is_modal and not app.is_inline:
            # Drawn whole, a dialog drew the pages under it as they are now (dimmed): what
            # they still had to repaint is in this frame. Textual would draw the dialog whole
            # again for it (pushing a dialog marks the page under it to repaint), ~12 ms.
            for below in app._background_screens:
                below._compositor._dirty_regions.clear()
                below._dirty_widgets.clear()
                below._repaint_required = False

    async def _on_resize(self, event: events.Resize) -> None:
        """A `Resize` to the size the screen (and each page seen under it) is already laid
        out at changes nothing: `Screen._on_resize` would lay it out and draw it again. The
        first page gets two as the app starts (one from the terminal, one from Textual),
        after its first layout; a page shown later gets one after its first resume."""
        screen = cast("Screen[Any]", self)
        laid_out = [screen, *screen.app._background_screens]
        if not self._styled_on_mount and all(
            page._compositor.size == event.size for page in laid_out
        ):
            event.prevent_default()


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


async def follow_language(screen: Screen[Any]) -> bool:
    """For a kept page about to be shown again: if the language was switched since its keys
    were translated (on mount, or by F2, which recomposes only the pages in the stack),
    translate them and compose the page again. True if it did."""
    translate = cast(AppContext, screen).t
    if getattr(screen, "_localized_in", None) is translate.language:
        return False
    localize_bindings(screen, translate)
    await screen.recompose()
    return True


async def discard_kept_page(page: Screen[Any] | None) -> None:
    """Uninstall and remove a page kept (installed) by another page that is closing."""
    if page is None:
        return
    try:
        page.app.uninstall_screen(page)
    except ScreenStackError:
        return  # still in a stack: the app is closing, and takes every page with it
    await page.remove()


WidgetT = TypeVar("WidgetT", bound=Widget)


def shown_if(widget: WidgetT, content: object) -> WidgetT:
    """``widget``, hidden while it has nothing to show."""
    widget.display = bool(content)
    return widget


ResultT = TypeVar("ResultT")
KeptT = TypeVar("KeptT", bound="Kept")


class Kept(_MixinBase):
    """Mixin for a screen the app keeps once built and refills each time it is shown.

    A step that builds a screen costs several times one that refills a kept one (widgets
    mounted and styled, the page laid out from nothing). `shown_for` gives the app's kept
    instance refilled for ``*args`` (`refill`), built (and kept) on first use. The screen's
    `__init__` takes the same arguments as `refill`, and its compose reads what `refill`
    sets; a language switch since it was last shown recomposes it (`follow_language`).
    """

    @classmethod
    async def shown_for(cls: type[KeptT], app: App[Any], *args: Any) -> KeptT:
        name = cls._kept_name()
        if not app.is_screen_installed(name):
            return cls._build(app, *args)
        screen = cast(KeptT, app.get_screen(name))
        page = cast("Screen[Any]", screen)
        screen.keep(*args)
        if page._parent is None:  # never shown nor built: it composes what it keeps, pushed
            return screen
        if not page.is_mounted:  # being built unseen (`build_unseen`) for another order
            await page._mounted_event.wait()
        await follow_language(page)
        await screen.refill()
        return screen

    @classmethod
    def build_unseen(cls, app: App[Any], *args: Any) -> None:
        """Build the kept screen now, off the stack, if it isn't yet: its first showing then
        only refills it. For idle moments (after a page is drawn)."""
        if not app.is_screen_installed(cls._kept_name()):
            build_off_stack(app, cast("Screen[Any]", cls._build(app, *args)))

    @classmethod
    def build_when_drawn(cls, page: Screen[Any], *args: Any) -> None:
        """Once ``page`` is drawn, build this kept screen unseen (if ``page`` is still shown):
        for the step the buyer is likely to take next from ``page``."""

        def build() -> None:
            if page.is_current:
                cls.build_unseen(page.app, *args)

        if not page.app.is_screen_installed(cls._kept_name()):
            page.call_after_refresh(build)

    @classmethod
    def _kept_name(cls) -> str:
        return f"kept-{cls.__name__}"

    @classmethod
    def _build(cls: type[KeptT], app: App[Any], *args: Any) -> KeptT:
        screen = cls(*args)
        app.install_screen(cast("Screen[Any]", screen), name=cls._kept_name())
        return screen

    def keep(self, *args: Any) -> None:
        """Take the arguments of what is shown next (as `__init__` does)."""
        raise NotImplementedError

    async def refill(self) -> None:
        """Show what `keep` took, in the widgets composed earlier."""
        raise NotImplementedError


class DialogScreen(AppContext, StyledOnce, ModalScreen[ResultT]):
    """What every dialog shares (the app's sheets, the website's boxes, the trainer's):
    key hints in the current language, and Escape to dismiss with `ESCAPE_RESULT`."""

    BINDINGS = [Binding("escape", "back", "key.back", id="back")]
    ESCAPE_RESULT: object = None

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self.refresh_bindings()

    def render(self) -> RenderableType:
        """The page underneath, dimmed, as Textual draws it, each style tinted only once."""
        drawn = super().render()
        if isinstance(drawn, BackgroundScreen):
            return DimmedScreen(drawn.screen, drawn.color)
        return drawn

    def action_back(self) -> None:
        self.dismiss(self.ESCAPE_RESULT)  # type: ignore[arg-type]

    async def refresh_data(self) -> None:
        """Redraw from the service after the data changed underneath (the trainer panel)."""
        await recompose_keeping_focus(self)


class YesNoDialog(DialogScreen[bool]):
    """A dialog that asks one question, answered by a ``#back`` and a ``#confirm`` button:
    True for Confirm, False for Back or Escape. ``AUTO_FOCUS`` is the button lit first."""

    ESCAPE_RESULT = False
    AUTO_FOCUS = "#confirm"

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(self.AUTO_FOCUS).focus()

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.dismiss(False)


def localize_bindings(node: DOMNode, translate: Translator) -> None:
    """Show binding descriptions in the current language (the node notes which).

    `BINDINGS` hold catalog keys (``"key.back"``) as descriptions; the originals are kept so
    switching language again translates from the key, not from the previous language.
    """
    node._localized_in = translate.language  # type: ignore[attr-defined]
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
