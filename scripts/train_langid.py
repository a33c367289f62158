#!/usr/bin/env python
"""Train sorani's language identifier (naive Bayes over the character 2-4-grams of each word and the whole
words) and write src/sorani/data/langid_model.xz.

    python scripts/train_langid.py [--shared DIR]       # the shipped model (about 1.5 minutes)
    python scripts/train_langid.py --tune [OPTIONS]      # settings: fit on the training lines except those
                                                         # ending in 5, score those and the tweets 0, 10, ...

Training data (the held-out tenth of every file, line numbers ending in 0, is never used, nor is a line
with the text of a held-out one; see
sorani/evaluate/langid.py):
- KurdishLID (MIT): Central, Northern and Southern Kurdish, Gorani, Persian, Arabic, Turkish, Zazaki;
- ScriptNormalization (Apache-2.0): Persian, Arabic and Urdu sentences, and noisy Perso-Arabic-script lines
  of ckb, kmr, hac, azb, glk, mzn, kas and sd; the synthetic keyboard-noise FLORES Sorani lines 0-505 (the
  repair tier's tuning part; lines 506+ stay for evaluation);
- generated noise: every Arabic-script Sorani training line once through the Arabic- or the
  Persian-keyboard confusion table (one drawn per line), at 50% or 100% of the confusable letters, each
  noised letter changed (``changing``; its spaces kept: ە as "ه " breaks the word)
  (``--noise-labels`` adds the other Kurdish languages: better on the noisy ScriptNormalization lines,
  worse on keyboard noise; a copy per keyboard, or no generated noise, did worse on the tuning lines);
- clean, well-spaced Sorani: the clean FLORES side (lines 0-505, CC BY-SA) and the Pewan word list
  (Apache-2.0), because KurdishLID's Sorani lines lost the space after a final ە;
- English: the English license and README texts that come with the shared data, split into sentences.
The Kurdish lines that a model trained on the other half of the data puts under another Kurdish language
with probability >= 0.99 are dropped (KurdishLID's files hold lines of their neighbours; see ``clean``).

The model: the features of a text are the character n-grams of its words (each word between spaces) and the
words themselves (sorani.langid.word_features); n-grams seen at least ``--min-count`` times are kept.
Script and noise variants are labels of their own (ckb@latn, ckb@noisy), folded back by identify(). A
label's score is b + w . x / n**p, with x the n-gram counts and n the number of known n-grams, and the
probabilities are their softmax, divided by a temperature (13, fitted by --tune) so that ``score`` is a
calibrated probability. w is the naive Bayes log-probabilities (each label's counts scaled to the same
mass, then smoothed); with ``--epochs N`` a multinomial logistic regression is fitted on top of them (or
alone, ``--nb 0``) by mini-batch AdaGrad on the L2-regularized, label-balanced log loss (numpy and scipy,
here only). On the tuning lines it was no better on clean text and much worse on tweets (docs/langid.md),
so the shipped model is naive Bayes only. The file stores, per n-gram, its weights minus their smallest
value in fixed point, packed as sorani.langid reads them (a JSON header line, the n-grams one per line,
then one little-endian 32-bit field per label and a count field per n-gram), compressed with xz.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani.evaluate.langid import confusions, english, keyboard_noise, labelled_lines  # noqa: E402
from sorani.langid import FIELD_BITS, MODEL_FILE, _Model, _prediction_from, word_features, words  # noqa: E402

KURDISH = ("ckb", "kmr", "sdh", "hac")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- the data


def chunks(text: str, rng: random.Random, low: int, high: int) -> list[str]:
    """``text`` cut into consecutive pieces of ``low``-``high`` words."""
    tokens = text.split()
    pieces, i = [], 0
    while i < len(tokens):
        n = rng.randint(low, high)
        pieces.append(" ".join(tokens[i : i + n]))
        i += n
    return pieces


_ARABIC_RUN = re.compile(r"[\u0620-\u06ff]+")


class Respacer:
    """Puts back the space after a word-final ە that KurdishLID's Sorani lines lost (``گرنگەو`` for
    ``گرنگە و``): a token that the clean FLORES text does not have is split after an ە when every piece is a
    known word (FLORES lines 0-505 or the Pewan word list, which has glued forms too), with as few pieces as
    possible; a piece after
    the split may not start with ی or be a suffix (``ناوچەیەک`` and ``پارتییەکە`` stay whole). Used only to
    make extra, well-spaced copies of those lines, next to the original ones."""

    NOT_AFTER = ("کە", "کەی", "کان", "کانی", "کەش", "ش", "م", "ت")

    def __init__(self, flores_lines: list[str], wordlist: list[str]):
        self.clean = {w for line in flores_lines for w in _ARABIC_RUN.findall(line)}
        self.known = self.clean | set(wordlist)

    def split(self, token: str) -> list[str]:
        if token in self.clean or "ە" not in token[:-1]:
            return [token]
        best: dict[int, list[str] | None] = {}

        def rest(i: int) -> list[str] | None:  # the fewest known pieces of token[i:], or None
            if i not in best:
                out = [token[i:]] if token[i:] in self.known else None
                for j in range(i + 2, len(token)):
                    if token[j - 1] == "ە" and token[i:j] in self.known and token[j] != "ی" \
                            and token[j:] not in self.NOT_AFTER:
                        tail = rest(j)
                        if tail is not None and (out is None or len(tail) + 1 < len(out)):
                            out = [token[i:j]] + tail
                best[i] = out
            return best[i]

        splits = [[token[:j]] + tail for j in range(2, len(token))
                  if token[j - 1] == "ە" and token[:j] in self.known and token[j] != "ی"
                  and token[j:] not in self.NOT_AFTER and (tail := rest(j)) is not None]
        return min(splits, key=len) if splits else [token]

    def __call__(self, text: str) -> str:
        return _ARABIC_RUN.sub(lambda m: " ".join(self.split(m.group())), text)


def changing(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """The confusion table without the letter itself among a letter's choices, so that every letter the
    noise picks changes (ز becomes ظ ض or ذ, و is left out). This is heavier than the tables' own noise
    (which ``sorani evaluate langid`` scores), and did better on the tuning lines: script-noise ckb F1 0.861
    against 0.846, the same on keyboard noise (0.88-0.91), Sorani tweets 0.845 against 0.847."""
    return {letter: [v for v in choices if v != letter] or choices for letter, choices in table.items()}


def training_pairs(shared: Path, args, tune: bool | None) -> list[tuple[str, str]]:
    """(label, text) training pairs; ``tune=False`` leaves the tuning lines out (``--tune``)."""
    rng = random.Random(7)
    base = labelled_lines(shared / "langid", held_out=False, variants=True, tune=tune)
    pairs = list(base)
    flores = shared / "normalization" / "synthetic-flores"
    flores_clean = (flores / "Sorani-Arabic" / "devtest_20.trg").read_text(encoding="utf-8").splitlines()[:506]
    vocabulary = (shared / "lexicon" / "pewan-wordlist.txt").read_text(encoding="utf-8").split()
    if args.respace:
        respace = Respacer(flores_clean, vocabulary)
        pairs += [("ckb", respace(text)) for label, text in base if label == "ckb"]
    tables = [changing(table) for table in confusions(shared).values()]
    kurdish = [(label, text) for label, text in base if label in KURDISH and not re.search("[a-zA-Z]", text)]
    if args.one_keyboard:  # generated keyboard noise, one keyboard per line
        pairs += [(label + "@noisy", keyboard_noise(text, rng.choice(tables), rng.choice(args.noise_rates), rng))
                  for label, text in kurdish if label in args.noise_labels]
    else:
        for table in tables:  # generated keyboard noise, for the --noise-labels languages
            pairs += [(label + "@noisy", keyboard_noise(text, table, rng.choice(args.noise_rates), rng))
                      for label, text in kurdish if label in args.noise_labels]
    if args.keyboard_only_noise:  # and once with only what the keyboard forces (ە ێ ۆ ڵ ڕ …), all of it
        for table in map(changing, confusions(shared, keyboard_only=True).values()):
            pairs += [(label + "@noisy", keyboard_noise(text, table, 1.0, rng))
                      for label, text in kurdish if label in args.noise_labels]
    for path in sorted(flores.glob("Sorani-*/devtest_*.src")):
        pairs += [("ckb@noisy", line) for line in path.read_text(encoding="utf-8").splitlines()[:506]]
    # KurdishLID's Sorani lines lost the space after a final ە (ZWNJ-era scraping), so clean, well-spaced
    # Sorani is added: the clean FLORES side (lines 0-505) and the Pewan word list in lines of 12 words.
    pairs += [("ckb", line) for line in flores_clean]
    pairs += [("ckb", " ".join(vocabulary[i : i + 12])) for i in range(0, len(vocabulary), 12)]
    pairs += english(shared, held_out=False)
    if args.chunk:  # long lines also as short pieces
        pieces = []
        for label, text in pairs:
            if len(text.split()) > args.chunk_max:
                pieces += [(label, piece) for piece in chunks(text, rng, args.chunk_min, args.chunk_max)]
        pairs += pieces
    if not args.variants:
        pairs = [(label.partition("@")[0], text) for label, text in pairs]
    return pairs


# --------------------------------------------------------------------------------------------- the model


class Features:
    """The n-gram vocabulary and the feature matrices of texts, built word by word."""

    def __init__(self, texts: list[list[str]], orders: tuple[int, ...], min_count: int):
        self.orders = orders
        word_counts = Counter(w for ws in texts for w in ws)
        gram_counts: Counter = Counter()
        for word, count in word_counts.items():
            for gram in word_features(word, orders):
                gram_counts[gram] += count
        self.grams = sorted(g for g, c in gram_counts.items() if c >= min_count)
        self.index = {g: i for i, g in enumerate(self.grams)}
        self._word_rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def matrix(self, texts: list[list[str]]) -> sp.csr_matrix:
        word_ids: dict[str, int] = {}
        rows, cols = [], []
        for r, ws in enumerate(texts):
            for w in ws:
                rows.append(r)
                cols.append(word_ids.setdefault(w, len(word_ids)))
        lines_words = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(texts), len(word_ids)))
        wr, wc = [], []
        for w, i in word_ids.items():
            for gram in word_features(w, self.orders):
                j = self.index.get(gram)
                if j is not None:
                    wr.append(i)
                    wc.append(j)
        words_grams = sp.csr_matrix((np.ones(len(wr), np.float32), (wr, wc)), shape=(len(word_ids), len(self.grams)))
        return (lines_words @ words_grams).tocsr()


def scaled(x: sp.csr_matrix, power: float) -> sp.csr_matrix:
    """Rows divided by (number of known n-grams) ** power, as sorani.langid scores them."""
    n = np.asarray(x.sum(axis=1)).ravel()
    return sp.diags((1.0 / np.maximum(n, 1) ** power).astype(np.float32)) @ x


def fit_lr(x: sp.csr_matrix, y: np.ndarray, n_labels: int, weights: np.ndarray, args,
           init: tuple[np.ndarray, np.ndarray] | None = None, base: np.ndarray | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: W (grams x labels) and b, minimizing the weighted log loss plus
    lam / 2 * |W|^2, by mini-batch AdaGrad (only the rows of the n-grams in a batch are touched; the L2
    term is applied to those rows, lazily)."""
    n, v = x.shape
    rng = np.random.default_rng(11)
    w = np.zeros((v, n_labels), np.float32) if init is None else init[0].astype(np.float32)
    b = np.zeros(n_labels, np.float64) if init is None else init[1].copy()
    g2 = np.full((v, n_labels), 1e-6, np.float32)
    b2 = np.full(n_labels, 1e-6)
    weights = (weights * (n / weights.sum())).astype(np.float32)
    for epoch in range(args.epochs):
        order = rng.permutation(n)
        total = 0.0
        for start in range(0, n, args.batch):
            rows = order[start : start + args.batch]
            xb = x[rows]
            cols, inverse = np.unique(xb.indices, return_inverse=True)
            xs = sp.csr_matrix((xb.data, inverse, xb.indptr), shape=(len(rows), len(cols)))
            ws = w[cols]
            z = xs @ ws + b.astype(np.float32)
            if base is not None:  # a fixed part of the weights (the naive Bayes ones): w is learnt on top
                z += xs @ base[cols]
            z -= z.max(axis=1, keepdims=True)
            ez = np.exp(z)
            sums = ez.sum(axis=1)
            yb, wb = y[rows], weights[rows]
            total -= float((wb * (z[np.arange(len(rows)), yb] - np.log(sums))).sum())
            p = ez / sums[:, None]
            p[np.arange(len(rows)), yb] -= 1
            p *= (wb / len(rows))[:, None]
            gw = (xs.T @ p) + args.lam * ws
            gb = p.sum(axis=0)
            g2[cols] += gw * gw
            w[cols] = ws - args.lr * gw / np.sqrt(g2[cols])
            b2 += gb * gb
            b -= args.lr * gb / np.sqrt(b2)
        log(f"  epoch {epoch + 1}: loss {total / n:.4f}")
    return w.astype(np.float64), b


def naive_bayes(x: sp.csr_matrix, y: np.ndarray, n_labels: int, alpha: float, floor: float) -> np.ndarray:
    """Naive Bayes log-probabilities (grams x labels) of the n-grams under each label: each label's counts
    scaled to the same mass (1e6) before additive smoothing ``alpha``, floored at ``floor``."""
    onehot = sp.csr_matrix((np.ones(len(y)), (y, np.arange(len(y)))), shape=(n_labels, len(y)))
    counts = np.asarray((onehot @ x).todense(), dtype=np.float64).T  # grams x labels
    scaled_counts = counts * (1e6 / counts.sum(axis=0, keepdims=True))
    logp = np.log(scaled_counts + alpha) - np.log(1e6 + alpha * counts.shape[0])
    return np.maximum(logp, floor)


def balance(y: np.ndarray, n_labels: int, power: float) -> np.ndarray:
    """Sample weights: each label's lines weigh count ** -power each."""
    counts = np.bincount(y, minlength=n_labels).astype(np.float64)
    return (np.maximum(counts, 1) ** -power)[y]


def train(pairs: list[tuple[str, str]], args) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """(labels, grams, W, b) trained on ``pairs``."""
    labels = sorted({label for label, _ in pairs})
    y = np.array([labels.index(label) for label, _ in pairs])
    texts = [words(text) for _, text in pairs]
    feats = Features(texts, args.orders, args.min_count)
    x = scaled(feats.matrix(texts), args.length_power)
    log(f"  {x.shape[0]:,} lines, {x.shape[1]:,} n-grams, {x.nnz:,} non-zeros")
    base = None
    if args.nb:
        base = (args.nb * naive_bayes(feats.matrix(texts), y, len(labels), args.nb_alpha, args.nb_floor)).astype(np.float32)
    w, b = fit_lr(x, y, len(labels), balance(y, len(labels), args.balance), args, base=base)
    if base is not None:
        w = w + base
    return labels, feats.grams, w, b


def quantize(w: np.ndarray, fraction: int) -> np.ndarray:
    """Per n-gram, its weights minus their smallest value in fixed point, then 1 (the count field)."""
    q = np.rint((w - w.min(axis=1, keepdims=True)) * (1 << fraction)).astype(np.int64)
    assert q.max() * 4000 < 2**FIELD_BITS, "a field could overflow"
    return np.concatenate([q, np.ones((len(q), 1), np.int64)], axis=1).astype("<u4")


def model_of(labels, grams, w, b, args, temperature: float) -> tuple[dict, bytes, _Model]:
    """The header, the packed body and the in-memory model of trained weights."""
    q = quantize(w / temperature, args.fraction)
    bias = [round(float(v), 6) for v in b / temperature]
    header = {"format": 2, "labels": labels, "orders": list(args.orders), "min_features": args.min_features,
              "fraction": args.fraction, "bias": bias, "length_power": args.length_power,
              "grams": len(grams), "grams_bytes": len("\n".join(grams).encode())}
    body = q.tobytes()
    width = 4 * (len(labels) + 1)
    table = {g: int.from_bytes(body[i * width : (i + 1) * width], "little") for i, g in enumerate(grams)}
    model = _Model(tuple(labels), table, tuple(args.orders), args.min_features, args.fraction, tuple(bias),
                   args.length_power)
    return header, body, model


class Predictor:
    """identify() with a model in memory (the same arithmetic as sorani.langid)."""

    def __init__(self, model: _Model):
        self.model, self.cache = model, {}

    def word_sum(self, word: str) -> int:
        value = self.cache.get(word)
        if value is None:
            table = self.model.table
            value = self.cache[word] = sum(table.get(g, 0) for g in word_features(word, self.model.orders))
        return value

    def __call__(self, text: str):
        return _prediction_from(sum(map(self.word_sum, words(text))), self.model)


def clean(pairs: list[tuple[str, str]], args) -> list[tuple[str, str]]:
    """Drop the Kurdish training lines that a model trained on the other half of the lines puts, with
    probability at least ``--clean`` (0.99), under another Kurdish language: KurdishLID's files hold some
    lines of their neighbours (Badini news among the Sorani ones, Sorani sentences among the Gorani and
    Southern Kurdish ones)."""
    halves = [pairs[0::2], pairs[1::2]]
    kept: list[tuple[str, str]] = []
    dropped: Counter = Counter()
    for index, half in enumerate(halves):
        labels, grams, w, b = train(halves[1 - index], args)
        predict = Predictor(model_of(labels, grams, w, b, args, 1.0)[2])
        for label, text in half:
            if label in KURDISH:  # clean lines only (not the @latn or @noisy variants)
                p = predict(text)
                if p.label in KURDISH and p.label != label and p.score >= args.clean:
                    dropped[label, p.label] += 1
                    continue
            kept.append((label, text))
    log(f"cleaning dropped {sum(dropped.values()):,} Kurdish lines: "
        + ", ".join(f"{g}->{p} {n}" for (g, p), n in dropped.most_common()))
    return kept


# ---------------------------------------------------------------------------------------------- tuning


def f1_table(gold: list[str], guess: list[str]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, guess) if g == label == p)
        npred, ngold = guess.count(label), gold.count(label)
        prec, rec = tp / max(1, npred), tp / max(1, ngold)
        out[label] = (prec, rec, 2 * prec * rec / max(1e-9, prec + rec))
    return out


def tuning_report(predict: Predictor, shared: Path, tune_lines: list[tuple[str, str]]) -> dict[str, float]:
    """Figures on the tuning lines (never the held-out ones) and on the tweets used for choices."""
    figures: dict[str, float] = {}
    clean_lines = [(g, t) for g, t in tune_lines if not g.endswith("@noisy")]
    clean_lines = [(g.partition("@")[0], t) for g, t in clean_lines]
    guess = [predict(t).label for _, t in clean_lines]
    gold = [g for g, _ in clean_lines]
    for label, (p, r, f) in f1_table(gold, guess).items():
        print(f"  {label:4s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        figures[f"F1 {label}"] = f
    confusion = Counter((g, p) for g, p in zip(gold, guess) if g != p)
    print("  errors:", ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common(14)))
    noisy = [(g.partition("@")[0], t) for g, t in tune_lines if g.endswith("@noisy")]
    nguess = [predict(t).label for _, t in noisy]
    table = f1_table([g for g, _ in noisy], nguess)
    figures["script-noise F1 ckb"] = table["ckb"][2]
    print("  script-noise F1:", " ".join(f"{label} {v[2]:.3f}" for label, v in table.items()))
    rng = random.Random(13)
    others = [(g, t) for g, t in clean_lines if g != "ckb"]
    other_guess = [p for (g, _), p in zip(clean_lines, guess) if g != "ckb"]
    sorani = [t for g, t in clean_lines if g == "ckb" and not re.search("[a-zA-Z]", t)]
    for keyboard, tbl in confusions(shared).items():
        for rate in (0.5, 1.0):
            noisy_ckb = [predict(keyboard_noise(t, tbl, rate, rng)).label for t in sorani]
            f = f1_table(["ckb"] * len(sorani) + [g for g, _ in others], noisy_ckb + other_guess)["ckb"][2]
            figures[f"ckb F1 {keyboard} {rate:.0%}"] = f
    print("  keyboard-noise ckb F1:", " ".join(f"{k[7:]} {v:.3f}" for k, v in figures.items() if k.startswith("ckb F1")))
    for name in ("sorani", "kurmanji"):
        lines = (shared / "corpus" / f"tweets-{name}.txt").read_text(encoding="utf-8").splitlines()[0::10]
        labels = Counter(predict(t).label for t in lines)
        figures[f"tweets-{name} ckb"] = labels["ckb"] / len(lines)
        print(f"  tweets-{name} (lines 0, 10, 20 ...):", " ".join(f"{k} {v / len(lines):.3f}" for k, v in labels.most_common(6)))
    return figures


def fit_temperature(predict_logits, pairs: list[tuple[str, str]]) -> float:
    """The temperature that minimizes the log loss of the tuning lines."""
    best = None
    for t in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.7, 2.0, 2.5, 3.0, 4.0, 6.0, 9.0, 13.0, 20.0):
        loss = predict_logits(t)
        if best is None or loss < best[1]:
            best = (t, loss)
    return best[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--tune", action="store_true", help="fit without the tuning lines and score them")
    parser.add_argument("--orders", type=lambda s: tuple(map(int, s.split(","))), default=(0, 2, 3, 4, 5))
    parser.add_argument("--min-count", type=int, default=3, help="n-grams seen fewer times are dropped")
    parser.add_argument("--nb", type=float, default=1.0, help="start from naive Bayes weights times this")
    parser.add_argument("--nb-alpha", type=float, default=0.05)
    parser.add_argument("--nb-floor", type=float, default=-48.0)
    parser.add_argument("--lam", type=float, default=1e-5, help="L2 regularization")
    parser.add_argument("--epochs", type=int, default=0, help="logistic regression epochs (0: naive Bayes only)")
    parser.add_argument("--lr", type=float, default=0.3, help="AdaGrad step")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--save", type=Path, help="--tune: also save the weights (npz) here")
    parser.add_argument("--balance", type=float, default=1.0, help="label balance: line weight count**-x")
    parser.add_argument("--length-power", type=float, default=0.0, help="scores divided by n**p")
    parser.add_argument("--noise-rates", type=lambda s: tuple(map(float, s.split(","))), default=(0.5, 1.0))
    parser.add_argument("--respace", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--variants", action=argparse.BooleanOptionalAction, default=True,
                        help="script and noise variants as labels of their own (ckb@latn, ckb@noisy)")
    parser.add_argument("--noise-labels", type=lambda s: tuple(s.split(",")), default=("ckb",),
                        help="the Kurdish languages that get generated keyboard noise")
    parser.add_argument("--keyboard-only-noise", action=argparse.BooleanOptionalAction, default=False,
                        help="also a noisy copy with only the letters the keyboard lacks replaced")
    parser.add_argument("--one-keyboard", action=argparse.BooleanOptionalAction, default=True,
                        help="one noisy copy per line, through one keyboard table drawn at random")
    parser.add_argument("--chunk", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--chunk-min", type=int, default=2)
    parser.add_argument("--chunk-max", type=int, default=12)
    parser.add_argument("--clean", type=float, default=0.99, help="0 turns the cleaning off")
    parser.add_argument("--fraction", type=int, default=8, help="fixed-point bits of a weight")
    parser.add_argument("--min-features", type=int, default=4)
    parser.add_argument("--temperature", type=float, default=None, help="default: fitted with --tune, else 13")
    args = parser.parse_args(argv)
    started = time.time()
    pairs = training_pairs(args.shared, args, tune=False if args.tune else None)
    log(f"{len(pairs):,} training pairs")
    if args.clean:
        pairs = clean(pairs, args)
    labels, grams, w, b = train(pairs, args)
    temperature = args.temperature or 13.0  # chosen by --tune
    if args.tune:
        tune_lines = labelled_lines(args.shared / "langid", held_out=False, variants=True, tune=True)
        if args.temperature is None:
            clean_lines = [(g.partition("@")[0], t) for g, t in tune_lines]
            clean_lines = [(g, t) for g, t in clean_lines if g in {label.partition("@")[0] for label in labels}]
            cut = [(g, p) for g, t in clean_lines for p in chunks(t, random.Random(3), 2, 12)]

            def loss(t: float) -> float:
                predict = Predictor(model_of(labels, grams, w, b, args, t)[2])
                total = 0.0
                for g, text in clean_lines + cut:
                    p = predict(text)
                    total -= np.log(max(p.scores.get(g, 0.0), 1e-6)) if p.label != "und" else 0.0
                return total / len(clean_lines + cut)

            temperature = fit_temperature(loss, clean_lines)
            log(f"temperature {temperature}")
        if args.save:
            np.savez(args.save, labels=labels, grams=np.array(grams, dtype=object), w=w, b=b, t=temperature)
        predict = Predictor(model_of(labels, grams, w, b, args, temperature)[2])
        figures = tuning_report(predict, args.shared, tune_lines)
        print(json.dumps({k: round(v, 4) for k, v in figures.items()}))
        log(f"done in {time.time() - started:.0f} s")
        return 0
    header, body, _ = model_of(labels, grams, w, b, args, temperature)
    out = ROOT / "src" / "sorani" / "data" / MODEL_FILE
    data = json.dumps(header, ensure_ascii=False).encode() + b"\n" + "\n".join(grams).encode() + body
    out.write_bytes(lzma.compress(data, preset=9))
    log(f"{len(pairs):,} training lines; labels {labels}; {len(grams):,} n-grams; {out.stat().st_size:,} bytes; "
        f"{time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
