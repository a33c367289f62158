"""``sorani evaluate repair``: character error rate of the ``repair`` tier.

Gold data:

* the real pairs ``evaluation/normalization/Sorani-Arabic.dev.tsv`` and ``Sorani-Persian.dev.tsv`` (source, standard; from
  ScriptNormalization, Apache-2.0). Each file is split deterministically by line number: the even-numbered
  lines (0, 2, 4, …, counting from 0) are the TUNING half, which the repair parameters and the tests were
  fitted on; the odd-numbered lines are the HELD-OUT half, and only that figure is the result.
* the synthetic FLORES sets ``normalization/synthetic-flores/Sorani-{Arabic,Persian}/devtest_{20..100}.src``
  with their clean ``.trg``. Lines 0..505 are the training split (the lexicon counts and any tuning); only
  lines 506.. are scored. They are read from ``$SORANI_SHARED_DATA`` or ``shared/data`` beside the repository next to the
  repository (they are too large, and CC BY-SA, to copy in); without them this part is skipped with a note.
  ``--gold path/to/devtest_40.src`` scores one file (held-out lines only).

Beside each repair figure the report gives the CER of the text left unchanged and after the standard tier.
For the real pairs it also gives the **confusion floor**: the CER that would remain if, starting from the
standard tier's output, every edit that ``repair_confusions.tsv`` allows (a row's substitution, the
insertion of a letter a row puts in, adding or removing a space) were made exactly where the gold needs it.
Whatever the gold changes beyond that (added punctuation, other letters, rewordings) no repair restricted
to those confusions can reach, so this is a floor for the tier as designed, not a figure of it.
"""

from __future__ import annotations

import time
from pathlib import Path

from .._data import decode_cell, load_table
from ..normalizer import normalize
from . import Report, shared_data
from .metrics import cer, restricted_distance

DEFAULT_GOLD = ["normalization/Sorani-Arabic.dev.tsv", "normalization/Sorani-Persian.dev.tsv"]
FLORES_TRAIN_LINES = 506
NOISE_LEVELS = (20, 40, 60, 80, 100)


def split_halves(rows: list) -> tuple[list, list]:
    """(tuning half, held-out half): even-numbered and odd-numbered lines, counting from 0."""
    return rows[0::2], rows[1::2]


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:  # no pair (not one with an empty gold)
            continue
        source, _, standard = line.partition("\t")
        pairs.append((source, standard))
    return pairs


def flores_dir() -> Path | None:
    """The synthetic-flores folder of the shared data, or None."""
    base = shared_data("normalization/synthetic-flores")
    return base / "normalization" / "synthetic-flores" if base else None


def read_flores(src: Path) -> list[tuple[str, str]]:
    """The held-out (line >= 506) pairs of one FLORES noise file and its .trg."""
    noisy = src.read_text(encoding="utf-8").splitlines()
    clean = src.with_suffix(".trg").read_text(encoding="utf-8").splitlines()
    return list(zip(noisy, clean))[FLORES_TRAIN_LINES:]


def _free_edits() -> tuple[frozenset, frozenset, frozenset]:
    """(substitutions, insertions, deletions) that the confusion table allows, generously: a row typed X
    for standard YZ… frees X→Y and the insertion of Z…; spaces and ZWNJ may come and go (joins, splits)."""
    substitutions, insertions = set(), set(" \u200c")
    for row in load_table("repair_confusions.tsv"):
        typed, standard = decode_cell(row["typed"]), decode_cell(row["standard"])
        if typed:
            substitutions.add((typed, standard[0]))
            insertions.update(standard[1:])
        else:
            insertions.update(standard)
    return frozenset(substitutions), frozenset(insertions), frozenset(" \u200c")


def confusion_floor(pairs: list[tuple[str, str]]) -> float:
    """The CER left after the perfect use of the confusion table's edits on the standard tier's output."""
    free = _free_edits()
    edits = sum(restricted_distance(normalize(s), t, *free) for s, t in pairs)
    return edits / max(1, sum(len(t) for _, t in pairs))


def _score(pairs: list[tuple[str, str]]) -> tuple[float, float, float, list[tuple[str, str, str]]]:
    raw = cer(pairs)
    standard = cer([(normalize(s), t) for s, t in pairs])
    repaired = [normalize(s, tier="repair") for s, _ in pairs]
    misses = [(s, h, t) for (s, t), h in zip(pairs, repaired) if h != t]
    return raw, standard, cer(list(zip(repaired, (t for _, t in pairs)))), misses


def run(gold_paths: list[Path], show: int = 10) -> Report:
    figures: dict[str, float] = {}
    details: list[str] = []
    misses: list[str] = []
    flores_files: list[Path] = []
    for path in gold_paths:
        if path.suffix == ".src":
            flores_files.append(path)
            continue
        name = path.stem.replace(".dev", "")
        tune, held = split_halves(read_pairs(path))
        for label, pairs in (("held-out", held), ("tuning", tune)):
            raw, standard, repaired, miss = _score(pairs)
            prefix = f"{name} {label} ({len(pairs)} pairs)"
            figures[f"{prefix} CER repair"] = repaired
            details.append(f"  {prefix}: unchanged {raw:.4f}, standard tier {standard:.4f}, repair {repaired:.4f}, "
                           f"confusion floor {confusion_floor(pairs):.4f}")
            if label == "held-out":
                misses += [f"{name}: {s} → {h} (gold {t})" for s, h, t in miss]
    explicit = bool(flores_files)
    if not explicit and all(p.suffix != ".src" for p in gold_paths):
        base = flores_dir()
        if base is None:
            details.append("  synthetic FLORES: skipped (no normalization/synthetic-flores under "
                           "$SORANI_SHARED_DATA or shared/data beside the repository)")
        else:
            for keyboard in ("Arabic", "Persian"):
                for level in NOISE_LEVELS:
                    path = base / f"Sorani-{keyboard}" / f"devtest_{level}.src"
                    if path.is_file():
                        flores_files.append(path)
    total_chars, total_seconds = 0, 0.0
    for path in flores_files:
        pairs = read_flores(path)
        start = time.perf_counter()
        raw, standard, repaired, _ = _score(pairs)
        total_seconds += time.perf_counter() - start
        total_chars += sum(len(s.encode("utf-8")) for s, _ in pairs)
        label = f"FLORES {path.parent.name} {path.stem} (lines {FLORES_TRAIN_LINES}+, {len(pairs)} pairs)"
        figures[f"{label} CER repair"] = repaired
        details.append(f"  {label}: unchanged {raw:.4f}, standard tier {standard:.4f}, repair {repaired:.4f}")
    details.insert(0, "  (real pairs: held-out = odd-numbered lines; tuning = even-numbered lines, fitted on)")
    return Report("repair", figures, misses, details)
