"""From text to a Document: plans, then each plan's heading hierarchy.

Stages, each a small module: ``numbering`` finds marker candidates,
``standalone`` finds unnumbered label lines, ``plans`` splits the page into
plans, ``hierarchy`` assigns levels, and this module turns placed candidates
into `Section`s with exact offsets.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from pathlib import Path

from .clutter import MAX_CLUTTER_LINE, clutter_at, is_clutter
from .hierarchy import build_levels
from .lines import Lines
from .loader import load_text
from .metadata import plan_metadata
from .model import Document, Plan, Section
from .numbering import GLUED, LINE, Candidate, find_candidates
from .plans import PlanSpan, is_title_line, split_plans
from .simplified import simplified
from .standalone import find_label_lines

# A heading's title: after the punctuation left of its marker, up to the first 。：: or the
# line end, at most 200 characters; after a bullet or a markdown hash, after its bold stars.
_TITLE = re.compile(r"[ \t\u3000:：、.．,，)）】]*(?P<title>[^。：:\r\n]{0,200})")
_STARRED_TITLE = re.compile(r"[ \t\u3000:：、.．,，)）】]*\**(?P<title>[^。：:\r\n]{0,200})")
_TRAIL = " \t\u3000*"
_MIN_PAGE_TITLE = 8
_CLUTTER_HEAD = 30  # a run-on page line that opens with clutter: 1、精选优质文档-倾情为你奉上…


def load(path: str | Path, *, classify: bool = True, extract: bool = True) -> Document:
    """Read a file (any common Chinese encoding, .docx, .html, .pdf) and parse it."""
    return parse(load_text(path), source=str(path), classify=classify, extract=extract)


def parse(text: str, source: str | None = None, *, classify: bool = True, extract: bool = True) -> Document:
    """Parse plan text into a Document; offsets index into ``text`` exactly as given.

    >>> doc = parse("学校工作计划\\n一、指导思想\\n坚持立德树人。\\n二、工作目标\\n（一）教学\\n", classify=False)
    >>> [(s.id, s.marker, s.title) for s in doc.walk()]
    [('1', '一、', '指导思想'), ('2', '二、', '工作目标'), ('2.1', '（一）', '教学')]
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use planparse.load() for files")
    # Building a document allocates thousands of small objects and frees none in cycles:
    # the cyclic collector would walk them again and again as they pile up (time growing
    # faster than the input). It is paused while the outline is built; refcounting still
    # frees everything temporary at once.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        plans = _plans(text)
    finally:
        if paused:
            gc.enable()
    doc = Document(text=text, source=source, plans=plans)
    if extract:
        from .extract import extract_document

        extract_document(doc)
    if classify:
        from .classify import classify_document

        classify_document(doc)
    return doc


def _plans(text: str) -> list[Plan]:
    """The plans of ``text``, read in simplified characters; every string they report is
    cut from ``text`` itself (the view has the same length: offsets are shared)."""
    view = simplified(text)
    plans = _plans_of(view)
    if view is not text:
        for plan in plans:
            _cut_from(text, view, plan)
    return plans


def _cut_from(text: str, view: str, plan: Plan) -> None:
    """A plan read from the simplified view, its strings taken from the original text."""
    for sec in plan.walk():
        sec.marker = text[sec.start : sec.start + len(sec.marker)]
        sec.title = text[sec.heading_end - len(sec.title) : sec.heading_end]
    # Where a plan's title and school are read: its first lines, and the title line above its
    # marker (学年度第一学期工作计划 / 篇2…).
    a, b = max(0, plan.start - 300), min(plan.end, plan.start + 300)
    plan.title = _original(text, view, plan.title, a, b)
    if "school" in plan.metadata:
        plan.metadata["school"] = _original(text, view, plan.metadata["school"], a, b)


def _original(text: str, view: str, found: str, a: int, b: int) -> str:
    """``found`` (read in ``view[a:b]``) as ``text`` writes it; a title joined from two lines is
    found piece by piece."""
    out: list[str] = []
    rest = found
    while rest:
        k = len(rest)
        at = view.find(rest, a, b)
        while at < 0 and k > 1:
            k -= 1
            at = view.find(rest[:k], a, b)
        if at < 0:
            return found
        out.append(text[at : at + k])
        rest, a = rest[k:], at + k
    return "".join(out)


def _plans_of(text: str) -> list[Plan]:
    lines = Lines(text)
    numbered = _outside_clutter(text, lines, find_candidates(text, lines.starts))
    labels = find_label_lines(text, lines, numbered)
    cands = _drop_page_artifact(text, lines, _merge(text, numbered, labels))
    starts = [c.start for c in cands]

    def first_heading(a: int, b: int, numbered: bool = False) -> int | None:
        """The first likely heading in [a, b) (``numbered``: leaving out unnumbered label lines)."""
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            c = cands[i]
            if (c.context != GLUED or c.ordinal == 1) and not (numbered and c.scheme == "label"):
                return starts[i]
            i += 1
        return None

    return [_build_plan(text, lines, span, cands, starts) for span in split_plans(text, lines, first_heading)]


def _drop_page_artifact(text: str, lines: Lines, cands: list[Candidate]) -> list[Candidate]:
    """Drop a page's first marker when what it numbers is clutter or the plan title.

    Document sites cut pages into numbered chunks: ``1、精选优质文档-倾情为你奉上…`` or
    ``1、XXXX小学少先队工作计划范文一、指导思想`` — that 1、 numbers no part of the plan.
    """
    if not cands or cands[0].ordinal != 1 or cands[0].context == GLUED:
        return cands  # (a run-on page has it after the site's sentence: …搜索。1、XXXX小学…计划范文一、…)
    first = cands[0]
    line = lines.line_of(first.start)
    stop = cands[1].start if len(cands) > 1 and cands[1].start < line.end else line.end
    segment = text[first.marker_end : stop].strip()
    # A plan title names more than the generic heading words a plan opens with
    # (一、工作思路 / 一、工作安排 / 一、工作要点 are headings).
    if segment and (is_clutter(segment) or clutter_at(segment[:_CLUTTER_HEAD]) == 0
                    or (len(segment) >= _MIN_PAGE_TITLE and is_title_line(segment))):
        return cands[1:]
    return cands


def _outside_clutter(text: str, lines: Lines, cands: list[Candidate]) -> list[Candidate]:
    """The candidates not on a clutter line, unless the clutter only follows the marker
    (…工作。本文轉自…频道). Candidates come in text order: each line is looked at once."""
    out: list[Candidate] = []
    firsts, lasts, starts = lines.firsts, lines.lasts, lines.starts
    idx, at, first, size = -1, None, 0, 0
    i, last_line = 0, len(starts) - 1
    for c in cands:
        while i < last_line and starts[i + 1] <= c.start:
            i += 1  # (the line holding c: walked to, not searched for, as candidates come in order)
        if i != idx:
            idx, first, size = i, firsts[i], lasts[i] - firsts[i]
            # no clutter line is longer than MAX_CLUTTER_LINE
            at = clutter_at(text[first : lasts[i]]) if size <= MAX_CLUTTER_LINE else None
        if at is None or (first + at > c.start and size > 40):
            out.append(c)
    return out


def _merge(text: str, numbered: list[Candidate], labels: list[Candidate]) -> list[Candidate]:
    out: dict[int, Candidate] = {}
    for c in labels:
        out.setdefault(c.start, c)
    for c in numbered:
        out[c.start] = c  # a numbered marker wins over a label at the same place
    return [out[k] for k in sorted(out) if not text[k].isspace()]


def _build_plan(text: str, lines: Lines, span: PlanSpan, cands: list[Candidate], starts: list[int]) -> Plan:
    plan = Plan(title=span.title, start=span.start, end=span.end)
    lo, hi = bisect_left(starts, span.body_start), bisect_left(starts, span.end)
    # (a marker that runs past the plan's end heads nothing in it: 5、|学校工作计划篇二, the next
    # plan's title glued to the marker)
    inside = [c for c in cands[lo:hi] if c.marker_end <= span.end and not _is_title_repeat(text, lines, c, span)]
    placed = build_levels(inside, text)
    sections: list[Section] = []
    open_: list[Section] = []  # the sections not yet closed: the path down to the last one
    limits = [p.cand.start for p in placed[1:]] + [span.end]
    for (c, depth, parent), limit in zip(placed, limits):
        a, b = _title_bounds(text, c, limit)
        sec = Section(depth, c.marker, c.scheme, c.ordinal, text[a:b], c.start, span.end, b, plan=plan)
        # A section runs to the next heading at its level or above, or to the plan end.
        while open_ and open_[-1].level >= depth:
            _close(text, open_.pop(), c.start)
        open_.append(sec)
        if parent is not None:
            up = sec.parent = sections[parent]
            up.children.append(sec)
            sec.id = f"{up.id}.{len(up.children)}"
        else:
            plan.sections.append(sec)
            sec.id = str(len(plan.sections))
        sections.append(sec)
    for sec in open_:
        _close(text, sec, span.end)
    plan.metadata = plan_metadata(text, plan)
    return plan


def _close(text: str, sec: Section, end: int) -> None:
    while end > sec.heading_end and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    sec.end = max(end, sec.heading_end)


def _title_bounds(text: str, c: Candidate, limit: int) -> tuple[int, int]:
    """Title after the marker: up to the first 。：: or line end, and before the next heading."""
    pattern = _STARRED_TITLE if c.scheme in ("bullet", "bullet-inline", "markdown") else _TITLE
    m = pattern.match(text, c.marker_end, max(limit, c.marker_end))
    a = m.start("title")
    b = a + len(m.group("title").rstrip(_TRAIL))
    if a == b:
        # A marker alone on its line (1. / 认真组织每周一的升国旗仪式…): its title is the next line.
        nxt = _NEXT_LINE_TITLE.match(text, a, max(limit, a)) if c.marker else None
        if nxt is not None and nxt.group("title").strip(_TRAIL):
            a = nxt.start("title")
            return a, a + len(nxt.group("title").rstrip(_TRAIL))
        return c.marker_end, c.marker_end  # no title: the heading ends with its marker, not after the blanks
    return a, b


# (the next line, or the one after a blank line: pages that put a blank line after every line)
_NEXT_LINE_TITLE = re.compile(r"[ \t\u3000*]*\r?\n(?:[ \t\u3000]*\r?\n)?[ \t\u3000]*\**"
                              r"(?P<title>[^。：:\r\n \t\u3000*][^。：:\r\n]{0,199})")


def _is_title_repeat(text: str, lines: Lines, c: Candidate, span: PlanSpan) -> bool:
    """An unnumbered label line that only repeats the plan's title."""
    if c.scheme != "label" or not span.title:
        return False
    s = lines.line_of(c.start).text(text)
    return s.strip() == span.title.strip()
