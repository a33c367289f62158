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

With --before OLD/src, the repair tier of an older checkout is imported too (as the package sorani_before; it
reads its data files from the current package, so compare versions whose data are the same) and timed in
alternating cold runs against the current one, in CPU seconds (time.process_time), which a loaded machine
disturbs less than wall-clock time; the outputs must be the same.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import sys
import tempfile
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


def clear_caches(module=repair_module) -> None:
    """Empty the bounded per-word caches of the repair tier (as benchmarks/run.py does); the tables and models
    built from the shipped data (unbounded caches) stay loaded."""
    for value in vars(module).values():
        if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= 1000:
            value.cache_clear()


def load_before(src: str):
    """The package of an older checkout's ``src`` directory, imported as ``sorani_before``."""
    folder = tempfile.mkdtemp(prefix="bench-repair-")
    shutil.copytree(Path(src) / "sorani", Path(folder) / "sorani_before")
    sys.path.insert(0, folder)
    import sorani_before
    import sorani_before.repair

    return sorani_before


def compare(name: str, text: str, before, repeats: int) -> None:
    """CPU seconds of the current and the older repair tier on ``text``, alternating cold runs."""
    versions = {"before": (before.normalize, before.repair), "now": (normalize, repair_module)}
    outputs = {key: run(text, tier="repair") for key, (run, _) in versions.items()}
    if outputs["before"] != outputs["now"]:
        print(f"{name}: the outputs differ")
    times: dict[str, list[float]] = {key: [] for key in versions}
    for r in range(repeats):
        for key in (("before", "now") if r % 2 == 0 else ("now", "before")):
            run, module = versions[key]
            clear_caches(module)
            start = time.process_time()
            run(text, tier="repair")
            times[key].append(time.process_time() - start)
    b, n = min(times["before"]), min(times["now"])
    bm, nm = statistics.median(times["before"]), statistics.median(times["now"])
    print(f"{name:28} CPU s before {b:7.3f} (median {bm:7.3f})  now {n:7.3f} (median {nm:7.3f})  "
          f"{b / n:5.2f}x ({bm / nm:.2f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeats", type=int, default=3, help="cold runs per input (the median is shown)")
    parser.add_argument("--bytes", type=int, default=1_000_000, help="characters to read from each input")
    parser.add_argument("--before", metavar="SRC", help="an older checkout's src/ to time against (CPU seconds)")
    args = parser.parse_args(argv)
    before = load_before(args.before) if args.before else None
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
        if before is not None:
            compare(name, text, before, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
