#!/usr/bin/env python3
"""(Vendored from ../shared/eval/score.py, unchanged below this line, so CI scores without shared/.)
Score extracted facts against gold annotations (facts JSON, see README.md beside this file).

    python score.py --gold GOLD_DIR --pred PRED_DIR [--json] [--verbose]

Each GOLD_DIR/<stem>.json is compared with PRED_DIR/<stem>.json (a missing prediction
counts as empty). Matching is lenient about Persian spelling: Arabic/Persian letter
variants, zero-width non-joiners, spaces, diacritics and digit scripts are ignored.
Gold items marked "optional": true are not missed when absent, and count when found.
Prints per-type precision/recall/F1 and the micro-averaged F1 over all types.
Stdlib only.
"""
import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

_TRANS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
    "ؤ": "و", "ـ": None, "\u200c": " ", "\u200d": None, "\u200e": None, "\u200f": None,
    "،": " ", "؛": " ", ",": " ", ".": " ", ":": " ", "«": " ", "»": " ", "(": " ", ")": " ",
    "-": " ", "/": " ", "\"": " ", "'": " ",
})
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_STOP = {"و", "از", "در", "به", "با", "را", "که", "این", "آن", "های", "ها", "ی", "استان", "کل", "اداره"}


def tokens(s):
    if not s:
        return []
    s = unicodedata.normalize("NFKC", str(s)).translate(_TRANS).translate(_DIGITS)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return [t for t in re.split(r"\s+", s.strip()) if t]


def key(s):
    """Spelling-insensitive key: tokens glued together (so ZWNJ/space variants agree)."""
    return "".join(tokens(s))


def token_f1(a, b):
    """Token overlap F1 between two strings; tokens are compared glued across ZWNJ/space splits."""
    ta = [t for t in tokens(a) if t not in _STOP] or tokens(a)
    tb = [t for t in tokens(b) if t not in _STOP] or tokens(b)
    if not ta or not tb:
        return 0.0
    # compare on suffix-stripped tokens so "آسیب‌های" ~ "آسیبهای" ~ "آسیب"
    def stem(t):
        for suf in ("های", "ها", "ان", "ات", "ی"):
            if len(t) > len(suf) + 2 and t.endswith(suf):
                return t[: -len(suf)]
        return t
    sa, sb = [stem(t) for t in ta], [stem(t) for t in tb]
    common = 0
    pool = list(sb)
    for t in sa:
        if t in pool:
            pool.remove(t)
            common += 1
    if common == 0:
        # glued comparison catches "بدسرپرست" vs "بد سرپرست"
        ka, kb = "".join(sa), "".join(sb)
        if ka and kb and (ka in kb or kb in ka):
            return min(len(ka), len(kb)) / max(len(ka), len(kb))
        return 0.0
    p, r = common / len(sa), common / len(sb)
    return 2 * p * r / (p + r)


def as_items(lst):
    out = []
    for x in lst or []:
        if isinstance(x, str):
            out.append({"name": x})
        elif isinstance(x, dict):
            out.append(x)
    return out


def name_match(g, p):
    return key(g) == key(p) and key(g) != ""


def place_key(s):
    k = key(s)
    for pre in ("استان", "شهر"):
        if k.startswith(pre) and len(k) > len(pre) + 1:
            k = k[len(pre):]
    return k


def match(gold, pred, same):
    """Greedy one-to-one matching. Returns (tp, fn, fp, pairs)."""
    used = set()
    pairs = []
    tp = fn = 0
    for g in gold:
        hit = None
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                hit = i
                break
        if hit is None:
            if not g.get("optional"):
                fn += 1
        else:
            used.add(hit)
            tp += 1
            pairs.append((g, pred[hit]))
    fp = len(pred) - len(used)
    return tp, fn, fp, pairs


def score_article(gold, pred):
    res = {}
    ga, pa = gold.get("article", {}), pred.get("article", {}) or {}
    art = [0, 0, 0]
    for f, same in (("published", lambda a, b: str(a)[:10] == str(b)[:10]),
                    ("news_id", lambda a, b: key(a) == key(b)),
                    ("agency", lambda a, b: token_f1(a, b) >= 0.5),
                    ("title", lambda a, b: key(a) == key(b) or token_f1(a, b) >= 0.9)):
        if ga.get(f) is None:
            if pa.get(f) not in (None, ""):
                art[2] += 1  # claimed something the gold says is not stated
            continue
        if pa.get(f) in (None, ""):
            art[1] += 1
        elif same(ga[f], pa[f]):
            art[0] += 1
        else:
            art[1] += 1
            art[2] += 1
    res["article"] = tuple(art)

    gp, pp = as_items(gold.get("persons")), as_items(pred.get("persons"))
    tp, fn, fp, pairs = match(gp, pp, lambda g, p: name_match(g["name"], p.get("name", "")))
    res["persons"] = (tp, fn, fp)
    rtp = rfn = rfp = 0
    for g, p in pairs:
        groles = [{"name": r} for r in g.get("roles", [])]
        proles = [{"name": r} for r in p.get("roles", []) or []]
        a, b, c, _ = match(groles, proles, lambda x, y: token_f1(x["name"], y["name"]) >= 0.6)
        rtp, rfn, rfp = rtp + a, rfn + b, rfp + c
    for g in gp:  # roles of missed persons are missed too
        if not any(g is x for x, _ in pairs) and not g.get("optional"):
            rfn += len(g.get("roles", []))
    res["roles"] = (rtp, rfn, rfp)

    res["organizations"] = match(as_items(gold.get("organizations")), as_items(pred.get("organizations")),
                                 lambda g, p: token_f1(g["name"], p.get("name", "")) >= 0.6)[:3]
    res["places"] = match(as_items(gold.get("places")), as_items(pred.get("places")),
                          lambda g, p: place_key(g["name"]) == place_key(p.get("name", "")))[:3]
    tp, fn, fp, pairs = match(as_items(gold.get("programs")), as_items(pred.get("programs")),
                              lambda g, p: token_f1(g["name"], p.get("name", "")) >= 0.5)
    res["programs"] = (tp, fn, fp)
    ltp = lfn = 0
    for g, p in pairs:
        gpl = {place_key(x) for x in g.get("places", [])}
        ppl = {place_key(x) for x in p.get("places", []) or []}
        ltp += len(gpl & ppl)
        lfn += len(gpl - ppl)
    for g in as_items(gold.get("programs")):
        if not any(g is x for x, _ in pairs) and not g.get("optional"):
            lfn += len(g.get("places", []))
    res["program_places"] = (ltp, lfn, 0)

    def stat_same(g, p):
        try:
            if float(p.get("value")) != float(g["value"]):
                return False
        except (TypeError, ValueError):
            return False
        return token_f1(g.get("unit_or_subject", ""), p.get("unit_or_subject", "")) >= 0.3
    gs, ps = as_items(gold.get("statistics")), as_items(pred.get("statistics"))
    tp, fn, fp, pairs = match(gs, ps, stat_same)
    res["statistics"] = (tp, fn, fp)
    att = [0, 0, 0]
    for g, p in pairs:
        for f, same in (("approx", lambda a, b: a == b), ("place", lambda a, b: place_key(a) == place_key(b))):
            if g.get(f) is None:
                continue
            if p.get(f) is not None and same(g[f], p[f]):
                att[0] += 1
            else:
                att[1] += 1
    res["statistic_attributes"] = tuple(att)

    res["quotes"] = match(as_items(gold.get("quotes")), as_items(pred.get("quotes")),
                          lambda g, p: name_match(g["speaker"], p.get("speaker", "") or "")
                          and key(g["verb"]) == key(p.get("verb", "") or ""))[:3]
    return res


def prf(tp, fn, fp):
    p = tp / (tp + fp) if tp + fp else (1.0 if tp + fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--verbose", action="store_true", help="per-article counts")
    a = ap.parse_args(argv)
    totals = {}
    golds = sorted(Path(a.gold).glob("*.json"))
    if not golds:
        print(f"no gold files in {a.gold}", file=sys.stderr)
        return 2
    for gf in golds:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pf = Path(a.pred) / gf.name
        try:
            pred = json.loads(pf.read_text(encoding="utf-8")) if pf.exists() else {}
        except json.JSONDecodeError as e:
            print(f"{pf}: not JSON ({e}); scored as empty", file=sys.stderr)
            pred = {}
        res = score_article(gold, pred)
        if a.verbose:
            print(gf.stem, {k: v for k, v in res.items()})
        for k, v in res.items():
            t = totals.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]
    summary = {}
    all_tp = all_fn = all_fp = 0
    for k, (tp, fn, fp) in totals.items():
        p, r, f = prf(tp, fn, fp)
        summary[k] = {"tp": tp, "fn": fn, "fp": fp, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        all_tp, all_fn, all_fp = all_tp + tp, all_fn + fn, all_fp + fp
    p, r, f = prf(all_tp, all_fn, all_fp)
    summary["micro"] = {"tp": all_tp, "fn": all_fn, "fp": all_fp, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    if a.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{'type':22} {'P':>6} {'R':>6} {'F1':>6}   tp/fn/fp")
        for k, v in summary.items():
            print(f"{k:22} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}   {v['tp']}/{v['fn']}/{v['fp']}")
        print(f"micro F1 {summary['micro']['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
