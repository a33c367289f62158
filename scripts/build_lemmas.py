#!/usr/bin/env python
"""Write src/sorani/data/lemmas.tsv (form -> lemma) from the UniMorph ckb training rows.

    python scripts/build_lemmas.py [--shared DIR]

Rows whose number is divisible by 5 are held out for `sorani evaluate lemma` and never written. The silver
inflections (unimorph-silver.dev.tsv) add the forms of every lemma except the held-out ones, so no held-out
lemma leaks in.
UniMorph is CC BY-SA 3.0: the table is shipped with that attribution (LICENSES.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.normalizer import normalize  # noqa: E402

HELD_OUT_EVERY = 5
UPOS = {"N": "NOUN", "V": "VERB", "ADJ": "ADJ", "PROPN": "PROPN", "ADP": "ADP", "PRO": "PRON", "NUM": "NUM",
        "ADV": "ADV", "CONJ": "CCONJ", "PART": "PART", "DET": "DET", "INTJ": "INTJ"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    rows = (args.shared / "morphology" / "unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    pairs: dict[str, str] = {}
    pos: dict[str, str] = {}  # lemma -> part of speech of its first row (UPOS names)
    held_lemmas = set()
    for number, line in enumerate(rows):
        lemma, form = (normalize(c) for c in line.split("\t")[:2])
        if number % HELD_OUT_EVERY == 0:
            held_lemmas.add(lemma)
            continue
        pairs.setdefault(form, lemma)
        pairs.setdefault(lemma, lemma)
        pos.setdefault(lemma, UPOS.get(line.split("\t")[2].split(";")[0].split(".")[0], ""))
    silver = args.shared / "morphology" / "unimorph-silver.dev.tsv"
    for line in silver.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 2:
            lemma, form = normalize(cells[0]), normalize(cells[1])
            if lemma not in held_lemmas:  # the paradigms of every lemma but the held-out ones
                pairs.setdefault(form, lemma)
                if len(cells) >= 3:
                    pos.setdefault(lemma, UPOS.get(cells[2].split(";")[0].split(".")[0], ""))
    out = ROOT / "src" / "sorani" / "data" / "lemmas.tsv"
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# form -> lemma from UniMorph ckb (CC BY-SA 3.0) training rows; see scripts/build_lemmas.py\n")
        handle.write("# pos: the part of speech of the lemma in UniMorph, as a Universal Dependencies tag\n")
        handle.write("form\tlemma\tpos\n")
        for form in sorted(pairs):
            handle.write(f"{form}\t{pairs[form]}\t{pos.get(pairs[form], '')}\n")
    print(f"{len(pairs)} forms; {len(held_lemmas)} held-out lemmas kept out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
