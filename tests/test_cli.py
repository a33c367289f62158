"""The console script, run as a user would: streaming, JSONL, parallelism, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sorani

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sorani", *args], input=stdin, capture_output=True, timeout=120, cwd=ROOT
    )


def test_normalize_streams_stdin_to_stdout():
    result = run("normalize", stdin="هێزێكی\nرایگەیاند\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == ["هێزێکی", "ڕایگەیاند"]


@pytest.mark.skipif(sys.platform == "win32", reason="select() on a pipe is POSIX")
@pytest.mark.parametrize("command", [["normalize"], ["tokenize", "--jsonl"], ["translit"]])
def test_a_line_from_a_pipe_is_written_before_the_input_ends(command):
    # stdout to a pipe is block-buffered: the first result only came out at the end of the input
    import os
    import select

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen([sys.executable, "-m", "sorani", *command], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        proc.stdin.write("هێزێكی ره‌زبه‌ر\n".encode())
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 120)  # (a deadlock guard, not a speed check)
        assert ready, "no output while the input is still open"
        first = proc.stdout.readline().decode()
        assert "هێزێ" in first or "hêzêkî" in first
    finally:
        proc.stdin.close()
        proc.wait(timeout=120)
        proc.stdout.close()


def test_normalize_options_and_jsonl():
    result = run("normalize", "--digits", "latin", "--jsonl", stdin="ساڵی ٢٠٢١\n".encode())
    assert json.loads(result.stdout) == {"raw": "ساڵی ٢٠٢١", "text": "ساڵی 2021"}


def test_tokenize_and_sentences_jsonl(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("ڕێژەکە 3.5% بوو. سبەی ٢٦/٧/٢٠٢١\n", encoding="utf-8")
    tokens = json.loads(run("tokenize", "--jsonl", str(path)).stdout)["tokens"]
    assert {"text": "3.5%", "start": 7, "end": 11, "kind": "percent"} in tokens
    sents = json.loads(run("sentences", "--jsonl", str(path)).stdout)["sentences"]
    assert [s["text"] for s in sents] == ["ڕێژەکە 3.5% بوو.", "سبەی ٢٦/٧/٢٠٢١"]
    assert run("tokenize", str(path)).stdout.decode().split()[:3] == ["ڕێژەکە", "3.5%", "بوو"]


def test_bad_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("باش\n".encode() + b"\xff\xfe\n")
    result = run("tokenize", str(path))
    assert result.returncode == 2
    message = result.stderr.decode().strip()
    assert message.count("\n") == 0 and f"{path}:2" in message and "UTF-8" in message
    replaced = run("tokenize", "--errors", "replace", str(path))
    assert replaced.returncode == 0 and "\ufffd" in replaced.stdout.decode()


def test_missing_file_is_one_line_error():
    result = run("normalize", "no-such-file.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip().startswith("sorani: error:")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there are always Unicode")
def test_a_file_name_that_is_not_utf8_is_one_line_error(tmp_path):
    # a name in a legacy encoding (CP1256 وتار.txt, from an old archive): the message printed a traceback
    import os

    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, "وتار".encode("cp1256") + b".txt")
    with open(path, "wb") as handle:
        handle.write("باش\n".encode() + b"\xff\n")
    for args in (["tokenize", os.fsdecode(path)], ["sort", os.fsdecode(path) + ".missing"]):
        result = run(*args)
        message = result.stderr.decode()
        assert result.returncode == 2 and message.count("\n") == 1 and "Traceback" not in message, message
        assert message.startswith("sorani: error: ") and ".txt" in message


def test_parallel_output_equals_serial(news_sample):
    lines = (news_sample.strip() + "\n") * 3
    data = "\n".join(sorani.sentences(lines)).encode()
    for command in ("normalize", "tokenize", "sentences"):
        serial = run(command, "--jsonl", "-j", "1", stdin=data)
        parallel = run(command, "--jsonl", "-j", "2", stdin=data)
        assert serial.returncode == parallel.returncode == 0
        assert parallel.stdout == serial.stdout and serial.stdout.count(b"\n") == data.count(b"\n") + 1


def test_version_and_demo():
    assert sorani.__version__ in run("--version").stdout.decode()
    demo = run("demo")
    assert demo.returncode == 0 and "هێزێکی" in demo.stdout.decode() and "٢٦/٧/٢٠٢١/date" in demo.stdout.decode()


def test_evaluate_normalize_reports_cer():
    result = run("evaluate", "normalize", "--show", "2")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Sorani-Arabic.dev CER standard" in out and "first 2 misses" in out


@pytest.mark.parametrize("args", [["normalize", "--tier", "nope"], ["evaluate", "nope"]])
def test_bad_arguments_exit_2(args):
    assert run(*args).returncode == 2


def test_numbers_dates_and_sort_commands():
    line = "سبەی دووشەممە (٢٦/٧/٢٠٢١) ٢٥٠٠ سەرباز\n".encode()
    spans = json.loads(run("numbers", stdin=line).stdout)["numbers"]
    assert [(s["text"], s["value"], s["kind"]) for s in spans] == [
        ("٢٦/٧/٢٠٢١", "2021-07-26", "date"), ("٢٥٠٠", 2500, "cardinal")]
    dates = json.loads(run("dates", "--ref", "2021-07-25", stdin=line).stdout)["dates"]
    assert [d["value"] for d in dates] == ["2021-07-26", "2021-07-26", "2021-07-26"]
    assert run("numbers", "--spell", "21000").stdout.decode().strip() == "بیست و یەک هەزار"
    assert run("sort", stdin="ڕێ\nران\nئاو\n".encode()).stdout.decode().split() == ["ئاو", "ران", "ڕێ"]
    assert run("dates", "--ref", "yesterday").returncode == 2


@pytest.mark.parametrize(
    "args",
    [["normalize", "--tier", "nope"], ["normalize", "-j", "two"], ["translit", "--scheme", "klingon"],
     ["dates", "--ref", "yesterday"], ["identify", "--top", "0"], ["identify", "--top", "-1"],
     ["corpus", "build"], ["nope"], ["normalize", "-j", "0"]],
)
def test_bad_arguments_are_one_line(args):
    # argparse used to print its usage block too; --top 0 and -1 used to be accepted (and cut the scores)
    result = run(*args, stdin="کورد\n".encode())
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "error:" in message
    assert "Traceback" not in message and not result.stdout


def test_parallel_run_writes_the_lines_before_a_bad_one(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("هێزێكی\nرایگەیاند\n".encode() + b"\xff\n" + "کورد\n".encode())
    serial, parallel = run("normalize", "-j", "1", str(path)), run("normalize", "-j", "2", str(path))
    assert serial.returncode == parallel.returncode == 2
    assert parallel.stdout == serial.stdout == "هێزێکی\nڕایگەیاند\n".encode()
    assert parallel.stderr == serial.stderr and f"{path}:3" in parallel.stderr.decode()


def test_parallel_run_writes_the_lines_before_a_missing_file(tmp_path):
    # with -j 2 the lines of the good file were lost when the next file could not be opened
    path = tmp_path / "good.txt"
    path.write_text("هێزێكی\nرایگەیاند\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    serial = run("normalize", "-j", "1", str(path), str(missing))
    parallel = run("normalize", "-j", "2", str(path), str(missing))
    assert serial.returncode == parallel.returncode == 2
    assert parallel.stdout == serial.stdout == "هێزێکی\nڕایگەیاند\n".encode()
    assert parallel.stderr == serial.stderr and str(missing) in parallel.stderr.decode()


def test_evaluate_with_a_gold_file_that_is_not_utf8(tmp_path):
    # was a UnicodeDecodeError traceback
    gold = tmp_path / "gold.tsv"
    gold.write_bytes("هێزێكی\tهێزێکی\n".encode() + b"\xff\tx\n")
    result = run("evaluate", "normalize", "--gold", str(gold))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and f"{gold}:2" in message
    result = run("evaluate", "normalize", "--show", "-1")  # was taken: "first -1 misses", all but the last
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1


def test_evaluate_lemma_skips_blank_rows_and_refuses_short_ones(tmp_path):
    # a blank or one-column row among the held-out rows was a ValueError traceback (exit 1)
    gold = tmp_path / "unimorph.tsv"
    rows = ["lemma\tform\ttags", "گوند\tگوندەکان\tN;PL;DEF", *["ماڵ\tماڵەکە\tN;SG;DEF"] * 4, *[""] * 5]
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")  # held out: rows 0 and 5 (blank)
    result = run("evaluate", "lemma", "--gold", str(gold))
    assert result.returncode == 0, result.stderr.decode()
    assert "held-out accuracy (1 rows): 1.0000" in result.stdout.decode()
    gold.write_text("\n".join([*rows, "کورد"]) + "\n", encoding="utf-8")  # a row of one column is not skipped
    result = run("evaluate", "lemma", "--gold", str(gold))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and f"{gold}:12" in message


def test_evaluate_translit_skips_blank_gold_rows(tmp_path):
    # a blank line in wergor.dev.tsv was a ValueError traceback
    (tmp_path / "transliteration").mkdir()
    (tmp_path / "morphology").mkdir()
    wergor = ["latin\tarabic", "kurd\tکورد", *["gund\tگوند"] * 4, "", "gund\tگوند"]  # held out: rows 0 and 5
    (tmp_path / "transliteration" / "wergor.dev.tsv").write_text("\n".join(wergor) + "\n", encoding="utf-8")
    (tmp_path / "morphology" / "unimorph.trainval.tsv").write_text("lemma\tform\ttags\n", encoding="utf-8")
    result = run("evaluate", "translit", "--gold", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    assert "wergor Arabic→Latin word accuracy (1 words): 1.0000" in result.stdout.decode()


@pytest.mark.parametrize("value", ["²", "①", "--5"])
def test_numbers_spell_of_a_digit_that_is_not_a_number_is_one_line(value):
    # str.isdigit() is true for ² and ①, and '--5' less its minus signs is digits: int() raised a traceback
    result = run("numbers", f"--spell={value}")
    message = result.stderr.decode()
    assert result.returncode == 2 and message == f"sorani: error: not a number: {value!r}\n"
    spelt = run("numbers", "--spell", "٢١٠٠٠", "-5").stdout.decode().splitlines()
    assert spelt == ["بیست و یەک هەزار", "سالب پێنج"]


@pytest.mark.parametrize("option", ["--text-field", "--id-field"])
def test_corpus_build_refuses_an_empty_field_name(tmp_path, option):
    # was passed over: the build went on reading the default field
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "سڵاو لە هەمووان"}\n', encoding="utf-8")
    result = run("corpus", "build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), option, "")
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "must not be empty" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("command", "redirect", "says"), [
    ("normalize", "<&-", "no standard input"), ("sort", "<&-", "no standard input"),
    ("normalize FILE", ">&-", "no standard output"), ("sort FILE", ">&-", "no standard output")])
def test_a_closed_stdin_or_stdout_is_a_one_line_error(tmp_path, command, redirect, says):
    # was an AttributeError traceback ('NoneType' object has no attribute 'buffer' / 'write')
    import shlex

    path = tmp_path / "in.txt"
    path.write_text("هێزێكی\n", encoding="utf-8")
    shell = f"{shlex.quote(sys.executable)} -m sorani {command.replace('FILE', shlex.quote(str(path)))} {redirect}"
    result = subprocess.run(shell, shell=True, stdout=subprocess.DEVNULL if redirect == "<&-" else None,
                            stderr=subprocess.PIPE, timeout=120, cwd=ROOT)
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and says in message, message


@pytest.mark.parametrize(("yaml", "says"), [
    ("langid: [ckb\n", "bad.yaml:2:1: expected ',' or ']'"),
    ("dedup:\n  seed: !!python/object/apply:os.system [echo]\n", "bad.yaml:2:9: could not determine a constructor")])
def test_corpus_build_with_a_broken_yaml_config_is_one_line(tmp_path, yaml, says):
    # PyYAML's message spans several lines (the snippet and a caret under it)
    (tmp_path / "bad.yaml").write_text(yaml, encoding="utf-8")
    result = run("corpus", "build", "-o", str(tmp_path / "out"), "--config", str(tmp_path / "bad.yaml"))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and says in message, message


def test_evaluate_help_says_which_tasks_take_a_folder_as_gold():
    # translit and langid read a folder (--gold DIR in their docs); the help only spoke of files
    help_text = " ".join(run("evaluate", "-h").stdout.decode().split())
    assert "for translit the shared data folder, for langid its langid folder" in help_text


def test_an_os_error_without_a_file_name_still_says_what_happened(monkeypatch, capsys):
    # a TimeoutError (no Dask scheduler at the address) was printed as "sorani: error: : None"
    from sorani import cli

    def fail(args):
        raise TimeoutError("Timed out trying to connect to tcp://10.0.0.5:8786 after 30 s")

    monkeypatch.setattr(cli, "build_parser", lambda: _parser_running(fail))
    assert cli.main(["x"]) == 2
    message = "Timed out trying to connect to tcp://10.0.0.5:8786 after 30 s"
    assert capsys.readouterr().err == f"sorani: error: {message}\n"


def _parser_running(func):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("x")
    parser.set_defaults(func=func)
    return parser


def test_every_command_help_says_what_it_does():
    # a command's -h showed only its usage and options, not what it does
    import argparse

    from sorani.cli import build_parser

    def commands(parser):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield name, sub
                    yield from commands(sub)

    found = dict(commands(build_parser()))
    assert {"normalize", "tokenize", "corpus", "build", "translit", "evaluate"} <= set(found)
    assert all(sub.description for sub in found.values()), [n for n, s in found.items() if not s.description]


def test_evaluate_langid_with_a_folder_without_its_files(tmp_path):
    # was a report made of the English lines alone
    result = run("evaluate", "langid", "--gold", str(tmp_path))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "no language ID lines" in message


def test_evaluate_segment_with_a_gold_file_without_pairs(tmp_path):
    # was a report of zeros
    gold = tmp_path / "gold.tsv"
    gold.write_text("ئەمە ڕستەیەکە بێ تۆکن\n", encoding="utf-8")
    result = run("evaluate", "segment", "--gold", str(gold))
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "no sentence" in message
