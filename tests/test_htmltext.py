"""html_to_text(): article text out of untrusted HTML pages, shaped like the .txt pages.

The Persian snippets are invented for these tests.
"""
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.read.htmltext import html_to_text

TITLE = "افتتاح خانه امن کودکان در شهر نمونه"
P1 = "مدیر بهزیستی شهر نمونه امروز از راه‌اندازی یک خانه امن برای کودکان کار خبر داد و گفت: این مرکز به ۴۵ کودک خدمات آموزشی می‌دهد."
P2 = "وی افزود: گروه داوطلبان محله هر هفته با کودکان کتاب می‌خوانند و برای خانواده‌ها کلاس مهارت برگزار می‌کنند."
MENU = "صفحه اصلی اخبار استان‌ها ورزش فرهنگی اجتماعی"
RELATED = "اخبار مرتبط: برگزاری جشنواره غذای محلی در روستای دور"
COMMENT_RULES = "نظرات حاوی توهین منتشر نخواهد شد"

PAGE = f"""<!DOCTYPE html>
<html lang="fa" dir="rtl"><head>
<meta charset="utf-8">
<title>{TITLE} - خبرگزاری نمونه</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="خبرگزاری نمونه">
<meta property="article:published_time" content="2024-06-12T10:30:00+03:30">
<link rel="canonical" href="https://news.example/fa/123">
<style>.x {{ color: red }}</style>
<script>var secret = "کد مخفی اسکریپت";</script>
</head>
<body>
<header><div class="logo">خبرگزاری نمونه</div><nav><a href="/">{MENU}</a></nav></header>
<div class="page">
  <div class="main-column">
    <article>
      <h1>{TITLE}</h1>
      <div class="news-body">
        <p>{P1}</p>
        <p>{P2}</p>
        <script>document.write("متن تزریقی اسکریپت")</script>
      </div>
      <footer>برچسب‌ها: کودکان، بهزیستی</footer>
    </article>
    <aside><h3>{RELATED}</h3></aside>
    <form class="comment-form"><p>{COMMENT_RULES}</p><textarea>دیدگاه شما</textarea><button>ارسال</button></form>
  </div>
</div>
<footer>تمامی حقوق این سایت محفوظ است و استفاده از مطالب با ذکر منبع آزاد است</footer>
<noscript>مرورگر شما جاوااسکریپت را پشتیبانی نمی‌کند</noscript>
</body></html>"""


def test_article_kept_furniture_dropped():
    text, meta = html_to_text(PAGE)
    assert P1 in text and P2 in text
    for furniture in (MENU, RELATED, COMMENT_RULES, "اسکریپت", "color", "حقوق", "جاوااسکریپت", "ارسال", "برچسب"):
        assert furniture not in text


def test_title_first_line_and_paragraphs():
    text, _ = html_to_text(PAGE)
    lines = text.split("\n")
    assert lines[0] == TITLE
    assert text.count(TITLE) == 1  # the <h1> moved to the top, not repeated
    assert f"{P1}\n\n{P2}" in text


def test_metadata():
    _, meta = html_to_text(PAGE)
    assert meta == {
        "title": TITLE,
        "published": "2024-06-12T10:30:00+03:30",
        "agency": "خبرگزاری نمونه",
        "url": "https://news.example/fa/123",
    }


def test_zwnj_and_character_references():
    text, _ = html_to_text(f"<p>کودکان&zwnj;کار &amp; خانواده&#8204;ها &#1587;&#1604;&#1575;&#1605; {P1}</p>")
    assert text == f"کودکان\u200cکار & خانواده\u200cها سلام {P1}"
    assert "می\u200cدهد" in text  # ZWNJ is not whitespace: never collapsed


def test_whitespace_collapsed_but_paragraphs_kept():
    first, second = "مدیر بهزیستی شهر نمونه", "امروز از راه‌اندازی خانه امن خبر داد."
    text, _ = html_to_text(f"<div>  {first}\n\n \t  {second}\xa0 </div>\n\n<div>{P2}</div>")
    assert text == f"{first} {second}\n\n{P2}"


def test_br_gives_line_break_double_br_paragraph():
    text, _ = html_to_text("<p>خط اول متن<br>خط دوم متن<br><br>بند بعدی متن</p>")
    assert text == "خط اول متن\nخط دوم متن\n\nبند بعدی متن"


def test_doctype_entities_never_expanded():
    html = (
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>{P1} &e;</p></body></html>"
    )
    text, _ = html_to_text(html)
    assert P1 in text
    assert "root:" not in text
    assert "passwd" not in text and "]>" not in text
    assert "&e;" in text  # left as written, not resolved


def test_entity_bomb_stays_small():
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
    ) + "]>"
    text, _ = html_to_text(lol + f"<p>{P1} &lol9;</p>")
    assert P1 in text
    assert len(text) < 2 * len(P1)


def test_deeply_nested_divs():
    depth = 10_000
    html = "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth
    start = time.perf_counter()
    text, _ = html_to_text(html)
    assert text == P1
    unclosed, _ = html_to_text("<div><span>" * depth + P2)
    assert unclosed == P2
    assert time.perf_counter() - start < 10


def test_malformed_html():
    html = (
        f"<html><body><div class='x><p>{TITLE}</div></span></b>"
        f"<p>{P1}<p>{P2}</td></table><li>مورد یک<li>مورد دو</ul>"
        "<p><b><i>متن بدون بستن"
    )
    text, _ = html_to_text(html)
    assert P1 in text and P2 in text
    assert "مورد یک\nمورد دو" in text
    assert text.endswith("متن بدون بستن")


def test_unclosed_head():
    text, meta = html_to_text(f"<html><head><title>{TITLE}</title><meta name='x' content='y'><p>{P1}")
    assert text == f"{TITLE}\n\n{P1}"
    text, _ = html_to_text(f"<head><title>{TITLE}</title>{P2}")
    assert text == f"{TITLE}\n\n{P2}"


def test_whole_body_when_no_article_holds_most_text():
    html = f"<body><div class='content'>کوتاه</div><p>{P1}</p><p>{P2}</p></body>"
    text, _ = html_to_text(html)
    assert P1 in text and P2 in text and "کوتاه" in text


def test_content_class_region_and_lead_outside_it():
    lead = "خلاصه: خانه امن کودکان با حضور مسئولان استانی گشایش یافت."
    html = (
        f"<body><div class='sidebar'>{RELATED}</div>"
        f"<h1>{TITLE}</h1><div class='news-lead'>{lead}</div>"
        f"<div class='item-text story'><p>{P1}</p><p>{P2}</p></div>"
        f"<div class='comments'>{COMMENT_RULES}</div></body>"
    )
    text, meta = html_to_text(html)
    assert text == f"{TITLE}\n\n{lead}\n\n{P1}\n\n{P2}"
    assert meta["title"] == TITLE


def test_header_inside_article_is_the_article_header():
    html = (
        f"<body><header><h1>خبرگزاری نمونه</h1></header><article><header><h1>{TITLE}</h1>"
        f"<time datetime='2024-06-12'>۲۳ خرداد ۱۴۰۳</time></header><p>{P1}</p></article></body>"
    )
    text, meta = html_to_text(html)
    assert text.split("\n")[0] == TITLE
    assert "۲۳ خرداد ۱۴۰۳" in text
    assert meta["published"] == "2024-06-12"


def test_title_tag_fallback_drops_site_suffix():
    text, meta = html_to_text(f"<html><head><title>{TITLE} | خبرگزاری نمونه</title></head><body><p>{P1}</p></body></html>")
    assert text == f"{TITLE}\n\n{P1}"
    assert meta["title"] == TITLE


def test_empty_and_textless():
    assert html_to_text("") == ("", {})
    assert html_to_text("<html><script>x()</script></html>")[0] == ""


@given(st.text(alphabet="<>/!&;#=\"' abcdivpscrtkلمنو\n[]-", max_size=300))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_garbage(html):
    text, meta = html_to_text(html)
    assert isinstance(text, str) and isinstance(meta, dict)
