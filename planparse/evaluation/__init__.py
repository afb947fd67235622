"""Accuracy against the hand-made annotations in ``corpora/annotations/`` (``make eval``)."""
