#!/usr/bin/env python
"""Train sorani's language identifier (character 2-4-gram and word naive Bayes) and write
src/sorani/data/langid_model.xz.

    python scripts/train_langid.py [--shared DIR] [--keep 15000]

Training data (the held-out tenth of every file is never used; see sorani/evaluate/langid.py):
- KurdishLID (MIT): Central, Northern and Southern Kurdish, Gorani, Persian, Arabic, Turkish, Zazaki;
- ScriptNormalization (Apache-2.0): Persian, Arabic and Urdu sentences, and noisy Perso-Arabic-script lines
  of ckb, kmr, hac, azb, glk, mzn, kas and sd; the synthetic keyboard-noise FLORES Sorani lines 0-505 (the
  repair tier's tuning part; lines 506+ stay for evaluation);
- generated noise: every training Sorani line again through the Arabic- and Persian-keyboard confusion
  tables at 50% and 100%;
- clean, well-spaced Sorani: the clean FLORES side (lines 0-505, CC BY-SA) and the Pewan word list
  (Apache-2.0), because KurdishLID's Sorani lines lost the space after a final ە;
- English: the English license and README texts that come with the shared data, split into sentences.
Script and noise variants are separate labels in the model (ckb@latn, ckb@noisy, kmr@latn, ...), so that
noisy Sorani does not blur clean Sorani; identify() adds their probabilities up under the language.
For each label its most frequent n-grams are kept (``--keep``); for every kept n-gram the model stores its
smoothed log-probability under each label, in fixed point, packed as sorani.langid reads it (a JSON
header line, the n-grams one per line, then one little-endian 32-bit field per label and a count field
per n-gram), compressed with xz.
"""

from __future__ import annotations

import argparse
import json
import lzma
import math
import random
import re
import sys
from array import array
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.evaluate.langid import confusions, english, keyboard_noise, labelled_lines  # noqa: E402
from sorani.langid import FIELD_BITS, MODEL_FILE, features  # noqa: E402

ORDERS = (0, 2, 3, 4)  # 0: whole words; without single letters the Kurdish and noisy-Sorani scores rose (and en, ur, zza fell by < 0.01)
FRACTION, OFFSET = 8, 48  # fixed point: (log p + OFFSET) * 2**FRACTION, log p floored at -OFFSET


def quantize(grams: list[str], labels: list[str], counts: dict, alpha: float, scale: float) -> array:
    """The model's fields: for each n-gram, its smoothed log-probability under each label in fixed point,
    then 1 (the count of known n-grams). Each label's counts are scaled to the same mass ``scale``, so that
    a label with less training text does not win on n-grams that none of the labels has seen (additive
    smoothing favours small labels otherwise)."""
    totals = [sum(counts[label][g] for g in grams) for label in labels]
    denominator = math.log(scale + alpha * len(grams))
    fields = array("I")
    for gram in grams:
        for label, total in zip(labels, totals):
            logp = max(-OFFSET, math.log(counts[label][gram] * scale / total + alpha) - denominator)
            fields.append(round((logp + OFFSET) * (1 << FRACTION)))
        fields.append(1)
    assert fields.itemsize * 8 == FIELD_BITS, "the model's fields are 32-bit"
    if sys.byteorder == "big":
        fields.byteswap()
    return fields


def fit(pairs: list[tuple[str, str]], args) -> tuple[list[str], list[str], array]:
    """(labels, kept n-grams, their fields) of a model trained on ``pairs``."""
    counts: dict[str, Counter] = {}
    for label, text in pairs:
        counts.setdefault(label, Counter()).update(features(text, ORDERS))
    labels = sorted(counts)
    kept = set()
    for label in labels:
        kept.update(g for g, _ in counts[label].most_common(args.keep))
    grams = sorted(kept)
    return labels, grams, quantize(grams, labels, counts, args.alpha, args.scale)


KURDISH = ("ckb", "kmr", "sdh", "hac")


def clean(pairs: list[tuple[str, str]], args) -> list[tuple[str, str]]:
    """Drop the Kurdish training lines that a model trained on the other half of the lines puts, with
    probability at least 0.99, under another Kurdish language: KurdishLID's files hold some lines of their
    neighbours (Sorani sentences among the Gorani ones, Badini news among the Sorani ones)."""
    from sorani.langid import _prediction_from

    halves = [pairs[0::2], pairs[1::2]]
    kept: list[tuple[str, str]] = []
    for index, half in enumerate(halves):
        labels, grams, fields = fit(halves[1 - index], args)
        width = len(labels) + 1
        table = {g: int.from_bytes(fields[i * width : (i + 1) * width].tobytes(), "little") for i, g in enumerate(grams)}
        for label, text in half:
            language = label.partition("@")[0]
            if language in KURDISH and "@" not in label:
                p = _prediction_from(sum(table.get(g, 0) for g in features(text, ORDERS)), tuple(labels), 4, FRACTION)
                if p.label in KURDISH and p.label != language and p.score >= 0.99:
                    continue
            kept.append((label, text))
    print(f"cleaning dropped {len(pairs) - len(kept):,} Kurdish lines")
    return kept


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--keep", type=int, default=40000, help="n-grams kept per label")
    parser.add_argument("--alpha", type=float, default=0.05, help="additive smoothing of the scaled counts")
    parser.add_argument("--scale", type=float, default=1e6, help="every label's counts are scaled to this mass")
    parser.add_argument("--clean", action=argparse.BooleanOptionalAction, default=True,
                        help="drop Kurdish lines that look like another Kurdish language (see clean())")
    args = parser.parse_args(argv)
    pairs = labelled_lines(args.shared / "langid", held_out=False, variants=True)
    rng = random.Random(7)
    sorani = [t for g, t in pairs if g == "ckb" and not re.search("[a-zA-Z]", t)]
    for table in confusions(args.shared).values():
        for rate in (0.5, 1.0):
            pairs += [("ckb@noisy", keyboard_noise(t, table, rate, rng)) for t in sorani]
    flores = args.shared / "normalization" / "synthetic-flores"
    for path in sorted(flores.glob("Sorani-*/devtest_*.src")):
        pairs += [("ckb@noisy", line) for line in path.read_text(encoding="utf-8").splitlines()[:506]]
    # KurdishLID's Sorani lines lost the space after a final ە (ZWNJ-era scraping), so clean, well-spaced
    # Sorani is added: the clean FLORES side (lines 0-505) and the Pewan word list in lines of 12 words.
    pairs += [("ckb", line) for line in
              (flores / "Sorani-Arabic" / "devtest_20.trg").read_text(encoding="utf-8").splitlines()[:506]]
    words = (args.shared / "lexicon" / "pewan-wordlist.txt").read_text(encoding="utf-8").split()
    pairs += [("ckb", " ".join(words[i : i + 12])) for i in range(0, len(words), 12)]
    pairs += english(args.shared, held_out=False)
    if args.clean:
        pairs = clean(pairs, args)
    labels, grams, fields = fit(pairs, args)
    header = {"labels": labels, "orders": list(ORDERS), "min_features": 4, "fraction": FRACTION,
              "grams": len(grams), "grams_bytes": len("\n".join(grams).encode())}
    out = ROOT / "src" / "sorani" / "data" / MODEL_FILE
    body = json.dumps(header, ensure_ascii=False).encode() + b"\n" + "\n".join(grams).encode() + fields.tobytes()
    out.write_bytes(lzma.compress(body, preset=6))
    print(f"{len(pairs):,} training lines; labels {labels}; {len(grams):,} n-grams; {out.stat().st_size:,} bytes")
    for label in labels:
        print(f"  {label}: {sum(1 for g, _ in pairs if g == label):,} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
