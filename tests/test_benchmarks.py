"""The benchmark harness's pure helpers (no timings are asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import corpus  # noqa: E402
import timing  # noqa: E402


def test_fallback_corpus_and_slices(tmp_path):
    docs, description = corpus.load_documents([str(tmp_path / "missing.jsonl")])
    assert "bundled news sample" in description and corpus.nbytes(docs) > 500_000
    part = corpus.head(docs, 10_000)
    assert 5_000 <= corpus.nbytes(part) <= 20_000 and part[0] == docs[0] and part[-1] == docs[-1]
    assert corpus.nwords(["یەک دوو", "سێ"]) == 3


def test_jsonl_and_text_documents(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "سڵاو"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("یەک\n\nدوو\n", encoding="utf-8")
    docs, _ = corpus.load_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")])
    assert docs == ["سڵاو", "یەک", "دوو"]


def test_median_runs_setup_before_each_run():
    calls = []
    timing.median_seconds(lambda: calls.append("run"), repeat=3, setup=lambda: calls.append("setup"))
    assert calls == ["run", "setup", "run", "setup", "run", "setup", "run"]
