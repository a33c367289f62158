#!/usr/bin/env python
"""Record (or check) what ``segment``, ``analyze``, ``lemmatize`` and ``stem`` give on a fixed set of real
lines, so that a change meant only for speed can be shown to leave the output unchanged.

    python scripts/morph_regression.py [--shared DIR] [--check]

The lines: the last 300 lines of KurdishLID's Central Kurdish (Arabic script) training text (MIT) and FLORES-200
devtest Sorani lines 900–1011 (as shipped in ScriptNormalization's synthetic-flores; text CC BY-SA 4.0), which
no shipped table was built from. Written to tests/data/morph_regression.jsonl.gz; tests/test_morphology.py
compares the analyzer with it. Rebuild it (and say so in the commit) when a change is meant to alter output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani

OUT = ROOT / "tests" / "data" / "morph_regression.jsonl.gz"


def lines(shared: Path) -> list[str]:
    lid = (shared / "langid" / "train" / "CentralKurdish-arab_train.txt").read_text(encoding="utf-8").splitlines()
    flores = (shared / "normalization" / "synthetic-flores" / "Sorani-Arabic" / "devtest_100.trg").read_text(
        encoding="utf-8").splitlines()
    return [sorani.normalize(line) for line in lid[-300:] + flores[900:1012] if line.strip()]


def record(text_lines: list[str]) -> list[dict]:
    out: list[dict] = [{"line": line, "segment": sorani.segment(line)} for line in text_lines]
    words = dict.fromkeys(t.text for line in text_lines for t in sorani.tokenize(line) if t.kind == "word")
    for word in words:
        out.append({"word": word, "lemma": sorani.lemmatize(word), "stem": sorani.stem(word),
                    "aggressive": sorani.stem(word, mode="aggressive"),
                    "analyses": [[a.lemma, a.stem, a.pos, [[m.surface, m.role] for m in a.morphemes], a.features,
                                  a.score] for a in sorani.analyze(word)]})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="compare with the recorded file instead of writing it")
    args = parser.parse_args(argv)
    rows = record(lines(args.shared))
    if args.check:
        old = [json.loads(line) for line in gzip.open(OUT, "rt", encoding="utf-8")]
        diff = [(a, b) for a, b in zip(old, rows) if a != b]
        for a, b in diff[:20]:
            print("was:", json.dumps(a, ensure_ascii=False), "\nnow:", json.dumps(b, ensure_ascii=False))
        print(f"{len(diff)} of {len(rows)} records differ")
        return 1 if diff or len(old) != len(rows) else 0
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} records written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
