"""Dates in the running text of Persian news pages (the page's own stamp: :mod:`builder.read.published`).

:func:`find_dates` finds every date expression in a text so
that figures can carry the period they describe: absolute Jalali, Gregorian
and Hijri dates, month and year intervals, and relative phrases («سال
گذشته», «از ابتدای امسال تاکنون») resolved against the publication date.

All dates are returned as Gregorian :class:`datetime.date` values; the
``calendar`` field says how the text wrote them.  Like :mod:`builder.text.numbers`,
matching runs on a same-length folded copy so offsets slice the caller's
string exactly, and day numbers (digits, «بیست و سوم», «اول») come from
:func:`builder.text.numbers.find_numbers`.

Hijri (qamari) dates use the tabular Islamic calendar; Iran fixes qamari
months by moon sighting, so a converted day is usually right to ±1 day
(occasionally 2).
"""
from __future__ import annotations

import calendar as _gregorian
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import jdatetime

from .numbers import NumberMatch, align_fold, find_numbers

__all__ = ["DateMatch", "TEHRAN", "find_dates"]

TEHRAN = ZoneInfo("Asia/Tehran")

_SP = r"[ \t\u00a0\u200c]"  # spacing inside a phrase (never a line break)
_L = r"(?<![^\W\d_])"  # word start
_R = r"(?![^\W\d_])"  # word end


def _alts(words) -> str:
    """Alternation of folded spellings, longest first; a space may be any spacing or none."""
    return "|".join(re.escape(align_fold(w)).replace(r"\ ", f"{_SP}*")
                    for w in sorted(words, key=len, reverse=True))


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile a pattern written in ordinary spelling («آینده») against folded text («اینده»)."""
    return re.compile(align_fold(pattern), flags)


def _key(s: str) -> str:
    return re.sub(r"[\s\u200c]", "", s).lower()


_JALALI = {"فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
           "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12}
_GREGORIAN = {"ژانویه": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "مه": 5, "می": 5, "ژوئن": 6,
              "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9, "اکتبر": 10,
              "نوامبر": 11, "دسامبر": 12}
_ENGLISH = {m.lower(): i for i, m in enumerate(_gregorian.month_name) if m}
_ENGLISH.update({m.lower(): i for i, m in enumerate(_gregorian.month_abbr) if m})
_HIJRI = {"محرم": 1, "صفر": 2, "ربیع الاول": 3, "ربیع الثانی": 4, "ربیع الآخر": 4,
          "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی الثانی": 6, "جمادی الثانیه": 6,
          "جمادی الآخر": 6, "جمادی الآخره": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
          "ذی القعده": 11, "ذوالقعده": 11, "ذی الحجه": 12, "ذوالحجه": 12}
# the same solar months as Afghan sites name them («سنبله 01, 1399»): also everyday words («میزان»,
# «سرطان», «اسد»), so a month only with its day and a four-digit year
_DARI = {"حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5, "سنبله": 6, "میزان": 7, "عقرب": 8,
         "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12}
_DARI_KEYS = frozenset(_key(align_fold(w)) for w in _DARI)
_MONTHS = {_key(align_fold(w)): ("jalali", m) for w, m in (*_JALALI.items(), *_DARI.items())}
_MONTHS.update({_key(align_fold(w)): ("gregorian", m) for w, m in _GREGORIAN.items()})
_MONTHS.update({w: ("gregorian", m) for w, m in _ENGLISH.items()})
_MONTHS.update({_key(align_fold(w)): ("hijri", m) for w, m in _HIJRI.items()})
_WEAK_MONTHS = {"می", "مه", "may"}  # also Persian words: only a month with a day and a year

_ERA = r"هجری{s}*(?:شمسی|خورشیدی|قمری)|شمسی|خورشیدی|قمری|میلادی|ه\.{s}*[شق]\.?".format(s=_SP)
# a two-digit year only when no word follows: «۲۳ خرداد ۱۲ نفر» is twelve people
_Y2 = rf"[0-9]{{2}}(?![0-9])(?!{_SP}*(?!ساعت|{_ERA}|و(?![^\W\d_]))[^\W\d_])"
_MONTH_RE = _rx(rf"""{_L}(?P<name>{_alts(set(_JALALI) | set(_DARI) | set(_GREGORIAN) | set(_HIJRI))}
    |(?i:{"|".join(sorted(_ENGLISH, key=len, reverse=True))})\.?)
    (?P<mah>{_SP}*ماه)?{_R}""", re.X)
_YEAR_AFTER = _rx(rf"""{_SP}*[,،]?(?:(?<=[^\W\d_])/)?{_SP}*(?:
    (?:سال{_SP}*)?(?P<y>[0-9]{{4}}(?![0-9])|{_Y2})
        (?:{_SP}*\(?(?P<era>{_ERA})\)?)?
   |(?P<rel>امسال|پارسال|سال{_SP}+(?:جاری|گذشته|قبل|پیش|آینده|بعد)){_R})""", re.X)
_YEAR_OFFSET = {align_fold(w): n for w, n in
                {"امسال": 0, "جاری": 0, "پارسال": -1, "گذشته": -1, "قبل": -1, "پیش": -1, "آینده": 1, "بعد": 1}.items()}
_LAST_WORD = _rx(r"[^\s\u200c]+$")
_SIDE_AFTER = _rx(rf"{_SP}+(?P<side>گذشته|قبل|پیش|آینده|آتی){_R}")
_DAY_AFTER = _rx(rf"{_SP}*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])")
_SLASHED_DAY = _rx(r"(?<![0-9/])(?P<d>[0-9]{1,2})/$")  # «4/بهمن/1399»: the day and the year around a month by slashes
_SLASHED_YEAR = _rx(r"/[0-9]{4}(?![0-9/])")
_COMMA_YEAR = _rx(rf"{_SP}*[,،]{_SP}*[0-9]{{4}}(?![0-9])")  # «…, 1403»: a year after a month's day
_NUMERIC = _rx(rf"""(?<![0-9])(?:
    (?P<y>[0-9]{{4}}){_SP}*(?P<s1>[-/.٫\\]){_SP}*(?P<m>[0-9]{{1,2}}){_SP}*(?P=s1){_SP}*(?P<d>[0-9]{{1,2}})
   |(?P<d2>[0-9]{{1,2}}){_SP}*(?P<s2>[-/.٫\\]){_SP}*(?P<m2>[0-9]{{1,2}}){_SP}*(?P=s2){_SP}*(?P<y2>[0-9]{{4}}))
   (?![0-9])""", re.X)
_YEAR = _rx(rf"""{_L}(?:
    سال(?P<pl>{_SP}*ها(?:ی)?)?(?P<school>{_SP}+تحصیلی)?{_SP}+(?P<y>[0-9]{{4}}(?![0-9])|{_Y2})
        (?:{_SP}*(?:تا|الی|-|–|/){_SP}*(?P<y2>[0-9]{{4}}(?![0-9])|{_Y2}))?
   |(?<![0-9])(?P<bare>[0-9]{{4}})(?![0-9]))
    (?:{_SP}*\(?(?P<era>{_ERA})\)?)?""", re.X)
_WEEKDAY_BEFORE = _rx(rf"""{_L}(?:(?:یک|دو|سه|چهار|پنج){_SP}*شنبه|شنبه|جمعه
    |(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))
    {_SP}*[,،/|\-–]?{_SP}*$""", re.X)

# relative phrases
_TIME_OF_DAY = rf"(?:(?:پیش|قبل|بعد|پس){_SP}*از{_SP}*ظهر|ظهر|صبح|عصر|بامداد|شامگاه|غروب|شب)"
_DAY_WORDS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "روزگذشته": -1, "شبگذشته": -1,
              "پریروز": -2, "فردا": 1, "پسفردا": 2}
_DAY_RE = _rx(rf"""{_L}(?:{_TIME_OF_DAY}{_SP}+)?
    (?P<w>امروز|امشب|دیروز|دیشب|پریروز|پس{_SP}*فردا|فردا|روز{_SP}+گذشته|شب{_SP}+گذشته){_R}""", re.X)
_UNIT_RE = _rx(rf"""{_L}(?:
    (?P<u>روز|هفته|ماه|سال)(?:\u200c?ی)?{_SP}+(?P<dir>گذشته|اخیر|پیش|قبل|آینده|آتی|بعد|جاری)
   |(?:این|همین){_SP}+(?P<this>هفته|ماه|سال)
   |(?P<word>امسال|پارسال)){_R}""", re.X)
_UNIT_DAYS = {"روز": 1, "هفته": 7}
_SEASONS = {"بهار": (1, 3), "تابستان": (4, 6), "پاییز": (7, 9), "پائیز": (7, 9), "زمستان": (10, 12)}
_PART_BEFORE = _rx(rf"{_L}(?P<p>اوایل|اواسط|اواخر|نیمه{_SP}*(?:اول|نخست|دوم)|{_alts(_SEASONS)}"
                   rf"|(?:دو|سه|شش|نه){_SP}*ماهه?{_SP}*(?:اول|نخست|ابتدای|ابتدایی))(?:\u200c?ی)?{_SP}+$")
# a bare four-digit year is a year after a season: «بهار ۱۴۰۱»
_SEASON_BEFORE = _rx(rf"{_L}(?:{_alts(_SEASONS)}){_SP}+$")
_FROM_BEFORE = _rx(rf"{_L}(?:از{_SP}+)?(?:ابتدای|ابتدا|آغاز|شروع|اول){_SP}+$")
_UNTIL_AFTER = _rx(rf"{_SP}+(?:تاکنون|تا{_SP}+کنون|تا{_SP}*به{_SP}*حال|تا{_SP}+(?:به{_SP}+)?امروز){_R}")
# year parts (months) and month parts (days) for «اوایل/اواسط/اواخر», «نیمه اول/دوم»
_YEAR_PARTS = {"اوایل": (1, 2), "اواسط": (6, 7), "اواخر": (11, 12), "نیمهاول": (1, 6), "نیمهنخست": (1, 6),
               "نیمهدوم": (7, 12), **{_key(align_fold(w)): span for w, span in _SEASONS.items()},
               # «شش ماه نخست», «سه ماهه اول», «نه ماهه ابتدای» سال: the first months of a year
               **{f"{n}{m}{w}": (1, k) for n, k in (("دو", 2), ("سه", 3), ("شش", 6), ("نه", 9)) for m in ("ماه", "ماهه")
                  for w in ("اول", "نخست", "ابتدای", "ابتدایی")}}
_MONTH_PARTS = {"اوایل": (1, 10), "اواسط": (11, 20), "اواخر": (21, 31), "نیمهاول": (1, 15), "نیمهدوم": (16, 31)}

# --- calendars ---------------------------------------------------------------

_HIJRI_EPOCH = 227015  # day number (date.toordinal) of 1 Muharram 1 AH, civil epoch


def _month_len(cal: str, y: int, m: int) -> int:
    if cal == "gregorian":
        return _gregorian.monthrange(y, m)[1]
    if cal == "hijri":
        return 30 if m % 2 or (m == 12 and (14 + 11 * y) % 30 < 11) else 29
    return 31 if m <= 6 else 30 if m <= 11 or jdatetime.date(y, 1, 1).isleap() else 29


def _day(cal: str, y: int, m: int, d: int) -> date | None:
    """The Gregorian date of day ``d`` of month ``m`` of year ``y`` in ``cal``; None if impossible."""
    try:
        if not (1 <= m <= 12 and 1 <= d <= _month_len(cal, y, m)):
            return None
        if cal == "jalali":
            return jdatetime.date(y, m, d).togregorian()
        if cal == "hijri":  # tabular (arithmetic) Islamic calendar
            return date.fromordinal(_HIJRI_EPOCH - 1 + (y - 1) * 354 + (3 + 11 * y) // 30
                                    + 29 * (m - 1) + m // 2 + d)
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _year_of(cal: str, d: date) -> int:
    if cal == "jalali":
        return jdatetime.date.fromgregorian(date=d).year
    if cal == "hijri":
        return (30 * (d.toordinal() - _HIJRI_EPOCH) + 10646) // 10631
    return d.year


def _period(cal: str, y: int, m: int | None = None) -> tuple[date, date] | None:
    """A whole month (``m``) or year of a calendar."""
    first, last = (m, m) if m else (1, 12)
    try:
        a, b = _day(cal, y, first, 1), _day(cal, y, last, _month_len(cal, y, last))
    except ValueError:
        return None
    return (a, b) if a and b else None


def _jalali_shift(d: date, months: int) -> date | None:
    """``d`` moved by whole Jalali months, the day clamped to the month's length."""
    j = jdatetime.date.fromgregorian(date=d)
    y, m = divmod(j.year * 12 + j.month - 1 + months, 12)
    return _day("jalali", y, m + 1, min(j.day, _month_len("jalali", y, m + 1)))


def _nearest(cal: str, ref: date | None, build, side: int = 0) -> tuple[tuple[date, date] | None, int | None]:
    """The occurrence (in ref's year, or one year either side) closest to ``ref``.

    ``side`` -1 keeps only occurrences over before ``ref``, +1 only those after it.
    """
    if ref is None:
        return None, None
    y0 = _year_of(cal, ref)
    best = None
    for y in (y0 - 1, y0, y0 + 1):
        span = build(y)
        if span and not (side < 0 and span[1] >= ref or side > 0 and span[0] <= ref):
            dist = 0 if span[0] <= ref <= span[1] else min(abs((span[0] - ref).days), abs((span[1] - ref).days))
            if best is None or dist < best[0]:
                best = (dist, span, y)
    return (best[1], best[2]) if best else (None, None)


def _calendar_of_year(y: int, era: str | None) -> str | None:
    """The calendar a year is written in: the era word if any, else its size."""
    if era:
        k = _key(era).replace(".", "")
        return "hijri" if k.endswith("ق") or k.endswith("قمری") else "gregorian" if k == "میلادی" else "jalali"
    if 1200 <= y <= 1499:
        return "jalali"
    if 1800 <= y <= 2199:
        return "gregorian"
    return None


def _two_digit_year(cal: str, y: int) -> int:
    """«۰۲» is 1402 and «۹۹» 1399; Hijri «۴۵» 1445; Gregorian «24» 2024, «99» 1999."""
    if cal == "hijri":
        return 1400 + y
    return (1400 if cal == "jalali" else 2000) + y - (0 if y < 50 else 100)


# --- matches -----------------------------------------------------------------

@dataclass(frozen=True)
class DateMatch:
    """A date expression; ``text == source[start:end]``.

    ``start_date``/``end_date`` are Gregorian and equal for a single day; both
    are None when the expression needs a reference date that was not given.
    """

    start: int
    end: int
    text: str
    kind: str  # absolute | relative | month | year | interval
    calendar: str  # jalali | gregorian | hijri (as written; relative phrases count in Jalali)
    start_date: date | None
    end_date: date | None

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` for a single day, ``start/end`` for an interval."""
        if self.start_date is None or self.end_date is None:
            return None
        if self.start_date == self.end_date:
            return self.start_date.isoformat()
        return f"{self.start_date.isoformat()}/{self.end_date.isoformat()}"


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    kind: str
    calendar: str
    span: tuple[date, date] | None
    period: tuple[str, int, int | None] | None = None  # the whole month/year named, for «اواخر …»
    relative: bool = False  # resolved against ref
    grain: str | None = None  # "month" or "year" when the phrase names a calendar month/year


class _Finder:
    def __init__(self, text: str, ref: date | None):
        self.f = align_fold(text)
        self.ref = ref
        self.text = text
        self._numbers: dict[int, NumberMatch] | None = None

    def number_before(self, pos: int) -> NumberMatch | None:
        """The number expression ending just before ``pos`` (spacing allowed)."""
        while pos > 0 and self.f[pos - 1] in " \t\u00a0\u200c":
            pos -= 1
        if self._numbers is None:  # found on demand: most page lines name no month, so need none
            self._numbers = {m.end: m for m in find_numbers(self.text)}
        return self._numbers.get(pos)

    def weekday_start(self, start: int) -> int:
        """Extend a date leftwards over a weekday name: «چهارشنبه / ۲۳ خرداد ۱۴۰۳»."""
        m = _WEEKDAY_BEFORE.search(self.f, max(0, start - 24), start)
        return m.start() if m else start

    def numeric(self):
        for m in _NUMERIC.finditer(self.f):
            y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            cal = _calendar_of_year(int(y), None)
            if cal == "gregorian" and not m["y"] and int(mo) > 12 >= int(d):
                mo, d = d, mo  # «9/18/2025 11:16:44 AM»: month first, as US sites print it, when nothing else fits
            day = cal and _day(cal, int(y), int(mo), int(d))
            if day:
                yield _Cand(self.weekday_start(m.start()), m.end(), "absolute", cal, (day, day))

    def textual(self):
        """«۲۳ خرداد ۱۴۰۳», «۲۳ خردادماه», «خرداد ماه», «۱۵ شعبان ۱۴۴۵», «June 12, 2024», «آذر ۴, ۱۴۰۳»."""
        for m in _MONTH_RE.finditer(self.f):
            name = _key(m["name"].rstrip("."))
            if name not in _MONTHS:  # case-insensitive matching also admits «ſep», «Kelvin» signs
                continue
            cal, month = _MONTHS[name]
            start, end = m.start(), m.end()
            days = None
            num = self.number_before(start)
            if num and num.kind in ("cardinal", "ordinal", "range") and num.unit_word is None:
                lo, hi = num.value, num.high if num.kind == "range" else num.value
                if lo.is_integer() and hi.is_integer() and 1 <= lo <= hi <= 31:
                    days, start = (int(lo), int(hi)), num.start
            elif (sl := _SLASHED_DAY.search(self.f, max(0, start - 4), start)) and _SLASHED_YEAR.match(self.f, end) \
                    and 1 <= int(sl["d"]) <= 31:  # «4/بهمن/1399», as a news site's template prints it
                days, start = (int(sl["d"]),) * 2, sl.start()
            elif (d := _DAY_AFTER.match(self.f, end)) and 1 <= int(d["d"]) <= 31 \
                    and (name.isascii() or name in _DARI_KEYS or _COMMA_YEAR.match(self.f, d.end())):
                # «June 12, 2024»; a Persian month put first the same way: «آذر ۴, ۱۴۰۳» (a blog's template)
                days, end = (int(d["d"]),) * 2, d.end()
            year, side, explicit, tail = None, 0, False, None
            if (y := _YEAR_AFTER.match(self.f, end)) and y["y"]:
                year = _two_digit_year(cal, int(y["y"])) if len(y["y"]) == 2 else int(y["y"])
                explicit = 1200 <= year <= 1599 if cal != "gregorian" else 1800 <= year <= 2199
                tail = y if explicit else None
            elif y:  # «خرداد سال گذشته», «اسفند پارسال»
                year = self.ref and _year_of(cal, self.ref) + _YEAR_OFFSET[_LAST_WORD.search(y["rel"])[0]]
                tail = y
            elif tail := _SIDE_AFTER.match(self.f, end):  # «مهرماه گذشته»: the last one before ref
                side = -1 if tail["side"] in ("گذشته", "قبل", "پیش") else 1
            if name in _DARI_KEYS and not (days and explicit):
                continue
            if tail:
                end = tail.end()
            elif name in _WEAK_MONTHS or (days is None and not (cal == "jalali" and m["mah"])):
                continue
            yield from self.month_cand(start, end, cal, month, days, year if tail else None, explicit, side)

    def month_cand(self, start, end, cal, month, days, year, explicit, side):
        def build(y):
            if days is None:
                return _period(cal, y, month)
            a, b = _day(cal, y, month, days[0]), _day(cal, y, month, days[1])
            return (a, b) if a and b else None

        if explicit:
            span = build(year)
            if span is None:
                return
        elif year is not None:
            span = build(year)
        else:
            span, year = _nearest(cal, self.ref, build, side)
        kind = "month" if days is None else "absolute" if days[0] == days[1] else "interval"
        if kind == "absolute":
            start = self.weekday_start(start)
        period = (cal, year, month) if days is None and span else None
        yield _Cand(start, end, kind, cal, span, period, not explicit, "month" if days is None else None)

    def years(self):
        """«سال ۱۴۰۲», «سال‌های ۱۳۹۸ تا ۱۴۰۲», «سال تحصیلی ۱۴۰۲-۱۴۰۳», «۲۰۲۴ میلادی»."""
        for m in _YEAR.finditer(self.f):
            if m["bare"] and not m["era"] and not _SEASON_BEFORE.search(self.f, max(0, m.start() - 12), m.start()):
                continue  # a bare four-digit number is more often a count than a year
            raw = m["y"] or m["bare"]
            cal = _calendar_of_year(int(raw) if len(raw) == 4 else 1400, m["era"])
            if cal is None:
                continue
            y1 = int(raw) if len(raw) == 4 else _two_digit_year(cal, int(raw))
            y2 = y1
            if m["y2"]:  # «۱۴۰۲-۱۴۰۳», «۱۴۰۲-۰۳», or in RTL visual order «۱۴۰۳-۱۴۰۲»
                y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
                y1, y2 = sorted((y1, y2))
                if not y1 < y2 <= y1 + 100:
                    continue
            if m["school"]:  # the school year runs from 1 Mehr
                if y2 not in (y1, y1 + 1):
                    continue
                a, b = _day("jalali", y1, 7, 1), _day("jalali", y1 + 1, 6, 31)
                if a and b:
                    yield _Cand(m.start(), m.end(), "interval", "jalali", (a, b))
                continue
            first, last = _period(cal, y1), _period(cal, y2)
            if not (first and last):
                continue
            if y2 != y1:
                yield _Cand(m.start(), m.end(), "interval", cal, (first[0], last[1]))
            elif not m["pl"]:
                yield _Cand(m.start(), m.end(), "year", cal, first, (cal, y1, None), grain="year")

    def relative(self):
        """«امروز», «ظهر امروز», «سه ماه گذشته», «سال گذشته», «امسال», «این هفته»."""
        ref = self.ref
        for m in _DAY_RE.finditer(self.f):
            try:
                day = ref and ref + timedelta(days=_DAY_WORDS[_key(m["w"])])
            except OverflowError:
                day = None
            yield _Cand(m.start(), m.end(), "relative", "jalali", day and (day, day), relative=True)
        for m in _UNIT_RE.finditer(self.f):
            start = m.start()
            if m["word"]:
                unit, direction = "سال", "جاری" if m["word"] == "امسال" else "گذشته"
            elif m["this"]:
                unit, direction = m["this"], "جاری"
            else:
                unit, direction = m["u"], m["dir"]
            count = None
            num = self.number_before(start) if m["u"] and direction != "جاری" else None
            if num and num.kind == "cardinal" and num.value.is_integer() and 1 <= num.value <= 1000:
                count, start = int(num.value), num.start
            elif direction == "اخیر" and unit != "روز":
                count = 1  # «هفته اخیر»: the past week
            if direction == "اخیر" and count is None:
                continue
            span, period = (self.unit_span(unit, direction, count) if ref else (None, None))
            whole = count is None or direction in ("پیش", "قبل")  # «ماه گذشته», not «سه ماه گذشته»
            grain = {"ماه": "month", "سال": "year"}.get(unit) if whole else None
            yield _Cand(start, m.end(), "relative", "jalali", span, period, True, grain)

    def unit_span(self, unit: str, direction: str, count: int | None):
        """Resolve «[N] روز/هفته/ماه/سال گذشته|پیش|آینده|جاری» against the reference date."""
        ref = self.ref
        back = direction in ("گذشته", "اخیر", "پیش", "قبل")
        sign = -1 if back else 1

        def shift(n: int) -> date | None:
            if unit in _UNIT_DAYS:
                return ref + timedelta(days=n * _UNIT_DAYS[unit])
            return _jalali_shift(ref, n * (12 if unit == "سال" else 1))

        def whole(d: date):  # the day/week/month/year containing d
            if unit == "روز":
                return (d, d), None
            if unit == "هفته":
                first = d - timedelta(days=(d.weekday() - 5) % 7)  # weeks start on Saturday
                return (first, first + timedelta(days=6)), None
            j = jdatetime.date.fromgregorian(date=d)
            m = j.month if unit == "ماه" else None
            return _period("jalali", j.year, m), ("jalali", j.year, m)

        try:
            if direction == "جاری":
                span, period = whole(ref)
                return (span[0], ref), period
            if count is None or direction in ("پیش", "قبل"):
                target = shift(sign * (count or 1))
                return whole(target) if target else (None, None)
            other = shift(sign * count)
            return (tuple(sorted((ref, other))) if other else None), None
        except (ValueError, OverflowError):
            return None, None

    @staticmethod
    def part(part: str, period: tuple[str, int, int | None]) -> tuple[date, date] | None:
        """«اواخر» of a year is its last two months, of a month its last ten days."""
        cal, y, month = period
        try:
            if month is None:
                a, b = _YEAR_PARTS[part]
                span = (_day(cal, y, a, 1), _day(cal, y, b, _month_len(cal, y, b)))
            else:
                a, b = _MONTH_PARTS[part]
                span = (_day(cal, y, month, a), _day(cal, y, month, min(b, _month_len(cal, y, month))))
        except ValueError:
            return None
        return span if all(span) else None

    def modifiers(self, cands: list[_Cand]):
        """«اواخر سال گذشته», «از ابتدای امسال تاکنون»: phrases that reshape a period."""
        for c in cands:
            p = _PART_BEFORE.search(self.f, max(0, c.start - 16), c.start)
            if p and c.grain:
                span = self.part(_key(p["p"]), c.period) if c.period else None
                yield _Cand(p.start(), c.end, "relative" if c.relative else "interval", c.calendar,
                            span, None, c.relative)
            f = _FROM_BEFORE.search(self.f, max(0, c.start - 16), c.start)
            if f and c.kind in ("relative", "month", "year"):
                u = _UNTIL_AFTER.match(self.f, c.end)
                begin = c.span[0] if c.span else None
                if c.period:
                    whole = _period(*c.period)
                    begin = whole[0] if whole else None
                finish = self.ref if u or c.relative else c.span[1] if c.span else None
                span = (begin, finish) if begin and finish and begin <= finish else None
                relative = c.relative or bool(u)
                yield _Cand(f.start(), u.end() if u else c.end, "relative" if relative else "interval",
                            c.calendar, span, None, relative)


# A publication date outside these bounds is a misread one: resolving phrases against it
# made jdatetime raise (year 0 and below, past its MAXYEAR; found by tests/test_fuzz.py).
_REF_RANGE = (date(1000, 1, 1), date(3000, 1, 1))


def _ref_date(ref) -> date | None:
    if isinstance(ref, datetime):
        try:
            ref = (ref.astimezone(TEHRAN) if ref.tzinfo else ref).date()
        except (OverflowError, ValueError):  # datetime.min/max shifted out of range
            return None
    if ref is not None and not _REF_RANGE[0] <= ref <= _REF_RANGE[1]:
        return None
    return ref


def find_dates(text: str, ref: date | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, longest first, left to right, no overlaps.

    ``ref`` is the publication date: relative phrases and dates written
    without a year are resolved against it («۲۳ خردادماه» takes the year that
    puts it nearest to ``ref``); without it they still match, with None dates.
    """
    return list(_find_dates(text, ref))


@lru_cache(maxsize=256)  # statistics and events both read each sentence's dates
def _find_dates(text: str, ref: date | None) -> tuple[DateMatch, ...]:
    finder = _Finder(text, _ref_date(ref))
    cands = [*finder.numeric(), *finder.textual(), *finder.years(), *finder.relative()]
    cands += list(finder.modifiers(cands))
    cands.sort(key=lambda c: (c.start, c.start - c.end))
    out: list[DateMatch] = []
    last = 0
    for c in cands:
        if c.start < last:
            continue
        a, b = c.span if c.span else (None, None)
        out.append(DateMatch(c.start, c.end, text[c.start:c.end], c.kind, c.calendar, a, b))
        last = c.end
    return tuple(out)
