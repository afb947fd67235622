"""Compiled modules run only while the build's manifest vouches for their source."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import planparse
from planparse._native import MANIFEST, extension_modules, vouched_modules

PACKAGE = Path(planparse.__file__).parent


def _fake_package(tmp_path: Path) -> Path:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    for name in ("fast", "slow"):
        (pkg / f"{name}.py").write_text("X = 1\n", encoding="utf-8")
        (pkg / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (pkg / f"orphan{EXTENSION_SUFFIXES[0]}").write_bytes(b"")  # no source: not ours to route
    digest = hashlib.sha256(b"X = 1\n").hexdigest()
    (pkg / MANIFEST).write_text(json.dumps({"fast": digest, "slow": digest}), encoding="utf-8")
    return pkg


def test_a_module_is_vouched_for_only_while_its_source_is_the_one_built(tmp_path):
    pkg = _fake_package(tmp_path)
    assert extension_modules(pkg) == ["fast", "slow"]
    assert vouched_modules(pkg) == ["fast", "slow"]
    (pkg / "slow.py").write_text("X = 2  # edited after the build\n", encoding="utf-8")
    assert vouched_modules(pkg) == ["fast"]


def test_no_manifest_vouches_for_nothing(tmp_path):
    pkg = _fake_package(tmp_path)
    (pkg / MANIFEST).write_text("not json", encoding="utf-8")
    assert vouched_modules(pkg) == []
    (pkg / MANIFEST).unlink()
    assert vouched_modules(pkg) == []


def _where(env: dict[str, str], cwd: Path) -> dict:
    code = ("import json, planparse, planparse.parser, planparse.numbering; from planparse._native import "
            "compiled_modules; print(json.dumps({'compiled': compiled_modules(), 'parser': planparse.parser.__file__,"
            " 'numbering': planparse.numbering.__file__, 'outline': [s.id for s in planparse.parse("
            "'一、目标\\n（一）教学\\n1.备课', classify=False).walk()]}))")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_pure_mode_runs_every_module_from_its_source(tmp_path):
    found = _where({**os.environ, "PLANPARSE_PURE": "1"}, tmp_path)
    assert found["compiled"] == []
    assert found["parser"].endswith("parser.py") and found["numbering"].endswith("numbering.py")
    assert found["outline"] == ["1", "1.1", "1.1.1"]


@pytest.mark.skipif(not vouched_modules(PACKAGE), reason="this install has no compiled modules")
def test_an_edited_module_runs_from_its_source_and_the_rest_stay_compiled(tmp_path):
    copy = tmp_path / "planparse"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    with (copy / "numbering.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited after the build\n")
    env = {k: v for k, v in os.environ.items() if k != "PLANPARSE_PURE"}
    env["PYTHONPATH"] = str(tmp_path)
    found = _where(env, tmp_path)
    assert found["numbering"] == str(copy / "numbering.py")  # its source, not the stale build
    assert found["parser"].startswith(str(copy)) and not found["parser"].endswith(".py")
    assert "planparse.numbering" not in found["compiled"] and "planparse.parser" in found["compiled"]
    assert found["outline"] == ["1", "1.1", "1.1.1"]
