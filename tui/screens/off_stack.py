"""Pages got ready where nobody sees them: built, refilled and laid out off the stack.

A step that shows a page already built, filled and laid out costs a fraction of one that
does it all after the key press; these helpers do it in the moments between (see `Kept`).
They reach into Textual's private `App._register`, `Screen._refresh_layout` and the
compositor (textual is pinned in pyproject.toml).
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen


def build_off_stack(app: App[Any], page: Screen[Any]) -> None:
    """Compose and mount ``page`` now, unseen (Textual's private `App._register`); a page
    (not a dialog) is then laid out at the screen's size and drawn off screen, which sizes
    its lists. Shown later, its widgets already have their sizes: My orders built unseen
    without that was laid out three times when first shown (each widget learning its size,
    then the list its lines and its scroll bar), ~20 ms more than when shown again.

    A dialog is only laid out, and only if it says so (``LAID_OUT_UNSEEN``): the app's
    sheets, the width of the phone, then first show ~8 ms sooner; the website's More menu,
    placed under the card it was opened from, showed ~30 ms later (A/B of both walks)."""
    app._register(app, page)
    if not page.is_modal:
        page.call_later(lay_out_unseen, page)
    elif getattr(page, "LAID_OUT_UNSEEN", False):
        page.call_later(_lay_out_dialog, page)


def _lay_out_dialog(page: Screen[Any]) -> None:
    if page.is_mounted and page.is_attached and not page.is_current:
        page._refresh_layout(page.app.size)


def input_waiting(app: App[Any]) -> bool:
    """Whether a key (or other event) is queued for the app: work that can wait for a
    quiet moment should, rather than delay it."""
    return not app._message_queue.empty()


def lay_out_unseen(page: Screen[Any]) -> None:
    """Lay ``page`` out at the screen's size and draw it off screen, if it is built and not
    shown: when it is shown, its widgets already have their sizes (see `build_off_stack`)."""
    if page.is_mounted and page.is_attached and not page.is_current:
        # Textual clears a container's cached arrangement only when a changed child is next
        # idle: a page refilled a moment ago would be laid out as it was (sizes of before).
        for widget in page.query("*"):
            widget._clear_arrangement_cache()
        page._refresh_layout(page.app.size)
        page._compositor.render_full_update()  # lists measure their lines as they draw
        page._refresh_layout(page.app.size)  # ...and their scroll bars appear
