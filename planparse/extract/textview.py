"""A normalized view of a text that the extractors match against, with a map back to offsets.

Plans come in simplified and traditional characters, with full-width or ASCII
punctuation, with PDF spaces inside words (``团 委``) and with pinyin garbled
into them (``教導(dǎo)處``). Rather than teach every pattern every variant, the
extractors read one view of the text:

* characters are mapped one to one (traditional to simplified, full-width
  ASCII to ASCII), so most offsets do not move;
* pinyin garble and spaces inside a run of Chinese are removed, and a short
  table of shifts maps view offsets back to the original.

>>> v = TextView("合格率達 95％以上，團 委")
>>> v.text
'合格率达95%以上,团委'
>>> a, b = v.span(0, 9)
>>> v.original[a:b]
'合格率達 95％以上'
>>> a, b = v.span(10, 12)
>>> v.original[a:b]
'團 委'
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from ..simplified import t2s_pairs

# Spaces between two Chinese characters, or between a number and a Chinese
# character, are layout (PDF extraction, justified text), not meaning.
_REMOVABLE = regex.compile(
    r"(?<=\p{Han})\([a-zA-Z\u00e0-\u00fc\u0100-\u01dc\u0300-\u036f]{1,8}\d?\)"  # pinyin garble: 導(dǎo)
    r"|(?<=\p{Han})[ \t\u3000\u00a0]+(?=[\p{Han}\dA-Za-z])"
    r"|(?<=[\dA-Za-z%])[ \t\u3000\u00a0]+(?=\p{Han})"
)

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_EXTRA = {
    "\u3000": " ", "–": "-", "―": "—", "〜": "~", "﹪": "%", "「": "“", "」": "”", "『": "“", "』": "”",
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    mapping: dict[str, str] = dict(_FULLWIDTH)
    mapping.update(_EXTRA)
    mapping.update(t2s_pairs())
    mapping = {k: v for k, v in mapping.items() if k != v and len(v) == 1}
    return str.maketrans(mapping)


def normalize_chars(text: str) -> str:
    """The one-to-one character mapping alone (offsets unchanged).

    >>> normalize_chars("學校（一）：１２％")
    '学校(一):12%'
    """
    return text.translate(_table())


class TextView:
    """``text`` is the normalized view of ``original``; `span` maps view offsets back."""

    __slots__ = ("original", "text", "_starts", "_shifts")

    def __init__(self, original: str) -> None:
        self.original = original
        mapped = normalize_chars(original)
        pieces: list[str] = []
        self._starts: list[int] = [0]  # view offsets where the shift changes
        self._shifts: list[int] = [0]  # original - view from that offset on
        pos = removed = 0
        for m in _REMOVABLE.finditer(mapped):
            pieces.append(mapped[pos : m.start()])
            removed += m.end() - m.start()
            pos = m.end()
            self._starts.append(m.start() - (removed - (m.end() - m.start())))
            self._shifts.append(removed)
        pieces.append(mapped[pos:])
        self.text = "".join(pieces) if removed else mapped

    def offset(self, i: int) -> int:
        """Original offset of view offset ``i`` (a character start)."""
        if len(self._starts) == 1:
            return i
        return i + self._shifts[bisect_right(self._starts, i) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the view span [start, end)."""
        if len(self._starts) == 1:
            return start, end
        if end <= start:
            a = self.offset(start)
            return a, a
        return self.offset(start), self.offset(end - 1) + 1

    def view_offset(self, i: int) -> int:
        """View offset of original offset ``i`` (the first view character at or after it)."""
        if len(self._starts) == 1:
            return i
        lo, hi = 0, len(self.text)
        while lo < hi:  # offset() is monotonic
            mid = (lo + hi) // 2
            if self.offset(mid) < i:
                lo = mid + 1
            else:
                hi = mid
        return lo
