"""Training examples: from the hand-made annotations, or from a user's CSV of labels.

From an annotation file, every depth-1/2 gold heading with labels is one
example. Its body runs from its start to the next gold heading at the same or a
shallower depth (or the next plan); its parent heading is the gold parent's
title; its children are the gold headings whose parent it is. That is what
`features.section_text` reads from a parsed document, so training and use see
the same fields.

A CSV has a header naming its columns: ``heading`` (required), ``labels``
(required; several labels separated by ``;`` or ``|``, main first), and
optionally ``body``, ``parent``, ``plan``, ``children`` and ``group`` (a
document id, so cross-validation keeps a document's sections together).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from ..errors import PlanparseError
from .features import FIELDS, SectionText, heading_text

_SPLIT = regex.compile(r"[;|；,，\s]+")


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled section."""

    text: SectionText
    labels: tuple[str, ...]
    group: str
    depth: int = 1
    start: int = -1
    parent_start: int | None = None


def examples_from_annotation(gold: dict[str, Any], text: str, group: str,
                             max_depth: int = 2, unlabelled: bool = False) -> list[Example]:
    """The labelled headings of one annotated document (and the others, if ``unlabelled``)."""
    heads = sorted(gold.get("headings", ()), key=lambda h: h["start"])
    plan_starts = sorted((p["start"], p.get("title", "")) for p in gold.get("plans", ()))
    by_start = {h["start"]: h for h in heads}
    kids: dict[int, list[str]] = {}
    for c in heads:
        if c.get("parent") is not None:
            kids.setdefault(c["parent"], []).append(heading_text(c.get("marker", ""), c.get("title", "")))
    out = []
    for i, h in enumerate(heads):
        labels = tuple(h.get("labels") or ())
        if not unlabelled and (not labels or h["depth"] > max_depth):
            continue
        plan_title, plan_end = "", len(text)
        for j, (ps, title) in enumerate(plan_starts):
            if ps <= h["start"]:
                plan_title = title
                plan_end = plan_starts[j + 1][0] if j + 1 < len(plan_starts) else len(text)
        end = plan_end
        for later in heads[i + 1:]:
            if later["start"] >= plan_end:
                break
            if later["depth"] <= h["depth"]:
                end = later["start"]
                break
        heading_end = _heading_end(text, h)
        parent = by_start.get(h.get("parent")) if h.get("parent") is not None else None
        out.append(Example(
            text=SectionText(
                heading=heading_text(h.get("marker", ""), h.get("title", "")),
                body=text[heading_end:max(end, heading_end)].strip(),
                parent=heading_text(parent.get("marker", ""), parent.get("title", "")) if parent else "",
                plan=plan_title,
                children="\n".join(kids.get(h["start"], ())),
            ),
            labels=labels,
            group=group,
            depth=h["depth"],
            start=h["start"],
            parent_start=h.get("parent"),
        ))
    return out


def _heading_end(text: str, h: dict[str, Any]) -> int:
    start = h["start"] + len(h.get("marker", ""))
    title = h.get("title", "")
    at = text.find(title, start, start + len(title) + 20) if title else -1
    return at + len(title) if at >= 0 else start


def examples_from_annotations(directory: str | Path, corpora: str | Path | None = None) -> list[Example]:
    """Examples from every ``*.json`` annotation under ``directory``.

    Each annotation's ``file`` is resolved against ``corpora`` (default: the
    directory's parent, as in ``corpora/annotations/``).
    """
    directory = Path(directory)
    root = Path(corpora) if corpora is not None else directory.parent
    files = sorted(directory.glob("*.json"))
    if not files:
        raise PlanparseError("no annotation files (*.json) found", str(directory))
    out: list[Example] = []
    for ann in files:
        try:
            gold = json.loads(ann.read_text("utf-8"))
            with (root / gold["file"]).open(encoding="utf-8", newline="") as fh:
                text = fh.read()
            out.extend(examples_from_annotation(gold, text, ann.stem))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PlanparseError(f"cannot read annotation: {type(exc).__name__}: {exc}", str(ann)) from None
    return out


def split_labels(value: str) -> tuple[str, ...]:
    return tuple(x for x in _SPLIT.split(value.strip()) if x)


def examples_from_csv(path: str | Path) -> list[Example]:
    """Examples from a CSV file of labelled sections (see the module docstring)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise PlanparseError(f"cannot read labels: {exc}", str(path)) from None
    if not rows:
        raise PlanparseError("no labelled rows", str(path))
    columns = set(rows[0])
    missing = {"heading", "labels"} - columns
    if missing:
        raise PlanparseError(f"the header lacks column(s) {', '.join(sorted(missing))}", str(path))
    out = []
    for n, r in enumerate(rows, 2):
        labels = split_labels(r.get("labels") or "")
        if not labels:
            raise PlanparseError(f"line {n}: no label", str(path))
        out.append(Example(
            text=SectionText(**{f: (r.get(f) or "") for f in FIELDS}),
            labels=labels,
            group=r.get("group") or f"row{n}",
        ))
    return out


def load_examples(source: str | Path) -> list[Example]:
    """Examples from an annotations directory or a labels CSV."""
    p = Path(source)
    if p.is_dir():
        return examples_from_annotations(p)
    if p.is_file():
        return examples_from_csv(p)
    raise PlanparseError("no such file or directory", str(source))


def as_xy(examples: Iterable[Example]) -> tuple[list[tuple[str, ...]], list[str], list[list[str]], list[str]]:
    """``X`` rows, main labels, further labels and groups of the labelled examples, for `SectionClassifier.fit`."""
    X, y, extra, groups = [], [], [], []
    for e in examples:
        if not e.labels:
            continue
        X.append(e.text.row())
        y.append(e.labels[0])
        extra.append(list(e.labels[1:]))
        groups.append(e.group)
    return X, y, extra, groups
