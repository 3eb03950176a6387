"""Synthetic Persian welfare-news pages for benchmarks, from templates and the gazetteers.

Every page is invented: officials are drawn from ``builder/data/given_names.txt``
and made-up surnames, posts from role templates over the provinces, cities
and organisations of the gazetteer (``builder.text.gazetteer``), figures are random
and written in Persian or Latin digits, with thousands separators or in words
(«دو هزار و ۳۰۰»), approximations («حدود», «بیش از»), percentages and money.
The pages carry the furniture of real news sites: menus, a date line in one of
several Jalali formats, a news id, related headlines (with their own figures
and places), tags, comment rules, most-viewed lists and a copyright line.  About
one page in ten is HTML (with ``<meta>`` tags) and one in twenty is a line of a
JSON Lines file; the rest are ``.txt`` pages.

Article ``i`` depends only on ``(seed, i)``, so a corpus of N articles is the
first N of any larger one, and :func:`variant` makes a changed version of a
page (for incremental-build benchmarks).

    python -m benchmarks.generate OUT_DIR --articles 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from builder.text import gazetteer

DATA = gazetteer.DATA  # builder/data

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
WEEKDAYS = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]
SURNAME_STEMS = ["احمد", "محمد", "حسین", "رضا", "کریم", "رحیم", "صادق", "جعفر", "قاسم", "عباس", "نوروز", "بهرام",
                 "فرهاد", "امیر", "شریف", "نصیر", "یزدان", "کاظم", "مهدی", "اکبر", "حیدر", "منصور", "سلیم", "نادر",
                 "غلام", "طاهر", "یوسف", "ابراهیم", "اسماعیل", "مظفر", "بهمن", "شهاب", "فتح", "نجف", "ولی", "خلیل"]
SURNAME_SUFFIXES = ["زاده", "پور", "نژاد", "نیا", "فر", "راد", "کیا", "پناه", "وند", "لو", "نسب", "منش", "دوست", "خانی", "بیگی", "تبار"]
SECOND_WORDS = ["مقدم", "اقدم", "اصل", "صدر", "تبار", "منش"]
VERBS = ["گفت", "اظهار کرد", "افزود", "تصریح کرد", "بیان کرد", "خاطرنشان کرد", "ادامه داد", "یادآور شد", "اعلام کرد"]
APPROX = ["", "", "", "حدود ", "بیش از ", "نزدیک به ", "قریب به ", "کمتر از ", "بالغ بر "]
MENU = ["صفحه نخست", "سیاسی", "اقتصادی", "اجتماعی", "فرهنگی", "استان‌ها", "ورزشی", "بین‌الملل", "English", "العربیة"]
CHARITIES = ["نیک‌اندیشان", "مهرآفرین", "امید فردا", "همیاران کودک", "دست‌های مهربان", "نسیم مهر"]
EVENTS = [
    "در نشست ستاد ساماندهی کودکان کار و خیابانی استان",
    "در جلسه شورای هماهنگی مدیران بهزیستی",
    "در آیین افتتاح خانه کودک {city}",
    "در نشست خبری با اصحاب رسانه",
    "در بازدید از مرکز مثبت زندگی {city}",
    "به مناسبت روز جهانی مبارزه با کار کودک",
    "در نشست شورای اجتماعی شهرستان {city}",
    "در حاشیه همایش تجلیل از خیرین حوزه توانبخشی",
]
PROGRAMS = [
    "طرح ساماندهی کودکان کار و خیابانی", "طرح توانمندسازی زنان سرپرست خانوار", "طرح غربالگری اوتیسم",
    "خانه کودک {city}", "مرکز مثبت زندگی {city}", "طرح ملی پیشگیری از آسیب‌های اجتماعی",
    "طرح اورژانس اجتماعی سیار", "مرکز روزانه کودکان کار {city}", "طرح حمایت از کودکان بازمانده از تحصیل",
]
# What a figure counts, by kind; the sentence templates ask for a kind that fits their verb.
SUBJECTS = {
    "people": ["کودک کار و خیابانی", "کودک بازمانده از تحصیل", "زن سرپرست خانوار", "مددجوی تحت پوشش",
               "سالمند نیازمند مراقبت", "فرد دارای معلولیت", "خانواده نیازمند", "کودک کار"],
    "calls": ["تماس", "تماس تلفنی"],
    "cases": ["مورد کودک‌آزاری", "مورد همسرآزاری", "مورد اقدام به خودکشی"],
    "centres": ["مرکز روزانه", "مرکز شبانه‌روزی", "تیم سیار اورژانس اجتماعی", "خانه کودک"],
    "money": ["میلیارد ریال", "میلیارد تومان", "میلیون ریال"],
    "percent": ["درصد"],
}
PERIODS = ["از ابتدای امسال", "در هفت ماه نخست امسال", "در سال گذشته", "طی شش ماه گذشته", "از ابتدای فروردین تا پایان مهر",
           "در سه ماهه نخست سال", ""]
COMMENT_RULES = [
    "نظرات حاوی توهین و افترا منتشر نمی‌شود.",
    "نظرات به زبان غیر فارسی یا با حروف لاتین منتشر نمی‌شود.",
    "نظرات پس از بررسی توسط سردبیر منتشر خواهد شد.",
]
ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده",
        "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
HUNDREDS = ["", "یکصد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]


@dataclass(frozen=True)
class Page:
    """One synthetic article: where it goes and what it says."""

    index: int
    kind: str  # txt | html | jsonl
    stem: str
    text: str  # the page (txt), the document (html) or the JSON line's text (jsonl)
    fields: dict  # JSON Lines fields besides text


# --- the gazetteer, read once ----------------------------------------------------

class _Tables:
    def __init__(self):
        places = gazetteer.places()
        self.provinces = [p for p in places if p.kind == "province"]
        cities: dict[str, list] = {}
        for p in places:
            if p.kind == "city" and p.province:
                cities.setdefault(p.province, []).append(p)
        self.cities = cities
        self.agencies = gazetteer.agencies()
        self.orgs = [o for o in gazetteer.organizations() if o.kind in ("government_agency", "ngo", "charity_foundation", "council")]
        with open(DATA / "given_names.txt", encoding="utf-8") as f:
            self.given = [s.strip() for s in f if s.strip() and not s.startswith("#")]


_TABLES: _Tables | None = None


def tables() -> _Tables:
    global _TABLES
    if _TABLES is None:
        _TABLES = _Tables()
    return _TABLES


# --- numbers -------------------------------------------------------------------

def words_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(HUNDREDS[n // 100])
        n %= 100
    if n >= 20:
        parts.append(TENS[n // 10])
        n %= 10
    if n:
        parts.append(ONES[n])
    return " و ".join(parts)


def in_words(n: int, r: random.Random) -> str:
    """«دو هزار و ۳۰۰», «سه هزار», «یکصد و ۸۰»: words, or words for the thousands and digits for the rest."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        head_text = words_below_1000(head) if head < 1000 else digits(head, r)
        if not rest:
            return f"{head_text} هزار"
        tail = digits(rest, r) if r.random() < 0.7 else words_below_1000(rest)
        return f"{head_text} هزار و {tail}"
    return words_below_1000(n) or "صفر"


def digits(n: int | float, r: random.Random) -> str:
    if isinstance(n, float):
        text = f"{n:.1f}".replace(".", r.choice([".", "/", "٫"]))
    elif n >= 1000 and r.random() < 0.3:
        text = f"{n:,}".replace(",", r.choice([",", "٬"]))
    else:
        text = str(n)
    return text if r.random() < 0.1 else text.translate(PERSIAN_DIGITS)


def figure(r: random.Random, kind: str = "people") -> str:
    """A figure with its approximation and what it counts, e.g. «حدود دو هزار و ۳۰۰ کودک کار و خیابانی»."""
    subject = r.choice(SUBJECTS[kind])
    approx = r.choice(APPROX)
    if kind == "percent":
        value = round(r.uniform(3, 85), 1) if r.random() < 0.3 else r.randint(3, 85)
        return f"{approx}{digits(value, r)} {subject}"
    if kind == "money":
        value = r.choice([r.randint(2, 950), r.randint(1, 9) * 100])
    elif kind == "centres":
        value = r.randint(2, 60)
    else:
        value = r.choice([r.randint(3, 99), r.randint(100, 999), r.randint(1000, 40000), r.randint(1, 30) * 100])
    number = in_words(value, r) if r.random() < 0.35 else digits(value, r)
    return f"{approx}{number} {subject}"


# --- people and posts ------------------------------------------------------------

def surname(r: random.Random) -> str:
    stem = r.choice(SURNAME_STEMS)
    roll = r.random()
    if roll < 0.35:
        name = stem + ("ی" if not stem.endswith(("ی", "ا")) else "یی")
    else:
        name = stem + r.choice(["\u200c", " ", ""]) + r.choice(SURNAME_SUFFIXES)
    if r.random() < 0.12:
        name += " " + r.choice(SECOND_WORDS)
    return name


def person(r: random.Random) -> tuple[str, str]:
    """(full name, surname)."""
    last = surname(r)
    return f"{r.choice(tables().given)} {last}", last


def post(r: random.Random, province, city) -> str:
    p, c = province.name, city.name
    return r.choice([
        f"مدیرکل بهزیستی استان {p}", f"مدیرکل بهزیستی {p}", f"معاون امور اجتماعی بهزیستی استان {p}",
        f"معاون پیشگیری بهزیستی {p}", f"رئیس اداره بهزیستی شهرستان {c}", f"مدیرکل کمیته امداد امام خمینی (ره) استان {p}",
        f"معاون سیاسی، امنیتی و اجتماعی استاندار {p}", f"فرماندار {c}", f"شهردار {c}",
        f"مدیرکل آموزش و پرورش استان {p}", f"رئیس کل دادگستری استان {p}", f"دادستان عمومی و انقلاب {c}",
        f"مدیرکل تعاون، کار و رفاه اجتماعی استان {p}", f"رئیس مرکز اورژانس اجتماعی بهزیستی {p}",
        f"مدیرعامل موسسه خیریه {r.choice(CHARITIES)} {c}", f"نماینده مردم {c} در مجلس شورای اسلامی",
        "معاون امور اجتماعی سازمان بهزیستی کشور", "رئیس سازمان بهزیستی کشور",
        "معاون رفاه اجتماعی وزارت تعاون، کار و رفاه اجتماعی",
    ])


# --- a page --------------------------------------------------------------------------

def jalali(r: random.Random) -> tuple[int, int, int, int, int]:
    return r.randint(1399, 1403), r.randint(1, 12), r.randint(1, 29), r.randint(7, 21), r.randint(0, 59)


def date_line(r: random.Random, y, m, d, hh, mm) -> str:
    fa = lambda s: str(s).translate(PERSIAN_DIGITS)  # noqa: E731
    return r.choice([
        f"{fa(y)}/{fa(f'{m:02}')}/{fa(f'{d:02}')} - {fa(f'{hh:02}')}:{fa(f'{mm:02}')}",
        f"{r.choice(WEEKDAYS)} {fa(d)} {MONTHS[m - 1]} {fa(y)} - {fa(f'{hh:02}')}:{fa(f'{mm:02}')}",
        f"تاریخ انتشار: {fa(d)} {MONTHS[m - 1]} {fa(y)}",
        f"{fa(d)} {MONTHS[m - 1]} {fa(y)}، {fa(hh)}:{fa(f'{mm:02}')}",
        f"{r.choice(WEEKDAYS)} {d} {MONTHS[m - 1]} {y} - {hh:02}:{mm:02}",
    ])


def sentence(r: random.Random, province, city, cities) -> str:
    """A sentence of an official's statement: figures, places, programs."""
    other = r.choice(cities)
    program = r.choice(PROGRAMS).format(city=city.name)
    period = r.choice(PERIODS)
    f = lambda kind: figure(r, kind)  # noqa: E731
    return " ".join(r.choice([
        f"{period} {f('people')} در استان {province.name} شناسایی شده‌اند که {f('people')} از آنان در {other.name} هستند",
        f"با اجرای {program} {f('people')} تحت پوشش قرار گرفتند",
        f"{f('people')} در شهرستان‌های {city.name} و {other.name} ساماندهی شدند و {f('people')} به خانواده بازگشتند",
        f"برای اجرای {program} {f('money')} اعتبار پیش‌بینی شده است",
        f"{period} {f('calls')} با خط ۱۲۳ اورژانس اجتماعی برقرار شد که {f('percent')} آن به اعزام تیم سیار منجر شد",
        f"هم‌اکنون {f('centres')} در {city.name} فعال است و {f('people')} از خدمات آن بهره‌مند می‌شوند",
        f"{f('percent')} کودکان شناسایی‌شده در {other.name} اتباع غیرایرانی هستند",
        f"{period} {f('cases')} در استان {province.name} به مراجع قضایی گزارش شد",
        "شهروندان در صورت مشاهده کودکان در معرض آسیب می‌توانند با شماره ۱۲۳ تماس بگیرند",
        f"همکاری دستگاه‌های اجرایی و خیرین در {program} ضروری است",
    ]).split()) + "."


def lead_clause(r: random.Random, province, city) -> str:
    program = r.choice(PROGRAMS).format(city=city.name)
    return r.choice([f"شناسایی {figure(r, 'people')} در استان {province.name}", f"ساماندهی {figure(r, 'people')} در {city.name}",
                     f"اختصاص {figure(r, 'money')} به {program}", f"راه‌اندازی {figure(r, 'centres')} در {city.name}"])


def headline(r: random.Random) -> str:
    t = tables()
    province = r.choice(t.provinces)
    city = r.choice(t.cities.get(province.key) or [province])
    f = figure(r)
    return r.choice([
        f"{f} در {city.name} ساماندهی شدند",
        f"افتتاح {r.choice(PROGRAMS).format(city=city.name)}",
        f"مدیرکل بهزیستی {province.name}: {f} شناسایی شدند",
        f"اجرای {r.choice(PROGRAMS).format(city=city.name)} در استان {province.name}",
    ])


def page(i: int, seed: int = 7) -> Page:
    """Article ``i`` of the corpus ``seed``."""
    r = random.Random(seed * 1_000_003 + i)
    t = tables()
    province = r.choice(t.provinces)
    cities = t.cities.get(province.key) or [province]
    city = r.choice(cities)
    agency = r.choice(t.agencies)
    news_id = str(r.randint(10**6, 10**9))
    y, m, d, hh, mm = jalali(r)
    officials = [(person(r), post(r, province, city)) for _ in range(r.randint(1, 3))]
    (name, last), role = officials[0]
    f_title = figure(r)
    title = r.choice([f"شناسایی {f_title} در {province.name}", f"{f_title} در {city.name} تحت پوشش قرار گرفتند",
                      f"{role}: {f_title} شناسایی شدند", f"اجرای {r.choice(PROGRAMS).format(city=city.name)} در {province.name}"])
    event = r.choice(EVENTS).format(city=city.name)
    weekday = r.choice(WEEKDAYS)

    body = []
    lead_first = r.random() < 0.5
    if lead_first:
        body.append(f"{role} از {lead_clause(r, province, city)} خبر داد.")
    opener = r.choice([f"به گزارش {agency.name} از {city.name}", f"به گزارش خبرنگار {agency.name}", f"{agency.name}/{province.name}"])
    name_first = r.random() < 0.6
    speaker = f"{name} {role}" if name_first else f"{role}، {name}"
    body.append(f"{opener}، {speaker} روز {weekday} {event} {r.choice(VERBS)}: {sentence(r, province, city, cities)}")
    for _ in range(r.randint(2, 5)):
        who = r.choice(["وی", last, role, "وی"])
        body.append(f"{who} {r.choice(VERBS)}: {sentence(r, province, city, cities)} {sentence(r, province, city, cities)}")
    for (other, other_last), other_role in officials[1:]:
        body.append(f"در ادامه این نشست {other} {other_role} نیز {r.choice(VERBS)}: {sentence(r, province, city, cities)}")
    body.append(f"{role} در پایان با اشاره به {r.choice(PROGRAMS).format(city=city.name)} {r.choice(VERBS)}: "
                f"{sentence(r, province, city, cities)}")

    related = [headline(r) for _ in range(r.randint(2, 4))]
    header = [f"{agency.name} - {agency.english}", *r.sample(MENU, r.randint(4, len(MENU)))]
    meta = [date_line(r, y, m, d, hh, mm), r.choice([f"کد خبر: {news_id}", f"شناسه خبر: {news_id}", f"کد مطلب: {news_id}", f"کد خبر {news_id}"]),
            f"استان‌ها > {province.name}"]
    footer = ["انتهای پیام", "", "اخبار مرتبط", *related, "", "برچسب‌ها", *r.sample(["کودکان کار", "بهزیستی", "اورژانس اجتماعی",
              "زنان سرپرست خانوار", "آسیب‌های اجتماعی", province.name], 3), "", "ارسال نظر", *r.sample(COMMENT_RULES, 2), "",
              f"کلیه حقوق این سایت متعلق به {agency.english} است."]
    stem = f"a{i:07d}_{agency.key}"
    roll = r.random()
    if roll < 0.05:
        fields = {"id": stem, "url": f"https://www.{agency.site or 'example.ir'}/news/{news_id}/",
                  "agency": agency.name, "title": title}
        return Page(i, "jsonl", stem, "\n\n".join([f"کد خبر : {news_id}", *body]), fields)
    if roll < 0.15:
        return Page(i, "html", stem, _html(agency, title, header, meta, body, footer, y, m, d), {})
    text = "\n".join(header + meta) + "\n\n" + title + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(footer) + "\n"
    return Page(i, "txt", stem, text, {})


def _html(agency, title, header, meta, body, footer, y, m, d) -> str:
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    nav = "".join(f"<li>{esc(h)}</li>" for h in header[1:])
    paras = "".join(f"<p>{esc(p)}</p>" for p in body)
    aside = "".join(f"<li>{esc(h)}</li>" for h in footer if h)
    return (
        f'<!DOCTYPE html>\n<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{esc(title)} - {esc(agency.name)}</title>'
        f'<meta property="og:title" content="{esc(title)}"><style>.x{{color:red}}</style>'
        f'<script>var t = "{esc(agency.name)}";</script></head><body><header><h1>{esc(header[0])}</h1><nav><ul>{nav}</ul></nav></header>'
        f'<article><div class="meta">{esc(meta[0])} | {esc(meta[1])}</div><h2>{esc(title)}</h2>{paras}</article>'
        f"<aside><ul>{aside}</ul></aside><footer>{esc(footer[-1])}</footer></body></html>\n"
    )


def variant(p: Page, n: int = 1) -> Page:
    """The same page with one more sentence (a correction, an update): changed content, same article."""
    extra = f"\n\nمدیرکل بهزیستی استان در پایان افزود: {in_words(100 + n, random.Random(n))} کودک دیگر نیز پذیرش شدند.\n"
    if p.kind == "html":
        return Page(p.index, p.kind, p.stem, p.text.replace("</article>", f"<p>{extra.strip()}</p></article>"), p.fields)
    return Page(p.index, p.kind, p.stem, p.text + extra, p.fields)


# --- a corpus on disk -------------------------------------------------------------------

JSONL_LINES = 50  # JSON Lines pages are grouped this many to a file


def write(out: str | os.PathLike, n: int, seed: int = 7, start: int = 0) -> int:
    """Write articles ``start .. start+n-1`` under ``out`` (1000 to a folder); return how many."""
    out = Path(out)
    jsonl: dict[Path, list[str]] = {}
    for i in range(start, start + n):
        p = page(i, seed)
        folder = out / f"{i // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        if p.kind == "jsonl":
            jsonl.setdefault(folder / f"batch_{i // JSONL_LINES:05d}.jsonl", []).append(
                json.dumps({**p.fields, "text": p.text}, ensure_ascii=False))
        else:
            (folder / f"{p.stem}.{p.kind}").write_text(p.text, encoding="utf-8")
    for path, lines in jsonl.items():
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return n


def page_path(out: str | os.PathLike, p: Page) -> Path | None:
    """Where :func:`write` put page ``p`` (None for a JSON line)."""
    if p.kind == "jsonl":
        return None
    return Path(out) / f"{p.index // 1000:04d}" / f"{p.stem}.{p.kind}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    n = write(a.out, a.articles, a.seed)
    print(f"wrote {n} articles to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
