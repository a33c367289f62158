"""``segment`` task: micro bag-of-tokens F1 of ``sorani.segment`` on the KurdishTokenization gold.

The even-numbered sentences (0, 2, ...) were used to tune the analyzer's split bonus; the odd-numbered
ones were not looked at and are the held-out figure."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import Report
from .metrics import bag_f1, f1

DEFAULT_GOLD = ("tokenization/gold.dev.tsv",)


def run(gold_paths: list[Path], show: int) -> Report:
    from ..morphology import segment

    lines = [line.split("\t") for line in gold_paths[0].read_text(encoding="utf-8").splitlines() if "\t" in line]
    if not lines:
        raise InputError(f"{gold_paths[0]}: no sentence<TAB>tokens pairs")
    figures: dict[str, float] = {"sentences": len(lines)}
    misses = []
    for name, part in (("held-out (odd sentences)", lines[1::2]), ("tuning (even sentences)", lines[0::2]),
                       ("all", lines)):
        tp = npred = ngold = 0
        for raw, gold, *_ in part:
            predicted = segment(raw)
            a, b, c = bag_f1(predicted, gold.split())
            tp, npred, ngold = tp + a, npred + b, ngold + c
            if name.startswith("held") and predicted != gold.split():
                misses.append(f"{' '.join(predicted)}  ||  gold: {gold.strip()}")
        p, r, f = f1(tp, npred, ngold)
        figures[f"{name} bag F1"] = f
        figures[f"{name} precision"] = p
        figures[f"{name} recall"] = r
    return Report("segment", figures, misses[:show])
