"""Reading documents from text, JSONL, CSV and Parquet files (optionally gzip or zstd), without ever holding
a whole corpus in memory. A document that cannot be read becomes a ``Document`` with an ``error``: it is
rejected with that reason later, never dropped and never fatal."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import InputConfig


@dataclass(slots=True)
class Document:
    id: str
    text: str
    source: str
    order: int = 0  # position in the input: decides which copy of a duplicate is kept
    error: str = ""  # why it could not be read (stage "read")


_SURROGATE = re.compile("[\ud800-\udfff]")
_CSV_FIELD_LIMIT = 2**31 - 1
_BOM = b"\xef\xbb\xbf"  # the UTF-8 byte order mark


def _open_binary(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rb")
    if path.suffix == ".zst":
        import zstandard

        # the stream reader has no readline: buffered, it can be read line by line (JSONL, CSV, --lines)
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(path, "rb")))  # noqa: SIM115
    return open(path, "rb")  # noqa: SIM115


def _kind(path: Path) -> str:
    suffixes = [s for s in path.suffixes if s not in (".gz", ".zst")]
    return suffixes[-1].lstrip(".") if suffixes else "txt"


def read_documents(paths: list[str | Path], config: InputConfig) -> Iterator[Document]:
    """Every document of every input, in order, numbered."""
    order = 0
    for raw_path in paths:
        path = Path(raw_path)
        files = _files_in(path) if path.is_dir() else [path]
        for file in files:
            for doc in _read_file(file, config):
                doc.order = order
                order += 1
                yield doc


def _files_in(folder: Path) -> list[Path]:
    """The files below ``folder``, sorted; hidden files and folders (``.git``, ``.DS_Store``, a build's own
    ``.work``) are not documents and are left out."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return data.decode("utf-8", "replace"), f"invalid-utf8 at byte {exc.start}"


def _read_file(path: Path, config: InputConfig) -> Iterator[Document]:
    name = str(path)
    try:
        kind = _kind(path)
        if kind == "parquet":
            yield from _read_parquet(path, config)
            return
        with _open_binary(path) as handle:
            if kind == "jsonl" or kind == "json":
                yield from _read_jsonl(handle, name, config)
            elif kind == "csv":
                yield from _read_csv(handle, name, config)
            elif config.lines:
                for number, line in enumerate(handle, 1):
                    text, error = _decode(line.rstrip(b"\r\n"))
                    yield Document(f"{path.name}:{number}", text, name, error=error)
            else:
                text, error = _decode(handle.read())
                yield Document(path.name, text, name, error=error)
    except OSError as exc:
        yield Document(name, "", name, error=f"unreadable: {exc.strerror or str(exc) or type(exc).__name__}")
    except Exception as exc:  # noqa: BLE001 - a truncated gzip (EOFError), a broken zstd frame or Parquet
        # footer, a CSV the csv module gives up on: the rest of the file is one rejected record, not a crash
        yield Document(name, "", name, error=f"unreadable: {type(exc).__name__}: {exc}")


def _read_jsonl(handle, name: str, config: InputConfig) -> Iterator[Document]:
    base = Path(name).name
    for number, line in enumerate(handle, 1):
        if number == 1 and line.startswith(_BOM):  # files saved on Windows often start with one
            line = line[len(_BOM):]
        if not line.strip():
            continue
        fallback_id = f"{base}:{number}"
        text, error = _decode(line)
        if error:
            yield Document(fallback_id, text, name, error=error)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Document(fallback_id, text, name, error=f"json-error: {exc.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get(config.text_field), str):
            yield Document(fallback_id, text, name, error=f"missing-field: {config.text_field}")
            continue
        doc_id = record.get(config.id_field)
        doc_id = str(doc_id) if doc_id is not None else fallback_id
        bad = _SURROGATE.search(record[config.text_field])
        if bad or _SURROGATE.search(doc_id):  # JSON may escape half a surrogate pair (\ud800): no text
            where = f"character {bad.start()} of {config.text_field}" if bad else config.id_field
            yield Document(fallback_id, text, name, error=f"invalid-unicode: lone surrogate at {where}")
            continue
        yield Document(doc_id, record[config.text_field], name)


def _read_csv(handle, name: str, config: InputConfig) -> Iterator[Document]:
    # a document may be longer than the csv module's default field limit (128 KiB)
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    # bytes that are not UTF-8 come through as lone surrogates, so that the row holding them is rejected
    # (utf-8-sig: a byte order mark, as Excel writes, is not part of the first column's name)
    stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(stream)
    base = Path(name).name
    for number, row in enumerate(reader, 1):
        fallback_id = f"{base}:{number}"
        text = row.get(config.text_field)
        if not isinstance(text, str):
            yield Document(fallback_id, "", name, error=f"missing-field: {config.text_field}")
            continue
        doc_id = row.get(config.id_field)
        doc_id = doc_id if isinstance(doc_id, str) and doc_id else fallback_id
        bad = _SURROGATE.search(text)
        if bad or _SURROGATE.search(doc_id):
            where = f"character {bad.start()} of {config.text_field}" if bad else config.id_field
            text = _SURROGATE.sub("\ufffd", text)
            yield Document(fallback_id, text, name, error=f"invalid-utf8 at {where}")
            continue
        yield Document(doc_id, text, name)


def _read_parquet(path: Path, config: InputConfig) -> Iterator[Document]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    number = 0
    for batch in parquet.iter_batches(batch_size=1024):
        columns = batch.to_pydict()
        if config.text_field not in columns:
            yield Document(str(path), "", str(path), error=f"missing-field: {config.text_field}")
            return
        ids = columns.get(config.id_field) or [None] * batch.num_rows
        for doc_id, text in zip(ids, columns[config.text_field]):
            number += 1
            fallback_id = f"{path.name}:{number}"
            if not isinstance(text, str):
                yield Document(fallback_id, "", str(path), error=f"missing-field: {config.text_field}")
            else:
                yield Document(str(doc_id) if doc_id is not None else fallback_id, text, str(path))
