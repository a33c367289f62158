"""The shared phases of a corpus build, used by every engine:

1. ``process_shard``: run the per-document stages on one shard of documents (language ID prepared for the
   whole shard first, ``shard_languages``; the MinHash signatures of
   its documents together, ``SIGN_BATCH_WORDS`` words at a time) and keep the records in ``OUT/.work/shard-NNNNN.pkl.zst`` (a zstd-compressed
   pickle, written atomically, so ``--resume`` can skip finished shards); return a small summary (ids,
   hashes, MinHash signatures).
2. deduplication over the summaries (``dedup``): exact, then near.
3. ``finalize_shard``: write each shard's accepted and rejected documents, with the dedup decisions,
   and return its statistics.

Only summaries travel between the phases, never the corpus, so memory stays bounded by the shard size.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import dedup
from .config import Config
from .io import Document
from .stages import process_document, shard_languages, shard_signatures

WORK = ".work"
OUTPUT_NAMES = frozenset({WORK, "accepted", "rejected", "stats.json", "report.html"})  # what a build writes
SIGN_BATCH_WORDS = 200_000  # words of the documents whose signatures are computed together


def shards(documents: Iterable[Document], size: int) -> Iterator[tuple[int, list[Document]]]:
    iterator = iter(documents)
    for index in itertools.count():
        batch = list(itertools.islice(iterator, size))
        if not batch:
            return
        yield index, batch


def _zstd():
    try:
        import zstandard
    except ImportError:  # pragma: no cover - zstandard comes with the corpus extra
        return None
    return zstandard


def work_path(out: Path, index: int) -> Path:
    return out / WORK / (f"shard-{index:05d}.pkl.zst" if _zstd() else f"shard-{index:05d}.pkl.gz")


def process_shard(index: int, documents: list[Document], config: Config, out: Path) -> list[tuple]:
    """Phase 1 for one shard; reuses the shard's work file if it is already there (resume)."""
    path = work_path(out, index)
    if path.exists():
        return summarize(read_work(path))
    records, to_sign, pending = [], [], 0
    languages = shard_languages(documents, config)
    for doc in documents:
        record, words = process_document(doc, config, languages)
        records.append(record)
        if words is not None:
            to_sign.append((record, words))
            pending += len(words)
            if pending >= SIGN_BATCH_WORDS:  # a word list takes ten times the memory of its text
                _sign(to_sign, config)
                to_sign, pending = [], 0
    _sign(to_sign, config)
    for record in records:  # of the signals, the final phase needs the word count only
        if record["signals"]:
            record["signals"] = {"words": record["signals"]["words"]}
    write_work(path, records)
    return summarize(records)


def _sign(to_sign: list[tuple[dict, list[str]]], config: Config) -> None:
    """The MinHash signatures of the documents waiting for one, all at once, into their records."""
    if to_sign:
        d = config.dedup
        signatures = shard_signatures([words for _, words in to_sign], d.shingle, d.num_perm, d.seed)
        for (record, _), signature in zip(to_sign, signatures):
            record["minhash"] = signature.tobytes()  # packed as dedup.pack packs it


def write_work(path: Path, records: list[dict]) -> None:
    """The records of a shard as one pickle, compressed (zstd level 1, or gzip without zstandard), written
    atomically. Work files are sorani's own: a folder of someone else's is not to be resumed."""
    data = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
    zstd = _zstd()
    data = zstd.ZstdCompressor(level=1).compress(data) if zstd else gzip.compress(data, compresslevel=1)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def read_work(path: Path) -> list[dict]:
    data = path.read_bytes()
    data = _zstd().ZstdDecompressor().decompress(data) if path.suffix == ".zst" else gzip.decompress(data)
    return pickle.loads(data)


def summarize(records: list[dict]) -> list[tuple]:
    """(order, id, status, hash, packed signature) of each record of a shard."""
    return [(r["order"], r["id"], r["status"], r["hash"], r["minhash"] or b"") for r in records]


def decide(summaries: Iterable[tuple], config: Config, pairs=None) -> dict[int, tuple[str, str]]:
    """order -> (stage, reason) for every document that deduplication rejects. ``pairs`` (candidate pairs)
    may be given by an engine that builds them itself; they are found here otherwise."""
    ok = [s for s in summaries if s[2] == "ok"]
    ids = {order: doc_id for order, doc_id, *_ in ok}
    decisions: dict[int, tuple[str, str]] = {}
    if config.dedup.exact:
        for order, first in dedup.exact_duplicates((o, i, h) for o, i, _, h, _ in ok).items():
            decisions[order] = ("dedup-exact", f"dup-of:{ids[first]}")
    if config.dedup.near:
        signatures = {o: sig for o, _, _, _, sig in ok if sig and o not in decisions}
        if pairs is None:
            pairs = dedup.candidate_pairs(signatures, config.dedup.bands)
        pairs = {(a, b) for a, b in pairs if a in signatures and b in signatures}
        for order, first in dedup.resolve(pairs, signatures, config.dedup.threshold).items():
            decisions[order] = ("dedup-near", f"dup-of:{ids[first]}")
    return decisions


def save_decisions(out: Path, decisions: dict[int, tuple[str, str]]) -> None:
    path = out / WORK / "decisions.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({str(k): v for k, v in decisions.items()}), encoding="utf-8")
    os.replace(tmp, path)


def load_decisions(out: Path) -> dict[int, tuple[str, str]]:
    data = json.loads((out / WORK / "decisions.json").read_text(encoding="utf-8"))
    return {int(k): tuple(v) for k, v in data.items()}


ACCEPTED_FIELDS = ("id", "text", "source", "lang", "lang_score", "legacy", "word_count", "token_count",
                   "sentence_spans", "lemmas", "rules_version")


def finalize_shard(index: int, config: Config, out: Path, decisions: dict[int, tuple[str, str]]) -> dict:
    """Phase 3 for one shard: write its accepted and rejected parts and return its statistics."""
    records = read_work(work_path(out, index))
    accepted, rejected = [], []
    stats = _empty_stats()
    for record in records:
        if record["status"] == "ok" and record["order"] in decisions:
            stage, reason = decisions[record["order"]]
            record.update(status="rejected", stage=stage, reason=reason)
            stats["clusters"].append((reason.removeprefix("dup-of:"), record["id"], stage))
        stats["input"] += 1
        words = record["signals"].get("words")
        if words is None:  # rejected before the quality signals
            words = len(record["raw"].split())
        if record["status"] == "ok":
            row = {k: record[k] for k in ACCEPTED_FIELDS if k in record}
            if config.output.keep_raw:
                row["raw"] = record["raw"]
            accepted.append(row)
            stats["accepted"] += 1
            stats["lengths_accepted"].append(words)
            if record["raw"] != record["text"] and len(stats["examples"]) < 5:
                stats["examples"].append((record["id"], record["raw"][:300], record["text"][:300]))
        else:
            rejected.append({"id": record["id"], "source": record["source"], "stage": record["stage"],
                             "reason": record["reason"], "text": record["raw"],
                             "rules_version": record["rules_version"]})
            stats["stages"][record["stage"]] += 1
            stats["reasons"][_reason_group(record["reason"])] += 1
            stats["lengths_rejected"].append(words)
        if record["lang"]:
            stats["languages"][record["lang"]] += 1
    _write(out / "accepted", index, accepted, config)
    _write(out / "rejected", index, rejected, config)
    return stats


def _reason_group(reason: str) -> str:
    """``lang:fa 0.98`` -> ``lang:fa``; ``quality:stopword_ratio=0.01`` -> ``quality:stopword_ratio``;
    ``read:json-error: Expecting value`` -> ``read:json-error``."""
    if reason.startswith("dup-of:"):
        return "dup-of"
    return reason.split(" ")[0].split("=")[0].rstrip(":")


def _empty_stats() -> dict:
    return {"input": 0, "accepted": 0, "stages": Counter(), "reasons": Counter(), "languages": Counter(),
            "lengths_accepted": [], "lengths_rejected": [], "examples": [], "clusters": []}


def merge_stats(parts: Iterable[dict]) -> dict:
    total = _empty_stats()
    for part in parts:
        for key in ("input", "accepted"):
            total[key] += part[key]
        for key in ("stages", "reasons", "languages"):
            total[key].update(part[key])
        for key in ("lengths_accepted", "lengths_rejected", "clusters"):
            total[key] += part[key]
        total["examples"] += part["examples"][: max(0, 5 - len(total["examples"]))]
    return total


_FEW_VALUES = ("source", "lang", "legacy", "stage", "rules_version")


def _write(folder: Path, index: int, rows: list[dict], config: Config) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if config.output.format == "jsonl":
        path = folder / f"part-{index:05d}.jsonl"
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = folder / f"part-{index:05d}.parquet"
        tmp = path.with_suffix(".tmp")
        names = list(dict.fromkeys(name for row in rows for name in row))
        table = pa.table({name: [row.get(name) for row in rows] for name in names}) if rows else \
            pa.table({"id": pa.array([], pa.string())})
        # dictionary pages only for the columns with few distinct values: on the texts they are wasted work
        pq.write_table(table, tmp, use_dictionary=[n for n in _FEW_VALUES if n in table.column_names])
    os.replace(tmp, path)


def prepare(out: Path, config: Config, resume: bool, overwrite: bool) -> None:
    """Check or set up the output folder before any work."""
    from ..errors import ConfigError

    work = out / WORK
    saved = work / "config.json"
    if out.exists() and any(out.iterdir()) and not resume:
        if not overwrite:
            raise ConfigError(f"{out} is not empty: use --resume to continue a run or --overwrite to replace it")
        import shutil

        # only what a build writes is removed: `-o . --overwrite` must not delete the folder's own files
        foreign = sorted(entry.name for entry in out.iterdir() if entry.name not in OUTPUT_NAMES)
        if foreign:
            more = ", …" if len(foreign) > 3 else ""
            raise ConfigError(f"{out} holds files a build did not write ({', '.join(foreign[:3])}{more}): "
                              "--overwrite replaces only a build's output")
        for entry in out.iterdir():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    if resume and not saved.exists() and out.exists() and any(out.iterdir()):
        raise ConfigError(f"{out} is not the output of a build ({WORK}/config.json is missing): there is "
                          "nothing to resume; use a new or empty folder")
    if resume and saved.exists() and json.loads(saved.read_text()) != config.to_dict():
        raise ConfigError(f"{out} was built with another configuration; resume with the same --config")
    work.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(config.to_dict(), indent=1))
    for folder in ("accepted", "rejected"):  # parts are rewritten by the final phase
        for stale in (out / folder).glob("part-*") if (out / folder).exists() else ():
            stale.unlink()
