"""Shared by the build tests: a small corpus in a temporary folder and store comparison."""
from __future__ import annotations

import shutil
from pathlib import Path

from pyoxigraph import Store

ARTICLES = Path(__file__).resolve().parent / "articles"
# A handful of pages of different kinds: plain text, HTML, JSON Lines (two articles).
SAMPLE = ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt", "t13_tasnim_yasuj.html", "t14_t15_batch.jsonl"]

# An invented article with facts of every kind: a person and his post, quotes, figures, places,
# organisations, programs, an event; agency ایسنا, news id ۹۹۰۴۱۲۷.
INVENTED = """ایسنا - کد خبر: ۹۹۰۴۱۲۷
۱۲ مهر ۱۴۰۲ - ۱۰:۳۰

راه‌اندازی مرکز نگهداری کودکان کار در زنجان

به گزارش ایسنا، کامران نیک‌پور مدیرکل بهزیستی استان زنجان امروز در نشست خبری گفت: از ابتدای امسال ۳۴۰ کودک کار و خیابانی در این استان شناسایی شده‌اند.

وی افزود: «طرح ساماندهی کودکان خیابانی با همکاری شهرداری زنجان در ابهر و خرمدره نیز اجرا می‌شود.»

نیک‌پور با اشاره به تماس‌های اورژانس اجتماعی ۱۲۳ اظهار کرد: در شش ماه نخست امسال بیش از ۲ هزار و ۱۵۰ تماس با این خط ثبت شده است.

انتهای پیام
"""


def corpus(folder: Path, names=SAMPLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def quads(store_path) -> set:
    store = Store.read_only(str(store_path))
    try:
        return set(store)
    finally:
        del store


def graphs(store_path) -> set[str]:
    store = Store.read_only(str(store_path))
    return {g.value for g in store.named_graphs()}
