"""The planparse command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from planparse.cli import main

from .conftest import CORPORA


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_parse_prints_an_indented_tree():
    code, out, err = run("parse", str(CORPORA / "003_6f7cf6aaac7bc96b.txt"), "--no-classify")
    assert code == 0 and not err
    assert "\n  一、 指导思想" in out
    assert "\n  二、 工作目标" in out


def test_parse_json_is_the_document_dict():
    code, out, _ = run("parse", str(CORPORA / "devset" / "d001.txt"), "--format", "json", "--no-classify")
    data = json.loads(out)
    assert code == 0 and data["schema"] == "planparse/document"
    assert data["plans"][0]["sections"][0]["marker"] == "一、"


def test_parse_markdown_renders_headings():
    _, out, _ = run("parse", str(CORPORA / "devset" / "d001.txt"), "--format", "markdown", "--no-classify")
    assert "\n## 一、" in out


def test_a_bad_file_is_one_error_line_and_the_others_still_parse(tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nxxxx")
    code, out, err = run("parse", str(bad), str(CORPORA / "devset" / "d002.txt"), "--summary", "--no-classify")
    assert code == 1
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert "1 file(s) parsed, 1 failed" in out


def test_console_script_runs_as_a_module():
    proc = subprocess.run([sys.executable, "-m", "planparse.cli", "parse", str(CORPORA / "devset" / "d002.txt"),
                           "--no-classify"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "一、" in proc.stdout


def test_usage_error_exit_code():
    code, _, _ = run("parse")
    assert code == 2
