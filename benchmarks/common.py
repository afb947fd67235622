"""Shared pieces of the benchmarks: the corpus and a best-of-N timer."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Corpus:
    texts: list[str]
    paths: list[str]

    @property
    def chars(self) -> int:
        return sum(map(len, self.texts))

    @classmethod
    def load(cls, root: Path) -> Corpus:
        return cls.from_paths(sorted(root.glob("*.txt")) + sorted(root.glob("devset/*.txt")))

    @classmethod
    def from_paths(cls, paths: list[Path]) -> Corpus:
        return cls([p.open(encoding="utf-8", newline="").read() for p in paths], [str(p) for p in paths])


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Fastest wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


_jieba_ready = False


def jieba_seconds(texts: list[str], repeat: int = 3) -> float:
    """The baseline: ``jieba.lcut`` over the same texts (dictionary loaded beforehand)."""
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        jieba.setLogLevel(60)
        jieba.initialize()
        _jieba_ready = True
    return best_of(lambda: [jieba.lcut(t) for t in texts], repeat)


@contextmanager
def settled_heap() -> Iterator[None]:
    """Time on a settled heap: what the process already holds (jieba's dictionary, the
    classifier, earlier benchmarks' data) is moved out of the collector's reach, so a
    collection during a timed run walks what that run made, not the rest of the process."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
