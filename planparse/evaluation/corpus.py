"""Reading annotated corpus documents."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Annotated:
    name: str
    path: Path
    text: str
    gold: dict[str, Any]


def annotated(corpora: Path) -> Iterator[Annotated]:
    """Every annotated document under ``corpora`` in name order."""
    for ann in sorted((corpora / "annotations").glob("*.json")):
        gold = json.loads(ann.read_text(encoding="utf-8"))
        path = corpora / gold["file"]
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        yield Annotated(ann.stem, path, text, gold)


SEED_KIND = "seed"


def kinds(corpora: Path) -> dict[str, str]:
    """The kind of each devset document (``school-semester``, ``union`` …) from ``devset/sources.tsv``;
    documents not listed there (the seed plans) are of kind ``seed``."""
    path = corpora / "devset" / "sources.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["id"]: r["kind"] for r in csv.DictReader(fh, delimiter="\t") if r.get("id") and r.get("kind")}
