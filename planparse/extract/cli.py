"""``planparse extract FILE... [--format table|json|csv] [--roles FILE]``.

Prints each plan's targets, time expressions, roles and responsibilities with
their offsets and section ids. Imports stay light here: the work happens in
`cmd_extract`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..model import Document

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
CSV_COLUMNS = ("file", "plan", "type", "section_id", "start", "end", "text", "kind", "canonical", "value",
               "value_max", "unit", "comparator", "metric", "action", "period", "role")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("extract", help="print each plan's targets, dates, roles and responsibilities")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--roles", metavar="FILE",
                   help="more roles: a text file, one '名称 [kind] [canonical]' a line (or a .toml like data/roles.toml)")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..errors import PlanparseError
    from ..cli import iter_documents
    from . import extract_document
    from .lexicon import resolve_roles

    try:
        lexicon = resolve_roles(args.roles)
    except PlanparseError as exc:
        print(f"planparse: error: {exc}", file=err)
        return EXIT_USAGE
    failed = 0
    docs: list[Document] = []
    writer = _CsvWriter(out) if args.format == "csv" else None
    for doc in iter_documents(args.files, err, classify=False, extract=False):
        if doc is None:
            failed += 1
            continue
        extract_document(doc, lexicon)
        if args.format == "table":
            print(render_table(doc), file=out)
        elif writer is not None:
            writer.write(doc)
        else:
            docs.append(doc)
    if args.format == "json":
        import json

        print(json.dumps([extraction_dict(d) for d in docs], ensure_ascii=False, indent=2), file=out)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def extraction_dict(doc: Document) -> dict[str, Any]:
    """The extracted layer of a document: per plan, its spans (the shapes of ``Plan.to_dict``)."""
    plans = []
    for p in doc.plans:
        d = p.to_dict()
        plans.append({k: d[k] for k in ("title", "start", "end", "targets", "dates", "roles", "responsibilities")})
    return {"source": doc.source, "plans": plans}


def _value_text(value: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in value.items())


def _number(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if v == int(v) else str(v)


def render_table(doc: Document) -> str:
    lines = [f"# {doc.source or '<text>'}: {len(doc.plans)} plan(s)"]
    for i, p in enumerate(doc.plans, 1):
        lines.append(f"plan {i}: {p.title or '(untitled)'}")
        lines.append(f"  targets ({len(p.targets)})")
        for t in p.targets:
            what = t.metric or t.action or ""
            value = _number(t.value) + (f"-{_number(t.value_max)}" if t.value_max is not None else "")
            period = f" {t.period}" if t.period else ""
            lines.append(f"    [{t.section_id or '-'}] {t.start}-{t.end} {_one_line(t.text)}  | {what} "
                         f"{t.comparator or ''} {value}{t.unit or ''}{period}")
        lines.append(f"  dates ({len(p.dates)})")
        for d in p.dates:
            lines.append(f"    [{d.section_id or '-'}] {d.start}-{d.end} {_one_line(d.text)}  | {d.kind}: "
                         f"{_value_text(d.value)}")
        lines.append(f"  roles ({len(p.roles)})")
        for r in p.roles:
            lines.append(f"    [{r.section_id or '-'}] {r.start}-{r.end} {_one_line(r.text)}  | {r.kind}: {r.canonical}")
        lines.append(f"  responsibilities ({len(p.responsibilities)})")
        for a in p.responsibilities:
            lines.append(f"    [{a.section_id or '-'}] {a.role.canonical} -> {_one_line(a.text)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _CsvWriter:
    """One row per extracted span, the header once."""

    def __init__(self, out: TextIO) -> None:
        import csv

        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def write(self, doc: Document) -> None:
        import json

        for i, p in enumerate(doc.plans, 1):
            rows: list[dict[str, Any]] = []
            for t in p.targets:
                rows.append({"type": "target", "section_id": t.section_id, "start": t.start, "end": t.end,
                             "text": t.text, "value": _number(t.value), "value_max": _number(t.value_max),
                             "unit": t.unit, "comparator": t.comparator, "metric": t.metric, "action": t.action,
                             "period": t.period})
            for d in p.dates:
                rows.append({"type": "date", "section_id": d.section_id, "start": d.start, "end": d.end,
                             "text": d.text, "kind": d.kind, "value": json.dumps(d.value, ensure_ascii=False)})
            for r in p.roles:
                rows.append({"type": "role", "section_id": r.section_id, "start": r.start, "end": r.end,
                             "text": r.text, "kind": r.kind, "canonical": r.canonical})
            for a in p.responsibilities:
                rows.append({"type": "responsibility", "section_id": a.section_id, "start": a.start, "end": a.end,
                             "text": a.text, "canonical": a.role.canonical, "role": a.role.text})
            for row in rows:
                row.update(file=doc.source, plan=i)
                self.writer.writerow(["" if row.get(c) is None else row.get(c) for c in CSV_COLUMNS])
