"""The local engine: ``-j N`` worker processes, a progress bar, shards processed in order."""

from __future__ import annotations

import functools
import multiprocessing
from pathlib import Path

from .. import pipeline
from ..config import Config


def _phase1(item, config: Config, out: Path):
    index, documents = item
    return index, len(documents), pipeline.process_shard(index, documents, config, out)


def _phase3(index: int, config: Config, out: Path, decisions: dict):
    return pipeline.finalize_shard(index, config, out, decisions)


def _context():
    """Workers forked from a fork server that has imported sorani and loaded its models once
    (``_preload``), where the platform has one (Linux, macOS); spawned workers elsewhere. Either way a
    worker starts from a process without threads, and computes the same."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["sorani.corpus.engines._preload"])
        return context
    return multiprocessing.get_context("spawn")


def run(documents, config: Config, out: Path, jobs: int = 1, progress: bool = True) -> list[dict]:
    """The per-shard stats of a build on this machine. The shards' summaries are gathered
    (``pipeline.Gathered``) as they come, and freed once deduplication has decided."""
    from tqdm import tqdm

    bar = tqdm(unit="doc", desc="processing", disable=not progress, leave=False)
    gathered, indexes = pipeline.Gathered(config.dedup.exact), []
    shards = pipeline.shards(documents, config.output.shard_size)
    phase1 = functools.partial(_phase1, config=config, out=out)
    pool = _context().Pool(jobs) if jobs > 1 else None
    try:
        results = pool.imap(phase1, shards) if pool else map(phase1, shards)
        for index, count, part in results:
            gathered.add(part)
            indexes.append(index)
            bar.update(count)
        bar.close()
        decisions = pipeline.decide(gathered, config)
        del gathered  # the final phase needs the decisions only
        phase3 = functools.partial(_phase3, config=config, out=out, decisions=decisions)
        stats = list(pool.map(phase3, indexes) if pool else map(phase3, indexes))
    finally:
        if pool:
            pool.close()
            pool.join()
    return stats
