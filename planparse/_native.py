"""Which of the parser's modules run compiled.

An install with Cython and a C compiler builds compiled twins of the parser's hot modules
from their own .py files (setup.py) and lists them in ``_native.json`` with the hash of
the source each was built from. Python imports an extension module before the .py beside
it; this module keeps that from ever running stale code: an extension module runs only
while the manifest vouches for it (its source unchanged since the build); any other, such
as one left behind when a developer edits or checks out a module, is imported from its
source. ``PLANPARSE_PURE=1`` imports every module from its source.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

MANIFEST = "_native.json"
PURE_ENV = "PLANPARSE_PURE"


class _FromSource:
    """A meta path finder that imports the named modules from their .py sources."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        src = self.sources.get(fullname)
        return spec_from_file_location(fullname, src) if src is not None else None


def extension_modules(package_dir: Path) -> list[str]:
    """The modules of the package that have an extension module beside their source."""
    return sorted({p.name[: -len(suffix)] for suffix in EXTENSION_SUFFIXES for p in package_dir.glob(f"*{suffix}")
                   if (package_dir / f"{p.name[: -len(suffix)]}.py").exists()})


def source_digest(path: Path) -> str:
    """What the manifest records of a module's source (setup.py writes it, this module checks it)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vouched_modules(package_dir: Path) -> list[str]:
    """The modules the build compiled whose source is still the one they were built from."""
    try:
        built = json.loads((package_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for name, digest in sorted(built.items()):
        try:
            if source_digest(package_dir / f"{name}.py") == digest:
                out.append(name)
        except OSError:
            continue
    return out


_compiled: list[str] = []  # "package.module" of each module that runs compiled


def activate(package: str, package_dir: Path) -> None:
    """Route every extension module of the package that may not run to its source.

    Called by the package's ``__init__`` before it imports any of its modules."""
    extensions = extension_modules(package_dir)
    if not extensions:
        return  # a pure-Python install
    pure = os.environ.get(PURE_ENV, "") not in ("", "0")
    vouched = set() if pure else set(vouched_modules(package_dir))
    sources = {f"{package}.{name}": package_dir / f"{name}.py" for name in extensions if name not in vouched}
    if sources:
        sys.meta_path.insert(0, _FromSource(sources))
    _compiled[:] = [f"{package}.{name}" for name in extensions if name in vouched]


def compiled_modules() -> list[str]:
    """The package's modules that run compiled in this process (empty: pure Python)."""
    return list(_compiled)
