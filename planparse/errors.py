"""Errors planparse raises on purpose: each names the file and the problem."""

from __future__ import annotations


class PlanparseError(Exception):
    """Base class of every error planparse raises deliberately."""

    def __init__(self, message: str, source: str | None = None) -> None:
        self.source = source
        self.problem = message
        super().__init__(f"{source}: {message}" if source else message)


class LoadError(PlanparseError):
    """A file could not be read or decoded as text."""


class UnsupportedFormatError(LoadError):
    """A file is binary or of a format planparse does not read."""


class ModelError(PlanparseError):
    """A classifier model file is corrupt, of another version, or not a model."""
