"""``sorani evaluate TASK`` / ``python -m sorani.evaluate TASK``: score sorani on gold dev data.

Each task is a module in this package with a ``DEFAULT_GOLD`` (file names under the repository's
``evaluation/`` folder) and ``run(gold_paths, show) -> Report``. Adding a task means adding a module and
one line to ``TASKS``.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, InputError

TASKS: dict[str, str] = {
    "normalize": "sorani.evaluate.normalize",
    "langid": "sorani.evaluate.langid",
    "translit": "sorani.evaluate.translit",
    "segment": "sorani.evaluate.segment",
    "lemma": "sorani.evaluate.lemma",
    "repair": "sorani.evaluate.repair",
}


@dataclass
class Report:
    """What a task measured: named figures, the first misses, and free-form detail lines."""

    task: str
    figures: dict[str, float]
    misses: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def render(self, show: int = 10) -> str:
        lines = [f"task: {self.task}"]
        lines += [f"  {name}: {value:.4f}" if isinstance(value, float) else f"  {name}: {value}"
                  for name, value in self.figures.items()]
        lines += self.details
        if self.misses and show:
            lines.append(f"first {min(show, len(self.misses))} misses:")
            lines += [f"  {m}" for m in self.misses[:show]]
        return "\n".join(lines)


def evaluation_dir() -> Path:
    """Where the gold copies live: $SORANI_EVAL_DIR, ./evaluation, or the source checkout's evaluation/."""
    candidates = []
    if os.environ.get("SORANI_EVAL_DIR"):
        candidates.append(Path(os.environ["SORANI_EVAL_DIR"]))
    candidates.append(Path.cwd() / "evaluation")
    candidates.append(Path(__file__).resolve().parents[3] / "evaluation")
    for path in candidates:
        if path.is_dir():
            return path
    raise InputError("no evaluation/ folder found; pass --gold FILE or set SORANI_EVAL_DIR")


def shared_data(subpath: str) -> Path | None:
    """The project's shared data folder (``$SORANI_SHARED_DATA``, or ``shared/data`` beside the source
    checkout) if it holds ``subpath``; tasks that score on large shared sets skip cleanly without it."""
    bases = [Path(os.environ["SORANI_SHARED_DATA"])] if os.environ.get("SORANI_SHARED_DATA") else []
    bases.append(Path(__file__).resolve().parents[3].parent / "shared" / "data")
    bases.append(Path.cwd().parent / "shared" / "data")
    return next((base for base in bases if (base / subpath).exists()), None)


def resolve_gold(task_module, gold: list[str] | None) -> list[Path]:
    paths = [Path(g) for g in gold] if gold else [evaluation_dir() / name for name in task_module.DEFAULT_GOLD]
    for path in paths:
        if not path.exists():
            raise InputError(f"gold file not found: {path}")
        if path.is_file():
            _check_utf8(path)
    return paths


def _check_utf8(path: Path) -> None:
    """``InputError`` naming the file and line of the first bytes of ``path`` that are not UTF-8 (the tasks
    read their gold files whole)."""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}:{number}: invalid UTF-8 at byte {exc.start}") from None


def evaluate(task: str, gold: list[str] | None = None, show: int = 10) -> Report:
    """Run one evaluation task and return its report."""
    if task not in TASKS:
        raise ConfigError(f"unknown task {task!r}; choose from {', '.join(sorted(TASKS))}")
    module = importlib.import_module(TASKS[task])
    return module.run(resolve_gold(module, gold), show)
