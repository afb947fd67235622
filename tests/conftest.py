from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEEDS = sorted(CORPORA.glob("*.txt"))
DEVSET = sorted((CORPORA / "devset").glob("*.txt"))
ALL_DOCS = SEEDS + DEVSET


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def parsed():
    """Parse each corpus document once per session (no classification, no extraction)."""
    import planparse

    cache: dict[str, planparse.Document] = {}

    def get(name: str) -> planparse.Document:
        if name not in cache:
            path = CORPORA / name
            cache[name] = planparse.parse(read(path), source=str(path), classify=False, extract=False)
        return cache[name]

    return get
