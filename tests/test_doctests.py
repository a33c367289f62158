"""The examples in docstrings and docs are real: run them."""

from __future__ import annotations

import doctest
import importlib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = [
    "sorani",
    "sorani.alphabet",
    "sorani._data",
    "sorani.normalizer",
    "sorani.tokenizer",
    "sorani.evaluate.metrics",
    "sorani.evaluate.translit",
    "sorani.repair",
    "sorani.morphology",
    "sorani.morphology.analyzer",
    "sorani.morphology.verbs",
    "sorani.langid",
    "sorani.translit",
    "sorani.legacy",
    "sorani.numbers",
    "sorani.dates",
    "sorani.collation",
    "sorani.stoplists",
    "sorani.kurdish_calendar",
]
DOCS = ["README.md", "docs/normalization.md", "docs/numbers-dates.md", "docs/langid.md", "docs/transliteration.md", "docs/morphology.md", "docs/legacy-fonts.md", "docs/repair.md"]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("name", DOCS)
def test_markdown_examples(name):
    result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def _fenced(name: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (language, body) of each fenced block of ``name`` in one of ``languages``."""
    return re.findall(rf"^```({'|'.join(languages)})\n(.*?)^```", (ROOT / name).read_text(encoding="utf-8"),
                      re.S | re.M)


MARKDOWN = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
CONSOLE = [(name, i, body) for name in MARKDOWN for i, (_, body) in enumerate(_fenced(name, ("console",)))]


@pytest.mark.parametrize(("name", "index", "body"), CONSOLE, ids=[f"{n}-{i}" for n, i, _ in CONSOLE])
def test_console_examples(name, index, body):
    # each `$ command` followed by output lines must print exactly those lines; one without output (it names a
    # file of the reader's) must at least be a command line the parser takes
    from sorani.cli import build_parser

    examples: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            examples.append((line[2:], []))
        else:
            examples[-1][1].append(line)
    assert examples
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    for command, expected in examples:
        assert command.split("|")[-1].split()[0] == "sorani", command
        if not expected:
            build_parser().parse_args(shlex.split(command)[1:])
            continue
        shell = command.replace("sorani ", f"{shlex.quote(sys.executable)} -m sorani ")
        result = subprocess.run(shell, shell=True, capture_output=True, env=env, timeout=120, cwd=ROOT)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode("utf-8").splitlines() == expected, command


SHELL_LINES = [(name, line) for name in MARKDOWN for _, body in _fenced(name, ("bash", "console"))
               for line in body.splitlines() for line in [line.removeprefix("$ ")]
               if "sorani " in line and not line.lstrip().startswith(("#", "PYTHONPATH", "python"))]


@pytest.mark.parametrize(("name", "line"), SHELL_LINES)
def test_shell_examples_are_command_lines_the_parser_takes(name, line):
    from sorani.cli import build_parser

    for command in re.split(r"&&|\|", line):
        words = shlex.split(command, comments=True)
        if words and words[0] == "sorani":
            build_parser().parse_args(words[1:])


PYTHON_BLOCKS = [(name, body) for name in MARKDOWN for _, body in _fenced(name, ("python",)) if ">>>" not in body]


@pytest.mark.parametrize(("name", "body"), PYTHON_BLOCKS)
def test_python_blocks_without_prompts_compile_and_name_real_arguments(name, body):
    # such a block names files of the reader's (crawl.jsonl), so it is not run: it must compile, and each
    # call of a sorani function must fit that function's signature
    import ast
    import inspect

    import sorani.corpus

    tree = ast.parse(body)
    known = {"build": sorani.corpus.build, **{n: getattr(sorani, n) for n in sorani.__all__}}
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    for call in calls:
        if call.func.id in known:
            inspect.signature(known[call.func.id]).bind(*call.args, **{k.arg: k.value for k in call.keywords})
