"""The Dask engine: the same phases on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``), or on
a LocalCluster of worker processes. Near-dedup across partitions shuffles the LSH band keys: each shard's
band entries are split by band into partitions on the worker that holds the shard, and one task per
partition collects its pieces from every shard and finds the candidate pairs there, so the band keys never
pass through the driver.

The output folder must be reachable by every worker (a shared file system for a remote cluster)."""

from __future__ import annotations

from pathlib import Path

from .. import dedup, pipeline
from ..config import Config


def _band_pieces(summary: pipeline.Summary, bands: int, parts: int) -> list[tuple[int, bytes, bytes]]:
    """The band entries of one shard, split into ``parts`` partitions by band number. A partition's piece
    is packed as (key width, the keys end to end, the document orders as 64-bit integers): one key is the
    band number (2 bytes) and the band's raw rows. Packed blobs cross the network as they are; a list of a
    million small tuples would be serialized item by item."""
    import numpy as np

    matrix = summary.signature_matrix()
    if not len(matrix):
        return [(0, b"", b"")] * parts
    orders = np.frombuffer(summary.orders, dtype=np.int64)[np.frombuffer(summary.signed, dtype=np.uint8) == 1]
    size = matrix.shape[1] // bands
    width = 4 * size + 2
    keys: list[list[bytes]] = [[] for _ in range(parts)]
    for band in range(bands):
        block = np.empty((len(matrix), width), dtype=np.uint8)
        block[:, :2] = np.frombuffer(band.to_bytes(2, "big"), dtype=np.uint8)
        block[:, 2:] = np.ascontiguousarray(matrix[:, band * size : (band + 1) * size]).view(np.uint8)
        keys[band % parts].append(block.tobytes())
    return [(width, b"".join(k), orders.tobytes() * len(k)) for k in keys]


def _partition_pairs(*pieces: tuple[int, bytes, bytes]) -> bytes:
    """Candidate pairs among the band entries of one partition, from every shard's piece, packed as
    64-bit integers (earlier, later, earlier, later, ...)."""
    import numpy as np

    pieces = [piece for piece in pieces if piece[0]]
    if not pieces:
        return b""
    width = pieces[0][0]
    keys = np.frombuffer(b"".join(piece[1] for piece in pieces), dtype=f"V{width}")
    orders = np.frombuffer(b"".join(piece[2] for piece in pieces), dtype=np.int64)
    pairs = dedup.equal_key_pairs(keys, orders)
    return np.unique(pairs, axis=0).astype(np.int64).tobytes() if len(pairs) else b""


def _unpack_pairs(packed: list[bytes]):
    """The distinct pairs of the partitions' packed pairs: an int64 array of two columns."""
    import numpy as np

    return dedup.unique_pairs([np.frombuffer(p, dtype=np.int64).reshape(-1, 2) for p in packed])


def _finalize(index: int, config: Config, out: Path) -> dict:
    return pipeline.finalize_shard(index, config, out, pipeline.load_decisions(out))


def run(documents, config: Config, out: Path, jobs: int = 2, scheduler: str | None = None,
        progress: bool = True) -> list[dict]:
    import operator
    import uuid

    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                    dashboard_address=None)
    try:
        client = Client(scheduler or cluster)
    except (OSError, ValueError) as exc:  # no scheduler there (a timeout), or an address Dask cannot read
        if cluster is not None:
            cluster.close()
        from ...errors import ConfigError

        reason = str(exc) or type(exc).__name__
        raise ConfigError(f"cannot connect to the Dask scheduler {scheduler!r}: {reason}") from None
    try:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="processing", disable=not progress, leave=False)
        run_id = uuid.uuid4().hex[:8]  # task keys of this run only, on a scheduler that others may share
        futures, index_of, count_of, done_futures = [], {}, {}, {}

        def collect(done) -> None:
            done_futures[index_of[done.key]] = done
            bar.update(count_of[done.key])

        in_flight = max(2, 2 * jobs)
        for index, batch in pipeline.shards(documents, config.output.shard_size):
            future = client.submit(pipeline.process_shard, index, batch, config, out, key=f"sorani-{run_id}-{index}")
            index_of[future.key], count_of[future.key] = index, len(batch)
            futures.append(future)
            if len(futures) >= in_flight:  # bounded: the corpus never piles up on the driver
                done = next(as_completed(futures))
                futures.remove(done)
                collect(done)
        for done in as_completed(futures):
            collect(done)
        bar.close()
        indexes = sorted(done_futures)
        gathered = pipeline.Gathered(config.dedup.exact)
        for index in indexes:
            gathered.add(done_futures[index].result())
        pairs = None
        if config.dedup.near and len(gathered):
            parts = max(1, min(config.dedup.bands, 2 * jobs))
            pieces = client.map(_band_pieces, [done_futures[i] for i in indexes], bands=config.dedup.bands,
                                parts=parts)
            partitions = [client.submit(_partition_pairs, *[client.submit(operator.getitem, piece, p)
                                                            for piece in pieces]) for p in range(parts)]
            pairs = _unpack_pairs(client.gather(partitions))
        decisions = pipeline.decide(gathered, config, pairs=pairs)
        del gathered, pairs  # the final phase needs the decisions only
        # The decisions reach the workers through the output folder (which they share), not the task graph.
        pipeline.save_decisions(out, decisions)
        stats = client.gather(client.map(_finalize, indexes, config=config, out=out))
        return stats
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
