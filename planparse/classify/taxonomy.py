"""The section taxonomy, read from ``planparse/data/taxonomy.toml``.

>>> tax = taxonomy()
>>> tax.ids[:3]
('guiding_ideology', 'goals', 'party_building')
>>> tax["safety"].name
'安全'
>>> tax.role("measures")
'container'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import PlanparseError

CONTAINER, GOALS, FALLBACK = "container", "goals", "fallback"


@dataclass(frozen=True, slots=True)
class Label:
    """One taxonomy entry: a stable id, its Chinese name and what points to it."""

    id: str
    name: str
    description: str
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    role: str | None = None
    # False: a section under this label passes no topic down to its vague items (see structure.py).
    inherited: bool = True
    # True: names a part of a plan (goals, schedule), which a heading naming the plan's own topic is.
    plan_part: bool = False
    # True: the label of schedules, which a section most of whose items carry it carries too.
    schedule: bool = False


@dataclass(frozen=True, slots=True)
class Taxonomy:
    labels: tuple[Label, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(lab.id for lab in self.labels)

    def __getitem__(self, label_id: str) -> Label:
        for lab in self.labels:
            if lab.id == label_id:
                return lab
        raise KeyError(label_id)

    def __contains__(self, label_id: object) -> bool:
        return any(lab.id == label_id for lab in self.labels)

    def role(self, label_id: str) -> str | None:
        return self[label_id].role if label_id in self else None

    def precedence(self, label_id: str) -> int:
        """Which label comes first when a heading names several: topics, then goals, container, fallback."""
        return {None: 0, GOALS: 1, CONTAINER: 2, FALLBACK: 3}.get(self[label_id].role, 0)

    @property
    def not_inherited(self) -> tuple[str, ...]:
        """Ids of the labels whose sections pass no topic down to their vague items."""
        return tuple(lab.id for lab in self.labels if not lab.inherited)

    @property
    def schedule(self) -> str | None:
        """The id of the label of schedules (see `Label.schedule`), if any."""
        return next((lab.id for lab in self.labels if lab.schedule), None)

    def with_role(self, role: str) -> str | None:
        """The id of the label playing ``role`` (container, goals, fallback), if any."""
        return next((lab.id for lab in self.labels if lab.role == role), None)


def parse_taxonomy(text: str, source: str | None = None) -> Taxonomy:
    """Read a taxonomy from TOML text (the shape of ``data/taxonomy.toml``)."""
    try:
        raw = tomllib.loads(text)
        labels = tuple(
            Label(
                id=str(e["id"]),
                name=str(e.get("name", e["id"])),
                description=str(e.get("description", "")),
                keywords=tuple(str(k) for k in e.get("keywords", ())),
                patterns=tuple(str(p) for p in e.get("patterns", ())),
                role=e.get("role"),
                inherited=bool(e.get("inherited", True)),
                plan_part=bool(e.get("plan_part", False)),
                schedule=bool(e.get("schedule", False)),
            )
            for e in raw.get("label", ())
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise PlanparseError(f"not a taxonomy file: {exc}", source) from None
    if not labels:
        raise PlanparseError("taxonomy has no [[label]] entries", source)
    if len({lab.id for lab in labels}) != len(labels):
        raise PlanparseError("taxonomy repeats a label id", source)
    return Taxonomy(labels)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The shipped taxonomy (cached)."""
    text = resources.files("planparse").joinpath("data/taxonomy.toml").read_text("utf-8")
    return parse_taxonomy(text, "taxonomy.toml")


def load_taxonomy(path: str | Path) -> Taxonomy:
    """A user's own taxonomy file."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanparseError(f"cannot read taxonomy: {exc}", str(path)) from None
    return parse_taxonomy(text, str(path))
