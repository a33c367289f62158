"""The Dask engine: the same phases on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``), or on
a LocalCluster of worker processes. Near-dedup across partitions shuffles the LSH band keys with a
``dask.bag`` groupby, so candidate pairs are found without gathering the signatures anywhere.

The output folder must be reachable by every worker (a shared file system for a remote cluster)."""

from __future__ import annotations

from pathlib import Path

from .. import dedup, pipeline
from ..config import Config


def _band_entries(summary: list[tuple], bands: int) -> list[tuple[str, int]]:
    return [(key, order) for order, _, status, _, sig in summary if status == "ok" and sig
            for key in dedup.band_keys(sig, bands)]


def _finalize(index: int, config: Config, out: Path) -> dict:
    return pipeline.finalize_shard(index, config, out, pipeline.load_decisions(out))


def run(documents, config: Config, out: Path, jobs: int = 2, scheduler: str | None = None,
        progress: bool = True) -> tuple[list, list[dict]]:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                    dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        futures, summaries_by_shard = [], {}
        in_flight = max(2, 2 * jobs)
        for index, batch in pipeline.shards(documents, config.output.shard_size):
            futures.append(client.submit(pipeline.process_shard, index, batch, config, out, key=f"shard-{index}"))
            if len(futures) >= in_flight:  # bounded: the corpus never piles up on the driver
                done = next(as_completed(futures))
                futures.remove(done)
                summaries_by_shard[int(done.key.split("-")[1])] = done.result()
        for done in as_completed(futures):
            summaries_by_shard[int(done.key.split("-")[1])] = done.result()
        indexes = sorted(summaries_by_shard)
        summaries = [s for i in indexes for s in summaries_by_shard[i]]
        pairs = set()
        if config.dedup.near and summaries:
            entries = db.from_sequence([summaries_by_shard[i] for i in indexes], npartitions=max(1, len(indexes)))
            buckets = (entries.map(_band_entries, config.dedup.bands).flatten()
                       .groupby(lambda entry: entry[0])
                       .map(lambda group: [order for _, order in group[1]])
                       .filter(lambda members: len(members) > 1))
            pairs = dedup.candidate_pairs_from_buckets(buckets.compute(scheduler=client))
        decisions = pipeline.decide(summaries, config, pairs=pairs if config.dedup.near else None)
        # The decisions reach the workers through the output folder (which they share), not the task graph.
        pipeline.save_decisions(out, decisions)
        stats = client.gather(client.map(_finalize, indexes, config=config, out=out))
        return summaries, stats
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
