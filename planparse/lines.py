"""Line geometry of a text: where lines start and end, whatever the newline convention."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

_LINE = regex.compile(r"[^\r\n]*")


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


# One C-level pass finds every line and its content without surrounding blanks.
_SPAN = regex.compile(r"(?P<raw>[ \t\u3000\u00a0\u200b\u200c\u200d\ufeff\x0b\x0c\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]*(?P<body>[^\r\n]*?)"
                      r"[ \t\u3000\u00a0\u200b\u200c\u200d\ufeff\x0b\x0c\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]*)(?:\r\n|\r|\n|$)")


class Lines:
    """The lines of a text with O(log n) lookup of the line holding an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = []
        n = len(text)
        for m in _SPAN.finditer(text):
            a = m.start()
            s, e = m.span("body")
            if s == e:
                s = e = m.end("raw")
            self.lines.append(Line(s, e, a))
            if m.end() >= n and m.end() == m.end("raw"):
                break
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
