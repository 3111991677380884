"""The HTML pages asked before the app: the class code, the trainee's name, the app's page.

Built from the templates beside this file with `string.Template`; every value is escaped here,
so a name typed by a visitor is only ever text on the page. Texts come from the catalogs, in
the page's language (`?lang=`, else the server's `--lang`, else English).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template
from urllib.parse import urlencode

from tui.i18n import Language, Translator
from tui.serve.code import MAX_CODE_LENGTH
from tui.serve.names import MAX_NAME_LENGTH, BadName

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONT_SIZE = 16


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def _render(name: str, **values: object) -> str:
    escaped = {key: html.escape(str(value), quote=True) for key, value in values.items()}
    return _template(name).substitute(escaped)


def address(path: str, **query: str | None) -> str:
    """A same-site address with the given query (`None` values left out)."""
    kept = {key: value for key, value in query.items() if value is not None}
    return f"{path}?{urlencode(kept)}" if kept else path


def terminal_page(language: Language, ws_path: str) -> str:
    """The app's page: the browser's terminal, connected to `ws_path` on this server."""
    t = Translator(language)
    return _render(
        "terminal.html",
        lang=language.value,
        title=t("serve.title"),
        starting=t("serve.starting"),
        session_ended=t("serve.session_ended"),
        restart=t("serve.restart"),
        ws_path=ws_path,
        font_size=FONT_SIZE,
    )


def _form(
    language: Language,
    *,
    kind: str,
    action: str,
    method: str,
    field: str,
    value: str,
    maxlength: int,
    error: str,
    chosen: bool,
) -> str:
    t = Translator(language)
    return _render(
        "form.html",
        lang=language.value,
        chosen_lang=language.value if chosen else "",
        title=t("serve.title"),
        heading=t(f"serve.{kind}_heading"),
        prompt=t(f"serve.{kind}_prompt"),
        label=t(f"serve.{kind}_label"),
        submit=t(f"serve.{kind}_submit"),
        other_language=t("serve.other_language"),
        other_language_href=address(action, lang=language.other.value),
        action=action,
        method=method,
        field=field,
        value=value,
        maxlength=maxlength,
        error=error,
    )


def code_page(language: Language, error_key: str | None = None, chosen: bool = True) -> str:
    """The class code form; `error_key` says why the last try was refused. A language nobody
    `chosen` is not sent on by the form: each app then starts in its own file's."""
    error = Translator(language)(error_key) if error_key else ""
    return _form(
        language,
        kind="code",
        action="/code",
        method="post",
        field="code",
        value="",
        maxlength=MAX_CODE_LENGTH * 2,
        error=error,
        chosen=chosen,
    )


def name_page(
    language: Language, typed: str = "", problem: BadName | None = None, chosen: bool = True
) -> str:
    """The trainee's name form; with `problem`, the name typed and what is wrong with it."""
    error = Translator(language)(problem.key, **problem.params) if problem else ""
    return _form(
        language,
        kind="name",
        action="/",
        method="get",
        field="name",
        value=typed[: MAX_NAME_LENGTH * 2],
        maxlength=MAX_NAME_LENGTH,
        error=error,
        chosen=chosen,
    )
