"""Labelling the sections of a parsed `Document` in place."""

from __future__ import annotations

from ..model import Document
from .features import section_text
from .model import SectionModel
from .store import default_model
from .structure import Node, label_tree, link


def classify_document(doc: Document, model: SectionModel | None = None) -> None:
    """Fill ``section.labels`` for every section: ``[(label, score), …]``, main label first.

    Uses the shipped model unless ``model`` is given (see `load_model`).
    """
    model = model if model is not None else default_model()
    body = next((f.max_chars for f in model.featurizer.fields if f.name == "body"), 2000)
    for plan in doc.plans:
        sections = list(plan.walk())
        if not sections:
            continue
        index = {id(s): i for i, s in enumerate(sections)}
        nodes = link([
            Node(section_text(s, doc.text, body).row(), index.get(id(s.parent)) if s.parent is not None else None)
            for s in sections
        ])
        for s, labels in zip(sections, label_tree(model, nodes)):
            s.labels = [(str(lab), float(score)) for lab, score in labels]
