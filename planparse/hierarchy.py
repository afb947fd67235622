"""Assign levels to heading candidates: a small state machine over a stack of open lists.

Levels are inferred per document from the order schemes appear in, not fixed
globally: a scheme first seen under another becomes its child; a scheme seen
again closes the deeper levels. Ordinal continuity (next sibling = previous + 1,
a new list starts at 1) accepts or rejects ambiguous candidates; real plans
skip and repeat numbers, so small gaps are tolerated at line starts.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from .numbering import GLUED, LINE, Candidate
from .standalone import FRAME_KEY, SCHEDULE_KEY

_SHORT_TITLE = 16  # a heading title that can close a run-on line (主要工作, 加强队伍建设)
HEAVY_RANK = 20  # 篇, 部分, 章, 节, 条, markdown: never a child of a lighter scheme
_TOP_LABELS = frozenset({FRAME_KEY, SCHEDULE_KEY})  # unnumbered lines at the plan's top level


class _Open(NamedTuple):
    cand: Candidate
    last: int | None
    index: int  # position of its heading in the output
    gaps: tuple[int, ...] = ()  # numbers the list skipped (3、 5、: 4), which may still come


class Placed(NamedTuple):
    cand: Candidate
    depth: int
    parent: int | None  # index into the placed list


# The tuples without a NamedTuple's Python-level __new__ (built once per heading).
_new_placed, _new_open = partial(tuple.__new__, Placed), partial(tuple.__new__, _Open)


def _follows(family: str, last: int | None, n: int | None) -> bool:
    """Whether ``n`` is the item after ``last`` in a list of ``family``: last + 1, or for months
    the new year after 十二月 (一月, 元月)."""
    return last is not None and n is not None and (n == last + 1 or (n == 1 and last == 12 and family == "month"))


def _month_ahead(cand: Candidate, nxt: int | None) -> bool:
    """A schedule that skips months (九月 十一月 元月): the next month heading is one to three
    months later."""
    return cand.family == "month" and nxt is not None and 1 <= (nxt - cand.ordinal) % 12 <= 3


def _continues(level: _Open, cand: Candidate, confirmed: bool) -> bool:
    """Whether ``cand`` can be the next item of the open list ``level``."""
    n, last = cand.ordinal, level.last
    if n is None or last is None:
        return True
    if cand.scheme.startswith("decimal") and cand.prefix != level.cand.prefix:
        return n == 1
    if _follows(cand.family, last, n):
        return True
    near = last - 3 <= n <= last + 3
    if cand.context == GLUED:
        return confirmed and (n == 1 or last < n <= last + 3)
    if n == 1:
        return True  # a new list at the same level
    if cand.context == LINE:
        # Skipped, repeated, swapped numbers; a longer jump forward when the list goes
        # on from there (1. then 8. 9.: a page that lost the items between).
        return near or (confirmed and n > last)
    # After a sentence: the next but one (a skipped number), or a number the list skipped
    # coming late (3、 5、 6、 then 4、).
    return n == last + 2 or (confirmed and near) or n in level.gaps


def _gaps(level: _Open, n: int | None) -> tuple[int, ...]:
    """The numbers list ``level`` has skipped once item ``n`` follows it."""
    last = level.last
    if n is None or last is None or n == last + 1:
        return level.gaps
    gaps = tuple(g for g in level.gaps if g != n)
    return gaps + tuple(range(last + 1, n)) if last < n <= last + 3 else gaps


def _right_after_heading(cand: Candidate, last_heading: Candidate | None, text: str) -> bool:
    """二、任务与目标(一)教育…: a marker glued to the end of a heading title on its line."""
    if last_heading is None:
        return False
    between = text[last_heading.marker_end : cand.start]
    return len(between) <= 30 and not any(ch in between for ch in "\r\n。；;")


def _title_ends_line_before(cand: Candidate, last_heading: Candidate | None, text: str) -> bool:
    """The line above ends with a heading's title, not with a sentence cut by a line break:
    the whole line is a heading ((一)着力开展各项课题研究，以…构建学校课程体系 / 1.…), or a
    run-on line closes on a short one (…5、营造和谐氛围 三、主要工作 / (一)…)."""
    if last_heading is None:
        return False
    between = text[last_heading.marker_end : cand.start].rstrip(" \t\u3000\r\n")
    if "\n" in between or "\r" in between or "。" in between:
        return False
    return last_heading.context == LINE or (len(between) <= _SHORT_TITLE and not any(ch in between for ch in "；;，,"))


def _opens_list(cand: Candidate, stack: list[_Open], last_heading: Candidate | None, text: str,
                confirmed: bool) -> bool:
    """Whether a scheme not open yet may start a new (child) list here."""
    n = cand.ordinal
    if cand.context == GLUED:
        if n is None:
            return _right_after_heading(cand, last_heading, text)
        if n != 1:
            return not stack and confirmed and n is not None and n <= 3
        if cand.family in ("cjk", "cjk-paren"):
            return not stack or confirmed or _right_after_heading(cand, last_heading, text)
        return confirmed or _right_after_heading(cand, last_heading, text)
    if n is None and cand.scheme == "sequence":
        return False  # 最后 ends a 首先… 其次… list; alone it concludes a paragraph
    if n is None or n == 1:
        return True
    if not stack:
        return cand.context == LINE or n <= 3 or confirmed
    return confirmed and n <= 30


def _broken_line_before(text: str, pos: int) -> bool:
    """A line start right after a long line cut mid-sentence (PDF/doc-site line breaks)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u3000":
        j -= 1
    if j < 0 or text[j] not in "\r\n":
        return False
    j -= 1
    if j >= 0 and text[j] == "\r":
        j -= 1
    if j < 0 or not "\u4e00" <= text[j] <= "\u9fff":
        return False
    # Only the last 30 characters matter: a line that long with no break in them.
    if j < 30:
        return False
    before = text[j - 30 : j]
    return "\n" not in before and "\r" not in before


def _intro_depth(nxt: Candidate | None, stack: list[_Open]) -> int:
    """Depth index for a heading that introduces ``nxt``: the level of ``nxt``'s list when
    that list is open and ``nxt`` restarts it at 1, else a child of the innermost heading."""
    if nxt is not None and nxt.ordinal == 1:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].cand.key == nxt.key:
                # 十二月 … then 1、 before 一月: 一月 goes on with the months, it restarts no list.
                return len(stack) if _follows(nxt.family, stack[k].last, 1) else k
    return len(stack)


def _label_depth(label: Candidate, nxt: Candidate | None, stack: list[_Open]) -> int:
    """Where an unnumbered label goes: above the list it introduces, beside earlier labels."""
    depth = _intro_depth(nxt, stack)
    if depth < len(stack):
        if depth > 0 and stack[depth - 1].cand.key == label.key:
            return depth - 1  # 工作思路：1、…2、… 工作措施：1、…: beside the label heading the open list
        return depth  # 工作思路：1、… while a 1、 list is open: the label takes that level
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].cand.key == label.key:
            return k
    return len(stack)


def _next_same(cands: list[Candidate]) -> list[int | None]:
    """For each candidate, the ordinal of the next candidate of its list key (or None)."""
    out: list[int | None] = [None] * len(cands)
    seen: dict[str, int | None] = {}
    for i in range(len(cands) - 1, -1, -1):
        out[i] = seen.get(cands[i].key)
        seen[cands[i].key] = cands[i].ordinal
    return out


def _innermost(keys: list[str], key: str) -> int | None:
    """The deepest open level whose list key is ``key``, or None."""
    if key not in keys:
        return None
    k = len(keys) - 1
    while keys[k] != key:
        k -= 1
    return k


def build_levels(cands: list[Candidate], text: str) -> list[Placed]:
    """Place candidates into a hierarchy; rejected candidates are left out."""
    placed: list[Placed] = []
    stack: list[_Open] = []
    keys: list[str] = []  # the list key of each open level (stack[k].cand.key)
    last_heading: Candidate | None = None
    following = _next_same(cands)
    seen_last: dict[str, int | None] = {}  # last ordinal placed per list key, across parents

    def push(cand: Candidate, depth_index: int) -> None:
        nonlocal last_heading
        gaps: tuple[int, ...] = ()
        if depth_index < len(stack):
            if keys[depth_index] == cand.key:
                gaps = _gaps(stack[depth_index], cand.ordinal)
            del stack[depth_index:], keys[depth_index:]
        parent = stack[-1].index if stack else None
        placed.append(_new_placed((cand, depth_index + 1, parent)))
        stack.append(_new_open((cand, cand.ordinal, len(placed) - 1, gaps)))
        keys.append(cand.key)
        seen_last[cand.key] = cand.ordinal
        last_heading = cand

    for i, cand in enumerate(cands):
        n = cand.ordinal
        same = _innermost(keys, cand.key)
        if cand.weak:
            if not (_follows(cand.family, n, following[i])
                    or (same is not None and _follows(cand.family, stack[same].last, n))):
                continue  # 1、2月份… at a line start with no list around it
            if same is None:
                # A number that lost its separator (9. then 10认真…): an item of the list of its
                # family open around it.
                kin = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].cand.family == cand.family), None)
                if kin is not None:
                    push(cand, kin)
                    continue
        if same is not None and n is not None:
            level = stack[same]
            if _follows(cand.family, level.last, n) and cand.prefix == level.cand.prefix:
                push(cand, same)  # the next item of an open list: most headings
                continue
        # Confirmed: the next item of this list follows, or the list continues one seen before
        # under another parent (目标一 under 第二部分, 目标三 under 第三部分).
        confirmed = n is not None and (_follows(cand.family, n, following[i]) or seen_last.get(cand.key) == n - 1
                                       or _month_ahead(cand, following[i]))
        if cand.key in _TOP_LABELS:
            # 导言/结语 stand beside the plan's top headings (under a 篇 when one is open), and so
            # does a schedule's title line (…学期工作安排 / 九月份：…), which heads the schedule.
            depth = len(stack)
            while depth > 0 and stack[depth - 1].cand.rank >= HEAVY_RANK - 15:
                depth -= 1
            push(cand, depth)
            if cand.key == FRAME_KEY:
                stack.pop(), keys.pop()  # a frame part heads nothing
            continue
        if cand.scheme == "label":
            push(cand, _label_depth(cand, cands[i + 1] if i + 1 < len(cands) else None, stack))
            continue
        continues_open = same is not None and _follows(cand.family, stack[same].last, n)
        if stack and cand.context == LINE and not continues_open and _broken_line_before(text, cand.start) \
                and not _title_ends_line_before(cand, last_heading, text):
            continue
        if same is not None:
            if _continues(stack[same], cand, confirmed):
                push(cand, same)
            continue
        if n is not None and (cand.context != GLUED or confirmed):
            kin = next(
                (
                    k
                    for k in range(len(stack) - 1, -1, -1)
                    if stack[k].cand.family == cand.family
                    and stack[k].last is not None
                    and n == stack[k].last + 1
                ),
                None,
            )
            if kin is not None:  # 1、 2. 3、: one list written in mixed styles
                push(cand, kin)
                continue
        if cand.rank < HEAVY_RANK:
            if n not in (None, 1) and cand.context == GLUED:
                continue
            depth = len(stack)
            while depth > 0 and (stack[depth - 1].cand.rank >= HEAVY_RANK or stack[depth - 1].cand.rank >= cand.rank):
                depth -= 1
            push(cand, depth)
            continue
        if n is not None and stack and n <= 9 and (cand.context == LINE or (n == 1 and cand.context != GLUED)) \
                and cand.rank < min(o.cand.rank for o in stack):
            # A heavier kind of list after lighter ones only: a text that begins mid-plan ((2) (3)
            # then 3.), or a list of aims (1、… 4、) before the plan's parts ((一)…): the heavier
            # list is the level above, not a child of the last light item ((一) does not go under 4、).
            push(cand, 0)
            continue
        if _opens_list(cand, stack, last_heading, text, confirmed):
            # A new kind of heading right before a list that starts again at 1 (四月份: 1.…)
            # heads that list: it takes the list's level instead of nesting under its last item.
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            push(cand, _intro_depth(nxt, stack) if cand.context == LINE else len(stack))
    return placed


__all__ = ["build_levels", "Placed"]
