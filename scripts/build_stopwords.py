#!/usr/bin/env python
"""Rank word types by corpus frequency to review the stopword list (sorani/data/stopwords.tsv) by hand.

    python scripts/build_stopwords.py [CORPUS ...] [--top 150]

Counts standard-normalized word tokens in the corpora (default: the KTC textbooks and the Sorani tweets
in shared/data beside the repository; both are for development only, and nothing of their text is
shipped), then prints the most frequent types with their share of tokens and whether the shipped list has
them, and the listed words that are rare in the corpora. The list itself is edited by hand: frequent content
words (کوردستان، ساڵ) stay out, and every row carries its reason.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani  # noqa: E402
from sorani.stoplists import stopwords  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "corpus"


def documents(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)["text"] if path.suffix == ".jsonl" else line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path,
                        default=[SHARED / "ktc-textbooks.jsonl", SHARED / "tweets-sorani.txt"])
    parser.add_argument("--top", type=int, default=150)
    args = parser.parse_args(argv)
    counts: collections.Counter[str] = collections.Counter()
    for doc in documents([p for p in args.corpus if p.exists()]):
        counts.update(t.text for t in sorani.tokenize(sorani.normalize(doc)) if t.kind == "word")
    total = sum(counts.values()) or 1
    listed = stopwords()
    print(f"{total:,} word tokens, {len(counts):,} types")
    for rank, (word, count) in enumerate(counts.most_common(args.top), 1):
        print(f"{rank:4d}  {count / total:7.3%}  {'listed' if word in listed else '      '}  {word}")
    ranks = {w: r for r, (w, _) in enumerate(counts.most_common(), 1)}
    print("\nlisted words outside the top ranks:")
    for word in sorted(listed, key=lambda w: ranks.get(w, 10**9)):
        if ranks.get(word, 10**9) > args.top:
            print(f"  {word}: rank {ranks.get(word, 'unseen')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
