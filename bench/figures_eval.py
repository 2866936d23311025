"""Figure extraction measured on the peer test suites in ../shared/eval/figures.

Run from the repository root:  python -m bench.figures_eval   (or python bench/figures_eval.py)
The directory can be moved with TEARSHEET_EVAL_DIR. Prints precision, recall and F1 per suite and
per kind, overlap F1 and resolved-date accuracy for the date suite, and speed, beside quantulum3
measured in the same run on the same cases when it is installed.

Scoring (as the suites' README states it):
- a prediction matches a label when the spans overlap and the values are equal (relative tolerance
  1e-6); a label without a value (e.g. "percent", "last") is matched by overlap alone; one prediction
  matches at most one label;
- numeric ranges: the label's interval "[20,30)" or "(30,)" is compared on its end points with the
  prediction's low/high (a number qualified by more than/over/at least/up to/under is an open
  interval); the quantulum3 suite gives a range its mid point as value;
- dates: the prediction must agree with the label's resolved value to the label's precision: a day
  for a day, hours and minutes when the label has a time of day other than midnight, the start of a
  period (or its end when the start is open) at the prediction's own precision; a list of candidates
  is matched by any one; durations compare in seconds (year 365 days, month 30 days);
- a prediction is a false positive only when its kind (after the mapping below) is in the case's
  scope; cases whose not_supported names dotnet are left out.

Kinds of tearsheet mapped to the suites' kinds:
- count -> number; number, money, percent, quantity, ordinal, duration, date, time, set unchanged,
  except that money, a quantity, a percentage or a duration counts as its number in a case that
  labels numbers but not that kind;
- range: a date range stays range; a numeric range is range where the case labels ranges and the
  kind of its ends (number, money, quantity, percent, duration) elsewhere;
- a number, count, money or quantity qualified by more_than/at_least/at_most/less_than is a range
  where the case labels ranges but not numbers, and keeps its kind elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.figures import Figure, extract  # noqa: E402
from store.figures.units import duration_seconds  # noqa: E402

SUITES = ("rt_numberwithunit", "rt_number", "quantulum3", "rt_datetime")
DATE_KINDS = {"date", "time", "duration", "range", "set"}
TARGETS = {
    "rt_numberwithunit": (0.75, 0.58),
    "rt_number": (0.67, 0.49),
    "quantulum3": (0.69, None),
}
DATE_TARGETS = {"overlap_f1": 0.87, "resolved": 0.76}
SPEED_TARGET = 1000.0
SPEED_RATIO_TARGET = 5.0
ROUNDS = 3


@dataclass(slots=True)
class Pred:
    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    resolved: str | None = None
    resolved_end: str | None = None
    seconds: float | None = None
    date_family: bool = False


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.fp, self.fn)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def eval_dir() -> Path:
    env = os.environ.get("TEARSHEET_EVAL_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "eval" / "figures"


def load(path: Path) -> list[dict[str, Any]]:
    cases = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            case = json.loads(line)
            ns = case.get("not_supported") or ""
            if "dotnet" in (ns if isinstance(ns, str) else ",".join(ns)):
                continue
            cases.append(case)
    return cases


def map_figure(f: Figure, scope: set[str]) -> Pred:
    kind = f.kind
    value = f.value
    low, high = f.low, f.high
    comparative = f.approx in ("more_than", "at_least", "at_most", "less_than")
    if kind == "count":
        kind = "number"
    if kind in ("money", "quantity", "percent", "duration") and kind not in scope and "number" in scope and f.value is not None:
        kind = "number"
        p = Pred(f.start, f.end, kind, f.value)
        return p
    if kind == "range" and f.resolved is None and f.low is not None:
        if "range" in scope and ("number" in scope or scope == {"range"} or scope <= {"range", "ordinal", "percent"}):
            kind = "range"
        else:
            base = f.granularity or "number"
            kind = "number" if base == "count" else base
            value = (f.low + f.high) / 2 if f.low is not None and f.high is not None else None
    elif comparative and kind in ("number", "money", "quantity", "percent") and "range" in scope and "number" not in scope:
        kind = "range"
        if f.approx in ("more_than", "at_least"):
            low, high = f.value, None
        else:
            low, high = None, f.value
    p = Pred(f.start, f.end, kind, value, low, high, f.resolved, f.resolved_end)
    if f.kind == "duration" and f.unit:
        p.seconds = duration_seconds(re.sub(r"[\d.]+-", "", f.unit))
    p.date_family = f.kind in ("date", "time", "duration", "set") or (f.kind == "range" and (f.resolved is not None or f.granularity in ("day", "month", "year", "time", "week", "quarter")))
    return p


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


_INTERVAL = re.compile(r"^\s*([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])\s*$")


def range_agrees(label: dict[str, Any], p: Pred) -> bool:
    res = label.get("resolved")
    if isinstance(res, str):
        m = _INTERVAL.match(res)
        if m:
            lo = float(m.group(2)) if m.group(2) else None
            hi = float(m.group(3)) if m.group(3) else None
            if p.low is None and p.high is None and p.value is not None:
                return (lo is None or close(lo, p.value)) and (hi is None or close(hi, p.value)) and (lo is not None) == (hi is not None) and lo == hi
            ok_lo = (lo is None and p.low is None) or close(lo, p.low)
            ok_hi = (hi is None and p.high is None) or close(hi, p.high)
            return ok_lo and ok_hi
    return label.get("value") is None


def value_agrees(label: dict[str, Any], p: Pred) -> bool:
    v = label.get("value")
    if label["kind"] == "range":
        return range_agrees(label, p)
    if v is None:
        return True
    if isinstance(v, list):
        return close(float(v[0]), p.low) and close(float(v[1]), p.high)
    if p.value is None and p.low is not None and p.high is not None:
        return close(float(v), (p.low + p.high) / 2)
    return close(float(v), p.value)


def _split(s: str) -> tuple[str | None, str | None]:
    s = s.strip()
    m = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)?(?:[ T]?(\d{2}:\d{2}(?::\d{2})?))?$", s)
    if not m:
        return None, None
    return m.group(1), m.group(2)


def _point_agrees(label: str, pred: str | None, period: bool) -> bool:
    if pred is None:
        return False
    ld, lt = _split(label)
    pd, pt = _split(pred)
    if ld is None and lt is None:
        return False
    if ld is not None:
        if pd is None:
            return False
        if period:
            if not ld.startswith(pd):
                return False
        elif ld != pd:
            return False
    if lt is not None and (ld is None or lt[:5] != "00:00"):
        if pt is None:
            return ld is not None and period
        if lt[:5] != pt[:5]:
            return False
    return True


def resolved_agrees(res: Any, p: Pred) -> bool | None:
    """None when the label carries no resolution to compare."""
    if res is None or res == "not resolved":
        return None
    if isinstance(res, list):
        outcomes = [resolved_agrees(r, p) for r in res]
        if all(o is None for o in outcomes):
            return None
        return any(bool(o) for o in outcomes)
    if isinstance(res, dict):
        start, end = res.get("start"), res.get("end")
        if start:
            return _point_agrees(start, p.resolved, True)
        if end:
            return _point_agrees(end, p.resolved_end or p.resolved, True)
        return None
    if isinstance(res, (int, float)) or re.fullmatch(r"-?\d+(?:\.\d+)?", str(res)):
        return p.seconds is not None and close(float(res), p.seconds)
    return _point_agrees(str(res), p.resolved, False)


def match(labels: list[dict[str, Any]], preds: list[Pred], ok: Callable[[dict[str, Any], Pred], bool]) -> tuple[list[int | None], set[int]]:
    used: set[int] = set()
    pairs: list[int | None] = []
    for lab in labels:
        hit = None
        for j, p in enumerate(preds):
            if j in used or p.start >= lab["end"] or p.end <= lab["start"]:
                continue
            if ok(lab, p):
                hit = j
                break
        if hit is not None:
            used.add(hit)
        pairs.append(hit)
    return pairs, used


def score_suite(cases: list[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Pred]], dates: bool) -> dict[str, Any]:
    value = Tally()
    overlap = Tally()
    resolved_ok = resolved_all = 0
    for case in cases:
        scope = set(case["scope"])
        preds = [p for p in predict(case)]
        labels = case["expected"]
        if dates:
            in_scope = [p for p in preds if p.date_family]
            pairs, used = match(labels, in_scope, lambda lab, p: True)
            overlap.tp += sum(1 for x in pairs if x is not None)
            overlap.fn += sum(1 for x in pairs if x is None)
            overlap.fp += len(in_scope) - len(used)
            for lab, j in zip(labels, pairs):
                if j is None:
                    continue
                agree = resolved_agrees(lab.get("resolved"), in_scope[j])
                if agree is None:
                    continue
                resolved_all += 1
                resolved_ok += bool(agree)

            def ok(lab: dict[str, Any], p: Pred) -> bool:
                a = resolved_agrees(lab.get("resolved"), p)
                return a is None or a

            vpairs, vused = match(labels, in_scope, ok)
            fp_preds = [p for j, p in enumerate(in_scope) if j not in vused]
        else:
            in_scope = [p for p in preds if p.kind in scope]
            vpairs, vused = match(labels, in_scope, value_agrees)
            fp_preds = [p for j, p in enumerate(in_scope) if j not in vused]
        for lab, j in zip(labels, vpairs):
            k = value.kinds[lab["kind"]]
            if j is None:
                value.fn += 1
                k[2] += 1
            else:
                value.tp += 1
                k[0] += 1
        for p in fp_preds:
            value.fp += 1
            value.kinds[p.kind][1] += 1
    out: dict[str, Any] = {"value": value}
    if dates:
        out["overlap"] = overlap
        out["resolved"] = resolved_ok / resolved_all if resolved_all else 0.0
        out["resolved_n"] = (resolved_ok, resolved_all)
    return out


def ours(case: dict[str, Any]) -> list[Pred]:
    ref = case.get("reference_date")
    pub = dt.date.fromisoformat(ref) if ref else None
    scope = set(case["scope"])
    return [map_figure(f, scope) for f in extract(case["text"], pub)]


def quantulum_predictor() -> Callable[[dict[str, Any]], list[Pred]] | None:
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser  # type: ignore[import-not-found]
    except Exception:
        return None

    def predict(case: dict[str, Any]) -> list[Pred]:
        scope = set(case["scope"])
        try:
            found = parser.parse(case["text"])
        except Exception:
            return []
        preds = []
        for q in found:
            entity = getattr(q.unit.entity, "name", "")
            name = getattr(q.unit, "name", "")
            if name == "percentage":
                kind = "percent"
            elif entity == "currency":
                kind = "money"
            elif entity == "dimensionless":
                kind = "number"
            elif entity == "time":
                kind = "duration"
            else:
                kind = "quantity"
            value = float(q.value) if q.value is not None else None
            seconds = None
            if kind == "duration" and value is not None:
                per = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}
                seconds = value * per.get(name, 0) if name in per else None
            if kind not in scope and "number" in scope and kind != "number":
                kind = "number"
            preds.append(Pred(q.span[0], q.span[1], kind, value, seconds=seconds, date_family=kind == "duration"))
        return preds

    return predict


def fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main() -> int:
    root = eval_dir()
    if not root.is_dir() or not any(root.glob("*.jsonl")):
        print(f"figures_eval: no labelled cases at {root}; nothing to measure (set TEARSHEET_EVAL_DIR to point elsewhere).")
        return 0
    suites = {name: load(root / f"{name}.jsonl") for name in SUITES if (root / f"{name}.jsonl").exists()}
    q3 = quantulum_predictor()
    print(f"figures_eval: {sum(len(c) for c in suites.values())} cases from {root}")
    if q3 is None:
        print("quantulum3 is not installed: its columns are left out (pip install quantulum3)")
    print()
    print(f"{'suite / kind':34} {'P':>6} {'R':>6} {'F1':>6} | {'q3 P':>6} {'q3 R':>6} {'q3 F1':>6} | target")
    print("-" * 90)
    for name, cases in suites.items():
        dates = name == "rt_datetime"
        mine = score_suite(cases, ours, dates)
        theirs = score_suite(cases, q3, dates) if q3 else None
        p, r, f = mine["value"].prf()
        qp = qr = qf = None
        if theirs:
            qp, qr, qf = theirs["value"].prf()
        target = ""
        if name in TARGETS:
            rt, q = TARGETS[name]
            target = f"F1 > {rt:.2f} (Recognizers-Text)" + (f", > {q:.2f} (quantulum3)" if q else "")
            target += "  " + ("met" if f > rt and (q is None or f > q) else "NOT met")
        label = f"{name} ({len(cases)} cases), value"
        print(f"{label:34} {fmt(p)} {fmt(r)} {fmt(f)} | {fmt(qp)} {fmt(qr)} {fmt(qf)} | {target}")
        kinds = sorted(set(mine["value"].kinds) | (set(theirs["value"].kinds) if theirs else set()))
        for k in kinds:
            tp, fp, fn = mine["value"].kinds.get(k, [0, 0, 0])
            kp, kr, kf = prf(tp, fp, fn)
            qk = prf(*theirs["value"].kinds.get(k, [0, 0, 0])) if theirs else (None, None, None)
            print(f"{'  ' + k + f' ({tp + fn} labelled)':34} {fmt(kp)} {fmt(kr)} {fmt(kf)} | {fmt(qk[0])} {fmt(qk[1])} {fmt(qk[2])} |")
        if dates:
            op, orr, of = mine["overlap"].prf()
            qo = theirs["overlap"].prf() if theirs else (None, None, None)
            ok, n = mine["resolved_n"]
            met = "met" if of > DATE_TARGETS["overlap_f1"] else "NOT met"
            print(f"{'  overlap (any date kind)':34} {fmt(op)} {fmt(orr)} {fmt(of)} | {fmt(qo[0])} {fmt(qo[1])} {fmt(qo[2])} | F1 > {DATE_TARGETS['overlap_f1']:.2f}  {met}")
            met = "met" if mine["resolved"] > DATE_TARGETS["resolved"] else "NOT met"
            qres = fmt(theirs["resolved"]) if theirs else fmt(None)
            print(f"{'  resolved correctly (of overlapped)':34} {'':6} {'':6} {fmt(mine['resolved'])} | {'':6} {'':6} {qres} | > {DATE_TARGETS['resolved']:.2f}  {met}  ({ok}/{n})")
        print()
    texts = [c["text"] for cases in suites.values() for c in cases]
    pubs = [dt.date.fromisoformat(c["reference_date"]) if c.get("reference_date") else None for cases in suites.values() for c in cases]
    pairs = list(zip(texts, pubs))

    def ours_once() -> float:
        t0 = time.perf_counter()
        for t, pub in pairs:
            extract(t, pub)
        return time.perf_counter() - t0

    q3parse: Callable[[str], object] | None = None
    if q3:
        from quantulum3 import parser  # type: ignore[import-not-found]

        def q3parse(t: str) -> object:
            try:
                return parser.parse(t)
            except Exception:
                return None

    best_ours = best_q3 = float("inf")
    for _ in range(ROUNDS):
        best_ours = min(best_ours, ours_once())
        if q3parse is not None:
            t0 = time.perf_counter()
            for t in texts:
                q3parse(t)
            best_q3 = min(best_q3, time.perf_counter() - t0)
    speed = len(pairs) / best_ours
    line = f"speed: tearsheet {speed:,.0f} sentences/s (target >= {SPEED_TARGET:,.0f})"
    if q3parse is not None:
        qspeed = len(texts) / best_q3
        ratio = speed / qspeed
        line += f"; quantulum3 {qspeed:,.0f} sentences/s; ratio {ratio:.1f}x (target >= {SPEED_RATIO_TARGET:.0f}x) "
        line += "met" if speed >= SPEED_TARGET and ratio >= SPEED_RATIO_TARGET else "NOT met"
    else:
        line += " " + ("met" if speed >= SPEED_TARGET else "NOT met")
    print(line)
    print(f"({len(texts)} sentences, one thread, best of {ROUNDS} interleaved rounds; Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
