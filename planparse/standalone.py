"""Unnumbered headings: lines that stand alone as the label of what follows.

``工作思路：`` ending its line, a short line ``指导思想`` with no sentence
punctuation before a paragraph, a schedule's title line before its months
(``…学期数学教研组工作安排`` / ``九月份：``), and in run-on text a short clause ending
in a colon right before a list that starts at 1 (``…。落实目标的具体措施:1、…``), or a
part's name run on after a heading title (``(一)教育教学管理总目标:1、…``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .clutter import is_clutter
from .firstchars import first_chars
from .lines import Lines
from .numbering import BOUNDARY, LINE, Candidate
from .plans import is_title_line, titles_data

LABEL_RANK = 28
_MAX_LABEL_LINE = 34

_COLON_LINE = re.compile(r"(?P<title>[^\s：:。，,；;！？!?、（(【\[#\d][^：:。，,；;！？!?\r\n]{0,24}?)\s*[：:]$")
_SHORT_LINE = re.compile(r"(?P<title>[\u4e00-\u9fff][^。，,；;：:！？!?、\r\n]{1,14})$")
_INLINE_LABEL = re.compile(r"(?:^|(?<=[。；;！？!?]))\s*(?P<title>[^。，,；;：:！？!?、\s\d]{2,16})[：:]\s*$")
# What opens a list: its first item, or the first month / week of a schedule (工作安排 / 九月份：…).
_FIRST_ITEM = re.compile(
    r"^(?:[一1１][、．.]|[（(][一1１][）)]|[①⑴•●◆▲■★-]|(?:十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9])月份?[：:\s]|第[一1]周)"
)
_MARKERISH = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.）)]|[①-⑳⑴-⒇•●◆▲■★-])")


_APPENDIX = re.compile(r"附(?:件|录|表)?\s*\d{0,2}\s*[：:]\s*")  # 附：, 附件1： before a title
_SCHEDULE_FAMILIES = ("month", "week")  # the headings of a schedule (九月份：, 17年1月份, 第一周)


def _after_heading_title(text: str, numbered: list[Candidate], numbered_starts: list[int], line_start: int,
                         pos: int) -> bool:
    """Whether ``pos`` follows the title of a heading that opens earlier on the same line
    ((一)教育教学管理|总目标, not 一、|工作目标: there the name is the heading's own title)."""
    k = bisect_left(numbered_starts, pos) - 1
    if k < 0 or numbered_starts[k] < line_start:
        return False
    return bool(text[numbered[k].marker_end : pos].strip(" \t\u3000:：、.．"))


@lru_cache(maxsize=1)
def _schedule_endings() -> tuple[str, ...]:
    return tuple(titles_data()["schedule_endings"])


@lru_cache(maxsize=1)
def _schedule_last_chars() -> frozenset[str]:
    return frozenset(w[-1] for w in _schedule_endings())


@lru_cache(maxsize=1)
def _part_name() -> re.Pattern[str]:
    """A plan part's name ending in a colon at the end of the searched range (总目标:)."""
    names = sorted(titles_data()["part_names"], key=len, reverse=True)
    return re.compile(rf"(?P<title>{'|'.join(map(re.escape, names))})\s*[：:]\s*$")


_BROKEN_HEADING = 20  # a heading line at least this long may break off (a PDF's line width)


def _continues_heading(text: str, lines: Lines, index: int, numbered_starts: list[int]) -> bool:
    """Whether line ``index`` is the end of a heading broken over two lines: the line above opens
    with a numbered marker and breaks off mid-clause ((七)加强平安校园建设,保障师生人身安全和学校财 /
    产安全), a long title with a comma in it that ends with no punctuation."""
    above = next((j for j in range(index - 1, -1, -1) if lines.firsts[j] < lines.lasts[j]), None)
    if above is None:
        return False
    a, b = lines.firsts[above], lines.lasts[above]
    k = bisect_left(numbered_starts, a)
    if k == len(numbered_starts) or numbered_starts[k] != a:
        return False
    line = text[a:b]
    return len(line) >= _BROKEN_HEADING and "\u4e00" <= line[-1] <= "\u9fff" and ("，" in line or "," in line)


def _opens_schedule(lines: Lines, index: int, numbered: list[Candidate], numbered_starts: list[int]) -> bool:
    """Whether the next non-blank line after line ``index`` opens with a month or week heading."""
    nxt = lines.next_nonblank(index)
    if nxt is None:
        return False
    k = bisect_left(numbered_starts, nxt.start)
    return k < len(numbered) and numbered[k].start < nxt.end and numbered[k].context == LINE \
        and numbered[k].family in _SCHEDULE_FAMILIES


# A lead-in clause (现计划如下：, 主要有：) introduces a list without naming a part.
_LEAD_IN = re.compile(r"(?:如下|以下|下列|主要有|包括|具体有|分别是|具体如下|有|是|为|如|即)$")


# Frame parts of a plan (导言：构建共识，协同前行 / 结语): top-level, never parents.
_FRAME = re.compile(r"(?:导言|引言|前言|序言|结语|结束语|后记|尾声)(?:[：:][^。；;！？!?\r\n]{0,24})?$")
FRAME_KEY = "label:frame"
SCHEDULE_KEY = "label:schedule"  # a schedule's title line: top-level, the parent of its months
_FRAME_FIRST = first_chars(_FRAME.pattern)  # None would mean any character
_MAX_COLON_LINE = 26  # 工作思路： … a label ending in a colon
_MAX_SHORT_LINE = 15  # the longest _SHORT_LINE


def _label(start: int, end: int, context: str, key: str = "label") -> Candidate:
    return Candidate(start, start, "label", key, "label", None, LABEL_RANK, context, "")


def _unstarred(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of a line's text inside its markdown bold stars (and the blanks within them)."""
    while start < end and text[start] in "* \t\u3000":
        start += 1
    while end > start and text[end - 1] in "* \t\u3000":
        end -= 1
    return start, end


def find_label_lines(text: str, lines: Lines, numbered: list[Candidate]) -> list[Candidate]:
    """Label candidates (scheme ``label``, empty marker) in text order."""
    numbered_starts = [c.start for c in numbered]
    schedule_last = _schedule_last_chars()
    out: list[Candidate] = []
    for i, (start, end) in enumerate(zip(lines.firsts, lines.lasts)):
        if end - start > 4 and text[start] == "*" and text[end - 1] == "*":  # **指导思想** (markdown bold)
            start, end = _unstarred(text, start, end)
        size = end - start
        if not 0 < size <= _MAX_LABEL_LINE:
            continue
        # Each kind of label line below needs one of these: a quick test before the patterns.
        first = text[start]
        if not ((_FRAME_FIRST is None or first in _FRAME_FIRST) or (size <= _MAX_COLON_LINE and text[end - 1] in "：:")
                or (size <= _MAX_SHORT_LINE and "\u4e00" <= first <= "\u9fff") or text[end - 1] in schedule_last):
            continue
        # A line holding a numbered marker is that heading's line, not a label.
        k = bisect_left(numbered_starts, start)
        if k < len(numbered_starts) and numbered_starts[k] < end:
            continue
        s = text[start:end]
        if is_clutter(s):
            continue
        if s.endswith(_schedule_endings()) and is_title_line(_APPENDIX.sub("", s, count=1)) \
                and _opens_schedule(lines, i, numbered, numbered_starts):
            # (附：)…学期数学教研组工作安排 right before 九月份： heads the schedule (not a plan: a
            # title line that starts one is the plan's title, no heading in it).
            out.append(_label(start, end, LINE, SCHEDULE_KEY))
            continue
        if is_title_line(s):
            continue
        if _FRAME.match(s):
            out.append(_label(start, end, LINE, FRAME_KEY))
            continue
        if len(s) > _MAX_COLON_LINE:
            continue
        m = _COLON_LINE.fullmatch(s)
        if m:
            if not _LEAD_IN.search(m.group("title")):
                out.append(_label(start, end, LINE))
            continue
        if _SHORT_LINE.fullmatch(s):
            nxt = lines.next_nonblank(i)
            if nxt is None:
                continue
            following = nxt.text(text).lstrip("*")  # **一、…** (markdown bold)
            if is_clutter(following):
                continue
            if ((len(following) >= max(20, 2 * len(s)) and not _MARKERISH.match(following))
                    or _FIRST_ITEM.match(following)) and not _continues_heading(text, lines, i, numbered_starts):
                out.append(_label(start, end, LINE))
    # A clause ending in a colon right before a list starting at 1, inside a line.
    for c in numbered:
        if c.ordinal != 1 or c.context == LINE:
            continue
        line_start = lines.line_of(c.start).start
        window_start = max(line_start, c.start - 20)
        m = _INLINE_LABEL.search(text, window_start, c.start)
        if m is None:
            # A part's name glued to the heading title before it, the list after its colon:
            # (一)教育教学管理总目标:1、… — 总目标 heads the list.
            m = _part_name().search(text, window_start, c.start)
            if m is None or not _after_heading_title(text, numbered, numbered_starts, line_start, m.start()):
                continue
        if _LEAD_IN.search(m.group("title")):
            continue
        start = m.start("title")
        if lines.line_of(start).start == start:
            context = LINE
        else:
            context = BOUNDARY
        out.append(_label(start, m.end("title"), context))
    out.sort(key=lambda c: c.start)
    return out
