"""``lemma`` task: exact lemma accuracy of ``sorani.lemmatize`` on held-out UniMorph rows (row numbers
divisible by 5, which ``scripts/build_lemmas.py`` keeps out of the shipped lemma table). Reads
``morphology/unimorph.trainval.tsv`` from ``shared/data`` beside the repository, ``$SORANI_SHARED_DATA``
or ``--gold FILE``."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import Report, shared_data

DEFAULT_GOLD: tuple[str, ...] = ()
HELD_OUT_EVERY = 5


def _default() -> Path | None:
    base = shared_data("morphology/unimorph.trainval.tsv")
    return base / "morphology/unimorph.trainval.tsv" if base else None


def run(gold_paths: list[Path], show: int) -> Report:
    from ..morphology import lemmatize
    from ..normalizer import normalize

    path = gold_paths[0] if gold_paths else _default()
    if path is None:
        return Report("lemma", {}, details=["skipped: no UniMorph data (shared/data beside the repository or --gold FILE)"])
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    held = []
    for number, row in enumerate(rows):
        if not row.strip():  # a blank line is not a row
            continue
        cells = row.split("\t")
        if len(cells) < 3:
            raise InputError(f"{path}:{number + 2}: a row needs lemma, form and tags (tab-separated)")
        if number % HELD_OUT_EVERY == 0:
            held.append(cells)
    results = [(form, normalize(lemma), lemmatize(form), tags) for lemma, form, tags, *_ in held]
    correct = [r for r in results if r[1] == r[2]]
    figures = {f"held-out accuracy ({len(results)} rows)": len(correct) / max(1, len(results))}
    for pos in ("N", "V", "ADJ", "PROPN"):
        subset = [r for r in results if r[3].split(";")[0].split(".")[0] == pos]
        if subset:
            figures[f"  {pos} ({len(subset)})"] = sum(r[1] == r[2] for r in subset) / len(subset)
    misses = [f"{form} → {got} (gold {gold}, {tags})" for form, gold, got, tags in results if gold != got]
    return Report("lemma", figures, misses[:show])
