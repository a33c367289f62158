"""Timing methodology shared by both sides: warm-up, then the median of N repeats (stdlib only)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(
    func: Callable[[], object],
    repeat: int = 5,
    budget: float = 60.0,
    setup: Callable[[], object] | None = None,
) -> float:
    """Median wall time of ``func()`` over ``repeat`` runs after one warm-up run. Slow functions get fewer
    repeats (never fewer than 3) so that one case stays within ``budget`` seconds. ``setup`` runs untimed
    before each run (e.g. to empty per-word caches, so repeats do not measure a perfect cache)."""
    start = time.perf_counter()
    func()
    warm = time.perf_counter() - start
    runs = max(3, min(repeat, int(budget / max(warm, 1e-9))))
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
