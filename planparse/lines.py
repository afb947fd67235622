"""Line geometry of a text: where lines start and end, whatever the newline convention."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

_LINE = regex.compile(r"[^\r\n]*")
_SPACE = " \t\u3000\u00a0\u200b\u200c\u200d\ufeff"


@dataclass(frozen=True, slots=True)
class Line:
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
        pos = 0
        n = len(text)
        while pos <= n:
            m = _LINE.match(text, pos)
            assert m is not None
            a, b = m.span()
            s, e = a, b
            while s < e and (text[s] in _SPACE or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in _SPACE or text[e - 1].isspace()):
                e -= 1
            self.lines.append(Line(s, e, a))
            if b >= n:
                break
            pos = b + (2 if text.startswith("\r\n", b) else 1)
        self._starts = [ln.raw_start for ln in self.lines]

    def index_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def line_of(self, offset: int) -> Line:
        return self.lines[self.index_of(offset)]

    def next_nonblank(self, index: int) -> Line | None:
        for i in range(index + 1, len(self.lines)):
            if not self.lines[i].blank:
                return self.lines[i]
        return None
