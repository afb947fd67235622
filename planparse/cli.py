"""The ``planparse`` command line.

Every command takes files and reports a failure as one line naming the file,
then goes on; the exit code is 0 only when every file was processed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

from .errors import PlanparseError
from .model import Document

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def iter_documents(files: list[str], err: TextIO, **parse_options: bool) -> Iterator[Document | None]:
    """Load and parse each file; for one that fails, print one error line naming it and yield None.

    Every command that reads files goes through here, so a batch never stops at a bad file.
    """
    from .parser import load

    for f in files:
        try:
            yield load(f, **parse_options)
        except PlanparseError as exc:
            print(f"planparse: error: {exc}", file=err)
            yield None


def render_tree(doc: Document) -> str:
    out = [f"# {doc.source or '<text>'}: {len(doc.plans)} plan(s)"]
    for i, plan in enumerate(doc.plans, 1):
        meta = ", ".join(f"{k}={v}" for k, v in plan.metadata.items())
        out.append(f"plan {i}: {plan.title or '(untitled)'}" + (f"  [{meta}]" if meta else ""))
        for s in plan.walk():
            label = f"  <{s.label}>" if s.labels else ""
            out.append(f"{'  ' * s.level}{s.marker}{' ' if s.marker else ''}{s.title}{label}")
    return "\n".join(out)


def render_markdown(doc: Document) -> str:
    out: list[str] = []
    for plan in doc.plans:
        out.append(f"# {plan.title or '(untitled plan)'}\n")
        for s in plan.walk():
            out.append(f"{'#' * min(6, s.level + 1)} {s.marker}{s.title}\n")
    return "\n".join(out)


def _summary(docs: list[Document], failed: int) -> str:
    plans = sum(len(d.plans) for d in docs)
    sections = sum(1 for d in docs for _ in d.walk())
    depth = max((s.level for d in docs for s in d.walk()), default=0)
    return (f"summary: {len(docs)} file(s) parsed, {failed} failed; {plans} plan(s), "
            f"{sections} section(s), max depth {depth}")


def cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    render: Callable[[Document], str] = {
        "tree": render_tree,
        "json": lambda d: d.to_json(indent=2),
        "markdown": render_markdown,
    }[args.format]
    ok: list[Document] = []
    failed = 0
    for doc in iter_documents(args.files, err, classify=not args.no_classify, extract=not args.no_extract):
        if doc is None:
            failed += 1
            continue
        ok.append(doc)
        print(render(doc), file=out)
    if args.summary:
        print(_summary(ok, failed), file=out)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="planparse", description="Read Chinese plan documents into structured data.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="print each file's plans and heading outline")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=["tree", "json", "markdown"], default="tree")
    p.add_argument("--summary", action="store_true", help="end with a one-line summary")
    p.add_argument("--no-classify", action="store_true", help="skip section classification")
    p.add_argument("--no-extract", action="store_true", help="skip target/date/role extraction")
    p.set_defaults(func=cmd_parse)
    # Other commands register themselves from their own packages (light imports only).
    for name in ("planparse.extract.cli", "planparse.classify.cli"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        module.register(sub)
    return ap


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return int(args.func(args, out, err))
    except BrokenPipeError:  # `planparse parse … | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["main", "render_tree", "render_markdown"]
