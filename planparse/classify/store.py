"""Saving and loading a `SectionModel`: numeric arrays and JSON in one ``.npz`` file.

Nothing in the file is executable: it is a zip of plain ``.npy`` arrays read
with ``allow_pickle=False`` (numbers, and strings as fixed-width unicode), and
a JSON header. A file that is not such a model, is damaged, or was written by
another format version raises `planparse.errors.ModelError`.
"""

from __future__ import annotations

import io
import json
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .features import Featurizer, FieldSpec, KeywordMatcher
from .model import LabelRules, SectionModel

FORMAT = "planparse/section-model"
FORMAT_VERSION = 1
DEFAULT_NAME = "sections.npz"


def model_path(path: str | Path) -> Path:
    """The model file ``path`` names: the file itself, or ``sections.npz`` inside a directory."""
    p = Path(path)
    return p / DEFAULT_NAME if p.is_dir() else p


def save_model(model: SectionModel, path: str | Path) -> Path:
    """Write ``model`` to ``path`` (a file, or a directory to hold ``sections.npz``); returns the file."""
    target = model_path(path)
    feat = model.featurizer
    matcher = feat.matcher
    header: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "classes": list(model.classes),
        "fields": [[f.name, f.weight, f.ngram_min, f.ngram_max, f.max_chars] for f in feat.fields],
        "keyword_weight": feat.keyword_weight,
        "lead_weight": feat.lead_weight,
        "unglue": feat.unglue,
        "min_df": feat.min_df,
        "keywords": None if matcher is None else {
            "labels": matcher.labels,
            "keywords": matcher.keywords,
            "patterns": matcher.patterns,
            "topical": matcher.topical.tolist(),
            "precedence": matcher.precedence,
            "plan_part": matcher.plan_part,
            "inherited": matcher.inherited,
        },
        "secondary_min": model.secondary_min,
        "secondary_ratio": model.secondary_ratio,
        "max_labels": model.max_labels,
        "inherit": model.inherit,
        "inherit_min": model.inherit_min,
        "rules": {"container": model.rules.container, "goals": model.rules.goals,
                  "fallback": model.rules.fallback, "not_inherited": list(model.rules.not_inherited),
                  "schedule": model.rules.schedule},
        "meta": model.meta,
    }
    arrays: dict[str, np.ndarray] = {
        "header": np.array(json.dumps(header, ensure_ascii=False, default=_jsonable)),
        "coef": model.coef.astype(np.float32),
        "intercept": model.intercept.astype(np.float64),
        "idf": feat.idf.astype(np.float32),
    }
    for j, vocab in enumerate(feat.vocabs):
        grams = sorted(vocab, key=vocab.__getitem__)
        arrays[f"vocab{j}"] = np.array(grams, dtype=f"<U{max(1, max(map(len, grams), default=1))}")
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(target)
    return target


def load_model(path: str | Path) -> SectionModel:
    """Read a model written by `save_model`; raise `ModelError` for anything else."""
    p = model_path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model: {exc.strerror or exc}", str(p)) from None
    return _from_bytes(data, str(p))


def _from_bytes(data: bytes, source: str) -> SectionModel:
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        raise ModelError(f"not a planparse model file ({type(exc).__name__}: {exc})", source) from None
    if "header" not in arrays:
        raise ModelError("not a planparse model file (no header)", source)
    try:
        header = json.loads(str(arrays["header"]))
    except ValueError:
        raise ModelError("damaged model file (unreadable header)", source) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelError("not a planparse section model", source)
    if header.get("version") != FORMAT_VERSION:
        raise ModelError(
            f"model format version {header.get('version')!r}; this planparse reads version {FORMAT_VERSION} "
            "(retrain it with `planparse train`)", source)
    try:
        return _build(header, arrays)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelError(f"damaged model file ({type(exc).__name__}: {exc})", source) from None


def _build(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> SectionModel:
    fields = [FieldSpec(str(n), float(w), int(a), int(b), int(m)) for n, w, a, b, m in header["fields"]]
    kw = header["keywords"]
    matcher = None if kw is None else KeywordMatcher(kw["labels"], kw["keywords"], kw["patterns"], kw["topical"],
                                                     kw.get("precedence"), kw.get("plan_part"),
                                                     kw.get("inherited"))
    feat = Featurizer(fields, float(header["keyword_weight"]), matcher, int(header["min_df"]),
                      float(header.get("lead_weight", 0.0)), bool(header.get("unglue", False)))
    vocabs, col = [], 0
    for j in range(len(fields)):
        grams = arrays[f"vocab{j}"].tolist()
        vocabs.append({g: col + i for i, g in enumerate(grams)})
        col += len(grams)
    feat.vocabs = vocabs
    feat.idf = arrays["idf"].astype(np.float64)
    classes = list(header["classes"])
    coef = arrays["coef"]
    intercept = arrays["intercept"]
    if feat.idf.shape != (col,) or coef.shape != (feat.n_columns, len(classes)) or intercept.shape != (len(classes),):
        raise ValueError("array shapes do not fit together")
    if not classes or len(set(map(str, classes))) != len(classes):
        raise ValueError("bad class list")
    rules = header.get("rules") or {}
    return SectionModel(
        classes=classes,
        featurizer=feat,
        coef=coef,
        intercept=intercept,
        secondary_min=float(header["secondary_min"]),
        secondary_ratio=float(header["secondary_ratio"]),
        max_labels=int(header["max_labels"]),
        inherit=float(header.get("inherit", 0.0)),
        inherit_min=float(header.get("inherit_min", 0.2)),
        rules=LabelRules(**{k: rules.get(k) for k in ("container", "goals", "fallback", "schedule")},
                         not_inherited=tuple(map(str, rules.get("not_inherited") or ()))),
        meta=dict(header.get("meta") or {}),
    )


@lru_cache(maxsize=1)
def default_model() -> SectionModel:
    """The model shipped in ``planparse/models/`` (loaded once)."""
    ref = resources.files("planparse").joinpath(f"models/{DEFAULT_NAME}")
    try:
        data = ref.read_bytes()
    except OSError:
        raise ModelError("the shipped section model is missing; reinstall planparse or pass a model "
                         "trained with `planparse train`", f"planparse/models/{DEFAULT_NAME}") from None
    return _from_bytes(data, f"planparse/models/{DEFAULT_NAME}")


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    return str(obj)
