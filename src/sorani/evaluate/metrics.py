"""Metrics shared by the evaluation tasks."""

from __future__ import annotations

from collections import Counter


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions all cost 1).

    >>> levenshtein("دستان", "دەستان")
    1
    """
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(pairs: list[tuple[str, str]]) -> float:
    """Corpus character error rate: total edits over total reference length, for (hypothesis, reference)."""
    edits = sum(levenshtein(h, r) for h, r in pairs)
    return edits / max(1, sum(len(r) for _, r in pairs))


def bag_f1(predicted: list[str], gold: list[str]) -> tuple[int, int, int]:
    """(true positives, predicted count, gold count) of two bags of tokens, for micro-averaged F1."""
    overlap = Counter(predicted) & Counter(gold)
    return sum(overlap.values()), len(predicted), len(gold)


def f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) from counts."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
