#!/usr/bin/env python
"""Cross-validated figures of the morphology on training data only (the held-out halves are not read).

    python scripts/morph_cv.py [--shared DIR] [--l2 X]

segment: 5 folds over the even (tuning) sentences of the KurdishTokenization gold; for each fold the ranker is
fitted on the UniMorph training rows and the other even sentences, and the fold's sentences are segmented with
their own tokens taken out of the lexicon (stems.tsv.gz counts them), as for unseen sentences.
lemma: 4 folds over the UniMorph training rows (row number not divisible by 5); each fold's forms, and the
silver forms of its lemmas, are taken out of the lemma table while it is scored. The shipped ranker was fitted
on these rows, so this figure is optimistic.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_morph_ranker as T  # noqa: E402

from sorani.evaluate.metrics import bag_f1, f1  # noqa: E402
from sorani.morphology import analyzer  # noqa: E402
from sorani.normalizer import normalize  # noqa: E402


def segment_cv(shared: Path, l2: float, folds: int = 5) -> float:
    lines = [line.split("\t") for line in (shared / "tokenization/gold.dev.tsv").read_text(encoding="utf-8").splitlines()
             if "\t" in line]
    even = lines[0::2]
    real_lemmas, real_params = analyzer._lemmas, analyzer._params
    analyzer._lemmas = lambda: {}
    unimorph = T.unimorph_examples(shared)
    analyzer._lemmas = real_lemmas
    tp = npred = ngold = 0
    try:
        for k in range(folds):
            train = [line for i, line in enumerate(even) if i % folds != k]
            test = [line for i, line in enumerate(even) if i % folds == k]
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "tokenization").mkdir()
                # gold_examples reads the even lines of the file: the fold's training sentences go there
                text = "".join(f"{raw}\t{gold}\nX\tX\n" for raw, gold, *_ in train)
                (Path(tmp) / "tokenization/gold.dev.tsv").write_text(text, encoding="utf-8")
                analyzer._lemmas = lambda: {}
                gold = T.gold_examples(Path(tmp))
                analyzer._lemmas = real_lemmas
            names: dict[str, int] = {}
            data = T.matrices(unimorph + gold, names)
            data = [(np.pad(x, ((0, 0), (0, len(names) - x.shape[1]))), m) for x, m in data]
            weights = T.fit(data, len(names), l2)
            params = {name: weights[i] for name, i in names.items()}
            analyzer._params = lambda p=params: p
            analyzer._weights.cache_clear()
            T._clear_caches()
            for raw, gold_tokens, *_ in test:
                with T.without_sentence(gold_tokens):
                    a, b, c = bag_f1(analyzer.segment(raw), gold_tokens.split())
                tp, npred, ngold = tp + a, npred + b, ngold + c
    finally:
        analyzer._lemmas, analyzer._params = real_lemmas, real_params
        analyzer._weights.cache_clear()
        T._clear_caches()
    return f1(tp, npred, ngold)[2]


def lemma_cv(shared: Path, folds: int = 4) -> float:
    rows = (shared / "morphology/unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    train = [row.split("\t") for number, row in enumerate(rows) if number % T.HELD_OUT_EVERY]
    silver = [line.split("\t") for line in
              (shared / "morphology/unimorph-silver.dev.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    real = analyzer._lemmas
    correct = 0
    try:
        for k in range(folds):
            part = [c for i, c in enumerate(train) if i % folds == k]
            rest = [c for i, c in enumerate(train) if i % folds != k]
            table: dict[str, str] = {}
            for cells in rest:
                table.setdefault(normalize(cells[1]), normalize(cells[0]))
                table.setdefault(normalize(cells[0]), normalize(cells[0]))
            part_lemmas = {normalize(c[0]) for c in part}
            for cells in silver:
                if len(cells) >= 2 and normalize(cells[0]) not in part_lemmas:
                    table.setdefault(normalize(cells[1]), normalize(cells[0]))
            analyzer._lemmas = lambda t=table: t
            analyzer._lemma_set.cache_clear()
            T._clear_caches()
            correct += sum(analyzer.lemmatize(c[1]) == normalize(c[0]) for c in part)
    finally:
        analyzer._lemmas = real
        analyzer._lemma_set.cache_clear()
        T._clear_caches()
    return correct / len(train)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--l2", type=float, default=0.001)
    args = parser.parse_args(argv)
    with contextlib.redirect_stdout(sys.stderr):
        seg = segment_cv(args.shared, args.l2)
    print(f"segment: sentence-CV bag F1 on the even gold sentences, own tokens out of the lexicon: {seg:.4f}")
    print(f"lemma: 4-fold accuracy on the UniMorph training rows: {lemma_cv(args.shared):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
