#!/usr/bin/env python
"""Write src/sorani/data/stems.tsv.gz: extra known words for the morphological analyzer, with counts.

    python scripts/build_stems.py [--shared DIR]

The analyzer splits a suffix off only when what remains is a known word; the repair lexicon lacks many
common stems (ڕستە, دروستکردن), so this adds, normalized:
- the UniMorph ckb lemmas and forms of the training rows and the silver lemmas (CC BY-SA 3.0);
- the words of the clean FLORES Sorani side, lines 0-505 (CC BY-SA 4.0), the repair tier's training part;
- the tokens of the even-numbered sentences of the KurdishTokenization gold (CC BY-SA 4.0), the half the
  ``segment`` task uses for tuning (the odd half is held out and never read here);
- the words of the context sentences of the UniMorph training rows (unimorph-context.csv, CC BY-SA 3.0),
  leaving out every sentence that holds the form of a held-out row.

A third column counts how often each word ends a phrase (before punctuation but an opening bracket, the end
of a line, or a phrase opener of morph_context.tsv: و بۆ لە بە) in running text: KurdishLID's Central
Kurdish training text (MIT; the Latin-script part turned into Arabic script as
scripts/build_repair_lexicon.py does), FLORES lines 0-505, the UniMorph context sentences above and the
Sorani lines of ScriptNormalization's noisy Perso-Arabic training file (Apache-2.0; normalized). An ezafe
form never ends a phrase (حکومەتی: 0 of 207), a word that ends in a lexical ی often does (کوردی: 31 of 102),
which the analyzer's ranker reads. A word with a count of 0 only carries this column.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from sorani._data import load_table  # noqa: E402
from sorani.normalizer import Normalizer  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")
PHRASE_OPENERS = frozenset(row["word"] for row in load_table("morph_context.tsv") if row["kind"] == "opener")
BRACKETS = frozenset(row["word"] for row in load_table("morph_context.tsv") if row["kind"] == "bracket")


def unimorph_training_sentences(shared: Path, normal) -> list[str]:
    """The context sentences of UniMorph's training rows (unimorph-context.csv), without any sentence that
    holds the form of a held-out row (row number divisible by 5)."""
    rows = (shared / "morphology/unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    held = {normal(row.split("\t")[1]) for number, row in enumerate(rows) if number % 5 == 0}
    train = {(normal(row.split("\t")[0]), normal(row.split("\t")[1])) for number, row in enumerate(rows) if number % 5}
    out = []
    with open(shared / "morphology/unimorph-context.csv", encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) >= 8 and (normal(row[0]), normal(row[1])) in train:
                sentence = normal(row[7])
                if not held & set(WORD.findall(sentence)):
                    out.append(sentence)
    return sorted(set(out))


def from_hawar_keeping_punctuation(line: str) -> str:
    """A Latin-script (Hawar) line in Arabic script, word by word, its punctuation kept (the phrase ends)."""
    from build_repair_lexicon import from_hawar

    return re.sub(r"[^\W\d_]+", lambda m: "و" if m.group().lower() == "û" else from_hawar(m.group()) or " ", line)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    normal = Normalizer(punctuation=False, spacing=False)
    counts: Counter = Counter()
    rows = (args.shared / "morphology/unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for number, row in enumerate(rows):
        if number % 5:
            counts.update(normal(c) for c in row.split("\t")[:2])
    for row in (args.shared / "morphology/unimorph-silver.dev.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        counts[normal(row.split("\t")[0])] += 1
    flores = args.shared / "normalization/synthetic-flores/Sorani-Arabic/devtest_20.trg"
    for line in flores.read_text(encoding="utf-8").splitlines()[:506]:
        counts.update(WORD.findall(normal(line)))
    gold = (args.shared / "tokenization/gold.dev.tsv").read_text(encoding="utf-8").splitlines()
    for line in gold[0::2]:
        counts.update(WORD.findall(normal(line.split("\t")[1])))
    sentences = unimorph_training_sentences(args.shared, normal)
    for line in sentences:
        counts.update(WORD.findall(line))
    finals: Counter = Counter()
    text = (args.shared / "langid/train/CentralKurdish-arab_train.txt").read_text(encoding="utf-8").splitlines()
    text += sentences
    text += flores.read_text(encoding="utf-8").splitlines()[:506]
    latin = (args.shared / "langid/train/CentralKurdish-latn_train.txt").read_text(encoding="utf-8").splitlines()
    text += [from_hawar_keeping_punctuation(line) for line in latin]
    noisy = args.shared / "langid/extra/perso-arabic-noisy.train.txt"
    text += [line.split("\t", 1)[1] for line in noisy.read_text(encoding="utf-8").splitlines()
             if line.startswith("__label__ckb\t")]
    for line in text:
        tokens = TOKEN.findall(normal(line)) + ["."]
        for token, after in zip(tokens, tokens[1:]):
            if WORD.fullmatch(token) and ((not WORD.fullmatch(after) and after not in BRACKETS) or after in PHRASE_OPENERS):
                finals[token] += 1
    out = ROOT / "src" / "sorani" / "data" / "stems.tsv.gz"
    words = sorted(w for w in set(counts) | set(finals) if len(w) > 1)
    body = "".join(f"{w}\t{counts[w]}\t{finals[w]}\n" for w in words)
    out.write_bytes(gzip.compress(body.encode(), mtime=0))
    print(f"{len(counts)} words, {len(finals)} with phrase-final counts; {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
