"""``normalize`` task: character error rate of the standard tier on real keyboard-mangled pairs.

Each gold file is a TSV of ``source<TAB>standard``. The report gives the CER of the text left unchanged
and after the standard tier, per file. The big gains on these sets come with the ``repair`` tier; the
standard tier only fixes look-alike letters, ZWNJ, initial ڕ and spacing.
"""

from __future__ import annotations

from pathlib import Path

from ..normalizer import normalize
from . import Report
from .metrics import cer

DEFAULT_GOLD = ("normalization/Sorani-Arabic.dev.tsv", "normalization/Sorani-Persian.dev.tsv")


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            source, target = line.split("\t")[:2]
            pairs.append((source, target))
    return pairs


def run(gold_paths: list[Path], show: int) -> Report:
    figures: dict[str, float] = {}
    misses: list[str] = []
    for path in gold_paths:
        pairs = read_pairs(path)
        name = path.stem
        figures[f"{name} pairs"] = len(pairs)
        figures[f"{name} CER unchanged"] = cer([(s, t) for s, t in pairs])
        outputs = [normalize(s) for s, _ in pairs]
        figures[f"{name} CER standard"] = cer([(o, t) for o, (_, t) in zip(outputs, pairs)])
        misses += [f"{name}: {o!r} != {t!r}" for o, (_, t) in zip(outputs, pairs) if o != t][:show]
    return Report("normalize", figures, misses)
