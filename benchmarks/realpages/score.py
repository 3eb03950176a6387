"""Score fakg on the real pages of the development set and print the per-type table.

    python -m benchmarks.realpages.score [--split dev|holdout|all] [--pred DIR] [--verbose] [--json]

Builds the cached pages of the split (``cache/<id>.txt``) into a temporary store
with this checkout's builder, reads the facts back (``fakg facts``) and scores
them against ``gold/<id>.json`` with the project scorer (``tests/score.py``,
vendored from the evaluation kit).  ``--pred DIR`` scores facts files made
elsewhere instead (for example by an older checkout).  With ``--split all``
(the default) it prints one table per split and checks the targets of the
real-pages issue: micro F1 >= 0.85 on each split, no type below 0.75, article
metadata >= 0.85; exit status 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = HERE / "cache"
GOLD = HERE / "gold"
MANIFEST = HERE / "manifest.jsonl"

TARGETS = {"micro": 0.85, "article": 0.85, "any type": 0.75}
TYPES = ["article", "persons", "roles", "organizations", "places", "programs", "program_places",
         "statistics", "statistic_attributes", "quotes"]


def _scorer():
    """The vendored scorer (tests/score.py), loaded by path: tests/ is not a package."""
    spec = importlib.util.spec_from_file_location("fakg_score", ROOT / "tests" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(split: str = "all", batch: int | None = None) -> list[dict]:
    """The manifest's pages of ``split`` (dev, holdout or all) and ``batch`` (a number, or None: all), in id order."""
    rows = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted((r for r in rows if (split == "all" or r["split"] == split) and batch in (None, r["batch"])),
                  key=lambda r: r["id"])


def missing_pages(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows if not (CACHE / f"{r['id']}.txt").exists()]


def extract(rows: list[dict], out: Path) -> None:
    """Build the cached pages of ``rows`` into a temporary store and write their facts to ``out``."""
    from builder.build import build
    from builder.use.facts import write_facts
    from builder.storage.access import reading

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kg"
        build([str(CACHE / f"{r['id']}.txt") for r in rows], store, workers=1)
        with reading(store) as s:
            write_facts(s, out)


def score(rows: list[dict], pred: Path, verbose: bool = False) -> dict:
    """Per-type (tp, fn, fp) and F1, and micro F1, over ``rows``."""
    scorer = _scorer()
    totals: dict[str, list[int]] = {t: [0, 0, 0] for t in TYPES}
    for r in rows:
        gold = json.loads((GOLD / f"{r['id']}.json").read_text(encoding="utf-8"))
        pf = pred / f"{r['id']}.json"
        got = json.loads(pf.read_text(encoding="utf-8")) if pf.exists() else {}
        result = scorer.score_article(gold, got)
        if verbose:
            print(r["id"], {k: v for k, v in result.items() if v[1] or v[2]})
        for k, v in result.items():
            for i in range(3):
                totals[k][i] += v[i]
    table = {k: {"tp": v[0], "fn": v[1], "fp": v[2], "f1": round(scorer.prf(*v)[2], 3)} for k, v in totals.items()}
    micro = [sum(v[i] for v in totals.values()) for i in range(3)]
    table["micro"] = {"tp": micro[0], "fn": micro[1], "fp": micro[2], "f1": round(scorer.prf(*micro)[2], 3)}
    return table


def misses(table: dict) -> list[str]:
    """The targets a split's table misses, as short phrases."""
    out = []
    if table["micro"]["f1"] < TARGETS["micro"]:
        out.append(f"micro {table['micro']['f1']:.3f} < {TARGETS['micro']}")
    if table["article"]["f1"] < TARGETS["article"]:
        out.append(f"article {table['article']['f1']:.3f} < {TARGETS['article']}")
    for t in TYPES:
        scored = sum(table[t][k] for k in ("tp", "fn", "fp"))
        if scored and table[t]["f1"] < TARGETS["any type"]:
            out.append(f"{t} {table[t]['f1']:.3f} < {TARGETS['any type']}")
    return out


def print_table(name: str, n: int, table: dict) -> None:
    print(f"{name} ({n} pages)")
    print(f"  {'type':22} {'F1':>6}   tp/fn/fp")
    for t in [*TYPES, "micro"]:
        v = table[t]
        print(f"  {t:22} {v['f1']:6.3f}   {v['tp']}/{v['fn']}/{v['fp']}")


def print_batches(rows: list[dict], splits: list[str], pred: Path) -> None:
    """A Markdown row of F1 per type for each batch and split, then each split's total."""
    print("| batch | split | pages | micro | " + " | ".join(TYPES) + " |")
    print("|---" * (len(TYPES) + 4) + "|")
    batches = sorted({r["batch"] for r in rows})
    for b in [*batches, None]:
        for s in splits:
            part = [r for r in rows if r["split"] == s and b in (None, r["batch"])]
            if not part:
                continue
            table = score(part, pred, False)
            cells = " | ".join(f"{table[t]['f1']:.3f}" for t in TYPES)
            print(f"| {b if b is not None else 'all'} | {s} | {len(part)} | **{table['micro']['f1']:.3f}** | {cells} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "holdout", "all"], default="all")
    ap.add_argument("--batch", type=int, help="only the pages collected in this batch (the manifest says which)")
    ap.add_argument("--pred", type=Path, help="score these facts files instead of building the pages")
    ap.add_argument("--verbose", action="store_true", help="per-page counts where something was missed or extra")
    ap.add_argument("--json", action="store_true", help="print the tables as JSON")
    ap.add_argument("--by-batch", action="store_true",
                    help="one row per batch and split (and the totals), as a Markdown table for README")
    a = ap.parse_args(argv)
    rows = pages(a.split, a.batch)
    absent = missing_pages(rows)
    if absent:
        print(f"fakg: {len(absent)} pages are not in {CACHE} ({', '.join(absent[:5])}…); "
              f"fetch them first (see benchmarks/realpages/README.md)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        pred = a.pred or Path(tmp) / "facts"
        if a.pred is None:
            extract(rows, pred)
        splits = ["dev", "holdout"] if a.split == "all" else [a.split]
        if a.by_batch:
            print_batches(rows, splits, pred)
            return 0
        tables = {s: score([r for r in rows if r["split"] == s], pred, a.verbose) for s in splits}
    if a.json:
        print(json.dumps(tables, ensure_ascii=False, indent=1))
    failed = False
    for s, table in tables.items():
        if not a.json:
            print_table(s, sum(r["split"] == s for r in rows), table)
        missed = misses(table)
        failed |= bool(missed)
        if not a.json:
            print("  targets: " + ("met" if not missed else "missed: " + "; ".join(missed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
