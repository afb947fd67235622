"""Reading annotated corpus documents."""

from __future__ import annotations

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
