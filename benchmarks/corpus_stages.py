#!/usr/bin/env python
"""Where the time of a corpus build goes: one ``sorani.corpus.build`` (local engine, one process) with a
CPU-time meter around each stage, on the benchmark corpus (KTC textbooks + Sorani tweets) or on the files
given.

    python benchmarks/corpus_stages.py [FILE ...] [--lines] [--no-langid] [--repeat 3]

CPU time (``time.process_time``) rather than wall time, so that other processes on a shared machine disturb
the shares less; each stage's figure is the median of the repeats. Stages nest: "per document, other" is
what ``process_document`` spends outside the stages measured inside it (finding the words of the
document and of its language, ``_both_words``, which the quality signals then read; the exact-dedup hash;
the records) and most of the meters' own cost (a clock read takes about a microsecond, and there
are about ten a document). Every run starts in the same process, so the per-process loading of models and tables
(language ID model, normalizer, lexicon) falls in the first run only; it is reported on its own.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import DEFAULT  # noqa: E402

STAGES = ("read", "legacy fonts", "normalization", "quality signals", "language ID", "per document, other",
          "MinHash (per shard)", "work files", "dedup (exact + near)", "final parts (Parquet)", "report")


def _meter(spent: Counter, name: str, func):
    @functools.wraps(func)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return timed


def _instrument(spent: Counter) -> None:
    import sorani.corpus as corpus
    from sorani.corpus import pipeline, report, stages

    detect, decode = stages._legacy()
    stages._legacy = lambda: (_meter(spent, "legacy fonts", detect), _meter(spent, "legacy fonts", decode))
    normalizer = stages._normalizer
    stages._normalizer = lambda tier, digits: _meter(spent, "normalization", normalizer(tier, digits))
    signals = "_signals" if hasattr(stages, "_signals") else "quality_signals"  # (before 2026-12: the latter)
    setattr(stages, signals, _meter(spent, "quality signals", getattr(stages, signals)))
    stages._language = _meter(spent, "language ID", stages._language)
    for name in ("shard_languages", "prefetch_language"):  # (its name before 2026-12)
        if hasattr(pipeline, name):
            setattr(pipeline, name, _meter(spent, "language ID, per shard", getattr(pipeline, name)))
    pipeline.process_document = _meter(spent, "process_document", pipeline.process_document)
    pipeline.shard_signatures = _meter(spent, "MinHash (per shard)", pipeline.shard_signatures)
    pipeline.write_work = _meter(spent, "work write", pipeline.write_work)
    pipeline.read_work = _meter(spent, "work read", pipeline.read_work)
    pipeline.decide = _meter(spent, "dedup (exact + near)", pipeline.decide)
    pipeline.finalize_shard = _meter(spent, "finalize", pipeline.finalize_shard)
    report.write_html = _meter(spent, "report", report.write_html)
    report.write_stats = _meter(spent, "report", report.write_stats)
    read = corpus.read_documents

    def read_documents(paths, config):
        documents = read(paths, config)
        while True:
            start = time.process_time()
            try:
                doc = next(documents)
            except StopIteration:
                return
            finally:
                spent["read"] += time.process_time() - start
            yield doc

    corpus.read_documents = read_documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--lines", action="store_true", help="text files hold one document per line "
                        "(the default inputs are read this way)")
    parser.add_argument("--no-langid", action="store_true", help="switch language ID off")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from sorani.corpus import Config, build

    config = Config()
    config.input.lines = args.lines or args.inputs == DEFAULT
    config.langid.enabled = not args.no_langid
    size = sum(p.stat().st_size for p in args.inputs)
    spent: Counter = Counter()
    _instrument(spent)
    runs, totals, first = [], [], 0.0
    for run in range(args.repeat + 1):
        spent.clear()
        with tempfile.TemporaryDirectory() as tmp:
            start = time.process_time()
            stats = build(args.inputs, Path(tmp) / "out", config=config)
            total = time.process_time() - start
        inner = sum(spent[s] for s in ("legacy fonts", "normalization", "quality signals", "language ID"))
        spent["per document, other"] = spent["process_document"] - inner
        spent["language ID"] += spent["language ID, per shard"]  # its preparation, outside process_document
        spent["work files"] = spent["work write"] + spent["work read"]
        # finalize reads the work files: that reading counts as work files
        spent["final parts (Parquet)"] = spent["finalize"] - spent["work read"]
        if run == 0:
            first = total
            continue  # the first run also loads the models and tables
        runs.append(dict(spent))
        totals.append(total)
    total = statistics.median(totals)
    names, documents = ", ".join(p.name for p in args.inputs), stats["documents"]
    print(f"{names}: {size / 1e6:.2f} MB, {documents['input']:,} documents, "
          f"{documents['accepted']:,} accepted; language ID {'off' if args.no_langid else 'on'}")
    print(f"CPU time of a build, median of {len(totals)}: {total:.2f} s = {size / 1e6 / total:.2f} MB per "
          f"CPU-second (the first run, with loading: {first:.2f} s)\n")
    print("| stage | CPU s | share | MB/s alone |\n|---|---:|---:|---:|")
    for stage in STAGES:
        seconds = statistics.median(r.get(stage, 0.0) for r in runs)
        alone = size / 1e6 / seconds if seconds else float("inf")
        print(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} | {alone:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
