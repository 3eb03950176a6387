"""Who a page credits for its story (builder/read/credits.py), on invented credit lines of the genre."""
from __future__ import annotations

import pytest

from builder.read.credits import from_credit_line, from_interview, from_lead, from_trailer
from builder.text.document import Document
from builder.pipeline import process
from builder.text.textkey import key


@pytest.mark.parametrize("paragraph, name, agency", [
    ("به گزارش ایسنا، مدیرکل بهزیستی گفت: …", "ایسنا", "ایسنا"),
    ("به گزارش خبرنگار مهر، رئیس اداره بهزیستی شهرستان …", "مهر", "مهر"),
    # a republishing site names the agency it quotes: the story is that agency's
    ("به گزارش گروه اجتماعی پایگاه خبری سپیدان به نقل از خبرگزاری تسنیم، معاون …", "خبرگزاری تسنیم", "تسنیم"),
    ("به گزارش آوای دنا؛ به نقل از ایرنا، فرماندار …", "ایرنا", "ایرنا"),
    # a site relaying a press office's release: the office
    ("به گزارش نوید شمال از روابط عمومی اداره کل بهزیستی استان گیلان، …", "روابط عمومی اداره کل بهزیستی استان گیلان", None),
    ("به گزارش روابط عمومی اداره بهزیستی شهرستان بم ، امروز …", "روابط عمومی اداره بهزیستی شهرستان بم", None),
    # an unknown site, without the words before its name and its desk after it
    ("به گزارش پایگاه خبری کویر نو، …", "کویر نو", None),
    ("به گزارش سلامت‌پرس(پایگاه خبری سلامت)، …", "سلامت‌پرس", None),
    # a name as the page writes it, and a name with its ezafe before the desk's province
    ("به گزارش خبرگزاری صداوسیما مرکز کرمان، …", "خبرگزاری صداوسیما", "خبرگزاری صدا و سیما"),
    ("به گزارش خبرگزاری صدا و سیمای لرستان ، مدیرکل …", "خبرگزاری صدا و سیما", "خبرگزاری صدا و سیما"),
    # an agency whose name is also a given name; the desk («خبرنگاران گروه …») before a site's name
    ("به گزارش خبرگزاری برنا در استان مرکزی، مدیرکل …", "خبرگزاری برنا", "برنا"),
    ("به گزارش خبرنگاران گروه جامعه نسیم شمال، رضا احمدی …", "نسیم شمال", None),
    ("به گزارش شبکه خبری تحلیلی آوای کویر ،سید علی …", "آوای کویر", None),
    # «از» a place or a body is where the reporter was, not who the source is
    ("به گزارش ایلنا از سازمان بهزیستی کشور، …", "ایلنا", "ایلنا"),
])
def test_credit_lines(paragraph, name, agency):
    credit = from_credit_line(paragraph)
    assert credit is not None and credit.name == name
    assert (credit.agency.name if credit.agency else None) == agency


@pytest.mark.parametrize("paragraph", [
    "به گزارش خبرنگار ما، امروز …",  # the site's own reporter
    "به گزارش خبرنگار ما در ارومیه؛ امروز …",  # and where that reporter is
    "به گزارش مرکز آمار ایران، شمار ازدواج‌ها …",  # a body reporting figures, not the story's source
    "به گزارش خبرگزاری مهر، به نقل از دادگستری استان، …",  # a body quoted by the agency: the agency stays
])
def test_what_is_not_a_credited_source(paragraph):
    credit = from_credit_line(paragraph)
    assert credit is None or credit.name == "خبرگزاری مهر"


@pytest.mark.parametrize("paragraph, name", [
    ("ایسنا/کرمان معاون امور اجتماعی …", "ایسنا"),
    ("بم- ایرنا- رئیس اداره بهزیستی …", "ایرنا"),
    ("خبرگزاری میزان - رئیس دادگستری …", "خبرگزاری میزان"),
    ("تسنیم: مدیرکل بهزیستی …", "تسنیم"),
    ("سپیدانا: مدیرکل بهزیستی …", "سپیدانا"),  # one rare word before a colon opening the lead
    ("شیراز (پانا) - مدیرکل بهزیستی …", "پانا"),  # a city, the agency in brackets, a dash
    ("خبرنامه۳۶- حدود ۶۰۰ هزار دانش‌آموز …", "خبرنامه۳۶"),  # a site's name ending in digits, a dash
    ("باشگاه خبرنگاران جوان ؛ مریم احمدی- استان لرستان …", "باشگاه خبرنگاران جوان"),  # a known agency, a semicolon
    ("کاشان _ ایرنا _ مدیرکل بهزیستی اصفهان گفت: …", "ایرنا"),  # a dateline with underscores
    # an agency's slash dateline after the headline and summary a copy glued before it
    ("ساختمان اورژانس اجتماعی به بهره‌برداری می‌رسد. - ایسنا/آذربایجان غربی مدیر کل …", "ایسنا"),
])
def test_leads(paragraph, name):
    credit = from_lead(paragraph)
    assert credit is not None and credit.name == name


@pytest.mark.parametrize("paragraph", ["وزیر کار: سخن …", "مدیرکل بهزیستی: …", "کرمان: بارش …", "تهران- مدیرکل …",
                                       "نوروزی: امسال ۲۰ مدرسه عشایری باز می‌شود"])  # a headline opened by its speaker
def test_a_speaker_or_place_before_a_colon_is_no_source(paragraph):
    assert from_lead(paragraph) is None


@pytest.mark.parametrize("paragraph, name", [
    ("مدیرکل در گفت‌وگو با ایرنا افزود: …", "ایرنا"),
    ("وی در گفتگو با کویرنو گفت: …", "کویرنو"),
    ("وی در گفت و گو با خبرنگار تسنیم افزود", "تسنیم"),
    # a medium named by its last word, whose first looks like a word
    ("مدیرکل کمیته امداد در گفتگو با راسان خبر گفت: …", "راسان خبر"),
    ("وی در گفت‌وگو با کامان پرس افزود: …", "کامان پرس"),
    ("وی در گفت‌وگو با رسانه‌ها گفت: …", None),  # a common noun, not a name
])
def test_interviews(paragraph, name):
    found = from_interview(paragraph)
    assert (found.name if found else None) == name


def test_interviews_with_a_known_agency_anywhere_and_glued_credits():
    assert from_interview("رضا کاظمی در گفتگو با ایرنا متولی اصلی طرح را بهزیستی دانست").name == "ایرنا"
    assert from_interview("وی در گفت و گو با خبرنگار سپیدانا افزود: …").name == "سپیدانا"
    assert from_credit_line("به گزارشسپیدانا، مدیرکل …").name == "سپیدانا"


def test_offices_and_credits_that_run_into_the_name():
    assert from_credit_line("به گزارش اداره ارتباطات و امور بین الملل شهرداری لاهیجان، رضا …").name == \
        "اداره ارتباطات و امور بین الملل شهرداری لاهیجان"
    assert from_credit_line("به گزارش کویر نو محسن کرمانی ضمن بیان اینکه …").name == "کویر نو"
    assert from_credit_line("به گزارش خبرنگار شهری خبرگزاری دانشجویان ایران (ایسنا) مرتضی …").name == "ایسنا"
    assert from_interview("کیانی در گفتگوی خود با خبرگزاری مهر اعلام کرد").name == "خبرگزاری مهر"
    assert from_interview("خسرو کرمانی در گفتوگو با خبرنگار مهر، اظهار کرد").name == "مهر"
    assert from_credit_line("به گزارش روابط عمومی بهزیستی استان فارس کارشناس مسئول مراکز مشاوره گفت: …").name == \
        "روابط عمومی بهزیستی استان فارس"  # an office's credit with no comma ends before the post


@pytest.mark.parametrize("lead", [
    "شیراز (پانا) - مدیرکل بهزیستی استان فارس از ظرفیت ۵۰۰ نفری برای اسکان شبانه خبر داد.",
    "شیراز- مدیرکل بهزیستی استان فارس از ظرفیت ۵۰۰ نفری برای اسکان شبانه خبر داد.",
    "فارس/ مدیرکل بهزیستی استان فارس از ظرفیت ۵۰۰ نفری برای اسکان شبانه خبر داد.",
    "شیراز - خبرنگار دنیای اقتصاد: مدیرکل بهزیستی استان فارس از ظرفیت ۵۰۰ نفری خبر داد.",
    "به گزارش روابط عمومی بهزیستی استان فارس مدیرکل بهزیستی استان فارس از ظرفیت ۵۰۰ نفری خبر داد.",
])
def test_a_post_after_a_bracketed_dateline_or_an_office_credit_is_the_leads_speaker(lead):
    doc = process(Document(source="a.txt", stem="a", raw=f"ظرفیت اسکان شبانه\n\n{lead}\nحسن کریمی گفت: ظرفیت بیشتر می‌شود."))
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("حسن کریمی"), "خبر داد"), (key("حسن کریمی"), "گفت")]


def test_credits_of_real_layouts():
    assert from_credit_line("به گزارش ایران سپید سیدصباح قریشی در حاشیه افتتاح خانه گفت …").name == "ایران سپید"
    # a site's credit quoting a medium by an unknown name: the medium's story
    assert from_credit_line("به گزارش شبکه خبری راه نو ؛ به نقل از عصرکویر ، همزمان با …").name == "عصرکویر"
    assert from_credit_line("به گزارش روابط عمومی این سازمان، علی کاظمی افزود …") is None  # named before
    assert from_lead("بیرجند - خبرنگار دنیای اقتصاد: معاون امور اجتماعی …").name == "دنیای اقتصاد"
    assert from_interview("رضا کاظمی روز شنبه در این باره به خبرگزاری ایلنا گفت که …").agency.name == "ایلنا"


def test_an_agency_named_both_ways_is_credited_by_the_name_it_goes_by_and_a_network_prefix_goes():
    assert from_credit_line("به گزارش خبرگزاری اهلبیت(ع) ـ ابنا ـ مدیرکل …").name == "ابنا"
    assert from_credit_line("به گزارش خبرگزاری مهر، مدیرکل …").name == "خبرگزاری مهر"  # named once: as written
    assert from_credit_line("به گزارش شبکه اطلاع رسانی راه نو، معاون …").name == "راه نو"


@pytest.mark.parametrize("dateline, source", [
    ("ایسنا/خوزستان ", "ایسنا"), ("دهدشت- ایرنا- ", "ایرنا"), ("کاشان _ ایرنا _ ", "ایرنا"), ("تهران (پانا) - ", "پانا"),
])
def test_one_table_of_datelines_serves_the_credit_and_the_leads_subject(dateline, source):
    from builder.extract.speech import PREAMBLE
    assert from_lead(dateline + "مدیرکل بهزیستی استان گفت: …").name == source
    assert PREAMBLE.match(dateline)  # the lead's subject may follow it


def test_a_quoted_office_with_a_district_number():
    assert from_credit_line("به گزارش پایگاه شهر به نقل از روابط عمومی شهرداری منطقه ۱۲، رضا کاظمی گفت: کار ادامه دارد.").name \
        == "روابط عمومی شهرداری منطقه ۱۲"


def test_an_agency_told_through_its_reporter_and_an_interview_called_so():
    assert from_interview("رئیس کمیته امداد شهرستان روز سه شنبه به خبرنگار ایسنا گفت: …").agency.name == "ایسنا"
    assert from_interview("مدیرکل بهزیستی به خبرنگار شبستان در اراک گفت: …").name == "شبستان"  # the reporter's city
    assert from_interview("وی در مصاحبه با کویرنو گفت: …").name == "کویرنو"
    assert from_interview("وی در مصاحبه با رسانه‌ها گفت: …") is None  # a common noun, not a name


def test_an_interview_with_a_reporter_named_by_a_desk_of_several_words():
    said = "مدیر کل بهزیستی در گفت‌وگو با خبرنگار حوزه رفاه و تعاون گروه اجتماعی باشگاه خبرنگاران جوان، گفت: …"
    assert from_interview(said).agency.name == "باشگاه خبرنگاران جوان"
    assert from_interview("وی در گفت‌وگو با خبرنگار گروه جامعه ایرنا افزود: …").agency.name == "ایرنا"
    # words that are not a desk («ما درباره گزارش») before an agency: the site's own reporter
    assert from_interview("وی در گفت‌وگو با خبرنگار ما درباره گزارش ایرنا گفت: …") is None


def test_an_interview_with_a_medium_in_quotation_marks_or_an_ambiguous_agency_before_darkhosus():
    assert from_interview("رضا کاظمی، در گفتگو با «صدای زاگرس»؛ اظهار کرد: کار ادامه دارد.").name == "صدای زاگرس"
    assert from_interview("مدیرکل در گفت‌وگو با «اعتماد» می‌گوید که کار ادامه دارد.").agency.name == "اعتماد"
    assert from_interview("مدیرکل در گفتگو با مهر درخصوص بیمه مددجویان گفت: …").agency.name == "مهر"
    assert from_interview("او در گفتگو با «علی رضایی» گفت: …") is None  # a person, not a medium
    assert from_interview("رضا کاظمی در گفت و گو با خبرنگاران اظهار کرد: کار ادامه دارد.") is None  # reporters, no medium


def test_a_slash_dateline_after_a_glued_headline_and_a_trailer_before_a_channels_handle():
    assert from_lead("کمک به بی‌خانمان‌ها در فصل سرما ایسنا/زنجان شهردار زنجان گفت: …").agency.name == "ایسنا"
    assert from_lead("کودکان کار در خیابان‌های تهران / ایسنا گزارش داد") is None  # no place after the slash
    assert from_trailer("این کار تا پایان سال ادامه دارد./مهر 🌐 @kanal_khabar").agency.name == "مهر"
    assert from_trailer("این کار تا پایان سال ادامه دارد. @kanal_khabar") is None


def test_a_label_of_a_medium_before_a_colon_opens_the_lead():
    assert from_lead("شهرزاد نیوز: مدیرکل بهزیستی کرمانشاه گفت: …").name == "شهرزاد نیوز"
    assert from_lead("کامان پرس: معاون کمیته امداد گفت: …").name == "کامان پرس"
    assert from_lead("مدیرکل بهزیستی: کار ادامه دارد") is None  # a post, not a medium
    assert from_lead("مشروح خبر: کار ادامه دارد") is None  # the page's furniture


def test_a_credit_line_on_a_line_of_its_own_before_the_story_credits_the_site():
    doc = process(Document("t.txt", "t", "به گزارش شهرزادنیوز،\n\nعلی کریمی مدیرکل بهزیستی کرمانشاه گفت: ۴۰ کودک کار "
                                          "شناسایی شدند و به مراکز بهزیستی معرفی شدند.\n\nوی افزود: کار ادامه دارد.\n"))
    assert doc.article.agency == "شهرزادنیوز"


@pytest.mark.parametrize("paragraph, name", [
    # a site's own name and a slash opening its lead; a desk's words before it
    ("هیرکان امروز/ دومین مرکز مشاوره خانواده در شهرستان افتتاح شد.", "هیرکان امروز"),
    ("گیلان مازندران/ دومین مرکز مشاوره خانواده افتتاح شد.", "گیلان مازندران"),  # named after places
    ("گروه خبری نسیم البرز/", "نسیم البرز"),
    ("سرویس اجتماعی آوای نو/", "آوای نو"),
    # a reporter's dateline, the reporter perhaps named, with a tatweel or an underscore for its dash,
    # or none (normalising drops a lone tatweel) after a place
    ("نیشابور ـ خبرنگار همراه: معاون بهزیستی گفت …", "همراه"),
    ("نیشابور خبرنگار همراه: معاون بهزیستی گفت …", "همراه"),
    ("ساوه- رضا کاظمی خبرنگار آوای مرکزی- مدیرکل بهزیستی گفت …", "آوای مرکزی"),
    ("شاهرود _ علی احمدی خبرنگار پایگاه خبری تحلیلی صدای کویر _ بر پایه آمار …", "صدای کویر"),
    # a site named with digits, a medium by its last word, a news agency called «آژانس»
    ("خبر ۲۴: بر پایه آمار تازه …", "خبر ۲۴"),
    ("ساحل نیوز 98: مدیرکل بهزیستی گفت …", "ساحل نیوز 98"),
    ("زاگرس میدیا: مدیرکل بهزیستی گفت …", "زاگرس میدیا"),
    ("آژانس سپیدانا: بر پایه آمار …", "سپیدانا"),
    # a newspaper's story retold
    ("روزنامه همدلی نوشت: بیش از هزار کودک …", "روزنامه همدلی"),
])
def test_a_sites_own_name_opening_its_lead(paragraph, name):
    credit = from_lead(paragraph)
    assert credit is not None and credit.name == name


@pytest.mark.parametrize("paragraph", [
    "کودکان کار/ آمار تازه از شناسایی ۳۰۰ کودک",  # a kicker of ordinary words
    "تهران/ مدیرکل بهزیستی گفت …",  # a place alone: a dateline naming no source
    "ماده ۲۴: هر کس کودکی را …",  # a numbered heading
    "سال ۱۴۰۲: سال سختی برای …",
    "معاون وزیر خبرنگار ما: …",  # no place before the reporter
])
def test_what_opens_a_lead_but_names_no_site(paragraph):
    assert from_lead(paragraph) is None


def test_a_republished_story_names_the_site_that_relayed_it():
    relayed = from_credit_line("به گزارش پایگاه خبری آوای نو به نقل از خبرگزاری تسنیم، معاون …")
    assert (relayed.name, relayed.agency.name, relayed.via) == ("خبرگزاری تسنیم", "تسنیم", "آوای نو")
    assert from_credit_line("به گزارش آوای نو از روابط عمومی بهزیستی استان گیلان، …").via == "آوای نو"
    # a press office passing on an agency's story is not where it was republished
    assert from_credit_line("به گزارش روابط عمومی بهزیستی استان زنجان به نقل از ایرنا، …").via is None
    assert from_credit_line("به گزارش ایسنا، مدیرکل …").via is None
    # a body's own information site is its office, named whole
    assert from_credit_line("به گزارش پایگاه اطلاع‌رسانی کمیته امداد، …").name == "پایگاه اطلاع‌رسانی کمیته امداد"
    assert from_credit_line("به گزارش مدیریت ارتباطات شهرداری ساوه؛ علی کاظمی گفت …").name == "مدیریت ارتباطات شهرداری ساوه"



def test_credits_by_report_an_exclusive_interview_a_joined_quote_and_a_bare_trailer():
    from builder.read.credits import from_trailer
    assert from_credit_line("براساس گزارش خبرگزاری حکومتی ایلنا، مریم کاظمی گفت که …").agency.name == "ایلنا"
    assert from_credit_line("بر اساس گزارش تازه سازمان بهزیستی، شمار مراکز …") is None  # a body's report
    # … which leaves a credit after it in the paragraph to be read
    assert from_credit_line("بر اساس گزارش مرکز آمار، شمار ازدواج‌ها کم شد و به گزارش ایسنا، مدیرکل گفت …").name == "ایسنا"
    assert from_interview("وی در گفتگوی اختصاصی با با خبرنگار گروه استان‌های باشگاه خبرنگاران جوان گفت: …").agency.name \
        == "باشگاه خبرنگاران جوان"
    assert from_credit_line("به گزارش کویر نو و به نقل از پایگاه اطلاع رسانی این نهاد، …").name == "کویر نو"
    assert from_trailer("… این آمار نگران کننده است. آفتاب نیوز\n").agency is not None
    assert from_trailer("… این آمار نگران کننده است. مدیرکل بهزیستی\n") is None


def test_a_site_named_with_digits_opens_the_lead_with_its_dash_glued_to_the_next_word():
    # «خبر۹۰-مدیرکل …»: the normaliser spaces it to «خبر ۹۰ -مدیرکل»; both forms name the site
    for lead in ("خبر۹۰-مدیرکل بهزیستی استان قم گفت: …", "خبر ۹۰ -مدیرکل بهزیستی استان قم گفت: …"):
        found = from_lead(lead)
        assert found is not None and key(found.name) == key("خبر۹۰"), lead
    assert from_lead("ماده ۱۶-معتادان متجاهر در این مراکز …") is None  # a numbered article, no site


def test_an_official_told_a_reporters_desk_of_a_known_agency():
    found = from_interview("نایب رئیس کمیسیون اجتماعی مجلس به خبرنگار اجتماعی ایسنا گفت: «…»")
    assert found is not None and found.agency is not None and key(found.agency.name) == key("ایسنا")
    # the reporter's desk and an agency named later, with no reporting verb after it, is no credit
    assert from_interview("به خبرنگار اجتماعی گفته بودند که خبر را به ایسنا ندهد") is None


def test_a_known_agency_opening_the_lead_after_its_desk_or_before_a_comma():
    for lead in ("گروه جامعه ایرنا - شمار مراکز روزانه سالمندان در قم دو برابر شد.", "خبرگزاری مهر، گروه استانها- رضا احمدی: …",
                 "باشگاه خبرنگاران جوان، سارا بابایی - مدیرکل بهزیستی …"):
        found = from_lead(lead)
        assert found is not None and found.agency is not None, lead
    assert from_lead("گروه خونی این کودکان در ایرنا ثبت نشده است.") is None  # no desk label opening the lead


def test_a_credit_glued_to_the_headline_before_it_names_a_known_agency():
    found = from_credit_line("سه مهدکودک روستایی در استان افتتاح شدبه گزارش گروه استان‌ها باشگاه خبرنگاران جوان، مدیرکل …")
    assert found is not None and found.agency is not None and key(found.agency.name) == key("باشگاه خبرنگاران جوان")
    # glued to an unknown site's name, or a word ending in «به» before «گزارش», is no credit
    assert from_credit_line("این رقم مشابه گزارش سال گذشته است، اما …") is None
