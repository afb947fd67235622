"""Run the extractors over a document and put each result in its plan and section.

The extractors read the normalized view of the whole text once; this module
maps their spans back to ``Document.text``, keeps those inside a plan (page
clutter around plans is not the plan's; time expressions in the page header
before the first plan, such as its publication date, go to ``Document.dates``), sets ``section_id`` to the innermost
section holding the span, and finishes the values that depend on the plan:
months and dates resolved against the plan's academic year (or the year of
its title), and the month of a schedule heading given to the time
expressions under it. Targets in sections that report the situation
(基本情况, 现状分析) are facts, not commitments, and are left out.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

import regex

from ..model import Document, Plan, Responsibility, RoleMention, Section, Target, TimeExpression
from .lexicon import RoleLexicon, data, trie_pattern
from .responsibilities import find_responsibilities
from .roles import find_roles
from .targets import find_targets
from .textview import TextView, normalize_chars
from .times import TimeMatch, find_times

_TITLE_YEAR = regex.compile(
    r"(?<![\d-])(?P<y>(?:19|20)\d{2})(?![\d-])\s*年?度?\s*(?P<term>春季|秋季|春|秋|第一学期|第二学期|上学期|下学期)?"
)
_MONTH_TITLE = regex.compile(r"^\s*(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?\s*[:：]?\s*$")


class _Sections:
    """Innermost section holding an offset, in O(log n)."""

    def __init__(self, plan: Plan) -> None:
        self.sections: list[Section] = list(plan.walk())
        self.starts = [s.start for s in self.sections]

    def at(self, offset: int) -> Section | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        sec: Section | None = self.sections[i]
        while sec is not None and sec.end <= offset:
            sec = sec.parent
        return sec


def extract_plans(doc: Document, lexicon: RoleLexicon) -> None:
    view = TextView(doc.text)
    text = view.text
    plans = sorted(doc.plans, key=lambda p: p.start)
    plan_starts = [p.start for p in plans]
    for p in plans:
        p.targets, p.dates, p.roles, p.responsibilities = [], [], [], []
    if not plans or not text:
        return
    sections = {id(p): _Sections(p) for p in plans}

    def place(a: int, b: int) -> tuple[Plan, Section | None, int, int] | None:
        oa, ob = view.span(a, b)
        i = bisect_right(plan_starts, oa) - 1
        if i < 0 or ob > plans[i].end or ob <= oa:
            return None
        plan = plans[i]
        return plan, sections[id(plan)].at(oa), oa, ob

    times = find_times(text)
    doc.dates = []
    for t in times:
        placed = place(t.start, t.end)
        if placed is None:
            # The page's header (its title, 时间:2023-11-14) dates the page: the document's.
            # Lists of other pages after or between plans are not read.
            a, b = view.span(t.start, t.end)
            if a < b <= plan_starts[0]:
                doc.dates.append(TimeExpression(a, b, doc.text[a:b], t.kind, _finish_time(t, plans[0], None, doc.text)))
            continue
        plan, sec, a, b = placed
        plan.dates.append(TimeExpression(a, b, doc.text[a:b], t.kind, _finish_time(t, plan, sec, doc.text),
                                         sec.id if sec else None))

    skip = _situation_skipper(plans, view)
    for m in find_targets(text, [t for t in times if t.kind == "frequency"], skip):
        placed = place(m.start, m.end)
        if placed is None:
            continue
        plan, sec, a, b = placed
        plan.targets.append(Target(
            a, b, doc.text[a:b], sec.id if sec else None, metric=m.metric, action=m.action,
            comparator=m.comparator, value=m.value, value_max=m.value_max, unit=m.unit, period=m.period,
        ))

    mentions = find_roles(text, lexicon)
    placed_roles: dict[int, RoleMention] = {}
    for m in mentions:
        placed = place(m[0], m[1])
        if placed is None:
            continue
        plan, sec, a, b = placed
        role = RoleMention(a, b, doc.text[a:b], m[2].canonical, m[2].kind, sec.id if sec else None)
        plan.roles.append(role)
        placed_roles[m[0]] = role
    for mention, a, b in find_responsibilities(text, mentions):
        role = placed_roles.get(mention[0])
        placed = place(a, b)
        if role is None or placed is None:
            continue
        plan, sec, oa, ob = placed
        if not plan.start <= role.start < plan.end:
            continue
        plan.responsibilities.append(Responsibility(role, oa, ob, doc.text[oa:ob], sec.id if sec else None))


@lru_cache(maxsize=1)
def _title_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    facts = data("metrics.toml")["facts"]
    return regex.compile(trie_pattern(facts["situation_titles"])), regex.compile(trie_pattern(facts["promise_titles"]))


def _situation_skipper(plans: list[Plan], view: TextView) -> Any:
    """skip(view offset) → True inside a section reporting the situation (基本情况, 现状分析)."""
    situation, promise = _title_patterns()
    ranges: list[tuple[int, int]] = []
    for plan in plans:
        for s in plan.walk():
            title = normalize_chars(s.title)
            if situation.search(title) and not promise.search(title):
                ranges.append((view.view_offset(s.start), view.view_offset(s.end)))
    if not ranges:
        return None
    ranges.sort()
    starts = [r[0] for r in ranges]

    def skip(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return any(a <= offset < b for a, b in ranges[max(0, i - 8) : i + 1])

    return skip


def _finish_time(t: TimeMatch, plan: Plan, sec: Section | None, text: str) -> dict[str, Any]:
    value = dict(t.value)
    if t.kind not in ("month", "date", "period"):
        return value
    if t.kind == "period" and "month" not in value:
        month = _heading_month(sec)
        if month is not None:
            value["month"] = month
    if "year" not in value:
        month = value.get("month")
        if month is None and str(value.get("date", "")).startswith("--"):
            month = int(value["date"][2:4])
        year = _year_of(month, plan) if isinstance(month, int) else None
        if year is not None:
            value["year"] = year
    return value


def _year_of(month: int, plan: Plan) -> int | None:
    """The calendar year of a month of the plan.

    From the plan's academic year (九月 in 2023-2024 → 2023; 一月 → 2024); failing
    that, from a year in its title: a spring term (2024年春季学期) belongs to the
    academic year 2023-2024, an autumn term to 2024-2025, and a plan for a
    calendar year (2024年工作计划) to that year.
    """
    ay = plan.metadata.get("academic_year")
    if isinstance(ay, dict) and isinstance(ay.get("start"), int):
        return ay["start"] if month >= 8 else ay.get("end", ay["start"] + 1)
    m = _TITLE_YEAR.search(normalize_chars(plan.title))
    if m is None:
        return None
    year = int(m["y"])
    term = m["term"] or ""
    if term[:1] in ("春", "下") or term == "第二学期":
        return year if month < 8 else year - 1
    if term[:1] in ("秋", "上") or term == "第一学期":
        return year if month >= 8 else year + 1
    return year


def _heading_month(sec: Section | None) -> int | None:
    """The month of the nearest enclosing schedule month heading (九月份：)."""
    while sec is not None:
        if sec.scheme == "month" and sec.ordinal and 1 <= sec.ordinal <= 12:
            return sec.ordinal
        if not sec.marker:
            m = _MONTH_TITLE.match(normalize_chars(sec.title))
            if m:
                from .numbers import parse_number

                v = parse_number(m["m"])
                return int(v) if v else None
        sec = sec.parent
    return None
