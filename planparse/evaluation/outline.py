"""Heading precision/recall/F1 and parent accuracy, against a fixed-level baseline."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .corpus import Annotated
from .metrics import Counts

# GB/T 9704's four levels at line starts: 一、 （一） 1. （1）
_BASELINE = [
    (1, regex.compile(r"[一二三四五六七八九十]+、")),
    (2, regex.compile(r"[（(][一二三四五六七八九十]+[）)]")),
    (3, regex.compile(r"\d+[.．]")),
    (4, regex.compile(r"[（(]\d+[）)]")),
]


@dataclass
class Score(Counts):
    parent_ok: int = 0
    plans_tp: int = 0
    plans_gold: int = 0
    plans_pred: int = 0
    misses: list[int] = field(default_factory=list)
    extras: list[int] = field(default_factory=list)

    @property
    def parent_accuracy(self) -> float:
        return self.parent_ok / self.tp if self.tp else 1.0


def predicted_headings(doc) -> tuple[dict[int, int | None], list[int]]:
    """{start: parent start} for a parsed Document, and its plan starts."""
    heads: dict[int, int | None] = {}
    for plan in doc.plans:
        for s in plan.walk():
            heads[s.start] = s.parent.start if s.parent else None
    return heads, [p.start for p in doc.plans]


def baseline_headings(text: str) -> dict[int, int | None]:
    heads: dict[int, int | None] = {}
    stack: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" \t\u3000")
        start = pos + len(line) - len(stripped)
        pos += len(line)
        for level, pattern in _BASELINE:
            if pattern.match(stripped):
                while stack and stack[-1][0] >= level:
                    stack.pop()
                heads[start] = stack[-1][1] if stack else None
                stack.append((level, start))
                break
    return heads


def score(gold: dict, heads: dict[int, int | None], plan_starts: list[int] | None) -> Score:
    gold_heads = {h["start"]: h.get("parent") for h in gold["headings"]}
    sc = Score()
    for start, parent in heads.items():
        if start in gold_heads:
            sc.tp += 1
            sc.parent_ok += gold_heads[start] == parent
        else:
            sc.fp += 1
            sc.extras.append(start)
    for start in gold_heads:
        if start not in heads:
            sc.fn += 1
            sc.misses.append(start)
    if plan_starts is not None:
        gold_plans = {p["start"] for p in gold["plans"]}
        sc.plans_gold = len(gold_plans)
        sc.plans_pred = len(plan_starts)
        sc.plans_tp = len(gold_plans & set(plan_starts))
    return sc


def evaluate(docs: list[Annotated], parse) -> list[tuple[str, Score, Score]]:
    rows = []
    for d in docs:
        doc = parse(d.text)
        heads, plans = predicted_headings(doc)
        rows.append((d.name, score(d.gold, heads, plans), score(d.gold, baseline_headings(d.text), None)))
    return rows
