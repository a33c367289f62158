"""``translit`` task: exact word accuracy (case-insensitive) of ``sorani.transliterate`` on held-out pairs.

Sources, found as ``shared/data`` beside the repository or in ``$SORANI_SHARED_DATA`` (or ``--gold
DIR`` pointing at that data folder): Wergor's human transliterations (MIT) and UniMorph's lemmas and forms
with their Latin forms (CC BY-SA 3.0). Rows whose number is divisible by 5 are held out from training
(``scripts/train_translit.py``); only they are scored here, and a held-out word that also occurs in the
training part is still scored (it is then answered from the lexicon, as in real use).
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from ..errors import InputError
from . import Report
from . import shared_data as _shared_data

DEFAULT_GOLD: tuple[str, ...] = ()
HELD_OUT_EVERY = 5


def shared_data() -> Path | None:
    return _shared_data("transliteration")


@functools.lru_cache(maxsize=1)
def _as_written():
    """The standard tier without the initial-ر rule: the letter a word starts with is compared as written
    (Hawar r ↔ ر, ř ↔ ڕ; Wergor writes every initial ر as r, UniMorph every ڕ as ř)."""
    from ..normalizer import Normalizer

    return Normalizer("standard", initial_r=False)


def _pairs(shared: Path, held_out: bool) -> dict[str, list[tuple[str, str]]]:
    normalize = _as_written()
    out: dict[str, list[tuple[str, str]]] = {"wergor": [], "unimorph": []}
    lines = (shared / "transliteration" / "wergor.dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for number, line in enumerate(lines):
        if not line.strip():  # a blank line is not a row
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise InputError(f"wergor.dev.tsv:{number + 2}: a row needs the Latin and the Arabic word (tab-separated)")
        if (number % HELD_OUT_EVERY == 0) != held_out:
            continue
        latin, arabic = cells[:2]
        out["wergor"].append((normalize(arabic), latin.lower().replace("ë", "’")))
    rows = (shared / "morphology" / "unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for number, line in enumerate(rows):
        cells = line.split("\t")
        if len(cells) < 5 or (number % HELD_OUT_EVERY == 0) != held_out:
            continue
        lemma, form, _tags, lemma_latin, form_latin = cells[:5]
        for arabic, latin in ((form, form_latin), (lemma, lemma_latin)):
            out["unimorph"].append((normalize(arabic), latin.lower().replace("'", "’")))
    return out


def training_pairs(shared: Path) -> list[tuple[str, str]]:
    """The training pairs, keyed by the standard spelling: a word written with an initial ر is learnt as
    its ڕ spelling with ř (``sorani.transliterate`` writes r back when the text has ر)."""
    parts = _pairs(shared, held_out=False)
    out = []
    for arabic, latin in (p for part in parts.values() for p in part if " " not in p[0]):
        if arabic.startswith("ر") and latin.startswith("r"):
            arabic, latin = "ڕ" + arabic[1:], "ř" + latin[1:]
        out.append((arabic, latin))
    return out


def run(gold_paths: list[Path], show: int) -> Report:
    from ..translit import transliterate

    shared = gold_paths[0] if gold_paths else shared_data()
    if shared is None:
        return Report("translit", {}, details=["skipped: no shared data (shared/data beside the repository or --gold DIR)"])
    figures: dict[str, float] = {}
    misses: list[str] = []
    errors: Counter = Counter()
    for name, pairs in _pairs(shared, held_out=True).items():
        pairs = [p for p in pairs if " " not in p[0]]
        outputs = [transliterate(a).lower() for a, _ in pairs]
        figures[f"{name} Arabic→Latin word accuracy ({len(pairs)} words)"] = (
            sum(o == g for o, (_, g) in zip(outputs, pairs)) / max(1, len(pairs)))
        back = [_as_written()(transliterate(g, target="arabic")) for _, g in pairs]
        figures[f"{name} Latin→Arabic word accuracy"] = sum(b == a for b, (a, _) in zip(back, pairs)) / max(1, len(pairs))
        trip = [transliterate(b).lower() for b in back]
        figures[f"{name} round trip Latin→Arabic→Latin"] = sum(t == g for t, (_, g) in zip(trip, pairs)) / max(1, len(pairs))
        for o, (a, g) in zip(outputs, pairs):
            if o != g:
                misses.append(f"{name}: {a} → {o} (gold {g})")
                errors[_error_type(o, g)] += 1
    details = ["most frequent error types (system / gold differences):"]
    details += [f"  {count:4d}  {kind}" for kind, count in errors.most_common(20)]
    return Report("translit", figures, misses[:show], details)


def _error_type(out: str, gold: str) -> str:
    """A short name for how ``out`` differs from ``gold``: the first differing stretch and the gold letters
    on either side of it (^ and $ for the word edges), e.g. ``insert: '' → 'i' in n_m``.

    >>> _error_type("bibînmewe", "bibînimewe")
    "insert: '' → 'i' in n_m"
    """
    import difflib

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, out, gold, autojunk=False).get_opcodes():
        if tag != "equal":
            left, right = gold[j1 - 1] if j1 else "^", gold[j2] if j2 < len(gold) else "$"
            return f"{tag}: '{out[i1:i2]}' → '{gold[j1:j2]}' in {left}_{right}"
    return "other"
