"""Section classifier."""

from __future__ import annotations

from .model import Document


def classify_document(doc: Document) -> None:
    """Fill ``section.labels`` for every section (in place)."""
