"""Near-duplicate detection on planted duplicates: documents with 5-10% of their words edited."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")

from sorani.corpus import dedup  # noqa: E402
from sorani.corpus.config import Config  # noqa: E402
from sorani.corpus.stages import _WORDS, minhash_signature  # noqa: E402


def planted(texts: list[str], seed: int = 0, share: tuple[float, float] = (0.05, 0.10)):
    """Base documents plus, for every other one, a copy with 5-10% of its words replaced, deleted or
    inserted. Returns (documents, {copy index: base index})."""
    rng = random.Random(seed)
    vocabulary = sorted({w for t in texts for w in _WORDS.findall(t)})
    documents, truth = list(texts), {}
    for base, text in enumerate(texts):
        if base % 2:
            continue
        words = text.split()
        for _ in range(max(1, round(len(words) * rng.uniform(*share)))):
            i = rng.randrange(len(words))
            action = rng.choice(("replace", "delete", "insert"))
            if action == "replace":
                words[i] = rng.choice(vocabulary)
            elif action == "delete" and len(words) > 10:
                del words[i]
            else:
                words.insert(i, rng.choice(vocabulary))
        truth[len(documents)] = base
        documents.append(" ".join(words))
    return documents, truth


def recall_precision(documents: list[str], truth: dict[int, int], config: Config) -> tuple[float, float]:
    signatures = {i: dedup.pack(minhash_signature(t, config)) for i, t in enumerate(documents)}
    found = dedup.resolve(dedup.candidate_pairs(signatures, config.dedup.bands), signatures, config.dedup.threshold)
    hits = sum(1 for copy, base in truth.items() if found.get(copy) == base)
    correct = sum(1 for copy, base in found.items() if truth.get(copy) == base)
    return hits / len(truth), (correct / len(found) if found else 1.0)


def sample_documents(news_sample: str, count: int, length: int = 80, seed: int = 1) -> list[str]:
    """Distinct documents of real Sorani words: random runs of the news article's words, shuffled."""
    rng = random.Random(seed)
    words = news_sample.split()
    documents = []
    for _ in range(count):
        start = rng.randrange(len(words) - length)
        run = words[start : start + length]
        rng.shuffle(run)
        documents.append(" ".join(run))
    return documents


def test_planted_near_duplicates_from_the_sample(news_sample):
    documents, truth = planted(sample_documents(news_sample, 200))
    recall, precision = recall_precision(documents, truth, Config())
    assert recall >= 0.95 and precision >= 0.99, (recall, precision)


def test_planted_near_duplicates_in_real_sentences(shared_data):
    lines = (shared_data / "normalization/synthetic-flores/Sorani-Arabic/devtest_20.trg").read_text(
        encoding="utf-8").splitlines()
    texts = [" ".join(lines[i : i + 3]) for i in range(0, 900, 3)]  # 300 documents of three sentences
    documents, truth = planted(texts, seed=5)
    recall, precision = recall_precision(documents, truth, Config())
    assert recall >= 0.95 and precision >= 0.99, (recall, precision)


def test_exact_duplicates_keep_the_first():
    assert dedup.exact_duplicates([(0, "a", "h1"), (1, "b", "h2"), (2, "c", "h1"), (3, "d", "h1")]) == {2: 0, 3: 0}


def test_resolution_compares_with_kept_documents_only():
    # b duplicates a, c duplicates b but not a: c is kept, since b was not
    signatures = {0: dedup.pack([1] * 10 + [2] * 10), 1: dedup.pack([1] * 10 + [3] * 10),
                  2: dedup.pack([4] * 10 + [3] * 10)}
    assert dedup.resolve({(0, 1), (1, 2), (0, 2)}, signatures, 0.5) == {1: 0}


def test_batched_signatures_are_datasketch_minhashes(news_sample):
    MinHash = pytest.importorskip("datasketch").MinHash
    from sorani.corpus.stages import minhash_signatures, shingle_hashes

    words = _WORDS.findall(news_sample)
    # one-word, short and long documents, and one longer than a block of the batched computation
    documents = [words[:1], words[:7], words[3:200], words * 40, words[10:60]]
    shingles = [shingle_hashes(w, 2) for w in documents]
    assert len(shingles[3]) > 0 and sum(map(len, shingles)) > 300
    batched = minhash_signatures(shingles, 128, 1)
    for row, hashes in zip(batched, shingles):
        reference = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
        reference.update_batch(hashes.tolist())
        assert row.tolist() == reference.hashvalues.tolist()


def test_minhash_blocks_do_not_change_the_signature(news_sample, monkeypatch):
    from sorani.corpus import stages

    shingles = [stages.shingle_hashes(_WORDS.findall(line), 2) for line in news_sample.splitlines() if line.strip()]
    whole = stages.minhash_signatures(shingles, 64, 7)
    monkeypatch.setattr(stages, "_MINHASH_ROWS", 5)  # documents split across many blocks
    assert (stages.minhash_signatures(shingles, 64, 7) == whole).all()


def test_candidate_pairs_are_the_documents_sharing_a_band_key():
    rng = random.Random(2)
    signatures = {order: dedup.pack([rng.randrange(3) for _ in range(16)]) for order in rng.sample(range(500), 60)}
    buckets: dict[str, list[int]] = {}
    for order, packed in signatures.items():
        for key in dedup.band_keys(packed, 4):
            buckets.setdefault(key, []).append(order)
    expected = dedup.candidate_pairs_from_buckets(m for m in buckets.values() if len(m) > 1)
    assert expected and dedup.candidate_pairs(signatures, 4) == expected


def test_candidate_pairs_when_different_bands_mix_to_the_same_number(monkeypatch):
    # bands are grouped by a 64-bit mix of their rows; should different bands mix alike, by their bytes
    rng = random.Random(3)
    signatures = {order: dedup.pack([rng.randrange(3) for _ in range(16)]) for order in range(80)}
    expected = dedup.candidate_pairs(signatures, 4)
    monkeypatch.setattr(dedup, "_MIX", (0,))  # every band mixes to 0
    assert expected and dedup.candidate_pairs(signatures, 4) == expected


def test_resolution_agrees_with_the_similarity_of_each_pair():
    rng = random.Random(4)
    signatures = {order: dedup.pack([rng.randrange(2) for _ in range(8)]) for order in range(40)}
    pairs = dedup.candidate_pairs(signatures, 4)
    found = dedup.resolve(pairs, signatures, 0.75)
    for later, earlier in found.items():
        assert earlier < later and earlier not in found
        assert dedup.similarity(signatures[earlier], signatures[later]) >= 0.75
    for earlier, later in pairs:  # every kept document was compared with its kept candidates
        if later not in found and earlier not in found:
            assert dedup.similarity(signatures[earlier], signatures[later]) < 0.75


def test_shard_signatures_equal_signatures_of_each_document(news_sample):
    from sorani.corpus.stages import minhash_signatures, shard_signatures, shingle_hashes

    lines = [_WORDS.findall(line) for line in news_sample.splitlines()]
    documents = lines[:20] + [[], ["و"], ["و", "و", "و"]] + [lines[0] * 3]  # empty, one word, repeats
    for k in (1, 2, 3):
        one_by_one = minhash_signatures([shingle_hashes(words, k) for words in documents], 128, 1)
        assert (shard_signatures(documents, k, 128, 1) == one_by_one).all()


def test_permutations_are_datasketchs():
    MinHash = pytest.importorskip("datasketch").MinHash
    from sorani.corpus.stages import _permutations

    for num_perm, seed in ((128, 1), (64, 7)):
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        ours = _permutations(num_perm, seed)
        assert ours[0].tolist() == a.tolist() and ours[1].tolist() == b.tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["و", "لە", "هەولێر", "ڕۆژ", "x", "", "کوردستان"]), max_size=12),
                min_size=1, max_size=8),
       st.integers(1, 3))
def test_shard_signatures_property(documents, k):
    from sorani.corpus.stages import minhash_signatures, shard_signatures, shingle_hashes

    one_by_one = minhash_signatures([shingle_hashes(words, k) for words in documents], 32, 3)
    assert (shard_signatures(documents, k, 32, 3) == one_by_one).all()


def _records(rng: random.Random, count: int, num_perm: int = 16, start: int = 0) -> list[dict]:
    """Records as phase 1 leaves them: some rejected, some exact copies (few distinct hashes), many near
    ones (signatures of few distinct values), ids with non-ASCII letters."""
    import hashlib

    records = []
    for order in range(start, start + count):
        ok = rng.random() < 0.8
        records.append({"order": order, "id": f"دۆک-{order}" if order % 3 else f"d{order}",
                        "status": "ok" if ok else "rejected",
                        "hash": hashlib.sha1(str(rng.randrange(count // 2)).encode()).hexdigest() if ok else "",
                        "minhash": dedup.pack([rng.randrange(3) for _ in range(num_perm)]) if ok else None})
    return records


def _reference_decide(records: list[dict], config: Config, pairs=None) -> dict:
    """The rule as deduplication ran it on one tuple per document, before summaries were columns."""
    ok = [r for r in records if r["status"] == "ok"]
    ids = {r["order"]: r["id"] for r in ok}
    decisions = {}
    if config.dedup.exact:
        for order, first in dedup.exact_duplicates((r["order"], r["id"], r["hash"]) for r in ok).items():
            decisions[order] = ("dedup-exact", f"dup-of:{ids[first]}")
    if config.dedup.near:
        signatures = {r["order"]: r["minhash"] for r in ok if r["minhash"] and r["order"] not in decisions}
        if pairs is None:
            pairs = dedup.candidate_pairs(signatures, config.dedup.bands)
        pairs = {(a, b) for a, b in pairs if a in signatures and b in signatures}
        for order, first in dedup.resolve(pairs, signatures, config.dedup.threshold).items():
            decisions[order] = ("dedup-near", f"dup-of:{ids[first]}")
    return decisions


@pytest.mark.parametrize("exact, near", [(True, True), (False, True), (True, False)])
def test_decisions_from_gathered_summaries_follow_the_rule(exact, near):
    import pickle

    from sorani.corpus import pipeline

    rng = random.Random(5)
    config = Config()
    config.dedup.exact, config.dedup.near, config.dedup.bands = exact, near, 4
    shards = [_records(rng, count, start=start) for start, count in ((0, 50), (50, 1), (51, 0), (51, 120))]
    records = [r for shard in shards for r in shard]
    if not near:
        for r in records:
            r["minhash"] = None
    gathered = pipeline.Gathered(exact)
    for shard in shards:
        gathered.add(pickle.loads(pickle.dumps(pipeline.summarize(shard))))  # as a worker's summary arrives
    expected = _reference_decide(records, config)
    assert expected and pipeline.decide(gathered, config) == expected
    if near:  # candidate pairs given by the engine, exact copies among them (the Dask engine's)
        signatures = {r["order"]: r["minhash"] for r in records if r["status"] == "ok"}
        pairs = dedup.candidate_pairs(signatures, 4)
        assert pipeline.decide(gathered, config, pairs=pairs) == _reference_decide(records, config, pairs)


def test_summaries_keep_what_deduplication_needs():
    import pickle

    from sorani.corpus import pipeline

    rng = random.Random(6)
    records = _records(rng, 60)
    records[3].update(status="ok", hash="ab" * 20, minhash=None)  # without a signature
    summary = pipeline.summarize(records)
    ok = [r for r in records if r["status"] == "ok"]
    assert list(summary.rows()) == [(r["order"], r["id"], r["hash"], r["minhash"] or b"") for r in ok]
    assert pickle.loads(pickle.dumps(summary)) == summary
    rows = [i for i in range(len(ok)) if i % 3]
    assert summary.select(rows) == pipeline.summarize([ok[i] for i in rows])
    whole = pipeline.summarize(records[:25])
    whole.extend(pipeline.summarize(records[25:]))
    assert whole == summary
    assert pipeline.Summary.join([pipeline.summarize(records[:25]), pipeline.Summary(),
                                  pipeline.summarize(records[25:])]) == summary
