"""Optional compiled twins of the parser's modules.

Everything else about the package is in pyproject.toml. Here the parser's hot modules are
compiled by Cython from the very same .py files (no Cython-only code): the source stays
the one to read and change. Each extension is optional: without Cython or a C compiler
the package installs as pure Python and behaves the same, only slower.

The build writes ``planparse/_native.json``: each compiled module with the hash of the
source it was built from. ``planparse._native`` uses a compiled module only while its
source is unchanged (an edited .py runs as Python until the next build), and none at
all when ``PLANPARSE_PURE=1``.
"""

from __future__ import annotations

import json
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules a parse spends its time in (see benchmarks/bench_parse.py).
COMPILED = ["lines", "simplified", "clutter", "numbering", "standalone", "plans", "hierarchy", "metadata", "parser", "model"]


def _native():
    """planparse/_native.py on its own (standard library only): the package's __init__ needs
    dependencies a build does not have."""
    spec = spec_from_file_location("_planparse_native", Path("planparse") / "_native.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


native = _native()


def _source(name: str) -> Path:
    return Path("planparse") / f"{name}.py"


class BuildWithManifest(build_ext):
    """build_ext that records which modules were compiled, and from what source."""

    def run(self) -> None:
        super().run()
        if not self.extensions:
            return  # a pure-Python build: nothing to vouch for
        built = {}
        for ext in self.extensions:
            if Path(self.get_ext_fullpath(ext.name)).exists():
                name = ext.name.split(".")[-1]
                built[name] = native.source_digest(_source(name))
        for root in {Path(self.build_lib), Path(".")} if self.inplace else {Path(self.build_lib)}:
            target = root / "planparse" / native.MANIFEST
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(built, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _extensions() -> list:
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []  # pure Python
    from setuptools import Extension

    exts = [Extension(f"planparse.{name}", [str(_source(name))], optional=True) for name in COMPILED]
    return cythonize(exts, compiler_directives={"language_level": 3, "binding": False}, quiet=True, nthreads=2)


setup(
    ext_modules=_extensions(),
    cmdclass={"build_ext": BuildWithManifest},
    options={"build_ext": {"parallel": 2}},
)
