"""Target, time and role spans against the annotations, beside simple peers (``make eval``).

A predicted span matches a gold span of the same type that it overlaps (each
gold span matches at most one prediction). For matched time expressions the
report also counts how often the normalized value is right, comparing the
value mapped to the annotation README's string form (`value_string`).

The peers, run on the same texts: for times ``jionlp.ner.extract_time`` (a
dev dependency), for roles a fixed lookup of common role names, for targets a
regular expression for numbers with % or 个百分点.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .corpus import Annotated
from .metrics import Counts

Span = tuple[int, int]
TYPES = ("targets", "times", "roles")

# The peer for roles: the common names a reader would list first (ANNOTATION.md), matched literally.
COMMON_ROLES = (
    "教务处", "教导处", "政教处", "德育处", "总务处", "后勤处", "办公室", "校长室", "教科室", "教研室", "团委",
    "少先队", "大队部", "工会", "学生会", "家长委员会", "家委会", "年级组", "教研组", "备课组", "学科组", "党支部",
    "领导小组", "校长", "副校长", "书记", "教导主任", "班主任", "科任教师", "任课教师", "心理教师", "安全员",
    "校医", "值周领导", "年级组长", "教研组长", "辅导员",
)
_COMMON_ROLES = re.compile("|".join(sorted(COMMON_ROLES, key=len, reverse=True)))
_PERCENT = re.compile(r"[^\s,，。；;:：、]{0,12}?\d+(?:\.\d+)?\s*(?:%|％|个百分点)")


@dataclass
class Score(Counts):
    values_ok: int = 0
    kinds_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)


def match(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: each predicted span to an overlapping gold span, one to one.

    >>> match([(0, 5), (10, 12)], [(3, 8), (4, 6), (20, 22)])
    [(0, 0)]
    """
    pairs: list[tuple[int, int, int]] = []
    for gi, (ga, gb) in enumerate(gold):
        for pi, (pa, pb) in enumerate(pred):
            overlap = min(gb, pb) - max(ga, pa)
            if overlap > 0:
                pairs.append((-overlap, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def score(gold: Sequence[Span], pred: Sequence[Span], text: str = "") -> tuple[Score, list[tuple[int, int]]]:
    pairs = match(gold, pred)
    sc = Score(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    got_g = {g for g, _ in pairs}
    got_p = {p for _, p in pairs}
    sc.misses = [f"{a}:{text[a:b]!r}" for i, (a, b) in enumerate(gold) if i not in got_g]
    sc.extras = [f"{a}:{text[a:b]!r}" for i, (a, b) in enumerate(pred) if i not in got_p]
    return sc, pairs


def value_string(kind: str, value: dict[str, Any]) -> str:
    """A normalized time value in the annotation README's string form.

    >>> value_string("month", {"month": 10, "part": "late"}), value_string("frequency", {"interval": "P2W"})
    ('10/late', 'P2W')
    >>> value_string("academic_year", {"start_year": 2022, "end_year": 2023}), value_string("period", {"week": 3})
    ('2022-2023', 'week:3')
    """
    v = value
    if "relative" in v:
        return str(v["relative"])
    if "placeholder" in v:
        return str(v["placeholder"])
    if kind == "academic_year" and "start_year" in v:
        return f"{v['start_year']}-{v['end_year']}"
    if "start_year" in v:
        return f"{v['start_year']}..{v['end_year']}"
    if kind == "semester":
        return str(v.get("semester"))
    if kind == "frequency":
        return str(v.get("interval"))
    if "week" in v:
        return f"week:{v['week']}" + (f"..{v['week_end']}" if "week_end" in v else "")
    if "period" in v:
        return str(v["period"])
    if "date" in v:
        return str(v["date"]) + (f"..{v['date_end']}" if "date_end" in v else "")
    if "month" in v:
        s = str(v["month"]) + (f"..{v['month_end']}" if "month_end" in v else "")
        return s + (f"/{v['part']}" if "part" in v else "")
    if "year" in v:
        return str(v["year"])
    return ""


def _gold_spans(d: Annotated, kind: str) -> list[dict[str, Any]]:
    return sorted(d.gold.get(kind, []), key=lambda x: (x["start"], x["end"]))


def _predictions(doc: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"targets": [], "times": list(doc.dates), "roles": []}
    for plan in doc.plans:
        out["targets"] += plan.targets
        out["times"] += plan.dates
        out["roles"] += plan.roles
    for k in out:
        out[k].sort(key=lambda s: (s.start, s.end))
    return out


def jionlp_times(text: str) -> list[Span] | None:
    """Time spans by ``jionlp.ner.extract_time`` (None when jionlp is not installed)."""
    import contextlib
    import io
    import logging

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp as jio
    except ImportError:
        return None
    spans: list[Span] = []
    logging.disable(logging.CRITICAL)  # jionlp logs a traceback for every string it gives up on
    try:
        for part_start, part in _chunks(text):
            try:
                found = jio.ner.extract_time(part, with_parsing=False)
            except Exception:  # the peer failing on odd text counts as finding nothing there
                continue
            spans += [(part_start + f["offset"][0], part_start + f["offset"][1]) for f in found]
    finally:
        logging.disable(logging.NOTSET)
    return sorted(spans)


def _chunks(text: str, size: int = 2000) -> Iterable[tuple[int, str]]:
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        nl = text.rfind("\n", pos, end)
        if end < len(text) and nl > pos:
            end = nl + 1
        yield pos, text[pos:end]
        pos = end


def lookup_roles(text: str) -> list[Span]:
    return [m.span() for m in _COMMON_ROLES.finditer(text)]


def percent_targets(text: str) -> list[Span]:
    return [m.span() for m in _PERCENT.finditer(text)]


@dataclass
class Report:
    ours: dict[str, Score]
    peers: dict[str, Score]
    per_doc: list[tuple[str, dict[str, Score]]]
    role_canonical_ok: int = 0


def evaluate(docs: Sequence[Annotated], parse: Callable[[str], Any] | None = None,
             peers: bool = True) -> Report:
    if parse is None:
        from planparse import parse as _parse

        def parse(t: str) -> Any:
            return _parse(t, classify=False)

    ours = {k: Score() for k in TYPES}
    peer = {k: Score() for k in TYPES}
    per_doc = []
    canonical_ok = 0
    for d in docs:
        doc = parse(d.text)
        pred = _predictions(doc)
        row: dict[str, Score] = {}
        for kind in TYPES:
            gold = _gold_spans(d, kind)
            sc, pairs = score([(g["start"], g["end"]) for g in gold], [(p.start, p.end) for p in pred[kind]], d.text)
            for gi, pi in pairs:
                g, p = gold[gi], pred[kind][pi]
                if kind == "times":
                    sc.kinds_ok += g.get("kind") == p.kind
                    got = value_string(p.kind, p.value)
                    if got.lower() == str(g.get("value")).lower():  # placeholders: XX-XX is xx-xx
                        sc.values_ok += 1
                    else:
                        sc.wrong_values.append(f"{g['text']!r} {g.get('value')}≠{got}")
                elif kind == "roles":
                    canonical_ok += g.get("canonical") == p.canonical
                    sc.kinds_ok += g.get("kind") == p.kind
            ours[kind].add(sc)
            row[kind] = sc
        per_doc.append((d.name, row))
        if peers:
            spans = {
                "targets": percent_targets(d.text),
                "times": jionlp_times(d.text),
                "roles": lookup_roles(d.text),
            }
            for kind, found in spans.items():
                if found is None:
                    continue
                gold_spans = [(g["start"], g["end"]) for g in _gold_spans(d, kind)]
                peer[kind].add(score(gold_spans, found)[0])
    return Report(ours, peer, per_doc, canonical_ok)


_PEER_NAMES = {"targets": "numbers with %", "times": "jionlp extract_time", "roles": "fixed role list"}
_NAMES = {"targets": "targets", "times": "dates", "roles": "roles"}


def report(docs: Sequence[Annotated], verbose: bool = False) -> Report:
    """Print span precision/recall/F1 per type beside the peers; return the numbers."""
    rep = evaluate(docs)
    print("== Targets, dates and roles (a predicted span matches a gold span it overlaps), beside a peer")
    if verbose:
        print(f"{'document':28} {'targets':>8} {'dates':>8} {'roles':>8}   (F1; '-' = nothing annotated or found)")
        for name, row in rep.per_doc:
            cells = []
            for k in TYPES:
                sc = row[k]
                cells.append(f"{sc.f1:8.3f}" if sc.tp + sc.fp + sc.fn else f"{'-':>8}")
            print(f"{name[:28]:28} {' '.join(cells)}")
            for k in TYPES:
                sc = row[k]
                if sc.misses or sc.extras:
                    print(f"    {_NAMES[k]}: missed {sc.misses[:10]} extra {sc.extras[:10]}")
                if sc.wrong_values:
                    print(f"    values: {sc.wrong_values[:10]}")
    print(f"{'type':8} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} | {'peer':22} {'F1':>6}")
    for k in TYPES:
        sc, pe = rep.ours[k], rep.peers[k]
        peer = f"{_PEER_NAMES[k]:22} {pe.f1:6.3f}" if pe.tp + pe.fp + pe.fn else f"{_PEER_NAMES[k]:22} {'n/a':>6}"
        print(f"{_NAMES[k]:8} {sc.tp + sc.fn:5d} {sc.tp + sc.fp:6d} {sc.precision:6.3f} {sc.recall:6.3f} "
              f"{sc.f1:6.3f} | {peer}")
    t = rep.ours["times"]
    r = rep.ours["roles"]
    if t.tp:
        print(f"dates: normalized value right for {t.values_ok} of {t.tp} matched ({t.values_ok / t.tp:.3f}); "
              f"kind right {t.kinds_ok / t.tp:.3f}")
    if r.tp:
        print(f"roles: canonical name right for {rep.role_canonical_ok} of {r.tp} matched "
              f"({rep.role_canonical_ok / r.tp:.3f}); kind right {r.kinds_ok / r.tp:.3f}")
    return rep
