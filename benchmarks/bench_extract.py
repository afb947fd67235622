"""Extraction throughput (targets, dates, roles and responsibilities together) against ``jieba.lcut``.

The documents are parsed once without extraction; the timed part is
`planparse.extract.extract_document` over all of them, which is what
extraction adds to a parse. Target: at least as fast as segmenting the same
text with jieba (ratio >= 1).
"""

from __future__ import annotations

from .common import Corpus, best_of, jieba_seconds


def run(corpus: Corpus) -> None:
    from planparse import parse
    from planparse.extract import default_roles, extract_document

    docs = [parse(t, classify=False, extract=False) for t in corpus.texts]
    default_roles().pattern  # patterns compile once per process, not per document: warm them up
    for d in docs[:1]:
        extract_document(d)

    def extract_all() -> None:
        for d in docs:
            extract_document(d)

    seconds = best_of(extract_all)
    base = jieba_seconds(corpus.texts)
    found = sum(len(p.targets) + len(p.dates) + len(p.roles) for d in docs for p in d.plans)
    chars = corpus.chars
    print(f"extract: {chars / seconds:12,.0f} chars/s  ({seconds * 1000:.0f} ms, {found} spans)")
    print(f"jieba:   {chars / base:12,.0f} chars/s  ({base * 1000:.0f} ms)")
    print(f"ratio extract/jieba speed: {base / seconds:.2f}x (target >= 1)")
