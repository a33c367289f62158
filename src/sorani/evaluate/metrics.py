"""Metrics shared by the evaluation tasks."""

from __future__ import annotations

from collections import Counter


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions all cost 1).

    Bit-parallel (Myers 1999, Hyyrö 2001) over Python integers after stripping the common prefix and
    suffix: the same figures as the textbook dynamic programme (:func:`levenshtein_dp`), much faster on
    long lines.

    >>> levenshtein("دستان", "دەستان")
    1
    >>> levenshtein("kitten", "sitting")
    3
    """
    if a == b:
        return 0
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, char in enumerate(b):
        peq[char] = peq.get(char, 0) | (1 << i)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for char in a:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


def levenshtein_dp(a: str, b: str) -> int:
    """The textbook O(len(a) * len(b)) edit distance; the reference for :func:`levenshtein`.

    >>> levenshtein_dp("دستان", "دەستان")
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


def restricted_distance(a: str, b: str, free_substitutions: frozenset[tuple[str, str]],
                        free_insertions: frozenset[str], free_deletions: frozenset[str]) -> int:
    """The edits from ``a`` to ``b`` that remain when the given substitutions (typed, standard),
    insertions and deletions cost nothing and every other edit costs 1: what a perfect corrector that may
    only make the free edits leaves wrong.

    >>> restricted_distance("دستان", "دەستان", frozenset(), frozenset("ە"), frozenset())
    0
    >>> restricted_distance("دستان", "دەستان.", frozenset(), frozenset("ە"), frozenset())
    1
    """
    previous = [0]
    for cb in b:
        previous.append(previous[-1] + (cb not in free_insertions))
    for ca in a:
        deletion = ca not in free_deletions
        current = [previous[0] + deletion]
        for j, cb in enumerate(b, 1):
            substitution = previous[j - 1] + (ca != cb and (ca, cb) not in free_substitutions)
            current.append(min(substitution, previous[j] + deletion, current[j - 1] + (cb not in free_insertions)))
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
