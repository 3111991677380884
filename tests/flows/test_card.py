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


class TwoKindsApp(App[None]):
    CSS = """
    #special > .card--muted { color: #FF0000; }
    Screen.-alt Card > .card--muted { color: #0000FF; }
    """

    def compose(self) -> ComposeResult:
        yield Card([Line("plain", part="muted")], id="plain")
        yield Card([Line("special", part="muted")], id="special")


def muted_colour(card: Card) -> str:
    return str(card.get_visual_style("card--muted").foreground)


async def test_a_card_s_parts_follow_its_state_and_its_ancestors() -> None:
    """Parts' styles are remembered per state (`RememberedParts`): a state seen before gets
    its own styles back, whichever node's class or the theme changed."""
    app = TwoKindsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        plain, special = app.query(Card).results(Card)
        first = muted_colour(plain)
        assert "255, 0, 0" in muted_colour(special) and "255, 0, 0" not in first
        for _ in range(2):  # the second time round, each state's styles are remembered ones
            app.screen.add_class("-alt")
            await pilot.pause()
            assert "0, 0, 255" in muted_colour(plain)
            app.screen.remove_class("-alt")
            await pilot.pause()
            assert muted_colour(plain) == first
        app.theme = "textual-light"
        await pilot.pause()
        before = str(plain.get_visual_style("card--accent").foreground)
        app.theme = "solarized-light"  # light too: no class changes, only the styles
        await pilot.pause()
        after = str(plain.get_visual_style("card--accent").foreground)
        assert after != before  # the theme's primary: the parts are worked out again
        assert "255, 0, 0" in muted_colour(special)
