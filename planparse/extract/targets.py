"""Quantified commitments: what a plan promises in numbers, with normalized fields.

Five detectors each claim one shape of target, all inside one clause (the text
between two of ``,;。!?:`` or line breaks):

* ``value``: a metric or a verb with a number and unit (合格率达到98%以上,
  优生率提高2个百分点, 至少开设一节公开课, 新增2门校本精品课程, 2小时内响应);
* ``zero``: a promise that something bad never happens (安全事故发生率为零,
  杜绝重大安全事故, 不发生安全责任事故);
* ``frequency``: an action done every period (每月至少开展一次班会, 每周检查一次);
* ``quota``: a count per person or unit (每位学生至少参与两项跨学科项目);
* ``rank``: a rank to keep or reach (保三争二, 争取进入前三).

Overlapping claims merge into one target. Word lists live in ``data/metrics.toml``.

>>> [(t.metric, t.comparator, t.value, t.unit) for t in find_targets("合格率达到98%以上，优生率提高2个百分点")]
[('合格率', '>=', 98.0, '%'), ('优生率', 'increase_by', 2.0, '个百分点')]
>>> t, = find_targets("每月至少开展一次心理健康主题班会")
>>> (t.period, t.comparator, t.value, t.unit, t.action)
('每月', '>=', 1.0, '次', '开展心理健康主题班会')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import regex

from .lexicon import data, trie_pattern
from .numbers import ARABIC, CN_NUMERAL, parse_number, percent_value
from .times import TimeMatch

_BOUNDARY = "[,;。!?\n:]"
_BOUND_FWD = regex.compile(_BOUNDARY)
_BOUND_BACK = regex.compile(rf"(?r){_BOUNDARY}")
_MAX_CLAUSE = 60
_LEAD = " \t\u3000\u00a0•·●◆▲-—*#>、"
# A list marker opening the clause (1. / (2) / 三、 / ①) is not part of any target.
_MARKER = regex.compile(r"\s*(?:\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|[①-⑳⑴-⒇])\s*")
# Counters of abstract things: 三个服务, 四类档案 are slogans, not counts to produce.
_ABSTRACT_UNITS = ("个", "类", "种", "项", "条", "批", "组", "块")


@dataclass(frozen=True, slots=True)
class TargetMatch:
    """A target found in the normalized text (offsets into that text)."""

    start: int
    end: int
    rank: int  # which detector claimed it; lower ranks give the fields when claims merge
    metric: str | None = None
    action: str | None = None
    comparator: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    period: str | None = None


class _Lexicon:
    """metrics.toml, compiled."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.comparator_of = {w: c for c, ws in raw["comparators"].items() for w in ws}
        self.qualifier_of = {w: c for c, ws in raw["qualifiers"].items() for w in ws}
        self.unit_of = {w: u for u, ws in raw["units"].items() for w in ws}
        self.frequency_names: dict[str, str] = data("periods.toml")["frequency_names"]
        number = rf"(?:{ARABIC}|(?<![{CN_NUMERAL[1:-1]}]){CN_NUMERAL}{{1,5}})"
        units = trie_pattern(self.unit_of)
        # A value: 98%, 3-5个百分点, 两次, 百分之九十. Not an ordinal (第2次), not a
        # quoted name (“五个一”), not 一次性.
        self.value = regex.compile(
            r"(?<![第“\"'《])"
            rf"(?:(?P<pct>百分之(?:百|[{CN_NUMERAL[1:-1]}]+(?:点[零一二三四五六七八九]+)?))"
            rf"|(?P<num>{number})(?:\s*(?P<dash>[-~—至到])\s*(?P<num2>{number}))?\s*(?P<unit>{units}))"
            r"(?![性级年月日号届])"
        )
        self.comparator_end = regex.compile(rf"(?P<c>{trie_pattern(self.comparator_of)})[了在]?\s*\Z")
        self.qualifier = regex.compile(rf"\s*(?:{trie_pattern(self.qualifier_of)})")
        self.metric = regex.compile(rf"\p{{Han}}{{2}}(?:{trie_pattern(raw['metric_endings'])})")
        self.comparison_tail = regex.compile(r"(?:较|比|同比|相比|与)[\p{Han}\d]{0,8}?\Z")
        self.production = regex.compile(
            rf"(?:{trie_pattern(raw['count']['production'])})[\p{{Han}}“”A-Za-z]{{0,10}}\Z"
        )
        self.metric_words = regex.compile(trie_pattern(raw["metrics"]))
        self.count_verb_end = regex.compile(rf"(?:{trie_pattern(raw['count']['verbs'])})[了好出成并]?\s*\Z")
        self.at_least_words = frozenset(raw["count"]["at_least"])
        # 至少 / 力争 a few characters before a count: 至少掌握一项, 力争2-3个学科.
        self.least_or_promise = regex.compile(trie_pattern([*raw["count"]["at_least"], *raw["count"]["promise"]]))
        self.per_unit = regex.compile(rf"每(?:个|位|名)?{trie_pattern(raw['quota']['units'])}")
        self.zero_after = regex.compile(trie_pattern(raw["zero"]["after"]))
        self.zero_verb = regex.compile(trie_pattern(raw["zero"]["verbs"]))
        self.events = regex.compile(trie_pattern(raw["zero"]["events"]))
        self.abstract = regex.compile(trie_pattern(raw["zero"]["abstract"]))
        self.all_cover = regex.compile(r"(?:实现|达到|做到|确保)(?P<what>\p{Han}{0,8}?)全覆盖")
        self.actions = regex.compile(trie_pattern(raw['frequency']['actions']))
        self.not_actions = regex.compile(
            rf"的?(?:{trie_pattern(raw['frequency']['not_actions'])})(?=\s*(?:$|[,;。:!?\n(（]|如下|表))"
        )
        self.lead_verb = regex.compile(rf"(?:{trie_pattern(raw['frequency']['lead_verbs'])})(?!学)")
        self.action_before = regex.compile(rf"(?:{trie_pattern(raw['frequency']['actions'])})[好了]?\s*\Z")
        self.response = regex.compile(
            rf"(?P<num>{number})\s*(?P<unit>个?小时|分钟|个工作日|工作日|天)\s*(?:内|之内|以内)?\s*"
            rf"(?P<verb>{trie_pattern(raw['response']['verbs'])})"
        )
        rank = r"(?:十|[一二三四五六七八九]|1\d|[1-9])"
        self.keep_aim = regex.compile(rf"保(?P<keep>{rank})(?:争(?P<aim>{rank}))?(?=[\s,;。!?:、)]|$)")
        self.reach_top = regex.compile(
            rf"(?:{trie_pattern(raw['rank']['reach'])})[^\s,;。!?:]{{0,6}}?前(?P<aim>{rank})(?:名|位)?"
            rf"(?!{trie_pattern(raw['rank']['not_after'])}|\d)")
        self.past = regex.compile(trie_pattern(raw['facts']['past_markers']))
        self.comparison = regex.compile(trie_pattern(raw['facts']['comparison_markers']))
        self.count = regex.compile(
            rf"(?P<least>至少|不少于|最少|不低于)?(?P<num>{number})(?:\s*[-~—至到]\s*(?P<num2>{number}))?\s*"
            r"(?P<unit>次|节|课时|场|期|篇|项|个|天|小时|分钟|遍|轮|回)(?![性级])"
        )


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    return _Lexicon(data("metrics.toml"))


def clause_bounds(text: str, i: int, j: int | None = None) -> tuple[int, int]:
    """The clause holding text[i:j]: after the previous boundary, up to the next."""
    j = i if j is None else j
    lo = max(0, i - _MAX_CLAUSE)
    m = _BOUND_BACK.search(text, lo, i)
    a = m.end() if m else lo
    while a < i and text[a] in _LEAD:
        a += 1
    marker = _MARKER.match(text, a, i)
    if marker:
        a = marker.end()
    m = _BOUND_FWD.search(text, j, j + _MAX_CLAUSE)
    b = m.start() if m else min(len(text), j + _MAX_CLAUSE)
    while b > j and text[b - 1] in " \t\u3000)）":
        b -= 1
    return a, b


def find_targets(
    text: str,
    frequencies: Sequence[TimeMatch] | None = None,
    skip: Callable[[int], bool] | None = None,
) -> list[TargetMatch]:
    """Every target in the (normalized) ``text``, merged, in order.

    ``frequencies`` are the frequency time expressions already found in the text
    (found again when omitted); ``skip(offset)`` says where facts, not
    commitments, are written (a 基本情况 section).
    """
    lex = _lex()
    if frequencies is None:
        from .times import find_times

        frequencies = [t for t in find_times(text) if t.kind == "frequency"]
    found: list[TargetMatch] = []
    found += _values(text, lex)
    found += _responses(text, lex)
    found += _zeros(text, lex)
    found += _quotas(text, lex)
    found += _frequencies(text, lex, [f for f in frequencies if f.kind == "frequency"])
    found += _ranks(text, lex)
    if skip is not None:
        found = [t for t in found if not skip(t.start)]
    return _merge(found, text)


# ----------------------------------------------------------------- detectors


def _number(m: regex.Match[str]) -> tuple[float | None, float | None]:
    if m["pct"]:
        return percent_value(m["pct"]), None
    v = parse_number(m["num"])
    v2 = parse_number(m["num2"]) if m["num2"] else None
    if v is not None and v2 is not None and v2 <= v:
        v2 = None
    return v, v2


def _metric_in(text: str, a: int, b: int, lex: _Lexicon) -> tuple[str | None, int]:
    """The last metric word in text[a:b] (and where it starts), or (None, b).

    A comparison at the end (较上年, 比上学期) is not part of the metric.
    """
    cmp = lex.comparison_tail.search(text, a, b)
    if cmp is not None:
        b = cmp.start()
    last = None
    for m in lex.metric_words.finditer(text, a, b):
        last = m
    if last is None:
        for m in lex.metric.finditer(text, max(a, b - 8), b):
            last = m
    if last is None:
        return None, b
    return last.group(), last.start()


def _is_fact(text: str, a: int, b: int, lex: _Lexicon) -> bool:
    """A clause reporting the past (去年合格率为95%), not comparing with it."""
    return lex.past.search(text, a, b) is not None and lex.comparison.search(text, a, b) is None


def _values(text: str, lex: _Lexicon) -> list[TargetMatch]:
    out: list[TargetMatch] = []
    for m in lex.value.finditer(text):
        value, value_max = _number(m)
        if value is None:
            continue
        unit = "%" if m["pct"] else lex.unit_of[m["unit"]]
        chinese = bool(m["num"]) and not m["num"][0].isdigit()
        vs, ve = m.span()
        cs, ce = clause_bounds(text, vs, ve)
        q = lex.qualifier.match(text, ve)
        qualifier = lex.qualifier_of[q.group().strip()] if q else None
        end = q.end() if q else ve
        cm = lex.comparator_end.search(text, max(cs, vs - 8), vs)
        comparator = lex.comparator_of[cm["c"]] if cm else None
        head = cm.start() if cm else vs
        least = bool(cm) and cm["c"] in lex.at_least_words
        metric, metric_start = _metric_in(text, max(cs, head - 16), head, lex)
        start = metric_start if metric else head
        action = None
        promise = False
        if comparator is None:
            lm = lex.least_or_promise.search(text, max(cs, vs - 24), vs)
            verb = lex.count_verb_end.search(text, max(cs, vs - 12), vs)
            if lm is not None:
                least = lm.group() in lex.at_least_words
                promise = not least
                comparator = ">=" if least else "="
                start = min(start, lm.start())
                action = text[lm.end() : vs].strip() or None
            elif verb is not None:
                action = verb.group().strip()
                start = min(start, verb.start())
            else:
                # 新增市级课题2项, 培养骨干教师3名: the verb, its object, then the count.
                prod = lex.production.search(text, max(cs, vs - 14), vs)
                if prod is not None:
                    action = prod.group().strip()
                    start = min(start, prod.start())
        if comparator is None and action is None and metric is None:
            continue
        several = value >= 2 or value_max is not None
        if unit in ("%", "个百分点"):
            if comparator is None and metric is None:
                continue
        elif unit == "分":
            if metric is None or comparator is None:
                continue
        elif unit in ("小时", "分钟", "天"):
            if comparator is None or comparator == "=" and not least:
                continue
        else:
            # A count: with "at least" (至少2次) it is a target; with a change, a
            # promise (力争2-3个) or a production verb (新增2门) only for two or more
            # concrete things (not 形成四个观念, 做到三个服务).
            if not least:
                if not several or (chinese and unit in _ABSTRACT_UNITS):
                    continue
                if comparator in (None, "=") and not promise and action is None:
                    continue
            counted = end
            end = _noun_end(text, end, ce)
            if action is None and metric is None:
                action = _clean_action(text[start:vs])  # 新增2门: the verb is the action
            if metric is None:
                # …and the counted thing completes it: 开设一节公开课 → 开设公开课.
                action = _clean_action((action or "") + text[counted:end].lstrip("的"))
        if _is_fact(text, cs, ce, lex):
            continue
        if qualifier in (">=", "<=") and comparator in (None, "=", ">=", "<="):
            comparator = qualifier
        elif comparator is None:
            comparator = "="
        if metric is None and unit in ("%", "个百分点") and "覆盖" in text[max(0, head - 2) : vs]:
            metric = "覆盖率"
        if metric is None and action is None and head - cs <= 16:
            start = cs  # 校长听课不少于30节: who or what comes first
        out.append(TargetMatch(start, end, 0, metric=metric, action=action, comparator=comparator,
                               value=value, value_max=value_max, unit=unit))
    return out


def _ranks(text: str, lex: _Lexicon) -> list[TargetMatch]:
    """A rank to keep or reach: 保三争二, 英语保一, 争取进入前三, 保持全区前五名."""
    out = []
    for pattern in (lex.keep_aim, lex.reach_top):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            aim = parse_number(groups["aim"]) if groups.get("aim") else None
            keep = parse_number(groups["keep"]) if groups.get("keep") else None
            value = aim if aim is not None else keep
            if value is None or value < 1:
                continue
            cs, ce = clause_bounds(text, m.start(), m.end())
            if _is_fact(text, cs, ce, lex):
                continue
            # Rank -1: its fields win over a count read in the same words (前五名 is no count of five people).
            out.append(TargetMatch(m.start(), m.end(), -1, metric="排名", comparator="<=", value=value,
                                   value_max=keep if aim is not None and keep is not None and keep != aim else None,
                                   unit="名"))
    return out


def _noun_end(text: str, i: int, limit: int) -> int:
    """End of the noun phrase right after a count (at most 16 characters, within the clause)."""
    j = i
    stop = min(limit, i + 16)
    while j < stop and text[j] not in "、(（“”\"《》 ":
        j += 1
    return j if j > i else i


def _responses(text: str, lex: _Lexicon) -> list[TargetMatch]:
    out = []
    for m in lex.response.finditer(text):
        value = parse_number(m["num"])
        if value is None:
            continue
        unit = m["unit"].lstrip("个")
        unit = "天" if unit in ("工作日",) else unit
        out.append(TargetMatch(m.start(), m.end(), 0, metric="响应时间", action=m["verb"], comparator="<=",
                               value=value, unit=unit))
    return out


def _zeros(text: str, lex: _Lexicon) -> list[TargetMatch]:
    out = []
    for m in lex.zero_after.finditer(text):
        cs, _ = clause_bounds(text, m.start())
        a = max(cs, m.start() - 16)
        metric, metric_start = _metric_in(text, a, m.start(), lex)
        event = None
        for e in lex.events.finditer(text, a, m.end()):
            event = e
        if metric is None and event is None:
            continue
        start = min(metric_start if metric else m.start(), event.start() if event else m.start())
        start = max(cs, min(start, m.start() - 2))
        out.append(TargetMatch(start, m.end(), 1, metric=metric or (event.group() if event else None),
                               comparator="=", value=0.0))
    for m in lex.zero_verb.finditer(text):
        _, ce = clause_bounds(text, m.end())
        limit = min(ce, m.end() + 24)
        event = None
        for event in lex.events.finditer(text, m.end(), limit):
            pass  # the last one: 重大安全责任事故 ends with 事故, not 安全责任
        if m.group() == "杜绝":
            # 杜绝 promises that something never happens, whatever it is (but not a mere attitude).
            if limit - m.end() < 2 or lex.abstract.search(text, m.end(), limit):
                continue
            stop = event.end() if event else limit
        elif event is None:
            continue
        else:
            stop = event.end()
        if limit - stop <= 4:
            stop = limit
        out.append(TargetMatch(m.start(), stop, 1, metric=text[m.end() : event.end() if event else stop],
                               comparator="=", value=0.0))
    for m in lex.all_cover.finditer(text):
        out.append(TargetMatch(m.start(), m.end(), 1, metric="覆盖率", comparator="=", value=100.0, unit="%"))
    return out


def _quotas(text: str, lex: _Lexicon) -> list[TargetMatch]:
    """每位教师至少1篇, 每个学生掌握2项运动技能 — not the slogan 每人一技能."""
    out = []
    for m in lex.per_unit.finditer(text):
        cs, ce = clause_bounds(text, m.start(), m.end())
        item = text.find("、", m.end(), ce)
        c = lex.count.search(text, m.end(), item if item > 0 else ce)
        if c is None:
            continue
        between = text[m.end() : c.start()]
        if (not between.strip() and not c["least"]) or "每" in between:
            continue
        value = parse_number(c["num"])
        if value is None:
            continue
        value_max = parse_number(c["num2"]) if c["num2"] else None
        end = _noun_end(text, c.end(), ce)
        least = c["least"] or lex.least_or_promise.search(text, m.end(), c.start())
        out.append(TargetMatch(m.start(), end, 2, action=_clean_action(between.strip(" 都要需应")),
                               comparator=">=" if least else "=", value=value, value_max=value_max,
                               unit=c["unit"]))
    return out


def _frequencies(text: str, lex: _Lexicon, freqs: Sequence[TimeMatch]) -> list[TargetMatch]:
    """每月至少开展一次班会: a frequency whose clause says what is done."""
    out = []
    for f in freqs:
        cs, ce = clause_bounds(text, f.start, f.end)
        if _quoted(text, cs, f.start):
            continue  # “每月一事” names a campaign
        rest_end = min(ce, f.end + 40)
        if lex.not_actions.match(text, f.end, rest_end):
            continue
        before = lex.action_before.search(text, max(cs, f.start - 6), f.start)
        # Items of a list (每天一参与、每周一课时) end at the list mark when complete on their own.
        item_end = text.find("、", f.end, rest_end)
        if item_end > f.end and text.startswith("每", item_end + 1) and _says_what(text, f.end, item_end, lex):
            rest_end = item_end
        elif not (before or _says_what(text, f.end, rest_end, lex)):
            continue
        count = lex.count.search(text, f.end, rest_end)
        start = before.start() if before else f.start
        period = lex.frequency_names.get(f.value.get("interval", ""))
        value: float | None = 1.0
        value_max = None
        unit = "次"
        comparator = ">="
        action_text = text[f.end:rest_end]
        if count is not None:
            v = parse_number(count["num"])
            if v is not None:
                value = v
                value_max = parse_number(count["num2"]) if count["num2"] else None
                unit = count["unit"]
                least = count["least"] or lex.least_or_promise.search(text, f.end, count.start())
                comparator = ">=" if least else "="
                action_text = text[f.end : count.start()] + text[count.end() : rest_end]
        action = _clean_action(action_text)
        if before is not None:
            action = before.group().strip() + (action or "")
        out.append(TargetMatch(start, rest_end, 3, action=action or None, comparator=comparator, value=value,
                               value_max=value_max, unit=unit, period=period))
    return out


def _says_what(text: str, a: int, b: int, lex: _Lexicon) -> bool:
    """Whether text[a:b], right after a frequency, names something done (an action or a count)."""
    if lex.lead_verb.match(text, a, b) or lex.actions.search(text, a, b) or lex.count.search(text, a, b):
        return True
    # 每天一参与, 每月一活动: one thing per period.
    return text.startswith("一", a) and a + 1 < b and "\u4e00" <= text[a + 1] <= "\u9fff"


def _quoted(text: str, a: int, i: int) -> bool:
    """Whether offset i sits inside “…” opened after a."""
    opened = text.rfind("“", a, i)
    return opened >= 0 and text.find("”", opened, i) < 0


_NOT_ACTION = regex.compile(r"至少|不少于|最少")


def _clean_action(phrase: str) -> str | None:
    """The action words of a phrase, without the "at least" (开展心理健康主题班会)."""
    return _NOT_ACTION.sub("", phrase).strip(" 的,、") or None


# ----------------------------------------------------------------- merging


def _merge(found: list[TargetMatch], text: str) -> list[TargetMatch]:
    """Overlapping claims become one target spanning them all; lower ranks give the fields."""
    found.sort(key=lambda t: (t.start, -t.end))
    groups: list[list[TargetMatch]] = []
    end = -1
    for t in found:
        if groups and t.start < end:
            groups[-1].append(t)
            end = max(end, t.end)
        else:
            groups.append([t])
            end = t.end
    out = []
    for g in groups:
        best = min(g, key=lambda t: (t.rank, t.start))
        period = next((t.period for t in g if t.period), None)
        action = max((t.action for t in g if t.action), key=len, default=None)
        start = min(t.start for t in g)
        stop = max(t.end for t in g)
        while stop > start and text[stop - 1] in " \t\u3000,;。、":
            stop -= 1
        out.append(replace(best, start=start, end=stop, period=period, action=action))
    return out
