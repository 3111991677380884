"""A light theme close to the AliExpress app: white cards on grey, its red for what matters."""

from __future__ import annotations

from textual.theme import Theme

ALIEXPRESS_THEME = Theme(
    name="aliexpress",
    primary="#E62E2E",
    secondary="#FF6A00",
    accent="#FF6A00",
    warning="#B25E00",
    error="#D0021B",
    success="#00875A",
    foreground="#191919",
    background="#F2F2F2",
    surface="#FFFFFF",
    panel="#E4E4E4",
    dark=False,
)
