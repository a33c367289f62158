#!/usr/bin/env python
"""Build the lexicon of the ``repair`` tier: ``src/sorani/data/repair_lexicon.tsv.gz`` (word<TAB>count) and
``src/sorani/data/repair_bigrams.tsv.gz`` (word1<TAB>word2<TAB>count).

Sources (all under shared/data beside the repository, all permissively licensed; see src/sorani/data/LICENSES.md):

* counts from running text:
  - ``langid/train/CentralKurdish-arab_train.txt`` (KurdishLID, MIT), all 2,399 lines;
  - ``langid/train/CentralKurdish-latn_train.txt`` (KurdishLID, MIT), 2,399 lines in Hawar Latin, turned into
    Arabic script letter by letter (the mapping is deterministic except for the unwritten bizroke i);
  - the FLORES-200 *training split* of the synthetic-flores clean side: lines 0..505 (the first 506 lines) of
    ``normalization/synthetic-flores/Sorani-Arabic/devtest_100.trg`` (text CC BY-SA 4.0). Lines 506.. are the
    held-out part the ``repair`` evaluation reports on; they are never read here.
* types without counts (each adds a prior count of 1):
  - ``lexicon/pewan-wordlist.txt`` (Pewan, Apache-2.0);
  - the Arabic column of ``transliteration/wergor.dev.tsv`` (Wergor, MIT), but for the rows the translit
    evaluation holds out (numbers divisible by 5);
  - the lemmas and forms of ``morphology/unimorph.trainval.tsv`` and ``unimorph-silver.dev.tsv`` (UniMorph,
    CC BY-SA 3.0), but for the rows the lemma and translit evaluations hold out and the silver paradigms of
    their lemmas;
  - the named-entity gazetteers (KurdishNamedEntities, CC0), only the words that show they were typed on a
    Sorani keyboard (a ێ ۆ ڵ ڤ or a medial ە), because most entries were typed on an Arabic keyboard.

Never read here: the KTC textbooks (NC), the tweets (GPL), the real dev pairs of the repair evaluation.

Every source is normalized with ``sorani.normalize(tier="standard")`` first, and only words made of the 33
letters of the standard alphabet, and not starting with ە ێ ۆ ڵ (fragments), are kept.

Usage: PYTHONPATH=src python scripts/build_repair_lexicon.py [--shared DIR]
(the default is $SORANI_SHARED_DATA, else shared/data beside the repository)
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import itertools

from sorani import normalize
from sorani.alphabet import KURDISH_LETTERS

FLORES_TRAIN_LINES = 506  # lines [0, 506) of the FLORES devtest text are the training split
HELD_OUT_EVERY = 5  # UniMorph and Wergor rows whose number is divisible by 5 are held out (sorani.evaluate)
WORD = regex.compile(r"[\p{Script=Arabic}\u200c]+")
LETTERS = frozenset(KURDISH_LETTERS)
DISTINCTIVE = regex.compile(r"[ێۆڵڤ]|ە(?=\p{L})")


# Hawar (Latin) letters -> Arabic script, for the Latin-script Sorani of KurdishLID (MIT). The bizroke i is not
# written inside a word; a word starting with a vowel gets the seat ئ (an initial i is written ئی).
HAWAR = {"a": "ا", "b": "ب", "c": "ج", "ç": "چ", "d": "د", "e": "ە", "ê": "ێ", "f": "ف", "g": "گ", "h": "ه",
         "ḧ": "ح", "i": "", "î": "ی", "j": "ژ", "k": "ک", "l": "ل", "ł": "ڵ", "m": "م", "n": "ن", "o": "ۆ",
         "p": "پ", "q": "ق", "r": "ر", "ř": "ڕ", "s": "س", "ş": "ش", "t": "ت", "u": "و", "û": "وو", "v": "ڤ",
         "w": "و", "x": "خ", "ẍ": "غ", "y": "ی", "z": "ز", "ë": "ع"}
LATIN_WORD = regex.compile(r"\p{Latin}+")


def from_hawar(line: str) -> str:
    out = []
    for word in LATIN_WORD.findall(line.lower()):
        if not set(word) <= HAWAR.keys():
            continue
        arabic = "".join(HAWAR[c] for c in word)
        if word[0] in "aeêioîuû":
            arabic = "ئ" + ("ی" if word[0] == "i" else "") + arabic
        if arabic:
            out.append(arabic)
    return " ".join(out)


# no Sorani word starts with these letters (a vowel takes the seat ئ; ڵ never starts a word): such "words" are
# fragments of words broken by a stray space or ZWNJ in the sources (ێوەچوو of بەڕێوەچوو, ۆژ of ڕۆژ)
NO_START = frozenset("ەێۆڵ")


def is_word(w: str) -> bool:
    return bool(w) and set(w) <= LETTERS and w[0] not in NO_START


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(normalize(text)) if is_word(w)]


def write_gzip(path: Path, text: str) -> None:
    """Gzip with no timestamp or file name in the header, so a rebuild gives the same bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                 compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("SORANI_SHARED_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--out", default=str(ROOT / "src" / "sorani" / "data"))
    parser.add_argument("--min-bigram", type=int, default=2)
    parser.add_argument("--flores-lines", default=f"0:{FLORES_TRAIN_LINES}",
                        help="the FLORES lines START:END to count (for experiments: a lexicon without the lines a "
                             "development run scores); END must not pass 506")
    args = parser.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)

    counts: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    lines = (shared / "langid/train/CentralKurdish-arab_train.txt").read_text(encoding="utf-8").splitlines()
    first, last = (int(x) for x in args.flores_lines.split(":"))
    if not 0 <= first <= last <= FLORES_TRAIN_LINES:
        parser.error(f"--flores-lines must lie within 0:{FLORES_TRAIN_LINES} (lines 506.. are held out)")
    flores = (shared / "normalization/synthetic-flores/Sorani-Arabic/devtest_100.trg").read_text(
        encoding="utf-8").splitlines()[first:last]
    latin = (shared / "langid/train/CentralKurdish-latn_train.txt").read_text(encoding="utf-8").splitlines()
    for line in lines + flores + [from_hawar(line) for line in latin]:
        # bigrams only within a clause: punctuation breaks the chain
        for chunk in regex.split(r"[^\p{Script=Arabic}\u200c ]+", normalize(line)):
            ws = [w for w in chunk.split() if is_word(w)]
            counts.update(ws)
            bigrams.update(itertools.pairwise(ws))

    prior: set[str] = set()
    prior.update(words((shared / "lexicon/pewan-wordlist.txt").read_text(encoding="utf-8")))
    # The rows the lemma and translit evaluations hold out (numbers divisible by HELD_OUT_EVERY, counting
    # from the first row after the header) and the silver paradigms of their lemmas are left out, as in
    # build_lemmas.py: a held-out word is known here only when another source has it.
    held_lemmas = set()
    rows = (shared / "morphology" / "unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for number, row in enumerate(rows):
        cells = row.split("\t")
        if len(cells) >= 2:
            if number % HELD_OUT_EVERY == 0:
                held_lemmas.add(normalize(cells[0]))
            else:
                prior.update(words(cells[0] + " " + cells[1]))
    for row in (shared / "morphology" / "unimorph-silver.dev.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) >= 2 and normalize(cells[0]) not in held_lemmas:
            prior.update(words(cells[0] + " " + cells[1]))
    rows = (shared / "transliteration/wergor.dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for number, row in enumerate(rows):
        if number % HELD_OUT_EVERY:
            prior.update(words(row.split("\t")[-1]))
    for path in sorted((shared / "lexicon/named-entities").glob("*.tsv")):
        for w in words(path.read_text(encoding="utf-8")):
            if DISTINCTIVE.search(w):
                prior.add(w)
    for w in prior:
        counts[w] += 1

    out.mkdir(parents=True, exist_ok=True)
    rows = [f"{w}\t{c}\n" for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    write_gzip(out / "repair_lexicon.tsv.gz", "word\tcount\n" + "".join(rows))
    kept = sorted(((a, b, c) for (a, b), c in bigrams.items() if c >= args.min_bigram), key=lambda t: (-t[2], t))
    write_gzip(out / "repair_bigrams.tsv.gz",
               "word1\tword2\tcount\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in kept))
    print(f"{len(counts)} word types ({sum(counts.values())} tokens+priors), {len(kept)} bigrams", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
