#!/usr/bin/env python
"""Train the Arabic → Latin transliteration model: src/sorani/data/translit_model.json.gz.

    python scripts/train_translit.py [--shared DIR] [--epochs 8]

Training pairs (the held-out fifth of each source, rows whose number is divisible by 5, is never used; see
sorani/evaluate/translit.py):
- Wergor's human transliterations (transliteration/wergor.dev.tsv, MIT), Wergor's ë read as ’;
- UniMorph lemmas and forms with their Latin forms (morphology/unimorph.trainval.tsv, CC BY-SA 3.0).
Each pair is aligned letter by letter (which Latin string each Arabic letter stands for, with the
bizroke i before a consonant); an averaged perceptron learns those choices from the letters around. The
model ships the training words as a lexicon and the perceptron's weights.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.evaluate.translit import training_pairs  # noqa: E402
from sorani.translit import MODEL_FILE, candidates, features, label_key  # noqa: E402


def align(arabic: str, latin: str) -> list[str] | None:
    """The candidate chosen for each Arabic letter so that they spell ``latin``, or None."""
    memo: dict[tuple[int, int], list[str] | None] = {}

    def walk(i: int, j: int):
        if i == len(arabic):
            return [] if j == len(latin) else None
        if (i, j) in memo:
            return memo[(i, j)]
        result = None
        for option in candidates(arabic[i]):
            if latin.startswith(option, j):
                rest = walk(i + 1, j + len(option))
                if rest is not None:
                    result = [option] + rest
                    break
        memo[(i, j)] = result
        return result

    try:
        return walk(0, 0)
    except KeyError:  # a letter outside the table
        return None


def train(aligned: list[tuple[str, list[str]]], epochs: int) -> dict[str, dict[str, float]]:
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stamps: dict[tuple[str, str], int] = {}
    step = 0

    def update(feature: str, label: str, delta: float) -> None:
        key = (feature, label)
        totals[feature][label] += (step - stamps.get(key, 0)) * weights[feature][label]
        stamps[key] = step
        weights[feature][label] += delta

    for _ in range(epochs):
        for word, labels in aligned:
            previous = "^"
            for i, gold in enumerate(labels):
                options = candidates(word[i])
                gold_key = label_key(word[i], gold)
                if len(options) > 1:
                    feats = features(word, i, previous)
                    keys = [label_key(word[i], o) for o in options]
                    scores = {k: sum(weights[f].get(k, 0.0) for f in feats) for k in keys}
                    guess = max(keys, key=lambda k: (scores[k], -keys.index(k)))
                    if guess != gold_key:
                        for f in feats:
                            update(f, gold_key, 1.0)
                            update(f, guess, -1.0)
                    step += 1
                previous = gold_key
    averaged = {}
    for feature, labels in weights.items():
        row = {}
        for label, weight in labels.items():
            total = totals[feature][label] + (step - stamps.get((feature, label), 0)) * weight
            if abs(total / max(step, 1)) > 1e-4:
                row[label] = round(total / step, 4)
        if row:
            averaged[feature] = row
    return averaged


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args(argv)
    pairs = training_pairs(args.shared)
    aligned, failed = [], 0
    lexicon: dict[str, Counter] = defaultdict(Counter)
    for arabic, latin in pairs:
        labels = align(arabic, latin)
        if labels is None:
            failed += 1
            continue
        aligned.append((arabic, labels))
        lexicon[arabic][latin] += 1
    weights = train(aligned, args.epochs)
    model = {"lexicon": {w: c.most_common(1)[0][0] for w, c in sorted(lexicon.items())}, "weights": weights}
    out = ROOT / "src" / "sorani" / "data" / MODEL_FILE
    out.write_bytes(gzip.compress(json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0))
    print(f"{len(pairs)} pairs, {len(aligned)} aligned, {failed} not alignable; {len(weights)} features; "
          f"{out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
