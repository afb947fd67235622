"""A spaCy pipeline component: planparse's targets, dates and roles as entities.

``import planparse.spacy`` registers the factory ``"planparse"``. It works on a
blank Chinese pipeline with character or jieba segmentation, so nothing needs
downloading::

    import spacy
    import planparse.spacy  # noqa: F401  (registers the component)

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("planparse")
    doc = nlp(text)
    [(e.text, e.label_, e._.section.id if e._.section else None) for e in doc.ents]

The component parses the text with planparse and sets:

* ``doc.ents``: ``TARGET``, ``DATE`` and ``ROLE`` spans, snapped outwards to
  token boundaries; where they overlap (a 每月 inside a target) the longer
  one is the entity;
* ``doc.spans["planparse"]``: every extracted span, overlaps included;
* ``doc._.plan``: the first `planparse.Plan` of the text (None without one),
  ``doc._.planparse``: the whole `planparse.Document`;
* ``span._.section``: the innermost `planparse.Section` holding the span's start.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .model import Document, Section

LABELS = ("TARGET", "DATE", "ROLE")
SPAN_KEY = "planparse"


def _section_of(span: Span) -> Section | None:
    pdoc: Document | None = span.doc._.planparse
    if pdoc is None:
        return None
    offset = span.start_char
    sections = [s for s in pdoc.walk()]
    starts = [s.start for s in sections]
    i = bisect_right(starts, offset) - 1
    sec: Section | None = sections[i] if i >= 0 else None
    while sec is not None and sec.end <= offset:
        sec = sec.parent
    return sec


def _first_plan(doc: Doc) -> Any:
    pdoc: Document | None = doc._.planparse
    return pdoc.plans[0] if pdoc is not None and pdoc.plans else None


if not Doc.has_extension("planparse"):
    Doc.set_extension("planparse", default=None)
if not Doc.has_extension("plan"):
    Doc.set_extension("plan", getter=_first_plan)
if not Span.has_extension("section"):
    Span.set_extension("section", getter=_section_of)


class PlanparseComponent:
    """Adds planparse's extraction layer to a spaCy ``Doc``."""

    def __init__(self, nlp: Language, name: str, classify: bool = False, roles: str | None = None) -> None:
        self.name = name
        self.classify = classify
        self.roles = roles

    def __call__(self, doc: Doc) -> Doc:
        from .extract import extract_document
        from .parser import parse

        pdoc = parse(doc.text, classify=self.classify, extract=self.roles is None)
        if self.roles is not None:
            extract_document(pdoc, roles=self.roles)
        doc._.planparse = pdoc
        spans: list[Span] = []
        for plan in pdoc.plans:
            for label, items in (("TARGET", plan.targets), ("DATE", plan.dates), ("ROLE", plan.roles)):
                for item in items:
                    span = doc.char_span(item.start, item.end, label=label, alignment_mode="expand")
                    if span is not None and len(span):
                        spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.ents = filter_spans(spans)
        return doc


@Language.factory(
    "planparse",
    default_config={"classify": False, "roles": None},
    assigns=["doc.ents", "doc._.planparse"],
)
def make_planparse(nlp: Language, name: str, classify: bool, roles: str | None) -> PlanparseComponent:
    """The ``planparse`` component; ``roles`` names a role file extending the lexicon."""
    return PlanparseComponent(nlp, name, classify=classify, roles=roles)


__all__ = ["LABELS", "SPAN_KEY", "PlanparseComponent", "make_planparse"]
