#!/usr/bin/env python
"""Throughput of the repair tier against the standard tier, one process, one core.

Usage: PYTHONPATH=src python benchmarks/bench_repair.py [--bytes N] [FILE ...]

Without files it reads, when present next to the repository (../shared/data or $SORANI_SHARED_DATA):
the first N bytes (default 1,000,000 characters) of the KTC textbooks (noisy, Arabic-keyboard habits;
benchmark use only), of the Sorani tweets (noisy; benchmark use only), the clean held-out FLORES text
(lines 506.., the side the repair lexicon never saw) and the same lines with 100% synthetic Arabic-keyboard
noise. Otherwise it falls back to the bundled news sample.
Each figure is the median of --repeats cold runs: the per-word caches are emptied first, so it is the speed on text never seen
before (the lexicon itself is loaded before timing).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani import normalize
from sorani import repair as repair_module


def shared() -> Path | None:
    path = Path(os.environ.get("SORANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
    return path if path.is_dir() else None


def default_inputs(limit: int) -> list[tuple[str, str]]:
    base = shared()
    if base is None:
        return [("news sample (clean)", (ROOT / "tests/data/news-sample.txt").read_text(encoding="utf-8"))]
    inputs = []
    ktc = base / "corpus/ktc-textbooks.jsonl"
    if ktc.is_file():
        text = "\n".join(json.loads(line)["text"] for line in ktc.read_text(encoding="utf-8").splitlines())
        inputs.append(("KTC textbooks (noisy)", text[:limit]))
    tweets = base / "corpus/tweets-sorani.txt"
    if tweets.is_file():
        inputs.append(("Sorani tweets (noisy)", tweets.read_text(encoding="utf-8")[:limit]))
    flores = base / "normalization/synthetic-flores/Sorani-Arabic/devtest_100.trg"
    if flores.is_file():
        lines = flores.read_text(encoding="utf-8").splitlines()[506:]
        inputs.append(("FLORES held-out (clean)", "\n".join(lines)))
        noisy = flores.with_suffix(".src").read_text(encoding="utf-8").splitlines()[506:]
        inputs.append(("FLORES held-out 100% noise", "\n".join(noisy)))
    return inputs


def clear_caches() -> None:
    """Empty the bounded per-word caches of the repair tier (as benchmarks/run.py does); the tables and models
    built from the shipped data (unbounded caches) stay loaded."""
    for value in vars(repair_module).values():
        if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= 1000:
            value.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeats", type=int, default=3, help="cold runs per input (the median is shown)")
    parser.add_argument("--bytes", type=int, default=1_000_000, help="characters to read from each input")
    args = parser.parse_args(argv)
    inputs = [(f, Path(f).read_text(encoding="utf-8")[: args.bytes]) for f in args.files] or default_inputs(
        args.bytes)
    normalize("خوش", tier="repair")  # load the lexicon and tables once
    normalize("دستان خوش بیت و ماموثطاکانیشمان", tier="repair")  # and the character model
    print(f"{'input':28} {'MB':>6} {'standard MB/s':>14} {'repair MB/s':>12}")
    for name, text in inputs:
        size = len(text.encode("utf-8")) / 1e6
        standard_times, repair_times = [], []
        for _ in range(args.repeats):
            start = time.perf_counter()
            normalize(text)
            standard_times.append(time.perf_counter() - start)
            clear_caches()
            start = time.perf_counter()
            normalize(text, tier="repair")
            repair_times.append(time.perf_counter() - start)
        standard, repaired = statistics.median(standard_times), statistics.median(repair_times)
        print(f"{name:28} {size:6.2f} {size / standard:14.1f} {size / repaired:12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
