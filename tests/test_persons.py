"""Persons and their quotes in the shapes real pages print them (invented sentences)."""
from __future__ import annotations

import pytest

from builder.text.document import Document
from builder.pipeline import process
from builder.text.textkey import key


def run(body: str) -> Document:
    raw = "کد خبر: 123456\nسه‌شنبه ۱۴ آذر ۱۴۰۲ - ۱۰:۰۰\n\nگزارشی درباره وضعیت کودکان کار در استان\n\n" + body.strip() + "\n"
    return process(Document("t.txt", "t", raw))


def persons(doc: Document) -> set[str]:
    return {key(p.name) for p in doc.persons.values()}


def speakers(doc: Document) -> list[str]:
    return [q.speaker for q in doc.quotes]


@pytest.mark.parametrize("sentence, name", [
    # a given name frequent in the lexicon only because it is a name, before a surname-like word
    ("علی کاظمیان در بازدید از مرکز گفت: کار ادامه دارد.", "علی کاظمیان"),
    ("مریم صالحی فر در نشست افزود: برنامه اجرا می‌شود.", "مریم صالحی فر"),
    # an unmistakable surname after an everyday given name
    ("امید حسین زاده در نشست افزود: برنامه اجرا می‌شود.", "امید حسین زاده"),
    # a compound given name written apart, a prefix glued to the given name
    ("عزیز اله کرمی در بازدید از مرکز گفت: کار ادامه دارد.", "عزیز اله کرمی"),
    ("سیدجواد موسوی در بازدید از مرکز گفت: کار ادامه دارد.", "سیدجواد موسوی"),
    # a post right after the name, no comma: the words between are the surname
    ("زهرا محمدی فلاح مدیرکل بهزیستی استان البرز گفت: کار ادامه دارد.", "زهرا محمدی فلاح"),
    # a name in quotation marks before its post
    ("\" رضا نفریه \"، معاون امور اجتماعی سازمان بهزیستی کشور گفت: کار ادامه دارد.", "رضا نفریه"),
    # a credit line with no comma before the name
    ("به گزارش یولن از گچساران حمید کرمی در بازدید از مرکز اظهار کرد: کار ادامه دارد.", "حمید کرمی"),
    ("به گزارش خبرنگار باشگاه خبرنگاران یاسوج؛ حمید کرمی با اعلام این خبر افزود: کار ادامه دارد.", "حمید کرمی"),
    # «بنا بر گزارش» and «طبق گزارش» credit as «به گزارش» does; «اما» may open the sentence
    ("اما بنا بر گزارش ایلنا حمید کرمی پژوهشگر خبر داد که کار ادامه دارد.", "حمید کرمی"),
    ("طبق گزارش مهر، حمید کرمی در بازدید از مرکز اظهار کرد: کار ادامه دارد.", "حمید کرمی"),
    # a credit that cites its source, then the name with no comma
    ("به گزارش روابط عمومی بهزیستی استان بوشهر به نقل از بهزیستی دیلم حمید کرمی رئیس اداره بهزیستی گفت: کار ادامه دارد.",
     "حمید کرمی"),
    # a «_» after the credit, glued to the name
    ("به گزارش پایگاه خبری شمال _حمید کرمی مدیرکل بهزیستی استان گیلان گفت: کار ادامه دارد.", "حمید کرمی"),
])
def test_names_of_real_pages(sentence, name):
    doc = run(sentence)
    assert key(name) in persons(doc)
    assert key(name) in speakers(doc)


@pytest.mark.parametrize("sentence", [
    "امید مردم به بهبود وضعیت افزایش یافته است و نشست ادامه دارد.",  # an everyday word, no context
    "بهار امسال برنامه‌های تازه‌ای اجرا شد و نشست ادامه دارد.",
])
def test_everyday_words_that_are_given_names_need_context(sentence):
    assert not persons(run(sentence))


def test_a_surname_mention_of_a_compound_given_name_is_the_same_person():
    doc = run("عزیز اله کرمی در بازدید از مرکز گفت: کار ادامه دارد.\n\nکرمی افزود: مرکز گسترش می‌یابد.")
    assert speakers(doc) == [key("عزیز اله کرمی")] * 2


def roles(doc: Document, person: str) -> set[str]:
    return {key(p.title) for p in doc.posts if p.holder == key(person)}


def quotes(doc: Document) -> list[tuple[str, str]]:
    return [(q.speaker, key(q.verb)) for q in doc.quotes]


def test_the_post_of_a_posts_holder_is_one_role():
    doc = run("مرتضی کاظمی معاون قضایی رییس کل دادگستری استان تهران گفت: کار ادامه دارد.")
    assert roles(doc, "مرتضی کاظمی") == {key("معاون قضایی رییس کل دادگستری استان تهران")}
    doc = run("حمید رسولی مشاور وزیر کشور گفت: کار ادامه دارد.")
    assert roles(doc, "حمید رسولی") == {key("مشاور وزیر کشور")}


def test_a_lead_after_a_sources_label_is_resolved_to_the_person_named_later():
    doc = run("ایسنا: معاون امور اجتماعی اداره کل بهزیستی استان کرمان اظهار کرد: مهدها گسترش می‌یابند. "
              "محمود منصوری گفت: کار ادامه دارد.")
    assert key("معاون امور اجتماعی اداره کل بهزیستی استان کرمان") in roles(doc, "محمود منصوری")


def test_reported_speech_after_that_and_according_to():
    doc = run("سعید کرمانی به خبرنگار ما گفته است که تماس‌ها بیشتر شده‌اند.\n\n"
              "به گفته وی، بیشتر تماس‌ها درباره اختلاف خانوادگی است.")
    assert quotes(doc) == [(key("سعید کرمانی"), key("گفته است")), (key("سعید کرمانی"), key("به گفته"))]


def test_verbs_joined_by_and_are_two_quotes_and_verbs_keep_the_pages_spelling():
    doc = run("رضا کاظمی از افتتاح مرکز خبر داد و اظهارکرد: این مرکز ظرفیت ۴۰ کودک دارد.")
    assert [v for _, v in quotes(doc)] == [key("خبر داد"), key("اظهارکرد")]
    assert doc.quotes[1].verb == "اظهارکرد"


def test_a_lead_role_is_not_given_to_a_person_holding_another_post_with_the_same_head():
    doc = run("رئیس سازمان رفاه شهرداری یزد از پذیرش ۴۰ کارتن‌خواب در گرمخانه‌های این شهر از ابتدای پاییز خبر داد.\n\n"
              "رضا کاظمی اظهار کرد: گرمخانه‌ها آماده‌اند.\n\n"
              "مریم صالحی رئیس کمیسیون اجتماعی شورای شهر یزد نیز گفت: بودجه افزایش یافت.")
    assert key("رئیس سازمان رفاه شهرداری یزد") in roles(doc, "رضا کاظمی")


# --- where the story is, and what it says it runs ---------------------------------

def test_a_program_no_sentence_places_runs_where_the_story_is():
    doc = run("رئیس اداره بهزیستی شهرستان میبد گفت: امسال مرکز جامع خدمات توانبخشی در این شهرستان افتتاح می‌شود.\n\n"
              "رضا کاظمی افزود: پویش همدلی با مردم نیز ادامه دارد.")
    assert doc.places[doc.setting].name == "میبد"
    assert all(p.places == [doc.setting] for p in doc.programs.values())


def test_an_office_of_a_provincial_body_named_after_a_city_is_a_county_office():
    doc = run("رئیس اداره بهزیستی سبزوار گفت: امسال مرکز جامع خدمات توانبخشی افتتاح می‌شود.")
    assert doc.places[doc.setting].name == "سبزوار"


def test_a_story_whose_headline_names_one_city_of_its_province_is_about_that_city():
    raw = ("کد خبر: 123456\n\nفعالیت ۴۰۰ مرکز ترک اعتیاد در مشهد\n\n"
           "مدیرکل بهزیستی خراسان رضوی گفت: هم اکنون ۴۰۰ مرکز درمان سرپایی اعتیاد فعال است.\n")
    doc = process(Document("t.txt", "t", raw))
    assert doc.places[doc.setting].name == "مشهد"
    assert [doc.places[s.place].name for s in doc.statistics] == ["مشهد"]
    other = process(Document("t.txt", "t", raw.replace("در مشهد", "در مشهد و نیشابور")))
    assert other.setting == key("خراسان رضوی")  # two cities: the story is the province's


def test_a_story_that_names_one_county_and_no_other_place_is_about_that_county():
    doc = run("مسئول کمپ گفت: در شهرستان نیر کمپ ترک اعتیاد نسیم فعال است.\n\n"
              "وی افزود: در کمپ ترک اعتیاد نسیم ۴۰ نفر پذیرش شدند و در سال گذشته ۱۲۰ نفر بهبود یافتند.")
    assert doc.places[doc.setting].name == "نیر"
    assert {doc.places[s.place].name for s in doc.statistics} == {"نیر"}
    other = run("مسئول کمپ گفت: در شهرستان نیر کمپ ترک اعتیاد نسیم فعال است و استان اردبیل سه کمپ دارد.\n\n"
                "وی افزود: در این کمپ ۴۰ نفر پذیرش شدند.")
    assert other.setting == key("اردبیل")  # a province named too: the story is the province's


def test_a_story_that_names_no_province_is_about_the_country():
    doc = process(Document("t.txt", "t", "کد خبر: 123456\n\nافزایش مستمری مددجویان\n\n"
                           "رئیس سازمان بهزیستی کشور گفت: مستمری ۸۵۰ هزار مددجو از فروردین ۳۰ درصد بیشتر می‌شود.\n"))
    assert doc.setting == key("ایران")
    assert doc.statistics and {s.place for s in doc.statistics} == {key("ایران")}
    assert key("ایران") not in {m.ref for m in doc.mentions if m.kind == "place"}  # not named: no place of the story


def test_the_social_emergency_named_alone_is_a_program_not_an_organisation():
    doc = run("رضا کاظمی گفت: شهروندان می‌توانند موارد کودک‌آزاری را به اورژانس اجتماعی گزارش دهند.")
    assert any(p.kind == "hotline" for p in doc.programs.values())
    assert not any(o.evidence for o in doc.organizations.values() if "اورژانس" in o.name)


@pytest.mark.parametrize("sentence, name", [
    # a given name that is also a town
    ("به گزارش شبستان، شهریار کرمانی، با بیان اینکه مرکز فعال است گفت: کار ادامه دارد.", "شهریار کرمانی"),
    # a name whose space the page lost
    ("سعیدفریور با اشاره به خدمات مرکز اظهار داشت: کار ادامه دارد.", "سعیدفریور"),
    # a given name we do not list before a surname made of a given name and a suffix
    ("به گزارش خبرنگار ما؛ قنبر موسی نژاد با اعلام این مطلب افزود: کار ادامه دارد.", "قنبر موسی نژاد"),
    # a given name inside the surname, right before the post
    ("حبیب الله مسعودی فرید معاون امور اجتماعی سازمان بهزیستی کشور اظهار کرد: کار ادامه دارد.", "حبیب الله مسعودی فرید"),
])
def test_more_names_of_real_pages(sentence, name):
    doc = run(sentence)
    assert persons(doc) == {key(name)}
    assert key(name) in speakers(doc)


def test_a_town_read_inside_a_name_is_no_place_and_a_compound_surname_is_no_glued_name():
    doc = run("به گزارش شبستان، شهریار کرمانی، با بیان اینکه مرکز فعال است گفت: کار ادامه دارد.")
    assert not any(p.name == "شهریار" for p in doc.places.values())
    doc = run("لیلا محمدیان‌فر، مدیرعامل انجمن خیریه گفت: کار ادامه دارد.\n\nمحمدیان‌فر افزود: مرکز گسترش می‌یابد.")
    assert persons(doc) == {key("لیلا محمدیان‌فر")}


def test_a_later_mention_by_a_surname_made_of_a_given_name_is_the_same_person():
    doc = run("به گزارش خبرنگار ما؛ قنبر موسی نژاد با اعلام این مطلب افزود: کار ادامه دارد.\n\n"
              "موسی نژاد گفت: مرکز گسترش می‌یابد.")
    assert persons(doc) == {key("قنبر موسی نژاد")} and set(speakers(doc)) == {key("قنبر موسی نژاد")}


def test_the_deputy_of_a_mayor_and_another_post_are_two_roles():
    doc = run("جاوید کیانی معاون شهردار و رییس سازمان اجتماعی و فرهنگی شهرداری مشهد گفت: کار ادامه دارد.")
    assert roles(doc, "جاوید کیانی") == {key("معاون شهردار"), key("رییس سازمان اجتماعی و فرهنگی شهرداری مشهد")}


def test_pointing_to_something_is_not_a_quote():
    doc = run("سعید کرمانی در این نشست به وضعیت کودکان کار در استان اشاره کرد.")
    assert not doc.quotes


@pytest.mark.parametrize("text, name", [
    # a site's name before the credit, commas inside the credited office's name, a credit of two words
    ("سپیدان خبر _ به گزارش روابط عمومی بهزیستی استان فارس ،مریم کرمانی معاون امور اجتماعی گفت : کار ادامه دارد.", "مریم کرمانی"),
    ("به گزارش روابط عمومی اداره کل تعاون،کار و رفاه اجتماعی استان البرز، اسدالله حیدری مدیرکل بهزیستی البرز گفت: کار ادامه دارد.", "اسدالله حیدری"),
    ("به گزارش میلاد فارس هوشنگ دلاور با بیان اینکه طرح ادامه دارد افزود: کار ادامه دارد.", "هوشنگ دلاور"),
    # every word between quotation marks is the name's
    ("\"کرم رضا پیردایه\"رئیس بهزیستی بروجرد گفت: کار ادامه دارد.", "کرم رضا پیردایه"),
])
def test_speakers_after_real_credit_lines(text, name):
    assert key(name) in speakers(run(text))


def test_a_surname_of_two_words_is_read_from_its_repetition():
    doc = run("سید حسن موسوی چلک روز یکشنبه در آیین افتتاح مراکز گفت: کار ادامه دارد.\n\n"
              "موسوی چلک اضافه کرد: ۹ هزار کودک در این مراکز نگهداری می‌شوند.")
    assert persons(doc) == {key("سید حسن موسوی چلک")}
    assert speakers(doc) == [key("سید حسن موسوی چلک")] * 2


def test_a_surname_with_a_function_word_inside_is_read_from_its_repetition():
    doc = run("سید رضا خدمت بین نیا گفت: بسته‌ها توزیع شد.\n\nخدمت بین نیا افزود: کار ادامه دارد.")
    assert persons(doc) == {key("سید رضا خدمت بین نیا")}
    assert speakers(doc) == [key("سید رضا خدمت بین نیا")] * 2
    # a sentence that opens with the surname and an adverbial is no repetition of a longer name
    doc = run("حمید کریمیان با اشاره به آمار گفت: کار ادامه دارد.\n\nکریمیان با اشاره به طرح افزود: خوب است.")
    assert persons(doc) == {key("حمید کریمیان")}


def test_a_superlative_is_no_word_of_a_name():
    doc = run("بهمن افشار سخنگوی ستاد گفت: طرح اجرا شد.\n\nافشار بزرگ‌ترین نگرانی خانواده‌ها را هزینه درمان خواند و افزود: کار ادامه دارد.")
    assert persons(doc) == {key("بهمن افشار")}
    assert speakers(doc) == [key("بهمن افشار")] * 2


def test_a_two_word_surname_that_hazm_spaces_inside_is_still_read_from_its_repetition():
    """hazm's affix spacing writes «دهمرده» as «دهم‌رده»; the surname's last word is still one word."""
    doc = run("مهدی راحت دهمرده در زابل اظهار داشت: آمار تماس‌ها بیشتر شده است.\n\n"
              "راحت دهمرده با اشاره به برنامه‌های استان گفت: کار ادامه دارد.")
    assert persons(doc) == {key("مهدی راحت دهمرده")}
    assert speakers(doc) == [key("مهدی راحت دهمرده")] * 2


def test_sayyid_glued_to_a_given_name_we_do_not_list_opens_a_name():
    doc = run("سیدصولت مرتضوی در نشست امروز گفت: مستمری‌ها افزایش می‌یابد.")
    assert persons(doc) == {key("سیدصولت مرتضوی")}
    assert run("سیدالشهدا را یاد کردند و مراسم در مسجد برگزار شد.").persons == {}


def test_a_given_name_compounded_with_aldin_opens_a_name():
    doc = run("به گزارش روابط عمومی بهزیستی همدان، فریدالدین صالحی در بازدید از مرکز مشاوره افزود: خدمات ادامه دارد.")
    assert persons(doc) == {key("فریدالدین صالحی")}


def test_a_post_in_brackets_after_the_name_is_the_names_and_closes_the_surname():
    doc = run("این بازدید با حضور دکتر سید علی کاظمی چلک (معاون امور اجتماعی بهزیستی کشور و رئیس انجمن "
              "مددکاران اجتماعی ایران) و حمید نوری انجام شد.")
    assert key("سید علی کاظمی چلک") in persons(doc)
    held = {key(p.title) for p in doc.posts if p.holder == key("سید علی کاظمی چلک")}
    assert held == {key("معاون امور اجتماعی بهزیستی کشور"), key("رئیس انجمن مددکاران اجتماعی ایران")}


def test_the_counselling_line_is_a_hotline_and_neither_line_is_an_organisation():
    doc = run("حسن کریمی مدیرکل بهزیستی استان البرز گفت: خدمات اورژانس اجتماعی البرز گسترش یافت و صدای مشاور ۱۴۸۰ "
              "به ۲۰ هزار تماس پاسخ داد؛ شهروندان با خط ۱۴۸۰ تماس بگیرند.")
    lines = {p.name: p for p in doc.programs.values() if p.kind == "hotline"}
    assert set(lines) == {"خط ۱۲۳ اورژانس اجتماعی", "خط ۱۴۸۰ صدای مشاور"}
    assert len(lines["خط ۱۴۸۰ صدای مشاور"].evidence) == 2
    assert not any(k.startswith((key("اورژانس اجتماعی"), key("صدای مشاور"))) for k in doc.organizations)


def test_a_foreign_name_in_quotation_marks_before_a_post_is_a_person():
    doc = run("«مونیکا نیلسون»، نماینده یونیسف در ایران گفت: حقوق کودکان باید رعایت شود.\n\nنیلسون افزود: همکاری ادامه دارد.")
    assert persons(doc) == {key("مونیکا نیلسون")}
    assert speakers(doc) == [key("مونیکا نیلسون")] * 2
    assert persons(run("«کودکان کار»، نماینده مجلس گفت: کار ادامه دارد.")) == set()


@pytest.mark.parametrize("text, name", [
    ("به گزارش روابط عمومی اداره کل بهزیستی استان، «عباسعلی کاویانی» اظهار کرد: مسکن مهم است.", "عباسعلی کاویانی"),
    ("به گزارش ایران سپید سیدصباح قریشی در حاشیه افتتاح خانه حمایتی گفت: کار ادامه دارد.", "سیدصباح قریشی"),
    ("حبیب الله مسعودی فرید در این باره افزود: خانه‌های امن فعال‌اند.", "حبیب الله مسعودی فرید"),
    # «به گزرش», a typo the page keeps, still opens the reported clause of an everyday given name
    ("به گزرش راسخون به نقل از تسنیم، شیرین صدرنوری در پاسخ به سوالی گفت: آمار افزایش یافته است.", "شیرین صدرنوری"),
])
def test_names_of_real_leads(text, name):
    doc = run(text)
    assert persons(doc) == {key(name)}
    assert speakers(doc) == [key(name)]


def test_the_surname_of_a_name_with_an_unlisted_and_a_listed_given_name():
    """«کرم رضا پیرزاده»: «کرم» we do not list, «رضا» we do; «پیرزاده» alone is the same person."""
    doc = run("«کرم رضا پیرزاده» رئیس بهزیستی بروجرد گفت: کار ادامه دارد.\n\nپیرزاده اظهار داشت: خدمات بیشتر شد.")
    assert speakers(doc) == [key("کرم رضا پیرزاده")] * 2


def test_a_verb_right_after_its_speaker_reports_the_words_after_it():
    doc = run("سهیلا کریمی معاون امور اجتماعی بهزیستی استان گیلان گفت: خدمات ادامه دارد.\n\n"
              "معاون امور اجتماعی بهزیستی استان اظهار داشت به مردم در همه شهرستان‌ها خدمات می‌دهیم.\n\n"
              "کریمی در پایان جلسه‌ای که با حضور مدیران برگزار شد گفت و رفت.")
    assert speakers(doc) == [key("سهیلا کریمی")] * 2  # the last «گفت» reports nothing


def test_a_post_beside_the_speaker_is_the_subject_not_words_before_the_verb():
    doc = run("نسرین کاظمی، مدیرکل آموزش و پرورش شهرستان‌های استان تهران گفته است با آغاز سال تحصیلی "
              "همه دانش‌آموزان اتباع ثبت‌نام می‌شوند.")
    assert speakers(doc) == [key("نسرین کاظمی")]


def test_a_bare_perfect_of_say_reports_like_its_full_form():
    doc = run("نسرین کاظمی نماینده مجلس گفت: کودکان کار باید به مدرسه برگردند.\n\n"
              "او گفته: «بودجه آموزش کودکان کار کم است.»\n\nبه گفته‌های مردم، مدرسه دور است.")
    assert speakers(doc) == [key("نسرین کاظمی")] * 2


def test_an_official_named_by_post_then_by_surname_alone_is_a_person():
    doc = run("مدیر شعب موسسه خیریه نور گفت: ۲۰۰ سری جهیزیه آماده است.\n\n"
              "نوروزی افزود: جهیزیه‌ها به زوج‌های جوان داده می‌شود.\n\n"
              "نوروزی با اشاره به کمک خیران گفت: کار ادامه دارد.")
    assert persons(doc) == {key("نوروزی")}
    assert speakers(doc) == [key("نوروزی")] * 3
    assert [p.title for p in doc.posts if p.holder == key("نوروزی")] == ["مدیر شعب موسسه خیریه نور"]
    # the page gave the name once with «سید» before it: that is the name
    doc = run("مدیرکل بهزیستی کردستان گفت: مستمری‌ها افزایش یافت.\n\nسید صباح نوروزی در جمع خبرنگاران حاضر بود.\n\n"
              "نوروزی افزود: کار ادامه دارد.")
    assert speakers(doc) == [key("سید صباح نوروزی")] * 2
    # a word that is no surname («همچنین») opening the sentence is nobody
    assert persons(run("مدیرکل بهزیستی گفت: کار ادامه دارد.\n\nهمچنین افزود: خدمات بیشتر شد.")) == set()


def test_a_surname_alone_before_a_post_names_its_holder():
    doc = run("به گزارش ایسنا، نوروزی مدیرکل بهزیستی استان گفت: ۳۰۰ سالمند در مراکز نگهداری می‌شوند.\n\n"
              "نوروزی تصریح کرد: کار ادامه دارد.")
    assert persons(doc) == {key("نوروزی")} and speakers(doc) == [key("نوروزی")] * 2
    assert [p.title for p in doc.posts if p.holder == key("نوروزی")] == ["مدیرکل بهزیستی"]
    doc = run("قاسم‌زاده، شهردار اصفهان: همه باید کمک کنند.\n\nقاسم‌زاده افزود: گرمخانه‌ها باز است.")
    assert persons(doc) == {key("قاسم‌زاده")}
    # a word that is no surname before a post («همچنین معاون …») names nobody
    assert persons(run("همچنین معاون بهزیستی استان گفت: کار ادامه دارد.")) == set()


def test_a_given_name_we_do_not_list_opens_a_name_the_page_repeats_by_surname():
    doc = run("به گزارش راسان به نقل از روابط عمومی بهزیستی استان؛ فرمان شاکری‌نیا افزود: ۴۰ ویلچر توزیع شد.\n\n"
              "شاکری‌نیا اظهار کرد: کار ادامه دارد.")
    assert persons(doc) == {key("فرمان شاکری‌نیا")}
    assert speakers(doc) == [key("فرمان شاکری‌نیا")] * 2


def test_a_title_and_a_surname_alone_open_a_reported_sentence():
    doc = run("به گزارش ایسنا، سردار کاظمیان با بیان این مطلب، اظهار کرد: ۳۰۰ معتاد بیمه شدند.\n\n"
              "کاظمیان افزود: کار ادامه دارد.")
    assert persons(doc) == {key("کاظمیان")} and speakers(doc) == [key("کاظمیان")] * 2
    # the first word of a surname the page gave in full is that person, not another
    doc = run("رضا موسوی نسب، مدیرکل اتباع استانداری تهران گفت: مهلت تمدید نمی‌شود.\n\n"
              "به گزارش ایرنا، آقای موسوی اضافه کرد: کار ادامه دارد.")
    assert persons(doc) == {key("رضا موسوی نسب")}


def test_a_function_word_glued_to_a_noun_is_no_glued_name():
    doc = run("همانطور که کاظمیان رئیس کمیته امداد عنوان کرده است، مستمری‌ها افزایش می‌یابد.")
    assert key("همانطور") not in persons(doc)


def test_the_words_of_a_credits_outlet_are_no_name():
    doc = run("به گزارش پایگاه خبری تحلیلی نوای شرق، مدیرکل بهزیستی استان گفت: کار ادامه دارد.")
    assert persons(doc) == set()


def test_a_post_named_alone_goes_to_the_near_person_without_a_post():
    doc = run("به گزارش ایرنا، حمید نادری صبح امروز در دیدار با رئیس کمیته امداد شهرستان از کارکنان تشکر کرد.\n\n"
              "فرماندار شهرستان بر حل مشکلات مددجویان تاکید کرد.\n\n"
              "مریم یزدانی رئیس کمیته امداد شهرستان گفت: ۲۰۰ خانوار زیر پوشش هستند.")
    holders = {p.title: p.holder for p in doc.posts}
    assert holders["فرماندار شهرستان"] == key("حمید نادری")


def test_a_time_of_day_and_a_plural_of_a_common_word_are_never_part_of_a_name():
    doc = run("داوود گلی مدیرکل آموزش و پرورش گفت: کار ادامه دارد.\n\nگلی صبح امروز گفت: مدارس باز است.")
    assert persons(doc) == {key("داوود گلی")} and speakers(doc) == [key("داوود گلی")] * 2
    assert persons(run("بنابر اظهارات مدیرکل آمار، اطلاعات جمعیتی و مهاجرت سازمان ثبت احوال ازدواج‌ها کم شد.")) == set()


def test_two_names_in_a_row_stay_two_persons():
    assert persons(run("علی محمدی حسن کریمی را در جلسه دید.")) == {key("علی محمدی"), key("حسن کریمی")}


def test_shelters_nurseries_drills_and_service_posts_are_programs_and_a_charity_centre_is_a_body():
    doc = run("رضا کاظمی گفت: مددسرای سیار و مددسراهای دائمی آماده‌اند و پایگاه خدمات اجتماعی سیار در فردیس فعال شد؛ "
              "مرکز نیکوکاری چتر مهربانی و شیرخوارگاه حضرت رقیه کمک کردند و مانور بزرگ اورژانس اجتماعی برگزار شد.")
    names = {p.name for p in doc.programs.values()}
    assert {"مددسرای سیار", "پایگاه خدمات اجتماعی سیار", "شیرخوارگاه حضرت رقیه", "مانور بزرگ اورژانس اجتماعی",
            "خط ۱۲۳ اورژانس اجتماعی"} <= names
    assert not any(n.startswith("مرکز نیکوکاری") for n in names)
    assert "مرکز نیکوکاری چتر مهربانی" in {o.name for o in doc.organizations.values()}
    assert not any(o.name == "اورژانس اجتماعی" for o in doc.organizations.values())


def test_a_plan_based_on_something_keeps_it_and_an_ngos_own_line_is_not_behzistis():
    doc = run("مدیرکل بهزیستی ایلام گفت: طرح توانبخشی مبتنی بر خانواده اجرا شد و انجمن با صدای مشاوره یارا همکاری دارد "
              "و مرکز دولتی و مابقی مراکز غیردولتی فعال‌اند.")
    names = {p.name for p in doc.programs.values()}
    assert key("طرح توانبخشی مبتنی بر خانواده") in {key(n) for n in names}
    assert not any(p.kind == "hotline" for p in doc.programs.values())
    assert not any("مابقی" in n for n in names)


def test_homes_shelters_drills_and_festivals_are_programs_and_the_hotline_has_both_names():
    doc = run("رضا کاظمی گفت: سرای سالمندان امام رضا و گرمخانه شهرداری یزد امسال فعال شدند و رزمایش کمک‌های مومنانه "
              "ادامه دارد؛ شهروندان با خط ۱۲۳ تماس بگیرند.")
    names = {key(p.name) for p in doc.programs.values()}
    assert {key("سرای سالمندان امام رضا"), key("گرمخانه شهرداری یزد"), key("رزمایش کمک‌های مومنانه"),
            key("خط ۱۲۳ اورژانس اجتماعی")} <= names


def test_a_role_joined_by_and_to_a_resolved_one_and_a_new_official_named_after():
    doc = run("معاون وزیر تعاون، کار و رفاه اجتماعی و رئیس سازمان بهزیستی کشور در این نشست گفت: کار ادامه دارد.\n\n"
              "سید جواد حسینی افزود: مراکز گسترش می‌یابد.\n\n"
              "فرماندار خمین نیز در این نشست گفت: شهرستان آماده همکاری است.\n\n"
              "حسین عباسی افزود: بودجه افزایش می‌یابد.")
    assert key("رئیس سازمان بهزیستی کشور") in roles(doc, "سید جواد حسینی")
    assert roles(doc, "حسین عباسی") == {key("فرماندار خمین")}


def test_a_speakers_post_stays_on_their_follow_up_quotes():
    doc = run("رضا کاظمی، مدیرکل بهزیستی استان یزد گفت: کار ادامه دارد.\n\nوی افزود: مراکز گسترش می‌یابد.")
    assert [q.post for q in doc.quotes] == ["مدیرکل بهزیستی استان یزد"] * 2


def test_a_name_with_a_preposition_inside_is_whole():
    doc = run("رضا کاظمی گفت: مرکز مداخله در بحران بهزیستی یزد امسال به ۴۰۰ نفر خدمات داد.")
    assert any(p.name.startswith("مرکز مداخله در بحران") for p in doc.programs.values())


def test_towns_and_villages_the_gazetteer_does_not_hold_are_places():
    doc = run("رضا کاظمی گفت: در روستای شوب محله و روستای قلعه کمیز بخش جغین شهرستان رودان و شهر گتاب "
              "۴۰ کودک زیر پوشش هستند، اما بخش اعظم کودکان شهر بزرگ بطور کامل پوشش ندارند.")
    found = {p.name: (p.kind, p.province) for p in doc.places.values()}
    assert found["شوب محله"] == ("village", "هرمزگان") and found["قلعه کمیز"][0] == "village"
    assert found["جغین"] == ("district", "هرمزگان") and found["گتاب"][0] == "city"
    assert not {"اعظم", "اعظم کودکان", "بزرگ", "بطور"} & set(found)
    doc = run("رضا کاظمی گفت: شهروندانی که کودکان کار را در سطح شهر رامشاهده کردند با سامانه تماس بگیرند.")
    assert not doc.places  # «را» glued to the verb's noun: «را مشاهده کردند»
    doc = run("رضا کاظمی گفت: بخش آسیب‌های اجتماعی این اداره فعال است.")
    assert not doc.places  # a plural after «بخش» is a section of a body


def test_a_name_post_verb_lead_of_two_ordinary_words_and_plurals_are_no_names():
    doc = run("کرم یاری، مدیرکل بهزیستی لرستان اظهار داشت: ۵۵۵ کودک کار شناسایی شدند.")
    assert persons(doc) == {key("کرم یاری")}
    doc = run("نشست با حضور مدیرکل امور اجتماعی استانداری و نمایندگان دستگاه‌های عضو این ستاد برگزار شد.")
    assert not persons(doc)


@pytest.mark.parametrize("sentence, name", [
    # a weekday after the surname is the day the official spoke, not the name's
    ("حسن دلاور یکشنبه در نشست خبری گفت: کار ادامه دارد.", "حسن دلاور"),
    # a plain word between the surname and a reporting verb ends the surname
    ("محمدرضا قلندر شریف افزود: ظرفیت گرمخانه‌ها کافی است.", "محمدرضا قلندر شریف"),
    # «امیر» is a title before a name and a given name before a surname alone
    ("امیر نصیرپور با اعلام این خبر افزود: گرمخانه جدید ساخته می‌شود.", "امیر نصیرپور"),
    ("امیر سرتیپ علی رضایی فرمانده انتظامی استان گفت: کار ادامه دارد.", "علی رضایی"),
])
def test_where_a_name_ends_and_starts(sentence, name):
    assert persons(run(sentence)) == {key(name)}


def test_a_plural_a_dateline_and_a_title_with_a_surname_are_no_names():
    assert persons(run("خشونت خانگی بالاترین میزان تماس‌های ما را به خود اختصاص می‌دهد.")) == set()  # no «اترین»
    doc = run("فرصت شغلی برای نیازمندان خراسانجنوبیمدیرکل کمیته امداد گفت: طرح‌ها اجرا شد.\n\n"
              "ندای کاشان- رئیس کمیته امداد با تاکید بر حمایت از ایتام گفت: این طرح ادامه دارد.")
    assert persons(doc) == set()
    doc = run("همایش با حضور سیدمرتضی بختیاری، رئیس کمیته امداد، آیت‌الله صدیقی، امام جمعه تهران برگزار شد.\n\n"
              "رئیس کمیته امداد گفت: این طرح ادامه دارد.")
    # the title is no given name: the official before his post is named by surname alone
    assert persons(doc) == {key("سیدمرتضی بختیاری"), key("صدیقی")}
    assert speakers(doc) == [key("سیدمرتضی بختیاری")]


def test_a_post_between_two_named_officials_is_the_first_ones():
    doc = run("نشست با حضور حسن احمدی، مدیرکل بهزیستی استان قم، علی کریمی، فرماندار شهرستان برگزار شد.")
    holders = {p.title.split()[0]: p.holder for p in doc.posts}
    assert holders["مدیرکل"] == key("حسن احمدی")
    assert holders["فرماندار"] == key("علی کریمی")


def test_a_post_glued_to_a_place_before_it_and_a_deputy_post():
    doc = run("ایجاد فرصت شغلی برای نیازمندان خراسانجنوبیمدیرکل کمیته امداد خراسان جنوبی گفت: طرح‌ها اجرا شد.\n\n"
              "محمد عرب افزود: کار ادامه دارد.")
    assert speakers(doc)[0] == key("محمد عرب")
    doc = run("سید جواد حسینی جانشین معاونت خدمات شهری شهرداری کرج گفت: ظرفیت گرمخانه‌ها کافی است.")
    assert [p.title for p in doc.posts] == ["جانشین معاونت خدمات شهری شهرداری کرج"]


def test_a_head_of_office_and_a_professor_hold_posts():
    doc = run("آقای حسن حسین‌پور ریاست اداره بهزیستی اهواز امشب از مرکز بازدید کرد.\n\n"
              "اکبر علیوردی، استاد جامعه‌شناسی دانشگاه مازندران، در این نشست گفت: خودکشی کاهش یافته است.")
    titles = {p.title for p in doc.posts}
    assert "ریاست اداره بهزیستی اهواز" in titles
    assert any(t.startswith("استاد جامعه‌شناسی دانشگاه مازندران") for t in titles)


def test_a_reporting_verb_with_a_glued_and_before_it():
    doc = run("حسن کیانی مدیرکل بهزیستی استان هرمزگان از اجرای طرح خبر داد وگفت: ۱۵۰ زن سرپرست خانوار شاغل شدند.")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("حسن کیانی"), "خبر داد"), (key("حسن کیانی"), "گفت")]


@pytest.mark.parametrize("verb", ["اعلام کرده بود", "خبر داده بود", "خبر داده", "اطلاع داد", "ذکر کرد"])
def test_pluperfect_and_bare_perfect_reporting_verbs(verb):
    doc = run(f"رحیم کرمانی مدیرکل بهزیستی استان یزد از فعالیت ۴۰ مرکز روزانه در استان {verb}.")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("رحیم کرمانی"), verb)]


@pytest.mark.parametrize("post", ["مدیرکل بهزیستی استان کرمان هم", "مدیرکل بهزیستی جنوب استان کرمان نیز"])
def test_a_post_named_alone_with_also_is_another_official(post):
    doc = run(f"علی رضایی فرماندار بم گفت: طرح اجرا شد.\n\n{post} پیش‌تر گفته بود که ۴ مرکز روزانه افتتاح می‌شود.")
    assert {(p.title, p.holder) for p in doc.posts if p.holder} == {("فرماندار بم", key("علی رضایی"))}
    assert [(q.speaker, q.verb) for q in doc.quotes if q.speaker] == [(key("علی رضایی"), "گفت")]


def test_what_was_said_before_opens_with_when():
    doc = run("پیش از این رحیم کرمانی مدیرکل بهزیستی استان یزد گفته بود که ۴۰ مرکز روزانه فعال است.")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("رحیم کرمانی"), "گفته بود")]


def test_a_reporting_verb_after_the_surname_twice_is_no_longer_surname():
    doc = run("به گزارش ایرنا، غلامعلی ملامهدی اظهار کرد: سه هزار فرزند یتیم حامی دارند.\n\n"
              "ملامهدی اظهار کرد: این طرح ادامه دارد.")
    assert persons(doc) == {key("غلامعلی ملامهدی")}


def test_a_lead_after_a_dateline_with_underscores_is_quoted():
    doc = run("کاشان _ ایرنا _ مدیرکل بهزیستی اصفهان گفت: کمپ‌های ترک اعتیاد اثربخش هستند.\n\n"
              "ناصر چاووشی در همایش رسانه افزود: کار ادامه دارد.")
    assert [q.verb for q in doc.quotes] == ["گفت", "افزود"]


def test_a_known_compound_word_or_a_glued_today_ends_a_name():
    assert persons(run("در سالگرد سردار قاسم سلیمانی گره‌گشایی از مشکلات مردم مورد تاکید قرار گرفت.")) == {key("قاسم سلیمانی")}
    assert persons(run("سید محسن حمزه لوامروز در بازدید از مرکز گفت: کار ادامه دارد.")) == {key("سید محسن حمزه لو")}


def test_given_names_written_apart_or_misspelt_and_a_given_name_ending_a_surname():
    for sentence, name in (
            ("نجم الدین محمدی مدیرعامل سازمان رفاه گفت: این طرح ادامه دارد.", "نجم الدین محمدی"),
            ("نصرلله یگانه معاون استاندار اظهار کرد: کار کودکان کاهش یافته است.", "نصرلله یگانه"),
            ("مریم بهروز بهار با بیان اینکه آمار دقیق نیست، افزود: بررسی ادامه دارد.", "مریم بهروز بهار")):
        assert key(name) in persons(run(sentence)), name


def test_a_reporters_byline_in_the_dateline_is_not_the_speaker():
    doc = run("ساوه- رضا کرمانی خبرنگار پیام ساوه- رئیس اداره بهزیستی شهرستان ساوه گفت: ۴۰ کودک کار شناسایی شدند.\n\n"
              "سعید نوروزی در ادامه افزود: این کودکان به مراکز بهزیستی سپرده شدند.")
    assert key("سعید نوروزی") in persons(doc) and key("رضا کرمانی خبرنگار پیام ساوه") not in persons(doc)
    assert key("رضا کرمانی") not in {key(s or "") for s in speakers(doc)}


def test_a_reporters_name_and_a_glued_dash_before_the_speakers_name_is_a_byline():
    # «خبرگزاری؛ سارا بابایی- جلال شیخ‌پور مدیرکل … خبر داد»: the dash glued to the reporter's surname ends her
    # name, and a name after the dash is the speaker, who opens the sentence
    doc = run("باشگاه خبرنگاران جوان؛ سارا بابایی- جلال شیخ‌پور مدیرکل کمیته امداد لرستان از پرداخت وام خبر داد.\n\n"
              "وی گفت: کارها ادامه دارد.")
    assert key("جلال شیخ‌پور") in doc.persons and key("سارا بابایی") not in doc.persons


def test_a_name_after_according_to_with_its_ezafe_written_out_is_a_person():
    # «به گفته‌ی» (the ezafe spelled) leads a name as «به گفته» does, even one whose given name is rarer
    doc = run("به گفته‌ی مهرناز عطاران کار کودکان در شهرها بیشتر شده است.")
    assert key("مهرناز عطاران") in doc.persons
    assert [q.speaker for q in doc.quotes] == [key("مهرناز عطاران")]


def test_given_names_seen_on_real_pages_open_names():
    doc = run("جاسم محمدی مدیرکل کمیته امداد لرستان گفت: کارها ادامه دارد. کامیل احمدی پژوهشگر اجتماعی نیز گفت: کودکان بیشترند.")
    assert {key("جاسم محمدی"), key("کامیل احمدی")} <= set(doc.persons)
    # «یداله» is «یدالله» spelled with «اله»
    doc = run("یداله کرمی رئیس اداره بهزیستی شهرستان گناوه گفت: کار ادامه دارد.")
    assert key("یداله کرمی") in doc.persons
    # «مالک» (also "owner") opens a name before a surname and a reporting verb
    doc = run("به گزارش ایرنا، مالک رحیمی با اعلام خبر ساخت دو مددسرا گفت: کار آغاز شده است.")
    assert key("مالک رحیمی") in doc.persons


def test_a_surname_after_a_given_name_is_not_split_into_a_word_and_a_given_name():
    doc = run("رضا مهرافروز مدیرکل کمیته امداد استان آذربایجان غربی گفت: ۸۸ هزار خانوار زیر پوشش هستند.")
    assert key("رضا مهرافروز") in doc.persons
    assert [q.speaker for q in doc.quotes] == [key("رضا مهرافروز")]


@pytest.mark.parametrize("dateline", ["خرم‌آباد| ", "خرم‌آباد_ ", "خرم‌آباد_"])  # the last glued to the post
def test_a_post_after_a_dateline_with_a_bar_is_the_lead_speakers(dateline):
    doc = run(dateline + "مدیرکل بهزیستی لرستان گفت: امسال ۳۰۰ کودک کار شناسایی شدند.\n\n"
              "مهران یوسفی اظهار کرد: این کودکان به مراکز بهزیستی معرفی شدند.")
    assert key("مدیرکل بهزیستی لرستان") in roles(doc, "مهران یوسفی")


def test_a_given_name_that_ends_a_surname_before_a_day_or_a_post():
    doc = run("حبیب الله مسعودی فرید روز یکشنبه در گفت و گو با خبرنگار ما گفت: تماس‌ها بیشتر شده است.\n\n"
              "مهدی کاظمی نوید مدیرکل بهزیستی استان نیز افزود: کار ادامه دارد.")
    assert {key("حبیب الله مسعودی فرید"), key("مهدی کاظمی نوید")} <= set(doc.persons)


def test_given_names_with_allah_spelled_ele_open_names():
    doc = run("در این جلسه عزتاله شیرازی و نصراله محبی حضور داشتند.")
    assert {key("عزتاله شیرازی"), key("نصراله محبی")} <= set(doc.persons)


def test_a_preposition_glued_to_an_adverbial_after_a_surname_is_no_part_of_the_name():
    # «فرشاد» is a given name too: with «درتشریح» read as a surname it made a second person
    doc = run("مریم فرشاد مدیرکل بهزیستی فارس در نشستی خبری گفت: ۴۰ مرکز فعال است.\n\n"
              "فرشاد درتشریح عملکرد سال گذشته افزود: ۱۲ مرکز تازه ساخته شد. "
              "کاوه سلیمانی درحاشیه این نشست گفت: کار ادامه دارد.")
    assert set(doc.persons) == {key("مریم فرشاد"), key("کاوه سلیمانی")}
    assert [q.speaker for q in doc.quotes] == [key("مریم فرشاد"), key("مریم فرشاد"), key("کاوه سلیمانی")]


def test_a_surname_that_reads_as_a_participle_is_a_surname_before_a_post():
    doc = run("بهروز آسوده، معاون توسعه مشارکت‌های مردمی کمیته امداد گفت: ۲۰ هزار بسته توزیع شد.")
    assert [q.speaker for q in doc.quotes] == [key("بهروز آسوده")]
    assert not run("در این دیدار علی گفته معاون را تایید کرد.").persons  # «گفته»: a noun, not a surname


def test_a_given_name_before_a_plural_of_people_is_no_name():
    doc = run("مدیرکل کمیته امداد گفت: این نهاد به هدایت زنان سرپرست خانوار در مسیر اشتغال کمک می‌کند. "
              "امید کودکان کار به آموزش است و مهرناز عطاران پژوهشگر اجتماعی نیز گفت: کار ادامه دارد.")
    assert set(doc.persons) == {key("مهرناز عطاران")}


@pytest.mark.parametrize("occupation", ["مردم‌شناس", "آسیب‌شناس اجتماعی", "جمعیت‌شناس"])
def test_a_scholars_field_after_the_name_is_a_post_not_a_third_name(occupation):
    doc = run(f"به گزارش ایسنا، کامران نیکو {occupation} خبر داد که شمار زباله‌گردان در شهرها بیشتر شده است.")
    assert set(doc.persons) == {key("کامران نیکو")}
    assert [q.speaker for q in doc.quotes] == [key("کامران نیکو")]


def test_a_reporters_byline_glued_before_the_speakers_name_is_not_part_of_it():
    doc = run("باشگاه خبرنگاران جوان، مینا شیخ پور رضا کرمی سرپرست سازمان فرهنگی شهرداری شهرکرد در این جلسه گفت: "
              "کار ادامه دارد. کرمی افزود: طرح‌ها اجرا می‌شود.")
    assert key("رضا کرمی") in doc.persons and not any(k.endswith(key("پور رضا کرمی")) for k in doc.persons)
    assert key("رضا کرمی") in {q.speaker for q in doc.quotes}


def test_a_surname_that_reads_as_a_word_is_read_from_the_surname_said_alone():
    # «آسوده» (relaxed) after a given name, then alone before a reporting verb: the person's surname
    doc = run("به گزارش ایرنا، کمال آسوده ضمن تبریک هفته بهزیستی بیان کرد: خدمات ادامه دارد. "
              "آسوده اظهار کرد: ۴۰ طرح افتتاح می‌شود.")
    assert key("کمال آسوده") in doc.persons
    assert speakers(doc) == [key("کمال آسوده")] * 2


def test_a_story_credited_from_a_county_is_about_that_county_and_one_from_the_capital_is_the_provinces():
    body = ("به گزارش خبرنگار ما از {city}، مدیرکل بهزیستی خراسان رضوی گفت: مرکز مشاوره خانواده امید "
            "امسال ۳۰۰ زوج را پذیرش کرد.")
    county = run(body.format(city="تایباد"))
    assert county.places[county.setting].name == "تایباد"
    assert [county.places[p].name for p in county.programs[key("مرکز مشاوره خانواده امید")].places] == ["تایباد"]
    capital = run(body.format(city="مشهد"))  # the provincial desk's city: the story is the province's
    assert capital.setting == key("خراسان رضوی")
    dateline = run("تایباد- ایرنا- رئیس بهزیستی گفت: مرکز مشاوره خانواده امید امسال ۳۰۰ زوج را پذیرش کرد.")
    assert dateline.places[dateline.setting].name == "تایباد"


def test_a_reporter_named_in_the_credit_is_neither_the_speaker_nor_the_leads_official():
    doc = run("معاون اجتماعی شهرداری منطقه ۴ از بازسازی سرای محله خبر داد.\n\n"
              "به گزارش مهدی کریمی- خبرنگار ایرنا از روابط عمومی شهرداری، “هادی رستمی” با اشاره به کار سراها گفت: "
              "سرای محله تا پایان سال باز می‌شود.")
    assert {p.name for p in doc.persons.values()} == {"مهدی کریمی", "هادی رستمی"}  # no dash glued to the surname
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("هادی رستمی"), "خبر داد"), (key("هادی رستمی"), "گفت")]
    assert [p.holder for p in doc.posts] == [key("هادی رستمی")]
    doc = run("به گزارش مهدی کریمی خبرنگار ایرنا، هادی رستمی با اشاره به کار سراها گفت: سراها باز می‌شوند.")
    assert speakers(doc) == [key("هادی رستمی")]


def test_a_given_name_that_is_also_a_word_with_a_reporting_verb():
    doc = run("شهره نوروزی با اشاره به تیم‌های سیار اورژانس اجتماعی گفت: این تیم‌ها در ورودی شهرها مستقرند.")
    assert persons(doc) == {key("شهره نوروزی")} and speakers(doc) == [key("شهره نوروزی")]


def test_a_lead_naming_the_official_by_post_with_a_verb_that_reports_nothing_takes_the_name_after_it():
    doc = run("رئیس کمیته امداد شهرستان زاوه همراهی نیکوکاران را عامل اصلی این موفقیت دانست.\n\n"
              "حمید رستمی افزود: بیش از هزار حامی در این شهرستان داریم.")
    assert [(p.title, p.holder) for p in doc.posts] == [("رئیس کمیته امداد شهرستان زاوه", key("حمید رستمی"))]
    # further down the story a post without a reporting verb is not given to the next speaker
    doc = run("حمید رستمی گفت: کار ادامه دارد.\n\nوی افزود: حامیان زیادند.\n\nاو گفت: کمک‌ها می‌رسد.\n\n"
              "فرماندار زاوه هم در این مراسم حضور داشت.\n\nسعید کاظمی گفت: حامیان بیشتر می‌شوند.")
    assert {p.title: p.holder for p in doc.posts}[("فرماندار زاوه")] is None


def test_as_the_official_says_names_the_speaker():
    doc = run("آن طور که معاون پیشگیری بهزیستی استان اصفهان، می‌گوید: شمار زنان کارتن‌خواب بیشتر شده است.\n\n"
              "مرضیه کاظمی افزود: این زنان به گرمخانه می‌روند.")
    assert [(q.speaker, key(q.verb)) for q in doc.quotes] == [(key("مرضیه کاظمی"), key("می‌گوید")), (key("مرضیه کاظمی"), "افزود")]


def test_a_person_with_a_post_of_the_same_rank_in_another_body_does_not_hold_the_leads_post():
    doc = run("مدیرکل ثبت احوال خراسان شمالی گفت که سه ازدواج زیر ده سال ثبت شده است.\n\n"
              "به نقل از ایرنا، کاوه بهرامی مدیرکل ورزش و جوانان استان پیشتر گفته بود که آمار بیشتر است.\n\n"
              "سعید زارعی روز یکشنبه اظهار کرد: امسال ۷۰۰ ازدواج در استان ثبت شد.")
    held = {p.title: p.holder for p in doc.posts}
    assert held["مدیرکل ثبت احوال خراسان شمالی"] == key("سعید زارعی")
    assert held["مدیرکل ورزش و جوانان استان"] == key("کاوه بهرامی")  # the ministry's provincial office, named bare


def test_two_names_before_a_post_in_the_plural_each_hold_it_in_the_singular():
    doc = run("در این مراسم احمد کاظمی و مجتبی رضایی نمایندگان مردم قم در مجلس شورای اسلامی حضور داشتند.")
    assert sorted((p.holder, p.title) for p in doc.posts) == [
        (key("احمد کاظمی"), "نماینده مردم قم در مجلس شورای اسلامی"),
        (key("مجتبی رضایی"), "نماینده مردم قم در مجلس شورای اسلامی")]
    doc = run("در این جلسه حسین احمدی و حجت‌الاسلام علی رضایی، معاونان سازمان بهزیستی کشور حضور داشتند.")
    assert {p.holder for p in doc.posts if p.title == "معاون سازمان بهزیستی کشور"} == {key("حسین احمدی"), key("علی رضایی")}
    doc = run("مدیران سازمان بهزیستی کشور در این جلسه حضور داشتند.")  # no names: no post
    assert doc.posts == []


@pytest.mark.parametrize("sentence, name", [
    # a third word of the name, said once, before what goes on the clause: the time, «با بیان …», the verb
    ("فرزانه کاظمی فلاح ظهر امروز در نشست خبری گفت: کار ادامه دارد.", "فرزانه کاظمی فلاح"),
    ("وجیهه رستمی فلاح با بیان اینکه کار ادامه دارد، گفت: حامیان زیادند.", "وجیهه رستمی فلاح"),
    # or where it was said: an interview, a meeting
    ("نسرین ملکی آزاد در حاشیه بازدید از مرکز گفت: کار ادامه دارد.", "نسرین ملکی آزاد"),
    # not a post, a glued preposition or the time itself
    ("سعید کاظمی مدیرکل بهزیستی گفت: کار ادامه دارد.", "سعید کاظمی"),
    ("غلامرضا کاظمی بعداز ظهر امروز گفت: کار ادامه دارد.", "غلامرضا کاظمی"),
    ("علی احمدی امروز گفت: خوب است.", "علی احمدی"),
    ("اکبر حیدری روزشنبه در نشست شورا گفت: کار ادامه دارد.", "اکبر حیدری"),  # a weekday glued to «روز»
])
def test_a_surnames_last_word_before_the_clause_goes_on(sentence, name):
    doc = run(sentence)
    assert [p.name for p in doc.persons.values()] == [name] and speakers(doc)[-1] == key(name)


@pytest.mark.parametrize("second", [
    "به گفته خانم اسعدی، این خدمت برای مددجویان مستأجر است.",  # a title between «به گفته» and the name
    "به گفته معاون خدمات شهری شهرداری خرم‌آباد این خدمت برای مددجویان مستأجر است.",  # the post named before
])
def test_according_to_a_title_and_name_or_to_a_post_held_earlier(second):
    doc = run(f"مریم اسعدی معاون خدمات شهری شهرداری خرم‌آباد گفت: کار ادامه دارد.\n\n{second}")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("مریم اسعدی"), "گفت"), (key("مریم اسعدی"), "به گفته")]


def test_a_dateline_run_into_the_leads_first_word_by_its_dash():
    doc = run("ایلام-مدیرکل کمیته امداد ایلام از کمک ۱۶ میلیارد تومانی مردم خبر داد. رضا کاظمی افزود: کمک‌ها نقدی بود.")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("رضا کاظمی"), "خبر داد"), (key("رضا کاظمی"), "افزود")]


def test_a_title_and_a_surname_before_a_post_name_the_person_by_the_surname():
    doc = run("به گزارش ایسنا، دکتر دلبری، رییس انجمن طب سالمندان گفت: مراکز روزانه کم است.")
    assert [p.name for p in doc.persons.values()] == ["دلبری"] and speakers(doc) == [key("دلبری")]
    assert [(p.title, p.holder) for p in doc.posts] == [("رییس انجمن طب سالمندان", key("دلبری"))]


def test_a_rare_female_given_name_from_real_pages():
    doc = run("به گزارش خبرنگار ایلنا از تبریز، فرگل نوروزی در گفت‌وگو با خبرنگاران اظهار کرد: تماس‌ها بیشتر شد.")
    assert persons(doc) == {key("فرگل نوروزی")} and speakers(doc) == [key("فرگل نوروزی")]


def test_a_given_name_and_ordinary_words_up_to_a_reporting_verb_name_a_person():
    # a surname may be made of ordinary words («تنها طلب», «همه خانی»): the given name opening the reported
    # sentence and nothing but those words before the verb say it is a name; later the surname alone speaks
    doc = run("معاون بهزیستی استان از آغاز طرح غربالگری خبر داد.\n\nحسن تنها طلب گفت: ۴۰ مرکز فعال است.\n\n"
              "تنها طلب افزود: کار ادامه دارد.")
    assert key("حسن تنها طلب") in persons(doc)
    assert speakers(doc) == [key("حسن تنها طلب")] * 3  # the lead's post is his, and the surname alone speaks too
    # a word of the clause, a function word or a post before the verb: no name
    for sentence in ("حسن در ادامه گفت: ۴۰ مرکز فعال است.", "حسن هم گفت: ۴۰ مرکز فعال است.",
                     "حسن مدیرکل گفت: ۴۰ مرکز فعال است."):
        assert not any(p.startswith(key("حسن")) for p in persons(run(sentence))), sentence


def test_a_word_before_a_passive_auxiliary_is_no_surname():
    # «… آل طاها | خدمات‌دهی می‌شوند»: a centre named for a given name, then a compound verb, not a person
    doc = run("مدیرکل بهزیستی استان گفت: کودکان در مرکز روزانه آل یاسین آموزش‌دهی می‌شوند.")
    assert not doc.persons, list(doc.persons)


def test_a_desks_label_before_a_colon_opens_the_lead_and_a_semicolon_opens_what_was_said():
    doc = run("سرویس استان‌های خبرگزاری پانا: ناهید کریمی مدیرکل بهزیستی استان قزوین درباره مهدهای روستایی اظهار کرد: "
              "۲۰ مهد تازه باز شده است.")
    assert speakers(doc) == [key("ناهید کریمی")]
    # «… پیش‌تر گفته بود؛ …»: a semicolon after the verb, as a colon, opens the words it reports
    doc = run("مدیرکل بهزیستی استان قزوین پیش از این گفته بود؛ ۲۰ مهد روستایی باز می‌شود. "
              "ناهید کریمی، مدیرکل بهزیستی استان قزوین امروز گفت: کار ادامه دارد.")
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("ناهید کریمی"), "گفته بود"), (key("ناهید کریمی"), "گفت")]


def test_a_name_between_modifier_letter_quotes_is_a_name():
    # some agencies print «ˈ…ˈ» (U+02C8) for quotation marks around a name or a centre
    doc = run("ˈمریم احمدوندˈ عصر سه‌شنبه به خبرنگاران گفت: سرای سالمندان ˈامیدˈ تا پایان سال تکمیل می‌شود.")
    assert speakers(doc) == [key("مریم احمدوند")]
    (person,) = doc.persons.values()
    assert doc.page[person.evidence[0].start:person.evidence[0].end] == "مریم احمدوند"


def test_a_title_and_a_surname_right_before_a_post_inside_a_sentence_name_its_holder():
    doc = run("مراسم روز جهانی کودک با حضور خانواده‌ها و دکتر کاظمی مدیرکل بهزیستی استان کرمان در شیرخوارگاه برگزار شد. "
              "کاظمی افزود: برنامه‌های این هفته ادامه دارد.")
    assert persons(doc) == {key("کاظمی")} and speakers(doc) == [key("کاظمی")]
    assert [(p.title, p.holder) for p in doc.posts] == [("مدیرکل بهزیستی استان کرمان", key("کاظمی"))]
    # with no title, a word before a post inside the sentence is not taken for a surname
    assert not run("در این بازدید که همه مدیرکل بهزیستی استان کرمان را دیدند، از مرکز بازدید شد.").persons


def test_a_traditional_female_given_name():
    doc = run("«کلثوم رستمی» صبح امروز در جمع خبرنگاران گفت: طرح مراقبت در منزل گسترش می‌یابد.")
    assert persons(doc) == {key("کلثوم رستمی")} and speakers(doc) == [key("کلثوم رستمی")]


def test_an_official_named_by_a_surname_that_is_also_a_word_before_what_goes_on_the_clause():
    # the lead names the post only; the body calls him by a surname that is also an ordinary word («کرمی»),
    # opening its sentence before «با اشاره به …»
    doc = run("مدیرکل بهزیستی استان زنجان از آغاز طرح میزبان خبر داد.\n\n"
              "کرمی با اشاره به شرایط خانواده‌ها گفت: ثبت‌نام از هفته آینده آغاز می‌شود.")
    assert persons(doc) == {key("کرمی")} and set(speakers(doc)) == {key("کرمی")}
    # a word opening the sentence before «با اشاره» that has no surname's form is not one
    assert not run("مدیرکل بهزیستی استان زنجان از آغاز طرح خبر داد.\n\n"
                   "امسال با اشاره به شرایط خانواده‌ها گفتند: ۴۸ کودک در مراکز هستند.").persons


def test_a_second_post_joined_by_and_stays_its_holders_where_it_speaks_later():
    doc = run("دکتر یزدانی نماینده مردم بم و رئیس کمیسیون آموزش مجلس شورای اسلامی در نشست شورای اداری استان شرکت کرد.\n\n"
              "در این نشست دکتر صالحی مدیرکل بهزیستی استان کرمان گزارش سال را ارائه داد.\n\n"
              "رئیس کمیسیون آموزش مجلس شورای اسلامی در پایان نشست گفت: بودجه مراکز باید افزایش یابد.")
    holders = {p.title.split()[0]: p.holder for p in doc.posts}
    assert holders["رئیس"] == key("یزدانی") and holders["مدیرکل"] == key("صالحی")
    assert speakers(doc) == [key("یزدانی")]
