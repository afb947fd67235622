"""The document model: one decoded text, and plans, sections and spans pointing into it.

Every object that covers text carries ``start``/``end`` character offsets into
``Document.text`` — the contract other tools rely on is
``document.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

SCHEMA_NAME = "planparse/document"
SCHEMA_VERSION = "1.1"


@dataclass(frozen=True, slots=True)
class Target:
    """A quantified commitment: 合格率达到98%以上, 每月至少开展一次班会."""

    start: int
    end: int
    text: str
    section_id: str | None = None
    metric: str | None = None
    action: str | None = None
    comparator: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    period: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression with its kind and normalized value (see ``planparse.extract.times``)."""

    start: int
    end: int
    text: str
    kind: str
    value: dict[str, Any] = field(default_factory=dict)
    section_id: str | None = None


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A mention of one of the school's own departments, bodies or positions."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str
    section_id: str | None = None


@dataclass(frozen=True, slots=True)
class Responsibility:
    """An assignment ``role`` → ``action``: 由教务处负责…, 责任人：班主任."""

    role: RoleMention
    start: int
    end: int
    text: str
    section_id: str | None = None


@dataclass(eq=False, slots=True)
class Section:
    """A heading and the text it governs, up to the next heading at its level or above."""

    level: int
    marker: str
    scheme: str
    ordinal: int | None
    title: str
    start: int
    end: int
    heading_end: int
    id: str = ""
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)
    labels: list[tuple[str, float]] = field(default_factory=list)
    plan: Plan | None = field(default=None, repr=False)

    @property
    def label(self) -> str | None:
        """The main label, or None when the section was not classified."""
        return self.labels[0][0] if self.labels else None

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth-first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def _own(self, items: list[Any]) -> list[Any]:
        ids = {s.id for s in self.walk()}
        return [x for x in items if x.section_id in ids]

    @property
    def targets(self) -> list[Target]:
        return self._own(self.plan.targets) if self.plan else []

    @property
    def dates(self) -> list[TimeExpression]:
        return self._own(self.plan.dates) if self.plan else []

    @property
    def roles(self) -> list[RoleMention]:
        return self._own(self.plan.roles) if self.plan else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "marker": self.marker,
            "scheme": self.scheme,
            "ordinal": self.ordinal,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "heading_end": self.heading_end,
            "labels": [[lab, round(score, 4)] for lab, score in self.labels],
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(eq=False)
class Plan:
    """One plan of a document: its title, metadata, outline and extracted spans."""

    title: str
    start: int
    end: int
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """Every section of the plan, depth-first in document order."""
        for s in self.sections:
            yield from s.walk()

    def section(self, section_id: str) -> Section | None:
        """The section with this id (``2.1.3``), or None."""
        return next((s for s in self.walk() if s.id == section_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "metadata": dict(self.metadata),
            "sections": [s.to_dict() for s in self.sections],
            "targets": [_span_dict(t) for t in self.targets],
            "dates": [_span_dict(t) for t in self.dates],
            "roles": [_span_dict(r) for r in self.roles],
            "responsibilities": [
                {
                    "role": _span_dict(r.role),
                    "start": r.start,
                    "end": r.end,
                    "text": r.text,
                    "section_id": r.section_id,
                }
                for r in self.responsibilities
            ],
        }


@dataclass(eq=False)
class Document:
    """A decoded text and the plans found in it."""

    text: str
    source: str | None = None
    plans: list[Plan] = field(default_factory=list)
    # Time expressions outside every plan: the page's header and footer (时间:2023-11-14).
    dates: list[TimeExpression] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        for p in self.plans:
            yield from p.walk()

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (``planparse/schema/document.schema.json``)."""
        return {
            "schema": SCHEMA_NAME,
            "version": SCHEMA_VERSION,
            "source": self.source,
            "text": self.text,
            "plans": [p.to_dict() for p in self.plans],
            "dates": [_span_dict(t) for t in self.dates],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from ``to_dict()`` output (or parsed JSON)."""
        from .errors import PlanparseError

        if data.get("schema") != SCHEMA_NAME:
            raise PlanparseError(f"not a planparse document (schema {data.get('schema')!r})")
        major = str(data.get("version", "")).split(".")[0]
        if major != SCHEMA_VERSION.split(".")[0]:
            raise PlanparseError(f"unsupported document version {data.get('version')!r}")
        doc = cls(text=data["text"], source=data.get("source"))
        for pd in data["plans"]:
            plan = Plan(
                title=pd["title"],
                start=pd["start"],
                end=pd["end"],
                metadata=dict(pd.get("metadata", {})),
            )
            plan.sections = [_section_from_dict(sd, None, plan) for sd in pd["sections"]]
            plan.targets = [Target(**t) for t in pd.get("targets", [])]
            plan.dates = [TimeExpression(**t) for t in pd.get("dates", [])]
            plan.roles = [RoleMention(**r) for r in pd.get("roles", [])]
            plan.responsibilities = [
                Responsibility(
                    role=RoleMention(**r["role"]),
                    start=r["start"],
                    end=r["end"],
                    text=r["text"],
                    section_id=r.get("section_id"),
                )
                for r in pd.get("responsibilities", [])
            ]
            doc.plans.append(plan)
        doc.dates = [TimeExpression(**t) for t in data.get("dates", [])]
        return doc

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def _span_dict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _section_from_dict(d: dict[str, Any], parent: Section | None, plan: Plan) -> Section:
    s = Section(
        level=d["level"],
        marker=d["marker"],
        scheme=d["scheme"],
        ordinal=d["ordinal"],
        title=d["title"],
        start=d["start"],
        end=d["end"],
        heading_end=d["heading_end"],
        id=d["id"],
        parent=parent,
        labels=[(lab, float(score)) for lab, score in d.get("labels", [])],
        plan=plan,
    )
    s.children = [_section_from_dict(c, s, plan) for c in d.get("children", [])]
    return s
