"""Tests for builder.text.numbers: values, kinds, offsets, and round trips through words."""
from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.text.numbers import align_fold, find_numbers, parse_number

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ZWNJ = "\u200c"

# --- a Persian number-to-words writer, independent of the parser ----------------

ONES = ["صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
SCALES = [(10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار")]


def group_words(n: int, joiner: str = " و ", yeksad: bool = False) -> str:
    """1..999 in words: «صد و بیست و پنج»."""
    parts = []
    h, rest = divmod(n, 100)
    if h:
        parts.append("یکصد" if h == 1 and yeksad else HUNDREDS[h])
    if 10 <= rest < 20:
        parts.append(TEENS[rest - 10])
    else:
        t, o = divmod(rest, 10)
        if t:
            parts.append(TENS[t])
        if o:
            parts.append(ONES[o])
    return joiner.join(parts)


def to_words(n: int, joiner: str = " و ", yeksad: bool = False, bare_thousand: bool = False,
             digit_groups: frozenset[int] = frozenset()) -> str:
    """``n`` (0..10**12) in Persian words.

    ``digit_groups`` lists the scales (1, 1000, ...) whose group is written in
    digits instead («۱۲ هزار و ۵۰۰»); ``bare_thousand`` writes «هزار» for
    «یک هزار»; ``joiner`` is how «و» is attached (« و », glued, with ZWNJ).
    """
    if n == 0:
        return ONES[0]
    out = []
    for scale, name in SCALES + [(1, "")]:
        g, n = divmod(n, scale)
        if not g:
            continue
        if scale in digit_groups:
            words = str(g).translate(PERSIAN_DIGITS)
        elif g == 1 and scale == 1000 and bare_thousand:
            words = ""
        else:
            words = group_words(g, joiner, yeksad)
        out.append(" ".join(w for w in (words, name) if w))
    return joiner.join(out)


def test_to_words_writer():
    assert to_words(37) == "سی و هفت"
    assert to_words(1_200_000) == "یک میلیون و دویست هزار"
    assert to_words(12_500, digit_groups=frozenset({1000, 1})) == "۱۲ هزار و ۵۰۰"
    assert to_words(120, yeksad=True) == "یکصد و بیست"


# --- parse_number ------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("سه هزار و ۷۰۰", 3700), ("یک هزار و ۶۰۰", 1600), ("هشت هزار و 500", 8500),
    ("۱۲ هزار و ۵۰۰", 12500), ("12 هزار و 500", 12500), ("سی‌وهفت", 37), ("سیوهفت", 37),
    ("سی و هفت", 37), ("سی‌و‌هفت", 37), ("دو", 2), ("یک میلیون و دویست هزار", 1_200_000),
    ("۲.۵ میلیون", 2_500_000), ("۲/۵ میلیون", 2_500_000), ("۲٫۵ میلیون", 2_500_000),
    ("۱ ٫ ۲ میلیون", 1_200_000), ("صد و بیست", 120), ("یکصد و بیست", 120), ("یک‌صد و بیست", 120),
    ("هزار", 1000), ("میلیارد", 10**9), ("هفتصد", 700), ("یازده", 11), ("نوزده", 19),
    ("پانصد", 500), ("پونصد", 500), ("نهصد و نود و نه", 999), ("صفر", 0), ("نه", 9),
    ("دو و نیم میلیون", 2_500_000), ("نیم میلیون", 500_000), ("۱.۱ میلیون", 1_100_000),
    ("پنج هزار میلیارد", 5 * 10**12), ("دو هزار و پانصد میلیارد", 2500 * 10**9),
    ("صدوبیستوپنج", 125), ("يك هزار و 600", 1600), ("هیجده", 18), ("شونزده", 16),
    ("۱۹۹", 199), ("١٩٩", 199), ("199", 199),
    ("1,200,000", 1_200_000), ("۱٬۲۰۰٬۰۰۰", 1_200_000), ("1.200.000", 1_200_000),
    ("۱ , ۲۰۰ , ۰۰۰", 1_200_000), ("۱ ٫ ۲۰۰ ٫ ۰۰۰", 1_200_000), ("12.5", 12.5), ("۲/۵", 2.5),
    ("۱۲ ٫ ۵", 12.5), ("1.200", 1200), ("1.250 میلیون", 1_250_000), ("1,234.5", 1234.5),
    ("۵۰ درصد", 50), ("سومین", 3), ("یک سوم", 1 / 3),
])
def test_parse_number(phrase, value):
    assert parse_number(phrase) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("phrase", [
    "", "سیستان", "هفته", "یکی", "کودک", "سه کودک", "۵ تا ۱۰", "یک میلیون و دو میلیون",
    "هزار و ۱۵۰۰", "دوست", "صدور",
])
def test_parse_number_rejects(phrase):
    assert parse_number(phrase) is None


# --- find_numbers ------------------------------------------------------------------

def spans(text):
    ms = find_numbers(text)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.kind, m.value, m.high, m.unit_word) for m in ms]


@pytest.mark.parametrize("script", [str.maketrans("", ""), PERSIAN_DIGITS])
def test_statistics_sentence_in_both_digit_scripts(script):
    text = "در حوزه امور اجتماعی سه هزار و 700 پرونده و 12 هزار و 500 نفر و بیش از 50 درصد".translate(script)
    expected = [("سه هزار و 700", "cardinal", 3700), ("12 هزار و 500", "cardinal", 12500),
                ("50 درصد", "percent", 50)]
    assert [(t, k, v) for t, k, v, _, _ in spans(text)] == [(t.translate(script), k, v) for t, k, v in expected]


@pytest.mark.parametrize("text, expected", [
    ("بیش از ۵۰ درصد", [("۵۰ درصد", "percent", 50, None, "درصد")]),
    ("حدود ٪۵۰ آنها", [("٪۵۰", "percent", 50, None, "درصد")]),
    ("حدود 50% آنها", [("50%", "percent", 50, None, "درصد")]),
    ("حدود ۵۰ ٪ آنها", [("۵۰ ٪", "percent", 50, None, "درصد")]),
    ("رشد ۱۲.۵ درصدی", [("۱۲.۵ درصدی", "percent", 12.5, None, "درصد")]),
    ("سه دهم درصد", [("سه دهم درصد", "percent", 0.3, None, "درصد")]),
    # decimals read aloud: a whole number, «و», then tenths or hundredths
    ("نرخ رشد شش و چهار دهم درصد بود", [("شش و چهار دهم درصد", "percent", 6.4, None, "درصد")]),
    ("کاهش سه و ۲۵ صدم درصدی", [("سه و ۲۵ صدم درصدی", "percent", 3.25, None, "درصد")]),
    ("یک و هشتاد و پنج صدم درصد", [("یک و هشتاد و پنج صدم درصد", "percent", 1.85, None, "درصد")]),
    # a decimal point written as a word, «ممیز», before digits or tenths
    ("باسوادی ۹۶ ممیز ۴ درصد است", [("۹۶ ممیز ۴ درصد", "percent", 96.4, None, "درصد")]),
    ("نرخ ۲ ممیز ۰۵ درصد", [("۲ ممیز ۰۵ درصد", "percent", 2.05, None, "درصد")]),
    ("۸۸ ممیز دو دهم درصد", [("۸۸ ممیز دو دهم درصد", "percent", 88.2, None, "درصد")]),
    ("هفت و سه نفر", [("هفت", "cardinal", 7, None, None), ("سه", "cardinal", 3, None, None)]),
    ("نیم درصد", [("نیم درصد", "percent", 0.5, None, "درصد")]),
    ("یک سوم کودکان", [("یک سوم", "fraction", 1 / 3, None, None)]),
    ("دو سوم خانواده‌ها", [("دو سوم", "fraction", 2 / 3, None, None)]),
    ("یک چهارم موارد", [("یک چهارم", "fraction", 0.25, None, None)]),
    ("نیمی از مراکز", [("نیمی", "fraction", 0.5, None, None)]),
    ("گروه سنی ۱۸-۱۳ سال", [("۱۸-۱۳", "range", 13, 18, None)]),
    ("گروه سنی ۱۸ - ۱۳ سال", [("۱۸ - ۱۳", "range", 13, 18, None)]),
    ("بین ۵ تا ۱۰ نفر", [("بین ۵ تا ۱۰", "range", 5, 10, None)]),
    ("بین ۵ و ۱۰ درصد", [("بین ۵ و ۱۰ درصد", "range", 5, 10, "درصد")]),
    ("۵ تا ۱۰ نفر", [("۵ تا ۱۰", "range", 5, 10, None)]),
    ("۵ تا ۱۰ هزار نفر", [("۵ تا ۱۰ هزار", "range", 5000, 10000, "هزار")]),
    ("بین ۴ تا ۶ هزار میلیارد ریال", [("بین ۴ تا ۶ هزار میلیارد", "range", 4e12, 6e12, "میلیارد")]),
    # a scale glued to its unit on a scraped page
    ("ظرفیت از ۲ هزارنفر", [("۲ هزار", "cardinal", 2000, None, "هزار")]),
    ("۴۰ میلیاردریال", [("۴۰ میلیارد", "cardinal", 4e10, None, "میلیارد")]),
    ("۳ میلیون و ۸۰۰ هزارکودک", [("۳ میلیون و ۸۰۰ هزار", "cardinal", 3_800_000, None, "میلیون")]),
    ("۵ هزارمددجو", [("۵ هزار", "cardinal", 5000, None, "هزار")]),
    ("۱۳ الی ۱۸ ساله", [("۱۳ الی ۱۸", "range", 13, 18, None)]),
    ("دو تا سه نفر", [("دو تا سه", "range", 2, 3, None)]),
    ("از ۲۲ لغایت ۲۸ تیرماه", [("۲۲ لغایت ۲۸", "range", 22, 28, None)]),
    ("دو تا کودک", [("دو", "cardinal", 2, None, None)]),
    ("سومین جلسه", [("سومین", "ordinal", 3, None, None)]),
    ("روز سوم", [("سوم", "ordinal", 3, None, None)]),
    ("دهمین دوره", [("دهمین", "ordinal", 10, None, None)]),
    ("۲۰ام ماه", [("۲۰ام", "ordinal", 20, None, None)]),
    ("۲۰ امین سالگرد", [("۲۰ امین", "ordinal", 20, None, None)]),
    ("سی‌ام خرداد", [("سی‌ام", "ordinal", 30, None, None)]),
    ("بیست و یکمین همایش", [("بیست و یکمین", "ordinal", 21, None, None)]),
    ("اولین بار", [("اولین", "ordinal", 1, None, None)]),
    ("نخستین جلسه", [("نخستین", "ordinal", 1, None, None)]),
    ("در مرحله اول", [("اول", "ordinal", 1, None, None)]),
    ("روز دوم", [("دوم", "ordinal", 2, None, None)]),
    ("یک وعده غذای گرم", [("یک", "cardinal", 1, None, None)]),
    ("طی یک ماه آینده", [("یک", "cardinal", 1, None, None)]),
    ("۷۰ هزار تومان", [("۷۰ هزار", "cardinal", 70000, None, "هزار")]),
    ("۲.۵ میلیون نفر", [("۲.۵ میلیون", "cardinal", 2_500_000, None, "میلیون")]),
    ("یک میلیون و دویست هزار نفر", [("یک میلیون و دویست هزار", "cardinal", 1_200_000, None, "میلیون")]),
    ("سیوهفت جلسه", [("سیوهفت", "cardinal", 37, None, None)]),
    ("سی‌وهفت جلسه", [("سی‌وهفت", "cardinal", 37, None, None)]),
    ("نه هزار نفر", [("نه هزار", "cardinal", 9000, None, "هزار")]),
    ("بیست و نه نفر", [("بیست و نه", "cardinal", 29, None, None)]),
    ("دو و نیم ساعت", [("دو و نیم", "cardinal", 2.5, None, None)]),
    ("کد خبر: 1403032315898", [("1403032315898", "cardinal", 1403032315898, None, None)]),
    ("حدود سه در صد کاهش", [("سه در صد", "percent", 3, None, "درصد")]),  # «درصد» in two words
    ("۳ در صد هزار نفر", [("۳", "cardinal", 3, None, None), ("صد هزار", "cardinal", 100_000, None, "هزار")]),
    # a scale the number has used already starts the next number of a list
    ("به ترتیب ۴۱۲ هزار و ۶۵ هزار نفر", [("۴۱۲ هزار", "cardinal", 412_000, None, "هزار"),
                                        ("۶۵ هزار", "cardinal", 65_000, None, "هزار")]),
    ("دو میلیون و ۳۰۰ هزار و ۴۰ هزار", [("دو میلیون و ۳۰۰ هزار", "cardinal", 2_300_000, None, "میلیون"),
                                       ("۴۰ هزار", "cardinal", 40_000, None, "هزار")]),
])
def test_find_numbers(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "استان سیستان و بلوچستان", "هفته بهزیستی", "یکی از استان‌ها", "یکی از مسئولان گفت",
    "سه‌شنبه گذشته", "سه شنبه گذشته", "پنج‌شنبه", "یکشنبه", "ده‌ها کودک", "صدها نفر", "هزاران خانواده",
    "میلیون‌ها نفر", "به شما می‌دهم", "نمی دهم", "نه تنها کودکان", "نه این و نه آن", "دوست من",
    "صدور مجوز", "همکاری با یکدیگر", "نخست‌وزیر", "سیما", "پنجره", "هشتگ", "دهه", "سهم استان",
    "ساعت ۱۵:۵۶", "تاریخ ۱۴۰۳/۰۳/۲۳", "تاریخ ۱۴-۰۹-۱۴۰۲", "تاریخ ۱۴۰۲.۰۹.۱۴", "تاریخ ۱۴۰۲ ٫ ۰۹ ٫ ۱۴",
])
def test_not_numbers(text):
    assert spans(text) == []


def test_same_values_after_hazm_normalisation():
    from hazm import Normalizer

    raw = ("سه هزار و 700 پرونده، 1,200,000 نفر، 1.200.000 ریال، 12.5 درصد، 50% و ۲/۵ میلیون، "
           "سیوهفت جلسه، گروه ۱۸-۱۳ سال، 20ام، يك هزار و 600 كودك")
    normalised = Normalizer().normalize(raw)
    values = [(m.kind, m.value, m.high) for m in find_numbers(raw)]
    assert values == [(m.kind, m.value, m.high) for m in find_numbers(normalised)] == [
        ("cardinal", 3700, None), ("cardinal", 1_200_000, None), ("cardinal", 1_200_000, None),
        ("percent", 12.5, None), ("percent", 50, None), ("cardinal", 2_500_000, None), ("cardinal", 37, None),
        ("range", 13, 18), ("ordinal", 20, None), ("cardinal", 1600, None)]


def test_longest_non_overlapping_left_to_right():
    text = "۱۹۹ کودک، سه هزار و ۷۰۰ پرونده، ۵ تا ۱۰ درصد و سومین جلسه"
    ms = find_numbers(text)
    assert [m.kind for m in ms] == ["cardinal", "cardinal", "range", "ordinal"]
    assert ms[2].unit_word == "درصد" and (ms[2].value, ms[2].high) == (5, 10)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_arabic_letters_and_bidi_marks_keep_offsets():
    text = "\u200fيك هزار و ۶۰۰\u200f كودك"
    (m,) = find_numbers(text)
    assert m.value == 1600 and text[m.start:m.end] == m.text == "يك هزار و ۶۰۰"
    assert len(align_fold(text)) == len(text)


def test_line_break_ends_a_phrase():
    assert [m.value for m in find_numbers("سه هزار\nو ۷۰۰ نفر")] == [3000, 700]


# --- properties ----------------------------------------------------------------------

joiners = st.sampled_from([" و ", "و", ZWNJ + "و", ZWNJ + "و" + ZWNJ, " و" + ZWNJ])
numbers = st.integers(min_value=0, max_value=10**12)


@given(numbers, joiners, st.booleans(), st.booleans())
def test_words_round_trip(n, joiner, yeksad, bare_thousand):
    assert parse_number(to_words(n, joiner, yeksad, bare_thousand)) == n


@given(numbers, st.frozensets(st.sampled_from([1, 10**3, 10**6, 10**9, 10**12])),
       st.sampled_from([PERSIAN_DIGITS, ARABIC_DIGITS, str.maketrans("", "")]))
def test_mixed_digits_and_words_round_trip(n, digit_groups, script):
    phrase = to_words(n, digit_groups=digit_groups).translate(script)
    assert parse_number(phrase) == n


@given(numbers, st.sampled_from([PERSIAN_DIGITS, ARABIC_DIGITS, str.maketrans("", "")]),
       st.sampled_from(["", ",", "٬", ".", " , ", " ٬ "]))
def test_digit_scripts_and_separators_round_trip(n, script, sep):
    digits = f"{n:,}".replace(",", sep) if (sep != "." or n >= 1000) else str(n)
    assert parse_number(digits.translate(script)) == n


@given(st.integers(min_value=10**6, max_value=10**12), st.sampled_from(["٫", " ٫ "]))
def test_arabic_decimal_sign_as_thousands_only_with_two_groups(n, sep):
    # hazm's normaliser turns «1.200.000» into «۱ ٫ ۲۰۰ ٫ ۰۰۰»
    assert parse_number(f"{n:,}".replace(",", sep).translate(PERSIAN_DIGITS)) == n


@given(st.integers(0, 999), st.text("0123456789", min_size=1, max_size=4), st.sampled_from(["٫", "/", " ٫ ", "."]),
       st.sampled_from([None, 10**3, 10**6, 10**9]))
def test_decimals_round_trip(whole, frac, sep, scale):
    if sep == "." and len(frac) == 3:
        frac += "1"  # «1.200» alone reads as twelve hundred
    phrase = f"{whole}{sep}{frac}".translate(PERSIAN_DIGITS)
    expected = float(f"{whole}.{frac}")
    if scale:
        phrase += " " + {10**3: "هزار", 10**6: "میلیون", 10**9: "میلیارد"}[scale]
        expected = float(Fraction(f"{whole}.{frac}") * scale)
    assert parse_number(phrase) == expected


@given(numbers.filter(lambda n: n not in (0, 9)), joiners)  # a lone «نه» reads as "no"
def test_number_in_a_sentence(n, joiner):
    words = to_words(n, joiner)
    text = f"به گزارش خبرنگار، {words} کودک شناسایی شد."
    ms = find_numbers(text)
    assert len(ms) == 1 and ms[0].value == n and ms[0].kind == "cardinal"
    assert ms[0].text == words


VOCAB = ["یک", "دو", "سه", "نه", "ده", "سی", "صد", "هزار", "میلیون", "و", "تا", "بین", "درصد", "٪", "%",
         "سوم", "سومین", "نیم", "نیمی", "از", "کودک", "سیستان", "هفته", "شنبه", "ها", "ام", "-", "۱۲", "۵۰۰",
         "1.200", "۲/۵", "۱۴۰۳/۰۳/۲۳", "۱۵:۵۶", "سیوهفت", "یکی", "می", "دهم", "٫", ",", "٬", "."]


@settings(max_examples=300)
@given(st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("یکدوسهچارپنجشهفتزصبیتمیلونادر۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
                                          ",.٫٬/-:%٪ \u200c\n\u200fيكـً"))),
    st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from([" ", "", ZWNJ, "\n", "  "]))).map(
        lambda xs: "".join(w + s for w, s in xs)),
))
def test_find_numbers_never_raises_and_offsets_slice_back(text):
    ms = find_numbers(text)
    last = 0
    for m in ms:
        assert last <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.kind in {"cardinal", "percent", "fraction", "range", "ordinal"}
        assert (m.high is not None) == (m.kind == "range")
        last = m.end
    parse_number(text)


@pytest.mark.parametrize("digits", [
    "۳" * 5000,  # past Python's int-conversion limit (4300 digits): ValueError lost the whole article
    ",".join(["۱۰۰"] * 2000),  # the same, grouped
    "1" * 400 + ".5",  # a float would be inf
    "۹" * 31,
])
def test_a_number_too_long_to_be_a_figure_is_skipped(digits):
    text = f"در این استان {digits} و ۴۵ کودک کار شناسایی شدند"
    assert [m.value for m in find_numbers(text)] == [45]
    assert parse_number(digits) is None


def test_the_longest_figure_is_kept():
    assert [m.value for m in find_numbers("۹" * 30 + " ریال")] == [float("9" * 30)]


def test_a_comma_with_one_or_two_digits_before_a_scale_word_is_decimal():
    assert [(n.value, n.text) for n in find_numbers("۲,۸ میلیون تومان")] == [(2_800_000, "۲,۸ میلیون")]
    assert [n.value for n in find_numbers("12,500 نفر")] == [12_500]
    assert [n.value for n in find_numbers("۲,۸ نفر")] == [2, 8]


@pytest.mark.parametrize("text, value", [
    ("بیش از سههزارو ۴۰۰ کودک", 3400),    # a scale glued to its number word, «و» glued to the scale
    ("نههزارو دویست تماس", 9200),
    ("چهارهزار خانوار", 4000),             # pages without ZWNJ write them as one word
    ("دومیلیون و ششصدهزار تومان", 2_600_000),  # «دوم» is an ordinal, but «دومیلیون» is «دو» + «میلیون»
])
def test_scale_words_glued_to_the_number_they_multiply(text, value):
    found = find_numbers(text)
    assert [n.value for n in found] == [value]


def test_a_percentage_with_a_possessive_suffix_is_a_percentage():
    found = find_numbers("۶۰ درصد این کودکان ایرانی و ۴۰ درصدشان از اتباع هستند")
    assert [(n.value, n.kind) for n in found] == [(60, "percent"), (40, "percent")]
