"""Extractors: quantified targets, time expressions and responsible roles."""

from __future__ import annotations

from ..model import Document


def extract_document(doc: Document) -> None:
    """Fill each plan's targets, dates, roles and responsibilities (in place)."""
