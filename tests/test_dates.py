"""Tests for builder.text.dates: publication stamps, dates in running text, relative phrases."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.text.dates import TEHRAN, DateMatch, find_dates
from builder.read.published import EARLIEST_PUBLISHED, parse_published, plausibly_published

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LATIN = str.maketrans("", "")
JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
                 "بهمن", "اسفند"]
REF = date(2024, 6, 12)  # ۲۳ خرداد ۱۴۰۳, a Wednesday


def tehran(*args) -> datetime:
    return datetime(*args, tzinfo=TEHRAN)


def dates(text, ref=None):
    ms = find_dates(text, ref)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.kind, m.calendar, m.iso) for m in ms]


# --- the conversions the whole graph relies on --------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("۲۳ خرداد ۱۴۰۳", "2024-06-12"), ("23 خرداد 1403", "2024-06-12"),
    ("۲۰ شهریور ۱۴۰۳", "2024-09-10"), ("۱۴-۰۹-۱۴۰۲", "2023-12-05"), ("14-09-1402", "2023-12-05"),
])
def test_reference_conversions(text, iso):
    (m,) = find_dates(text)
    assert (m.kind, m.calendar, m.iso) == ("absolute", "jalali", iso)
    assert m.start_date == m.end_date == date.fromisoformat(iso)


# --- parse_published -----------------------------------------------------------------

@pytest.mark.parametrize("header, dt, printed", [
    ("• چهارشنبه / ۲۳ خرداد ۱۴۰۳ / ۱۵:۵۶\n• دسته‌بندی: استانی",
     tehran(2024, 6, 12, 15, 56), "چهارشنبه / ۲۳ خرداد ۱۴۰۳ / ۱۵:۵۶"),
    ("کد خبر : 62269\nتاریخ انتشار : سه شنبه 20 شهریور 1403 - 11:18\n-",
     tehran(2024, 9, 10, 11, 18), "سه شنبه 20 شهریور 1403 - 11:18"),
    ("تاریخ انتشار: ۱۶:۵۰ - ۱۴-۰۹-۱۴۰۲", tehran(2023, 12, 5, 16, 50), "۱۶:۵۰ - ۱۴-۰۹-۱۴۰۲"),
    ("1403-03-23 15:56", tehran(2024, 6, 12, 15, 56), "1403-03-23 15:56"),
    ("۱۴۰۳/۰۳/۲۳ - ۱۵:۵۶", tehran(2024, 6, 12, 15, 56), "۱۴۰۳/۰۳/۲۳ - ۱۵:۵۶"),
    ("۲۳ خرداد ۱۴۰۳ ساعت ۱۵:۵۶", tehran(2024, 6, 12, 15, 56), "۲۳ خرداد ۱۴۰۳ ساعت ۱۵:۵۶"),
    ("۲۳ خردادماه ۱۴۰۳، ساعت ۱۵:۵۶:۳۰", tehran(2024, 6, 12, 15, 56, 30), "۲۳ خردادماه ۱۴۰۳، ساعت ۱۵:۵۶:۳۰"),
    ("ساعت ۱۵:۵۶ - ۲۳ خرداد ۱۴۰۳", tehran(2024, 6, 12, 15, 56), "ساعت ۱۵:۵۶ - ۲۳ خرداد ۱۴۰۳"),
    ("2024-06-12T15:56:00+03:30", tehran(2024, 6, 12, 15, 56), "2024-06-12T15:56:00+03:30"),
    ("2024-06-12T12:26:00Z", tehran(2024, 6, 12, 15, 56), "2024-06-12T12:26:00Z"),
    ("2024-06-12 15:56", tehran(2024, 6, 12, 15, 56), "2024-06-12 15:56"),
    ("June 12, 2024 3:56 PM", tehran(2024, 6, 12, 15, 56), "June 12, 2024 3:56 PM"),
    ("Wednesday, 12 June 2024", tehran(2024, 6, 12), "Wednesday, 12 June 2024"),
    ("۲۳ خرداد ۱۴۰۳ - ۳:۵۶ ب.ظ", tehran(2024, 6, 12, 15, 56), "۲۳ خرداد ۱۴۰۳ - ۳:۵۶ ب.ظ"),
    # hazm's normaliser spaces separators out: «۲۰۲۴ - ۰۶ - ۱۲ T ۱۵:۵۶:۰۰ + ۰۳:۳۰»
    ("۲۰۲۴ - ۰۶ - ۱۲ T ۱۵:۵۶:۰۰ + ۰۳:۳۰", tehran(2024, 6, 12, 15, 56), "۲۰۲۴ - ۰۶ - ۱۲ T ۱۵:۵۶:۰۰ + ۰۳:۳۰"),
    ("سه‌شنبه ۲۰ شهریور ۱۴۰۳ - ۱۱:۱۸", tehran(2024, 9, 10, 11, 18), "سه‌شنبه ۲۰ شهریور ۱۴۰۳ - ۱۱:۱۸"),
])
def test_parse_published_with_time(header, dt, printed):
    p = parse_published(header)
    assert p.dt == dt and p.dt.tzinfo == TEHRAN
    assert p.text == printed == header[p.start:p.end]
    assert p.has_time is bool(dt.hour or dt.minute or dt.second)


@pytest.mark.parametrize("header, day", [
    ("۱۴۰۳/۰۳/۲۳", date(2024, 6, 12)), ("۱۴۰۲.۰۹.۱۴", date(2023, 12, 5)),
    ("۱۴۰۲ ٫ ۰۹ ٫ ۱۴", date(2023, 12, 5)), ("یکشنبه ۵ آذر ۱۴۰۲", date(2023, 11, 26)),
    ("June 12, 2024", date(2024, 6, 12)), ("۲۳ خرداد ۰۳", date(2024, 6, 12)),
    ("۱۴ آذر ۰۲", date(2023, 12, 5)), ("۲۳ خرداد ماه سال ۱۴۰۳", date(2024, 6, 12)),
    ("۱۲ مرداد ۱۴۰۳", date(2024, 8, 2)), ("۱۲ امرداد ۱۴۰۳", date(2024, 8, 2)),
])
def test_parse_published_date_only(header, day):
    p = parse_published(header)
    assert p.dt == datetime(day.year, day.month, day.day, tzinfo=TEHRAN)
    assert not p.has_time and p.text == header


def test_published_unpacks_as_pair():
    dt, printed = parse_published("۲۳ خرداد ۱۴۰۳ / ۱۵:۵۶")
    assert dt == tehran(2024, 6, 12, 15, 56) and printed == "۲۳ خرداد ۱۴۰۳ / ۱۵:۵۶"


def test_published_label_beats_site_date_and_update_stamp():
    page = ("۰۲ آذر ۱۴۰۳\nبه روز شده در: ۰۲ آذر ۱۴۰۳ - ۲۱:۵۱\nکد خبر ۱۲۳۴۵\n"
            "تاریخ انتشار: ۱۶:۵۰ - ۱۴-۰۹-۱۴۰۲\n\nمتن خبر در ۲۳ خرداد ۱۴۰۳ نوشته شد.")
    p = parse_published(page)
    assert p.dt == tehran(2023, 12, 5, 16, 50) and p.text == "۱۶:۵۰ - ۱۴-۰۹-۱۴۰۲"
    assert page[p.start:p.end] == p.text


@pytest.mark.parametrize("header", [
    "۳۲ خرداد ۱۴۰۳", "۱۴۰۳/۱۳/۰۱", "۳۰ اسفند ۱۴۰۲ ساعت ۱۰:۰۰", "2024-02-30", "۲۳ خرداد", "خردادماه",
    "امروز ساعت ۱۵:۵۶", "سه‌شنبه", "بدون تاریخ", "",
])
def test_parse_published_rejects(header):
    assert parse_published(header) is None


@pytest.mark.parametrize("header", ["تاریخ انتشار: ۱۲ آذر ۱۴۹۹", "تاریخ انتشار: ۱۲ آذر ۱۲۰۰", "2130-05-01 10:00"])
def test_publication_dates_in_the_future_or_before_the_web_are_rejected(header):
    assert parse_published(header) is None


def test_an_implausible_date_gives_way_to_a_real_one():
    p = parse_published("۱۲ آذر ۱۴۹۹\nتاریخ: ۱۲ آذر ۱۴۰۳")
    assert p.dt == tehran(2024, 12, 2)


def test_plausible_publication_window():
    today = date(2026, 11, 23)
    assert plausibly_published(date(2026, 11, 24), today) and not plausibly_published(date(2026, 12, 1), today)
    assert plausibly_published(EARLIEST_PUBLISHED, today) and not plausibly_published(date(1980, 1, 1), today)


def test_impossible_time_keeps_the_date():
    p = parse_published("۲۳ خرداد ۱۴۰۳ - ۲۵:۷۰")
    assert p.dt == tehran(2024, 6, 12) and not p.has_time


# --- find_dates: absolute, month, year ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("نشست روز ۲۳ خرداد ۱۴۰۳ برگزار شد", [("۲۳ خرداد ۱۴۰۳", "absolute", "jalali", "2024-06-12")]),
    ("این طرح از ۱۴۰۳/۰۳/۲۳ آغاز شد", [("۱۴۰۳/۰۳/۲۳", "absolute", "jalali", "2024-06-12")]),
    ("در تاریخ ۱۴۰۲.۰۹.۱۴ ثبت شد", [("۱۴۰۲.۰۹.۱۴", "absolute", "jalali", "2023-12-05")]),
    ("گزارش ۱۲ ژوئن ۲۰۲۴ منتشر شد", [("۱۲ ژوئن ۲۰۲۴", "absolute", "gregorian", "2024-06-12")]),
    ("report of June 12, 2024", [("June 12, 2024", "absolute", "gregorian", "2024-06-12")]),
    # a Persian month put first, as a blog's template prints it; without a year it is no date
    ("تاریخ انتشار: خرداد ۲۳, ۱۴۰۳", [("خرداد ۲۳, ۱۴۰۳", "absolute", "jalali", "2024-06-12")]),
    ("در خرداد ۲۳ نفر آمدند", []),
    # the day and the year set around the month's name by slashes, as a news site's template prints them
    ("تاریخ انتشار: 23/خرداد/1403 - ساعت ۱۰:۱۷", [("23/خرداد/1403", "absolute", "jalali", "2024-06-12")]),
    ("در سال 2024 میلادی", [("سال 2024 میلادی", "year", "gregorian", "2024-01-01/2024-12-31")]),
    ("آمار ۲۰۲۴ میلادی", [("۲۰۲۴ میلادی", "year", "gregorian", "2024-01-01/2024-12-31")]),
    ("در سال ۱۴۰۲ ثبت شد", [("سال ۱۴۰۲", "year", "jalali", "2023-03-21/2024-03-19")]),
    ("در سال ۹۹، ثبت شد", [("سال ۹۹", "year", "jalali", "2020-03-20/2021-03-20")]),
    ("در سال‌های ۱۳۹۸ تا ۱۴۰۲", [("سال‌های ۱۳۹۸ تا ۱۴۰۲", "interval", "jalali", "2019-03-21/2024-03-19")]),
    ("سال تحصیلی ۱۴۰۲-۱۴۰۳", [("سال تحصیلی ۱۴۰۲-۱۴۰۳", "interval", "jalali", "2023-09-23/2024-09-21")]),
    ("در آذر 1403 اعلام شد", [("آذر 1403", "month", "jalali", "2024-11-21/2024-12-20")]),
    ("در خردادماه ۱۴۰۳", [("خردادماه ۱۴۰۳", "month", "jalali", "2024-05-21/2024-06-20")]),
    ("نیمه شعبان ۱۵ شعبان ۱۴۴۵ است", [("۱۵ شعبان ۱۴۴۵", "absolute", "hijri", "2024-02-25")]),
    ("اول رمضان ۱۴۴۵", [("اول رمضان ۱۴۴۵", "absolute", "hijri", "2024-03-11")]),
    # tabular calendar: Iran's moon-sighted 10 Rabi' al-awwal 1446 was a day earlier
    ("۱۰ ربیع‌الاول ۱۴۴۶", [("۱۰ ربیع‌الاول ۱۴۴۶", "absolute", "hijri", "2024-09-14")]),
    ("بیست و سوم مهر ۱۴۰۲", [("بیست و سوم مهر ۱۴۰۲", "absolute", "jalali", "2023-10-15")]),
    ("از ۱۰ تا ۱۵ خرداد ۱۴۰۳", [("۱۰ تا ۱۵ خرداد ۱۴۰۳", "interval", "jalali", "2024-05-30/2024-06-04")]),
    ("اواخر خرداد ۱۴۰۳", [("اواخر خرداد ۱۴۰۳", "interval", "jalali", "2024-06-10/2024-06-20")]),
    ("نیمه دوم سال ۱۴۰۲", [("نیمه دوم سال ۱۴۰۲", "interval", "jalali", "2023-09-23/2024-03-19")]),
    ("چهارشنبه ۲۳ خرداد ۱۴۰۳", [("چهارشنبه ۲۳ خرداد ۱۴۰۳", "absolute", "jalali", "2024-06-12")]),
    ("سه شنبه، 20 شهریور 1403", [("سه شنبه، 20 شهریور 1403", "absolute", "jalali", "2024-09-10")]),
])
def test_absolute_dates(text, expected):
    assert dates(text) == expected


def test_dates_without_year_take_the_nearest_year():
    assert dates("امروز (۲۳ خردادماه) برگزار شد", REF) == [
        ("امروز", "relative", "jalali", "2024-06-12"), ("۲۳ خردادماه", "absolute", "jalali", "2024-06-12")]
    assert dates("در خردادماه", REF) == [("خردادماه", "month", "jalali", "2024-05-21/2024-06-20")]
    # published early in 1403, «۲۰ اسفند» is the one just gone, not eleven months ahead
    assert dates("۲۰ اسفند", date(2024, 3, 25)) == [("۲۰ اسفند", "absolute", "jalali", "2024-03-10")]
    assert dates("۱۵ شعبان", REF)[0][3] == "2024-02-25"
    assert dates("اسفند ماه گذشته", REF) == [("اسفند ماه گذشته", "month", "jalali", "2024-02-20/2024-03-19")]
    assert dates("خرداد سال گذشته", REF) == [("خرداد سال گذشته", "month", "jalali", "2023-05-22/2023-06-21")]


def test_dates_without_year_and_no_ref_match_without_dates():
    ms = find_dates("امروز (۲۳ خردادماه) و خردادماه")
    assert [(m.text, m.kind, m.start_date, m.end_date, m.iso) for m in ms] == [
        ("امروز", "relative", None, None, None), ("۲۳ خردادماه", "absolute", None, None, None),
        ("خردادماه", "month", None, None, None)]


# --- find_dates: relative phrases ---------------------------------------------------------

# months and years are counted in the Jalali calendar: «یک سال گذشته» from ۲۳ خرداد ۱۴۰۳
# starts on ۲۳ خرداد ۱۴۰۲ (2023-06-13)
@pytest.mark.parametrize("phrase, kind, iso", [
    ("امروز", "relative", "2024-06-12"), ("دیروز", "relative", "2024-06-11"),
    ("فردا", "relative", "2024-06-13"), ("پریروز", "relative", "2024-06-10"),
    ("پس‌فردا", "relative", "2024-06-14"), ("روز گذشته", "relative", "2024-06-11"),
    ("پیش از ظهر امروز", "relative", "2024-06-12"), ("ظهر امروز", "relative", "2024-06-12"),
    ("صبح امروز", "relative", "2024-06-12"), ("صبح دیروز", "relative", "2024-06-11"),
    ("سال گذشته", "relative", "2023-03-21/2024-03-19"), ("پارسال", "relative", "2023-03-21/2024-03-19"),
    ("امسال", "relative", "2024-03-20/2024-06-12"), ("سال جاری", "relative", "2024-03-20/2024-06-12"),
    ("ماه جاری", "relative", "2024-05-21/2024-06-12"), ("این ماه", "relative", "2024-05-21/2024-06-12"),
    ("ماه گذشته", "relative", "2024-04-20/2024-05-20"), ("هفته گذشته", "relative", "2024-06-01/2024-06-07"),
    ("هفته‌ی گذشته", "relative", "2024-06-01/2024-06-07"), ("این هفته", "relative", "2024-06-08/2024-06-12"),
    ("هفته آینده", "relative", "2024-06-15/2024-06-21"), ("سال آینده", "relative", "2025-03-21/2026-03-20"),
    ("اواخر سال گذشته", "relative", "2024-01-21/2024-03-19"),
    ("اوایل سال گذشته", "relative", "2023-03-21/2023-05-21"),
    ("اواسط سال گذشته", "relative", "2023-08-23/2023-10-22"),
    ("اواخر ماه گذشته", "relative", "2024-05-10/2024-05-20"),
    ("از ابتدای امسال تاکنون", "relative", "2024-03-20/2024-06-12"),
    ("از ابتدای سال جاری تا کنون", "relative", "2024-03-20/2024-06-12"),
    ("از آغاز سال ۱۴۰۲ تاکنون", "relative", "2023-03-21/2024-06-12"),
    ("یک سال گذشته", "relative", "2023-06-13/2024-06-12"),
    ("سه ماه گذشته", "relative", "2024-03-13/2024-06-12"),
    ("۱۰ روز گذشته", "relative", "2024-06-02/2024-06-12"),
    ("دو هفته اخیر", "relative", "2024-05-29/2024-06-12"),
    ("یک ماه آینده", "relative", "2024-06-12/2024-07-13"),
    ("دو سال پیش", "relative", "2022-03-21/2023-03-20"),
    ("سه روز قبل", "relative", "2024-06-09"),
])
def test_relative_phrases(phrase, kind, iso):
    text = f"مسئول این اداره در {phrase} گفت"
    assert dates(text, REF) == [(phrase, kind, "jalali", iso)]
    (m,) = find_dates(text)
    assert (m.text, m.start_date, m.end_date) == (phrase, None, None)


def test_relative_phrases_accept_a_datetime_ref():
    (m,) = find_dates("دیروز", datetime(2024, 6, 11, 22, 0, tzinfo=TEHRAN) - timedelta(hours=0))
    assert m.iso == "2024-06-10"


def test_running_text():
    text = ("به گزارش خبرنگار ما، معاون امور اجتماعی پیش از ظهر امروز در نشستی گفت: در یک سال گذشته "
            "بیش از ۲ هزار کودک شناسایی شدند و از ابتدای امسال تاکنون ۳۰۰ پرونده تشکیل شده است؛ "
            "این رقم در اواخر سال گذشته کمتر بود. مرحله دوم طرح از ۱۵ تیر آغاز می‌شود.")
    assert dates(text, REF) == [
        ("پیش از ظهر امروز", "relative", "jalali", "2024-06-12"),
        ("یک سال گذشته", "relative", "jalali", "2023-06-13/2024-06-12"),
        ("از ابتدای امسال تاکنون", "relative", "jalali", "2024-03-20/2024-06-12"),
        ("اواخر سال گذشته", "relative", "jalali", "2024-01-21/2024-03-19"),
        ("۱۵ تیر", "absolute", "jalali", "2024-07-05"),
    ]


@pytest.mark.parametrize("text", [
    "چهارشنبه گفت", "روز سه‌شنبه جلسه داشتیم", "هفته بهزیستی", "مهر و محبت مادری", "۱۹۹ کودک در ۱۴۰۲ نفر", "۱۲ می شود", "در سال ۱۲ هزار نفر", "سال‌های گذشته", "امروزه", "فردای آن روز",
    "کد خبر: 1403032315898", "۱۸-۱۳ سال",
])
def test_not_dates(text):
    assert dates(text, REF) == []


def test_two_digit_year_not_taken_from_a_count():
    assert dates("در ۲۳ خرداد ۱۲ نفر", REF) == [("۲۳ خرداد", "absolute", "jalali", "2024-06-12")]


@pytest.mark.parametrize("raw", [
    "تاریخ انتشار : سه شنبه 20 شهریور 1403 - 11:18",
    "انتشار: ۱۶:۵۰ - ۱۴-۰۹-۱۴۰۲",
    "1403/03/23 15:56",
    "2024-06-12T15:56:00+03:30",
])
def test_published_same_after_hazm_normalisation(raw):
    from hazm import Normalizer

    normalised = Normalizer().normalize(raw)
    a, b = parse_published(raw), parse_published(normalised)
    assert a.dt == b.dt and a.has_time and b.has_time
    assert normalised[b.start:b.end] == b.text


def test_running_text_same_after_hazm_normalisation():
    from hazm import Normalizer

    raw = "در یک سال گذشته و از ابتدای امسال تا کنون، و در 14-09-1402 و سال 1402 و 23 خردادماه"
    normalised = Normalizer().normalize(raw)
    assert [m.iso for m in find_dates(raw, REF)] == [m.iso for m in find_dates(normalised, REF)] == [
        "2023-06-13/2024-06-12", "2024-03-20/2024-06-12", "2023-12-05", "2023-03-21/2024-03-19", "2024-06-12"]


def test_iso_property():
    day = DateMatch(0, 1, "x", "absolute", "jalali", date(2024, 6, 12), date(2024, 6, 12))
    span = DateMatch(0, 1, "x", "year", "jalali", date(2023, 3, 21), date(2024, 3, 19))
    assert day.iso == "2024-06-12" and span.iso == "2023-03-21/2024-03-19"


# --- properties ----------------------------------------------------------------------------

jalali_days = st.builds(lambda n: jdatetime.date(1300, 1, 1) + timedelta(days=n), st.integers(0, 200 * 365))


@given(jalali_days, st.sampled_from([LATIN, PERSIAN_DIGITS]), st.booleans())
def test_jalali_text_dates_round_trip(j, script, glued):
    month = JALALI_MONTHS[j.month - 1] + ("ماه" if glued else "")
    text = f"در {j.day} {month} {j.year} برگزار شد".translate(script)
    (m,) = find_dates(text)
    assert m.kind == "absolute" and m.start_date == m.end_date == j.togregorian()


publication_days = st.builds(lambda n: jdatetime.date.fromgregorian(date=EARLIEST_PUBLISHED) + timedelta(days=n),
                             st.integers(0, (date.today() - EARLIEST_PUBLISHED).days))


@given(publication_days, st.sampled_from([LATIN, PERSIAN_DIGITS]), st.sampled_from(["/", "-", ".", " / ", " - "]),
       st.booleans(), st.integers(0, 23), st.integers(0, 59))
def test_numeric_published_round_trip(j, script, sep, year_first, hour, minute):
    parts = [f"{j.year}", f"{j.month:02d}", f"{j.day:02d}"]
    stamp = sep.join(parts if year_first else parts[::-1]) + f" - {hour:02d}:{minute:02d}"
    p = parse_published(f"تاریخ انتشار: {stamp}".translate(script))
    g = j.togregorian()
    assert p.dt == tehran(g.year, g.month, g.day, hour, minute) and p.has_time


VOCAB = ["۲۳", "23", "خرداد", "خردادماه", "ماه", "سال", "۱۴۰۳", "1403", "۰۳", "امروز", "دیروز", "گذشته", "جاری",
         "امسال", "اواخر", "از", "ابتدای", "تاکنون", "تا", "هفته", "یک", "سه", "شعبان", "ژوئن", "June", "12,",
         "2024", "/", "-", "۱۵:۵۶", "۱۴-۰۹-۱۴۰۲", "۱۴۰۳/۰۳/۲۳", "چهارشنبه", "سه‌شنبه", "میلادی", "تحصیلی", "های",
         "اول", "بیست", "و", "سوم", "آینده", "پیش", "اسفند", "۳۰", "۳۲", "T", "+", "Z", "ساعت", "ب.ظ"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(),
    st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from([" ", "", "\u200c", "\n", "، "]))).map(
        lambda xs: "".join(w + s for w, s in xs)),
), st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1))))
def test_never_raises_and_offsets_slice_back(text, ref):
    last = 0
    for m in find_dates(text, ref):
        assert last <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.kind in {"absolute", "relative", "month", "year", "interval"}
        assert m.calendar in {"jalali", "gregorian", "hijri"}
        assert (m.start_date is None) == (m.end_date is None)
        if m.start_date:
            assert m.start_date <= m.end_date
        last = m.end
    p = parse_published(text)
    if p:
        assert text[p.start:p.end] == p.text and p.dt.tzinfo == TEHRAN


def test_afghan_month_names_with_their_day_and_year():
    """«سنبله 01, 1399» is 1 Shahrivar 1399; the same words without a day and a year are words."""
    assert [d.start_date for d in find_dates("سنبله 01, 1399 11:05")] == [date(2020, 8, 22)]
    assert [d.start_date for d in find_dates("۵ حوت ۱۳۹۸")] == [date(2020, 2, 24)]
    assert find_dates("میزان ۲۰ درصد افزایش یافت و سرطان سینه کمتر شد") == []


def test_a_season_and_the_first_two_months_are_spans_of_their_year():
    ref = date(2023, 7, 1)
    spans = {d.text: d.iso for d in find_dates("در بهار ۱۴۰۱ و تابستان سال ۱۴۰۰ و پاییز امسال و دو ماهه نخست سال ۱۴۰۲", ref)}
    assert spans == {"بهار ۱۴۰۱": "2022-03-21/2022-06-21", "تابستان سال ۱۴۰۰": "2021-06-22/2021-09-22",
                     "پاییز امسال": "2023-09-23/2023-12-21", "دو ماهه نخست سال ۱۴۰۲": "2023-03-21/2023-05-21"}
    assert not find_dates("در این مرکز ۱۴۰۱ نفر پذیرش شدند", ref)  # a bare number is still a count
