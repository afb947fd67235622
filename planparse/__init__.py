"""planparse: read Chinese plan documents into structured, comparable data.

>>> import planparse
>>> doc = planparse.parse("一、指导思想\\n坚持立德树人。\\n二、工作目标\\n1、提高质量。\\n", classify=False)
>>> [s.id for s in doc.walk()]
['1', '2', '2.1']
"""

from __future__ import annotations

from .errors import LoadError, ModelError, PlanparseError, UnsupportedFormatError
from .model import Document, Plan, Responsibility, RoleMention, Section, Target, TimeExpression
from .parser import load, parse

__version__ = "0.1.0"

__all__ = [
    "Document", "Plan", "Section", "Target", "TimeExpression", "RoleMention", "Responsibility",
    "PlanparseError", "LoadError", "UnsupportedFormatError", "ModelError",
    "load", "parse", "__version__",
]
