"""A list of statements to pick from, any number of them: Space, Enter or a click ticks or
unticks the highlighted one. An `OptionList` (whose options wrap, unlike a
`SelectionList`'s), each option's prompt led by its tick box."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

TICKED = "☑ "
UNTICKED = "☐ "


class StatementList(OptionList):
    BINDINGS = [Binding("space", "select", "key.training.pick", id="pick-statement")]

    class Changed(Message):
        """The statements ticked changed."""

    def __init__(
        self,
        statements: Iterable[tuple[str, str]],
        ticked: Iterable[str] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.statements = dict(statements)
        self.ticked = {sid for sid in ticked if sid in self.statements}
        super().__init__(
            *(Option(self.prompt(sid), id=sid) for sid in self.statements),
            id=id,
            classes=classes,
        )

    def prompt(self, statement_id: str) -> Content:
        box = TICKED if statement_id in self.ticked else UNTICKED
        return Content.assemble((box, "bold"), self.statements[statement_id])

    @on(OptionList.OptionSelected)
    def toggle(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        sid = event.option.id
        if sid is None:
            return
        self.ticked ^= {sid}
        self.replace_option_prompt(sid, self.prompt(sid))
        self.post_message(self.Changed())
