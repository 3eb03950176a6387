"""Name lists, surname cues, post heads and reporting verbs.

The Persian sentences are invented for these tests.
"""
from builder.text import lexicon as L
from builder.text.textkey import key


def test_given_names():
    assert len(L.given_names()) >= 1500
    for name in ["محمد", "فاطمه", "علیرضا", "زهرا", "حبیب‌الله", "حبیب الله", "محمدرضا", "نرگس"]:
        assert L.is_given_name(name), name
    for word in ["کشور", "اجتماعی", "کودکان", "ایران", "استان", "گفت", "بهزیستی", "روزی", ""]:
        assert not L.is_given_name(word), word


def test_surname_morphology():
    for name in ["رضایی", "علیزاده", "موسی‌پور", "حسن‌زاده", "حسینی", "موسوی", "پزشکیان", "کریمی‌نژاد", "جعفری"]:
        assert L.is_surname_like(name), name
    for word in ["اجتماعی", "کاری", "افراد", "نیازمند", "وی", "برای", "خیابانی", "جریان", "نفر", "ملی", "کودک"]:
        assert not L.is_surname_like(word), word


def test_common_word_is_only_a_weak_cue():
    # «نوری» is a surname but also a frequent adjective in words.dat: weaker than «قاسمی»
    assert L.word_frequency("نوری") is not None
    assert L.surname_score("نوری") < L.surname_score("قاسمی")
    assert L.is_common_word("جدی") and not L.is_common_word("قاسمی")


def test_role_heads_longest_first():
    heads = L.ROLE_HEADS
    assert {"مدیر کل", "مدیرکل", "رئیس", "رییس", "معاون امور اجتماعی", "استاندار"} <= set(heads)
    lengths = [len(key(h)) for h in heads]
    assert lengths == sorted(lengths, reverse=True)
    assert heads.index("معاون امور اجتماعی") < heads.index("معاون")


def test_reporting_verbs_in_variant_spellings():
    pat = L.reporting_verb_pattern()
    cases = {
        "وی تاکید کرد: کودکان": "تاکید کرد",
        "وی تأکید کرد: کودکان": "تاکید کرد",
        "وی تاكيد كرد: کودکان": "تاکید کرد",
        "او خاطرنشان کرد که": "خاطرنشان کرد",
        "او خاطر نشان کرد که": "خاطرنشان کرد",
        "مدیر اظهارداشت:": "اظهار داشت",
        "وی گفته است که": "گفته است",
        "کارشناسان می‌گویند": "می‌گویند",
        "مسئولان گفتند:": "گفتند",
        "معاون یادآور شد": "یادآور شد",
    }
    for text, verb in cases.items():
        m = pat.search(text)
        assert m, text
        assert key(m.group()) == key(verb), text  # the verb as written, in any of its spellings
    assert pat.search("در این گفتگو و گفتار") is None
    assert L.REPORTING_VERBS[0] != "گفت"  # longest first
    assert {"گفت", "افزود", "اظهار کرد", "تأکید کرد", "گفته است", "افزوده است"} <= set(L.REPORTING_VERBS)


def test_the_heads_and_units_read_from_builder_data():
    from builder.extract.phrases import CITY_LEVEL, NAMED_HEADS, PLACE_BOUND, PROGRAM_HEADS
    from builder.extract.figures import _UNIT_OF

    assert PLACE_BOUND["اداره کل بهزیستی"] == ("سازمان بهزیستی کشور", True)
    assert PLACE_BOUND["شهرداری"] == (None, False)
    assert key("فرمانداری") in CITY_LEVEL and key("بهزیستی") not in CITY_LEVEL
    assert "سازمان" in NAMED_HEADS and PROGRAM_HEADS["طرح"] == "plan" and PROGRAM_HEADS["روز جهانی"] == "occasion"
    assert _UNIT_OF[key("کودک")] == "persons" and _UNIT_OF[key("خانوار")] == "households"


def test_event_triggers_read_from_builder_data_with_the_word_gap():
    from builder.extract.events import TRIGGERS

    kinds = dict(TRIGGERS)
    assert list(kinds) == ["press_conference", "visit", "opening", "meeting"]
    assert kinds["press_conference"].search("در نشست‌خبری امروز") and kinds["press_conference"].search("نشستخبری")
    assert kinds["opening"].search("این مرکز به بهره برداری رسید") and not kinds["visit"].search("دیدار کرد")
