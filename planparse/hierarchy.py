"""Assign levels to heading candidates: a small state machine over a stack of open lists.

Levels are inferred per document from the order schemes appear in, not fixed
globally: a scheme first seen under another becomes its child; a scheme seen
again closes the deeper levels. Ordinal continuity (next sibling = previous + 1,
a new list starts at 1) accepts or rejects ambiguous candidates; real plans
skip and repeat numbers, so small gaps are tolerated at line starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .numbering import BOUNDARY, GLUED, LINE, Candidate

HEAVY_RANK = 20  # 篇, 部分, 章, 节, 条, markdown: never a child of a lighter scheme


@dataclass(slots=True)
class _Open:
    cand: Candidate
    last: int | None
    index: int  # position of its heading in the output


@dataclass(frozen=True, slots=True)
class Placed:
    cand: Candidate
    depth: int
    parent: int | None  # index into the placed list


def _continues(level: _Open, cand: Candidate) -> bool:
    """Whether ``cand`` can be the next item of the open list ``level``."""
    n, last = cand.ordinal, level.last
    if n is None or last is None:
        return True
    if cand.scheme.startswith("decimal") and cand.prefix != level.cand.prefix:
        return n == 1
    if n == last + 1:
        return True
    if cand.context == GLUED:
        return False
    if n == 1:
        return True  # a new list at the same level
    if cand.context == LINE:
        return last - 3 <= n <= last + 3  # skipped, repeated, swapped numbers
    return n == last + 2


def _opens_list(cand: Candidate, stack: list[_Open], last_heading: Candidate | None, text: str) -> bool:
    """Whether a scheme not open yet may start a new (child) list here."""
    n = cand.ordinal
    if cand.context == GLUED:
        if n != 1:
            return False
        if not stack:
            return True
        # Glued to the text only right after a heading title: 二、任务与目标(一)教育…
        prev = last_heading
        return prev is not None and cand.start - prev.marker_end <= 30 and "\n" not in text[prev.marker_end:cand.start] \
            and not any(ch in text[prev.marker_end:cand.start] for ch in "。；;")
    if n is None or n == 1:
        return True
    if cand.context == LINE:
        return not stack or n <= 3
    return not stack and n <= 3


def build_levels(cands: list[Candidate], text: str) -> list[Placed]:
    """Place candidates into a hierarchy; rejected candidates are left out."""
    placed: list[Placed] = []
    stack: list[_Open] = []
    last_heading: Candidate | None = None

    def push(cand: Candidate, depth_index: int) -> None:
        nonlocal last_heading
        del stack[depth_index:]
        parent = stack[-1].index if stack else None
        placed.append(Placed(cand, depth_index + 1, parent))
        stack.append(_Open(cand, cand.ordinal, len(placed) - 1))
        last_heading = cand

    for cand in cands:
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].cand.key == cand.key), None)
        if same is not None:
            if _continues(stack[same], cand):
                push(cand, same)
            continue
        if cand.ordinal is not None and cand.context != GLUED:
            kin = next(
                (
                    i
                    for i in range(len(stack) - 1, -1, -1)
                    if stack[i].cand.family == cand.family
                    and stack[i].last is not None
                    and cand.ordinal == stack[i].last + 1
                ),
                None,
            )
            if kin is not None:  # 1、 2. 3、: one list written in mixed styles
                push(cand, kin)
                continue
        if cand.rank < HEAVY_RANK:
            depth = len(stack)
            while depth > 0 and (stack[depth - 1].cand.rank >= HEAVY_RANK or stack[depth - 1].cand.rank >= cand.rank):
                depth -= 1
            if cand.ordinal not in (None, 1) and cand.context == GLUED:
                continue
            push(cand, depth)
            continue
        if _opens_list(cand, stack, last_heading, text):
            push(cand, len(stack))
    return placed


__all__ = ["build_levels", "Placed", "LINE", "BOUNDARY", "GLUED"]
