"""The seed articles (examples/articles) built once per test session into a temporary store.

Shared by the query, serve, export and link tests: ``seed_store_path()``
builds on first use and returns the same directory afterwards; the
directory is removed when the interpreter exits. No store object stays
open here, so a test may open the store read-only or serve it.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from builder.build import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "articles"


@cache
def seed_store_path() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="fakg-seeds-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    store = tmp / "kg"
    report = build([str(SEEDS)], store)
    assert report.articles == 5 and not report.problems, report
    return store
