"""The corpus pipeline end to end: stages, nothing lost, bad input, resume, config errors, both engines."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pyarrow")
pytest.importorskip("numpy")

import pyarrow.parquet as pq  # noqa: E402

import sorani  # noqa: E402
from sorani.corpus import Config, build, load_config  # noqa: E402
from sorani.errors import ConfigError  # noqa: E402


def read_parts(folder: Path) -> list[dict]:
    rows = []
    for part in sorted(folder.glob("part-*")):
        if part.suffix == ".parquet":
            rows += pq.read_table(part).to_pylist()
        else:
            rows += [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r.get("id") is not None]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    stats = build([], out, overwrite=True)
    return out, stats


def test_demo_corpus_every_document_ends_somewhere(demo):
    out, stats = demo
    accepted, rejected = read_parts(out / "accepted"), read_parts(out / "rejected")
    demo_ids = [json.loads(line)["id"] for line in sorani.corpus.demo_inputs()[0].read_text().splitlines()]
    assert sorted(r["id"] for r in accepted + rejected) == sorted(demo_ids)
    assert stats["documents"] == {"input": len(demo_ids), "accepted": len(accepted), "rejected": len(rejected)}
    reasons = {r["id"]: r["reason"] for r in rejected}
    assert reasons["news-03-copy"] == "dup-of:news-03"
    assert reasons["news-04-arabic-kaf"] == "dup-of:news-04"  # differs only in ك/ک: same once normalized
    assert reasons["news-05-edited"] == "dup-of:news-05"  # 7% of words edited
    assert reasons["persian-1"].startswith("lang:fa") and reasons["arabic-1"].startswith("lang:ar")
    assert reasons["empty-1"] == "read:empty" and reasons["spam-1"].startswith("quality:repeated_line_ratio")
    assert reasons["short-1"].startswith("quality:words")
    kept = {r["id"]: r for r in accepted}
    assert "news-01" in kept and kept["news-01"]["rules_version"] == sorani.RULES_VERSION
    assert "ڕایگەیاند" in kept["news-01"]["text"]  # normalized
    assert (out / "report.html").read_text().count("<svg") == 4  # stages, reasons, languages, lengths
    # the Ali-K copy of a news sentence is decoded, normalized, and then caught as a duplicate
    assert reasons["legacy-alik-1"] == "dup-of:news-07"


def test_bad_input_becomes_rejected_records(tmp_path):
    data = tmp_path / "in.jsonl"
    good = "سەرۆکوەزیرانی عێراق ئەمڕۆ بە سەرۆکایەتیی شاندێکی حکومەت بەرەو ئەمریکا بەڕێکەوت و لەگەڵ بایدن کۆبووەوە"
    data.write_bytes(
        (json.dumps({"id": "a", "text": good}, ensure_ascii=False) + "\n").encode()
        + b'{"id": "b", "text": \n'  # not JSON
        + b'{"id": "c", "body": "x"}\n'  # no text field
        + b'{"id": "d", "text": "\xff\xfe"}\n'  # invalid UTF-8
        + (json.dumps({"id": "e", "text": "  "}) + "\n").encode()
    )
    missing = tmp_path / "folder"
    missing.mkdir()
    (missing / "doc.txt.gz").write_bytes(gzip.compress(good.encode()))
    stats = build([data, missing], tmp_path / "out", config=Config())
    rejected = {r["id"]: r["reason"] for r in read_parts(tmp_path / "out" / "rejected")}
    assert rejected["in.jsonl:2"].startswith("read:json-error")
    assert rejected["in.jsonl:3"] == "read:missing-field: text"
    assert rejected["in.jsonl:4"].startswith("read:invalid-utf8")
    assert rejected["e"] == "read:empty"
    accepted = [r["id"] for r in read_parts(tmp_path / "out" / "accepted")]
    assert accepted == ["a"] and stats["rejected_by_reason"]["dup-of"] == 1  # doc.txt.gz repeats a
    # the counts group reasons without their detail: the keys were 'read:json-error:', 'read:missing-field:'
    assert {"read:json-error", "read:missing-field", "read:invalid-utf8", "read:empty"} <= set(
        stats["rejected_by_reason"])
    assert not [reason for reason in stats["rejected_by_reason"] if reason.endswith(":")]


def test_a_byte_order_mark_at_the_start_of_a_csv_or_jsonl_file_is_skipped(tmp_path):
    # Excel's "CSV UTF-8" starts with one: the first column was named '\ufefftext' and every row was rejected
    # as read:missing-field; in JSONL the first document was read:json-error
    text = "سەرۆکوەزیرانی عێراق ئەمڕۆ بە سەرۆکایەتیی شاندێکی حکومەت بەرەو ئەمریکا بەڕێکەوت و لەگەڵ بایدن کۆبووەوە"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "excel.csv").write_bytes(b"\xef\xbb\xbf" + f"text,id\n{text},a\n".encode())
    record = json.dumps({"id": "b", "text": text + " لە واشنتن"}, ensure_ascii=False)
    (folder / "notes.jsonl").write_bytes(b"\xef\xbb\xbf" + record.encode() + b"\n")
    stats = build([folder], tmp_path / "out", config=Config())
    rejected = {r["id"]: r["reason"] for r in read_parts(tmp_path / "out" / "rejected")}
    accepted = [r["id"] for r in read_parts(tmp_path / "out" / "accepted")]
    assert "a" in accepted and set(accepted) | set(rejected) == {"a", "b"}  # the ids were read too
    assert not [reason for reason in rejected.values() if reason.startswith("read:")]
    assert stats["documents"]["input"] == 2


def test_config_errors_before_any_work(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[quality]\nmin_wordz = 3\n")
    with pytest.raises(ConfigError, match="min_wordz"):
        build([], tmp_path / "out", config=bad)
    assert not (tmp_path / "out").exists()
    bad.write_text("[normalize]\ntier = 'best'\n")
    with pytest.raises(ConfigError, match="tier"):
        build([], tmp_path / "out", config=bad)
    with pytest.raises(ConfigError, match="not empty"):
        build([], tmp_path)  # tmp_path already holds bad.toml


@pytest.mark.parametrize("module", ["tqdm", "matplotlib"])
def test_a_missing_extra_is_a_config_error_before_any_work(tmp_path, monkeypatch, module):
    # pip install sorani without [corpus]: the build failed half-way with a ModuleNotFoundError traceback
    monkeypatch.setitem(sys.modules, module, None)  # what an uninstalled package looks like to import
    source = tmp_path / "in.txt"
    source.write_text("ئەمڕۆ لە شاری هەولێر کتێبەکانم خوێندەوە.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf'sorani\[corpus\].*{module}'):
        build([source], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_resume_gives_the_same_output(tmp_path, demo):
    out = tmp_path / "run"
    config = Config()
    config.output.shard_size = 5
    config.output.format = "jsonl"
    first = build([], out, config=config)
    before = {p.name: p.read_text() for p in (out / "accepted").glob("part-*")}
    from sorani.corpus.pipeline import work_path

    work_path(out, 2).unlink()  # as if the run had been killed there
    again = build([], out, config=config, resume=True)
    after = {p.name: p.read_text() for p in (out / "accepted").glob("part-*")}
    assert before == after and first["documents"] == again["documents"]


def test_resume_refuses_a_folder_that_is_not_a_build(tmp_path):
    # the build was written in among the folder's own files (without --resume it is refused as not empty)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("تێبینی", encoding="utf-8")
    with pytest.raises(ConfigError, match="not the output of a build"):
        build([], folder, resume=True)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]
    assert build([], tmp_path / "new", resume=True)["documents"]["input"] > 0  # a new folder: a fresh build


def test_local_engine_in_parallel_matches_serial(tmp_path):
    serial = build([], tmp_path / "one", jobs=1)
    parallel = build([], tmp_path / "two", jobs=2)
    assert read_parts(tmp_path / "one" / "accepted") == read_parts(tmp_path / "two" / "accepted")
    assert serial["rejected_by_reason"] == parallel["rejected_by_reason"]


def test_dask_local_cluster_matches_local_engine(tmp_path):
    pytest.importorskip("distributed")
    config = Config()
    config.output.shard_size = 6
    build([], tmp_path / "local", config=config, engine="local")
    build([], tmp_path / "dask", config=config, engine="dask", jobs=2)
    local = [(r["id"], r["text"]) for r in read_parts(tmp_path / "local" / "accepted")]
    distributed = [(r["id"], r["text"]) for r in read_parts(tmp_path / "dask" / "accepted")]
    assert local == distributed and len(local) >= 8


def test_stopword_rule_judges_prose_not_headlines():
    from sorani.corpus import quality_failure, quality_signals

    # a news headline (a tweet of the Sorani tweets corpus): لە and بە are written on their words, so it has
    # no free-standing stopword, and it is still good text
    headline = "تەندرووستی عێراق: ٢ کارمەندی تەندرووستی بەهۆی کۆڕۆنا گیانیان لەدەستدا"
    assert quality_signals(headline)["stopword_ratio"] == 0.0
    assert quality_failure(quality_signals(headline), Config()) == ""
    # a 24-word list of names without any function word is no prose
    names = " ".join(["هەولێر", "سلێمانی", "دهۆک", "کەرکووک", "هەڵەبجە", "زاخۆ"] * 4)
    assert quality_failure(quality_signals(names), Config()).startswith("stopword_ratio=")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ABZ_9aé #@:/.wکە\u200c\n-²", max_size=40)
       | st.lists(st.sampled_from(["USER_ID", "URL", "http://x.y/z", "www.a", "#تاگ", "@user", "a@b.c", "ئەو",
                                   "\u200c", " ", "_", "9", "AB", "kA", "ب", "،", "xhttps://a", "ABC"])).map("".join))
def test_both_word_lists_in_one_pass_equal_two_passes(text):
    # the words of a text and of its language (links, handles, placeholders out), found together
    from sorani.corpus import stages
    from sorani.langid import strip_non_language

    assert stages._both_words(text) == (stages._words(text), stages._words(strip_non_language(text)))


def test_quality_signals_count_the_words_of_the_language_only():
    from sorani.corpus import quality_failure, quality_signals

    # a Sorani tweet of the tweets corpus: the mentions are anonymized as USER_ID, which are no words
    tweet = ("USER_ID USER_ID USER_ID لای ئێمە و زۆر ناوچەی تریش بەس بۆ گوێدرێژ بەکاردێ، هیچ وشەیەک "
             "پێویست بە لەتکردن نییە URL")
    signals = quality_signals(tweet)
    assert signals["words"] == 16 and signals["kurdish_letter_ratio"] == 1.0
    assert quality_failure(signals, Config()) == ""
    assert quality_signals("USER_ID USER_ID بەڵێ دەست خۆش")["words"] == 3


def test_short_documents_fail_the_word_rule_before_language_id():
    from sorani.corpus import process
    from sorani.corpus.io import Document

    # four Persian words (29 letters, enough to identify): too short to keep, whatever the language, so
    # they are not identified
    short = process(Document("p", "کتابخانه‌های دانشگاه تهران بسته‌اند", "test"), Config())
    assert short["reason"] == "quality:words=4" and short["lang"] == ""
    longer = process(Document("p2", "کتابخانه‌های دانشگاه تهران امروز بسته‌اند و دانشجویان به خانه رفتند", "test"),
                     Config())
    assert longer["reason"].startswith("lang:fa")
    kept = process(Document("s", "ئەمڕۆ سەرۆکوەزیرانی عێراق گەیشتە واشنتن و لەگەڵ بایدن کۆبووەوە", "test"), Config())
    assert kept["status"] == "ok" and kept["lang"] == "ckb" and len(kept["minhash"]) == 684  # 512 bytes, base64


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_decision(text):
    from sorani.corpus import process
    from sorani.corpus.io import Document

    record = process(Document("h", text, "test"), Config())
    assert record["status"] in ("ok", "rejected") and (record["status"] == "ok") == (record["reason"] == "")
    if record["status"] == "ok":
        assert record["hash"] and len(record["minhash"]) == 684 and record["signals"]["words"] >= 5


def test_signatures_do_not_depend_on_how_a_shard_is_batched(tmp_path, monkeypatch):
    from sorani.corpus import pipeline

    documents = list(sorani.corpus.read_documents(sorani.corpus.demo_inputs(), Config().input))
    whole = pipeline.process_shard(0, documents, Config(), _work_folder(tmp_path / "a"))
    monkeypatch.setattr(pipeline, "SIGN_BATCH_WORDS", 7)  # a batch every document or two
    batched = pipeline.process_shard(0, documents, Config(), _work_folder(tmp_path / "b"))
    assert whole == batched and whole.signed.count(1) >= 8


def _work_folder(out: Path) -> Path:
    (out / ".work").mkdir(parents=True)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["هەولێر", "و", "سلێمانی", "لە", "دهۆک"]), max_size=30)
       | st.lists(st.sampled_from(["هەولێر", "و", "سلێمانی", "لە", "دهۆک"]), min_size=500, max_size=700))
def test_top_bigram_ratio_counts_the_most_repeated_bigram(words):
    from collections import Counter

    from sorani.corpus import quality_signals

    signals = quality_signals(" ".join(words))
    top = max(Counter(zip(words, words[1:])).values(), default=0)
    assert signals["words"] == len(words)
    assert signals["top_bigram_ratio"] == round(top * 2 / max(1, len(words)), 4)


@pytest.mark.parametrize(
    ("toml", "match"),
    [("[dedup]\nbands = 0\n", "bands"),  # was a ZeroDivisionError traceback
     ("[dedup]\nshingle = 0\n", "shingle"),  # was an IndexError in the MinHash
     ("[dedup]\nnum_perm = 0\n", "num_perm"),  # silently no near dedup
     ("[dedup]\nshingle = 2.5\n", "shingle"),
     ("[dedup]\nthreshold = 2.0\n", "threshold"),
     ("[dedup]\nseed = -1\n", "seed"),  # was a ValueError traceback from numpy after the shards were read
     ("[dedup]\nseed = 4294967296\n", "seed"),
     ("[output]\nshard_size = 2.5\n", "shard_size"),
     ("[input]\ntext_field = 5\n", "text_field"),  # every document rejected as missing-field
     ("[langid]\nkeep = \"ckb\"\n", "keep"),  # a str is not a list: {'c', 'k', 'b'} rejected all Sorani
     ("[langid]\nkeep = 5\n", "keep"),
     ("[langid]\nmin_score = 1.5\n", "min_score"),
     ("[quality]\nmax_url_ratio = -0.1\n", "max_url_ratio")],
)
def test_wrong_values_are_config_errors_before_any_work(tmp_path, toml, match):
    bad = tmp_path / "bad.toml"
    bad.write_text(toml)
    with pytest.raises(ConfigError, match=match):
        build([], tmp_path / "out", config=bad)
    assert not (tmp_path / "out").exists()
    config = Config()  # a Config built in Python gets the same checks
    section, rest = toml.strip("[").split("]\n")
    key, value = rest.strip().split(" = ")
    setattr(getattr(config, section), key, eval(value))  # noqa: S307 - the literals above
    with pytest.raises(ConfigError, match=match):
        build([], tmp_path / "out", config=config)


def test_an_unknown_label_to_keep_is_a_config_error_before_any_work(tmp_path):
    # was taken: a misspelt label (kur for kmr) rejected every such document as lang:kmr
    bad = tmp_path / "bad.toml"
    bad.write_text('[langid]\nkeep = ["ckb", "kur"]\n')
    with pytest.raises(ConfigError, match="langid.keep: unknown label 'kur'"):
        build([], tmp_path / "out", config=bad)
    assert not (tmp_path / "out").exists()
    config = Config()
    config.langid.keep = ["ckb", "kur"]
    with pytest.raises(ConfigError, match="kur"):
        build([], tmp_path / "out", config=config)
    (tmp_path / "none.toml").write_text("[langid]\nkeep = []\n")  # was taken too: every document rejected
    with pytest.raises(ConfigError, match="at least one label"):
        build([], tmp_path / "out", config=tmp_path / "none.toml")
    (tmp_path / "off.toml").write_text("[langid]\nenabled = false\nkeep = []\n")
    assert not load_config(tmp_path / "off.toml").langid.enabled


def test_build_arguments_are_checked(tmp_path):
    for jobs in (0, -1, "2", 1.5):
        with pytest.raises(ConfigError, match="jobs"):
            build([], tmp_path / "out", jobs=jobs)
    for name in ("resume", "overwrite", "progress"):  # overwrite="no" used to replace an earlier build
        with pytest.raises(ConfigError, match=f"{name} must be True or False"):
            build([], tmp_path / "out", **{name: "no"})
    assert not (tmp_path / "out").exists()
    with pytest.raises(TypeError, match="out"):
        build([], None)
    with pytest.raises(TypeError, match="config"):
        build([], tmp_path / "out", config=5)
    with pytest.raises(TypeError):  # options by keyword only
        build([], tmp_path / "out", None)
    assert not (tmp_path / "out").exists()
    # one path alone is one input (it used to be read as the characters of its name)
    doc = tmp_path / "doc.txt"
    doc.write_text("سەرۆکوەزیرانی عێراق ئەمڕۆ بە سەرۆکایەتیی شاندێکی حکومەت بەرەو ئەمریکا بەڕێکەوت و لەگەڵ بایدن "
                   "کۆبووەوە", encoding="utf-8")
    stats = build(str(doc), tmp_path / "out", config={"output": {"format": "jsonl"}})
    assert stats["documents"]["input"] == 1
    assert [r["id"] for r in read_parts(tmp_path / "out" / "accepted")] == ["doc.txt"]


GOOD = "سەرۆکوەزیرانی عێراق ئەمڕۆ بە سەرۆکایەتیی شاندێکی حکومەت بەرەو ئەمریکا بەڕێکەوت و لەگەڵ بایدن کۆبووەوە"
GOOD2 = "لە شاری هەولێر کۆنفرانسێکی گەورە بۆ پەروەردە و فێرکردن ئەنجام درا و چەندین مامۆستا بەشدارییان تێدا کرد"


def test_zstd_inputs_are_read_line_by_line(tmp_path):
    # a .jsonl.zst, .csv.zst or --lines .txt.zst was one 'read:unreadable' record: the zstd stream reader
    # has no readline
    zstandard = pytest.importorskip("zstandard")
    pack = zstandard.ZstdCompressor().compress
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl.zst").write_bytes(pack((json.dumps({"id": "j1", "text": GOOD}) + "\n").encode()))
    (tmp_path / "in" / "b.csv.zst").write_bytes(pack(f'id,text\nc1,"{GOOD2}"\n'.encode()))
    build([tmp_path / "in"], tmp_path / "out", config={"output": {"format": "jsonl"}})
    assert sorted(r["id"] for r in read_parts(tmp_path / "out" / "accepted")) == ["c1", "j1"]
    (tmp_path / "lines.txt.zst").write_bytes(pack(f"{GOOD}\n{GOOD2}\n".encode()))
    build([tmp_path / "lines.txt.zst"], tmp_path / "out2", config={"input": {"lines": True}})
    assert sorted(r["id"] for r in read_parts(tmp_path / "out2" / "accepted")) == ["lines.txt.zst:1", "lines.txt.zst:2"]


def test_files_that_break_the_readers_are_rejected_records_not_crashes(tmp_path):
    # each of these used to stop the whole build with a traceback: a lone surrogate escaped in JSON
    # (UnicodeEncodeError when the record was written), a CSV field over the csv module's 128 KiB limit, a
    # truncated gzip (EOFError), a file that is not Parquet (ArrowInvalid); a CSV row with bytes that are
    # not UTF-8 was silently given U+FFFD instead of being rejected like a bad line of any other format
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "ok", "text": GOOD}) + "\n"
                                    + json.dumps({"id": "half", "text": "\ud800" + GOOD2}) + "\n")
    long_text = " ".join([GOOD2] * 1500)  # about 300 KB
    (folder / "b.csv").write_bytes(f'id,text\nlong,"{long_text}"\n'.encode() + b'bad,"\xff\xfe x"\n')
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z", "text": "x"}\n')[:20])
    (folder / "d.parquet").write_bytes(b"PAR1 not parquet")
    stats = build([folder], tmp_path / "out", config={"output": {"format": "jsonl"}})
    accepted = {r["id"] for r in read_parts(tmp_path / "out" / "accepted")}
    rejected = {r["id"]: r["reason"] for r in read_parts(tmp_path / "out" / "rejected")}
    assert accepted == {"ok", "long"}
    assert rejected["a.jsonl:2"].startswith("read:invalid-unicode: lone surrogate")
    assert rejected["b.csv:2"].startswith("read:invalid-utf8")
    assert rejected[str(folder / "c.jsonl.gz")].startswith("read:unreadable: EOFError")
    assert rejected[str(folder / "d.parquet")].startswith("read:unreadable")
    assert stats["documents"] == {"input": 6, "accepted": 2, "rejected": 4}


def test_config_file_that_is_not_utf8_names_its_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[quality]\nmin_words = 3 # \xff\n")
    with pytest.raises(ConfigError, match=r"bad\.toml:2: invalid UTF-8"):
        build([], tmp_path / "out", config=bad)


def test_overwrite_replaces_only_a_builds_output(tmp_path):
    # --overwrite used to delete the whole output folder, whatever it held (`-o . --overwrite` in a project
    # folder deleted the project)
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(ConfigError, match="notes.txt"):
        build([], folder, overwrite=True)
    assert (folder / "notes.txt").read_text() == "mine"
    out = tmp_path / "out"
    config = {"output": {"format": "jsonl"}}
    build([], out, config=config)
    first = {p.name: p.read_text() for p in (out / "accepted").glob("part-*")}
    build([], out, config=config, overwrite=True)
    assert {p.name: p.read_text() for p in (out / "accepted").glob("part-*")} == first


def test_scheduler_errors_are_config_errors(tmp_path):
    # an address Dask cannot read was a ValueError traceback; a scheduler with the local engine was ignored
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="Dask scheduler"):
        build([], tmp_path / "dask", engine="dask", scheduler="not-an-address")
    assert not (tmp_path / "dask").exists()  # a failed connection leaves no output folder behind
    with pytest.raises(ConfigError, match="scheduler"):
        build([], tmp_path / "local", scheduler="tcp://127.0.0.1:8786")


def test_hidden_files_in_an_input_folder_are_not_documents(tmp_path):
    # a folder under version control held .git/ objects and config, which were read as documents
    folder = tmp_path / "in"
    (folder / ".git" / "objects").mkdir(parents=True)
    (folder / ".git" / "config").write_text("[core]\n\tbare = false\n")
    (folder / ".git" / "objects" / "ab").write_bytes(b"x\x9c\xff")
    (folder / ".notes.txt").write_text(GOOD2)
    (folder / "news").mkdir()
    (folder / "news" / "a.txt").write_text(GOOD)
    stats = build([folder], tmp_path / "out", config={"output": {"format": "jsonl"}})
    assert stats["documents"]["input"] == 1
    assert [r["text"] for r in read_parts(tmp_path / "out" / "accepted")] == [GOOD]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["URL", "URLs", "aURL", "_URL", "URL_", "-", " ", "ئە", "http://x", "www.y", "U", "RL",
                                 "\u200c", "9"])).map("".join))
def test_url_pattern_equals_the_plain_one(text):
    import re

    from sorani.corpus import stages

    plain = re.compile(r"(?:https?://|www\.)\S+|\bURL\b")
    assert stages._URLS.findall(text) == plain.findall(text)
    assert stages._URLS.sub(" ", text) == plain.sub(" ", text)


@pytest.mark.parametrize("options", ["jobs=2", "engine='dask', jobs=2"])
def test_workers_refuse_a_main_script_read_from_stdin(tmp_path, options):
    # worker processes import the main script again; from stdin the local pool restarted dying workers forever
    import subprocess
    import sys

    source = tmp_path / "news.txt"
    source.write_text("هێزێكی عێراقی ڕایگەیاند کە سوپا ئامادەیە بۆ بەرگری لە شارەکە.\n", encoding="utf-8")
    script = (f"from sorani.corpus import build\n"
              f"build([{str(source)!r}], {str(tmp_path / 'out')!r}, {options})\n")
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode != 0
    assert "ConfigError: worker processes re-import the main script, and <stdin> is not a file" in done.stderr
    assert not (tmp_path / "out").exists()


def test_resume_refuses_a_build_made_under_other_rules(tmp_path):
    # shards finished under other rules would mix with new ones in the final output
    out = tmp_path / "run"
    config = Config()
    config.output.shard_size = 5
    build([], out, config=config)
    versions = out / ".work" / "versions.json"
    assert json.loads(versions.read_text())["rules_version"] == sorani.RULES_VERSION
    versions.write_text(json.dumps({"sorani_version": "0.0.1", "rules_version": "2026.11.1"}))
    with pytest.raises(ConfigError, match="built with rules 2026.11.1, and this sorani has rules"):
        build([], out, config=config, resume=True)
    versions.unlink()  # a build from before the versions were recorded
    with pytest.raises(ConfigError, match="built with an older sorani that did not record its rules"):
        build([], out, config=config, resume=True)
    assert build([], out, config=config, overwrite=True)["documents"]["input"] > 0
