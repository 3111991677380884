"""`CardLines` answers as Textual's own line cache would, and a `CardList` built on it scrolls,
pages and takes clicks exactly as a plain `OptionList` with the same cards."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.card_lines import CardLines
from tui.widgets.order_list import CardList


@given(st.lists(st.lists(st.integers(0, 6), max_size=12), max_size=5))
def test_card_lines_agree_with_one_tuple_per_line(chunks: list[list[int]]) -> None:
    """Measured in several goes (as options are added), the same answers as Textual's cache."""
    lines = CardLines()
    for chunk in chunks:
        lines.extend(chunk)
    heights = [height for chunk in chunks for height in chunk]
    expected = [(index, line) for index, height in enumerate(heights) for line in range(height)]
    assert list(lines.lines) == expected and len(lines.lines) == len(expected)
    if expected:
        assert lines.lines[-1] == expected[-1]
    assert dict(lines.heights) == dict(enumerate(heights))
    starts = [sum(heights[:index]) for index in range(len(heights))]
    assert dict(lines.index_to_line) == dict(enumerate(starts))
    with pytest.raises(IndexError):
        lines.lines[len(expected)]
    with pytest.raises(KeyError):
        lines.heights[len(heights)]
    with pytest.raises(KeyError):
        lines.index_to_line[-1]
    lines.clear()
    assert len(lines.lines) == 0 and lines.count == 0


class Block(Visual):
    """A card of a known height (one more line when the list is narrow): numbered lines."""

    def __init__(self, number: int, height: int) -> None:
        self.number, self.height = number, height

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.height + (width < 30)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.height + (width < 30)
        return [
            Strip([Segment(f"{self.number}.{line}".ljust(width)[:width], style.rich_style)], width)
            for line in range(lines)
        ]


class Cards(CardList):
    pass


class Plain(OptionList):
    DEFAULT_CSS = """
    Plain { height: 1fr; max-height: 100%; border: none; padding: 0;
            &:focus { border: none; } & > .option-list--option { padding: 0; } }
    """

    def on_resize(self, event: events.Resize) -> None:
        """As `CardList` does: the highlighted option back into view."""
        self.call_after_refresh(self.scroll_to_highlight)


class Twins(App[None]):
    """The same cards in a `CardList` and in a plain `OptionList`, side by side."""

    def __init__(self, heights: list[int]) -> None:
        super().__init__()
        self.heights = heights
        self.selected: dict[str, list[int]] = {"cards": [], "plain": []}

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Cards(id="cards")
            yield Plain(id="plain")

    def on_mount(self) -> None:
        for twin in (self.query_one(Cards), self.query_one(Plain)):
            twin.set_options(
                Option(Block(number, height), id=f"o{number}")
                for number, height in enumerate(self.heights)
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.selected[str(event.option_list.id)].append(event.option_index)


def state(twin: OptionList) -> tuple[object, ...]:
    lines = twin._lines
    return (
        twin.highlighted,
        twin.scroll_y,
        twin.virtual_size,
        [lines[y] for y in range(len(lines))],
        [twin._heights[index] for index in range(twin.option_count)],
        [twin._index_to_line[index] for index in range(twin.option_count)],
        [twin.render_line(y).text for y in range(twin.size.height)],
    )


@given(st.data())
def test_a_card_measured_again_moves_only_the_cards_after_it(data: st.DataObject) -> None:
    heights = data.draw(st.lists(st.integers(1, 6), min_size=1, max_size=40), label="heights")
    index = data.draw(st.integers(0, len(heights) - 1), label="index")
    height = data.draw(st.integers(1, 6), label="new height")
    lines = CardLines()
    lines.extend(heights)
    lines.set_height(index, height)
    fresh = CardLines()
    fresh.extend([*heights[:index], height, *heights[index + 1 :]])
    assert lines.starts == fresh.starts


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_a_card_list_moves_scrolls_and_clicks_as_an_option_list(seed: int) -> None:
    chance = random.Random(seed)
    heights = [chance.choice([1, 2, 3, 5, 7]) for _ in range(300)]
    app = Twins(heights)
    async with app.run_test(size=(80, 24)) as pilot:
        cards, plain = app.query_one(Cards), app.query_one(Plain)
        await pilot.pause()
        assert state(cards) == state(plain)
        keys = ["down", "pagedown", "pagedown", "end", "pageup", "up", "home", "pagedown"]
        for key in keys + [chance.choice(keys) for _ in range(20)]:
            for twin in (cards, plain):
                twin.focus()
                await pilot.press(key)
            await pilot.pause()
            assert state(cards) == state(plain), key
        for y in (0, 5, 11, 23):
            await pilot.click(cards, offset=(3, y))
            await pilot.click(plain, offset=(3, y))
            await pilot.pause()
        assert app.selected["cards"] == app.selected["plain"] and len(app.selected["cards"]) == 4
        await pilot.resize_terminal(50, 17)  # 25 columns each: every card one line taller
        await pilot.pause()
        assert state(cards) == state(plain)
