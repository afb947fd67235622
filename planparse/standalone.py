"""Unnumbered headings: lines that stand alone as the label of what follows.

``工作思路：`` ending its line, a short line ``指导思想`` with no sentence
punctuation before a paragraph, and in run-on text a short clause ending in a
colon right before a list that starts at 1 (``…。落实目标的具体措施:1、…``).
"""

from __future__ import annotations

import regex

from .clutter import is_clutter
from .lines import Lines
from .numbering import BOUNDARY, LINE, Candidate

LABEL_RANK = 28

_COLON_LINE = regex.compile(r"(?P<title>[^\s：:。，,；;！？!?、（(【\[#\d][^：:。，,；;！？!?\r\n]{0,24}?)\s*[：:]$")
_SHORT_LINE = regex.compile(r"(?P<title>[\u4e00-\u9fff][^。，,；;：:！？!?、\r\n]{1,14})$")
_INLINE_LABEL = regex.compile(r"(?:^|(?<=[。；;！？!?]))\s*(?P<title>[^。，,；;：:！？!?、\s\d]{2,16})[：:]\s*$")
_MARKERISH = regex.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.）)]|[①-⑳⑴-⒇•●◆▲■★-])")


def _label(start: int, end: int, context: str) -> Candidate:
    return Candidate(start, start, "label", "label", "label", None, LABEL_RANK, context, "")


def find_label_lines(text: str, lines: Lines, is_title, numbered: list[Candidate]) -> list[Candidate]:
    """Label candidates (scheme ``label``, empty marker) in text order."""
    numbered_starts = {c.start for c in numbered}
    out: list[Candidate] = []
    for i, ln in enumerate(lines.lines):
        if ln.blank or ln.start in numbered_starts:
            continue
        s = ln.text(text)
        if len(s) > 26 or is_clutter(s) or is_title(s):
            continue
        if _COLON_LINE.fullmatch(s):
            out.append(_label(ln.start, ln.end, LINE))
            continue
        if _SHORT_LINE.fullmatch(s):
            nxt = lines.next_nonblank(i)
            if nxt is None:
                continue
            following = nxt.text(text)
            if len(following) > len(s) + 8 or _MARKERISH.match(following):
                out.append(_label(ln.start, ln.end, LINE))
    # A clause ending in a colon right before a list starting at 1, inside a line.
    for c in numbered:
        if c.ordinal != 1 or c.context == LINE:
            continue
        window_start = max(lines.line_of(c.start).start, c.start - 20)
        m = _INLINE_LABEL.search(text, window_start, c.start)
        if m is None:
            continue
        start = m.start("title")
        if lines.line_of(start).start == start:
            context = LINE
        else:
            context = BOUNDARY
        out.append(_label(start, m.end("title"), context))
    out.sort(key=lambda c: c.start)
    return out
