#!/usr/bin/env python
"""Coverage and speed of sorani's morphology on running text.

    python scripts/morph_figures.py [--shared DIR] [--limit N]

coverage: share of word tokens whose best analysis comes from the lexicon (a verb parse anchored on the verb
stem table, or a stem found in the word lexicon or derived from one by derivation.tsv) rather than from the affix grammar alone, on corpus/news-sample.txt and corpus/ktc-textbooks.jsonl (the first N words).
speed: words per second of CPU time of ``analyze`` (cold caches, then warm) and ``segment`` (cold caches) on
the KTC words, one core, the best of three runs; "cold" empties every bounded per-word cache first, as
benchmarks/run.py does.
KTC is CC BY-NC-SA: read here for measurement only, never shipped.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani
from sorani.morphology import analyzer


def clear_word_caches() -> None:
    """Empty sorani's bounded per-word caches, as benchmarks/run.py does (data tables stay loaded)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("sorani"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= 1000:
                    value.cache_clear()


def _words(text: str) -> list[str]:
    return [t.text for t in sorani.tokenize(text) if t.kind == "word"]


def coverage(words: list[str]) -> float:
    known = 0
    for word in words:
        best = sorani.analyze(word)[0]
        known += best.pos == "VERB" or analyzer.is_known(best.stem)
    return known / max(1, len(words))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=200_000, help="KTC words to use (default 200000)")
    args = parser.parse_args(argv)
    news = _words((args.shared / "corpus" / "news-sample.txt").read_text(encoding="utf-8"))
    ktc_text: list[str] = []
    size = 0
    with open(args.shared / "corpus" / "ktc-textbooks.jsonl", encoding="utf-8") as handle:
        for line in handle:
            text = sorani.normalize(json.loads(line)["text"])
            ktc_text.append(text)
            size += text.count(" ") + 1
            if size >= args.limit:
                break
    ktc = _words("\n".join(ktc_text))[: args.limit]
    sorani.analyze("ماڵەکەی")  # load the lexicon and tables before timing
    sorani.segment("ماڵەکەی")
    lines = "\n".join(ktc_text).splitlines()

    def best_time(run, cold: bool) -> float:  # CPU time, the best of three (the machine may be shared)
        times = []
        for _ in range(3):
            if cold:
                clear_word_caches()
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        return min(times)

    cold = len(ktc) / best_time(lambda: [sorani.analyze(word) for word in ktc], True)
    warm = len(ktc) / best_time(lambda: [sorani.analyze(word) for word in ktc], False)
    seg = sum(len(line.split()) for line in lines) / best_time(lambda: [sorani.segment(line) for line in lines], True)
    print(f"coverage news-sample: {coverage(news):.3f} ({len(news)} words)")
    print(f"coverage KTC: {coverage(ktc):.3f} ({len(ktc)} words)")
    print(f"analyze words/s (CPU time): cold {cold:,.0f}, warm {warm:,.0f}")
    print(f"segment words/s (CPU time, tokenize included, cold caches): {seg:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
