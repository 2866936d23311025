"""Labelled pair evaluation: which scorer and threshold separate repeats from look-alikes.

Positives are planted edits of realistic news paragraphs, one kind at a time. Negatives are the
look-alikes the engine actually has to judge: every LSH candidate pair of a corpus without planted
repeats (paragraphs of one story share names, places and whole template sentences), plus
headline-vs-paragraph traps (a paragraph's opening sentence as a headline, and a one-sentence
paragraph against a longer one that opens with it).

    python -m bench.repeats_pairs [--paragraphs 20000] [--per-kind 400]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from store.repeats import minhash, score as repeat_score
from store.repeats.engine import _candidates, distinct

SPELLINGS = (("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"), ("Kursk Oblast", "Kursk Region"))
CLAUSES = (", according to officials", ", citing sources familiar with the matter", ", officials said",
           ", according to local media", ", a statement said")
SYNONYMS = {"said": "stated", "told": "informed", "more than": "over", "killed": "dead", "expected": "set",
            "officials": "authorities", "warned": "cautioned", "largest": "biggest", "about": "around",
            "would": "will", "reported": "said", "confirmed": "acknowledged", "main": "key"}
_SYN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")
_NUM = re.compile(r"\d[\d,]*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"']?\s+(?=[A-Z\"'])")
POSITIVE_KINDS = ("verbatim", "word", "number", "spelling", "sp+number", "clause", "dropped")
TRAP_KINDS = ("headline", "lead")


def base_paragraphs(n: int, seed: int = 0) -> list[str]:
    try:
        from bench.corpus import news_paragraphs
    except ImportError:
        from bench.repeats_bench import stand_in_paragraphs as news_paragraphs
    return news_paragraphs(n, seed)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s]


def plant(kind: str, text: str, rng: random.Random) -> str | None:
    """One edited copy of `text`, or None when this edit does not apply."""
    if kind == "verbatim":
        return text
    if kind == "word":
        found = list(_SYN.finditer(text))
        if not found:
            return None
        m = rng.choice(found)
        return text[: m.start()] + SYNONYMS[m.group()] + text[m.end():]
    if kind == "number":
        found = list(_NUM.finditer(text))
        if not found:
            return None
        m = rng.choice(found)
        value = int(m.group().replace(",", "")) if m.group().replace(",", "").isdigit() else 7
        new = max(1, value + rng.choice((-1, 1)) * max(1, int(value * rng.uniform(0.05, 0.4))))
        return text[: m.start()] + (f"{new:,}" if "," in m.group() else str(new)) + text[m.end():]
    if kind == "spelling":
        for modern, old in SPELLINGS:
            if modern in text:
                return text.replace(modern, old)
            if old in text:
                return text.replace(old, modern)
        return None
    if kind == "sp+number":
        respelled = plant("spelling", text, rng)
        return None if respelled is None else plant("number", respelled, rng)
    if kind == "clause":
        parts = sentences(text)
        ends = [i for i, s in enumerate(parts) if s.endswith(".") and not s.endswith('."')]
        if not ends:
            return None
        i = rng.choice(ends)
        parts[i] = parts[i][:-1] + rng.choice(CLAUSES) + "."
        return " ".join(parts)
    if kind == "dropped":
        parts = sentences(text)
        if len(parts) < 3:
            return None
        del parts[rng.randrange(len(parts))]
        return " ".join(parts)
    if kind == "headline":
        first = sentences(text)[0].rstrip(".")
        return first if len(sentences(text)) > 1 and len(first.split()) <= 16 else None
    if kind == "lead":
        parts = sentences(text)
        lead = parts[0] if len(parts) > 1 else ""
        return lead if 10 <= len(lead.split()) < 0.5 * len(text.split()) else None
    raise ValueError(kind)


@dataclass(frozen=True)
class Pairs:
    left: list[str]
    right: list[str]
    kind: list[str]


def labelled_pairs(n_paragraphs: int, per_kind: int, seed: int = 0) -> Pairs:
    rng = random.Random(seed)
    base = base_paragraphs(n_paragraphs, seed)
    left: list[str] = []
    right: list[str] = []
    kind: list[str] = []
    for k in POSITIVE_KINDS + TRAP_KINDS:
        made = 0
        for text in rng.sample(base, len(base)):
            edited = plant(k, text, rng)
            if edited is None or (k != "verbatim" and edited == text):
                continue
            left.append(text)
            right.append(edited)
            kind.append(k)
            made += 1
            if made == per_kind:
                break
    normalised = [minhash.fast_normalise(t) for t in base]
    sig = minhash.signatures(normalised)
    nodes = np.flatnonzero(sig.words >= repeat_score.SHORT_WORDS)
    a, b = _candidates(minhash.band_keys(sig.sig[nodes]), nodes)
    pair = distinct(a.astype(np.int64) * len(base) + b)
    a, b = pair // len(base), pair % len(base)
    for i, j in zip(a.tolist(), b.tolist()):
        left.append(base[i])
        right.append(base[j])
        kind.append("look-alike")
    return Pairs(left, right, kind)


Scorer = Callable[[list[str], list[str]], np.ndarray]


def _plain(fn: Callable) -> Scorer:
    def run(a: list[str], b: list[str]) -> np.ndarray:
        return process.cpdist(a, b, scorer=fn, workers=-1).astype(np.float32)
    return run


def _guarded_token_set(a: list[str], b: list[str]) -> np.ndarray:
    wa = np.array([len(x.split()) for x in a])
    wb = np.array([len(x.split()) for x in b])
    out = process.cpdist(a, b, scorer=fuzz.ratio, workers=-1).astype(np.float32)
    shorter, longer = np.minimum(wa, wb), np.maximum(wa, wb)
    g = np.flatnonzero((shorter >= 20) & (shorter >= 0.67 * longer))
    if len(g):
        ts = process.cpdist([a[i] for i in g], [b[i] for i in g], scorer=fuzz.token_set_ratio, workers=-1)
        out[g] = np.maximum(out[g], ts)
    return out


def _engine(base: str, min_words: int = 20, length_ratio: float = 0.5, contain: bool = True) -> Scorer:
    def run(a: list[str], b: list[str]) -> np.ndarray:
        saved = repeat_score.CONTAIN_MIN_WORDS, repeat_score.CONTAIN_LENGTH_RATIO
        repeat_score.CONTAIN_MIN_WORDS = min_words if contain else 10**9
        repeat_score.CONTAIN_LENGTH_RATIO = length_ratio
        try:
            return repeat_score.score_pairs(a, b, base=base)
        finally:
            repeat_score.CONTAIN_MIN_WORDS, repeat_score.CONTAIN_LENGTH_RATIO = saved
    return run


SCORERS: dict[str, Scorer] = {
    "ratio": _plain(fuzz.ratio),
    "token_sort_ratio": _plain(fuzz.token_sort_ratio),
    "token_set_ratio": _plain(fuzz.token_set_ratio),
    "WRatio": _plain(fuzz.WRatio),
    "ratio+guarded token_set (>=20 words, >=0.67x)": _guarded_token_set,
    "ratio+guarded containment (>=20 words, >=0.55x)": _engine("chars", 20, 0.55),
    "word ratio": _engine("words", contain=False),
    "word ratio+guarded containment (>=20 words, >=0.67x)": _engine("words", 20, 0.67),
    "word ratio+guarded containment (>=20 words, >=0.6x)": _engine("words", 20, 0.6),
    "word ratio+guarded containment (>=20 words, >=0.55x)": _engine("words", 20, 0.55),
    "word ratio+guarded containment (>=20 words, >=0.5x)": _engine("words", 20, 0.5),
    "word ratio+guarded containment (>=15 words, >=0.55x)": _engine("words", 15, 0.55),
}


def evaluate(pairs: Pairs, thresholds: Sequence[int], n_paragraphs: int, planted_share: float = 0.03,
             trap_share: float = 0.005) -> None:
    prepared_l = [utils.default_process(minhash.fast_normalise(t)) for t in pairs.left]
    prepared_r = [utils.default_process(minhash.fast_normalise(t)) for t in pairs.right]
    # the engine's scorers prepare again; default_process is idempotent
    kinds = np.array(pairs.kind)
    positive = np.isin(kinds, POSITIVE_KINDS)
    counts = {k: int((kinds == k).sum()) for k in POSITIVE_KINDS + TRAP_KINDS + ("look-alike",)}
    print("pairs:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    n_look = counts["look-alike"]
    print(f"precision as in a corpus of {n_paragraphs:,} paragraphs with {planted_share:.0%} planted copies, "
          f"{trap_share:.1%} traps and its {n_look:,} look-alike candidate pairs")
    results = []
    for name, scorer in SCORERS.items():
        t0 = time.perf_counter()
        s = scorer(prepared_l, prepared_r)
        us = (time.perf_counter() - t0) / len(s) * 1e6
        print(f"\n== {name}  ({us:.2f} us/pair{', word coding included' if name.startswith('word') or 'containment' in name else ''})")
        header = "thr  " + " ".join(f"{k[:8]:>8}" for k in POSITIVE_KINDS) + "   recall  fp-rate  headline  lead  precision"
        print(header)
        for t in thresholds:
            hit = s >= t
            rec = {k: hit[kinds == k].mean() for k in POSITIVE_KINDS}
            recall = hit[positive].mean()
            fp_rate = hit[kinds == "look-alike"].mean()
            traps = {k: int(hit[kinds == k].sum()) for k in TRAP_KINDS}
            trap_rate = hit[np.isin(kinds, TRAP_KINDS)].mean()
            tp = planted_share * n_paragraphs * recall
            fp = fp_rate * n_look + trap_rate * trap_share * n_paragraphs
            precision = tp / (tp + fp + 1e-12)
            results.append((name, t, recall, precision, us, min(rec.values()), fp_rate, sum(traps.values())))
            print(f"{t:>3}  " + " ".join(f"{rec[k]:8.3f}" for k in POSITIVE_KINDS)
                  + f"   {recall:.3f}   {fp_rate:.4f}  {traps['headline']:8d}  {traps['lead']:4d}  {precision:.4f}")
    print("\nrule: no trap merged, every kind recalled >= 0.94 and all kinds together >= 0.98; among those,")
    print("the fewest look-alikes merged (each one counted as a false positive), then the fastest scorer")
    ok = [r for r in results if r[7] == 0 and r[5] >= 0.94 and r[2] >= 0.98]
    for name, t, recall, precision, us, worst, fp_rate, _ in sorted(ok, key=lambda r: (r[6], r[4]))[:8]:
        print(f"  {name} @ {t}: recall {recall:.3f} (worst kind {worst:.3f}), look-alikes merged {fp_rate:.5f}, "
              f"precision {precision:.4f}, {us:.2f} us/pair")
    if not ok:
        print("  none")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--per-kind", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--thresholds", default="85,88,90,91,92,93,94,95")
    args = parser.parse_args(argv)
    pairs = labelled_pairs(args.paragraphs, args.per_kind, args.seed)
    evaluate(pairs, [int(t) for t in args.thresholds.split(",")], args.paragraphs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
