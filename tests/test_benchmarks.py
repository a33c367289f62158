"""The benchmark harness's pure helpers and corpus loader (no timings are asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import cases
import corpus
import run
import timing


def test_fallback_corpus_and_slices(tmp_path):
    docs, description = corpus.load_documents([str(tmp_path / "missing.jsonl")])
    assert "bundled news sample" in description and corpus.nbytes(docs) > 500_000
    part = corpus.head(docs, 10_000)
    assert 5_000 <= corpus.nbytes(part) <= 20_000 and part[0] == docs[0] and part[-1] == docs[-1]
    assert corpus.nwords(["یەک دوو", "سێ"]) == 3


def test_jsonl_and_text_documents(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "سڵاو\\nباشی"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("یەک\n\nدوو\n", encoding="utf-8")
    docs, description = corpus.load_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")])
    assert docs == ["سڵاو\nباشی", "یەک", "دوو"] and description == "a.jsonl + b.txt"
    assert corpus.lines(docs) == ["سڵاو", "باشی", "یەک", "دوو"]


def test_texts_word_slice_takes_lines_from_both_ends(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("".join(f"وشە{i} " * 100 + "\n" for i in range(100)), encoding="utf-8")
    texts = corpus.Texts([str(path)])
    words = texts.get("words2k")
    assert corpus.nwords(words) == 2_000 and words[0] == texts.full[0] and words[-1] == texts.full[-1]
    with pytest.raises(KeyError):
        texts.get("nonsense")


def test_median_runs_setup_before_each_run():
    calls = []
    timing.median_seconds(lambda: calls.append("run"), repeat=3, setup=lambda: calls.append("setup"))
    assert calls == ["run", "setup", "run", "setup", "run", "setup", "run"]
    assert run.median([3.0, 1.0, 2.0]) == 2.0
    with pytest.raises(ValueError):
        run.median([])


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1_234_567, "words/s", "1.23M words/s"),
        (3_012, "", "3.01k"),
        (12.5, "", "12.5"),
        (999, "", "999"),
        (0.084, "", "0.08"),
    ],
)
def test_format_rate(value, unit, expected):
    assert run.format_rate(value, unit) == expected


def test_ratio_and_throughput():
    assert run.ratio(600_000, 3_000) == 200
    assert run.format_ratio(run.ratio(600_000, 3_000)) == "200×"
    assert run.format_ratio(4.44) == "4.4×" and run.format_ratio(0.534) == "0.53×"
    assert run.mb_per_s(2_000_000, 0.5) == 4.0


def test_table_rows_compare_within_pair_and_against_the_floor():
    def row(impl, label, text, seconds, pair=""):
        return {
            "group": "g",
            "impl": impl,
            "label": label,
            "pair": pair,
            "text": text,
            "seconds": seconds,
            "bytes": 1_000_000,
            "units": 1_000,
            "unit": "words",
            "text_label": text,
        }

    rows = [
        row("sorani", "a", "full", 0.5, "x"),
        row("sorani", "b", "full", 1.0, "y"),
        row("KLPT", "c", "full", 10.0, "x"),
        row("AsoSoft", "d", "full", 2.0, ""),
        row("KLPT", "c", "small", 10.0, "x"),  # another text: never compared with a row on `full`
    ]
    table = run.table_rows(rows, {"full": 4.0})  # the floor runs at 4 MB/s: 0.25 s
    assert table[0][6] == "2.0×" and table[1][6] == "4.0×"  # a stage's time in floor passes
    assert table[0][7] == "20.0× KLPT; 4.0× AsoSoft" and table[1][7] == "2.0× AsoSoft"
    assert table[2][6] == table[2][7] == ""
    text = run.markdown(table)
    assert text.splitlines()[0].startswith("| group | implementation") and text.count("\n") == len(rows) + 1


def test_ours_is_also_timed_on_every_peer_text():
    def noop(docs):
        return docs

    ours = [
        cases.Case("g", "sorani", "a", "full", noop, "x"),
        cases.Case("g", "sorani", "b", "full", noop, "y"),
    ]
    peers = [{"group": "g", "pair": "x", "text": "words2k"}, {"group": "g", "pair": "", "text": "small"}]
    on = run.peer_texts(peers)["g"]
    got = sorted((c.label, c.text) for c in run.with_peer_texts(ours, on))
    assert got == [("a", "full"), ("a", "small"), ("a", "words2k"), ("b", "full"), ("b", "small")]


def test_group_registry():
    assert run.select_groups(None) == cases.GROUPS
    assert run.select_groups(["tokenize,normalize"]) == ["normalize", "tokenize"]
    with pytest.raises(SystemExit):
        run.select_groups(["nonsense"])
    for group in cases.GROUPS:
        module = cases.load(group)
        assert module.GROUP == group and module.UNIT in run.UNIT_LABEL and isinstance(module.PEERS, dict)


def test_worker_reports_every_peer_as_measured_or_failed(tmp_path):
    """In whatever environment the tests run, each peer of a group is either timed or reported, never lost."""
    import peers_worker

    path = tmp_path / "tiny.txt"
    path.write_text("ئەوە بوو هێزێکی زۆر.\nلە شارەکانی کوردستان.\n", encoding="utf-8")
    answer = peers_worker.run({"corpus": [str(path)], "repeat": 3, "budget": 5, "groups": ["normalize"]})
    seen = {r["impl"] for r in answer["results"]} | {f["peer"] for f in answer["failures"]}
    assert seen == set(cases.load("normalize").PEERS)
    assert all(r["seconds"] > 0 and r["text"] in ("full", "small") for r in answer["results"])
