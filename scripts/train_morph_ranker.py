#!/usr/bin/env python
"""Fit the weights of the analyzer's reading ranker: src/sorani/data/morph_params.tsv.

    python scripts/train_morph_ranker.py [--shared DIR] [--l2 X] [--folds K]

Each training word has its candidate nominal readings (``analyzer._readings``) and the set of readings that
are right; the weights maximize the log probability of the right set under a softmax over the candidates,
with an L2 penalty. The words and their right readings come only from training data:
- UniMorph ckb training rows (row number not divisible by 5; CC BY-SA 3.0), non-verbal ones: right are
  the readings whose stem is the gold lemma (the lemma table is switched off while the features are read);
- the even-numbered sentences of the KurdishTokenization gold (CC BY-SA 4.0; the odd ones are held out and
  never read here): right are the readings whose ``segment`` pieces are the gold tokens of the word. The
  features of a sentence's words are read with that sentence's tokens taken out of the lexicon (the shipped
  stems.tsv.gz counts them), as they would be for an unseen sentence.
``--folds K`` first prints a K-fold cross-validated accuracy over these words for a few L2 values.
Only numbers (the weights) are written; no word of the data is shipped by this script.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.morphology import analyzer, verbs  # noqa: E402
from sorani.normalizer import Normalizer, normalize  # noqa: E402
from sorani.tokenizer import tokenize  # noqa: E402

HELD_OUT_EVERY = 5
NORMAL = Normalizer(punctuation=False, spacing=False)  # as scripts/build_stems.py


def pieces_of(suffixes, stem: str) -> list[str]:
    out = [stem]
    for surface, _role, _f, split, *_ in suffixes:
        if split:
            out.append(surface)
        else:
            out[-1] += surface
    return out


def unimorph_examples(shared: Path):
    rows = (shared / "morphology/unimorph.trainval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for number, row in enumerate(rows):
        if number % HELD_OUT_EVERY == 0:
            continue
        lemma, form, tags = row.split("\t")[:3]
        if tags.startswith("V") or "+" in lemma or " " in tags:
            continue
        word, lemma = normalize(form), normalize(lemma)
        cands = analyzer._readings(word)
        right = [i for i, (_, stem) in enumerate(cands) if stem == lemma]
        if right and len(right) < len(cands):
            out.append((word, cands, right, 0, [analyzer.reading_features(word, suf, stem) for suf, stem in cands]))
    return out


WORD = re.compile(r"[^\W\d_]+")


@contextlib.contextmanager
def without_sentence(gold: str):
    """The lexicon without what one gold sentence added to it (scripts/build_stems.py counts the tokens of the
    even gold sentences), so that the features of its words are those of an unseen sentence."""
    counts = analyzer._counts()
    removed = Counter(WORD.findall(NORMAL(gold)))
    for word, n in removed.items():
        if word in counts:
            counts[word] -= n
            if counts[word] <= 0:
                del counts[word]
    _clear_caches()
    try:
        yield
    finally:
        for word, n in removed.items():
            counts[word] = counts.get(word, 0) + n
        _clear_caches()


def _clear_caches() -> None:
    for module in (analyzer, verbs):
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= 1000:
                value.cache_clear()


def gold_examples(shared: Path, leave_out: bool = True):
    lines = [line.split("\t") for line in (shared / "tokenization/gold.dev.tsv").read_text(encoding="utf-8").splitlines()
             if "\t" in line]
    out = []
    for raw, gold, *_ in lines[0::2]:
        with without_sentence(gold) if leave_out else contextlib.nullcontext():
            out += _sentence_examples(raw, gold)
    return out


def _sentence_examples(raw: str, gold: str):
    out = []
    if True:
        tokens = [normalize(t) for t in gold.split()]
        position = 0
        tokens_raw = tokenize(raw)
        for index, token in enumerate(tokens_raw):
            if token.kind != "word":
                # punctuation: skip the gold tokens that spell it
                joined = ""
                while position < len(tokens) and len(joined) < len(token.text):
                    joined += tokens[position]
                    position += 1
                continue
            word = normalize(token.text)
            joined, taken = "", []
            while position < len(tokens) and len(joined) < len(word):
                joined += tokens[position]
                taken.append(tokens[position])
                position += 1
            if joined != word:
                break  # the gold splits or joins differently here (spaces): stop reading this sentence
            cands = analyzer._readings(word)
            right = [i for i, (suf, stem) in enumerate(cands) if pieces_of(suf, stem) == taken]
            context = analyzer.context_after(tokens_raw[index + 1] if index + 1 < len(tokens_raw) else None)
            if right and len(right) < len(cands):
                feats = [analyzer.reading_features(word, suf, stem, context) for suf, stem in cands]
                out.append((word, cands, right, context, feats))
    return out


def matrices(examples, names: dict[str, int]):
    data = []
    for word, cands, right, context, feats in examples:
        rows = []
        for f in feats:
            for name in f:
                names.setdefault(name, len(names))
            rows.append(f)
        data.append((rows, right))
    out = []
    for rows, right in data:
        x = np.zeros((len(rows), len(names)))
        for i, f in enumerate(rows):
            for name, value in f.items():
                x[i, names[name]] = value
        mask = np.zeros(len(rows), dtype=bool)
        mask[right] = True
        out.append((x, mask))
    return out


def _stack(data, n: int):
    x = np.vstack([d[0][:, :n] for d in data])
    mask = np.concatenate([d[1] for d in data]).astype(float)
    starts = np.cumsum([0] + [len(d[1]) for d in data[:-1]])
    group = np.repeat(np.arange(len(data)), [len(d[1]) for d in data])
    return x, mask, starts, group


def fit(data, n: int, l2: float, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Gradient descent (Adam) on the mean negative log probability of the right readings, plus L2."""
    x, mask, starts, group = _stack(data, n)
    w, m, v = np.zeros(n), np.zeros(n), np.zeros(n)
    for step in range(1, steps + 1):
        s = x @ w
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        q = e * mask
        q = q / np.add.reduceat(q, starts)[group]
        grad = (p - q) @ x / len(data) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def accuracy(data, w: np.ndarray) -> float:
    ok = 0
    for x, mask in data:
        ok += bool(mask[int(np.argmax(x[:, : len(w)] @ w))])
    return ok / max(1, len(data))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--folds", type=int, default=0)
    args = parser.parse_args(argv)
    analyzer._lemmas = lambda: {}  # the lemma table is not a feature; keep it from telling the answer
    examples = unimorph_examples(args.shared) + gold_examples(args.shared)
    names: dict[str, int] = {}
    data = matrices(examples, names)
    print(f"{len(data)} words with more than one reading, {len(names)} features", file=sys.stderr)
    if args.folds:
        for l2 in (0.001, 0.003, 0.01, 0.03, 0.1):
            scores = []
            for k in range(args.folds):
                train = [d for i, d in enumerate(data) if i % args.folds != k]
                test = [d for i, d in enumerate(data) if i % args.folds == k]
                scores.append(accuracy(test, fit(train, len(names), l2)))
            print(f"l2={l2}: cross-validated accuracy {np.mean(scores):.3f}", file=sys.stderr)
    w = fit(data, len(names), args.l2)
    print(f"training accuracy {accuracy(data, w):.3f}", file=sys.stderr)
    examples_of = {}
    for row in analyzer._suffixes():
        examples_of[analyzer.suffix_key(row[0], row[1], row[2])] = (row[3], row[0])
    out = ROOT / "src" / "sorani" / "data" / "morph_params.tsv"
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# Weights of the ranker of nominal readings (sorani.morphology.analyzer): a reading's score is the\n"
                     "# sum of weight × feature. Fitted by scripts/train_morph_ranker.py on UniMorph training rows and\n"
                     f"# the even gold sentences (l2={args.l2}); a feature not listed weighs 0.\n")
        handle.write("name\tvalue\treason\texample\n")
        for name, index in sorted(names.items()):
            reason = REASONS.get(name) or (f"each {examples_of[name][0]} row {examples_of[name][1]} split off"
                                           if name in examples_of else name)
            handle.write(f"{name}\t{w[index]:.4f}\t{reason}\t{EXAMPLES.get(name, '')}\n")
    return 0


REASONS = {
    "whole": "the word read without suffixes",
    "whole:log_count": "log frequency of the whole word, read without suffixes",
    "whole:support": "how many common suffixes the lexicon has seen on the whole word (/10): a stem shows a paradigm",
    "whole:short": "a whole word of one or two letters",
    "whole:function_word": "a whole word that is a function word (stopwords.tsv: نێوان, ئەمانە)",
    "split": "any split into stem and suffixes",
    "split:log_stem_count": "log frequency of the stem of a split",
    "split:log_word_count": "log frequency of the whole word, for a split reading (frequent words are often lexical)",
    "split:pieces": "per suffix split off",
    "whole:log_final": "log of how often the whole word ends a phrase in running text (stems.tsv.gz)",
    "split:ezafe_log_final": "an ezafe reading of a word that often ends a phrase (an ezafe never does)",
    "split:ezafe_phrase_end": "segment: an ezafe reading before punctuation, the end or a phrase opener",
    "split:ezafe_before_word": "segment: an ezafe reading before another word",
    "split:ezafe_after_vowel": "an ezafe reading on a stem ending in ا ە ێ ۆ (a lexical -î is written یی there)",
    "whole:derived": "a whole word the lexicon lacks: a known base + a suffix of derivation.tsv",
    "whole:compound": "a whole word the lexicon lacks: a compound of two known words",
    "whole:masdar": "a whole word the lexicon lacks: a masdar of the verb table",
    "split:derived": "a stem the lexicon lacks: a known base + a suffix of derivation.tsv",
    "split:compound": "a stem the lexicon lacks: a compound of two known words",
    "split:masdar": "a stem the lexicon lacks: a masdar of the verb table (هاوکاریکردن + ی)",
    "split:word_own_suffixes": "suffixes the split cannot explain seen on the whole word: the word is a stem",
    "split:support": "how many common suffixes the lexicon has seen on the stem (/10)",
    "split:short_stem": "a stem of one or two letters",
    "split:unknown_stem": "a stem the lexicon does not know (only the unambiguous suffixes allow it)",
    "split:function_stem": "a stem that is a function word (stopwords.tsv)",
}
EXAMPLES = {
    "whole:log_count": "ژیان", "split:log_stem_count": "حکومەتی → حکومەت ی", "split:short_stem": "ژیان ≠ ژی ان",
    "split:function_stem": "کەم ≠ کە م", "whole:support": "کوردی (کوردییەکان)", "split:support": "حکومەت",
    "split:ezafe_after_vowel": "سوپای → سوپا ی",
}

if __name__ == "__main__":
    sys.exit(main())
