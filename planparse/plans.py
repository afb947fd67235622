"""Split a page into plans: 篇一/【篇1】/范文一/计划1 markers, or bare title lines.

A plan starts at the line holding its marker (markers usually follow the title
on that line: ``幼儿园学期工作计划 篇1``), or at its title line; a page's own
title, intro and site clutter before the first plan belong to no plan.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .clutter import is_clutter
from .lines import Lines

_CN = "一二三四五六七八九十"
_PLAN_MARKER = regex.compile(
    rf"(?:【\s*(?:第[{_CN}]{{1,3}}篇|篇\s*[{_CN}\d]{{1,3}})\s*】"
    rf"|(?<![{_CN}\d])篇\s*(?:[{_CN}]{{1,3}}|\d{{1,2}})(?![{_CN}\d、．.章节条])"
    rf"|(?<![{_CN}\d])第[{_CN}]{{1,3}}篇(?![{_CN}])"
    rf"|(?:范文|范本)\s*(?:[{_CN}]{{1,3}}|\d{{1,2}})(?![{_CN}\d、．.])"
    rf"|(?<=(?:计划|計劃|方案|范文)\s*)(?:[{_CN}]{{1,2}}|\d{{1,2}})(?=[ \t\u3000]*$))",
    regex.MULTILINE,
)
_STRIP = " \t\u3000:：《》<>“”\"'-—_"


@dataclass(frozen=True, slots=True)
class PlanSpan:
    start: int
    end: int
    title: str
    body_start: int  # where headings may begin: after the title line(s)


@lru_cache(maxsize=1)
def _title_conf() -> tuple[regex.Pattern[str], int]:
    raw = tomllib.loads(resources.files("planparse").joinpath("data/titles.toml").read_text("utf-8"))
    endings = "|".join(sorted(map(regex.escape, raw["endings"]), key=len, reverse=True))
    pattern = regex.compile(
        rf"^[^。，,；;！？!?]*?(?:{endings})(?:\s*[-—(（]?\s*(?:范文|范本|计划|通用|精选)?\s*(?:[{_CN}]{{1,2}}|\d{{1,2}})?\s*[)）]?)?"
        rf"(?:\s*[（(][^（）()]{{0,12}}[)）])?\s*$"
    )
    return pattern, int(raw["max_length"])


def is_title_line(line: str) -> bool:
    """Whether a line reads as a plan title (紫石中学学年度第二学期工会工作计划).

    >>> is_title_line("2022—2023学年度第一学期学校工作计划")
    True
    >>> is_title_line("一、指导思想")
    False
    """
    pattern, max_len = _title_conf()
    s = line.strip(" \t\u3000")
    if not s or len(s) > max_len or is_clutter(s):
        return False
    if regex.match(r"[一二三四五六七八九十\d（(①-⑳•●◆▲■★]", s) and not regex.match(r"\d{2,4}", s):
        return False
    return pattern.match(s) is not None


def _norm_title(s: str) -> str:
    s = regex.sub(r"[\s《》“”\"'：:\-—_]", "", s)
    s = regex.sub(rf"(?:篇\s*[{_CN}\d]+|范文[{_CN}\d]+|[{_CN}\d]+)$", "", s)
    return s


def _title_after(text: str, lines: Lines, marker_end: int) -> tuple[str, int]:
    """The plan title following a marker, and where the plan body begins."""
    idx = lines.index_of(marker_end)
    ln = lines.lines[idx]
    rest = text[marker_end : ln.end].strip(_STRIP)
    line_text = ln.text(text)
    before = text[ln.start : marker_end]
    if rest:
        return rest, ln.end
    head = regex.sub(rf"(?:【?\s*篇\s*[{_CN}\d]+\s*】?|第[{_CN}]+篇|范文\s*[{_CN}\d]+|[{_CN}\d]+)\s*$", "", before).strip(_STRIP)
    if head:
        return head, ln.end
    nxt = lines.next_nonblank(idx)
    if nxt is not None and is_title_line(nxt.text(text)):
        return nxt.text(text).strip(_STRIP), nxt.end
    return line_text.strip(_STRIP), ln.end


def split_plans(text: str, lines: Lines, has_headings) -> list[PlanSpan]:
    """Plans of a text, in order. ``has_headings(a, b)`` tells whether [a, b) holds headings."""
    starts: list[tuple[int, str, int]] = []  # (plan start, title, body start)
    seen_lines: set[int] = set()
    for m in _PLAN_MARKER.finditer(text):
        idx = lines.index_of(m.start())
        ln = lines.lines[idx]
        if idx in seen_lines:
            continue
        line_text = ln.text(text)
        if is_clutter(line_text) and not line_text.startswith(("篇", "【")):
            continue
        # A marker inside a run-on line starts the plan at its title, when a title precedes it.
        if m.start() - ln.start > 60:
            before = text[max(ln.start, m.start() - 40) : m.start()]
            t = regex.search(r"[^。！？!?,，]*$", before)
            plan_start = m.start() - len(t.group(0).lstrip(_STRIP)) if t else m.start()
        else:
            plan_start = ln.start
        if m.group(0)[-1:].isdigit() or m.group(0)[-1:] in _CN:
            # "计划1" at the end of a line is a marker only when the line is a title.
            if not m.group(0).startswith(("篇", "【", "第", "范")) and not is_title_line(line_text):
                continue
        seen_lines.add(idx)
        title, body = _title_after(text, lines, m.end())
        starts.append((plan_start, title, body))

    if not starts:
        starts = _title_line_starts(text, lines, has_headings)

    plans: list[PlanSpan] = []
    first_start = starts[0][0] if starts else len(text)
    prefix_start = _first_content(text, lines, 0, first_start)
    if prefix_start is not None and (not starts or has_headings(prefix_start, first_start)):
        title, body = _leading_title(text, lines, prefix_start)
        starts.insert(0, (prefix_start, title, body))
    for i, (a, title, body) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        while end > a and text[end - 1] in " \t\r\n\u3000":
            end -= 1
        plans.append(PlanSpan(a, max(end, a), title, min(body, max(end, a))))
    return plans


def _first_content(text: str, lines: Lines, a: int, b: int) -> int | None:
    for ln in lines.lines[lines.index_of(a) :]:
        if ln.start >= b:
            return None
        if not ln.blank and not is_clutter(ln.text(text)):
            return ln.start
    return None


def _leading_title(text: str, lines: Lines, start: int) -> tuple[str, int]:
    ln = lines.line_of(start)
    s = ln.text(text)
    if is_title_line(s):
        return s.strip(_STRIP), ln.end
    return "", start


def _title_line_starts(text: str, lines: Lines, has_headings) -> list[tuple[int, str, int]]:
    """Plans marked by nothing but a new title line after a plan with content."""
    titles = [ln for ln in lines.lines if not ln.blank and is_title_line(ln.text(text))]
    if len(titles) < 2:
        return []
    out: list[tuple[int, str, int]] = []
    current = ""
    for ln in titles:
        title = ln.text(text).strip(_STRIP)
        if out and _norm_title(title) == _norm_title(current):
            continue  # the title repeated inside its own plan
        if out and not has_headings(out[-1][2], ln.start):
            # The previous title had nothing under it: this line is the real plan title.
            out[-1] = (ln.start, title, ln.end)
            current = title
            continue
        out.append((ln.start, title, ln.end))
        current = title
    if len(out) < 2:
        return []
    return out
