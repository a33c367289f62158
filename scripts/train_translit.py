#!/usr/bin/env python
"""Train the Arabic → Latin transliteration model: src/sorani/data/translit_model.json.gz.

    python scripts/train_translit.py [--shared DIR] [--epochs 8] [--seeds 5]

Training pairs (the held-out fifth of each source, rows whose number is divisible by 5, is never used; see
sorani/evaluate/translit.py):
- Wergor's human transliterations (transliteration/wergor.dev.tsv, MIT), Wergor's ë read as ’;
- UniMorph lemmas and forms with their Latin forms (morphology/unimorph.trainval.tsv, CC BY-SA 3.0).
Each pair is aligned letter by letter (which Latin string each Arabic letter stands for, with the
bizroke i before a consonant); an averaged perceptron learns those choices from the letters around. The
model ships the training words as a lexicon and the perceptron's weights.

Then the tables of src/sorani/data/translit_known.json.gz are computed with that model (so they change no
answer, they only save the work): the Latin of every Arabic-script word of the morphology lexicon
(repair_lexicon.tsv.gz, stems.tsv.gz, lemmas.tsv: see LICENSES.md; no KTC or tweet text), and the Latin
the model gave each run of letters between vowel letters, with its neighbours, in those words, where it
was always the same (run_min_count and run_purity of translit_params.tsv; used for words outside the
lexicon whose runs were all seen). ``--tables-only`` rebuilds just them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.evaluate.translit import training_pairs  # noqa: E402
from sorani import translit  # noqa: E402
from sorani.translit import KNOWN_FILE, MODEL_FILE, candidates, chunk_keys, features, label_key  # noqa: E402


def align(arabic: str, latin: str) -> list[str] | None:
    """The candidate chosen for each Arabic letter so that they spell ``latin``, or None."""
    memo: dict[tuple[int, int], list[str] | None] = {}

    def walk(i: int, j: int):
        if i == len(arabic):
            return [] if j == len(latin) else None
        if (i, j) in memo:
            return memo[(i, j)]
        result = None
        for option in candidates(arabic[i]):
            if latin.startswith(option, j):
                rest = walk(i + 1, j + len(option))
                if rest is not None:
                    result = [option] + rest
                    break
        memo[(i, j)] = result
        return result

    try:
        return walk(0, 0)
    except KeyError:  # a letter outside the table
        return None


SEEDS = 5  # chosen by 10-fold cross-validation inside the training pairs (see docs/transliteration.md)


def train_averaged(aligned: list[tuple[str, list[str]]], epochs: int, seeds: int) -> dict[str, dict[str, float]]:
    """The mean of the weights of ``seeds`` averaged perceptrons, each trained on the pairs in a different
    random order each epoch (seeds 0, 1, …): one linear model again, so it costs nothing more at run time.
    With ``seeds`` 0, one perceptron over the pairs in their order (the model before round 2)."""
    if seeds <= 0:
        return train(aligned, epochs)
    total: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for seed in range(seeds):
        rng = random.Random(seed)
        order = []
        for _ in range(epochs):
            epoch = list(aligned)
            rng.shuffle(epoch)
            order += epoch
        for feature, row in train(order, 1).items():
            for label, weight in row.items():
                total[feature][label] += weight / seeds
    averaged = {}
    for feature, row in total.items():
        kept = {label: round(weight, 4) for label, weight in row.items() if abs(weight) > 1e-4}
        if kept:
            averaged[feature] = kept
    return averaged


def train(aligned: list[tuple[str, list[str]]], epochs: int) -> dict[str, dict[str, float]]:
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stamps: dict[tuple[str, str], int] = {}
    step = 0

    def update(feature: str, label: str, delta: float) -> None:
        key = (feature, label)
        totals[feature][label] += (step - stamps.get(key, 0)) * weights[feature][label]
        stamps[key] = step
        weights[feature][label] += delta

    for _ in range(epochs):
        for word, labels in aligned:
            previous = "^"
            for i, gold in enumerate(labels):
                options = candidates(word[i])
                gold_key = label_key(word[i], gold)
                if len(options) > 1:
                    feats = features(word, i, previous)
                    keys = [label_key(word[i], o) for o in options]
                    scores = {k: sum(weights[f].get(k, 0.0) for f in feats) for k in keys}
                    guess = max(keys, key=lambda k: (scores[k], -keys.index(k)))
                    if guess != gold_key:
                        for f in feats:
                            update(f, gold_key, 1.0)
                            update(f, guess, -1.0)
                    step += 1
                previous = gold_key
    averaged = {}
    for feature, labels in weights.items():
        row = {}
        for label, weight in labels.items():
            total = totals[feature][label] + (step - stamps.get((feature, label), 0)) * weight
            if abs(total / max(step, 1)) > 1e-4:
                row[label] = round(total / step, 4)
        if row:
            averaged[feature] = row
    return averaged


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seeds", type=int, default=SEEDS,
                        help="average the weights of this many perceptrons trained in shuffled orders (0: one, in order)")
    parser.add_argument("--tables-only", action="store_true", help="only rebuild translit_known.json.gz")
    parser.add_argument("--names", action="store_true", help="only rebuild translit_names.tsv")
    parser.add_argument("--cv", type=int, metavar="K", help="only report K-fold cross-validation on the training pairs")
    parser.add_argument("--pipeline", action="store_true", help="with --cv: the whole word path, not the perceptron alone")
    args = parser.parse_args(argv)
    if args.cv:
        cross_validate(args.shared, args.cv, args.epochs, args.pipeline, args.seeds)
        return 0
    if args.names:
        build_names(args.shared)
        return 0
    if not args.tables_only:
        train_model(args)
    build_tables()
    return 0


def build_tables() -> None:
    """translit_known.json.gz from the shipped model: the known words' Latin and the runs' Latin."""
    from sorani.morphology.analyzer import _counts

    # the model alone (no old tables), exactly what transliterate would compute for each word
    translit._known_data = lambda: {"words": {}, "chunks": {}}
    for func in (translit._known, translit._chunks, translit._model, translit._scorers, translit._labeller,
                 translit._run_cache, translit.word_to_latin):
        func.cache_clear()
    normal = translit._normalizer()
    words = sorted({w for w in (*_counts(), *translit._model()[0]) if translit._ARABIC_WORD.fullmatch(w)
                    and not w.startswith("ر") and normal(w) == w})
    known = {w: translit.word_to_latin(w) for w in words}
    known = {w: latin for w, latin in known.items() if latin}
    params = translit._params()
    chunks = run_table(known, int(params["run_min_count"]), params["run_purity"])
    out = ROOT / "src" / "sorani" / "data" / KNOWN_FILE
    data = {"words": known, "chunks": chunks}
    out.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0))
    print(f"{len(known):,} known words, {len(chunks):,} runs; {out.stat().st_size:,} bytes")


NAME_FILES = ("Persons", "Locations", "Mountains", "Rivers", "Villages", "Caves")
MULTIWORD_NAME_FILES = ("Persons", "Locations")  # every word of a multi-word entry (the others are phrases)
LATIN_TEXTS = ("CentralKurdish-latn_train.txt", "NorthernKurdish-latn_train.txt")
_FOLD = str.maketrans("řłḧẍë’", "rlhxe'")
DEFINITE = ("ەکە", "ەکان", "ەکەی", "ەکانی", "ێک", "ێکی", "ەکەم", "ەکەت")
DEFINITE_AFTER_VOWEL = ("کە", "کان", "کەی", "کانی", "یەک", "یەکی", "یەکە", "یەکان")


def build_names(shared: Path) -> None:
    import re

    import sorani
    from sorani.morphology.analyzer import _counts

    upper, lower = Counter(), Counter()
    for name in LATIN_TEXTS:
        for line in (shared / "langid" / "train" / name).read_text(encoding="utf-8").splitlines():
            start = True
            for token in re.findall(r"[^\W\d_]+|[.!?:]", line):
                if token in ".!?:":
                    start = True
                    continue
                if not start:
                    (upper if token[0].isupper() else lower)[token.lower().translate(_FOLD)] += 1
                start = False
    common, candidates = set(), set()  # UniMorph: proper nouns (PROPN) are candidates, the rest common words
    for path in ("unimorph.trainval.tsv", "unimorph-silver.dev.tsv"):
        for line in (shared / "morphology" / path).read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) >= 3:
                words = {translit._normalizer()(cell) for cell in cells[:2]}
                (candidates if cells[2].startswith("PROPN") else common).update(words)
    common -= candidates
    counts, stop = _counts(), sorani.stopwords()
    names = set()
    for name in NAME_FILES:
        for line in (shared / "lexicon" / "named-entities" / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
            words = translit._normalizer()(line.strip()).split()
            if len(words) == 1 or name in MULTIWORD_NAME_FILES:
                candidates.update(words)
    for word in sorted(candidates):
        if word.startswith("ر"):
            word = "ڕ" + word[1:]
        if not translit._ARABIC_WORD.fullmatch(word) or len(word) < 3 or word in stop:
            continue
        latin = translit.word_to_latin(word).translate(_FOLD)
        if upper[latin] or lower[latin]:  # the Latin text has it inside a sentence: as it writes it most
            if upper[latin] > lower[latin]:
                names.add(word)
            continue
        suffixes = DEFINITE_AFTER_VOWEL if word[-1] in "اەۆێوی" else DEFINITE
        if word not in common and not any(counts.get(word + suffix, 0) for suffix in suffixes):
            names.add(word)
    out = ROOT / "src" / "sorani" / "data" / "translit_names.tsv"
    header = ("# Proper names that transliterate(..., capitalize=True) capitalizes; built by\n"
              "# scripts/train_translit.py --names from the KurdishNamedEntities gazetteers (CC0), see its docstring.\n")
    out.write_text(header + "name\n" + "".join(f"{w}\n" for w in sorted(names)), encoding="utf-8")
    print(f"{len(names):,} names")


def run_table(known: dict[str, str], min_count: int = 1, purity: float = 0.0) -> dict[str, str]:
    """Each run of letters between vowel letters (with its neighbours) -> the Latin it has most often in
    ``known`` (word -> Latin)."""
    runs: dict[str, Counter] = defaultdict(Counter)
    for word, latin in known.items():
        labels = align(word, latin)
        if labels is None:
            continue
        pieces = translit._run_pattern()[0].split(word)
        position = 0
        for k, key in zip(range(1, len(pieces), 2), chunk_keys(word)):
            position += len(pieces[k - 1])
            runs[key]["".join(labels[position : position + len(pieces[k])])] += 1
            position += len(pieces[k])
    out = {}
    for key, c in sorted(runs.items()):
        (latin, n), total = c.most_common(1)[0], sum(c.values())
        if total >= min_count and n >= purity * total:
            out[key] = latin
    return out


def aligned_pairs(pairs):
    out = []
    for arabic, latin in pairs:
        labels = align(arabic, latin)
        if labels is not None:
            out.append((arabic, labels))
    return out


def cross_validate(shared: Path, k: int, epochs: int, pipeline: bool = False, seeds: int = 0) -> None:
    """Word accuracy of the perceptron alone (no lexicon) on each fold of the training pairs, trained on
    the others: the figure to choose features and decoding by (the held-out fifth is never looked at).
    With ``pipeline``, of the whole word path without the shipped tables (the fold's training words as the
    lexicon, the stem + suffix rule, the perceptron)."""
    from sorani.evaluate.translit import _pairs

    tagged = []
    for source, pairs in _pairs(shared, held_out=False).items():
        for arabic, latin in pairs:
            if not translit._ARABIC_WORD.fullmatch(arabic):
                continue
            if arabic.startswith("ر") and latin.startswith("r"):
                arabic, latin = "ڕ" + arabic[1:], "ř" + latin[1:]
            tagged.append((source, arabic, latin))
    right: Counter = Counter()
    total: Counter = Counter()
    misses = []
    for fold in range(k):
        train_part = [(a, l) for n, (_, a, l) in enumerate(tagged) if n % k != fold]
        seen = {a for a, _ in train_part}
        weights = train_averaged(aligned_pairs(train_part), epochs, seeds)
        lexicon: dict[str, Counter] = defaultdict(Counter)
        for arabic, latin in train_part:
            lexicon[arabic][latin] += 1
        use_weights(weights, {w: c.most_common(1)[0][0] for w, c in lexicon.items()} if pipeline else {})
        for n, (source, arabic, latin) in enumerate(tagged):
            if n % k == fold and arabic not in seen:
                out = translit._compute(arabic) if pipeline else "".join(translit.label_word(arabic))
                total[source] += 1
                right[source] += out == latin
                if out != latin:
                    misses.append(f"{source}: {arabic} → {out} (gold {latin})")
    use_weights(None)
    for source in total:
        print(f"{source}: {right[source] / total[source]:.4f} of {total[source]} unseen words")
    print(f"all: {sum(right.values()) / sum(total.values()):.4f}")
    print("\n".join(misses), file=sys.stderr)


def use_weights(weights, lexicon=None) -> None:
    """Make sorani.translit label with ``weights`` and ``lexicon``, without the shipped tables (None: the
    shipped model and tables again)."""
    translit._model = _SHIPPED_MODEL if weights is None else (lambda: (lexicon or {}, weights))
    translit._known_data = _SHIPPED_TABLES if weights is None else (lambda: {"words": {}, "chunks": {}})
    for func in (translit._scorers, translit._labeller, translit._run_cache, translit._known, translit._chunks,
                 translit.word_to_latin):
        func.cache_clear()


_SHIPPED_MODEL = translit._model
_SHIPPED_TABLES = translit._known_data


def train_model(args) -> None:
    pairs = training_pairs(args.shared)
    aligned, failed = [], 0
    lexicon: dict[str, Counter] = defaultdict(Counter)
    for arabic, latin in pairs:
        labels = align(arabic, latin)
        if labels is None:
            failed += 1
            continue
        aligned.append((arabic, labels))
        lexicon[arabic][latin] += 1
    weights = train_averaged(aligned, args.epochs, args.seeds)
    model = {"lexicon": {w: c.most_common(1)[0][0] for w, c in sorted(lexicon.items())}, "weights": weights}
    out = ROOT / "src" / "sorani" / "data" / MODEL_FILE
    out.write_bytes(gzip.compress(json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0))
    print(f"{len(pairs)} pairs, {len(aligned)} aligned, {failed} not alignable; {len(weights)} features; "
          f"{out.stat().st_size:,} bytes")


if __name__ == "__main__":
    sys.exit(main())
