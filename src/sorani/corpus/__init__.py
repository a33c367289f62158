"""The corpus pipeline: raw Sorani documents in, a clean deduplicated corpus and a report out.

>>> from sorani.corpus import build   # doctest: +SKIP
>>> stats = build(["crawl.jsonl"], "out/", engine="local", jobs=2)   # doctest: +SKIP

Stages (each configurable, see ``sorani.corpus.config``): decode legacy fonts, language ID (document and
sentence level), normalization, quality filters, exact and near deduplication, annotations. Every input
document ends in exactly one of ``OUT/accepted/`` and ``OUT/rejected/`` (with its stage and reason).
Needs the ``corpus`` extra: ``pip install "sorani[corpus]"``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .config import Config
from .config import load as load_config
from .io import Document, read_documents
from .stages import process, quality_failure, quality_signals

__all__ = ["build", "Config", "load_config", "Document", "read_documents", "process", "quality_signals",
           "quality_failure", "demo_inputs"]


def demo_inputs() -> list[Path]:
    """The bundled demo corpus (Sorani news, neighbours, duplicates, keyboard-mangled text)."""
    from importlib import resources

    return [Path(str(resources.files("sorani").joinpath("data", "demo-corpus", "demo.jsonl")))]


def _require_importable_main() -> None:
    """Worker processes (``-j N``, a Dask LocalCluster) start by importing the caller's main script again.
    A script read from standard input (``python - < job.py``) has no file to import: the local pool would
    start dying workers forever, and the cluster fails with a long traceback. Refuse it before any work."""
    from ..errors import ConfigError

    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None):
        return  # python -m module: imported by its name
    path = getattr(main, "__file__", None)
    if path is not None and not os.path.exists(path):
        raise ConfigError(f"worker processes re-import the main script, and {path} is not a file (a script "
                          "read from standard input?): save it to a file, or use jobs=1 with engine='local'")


def _require_extra(engine: str) -> None:
    """The packages of the ``corpus`` extra that a build imports (lazily, deep inside it), looked for before any
    work: without them, ``pip install sorani`` alone, a build failed with a ModuleNotFoundError traceback."""
    import importlib.util

    from ..errors import ConfigError

    names = ("numpy", "pyarrow", "tqdm", "matplotlib", *(("distributed",) if engine == "dask" else ()))
    # found, not imported yet (None in sys.modules is how import marks a package as unavailable)
    missing = [name for name in names
               if (sys.modules[name] is None if name in sys.modules else importlib.util.find_spec(name) is None)]
    if missing:
        raise ConfigError(f'the corpus pipeline needs its extra: pip install "sorani[corpus]" (missing: '
                          f'{", ".join(missing)})')


def build(inputs, out, *, config: Config | str | Path | dict | None = None, engine: str = "local",
          jobs: int = 1, scheduler: str | None = None, resume: bool = False, overwrite: bool = False,
          progress: bool = False) -> dict:
    """Build a corpus from ``inputs`` (files or folders; one path alone, or none for the demo corpus) into
    ``out``; returns the statistics (also written to ``out/stats.json``, with ``out/report.html``).
    ``config``: a ``Config``, a dict of sections, a TOML/YAML file, or None for the defaults."""
    from .. import __version__
    from .._version import RULES_VERSION
    from ..errors import ConfigError, require_bool
    from . import pipeline, report
    from .stages import available, clear_caches

    from .config import from_dict

    if isinstance(config, Config):
        config = from_dict(config.to_dict())  # the same checks as a file's, on a copy
    elif isinstance(config, dict):
        config = from_dict(config)
    elif config is None or isinstance(config, (str, os.PathLike)):
        config = load_config(config)
    else:
        raise TypeError(f"config must be a Config, a dict, a path or None, not {type(config).__name__}")
    if engine not in ("local", "dask"):
        raise ConfigError(f"unknown engine {engine!r}; choose local or dask")
    if scheduler is not None and engine != "dask":
        raise ConfigError("a scheduler goes with engine='dask' (--engine dask); the local engine has none")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ConfigError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    for name, value in (("resume", resume), ("overwrite", overwrite), ("progress", progress)):
        require_bool(value, name)  # overwrite="no" must not replace an earlier build
    _require_extra(engine)
    if (engine == "local" and jobs > 1) or (engine == "dask" and scheduler is None):
        _require_importable_main()
    if not isinstance(out, (str, os.PathLike)):
        raise TypeError(f"out must be a path, not {type(out).__name__}")
    out = Path(out)
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path, not the characters of its name
    inputs = [Path(p) for p in inputs] or demo_inputs()
    for path in inputs:
        if not path.exists():
            raise ConfigError(f"input not found: {path}")
    existed = out.exists()
    was_empty = not existed or not any(out.iterdir())
    pipeline.prepare(out, config, resume, overwrite)
    clear_caches()
    started = time.perf_counter()
    documents = read_documents(inputs, config.input)
    if engine == "local":
        from .engines import local

        parts = local.run(documents, config, out, jobs=jobs, progress=progress)
    else:
        from .engines import dask as dask_engine

        try:
            parts = dask_engine.run(documents, config, out, jobs=max(1, jobs), scheduler=scheduler,
                                    progress=progress)
        except ConfigError:  # no scheduler to connect to: nothing was done, so leave no work folder behind
            if was_empty:
                import shutil

                shutil.rmtree(out / pipeline.WORK, ignore_errors=True)
                if not existed:
                    out.rmdir()
            raise
    seconds = time.perf_counter() - started
    stats = pipeline.merge_stats(parts)
    size = sum(p.stat().st_size for p in _files(inputs))
    can = available()
    skipped = {name: "not available in this version of sorani" for name, ok in can.items()
               if not ok and (name != "morphology" or config.annotate.morphology)}
    if config.normalize.tier == "repair" and not can["repair"]:
        skipped["repair"] = "not available; the standard tier was not replaced"
    extra = {"sorani_version": __version__, "rules_version": RULES_VERSION, "engine": engine, "jobs": jobs,
             "seconds": round(seconds, 3), "input_bytes": size, "mb_per_second": size / 1e6 / max(seconds, 1e-9),
             "stages_skipped": skipped, "config": config.to_dict()}
    result = report.write_stats(out, stats, extra)
    report.write_html(out, result, stats)
    return result


def _files(inputs: list[Path]):
    for path in inputs:
        yield from (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
