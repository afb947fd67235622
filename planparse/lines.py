"""Line geometry of a text: where lines start and end, whatever the newline convention."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

_NEWLINE = regex.compile(r"(\r\n|\r|\n)")
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


class Lines:
    """The lines of a text with O(log n) lookup of the line holding an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = []
        append = self.lines.append
        if "\r" in text:
            pieces = _NEWLINE.split(text)  # line, newline, line, …, line
            parts, widths = pieces[0::2], [len(nl) for nl in pieces[1::2]] + [0]
        else:
            parts = text.split("\n")
            widths = [1] * (len(parts) - 1) + [0]
        pos = 0
        for part, width in zip(parts, widths):
            body = part.lstrip(BLANKS)
            start = pos + len(part) - len(body)
            append(Line(start, start + len(body.rstrip(BLANKS)), pos))
            pos += len(part) + width
        self._starts = [ln.raw_start for ln in self.lines]

    @property
    def starts(self) -> list[int]:
        """Where each line begins (its raw start, before any indentation)."""
        return self._starts

    def index_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def line_of(self, offset: int) -> Line:
        return self.lines[self.index_of(offset)]

    def next_nonblank(self, index: int) -> Line | None:
        for i in range(index + 1, len(self.lines)):
            if not self.lines[i].blank:
                return self.lines[i]
        return None
