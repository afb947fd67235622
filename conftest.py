"""Test-session set-up shared by the doctests in planparse/ and the suite in tests/.

A module that runs compiled has no doctests to collect (its .py is not what runs): its
doctests run in the pure-Python pass of `make test` (PLANPARSE_PURE=1).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent / "planparse"


def _compiled() -> list[str]:
    from planparse._native import compiled_modules

    return compiled_modules()


def pytest_report_header(config) -> str:
    compiled = _compiled()
    return f"planparse: {len(compiled)} modules compiled" if compiled else "planparse: pure Python"


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    path = Path(collection_path)
    if path.suffix == ".py" and path.parent == PACKAGE and f"planparse.{path.stem}" in _compiled():
        return True
    return None
