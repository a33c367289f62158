"""Tune the repair tier's parameters by coordinate descent on training-side data only.

The objective is the mean CER of the tuning (even) half of the real keyboard pairs, averaged with the CER of
FLORES lines 0-252 at 40% and 100% noise, both keyboards. Those FLORES lines must be scored with a lexicon
that was built without them, so build one first:

    python scripts/build_repair_lexicon.py --flores-lines 253:506 --out /some/dev-lexicon
    python scripts/tune_repair.py --dev-lexicon /some/dev-lexicon --params keep_margin,channel_weight

Every evaluation runs in a fresh process (so no per-word cache carries over) with the checkout's
``src`` first on the path. Accepted values are written into ``src/sorani/data/repair_params.tsv`` and
``repair_confusions.tsv`` of the checkout (``--tree``); a value is accepted only when it lowers the objective
and changes at most two more clean FLORES lines than the starting point. The held-out halves and FLORES
lines 506 and later are never read here.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def objective(shared: Path, step: int, levels: list[int]) -> tuple[float, int, str]:
    """(objective, clean lines changed, summary line) of the repair tier as installed on sys.path."""
    from sorani import normalize
    from sorani.evaluate.metrics import cer
    from sorani.evaluate.repair import read_pairs, split_halves

    norm = shared / "normalization"
    results: dict[str, float] = {}
    for keyboard in ("Arabic", "Persian"):
        tuning = split_halves(read_pairs(norm / f"Sorani-{keyboard}.dev.tsv"))[0]
        results[f"real-{keyboard[:2]}"] = cer([(normalize(s, tier="repair"), t) for s, t in tuning])
        flores = norm / "synthetic-flores" / f"Sorani-{keyboard}"
        clean = (flores / "devtest_100.trg").read_text(encoding="utf-8").splitlines()[:253]
        for level in levels:
            noisy = (flores / f"devtest_{level}.src").read_text(encoding="utf-8").splitlines()[:253]
            pairs = list(zip(noisy, clean))[::step]
            results[f"flores{level}-{keyboard[:2]}"] = cer([(normalize(s, tier="repair"), t) for s, t in pairs])
    clean = (norm / "synthetic-flores" / "Sorani-Arabic" / "devtest_100.trg").read_text(
        encoding="utf-8").splitlines()[:253:step]
    changed = sum(normalize(x, tier="repair") != normalize(x) for x in clean)
    real = [v for k, v in results.items() if k.startswith("real")]
    synthetic = [v for k, v in results.items() if k.startswith("flores")]
    value = 0.5 * sum(real) / len(real) + 0.5 * sum(synthetic) / len(synthetic)
    summary = " ".join(f"{k} {v:.4f}" for k, v in results.items())
    return value, changed, f"{summary} | clean-changed {changed}/{len(clean)} | objective {value:.4f}"


def _use_dev_lexicon(directory: Path) -> None:
    """Make the repair module read its counts from ``directory`` instead of the package data."""
    import gzip

    from sorani import repair

    def read_counts(name: str) -> list[list[str]]:
        lines = gzip.decompress((directory / name).read_bytes()).decode("utf-8").splitlines()
        return [line.split("\t") for line in lines[1:] if line]

    repair._read_counts = read_counts


class Tables:
    """Reads and writes one numeric cell of repair_params.tsv (by name) or repair_confusions.tsv (by row)."""

    def __init__(self, tree: Path) -> None:
        self.data = tree / "src" / "sorani" / "data"

    def _lines(self, name: str) -> list[str]:
        return (self.data / name).read_text(encoding="utf-8").split("\n")

    def _write(self, name: str, lines: list[str]) -> None:
        (self.data / name).write_text("\n".join(lines), encoding="utf-8")

    def _locate(self, kind: str, key: str) -> tuple[str, list[str], int, int]:
        if kind == "param":
            name = "repair_params.tsv"
            lines = self._lines(name)
            index = next(i for i, line in enumerate(lines) if line.split("\t")[0] == key)
            return name, lines, index, 1
        name = "repair_confusions.tsv"
        lines = self._lines(name)
        rows = [i for i, line in enumerate(lines) if line and not line.startswith("#")][1:]  # after the header
        return name, lines, rows[int(key)], 2

    def get(self, kind: str, key: str) -> float:
        _, lines, index, column = self._locate(kind, key)
        return float(lines[index].split("\t")[column])

    def set(self, kind: str, key: str, value: float) -> None:
        name, lines, index, column = self._locate(kind, key)
        cells = lines[index].split("\t")
        cells[column] = _format(value)
        lines[index] = "\t".join(cells)
        self._write(name, lines)


def _format(value: float) -> str:
    return str(int(value)) if value >= 1 and float(value).is_integer() else str(round(value, 3))


def _evaluate(args: argparse.Namespace) -> tuple[float, int, str]:
    command = [sys.executable, __file__, "--objective-only", "--shared", str(args.shared),
               "--step", str(args.step), "--levels", args.levels]
    if args.dev_lexicon:
        command += ["--dev-lexicon", str(args.dev_lexicon)]
    env = dict(os.environ, PYTHONPATH=str(args.tree / "src"))
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout.strip()
    match = re.search(r"clean-changed (\d+)/\d+ \| objective ([0-9.]+)", out)
    if match is None:
        raise SystemExit(f"tune_repair: could not read the objective from: {out!r}")
    return float(match.group(2)), int(match.group(1)), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("SORANI_SHARED_DATA", ROOT.parent / "shared" / "data")))
    parser.add_argument("--tree", type=Path, default=ROOT, help="checkout whose tables are tuned")
    parser.add_argument("--dev-lexicon", type=Path, help="lexicon built without FLORES lines 0-252")
    parser.add_argument("--params", default="", help="comma-separated names in repair_params.tsv")
    parser.add_argument("--confusions", default="", help="comma-separated row numbers of repair_confusions.tsv")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--step", type=int, default=2, help="use every STEP-th FLORES line")
    parser.add_argument("--levels", default="40,100", help="FLORES noise levels")
    parser.add_argument("--objective-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]

    if args.objective_only:
        if args.dev_lexicon:
            _use_dev_lexicon(args.dev_lexicon)
        print(objective(args.shared, args.step, levels)[2])
        return
    if not args.dev_lexicon:
        print("tune_repair: without --dev-lexicon the FLORES lines are scored with a lexicon that holds them",
              file=sys.stderr)

    tables = Tables(args.tree)
    best, changed_start, out = _evaluate(args)
    print("start", out, flush=True)
    keys = [("param", p) for p in args.params.split(",") if p]
    keys += [("confusion", c) for c in args.confusions.split(",") if c]
    for _ in range(args.rounds):
        for kind, key in keys:
            current = tables.get(kind, key)
            best_value, tried = current, {current}
            for factor in (0.5, 0.75, 1.33, 2.0):
                value = float(_format(current * factor)) if current else (0.5 if factor > 1 else 0.0)
                if value in tried:
                    continue
                tried.add(value)
                tables.set(kind, key, value)
                score, changed, _ = _evaluate(args)
                print(f"  {kind} {key} = {_format(value)}: objective {score:.4f}, clean changed {changed}", flush=True)
                if score < best - 0.0003 and changed <= changed_start + 2:
                    best, best_value = score, value
            tables.set(kind, key, best_value)
            print(f"{kind} {key}: {_format(current)} -> {_format(best_value)}, objective {best:.4f}", flush=True)
    print("end", _evaluate(args)[2])


if __name__ == "__main__":
    main()
