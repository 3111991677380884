"""What a browser tab shows instead of the app when the trainee's file is open elsewhere.

A small app of its own (the session process runs it in place of the app): the notice, and two
buttons that take the page back to the server, to try the same name again or another one.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from tui.i18n import Language, Translator
from tui.serve.pages import address
from tui.theme import ALIEXPRESS_THEME


class NoticeApp(App[None]):
    """One message, "Try again" and "Another name"."""

    CSS = """
    Screen { align: center middle; }
    #notice {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        background: $surface; border-top: tall $primary;
    }
    #title { text-style: bold; color: $primary; margin-bottom: 1; }
    #buttons { height: auto; margin-top: 1; }
    #buttons Button { margin-right: 2; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "serve.quit", show=False)]

    def __init__(self, key: str, slug: str, language: Language | None, error: str) -> None:
        super().__init__()
        self.key = key
        self.slug = slug
        self.language = language
        self.error = error
        self.t = Translator(language or Language.ENGLISH)

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="notice"):
            if self.key == "serve.in_use":
                yield Static(Content(t("serve.in_use_title")), id="title")
            yield Static(Content(t(self.key, name=self.slug, error=self.error)), id="message")
            with Horizontal(id="buttons"):
                yield Button(Content(t("serve.try_again")), id="try-again", variant="primary")
                yield Button(Content(t("serve.another_name")), id="another-name")

    def on_mount(self) -> None:
        self.register_theme(ALIEXPRESS_THEME)
        self.theme = ALIEXPRESS_THEME.name
        self.title = self.t("serve.title")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        lang = self.language.value if self.language else None
        if event.button.id == "try-again":
            self.open_url(address("/", name=self.slug, lang=lang), new_tab=False)
        else:
            self.open_url(address("/", lang=lang), new_tab=False)
