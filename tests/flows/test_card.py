"""`Card`: lines of text and key-value rows drawn by one widget, wrapped at its width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.content import Content

from tui.widgets.card import Card, Line, layout, row
from tui.widgets.rows import two_columns

WORDS = st.lists(st.sampled_from(["a", "seller", "[b]x[/b]", "Dar es Salaam", "9.99", "✓"]))


def drawn(line: Line, width: int) -> list[str]:
    return ["".join(text.plain for text, _ in pieces) for pieces in layout(line, width)]


def test_a_row_puts_the_value_on_the_right() -> None:
    assert drawn(row("Total paid", "US $12.99"), 30) == ["Total paid" + " " * 11 + "US $12.99"]


def test_long_text_wraps_under_its_indent_and_mark() -> None:
    lines = [text.rstrip() for text in drawn(Line("one two three four", indent=2), 10)]
    assert lines == ["  one two", "  three", "  four"]
    assert [text.rstrip() for text in drawn(Line("one two three", mark="●"), 9)] == [
        "● one two",
        "  three",
    ]


def test_blank_lines_before_and_a_filled_line_keeps_a_cell_each_side() -> None:
    assert drawn(Line("note", before=1, fill=True), 8) == ["", " note   "]


def test_data_is_never_read_as_markup() -> None:
    assert drawn(Line("[red]Colour[/red]"), 30)[0].rstrip() == "[red]Colour[/red]"


@given(WORDS, WORDS, st.integers(min_value=4, max_value=60))
def test_every_drawn_line_is_exactly_the_width(
    key: list[str], value: list[str], width: int
) -> None:
    for line in (Line(" ".join(key), indent=2), row(" ".join(key), " ".join(value))):
        lines = drawn(line, width)
        assert lines and all(cell_len(text) == width for text in lines)
    columns = two_columns(Content(" ".join(key)), Content(" ".join(value)), width)
    for column, words in ((0, key), (1, value)):  # nothing lost, in order, in each column
        kept = "".join(str(parts[column]) for parts in columns)
        assert "".join(kept.split()) == "".join(" ".join(words).split())


class CardApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Card([Line("Refund", part="title"), row("Status", "Processing", value_part="accent")])


async def test_a_card_is_as_tall_as_its_lines_and_redraws_with_new_ones() -> None:
    app = CardApp()
    async with app.run_test(size=(40, 10)) as pilot:
        card = app.query_one(Card)
        assert card.size.height == 2
        assert "Status" in card.plain_text and "Processing" in card.plain_text
        card.set_lines([Line("one two three four five six seven eight nine ten eleven")])
        await pilot.pause()
        assert card.size.height == 2  # wrapped at 40 cells
        assert "eleven" in str(card.render())


class MutedApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Card([Line("plain"), Line("lit", part="accent"), Line("late", part="error")])


def style_of(card: Card, text: str) -> str:
    drawn = card.render()
    return next(str(s.style) for s in drawn.spans if drawn.plain[s.start : s.end].strip() == text)


async def test_a_card_s_parts_follow_the_theme() -> None:
    """Parts are written with the theme's variables (`tui.widgets.parts`): a new theme
    draws them in its own colours."""
    app = MutedApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        card = app.query_one(Card)
        app.theme = "textual-light"
        await pilot.pause()
        light = style_of(card, "lit")
        assert "bold" in style_of(card, "late")
        app.theme = "nord"
        await pilot.pause()
        assert style_of(card, "lit") != light
