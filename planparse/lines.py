"""Line geometry of a text: where lines start and end, whatever the newline convention."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, partial
from itertools import accumulate
from typing import NamedTuple


_NEWLINE = re.compile(r"(\r\n|\r|\n)")
# What the lines are trimmed of: every character str.isspace() accepts (all of
# them lie below U+3001) and the invisible ones it does not (zero-width, BOM).
BLANKS = "".join(sorted({chr(c) for c in range(0x3001) if chr(c).isspace()} | set("\u200b\u200c\u200d\ufeff")))


class Line(NamedTuple):
    start: int  # first non-space character (== end for a blank line)
    end: int  # end of the line's last non-space character
    raw_start: int

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    @property
    def blank(self) -> bool:
        return self.start >= self.end


_new_line = partial(tuple.__new__, Line)  # Line(*fields) without a Python-level call


class Lines:
    """The lines of a text with O(log n) lookup of the line holding an offset.

    Each line's bounds are kept in three lists (``starts`` raw, ``firsts`` and ``lasts``
    without the blanks around it); `Line` tuples are made when asked for.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            pieces = _NEWLINE.split(text)  # line, newline, line, …, line
            parts = pieces[0::2]
            widths = [len(p) + len(nl) for p, nl in zip(parts, pieces[1::2])]
        else:
            parts = text.split("\n")
            widths = [len(p) + 1 for p in parts[:-1]]
        raw = [0, *accumulate(widths)]
        bodies = [p.lstrip(BLANKS) for p in parts]
        self.firsts: list[int] = [r + len(p) - len(b) for r, p, b in zip(raw, parts, bodies)]
        self.lasts: list[int] = [s + len(b.rstrip(BLANKS)) for s, b in zip(self.firsts, bodies)]
        self._starts = raw

    @property
    def starts(self) -> list[int]:
        """Where each line begins (its raw start, before any indentation)."""
        return self._starts

    @cached_property
    def lines(self) -> list[Line]:
        """Every line as a `Line` (made on first use)."""
        return list(map(_new_line, zip(self.firsts, self.lasts, self._starts)))

    def __len__(self) -> int:
        return len(self._starts)

    def line(self, index: int) -> Line:
        return _new_line((self.firsts[index], self.lasts[index], self._starts[index]))

    def index_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def line_of(self, offset: int) -> Line:
        return self.line(self.index_of(offset))

    def next_nonblank(self, index: int) -> Line | None:
        firsts, lasts = self.firsts, self.lasts
        for i in range(index + 1, len(firsts)):
            if firsts[i] < lasts[i]:
                return self.line(i)
        return None
