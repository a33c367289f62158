"""``langid`` task: per-label F1 of ``sorani.identify`` on held-out lines, clean and with keyboard noise.

The data are the language ID training files in the shared data (``langid/train``, ``langid/extra``;
KurdishLID, MIT; ScriptNormalization, Apache-2.0), found as ``shared/data`` beside the repository or in
``$SORANI_SHARED_DATA``, or given with ``--gold DIR`` (the ``langid`` folder). Every tenth line (line numbers
divisible by 10) is held out and never trained on, nor is a training line with the text of a held-out one;
``scripts/train_langid.py`` uses the same split. The noisy
sets take the held-out Sorani lines through the Arabic- and Persian-keyboard confusion tables
(``normalization/char-confusions``) at 50% and 100% of the confusable letters, against the clean held-out
lines of every other language; the synthetic FLORES lines 506 onwards (100% noise) and the real
keyboard-typed snippets of the repair dev pairs are scored for recall. A secondary, gold-checked figure
sets aside the held-out Kurdish lines whose gold the marker words contest (``marker_words``); a third, the
audited estimate, scores the Kurdish lines read by hand (``evaluation/langid/kurdishlid-audit.tsv``, see
``audited_weights``); and the share
of ckb among the Sorani and Kurmanji tweets (GPL: measured only, on lines 5, 15, 25 ...) is reported.
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from pathlib import Path

from ..errors import InputError
from . import Report, evaluation_dir
from . import shared_data as _shared_data
from .metrics import f1

DEFAULT_GOLD: tuple[str, ...] = ()
HELD_OUT_EVERY = 10
EXTRA_LINES = 6000  # lines taken from each large extra file (fa, ar, ur)

# (file under langid/, label); "perso-arabic-noisy" lines carry their own __label__ prefix
SOURCES = (
    ("train/CentralKurdish-arab_train.txt", "ckb"), ("train/CentralKurdish-latn_train.txt", "ckb"),
    ("train/NorthernKurdish-arab_train.txt", "kmr"), ("train/NorthernKurdish-latn_train.txt", "kmr"),
    ("train/SouthernKurdish-arab_train.txt", "sdh"), ("train/Gorani-arab_train.txt", "hac"),
    ("train/Persian-arab_train.txt", "fa"), ("train/Arabic-arab_train.txt", "ar"),
    ("train/Turkish-latn_train.txt", "tr"), ("train/Zazaki-latn_train.txt", "zza"),
    ("train/Zazaki-latn-wiki_train.txt", "zza"), ("extra/fa.txt", "fa"), ("extra/ar.txt", "ar"),
    ("extra/ur.txt", "ur"), ("extra/perso-arabic-noisy.train.txt", None),
)  # fmt: skip


def shared_data() -> Path | None:
    return _shared_data("langid")


TUNE_LINE = 5  # line numbers ending in 5: the training side's tuning lines (see ``labelled_lines``)


def labelled_lines(langid_dir: Path, held_out: bool, variants: bool = False,
                   tune: bool | None = None, origins: list | None = None) -> list[tuple[str, str]]:
    """(label, text) pairs of the training (``held_out=False``) or held-out part of every source. With
    ``variants`` the label carries the script or noise variant of its source (``ckb@latn``, ``kmr@noisy``).
    ``tune`` splits the training part further: ``True`` gives only its tuning lines (line numbers ending in
    5), ``False`` all but those; settings are chosen by training on the one and scoring the other.

    A line of a training part whose text is also a line of a part held out from it (the held-out lines,
    and for ``tune=False`` the tuning lines too) is left out: KurdishLID's Latin-script Sorani file holds
    613 distinct lines in 2,399, and the Persian and Arabic files share lines with the extra ones, so a
    split by line number alone put 410 held-out texts into training."""
    unseen: frozenset[str] = frozenset()
    if not held_out:
        unseen = _held_out_texts(langid_dir, tune is False)
    pairs = []
    for name, label in SOURCES:
        path = langid_dir / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if label in ("fa", "ar", "ur") and name.startswith("extra") and number >= EXTRA_LINES:
                    break
                if (number % HELD_OUT_EVERY == 0) != held_out:
                    continue
                if tune is not None and not held_out and (number % HELD_OUT_EVERY == TUNE_LINE) != tune:
                    continue
                text, tag = line.strip(), label
                if tag is None:
                    tag, _, text = text.partition("\t")
                    tag = tag.removeprefix("__label__")
                if variants and name.endswith("latn_train.txt") and tag in ("ckb", "kmr"):
                    tag += "@latn"
                elif variants and label is None:
                    tag += "@noisy"
                if len(text) >= 3 and text not in unseen:
                    pairs.append((tag, text))
                    if origins is not None:
                        origins.append((name, number))
    return pairs


@functools.lru_cache(maxsize=8)
def _held_out_texts(langid_dir: Path, with_tuning: bool) -> frozenset[str]:
    """The texts of the held-out lines (and of the tuning lines, ``with_tuning``)."""
    texts = {text for _, text in labelled_lines(langid_dir, held_out=True)}
    if with_tuning:
        texts |= {text for _, text in labelled_lines(langid_dir, held_out=False, tune=True)}
    return frozenset(texts)


ENGLISH_FILES = ("corpus/LICENSE.ktc", "corpus/LICENSE.tweets", "langid/README.upstream.md",
                 "normalization/README.upstream.md", "tokenization/README.upstream.md",
                 "morphology/README.unimorph.md", "lexicon/named-entities/LICENSE", "sanity/klpt/LICENSE")


def english(shared: Path, held_out: bool) -> list[tuple[str, str]]:
    """English sentences from the license and README texts that come with the shared data."""
    text = " ".join((shared / name).read_text(encoding="utf-8", errors="replace") for name in ENGLISH_FILES
                    if (shared / name).is_file())
    text = re.sub(r"[#*|`<>\[\]()_=-]+|https?://\S+", " ", text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;:])\s+|\n\s*\n", text)]
    return [("en", s) for i, s in enumerate(sentences) if len(s) > 25 and (i % HELD_OUT_EVERY == 0) == held_out]


def confusions(shared: Path, keyboard_only: bool = False) -> dict[str, dict[str, list[str]]]:
    """Kurdish letter -> what an Arabic / Persian keyboard user types for it (``NULL`` = nothing). The
    tables also confuse letters that the keyboard has (ز with ظ ض ذ, س with ص ث, as in Arabic loanwords);
    ``keyboard_only`` keeps only the letters whose first variant is not the letter itself (ە ێ ۆ ڵ ڕ ڤ …),
    i.e. what the keyboard forces."""
    tables = {}
    for keyboard in ("Arabic", "Persian"):
        table: dict[str, list[str]] = {}
        lines = (shared / "normalization" / "char-confusions" / f"Kurdish-{keyboard}.tsv").read_text(
            encoding="utf-8").splitlines()
        for line in lines[1:]:
            cells = line.split("\t")
            if keyboard_only and (len(cells) < 2 or cells[1].strip() == cells[0]):
                continue
            # a variant keeps its spaces: "ه " is ە typed as ه and a space (the word broken after it)
            # the letter itself stays one of the choices where the table lists it, as in the tables' own
            # synthetic FLORES noise: at 100% ز comes out as ز ظ ض ذ about equally and و is left out about
            # half of the time (without it every ز became ظ ض or ذ, and every و was dropped)
            variants = [("" if c.strip() == "NULL" else c) for c in cells[1:] if c != ""]
            if cells[0] and variants and variants != [cells[0]]:
                table[cells[0]] = variants
        tables[keyboard] = table
    return tables


def keyboard_noise(text: str, table: dict[str, list[str]], rate: float, rng: random.Random) -> str:
    """Replace each confusable letter (or sequence, longest first) by a keyboard variant with probability
    ``rate``."""
    pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return pattern.sub(lambda m: rng.choice(table[m.group()]) if rng.random() < rate else m.group(), text)


KURDISH = ("ckb", "kmr", "sdh", "hac")


def marker_words(shared: Path) -> dict[str, set[str]]:
    """Words that mark one Kurdish language against the others, found on the training side only: words
    with a frequency of at least 2 per 1,000 (and 20 occurrences) in one language and at most 0.15 times
    that in each of the others. Sorani's come from the clean FLORES Sorani lines 0-505 (not KurdishLID,
    whose Sorani lines lost many spaces); the others' from the Arabic-script training lines of KurdishLID,
    and only words of at most three letters (function words such as ل ب د ژی, جە پەی, وە ئەرا), since
    longer ones there are topics of the sources (news agencies, places)."""
    from ..langid import words

    flores = (shared / "normalization" / "synthetic-flores" / "Sorani-Arabic" / "devtest_20.trg")
    texts = {"ckb": flores.read_text(encoding="utf-8").splitlines()[:506]}
    for label, text in labelled_lines(shared / "langid", held_out=False):
        if label in KURDISH[1:] and not re.search("[a-zA-Z]", text):
            texts.setdefault(label, []).append(text)
    counts = {label: Counter(w for t in lines for w in words(t)) for label, lines in texts.items()}
    freqs = {label: {w: n / sum(c.values()) for w, n in c.items()} for label, c in counts.items()}
    markers = {}
    for label, freq in freqs.items():
        others = [f for other, f in freqs.items() if other != label]
        markers[label] = {w for w, v in freq.items() if v >= 0.002 and counts[label][w] >= 20
                          and all(o.get(w, 0.0) <= 0.15 * v for o in others)
                          and (label == "ckb" or len(w) <= 3)}
    return markers


def contested(text: str, gold: str, markers: dict[str, set[str]]) -> str | None:
    """The Kurdish language whose marker words a line of ``gold`` holds (at least two, against none of its
    own), or None. Of 27 clean training lines it contests that were read, 25 were indeed lines of the
    other language (all 11 with three markers or more)."""
    from ..langid import words

    if gold not in markers:
        return None
    found = Counter(label for w in words(text) for label, ws in markers.items() if w in ws)
    if found[gold]:
        return None
    best = max((label for label in markers if label != gold), key=lambda label: found[label])
    return best if found[best] >= 2 else None


# The held-out lines of these files were read by hand (``evaluation/langid/kurdishlid-audit.tsv``): every line
# where the file's label and the model of 2026-12-02 disagreed (one stratum, all read), and a random 250 of the
# lines where they agreed (the other stratum, sampled). Weighting the sample by its stratum's size per file
# label estimates the counts of the whole held-out set under the read labels, for any model.
AUDIT_FILE = "langid/kurdishlid-audit.tsv"
AUDITED_FILES = ("train/CentralKurdish-arab_train.txt", "train/NorthernKurdish-arab_train.txt",
                 "train/SouthernKurdish-arab_train.txt", "train/Gorani-arab_train.txt")


def read_audit(path: Path) -> dict[tuple[str, int], tuple[str, str, str]]:
    """(file, line number) -> (stratum, file label, label as read; ``?`` where a line cannot be told)."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stratum, name, number, file_label, audited, _ = line.split("\t", 5)
            rows[name, int(number)] = (stratum, file_label, audited)
    return rows


def audited_weights(held: list[tuple[str, str]], origins: list, audit: dict) -> list[tuple[str, float]]:
    """Per held-out line, the label as read and its weight in the stratified estimate (0: left to the
    sample). Lines outside the audited files keep their file's label with weight 1."""
    stratum_size: Counter = Counter()
    sample_size: Counter = Counter()
    for (gold, _), origin in zip(held, origins):
        if origin and origin[0] in AUDITED_FILES:
            entry = audit.get(origin)
            if entry is None or entry[0] != "disagreement":
                stratum_size[gold] += 1
            if entry is not None and entry[0] == "agreement-sample":
                sample_size[gold] += 1
    out = []
    for (gold, _), origin in zip(held, origins):
        if not origin or origin[0] not in AUDITED_FILES:
            out.append((gold, 1.0))
            continue
        entry = audit.get(origin)
        if entry is None:
            out.append((gold, 0.0))
        elif entry[1] != gold:
            raise InputError(f"{AUDIT_FILE}: {origin[0]} line {origin[1]} is {gold} in the data, {entry[1]} in the audit")
        elif entry[2] == "?":
            out.append((gold, 0.0))
        elif entry[0] == "disagreement":
            out.append((entry[2], 1.0))
        else:
            out.append((entry[2], stratum_size[gold] / sample_size[gold]))
    return out


def weighted_f1(labels: list[tuple[str, float]], predicted: list[str], label: str) -> tuple[float, float, float]:
    tp = sum(w for (gold, w), p in zip(labels, predicted) if gold == label and p == label)
    npred = sum(w for (_, w), p in zip(labels, predicted) if p == label)
    ngold = sum(w for gold, w in labels if gold == label)
    return f1(tp, npred, ngold)


def _audit_path() -> Path | None:
    try:
        path = evaluation_dir() / AUDIT_FILE
    except InputError:  # no evaluation/ folder (an installed package without the repository)
        return None
    return path if path.is_file() else None


def per_label_f1(pairs: list[tuple[str, str]], predicted: list[str]) -> dict[str, tuple[float, float, float]]:
    labels = sorted({gold for gold, _ in pairs} | set(predicted))
    out = {}
    for label in labels:
        tp = sum(1 for (gold, _), p in zip(pairs, predicted) if gold == label and p == label)
        npred = sum(1 for p in predicted if p == label)
        ngold = sum(1 for gold, _ in pairs if gold == label)
        out[label] = f1(tp, npred, ngold)
    return out


def run(gold_paths: list[Path], show: int) -> Report:
    from ..langid import identify

    shared = shared_data()
    langid_dir = gold_paths[0] if gold_paths else (shared / "langid" if shared else None)
    if langid_dir is None or not langid_dir.is_dir():
        return Report("langid", {}, details=["skipped: no langid data (shared/data/langid (beside the repository) or --gold DIR)"])
    all_origins: list = []
    everything = labelled_lines(langid_dir, held_out=True, variants=True, origins=all_origins)
    if not everything:
        names = ", ".join(name for name, _ in SOURCES[:2])
        raise InputError(f"no language ID lines in {langid_dir} (expected files such as {names})")
    held = [(g.partition("@")[0], t) for g, t in everything if not g.endswith("@noisy")]
    origins = [o for (g, _), o in zip(everything, all_origins) if not g.endswith("@noisy")]
    script_noise = [(g.partition("@")[0], t) for g, t in everything if g.endswith("@noisy")]
    if shared is not None:
        held += english(shared, held_out=True)
        origins += [None] * (len(held) - len(origins))
    figures: dict[str, float] = {"held-out lines": len(held)}
    predicted = [identify(text).label for _, text in held]
    details = ["clean held-out (P / R / F1, lines):"]
    counts = Counter(gold for gold, _ in held)
    for label, (p, r, f) in per_label_f1(held, predicted).items():
        details.append(f"  {label:4s} {p:.4f} {r:.4f} {f:.4f} ({counts.get(label, 0)})")
        if counts.get(label):
            figures[f"clean F1 {label}"] = f
    misses = [f"{gold} -> {pred}: {text[:80]}" for (gold, text), pred in zip(held, predicted) if gold != pred]
    # Secondary figure: KurdishLID's files hold lines of their neighbours (Badini news among the Sorani lines,
    # Sorani sentences among the Southern Kurdish and Gorani ones). The held-out lines whose gold the marker
    # words (found on the training side, see marker_words) contest are set aside; the primary figure above
    # keeps every line as given.
    checked = None
    if shared is not None and (shared / "normalization").is_dir():
        markers = marker_words(shared)
        flags = [contested(text, gold, markers) for gold, text in held]
        checked = [not flag for flag in flags]
        moved = Counter(f"{gold}->{flag}" for (gold, _), flag in zip(held, flags) if flag)
        kept = [pair for pair, ok in zip(held, checked) if ok]
        kept_guess = [p for p, ok in zip(predicted, checked) if ok]
        details.append("gold-checked (held-out lines whose gold the marker words contest set aside: "
                       + ", ".join(f"{k} {n}" for k, n in sorted(moved.items())) + "):")
        for label, (p, r, f) in per_label_f1(kept, kept_guess).items():
            if label in KURDISH:
                details.append(f"  {label:4s} {p:.4f} {r:.4f} {f:.4f}")
                figures[f"gold-checked clean F1 {label}"] = f
    audit_path = _audit_path()
    weights = None
    if audit_path is not None and not gold_paths:
        audit = read_audit(audit_path)
        weights = audited_weights(held, origins, audit)
        read = sum(1 for origin in origins if origin in audit)
        details.append(f"audited estimate ({read} held-out Kurdish lines read by hand, {AUDIT_FILE}; every line the "
                       "file and the model of 2026-12-02 disagreed on, and a random sample of the others weighted "
                       "by their stratum; P / R / F1):")
        for label in KURDISH:
            p, r, f = weighted_f1(weights, predicted, label)
            details.append(f"  {label:4s} {p:.4f} {r:.4f} {f:.4f}")
            figures[f"audited-estimate clean F1 {label}"] = f
    if script_noise:
        guess = [identify(t).label for _, t in script_noise]
        details.append("noisy Perso-Arabic-script held-out lines (ScriptNormalization; P / R / F1):")
        gold_labels = {g for g, _ in script_noise}
        for label, (p, r, f) in per_label_f1(script_noise, guess).items():
            details.append(f"  {label:4s} {p:.4f} {r:.4f} {f:.4f}")
            if label in gold_labels:
                figures[f"script-noise F1 {label}"] = f
    if shared is not None and (shared / "normalization").is_dir():
        rng = random.Random(13)
        others = [(g, t) for g, t in held if g != "ckb"]  # the clean held-out lines of the other languages
        other_guess = [p for (g, _), p in zip(held, predicted) if g != "ckb"]
        other_ok = [ok for (g, _), ok in zip(held, checked) if g != "ckb"]
        sorani = [(t, ok) for (g, t), ok in zip(held, checked) if g == "ckb" and not re.search("[a-zA-Z]", t)]
        for keyboard, table in confusions(shared).items():
            for rate in (0.5, 1.0):
                noisy = [("ckb", keyboard_noise(t, table, rate, rng)) for t, _ in sorani]
                guess = [identify(t).label for _, t in noisy]
                p, r, f = per_label_f1(noisy + others, guess + other_guess)["ckb"]
                figures[f"ckb F1, {keyboard} keyboard noise {int(rate * 100)}%"] = f
                details.append(f"ckb with {keyboard}-keyboard noise at {rate:.0%}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
                ok = [k for _, k in sorani] + other_ok
                pairs = [x for x, k in zip(noisy + others, ok) if k]
                _, _, f = per_label_f1(pairs, [x for x, k in zip(guess + other_guess, ok) if k])["ckb"]
                figures[f"gold-checked ckb F1, {keyboard} keyboard noise {int(rate * 100)}%"] = f
        if weights is not None:  # every line read as Sorani gets the noise; Sorani in Latin letters is left out
            rng = random.Random(13)
            rows = [i for i, ((label, _), (_, t)) in enumerate(zip(weights, held))
                    if label != "ckb" or not re.search("[a-zA-Z]", t)]
            kept = [weights[i] for i in rows]
            for keyboard, table in confusions(shared).items():
                for rate in (0.5, 1.0):
                    guess = [identify(keyboard_noise(held[i][1], table, rate, rng)).label
                             if weights[i][0] == "ckb" and weights[i][1] else predicted[i] for i in rows]
                    p, r, f = weighted_f1(kept, guess, "ckb")
                    figures[f"audited-estimate ckb F1, {keyboard} keyboard noise {int(rate * 100)}%"] = f
                    details.append(f"audited estimate, ckb with {keyboard}-keyboard noise at {rate:.0%}: "
                                   f"P {p:.4f} R {r:.4f} F1 {f:.4f}")
        flores = shared / "normalization" / "synthetic-flores"
        for keyboard in ("Arabic", "Persian"):
            path = flores / f"Sorani-{keyboard}" / "devtest_100.src"
            if path.is_file():
                lines = path.read_text(encoding="utf-8").splitlines()[506:]
                recall = sum(identify(t).label == "ckb" for t in lines) / max(1, len(lines))
                figures[f"ckb recall, FLORES {keyboard} 100% noise (lines 506+)"] = recall
        for keyboard in ("Arabic", "Persian"):  # real keyboard-typed snippets (the repair dev pairs)
            path = shared / "normalization" / f"Sorani-{keyboard}.dev.tsv"
            if path.is_file():
                rows = path.read_text(encoding="utf-8").splitlines()
                sources = [line.split("\t")[0] for line in rows if "\t" in line]
                figures[f"ckb recall, real {keyboard}-keyboard snippets"] = (
                    sum(identify(t).label == "ckb" for t in sources) / max(1, len(sources)))
    if shared is not None:  # measured only (GPL): lines 5, 15, 25 ..., never used for a choice
        for name in ("sorani", "kurmanji"):
            path = shared / "corpus" / f"tweets-{name}.txt"
            if path.is_file():
                tweets = path.read_text(encoding="utf-8").splitlines()[5::10]
                labels = Counter(identify(t).label for t in tweets)
                figures[f"ckb share, {name} tweets (lines 5, 15, ...)"] = labels["ckb"] / max(1, len(tweets))
                details.append(f"{name} tweets (lines 5, 15, ...): "
                               + " ".join(f"{k} {v / len(tweets):.3f}" for k, v in labels.most_common(6)))
    return Report("langid", figures, misses[:show], details)
