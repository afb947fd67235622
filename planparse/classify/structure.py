"""Labels from the outline: what a section's place says beyond its own text.

ANNOTATION.md ties three labels to the outline: items under a goals heading take
their topic first and ``goals`` second; a section whose items are a month-by-month
or week-by-week schedule (九月份, 十月份 …) is the plan's ``calendar``, whatever its
heading names (its topic stays as a further label); and a container heading that
names no topic (主要工作, 具体措施) takes ``measures`` and then the dominant topic of
its children. `label_tree` applies them on top of the model's probabilities, for
any tree of sections (a parsed Document, or gold headings in evaluation).

A section whose heading names no topic also leans to its parent's topic: a
vague item (``组织实施``, ``三年级组``) under a safety or sports heading is most
likely about the same thing. Sections are scored parents first, and the
parent's most probable topic, when it has at least ``model.inherit_min``, adds
``model.inherit`` to that topic's score in each such child. (A heading that
names topics keeps them: 心理健康与安全教育 under 学生发展 stays both.) A label marked
``inherited = false`` in the taxonomy (指导思想/工作思路) is not passed down: the
items of a plan's guiding ideas are about their own subjects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .model import SectionModel, softmax

# Under a goals heading, a topic this probable comes before `goals`.
GOAL_TOPIC_MIN = 0.05
# A container's children must agree this much for their topic to be its second label.
DOMINANT_SHARE = 0.5
# A section is a schedule when more than this share of its items (at least two) are.
SCHEDULE_SHARE = 0.5


@dataclass
class Node:
    """One section of a tree: its row (see `features.FIELDS`) and its place."""

    row: Sequence[str]
    parent: int | None = None
    children: list[int] = field(default_factory=list)


def link(nodes: list[Node]) -> list[Node]:
    """Fill ``children`` from ``parent`` indices."""
    for n in nodes:
        n.children = []
    for i, n in enumerate(nodes):
        if n.parent is not None:
            nodes[n.parent].children.append(i)
    return nodes


def label_tree(model: SectionModel, nodes: Sequence[Node]) -> list[list[tuple[Any, float]]]:
    """``[(label, score), …]`` for every node, parents listed before their children."""
    classes = model.classes
    rules = model.rules
    topics = [k for k, c in enumerate(classes) if c not in (rules.container, rules.goals, rules.fallback)]
    topical = {classes[k] for k in topics}
    # What a parent can pass down: its topics, but not those that say what part of the plan it is
    # (the items under 工作思路 are about their own subjects).
    passed = [k for k in topics if classes[k] not in rules.not_inherited]
    probas: list[np.ndarray] = []
    seen: list[bool] = []
    for n in nodes:
        z, s = model.decision_row(n.row)
        if (model.inherit and passed and n.parent is not None and n.parent < len(probas)
                and not model.named(n.row)):
            up = probas[n.parent]
            t = max(passed, key=lambda k: up[k])
            if up[t] >= model.inherit_min:
                z = z.copy()
                z[t] += model.inherit
        probas.append(softmax(z))
        seen.append(s)
    labels = [model.labels_of(p, s, model.named(n.row)) for p, s, n in zip(probas, seen, nodes)]

    if rules.goals is not None:
        g = classes.index(rules.goals)
        for i, n in enumerate(nodes):
            if n.parent is None or labels[n.parent][0][0] != rules.goals or not seen[i]:
                continue
            p = probas[i]
            main = labels[i][0][0]
            # Under a goals heading `goals` is the role, not a rival topic, and a label that says
            # what part of a plan a section is (指导思想) is no item's subject.
            if (main == rules.goals or main in rules.not_inherited) and passed:
                t = max(passed, key=lambda k: p[k])
                if p[t] >= GOAL_TOPIC_MIN:
                    rivals = p[g] + (p[classes.index(main)] if main != rules.goals else 0.0)
                    top = max(float(p[t] / max(1e-9, 1.0 - rivals)), float(p[g]))
                    labels[i] = [(classes[t], top)] + [x for x in labels[i] if x[0] != classes[t]]
            labels[i] = [x for x in labels[i] if x[0] not in rules.not_inherited] or labels[i]
            if labels[i][0][0] != rules.goals:
                # As sure of `goals` as of the parent's being a goals heading.
                score = min(labels[i][0][1], max(float(p[g]), labels[n.parent][0][1]))
                rest = [x for x in labels[i][1:] if x[0] != rules.goals]
                labels[i] = [labels[i][0]] + sorted(rest + [(rules.goals, score)], key=lambda x: -x[1])

    if rules.schedule is not None:
        _schedules(model, nodes, labels, probas, topical)

    if rules.container is not None:
        for i, n in enumerate(nodes):
            if labels[i][0][0] != rules.container or not n.children:
                continue
            votes = Counter(labels[c][0][0] for c in n.children if labels[c][0][0] in topical)
            if not votes:
                labels[i] = labels[i][:1]
                continue
            dom, count = votes.most_common(1)[0]
            share = count / len(n.children)
            if share < DOMINANT_SHARE:
                labels[i] = labels[i][:1]
                continue
            main_score = labels[i][0][1]
            score = min(main_score, max(float(probas[i][classes.index(dom)]), share * main_score))
            labels[i] = [labels[i][0], (dom, score)]
    return labels


def _schedules(model: SectionModel, nodes: Sequence[Node], labels: list[list[tuple[Any, float]]],
               probas: list[np.ndarray], topical: set[Any]) -> None:
    """A section whose items are mostly schedule items (九月份, 第一周) is a schedule: its main
    label becomes the schedule label, its topics stay after it. Items before their sections,
    so a schedule of schedules is one too."""
    sched = model.rules.schedule
    k = model.classes.index(sched)
    for i in range(len(nodes) - 1, -1, -1):
        kids = nodes[i].children
        if len(kids) < 2 or labels[i][0][0] == sched:
            continue
        share = sum(labels[c][0][0] == sched for c in kids) / len(kids)
        if share <= SCHEDULE_SHARE:
            continue
        score = max(float(probas[i][k]), share * labels[i][0][1])
        rest = [x for x in labels[i] if x[0] in topical and x[0] != sched]
        labels[i] = [(sched, score)] + rest[: max(0, model.max_labels - 1)]
