"""planparse: read Chinese plan documents into structured, comparable data.

>>> import planparse
>>> doc = planparse.parse("一、指导思想\\n坚持立德树人。\\n二、工作目标\\n1、提高质量。\\n", classify=False)
>>> [s.id for s in doc.walk()]
['1', '2', '2.1']
"""

from __future__ import annotations

from pathlib import Path

from . import _native

_native.activate(__name__, Path(__file__).parent)  # before any module that may run compiled

from .errors import LoadError, ModelError, PlanparseError, UnsupportedFormatError  # noqa: E402
from .model import Document, Plan, Responsibility, RoleMention, Section, Target, TimeExpression  # noqa: E402
from .parser import load, parse  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Document", "Plan", "Section", "Target", "TimeExpression", "RoleMention", "Responsibility",
    "PlanparseError", "LoadError", "UnsupportedFormatError", "ModelError",
    "load", "parse", "__version__",
]
