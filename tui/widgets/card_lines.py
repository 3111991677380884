"""Which card each line of a `CardList` belongs to, from the cards' heights alone.

Textual's `OptionList` keeps one ``(option index, line in option)`` tuple per line of the
list, plus two dicts with an entry per option: at 10,000 orders that is ~70,000 tuples
built at every show, the largest cost of showing a list. `CardLines` keeps instead the line
where each card starts (prefix sums of the heights) and answers the same three questions
lazily, by `bisect` for a line, by lookup for a card: `OptionList`'s code reads it through
the same names (``lines``, ``heights``, ``index_to_line``) without knowing the difference.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import overload


class CardLines:
    """Stands in for `OptionList`'s line cache: the cards' start lines, extended as options
    are added and dropped (`clear`) whenever `OptionList` drops its own."""

    def __init__(self) -> None:
        self.starts: list[int] = [0]
        """Line where card ``i`` starts, for every card measured, then the total line count."""
        self.lines = _Lines(self)
        self.heights = _Heights(self)
        self.index_to_line = _Starts(self)

    @property
    def count(self) -> int:
        """How many cards are measured."""
        return len(self.starts) - 1

    @property
    def total(self) -> int:
        """How many lines the measured cards take."""
        return self.starts[-1]

    def extend(self, heights: Iterable[int]) -> None:
        """Measure more cards, placed after those already measured."""
        self.starts.extend(accumulate(heights, initial=self.starts.pop()))

    def clear(self) -> None:
        self.starts = [0]

    def set_height(self, index: int, height: int) -> None:
        """Card ``index`` (measured) now takes ``height`` lines: the cards after it move."""
        shift = height - (self.starts[index + 1] - self.starts[index])
        if shift:
            starts = self.starts
            starts[index + 1 :] = [start + shift for start in starts[index + 1 :]]

    def card_at(self, y: int) -> tuple[int, int]:
        """The card drawn on line ``y`` and which of its lines that is."""
        if not 0 <= y < self.total:
            raise IndexError(y)
        index = bisect_right(self.starts, y) - 1
        return index, y - self.starts[index]


class _Lines(Sequence[tuple[int, int]]):
    """``lines[y]`` is ``(card index, line in card)``, as in `OptionList`'s line cache."""

    def __init__(self, owner: CardLines) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return self._owner.total

    @overload
    def __getitem__(self, y: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, y: slice) -> Sequence[tuple[int, int]]: ...
    def __getitem__(self, y: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        if isinstance(y, slice):
            return [self[i] for i in range(*y.indices(len(self)))]
        return self._owner.card_at(y + len(self) if y < 0 else y)


class _Starts(Mapping[int, int]):
    """``index_to_line[i]``: the line card ``i`` starts on (KeyError if not measured)."""

    def __init__(self, owner: CardLines) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return self._owner.count

    def __iter__(self) -> Iterator[int]:
        return iter(range(self._owner.count))

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < self._owner.count:
            raise KeyError(index)
        return self._owner.starts[index]


class _Heights(_Starts):
    """``heights[i]``: how many lines card ``i`` takes (KeyError if not measured)."""

    def __getitem__(self, index: int) -> int:
        start = super().__getitem__(index)
        return self._owner.starts[index + 1] - start
