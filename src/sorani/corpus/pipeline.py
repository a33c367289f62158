"""The shared phases of a corpus build, used by every engine:

1. ``process_shard``: run the per-document stages on one shard of documents (language ID prepared for the
   whole shard first, ``shard_languages``; the MinHash signatures of
   its documents together, ``SIGN_BATCH_WORDS`` words at a time) and keep the records in ``OUT/.work/shard-NNNNN.pkl.zst`` (a zstd-compressed
   pickle, written atomically, so ``--resume`` can skip finished shards); return a small summary
   (``Summary``: orders, ids, hashes and MinHash signatures of the documents still in, in columns).
2. deduplication over the summaries (``Gathered``, ``decide``, ``dedup``): exact as the shards' summaries
   arrive (a later copy leaves only its order and the row of the first), then near; the summaries are let
   go once the decisions are made.
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
from array import array
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


def process_shard(index: int, documents: list[Document], config: Config, out: Path) -> Summary:
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


class Summary:
    """What deduplication needs of the documents of a shard, or of a whole build, that it looks at (status
    ok, in input order), in columns: the input orders (``array("q")``), the ids (UTF-8, end to end, and
    where each ends), the exact hashes (SHA-1 digests, 20 bytes each), whether each document has a MinHash
    signature (a byte each: none without near-dedup) and the signatures (packed as ``dedup.pack`` packs
    them, end to end). A tuple of Python objects per document took about 810 bytes for a document with
    a signature (the signature a bytes object of 545 bytes, the hash a hexadecimal string of 89); in
    columns it takes the signature's 512 bytes and about 60 more, in a few large blocks."""

    __slots__ = ("hashes", "id_ends", "ids", "orders", "signatures", "signed")

    def __init__(self) -> None:
        self.orders, self.id_ends = array("q"), array("q")
        self.ids, self.hashes, self.signed, self.signatures = bytearray(), bytearray(), bytearray(), bytearray()

    def add(self, order: int, doc_id: str, digest: str, signature: bytes | None) -> None:
        """One document: its order, id, hash (hexadecimal, as in a record) and packed signature (or None)."""
        self.orders.append(order)
        self.ids += doc_id.encode("utf-8", "surrogatepass")
        self.id_ends.append(len(self.ids))
        packed = bytes.fromhex(digest)
        if len(packed) != HASH_BYTES:
            raise ValueError(f"a document hash of {len(packed)} bytes, not {HASH_BYTES}: {digest!r}")
        self.hashes += packed
        self.signed.append(1 if signature else 0)
        if signature:
            self.signatures += signature

    def extend(self, other: Summary) -> None:
        """The documents of ``other`` (a later shard) after these."""
        shift = len(self.ids)
        self.orders.extend(other.orders)
        self.ids += other.ids
        self.id_ends.extend(end + shift for end in other.id_ends)
        self.hashes += other.hashes
        self.signed += other.signed
        self.signatures += other.signatures

    @staticmethod
    def join(parts: list[Summary]) -> Summary:
        """The documents of ``parts`` (summaries of consecutive shards) in one summary, a block per column."""
        import numpy as np

        whole = Summary()
        whole.orders.frombytes(b"".join(part.orders for part in parts))
        shifts = np.cumsum([0] + [len(part.ids) for part in parts[:-1]], dtype=np.int64)
        ends = [np.frombuffer(part.id_ends, dtype=np.int64) + shift for part, shift in zip(parts, shifts)]
        whole.id_ends.frombytes(np.concatenate(ends).tobytes() if ends else b"")
        for name in ("ids", "hashes", "signed", "signatures"):
            setattr(whole, name, bytearray().join(getattr(part, name) for part in parts))
        return whole

    def __len__(self) -> int:
        return len(self.orders)

    def select(self, rows: list[int]) -> Summary:
        """The documents ``rows`` (ascending) of this summary."""
        import numpy as np

        part = Summary()
        index = np.array(rows, dtype=np.int64)
        part.orders.frombytes(np.frombuffer(self.orders, dtype=np.int64)[index].tobytes())
        for row in rows:
            start = self.id_ends[row - 1] if row else 0
            part.ids += self.ids[start : self.id_ends[row]]
            part.id_ends.append(len(part.ids))
        part.hashes += np.frombuffer(self.hashes, dtype=f"V{HASH_BYTES}")[index].tobytes()
        signed = np.frombuffer(self.signed, dtype=np.uint8)
        part.signed += signed[index].tobytes()
        signature_rows = (np.cumsum(signed) - 1)[index[signed[index] == 1]]
        part.signatures += self.signature_matrix()[signature_rows].tobytes()
        return part

    def id(self, row: int) -> str:
        start = self.id_ends[row - 1] if row else 0
        return self.ids[start : self.id_ends[row]].decode("utf-8", "surrogatepass")

    def signature_matrix(self):
        """The signatures as the rows of a uint32 matrix (numpy, a view of ``signatures``)."""
        import numpy as np

        signatures = np.frombuffer(self.signatures, dtype=np.uint32)
        count = self.signed.count(1)
        return signatures.reshape(count, -1) if count else signatures.reshape(0, 0)

    def rows(self) -> Iterator[tuple[int, str, str, bytes]]:
        """(order, id, hash as in the record, packed signature or b"") of each document."""
        matrix, signature = self.signature_matrix(), 0
        for row, order in enumerate(self.orders):
            packed = b""
            if self.signed[row]:
                packed, signature = matrix[signature].tobytes(), signature + 1
            yield order, self.id(row), self.hashes[row * HASH_BYTES : (row + 1) * HASH_BYTES].hex(), packed

    def __eq__(self, other) -> bool:
        return isinstance(other, Summary) and self.__getstate__() == other.__getstate__()

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)


HASH_BYTES = 20  # a SHA-1 digest (``stages``: the hash of the normalized words)


def summarize(records: list[dict]) -> Summary:
    """The summary of the records of a shard: those with status ok."""
    summary = Summary()
    for r in records:
        if r["status"] == "ok":
            summary.add(r["order"], r["id"], r["hash"], r["minhash"])
    return summary


class Gathered:
    """The shards' summaries of a build, gathered in input order (``add``) for ``decide``. With exact
    deduplication, it happens here, as they arrive: of the documents with the same hash only the first is
    kept (``kept``: the shards' summaries of those, joined into one when deduplication needs them), and of
    every later copy its order and the row of the first in ``kept`` (16 bytes, where the copy's signature
    alone would take 512)."""

    def __init__(self, exact: bool = True) -> None:
        self.exact = exact
        self.parts: list[Summary] = []  # the kept documents of each shard
        self.copies, self.copy_of = array("q"), array("q")  # order of each later copy, row of its first
        self._first: dict[bytes, int] = {}  # hash -> row in kept
        self._rows = 0  # documents kept
        self._last = -1  # the last order gathered

    def __len__(self) -> int:
        """The documents kept."""
        return self._rows

    def add(self, summary: Summary) -> None:
        """The summary of the next shard."""
        if len(summary) and summary.orders[0] <= self._last:
            raise ValueError("the summaries of a build are gathered in input order")
        self._last = summary.orders[-1] if len(summary) else self._last
        keep, first = [], self._first
        for index in range(len(summary) if self.exact else 0):
            digest = bytes(summary.hashes[index * HASH_BYTES : (index + 1) * HASH_BYTES])
            earlier = first.get(digest)
            if earlier is None:
                first[digest] = self._rows + len(keep)
                keep.append(index)
            else:
                self.copies.append(summary.orders[index])
                self.copy_of.append(earlier)
        part = summary.select(keep) if self.exact and len(keep) < len(summary) else summary
        self.parts.append(part)
        self._rows += len(part)

    def kept(self) -> Summary:
        """The kept documents as one summary (the shards' parts are joined, and let go, once)."""
        if len(self.parts) != 1:
            self.parts = [Summary.join(self.parts)]
        return self.parts[0]


def decide(gathered: Gathered, config: Config, pairs=None) -> dict[int, tuple[str, str]]:
    """order -> (stage, reason) for every document that deduplication rejects, from the summaries of the
    build (``gathered``, with exact deduplication as ``config.dedup.exact`` says). ``pairs`` (candidate
    pairs of orders: a set of tuples or an array of two columns) may be given by an engine that builds them
    itself; they are found here otherwise. The duplicates of a document share one decision."""
    import numpy as np

    kept = gathered.kept()
    orders = np.frombuffer(kept.orders, dtype=np.int64)
    decisions: dict[int, tuple[str, str]] = {}
    shared: dict[tuple[str, int], tuple[str, str]] = {}

    def reject(copies, firsts, stage: str) -> None:
        for order, first in zip(copies, firsts):
            decision = shared.get((stage, first))
            if decision is None:
                decision = shared[stage, first] = (stage, f"dup-of:{kept.id(first)}")
            decisions[order] = decision

    reject(gathered.copies, gathered.copy_of, "dedup-exact")
    if not config.dedup.near:
        return decisions
    signed = np.flatnonzero(np.frombuffer(kept.signed, dtype=np.uint8))  # the document of each signature
    if not len(signed):
        return decisions
    signed_orders, matrix = orders[signed], kept.signature_matrix()
    if pairs is None:
        pairs = dedup.band_pairs(signed_orders, matrix, config.dedup.bands)
    pairs = _pair_array(pairs)
    # the pairs' documents as rows of the matrix; a pair with a document not looked at (an exact copy) is dropped
    rows = np.minimum(np.searchsorted(signed_orders, pairs), len(signed) - 1)
    rows = rows[(signed_orders[rows] == pairs).all(axis=1)]
    found = dedup.resolve_rows(rows, signed_orders, matrix, config.dedup.threshold)
    firsts = np.searchsorted(orders, np.fromiter(found.values(), dtype=np.int64, count=len(found)))
    reject(found.keys(), firsts.tolist(), "dedup-near")
    return decisions


def _pair_array(pairs):
    import numpy as np

    if isinstance(pairs, np.ndarray):
        return pairs.astype(np.int64, copy=False).reshape(-1, 2)
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


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
    from .._version import RULES_VERSION, __version__
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
    versions = work / "versions.json"  # finished shards made under other rules would mix with new ones
    if resume and saved.exists():
        built = json.loads(versions.read_text()).get("rules_version") if versions.exists() else None
        if built != RULES_VERSION:
            made = f"rules {built}" if built else "an older sorani that did not record its rules"
            raise ConfigError(f"{out} was built with {made}, and this sorani has rules {RULES_VERSION}: "
                              "a resumed build would mix the two; start again with --overwrite")
    work.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(config.to_dict(), indent=1))
    versions.write_text(json.dumps({"sorani_version": __version__, "rules_version": RULES_VERSION}))
    for folder in ("accepted", "rejected"):  # parts are rewritten by the final phase
        for stale in (out / folder).glob("part-*") if (out / folder).exists() else ():
            stale.unlink()
