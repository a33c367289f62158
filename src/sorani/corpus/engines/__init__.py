"""Engines run the phases of ``sorani.corpus.pipeline``: ``local`` (processes on this machine) and
``dask`` (a Dask distributed cluster). Both give the same accepted ids and texts."""
