"""Section classifier: what each section is about, in the taxonomy of ``data/taxonomy.toml``.

`classify_document` labels a parsed Document with the shipped model (or one
of your own, from `load_model`); `SectionClassifier` is the scikit-learn
estimator that learns a model (``planparse train`` runs it).

>>> import planparse
>>> doc = planparse.parse("一、指导思想\\n坚持立德树人。\\n二、安全工作\\n加强消防演练。\\n", extract=False)
>>> [s.label for s in doc.walk()]
['guiding_ideology', 'safety']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Light (tomllib only); imported here so that the name `taxonomy` is the function, not the module.
from .taxonomy import Label, Taxonomy, taxonomy

if TYPE_CHECKING:
    from ..model import Document
    from .estimator import SectionClassifier
    from .features import FIELDS, SectionText, section_text
    from .model import SectionModel
    from .store import load_model, save_model

__all__ = [
    "classify_document", "SectionClassifier", "SectionModel", "load_model", "save_model",
    "FIELDS", "SectionText", "section_text", "Label", "Taxonomy", "taxonomy",
]

# Everything is imported on first use, so that `planparse.classify.cli` (loaded by
# every `planparse` command) costs nothing, and scikit-learn only loads for training.
_HOME = {
    "SectionClassifier": "estimator", "SectionModel": "model", "load_model": "store", "save_model": "store",
    "FIELDS": "features", "SectionText": "features", "section_text": "features",
}


def classify_document(doc: Document, model: SectionModel | None = None) -> None:
    """Fill ``section.labels`` for every section: ``[(label, score), …]``, main label first.

    Uses the shipped model unless ``model`` is given (see `load_model`).
    """
    from .document import classify_document as run

    run(doc, model)


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
