"""Validate hand-made annotations in corpora/annotations/ against their documents.

Usage: python scripts/check_annotations.py [ANNOTATION.json ...]
With no argument every file in corpora/annotations/ is checked. Exit 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
ANNOTATIONS = CORPORA / "annotations"

LABELS = {
    "guiding_ideology", "goals", "party_building", "teaching", "research",
    "teacher_development", "moral_education", "mental_health", "sports_arts_health",
    "safety", "logistics", "administration", "home_school", "informatization",
    "union", "campus_culture", "calendar", "measures", "other",
}
TIME_KINDS = {"academic_year", "semester", "month", "date", "period", "frequency"}
ROLE_KINDS = {"department", "position", "body"}


def check(path: Path) -> list[str]:
    problems: list[str] = []
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = CORPORA / data["file"]
    text = doc.open(encoding="utf-8", newline="").read()

    def err(msg: str) -> None:
        problems.append(f"{path.name}: {msg}")

    plans = data.get("plans", [])
    if not plans:
        err("no plans")
    starts = [p["start"] for p in plans]
    if starts != sorted(starts):
        err("plans out of order")

    heads = data.get("headings", [])
    by_start = {}
    last = -1
    for h in heads:
        s = h["start"]
        if s <= last:
            err(f"heading at {s} out of order or duplicated")
        last = s
        if not 0 <= s < len(text):
            err(f"heading start {s} out of range")
            continue
        if text[s].isspace():
            err(f"heading at {s} starts with whitespace")
        marker = h.get("marker", "")
        if not text.startswith(marker, s):
            err(f"heading at {s}: marker {marker!r} != text {text[s:s+len(marker)]!r}")
        title = h.get("title", "")
        window = text[s : s + len(marker) + len(title) + 40]
        if title and title[:8] not in window:
            err(f"heading at {s}: title {title[:8]!r} not found near {window!r}")
        depth = h["depth"]
        parent = h.get("parent")
        if depth == 1 and parent is not None:
            err(f"heading at {s}: depth 1 with a parent")
        if depth > 1:
            if parent not in by_start:
                err(f"heading at {s}: parent {parent} is not an earlier heading")
            elif by_start[parent]["depth"] != depth - 1:
                err(f"heading at {s}: parent depth {by_start[parent]['depth']} != {depth - 1}")
        for lab in h.get("labels", []):
            if lab not in LABELS:
                err(f"heading at {s}: unknown label {lab!r}")
        if depth <= 2 and not h.get("labels"):
            err(f"heading at {s}: depth {depth} without labels")
        by_start[s] = h

    for kind in ("targets", "times", "roles"):
        for sp in data.get(kind, []):
            a, b = sp["start"], sp["end"]
            if not (0 <= a < b <= len(text)):
                err(f"{kind} span {a}-{b} out of range")
            elif text[a:b] != sp["text"]:
                err(f"{kind} span {a}-{b}: {sp['text']!r} != text {text[a:b]!r}")
            if kind == "times" and sp.get("kind") not in TIME_KINDS:
                err(f"time at {a}: bad kind {sp.get('kind')!r}")
            if kind == "roles" and sp.get("kind") not in ROLE_KINDS:
                err(f"role at {a}: bad kind {sp.get('kind')!r}")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(ANNOTATIONS.glob("*.json"))
    problems: list[str] = []
    for p in paths:
        try:
            problems += check(p)
        except (KeyError, ValueError, OSError) as exc:
            problems.append(f"{p.name}: unreadable: {exc!r}")
    for line in problems:
        print(line)
    print(f"{len(paths)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
