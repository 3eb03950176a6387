"""Stories: near-duplicate pages share a story node, and the queries count a story once (count=pages: pages).

The pages are invented: an ISNA report on street children in Hamedan (A), the same report
republished by a local site under its own credit line, a day later, with a sentence dropped
and a verb changed (B), and another ISNA story on the same official and province about
children out of school (C).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

from builder.graph import stories
from builder.build import build
from builder.cli import main
from builder.graph.iri import story_iri
from builder.use.sparql import load, rows, run
from builder.use.validate import validate_store

A = """ایسنا - کد خبر: ۱۴۰۲۱۱۰۵۸
۳ آذر ۱۴۰۲ - ۰۹:۱۵

پذیرش ۲۱۰ کودک خیابانی در مراکز بهزیستی همدان

به گزارش ایسنا، پرویز رستمی‌نژاد مدیرکل بهزیستی استان همدان صبح امروز در جمع خبرنگاران گفت: از ابتدای امسال ۲۱۰ کودک خیابانی در مراکز بهزیستی این استان پذیرش شده‌اند.

وی افزود: بیشتر این کودکان در شهرهای همدان، ملایر و نهاوند شناسایی شدند و پس از پذیرش به خانواده‌های خود بازگردانده شدند.

رستمی‌نژاد ادامه داد: تیم‌های سیار اورژانس اجتماعی در هفته‌های گذشته بارها در میدان‌های اصلی شهر حضور یافتند و با خانواده‌های این کودکان گفت‌وگو کردند.

مدیرکل بهزیستی استان همدان با اشاره به طرح توانمندسازی خانواده‌ها اظهار کرد: برای ۸۰ خانواده این کودکان پرونده حمایتی تشکیل شده و کمک هزینه ماهانه پرداخت می‌شود.

وی در پایان گفت: همکاری شهرداری و نیروی انتظامی در اجرای این طرح بسیار موثر بوده است.

انتهای پیام
"""

# republished: another site's header and credit line, a day later, the third paragraph dropped, «اظهار داشت»
B = """همدان نیوز
۴ آذر ۱۴۰۲ - ۱۱:۴۰

پذیرش ۲۱۰ کودک خیابانی در مراکز بهزیستی همدان

به گزارش پایگاه خبری همدان نیوز به نقل از ایسنا، پرویز رستمی‌نژاد مدیرکل بهزیستی استان همدان صبح امروز در جمع خبرنگاران گفت: از ابتدای امسال ۲۱۰ کودک خیابانی در مراکز بهزیستی این استان پذیرش شده‌اند.

وی افزود: بیشتر این کودکان در شهرهای همدان، ملایر و نهاوند شناسایی شدند و پس از پذیرش به خانواده‌های خود بازگردانده شدند.

مدیرکل بهزیستی استان همدان با اشاره به طرح توانمندسازی خانواده‌ها اظهار داشت: برای ۸۰ خانواده این کودکان پرونده حمایتی تشکیل شده و کمک هزینه ماهانه پرداخت می‌شود.

وی در پایان گفت: همکاری شهرداری و نیروی انتظامی در اجرای این طرح بسیار موثر بوده است.
"""

# the same official and province, another story
C = """ایسنا - کد خبر: ۱۴۰۲۱۱۲۲۷
۲۰ آذر ۱۴۰۲ - ۱۰:۰۰

ثبت‌نام ۱۳۰ کودک بازمانده از تحصیل در همدان

به گزارش ایسنا، پرویز رستمی‌نژاد مدیرکل بهزیستی استان همدان امروز در نشست شورای آموزش و پرورش استان گفت: با پیگیری مددکاران بهزیستی ۱۳۰ کودک بازمانده از تحصیل در مدارس این استان ثبت‌نام کردند.

وی افزود: هزینه لوازم التحریر و سرویس رفت و آمد این دانش‌آموزان را خیران استان پرداخت کرده‌اند.

رستمی‌نژاد گفت: مددکاران بهزیستی تا پایان سال به خانه همه این دانش‌آموزان سر می‌زنند تا ترک تحصیل دوباره رخ ندهد.

انتهای پیام
"""

STORY = NamedNode("https://w3id.org/fakg/ontology#story")
ARTICLE_A = NamedNode("https://w3id.org/fakg/article/ایسنا/140211058")
ARTICLE_C = NamedNode("https://w3id.org/fakg/article/ایسنا/140211227")


def _folder(path: Path, pages: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def told(store_path) -> dict[str, str]:
    """Article IRI -> the story it tells."""
    store = Store.read_only(str(store_path))
    try:
        return {q.subject.value: q.object.value for q in store.quads_for_pattern(None, STORY, None, None)}
    finally:
        del store


def ask(store_path, name: str, **params) -> list[dict]:
    store = Store.read_only(str(store_path))
    try:
        cols, data = rows(run(store, load(name), params))
        return [dict(zip(cols, r)) for r in data]
    finally:
        del store


# ------------------------------------------------------------------------------------------ signatures


def _body(page: str) -> str:
    """The article's body as the cleaner leaves it, near enough: the page without its two header lines."""
    return page.split("\n", 3)[3]


def test_a_republished_page_resembles_its_original_and_another_story_does_not():
    a, b, c = (stories.signature(_body(p)) for p in (A, B, C))
    assert stories.similarity(a, b) >= stories.THRESHOLD
    assert stories.similarity(a, c) < stories.THRESHOLD / 3 and stories.similarity(b, c) < stories.THRESHOLD / 3


def test_a_copy_cut_shorter_still_resembles_its_original():
    paragraphs = _body(A).split("\n\n")
    cut = "\n\n".join(paragraphs[:3])  # the first three of six paragraphs
    assert stories.similarity(stories.signature(_body(A)), stories.signature(cut)) >= stories.THRESHOLD


def test_spelling_variants_give_the_same_shingles():
    persian = "مدیرکل بهزیستی استان کرمان از پذیرش ۳۵ کودک خبر داد."
    arabic_letters_and_digits = "مديركل بهزيستي استان كرمان از پذيرش 35 كودک خبر داد"
    assert stories.shingles(persian) == stories.shingles(arabic_letters_and_digits)
    assert stories.shingles("") == set() and stories.signature("؟!") is None


def test_signature_literals_and_band_keys_round_trip():
    sig = stories.signature(_body(A))
    assert (stories.decode(stories.encode(sig)) == sig).all()
    assert stories.decode("not base64!") is None and stories.decode(stories.encode(sig[:10])) is None
    keys = stories.band_keys(sig)
    assert len(keys) == stories.BANDS == len(set(k[:2] for k in keys))


# ------------------------------------------------------------------------------------------ a built store


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stories")
    store = root / "kg"
    build([str(_folder(root / "in", {"a.txt": A, "b.txt": B, "c.txt": C}))], store)
    return store


def test_near_duplicates_tell_one_story_and_other_pages_their_own(built):
    stories_ = told(built)
    assert len(stories_) == 3
    b = next(g for g in stories_ if g not in (ARTICLE_A.value, ARTICLE_C.value))
    assert stories_[b] == stories_[ARTICLE_A.value] == story_iri(ARTICLE_A).value  # begun by A, read first
    assert stories_[ARTICLE_C.value] == story_iri(ARTICLE_C).value
    store = Store.read_only(str(built))
    assert validate_store(store) == []


def test_summary_counts_stories_and_pages(built):
    (default,) = ask(built, "summary")
    (pages,) = ask(built, "summary", count="pages")
    assert (default["articles"], default["pages"]) == (2, 3)
    assert (pages["articles"], pages["pages"]) == (3, 3)
    assert pages["statistics"] > default["statistics"] > 0


def test_article_counts_count_a_story_once_unless_pages_are_asked_for(built):
    def official(**params):
        return {r["articles"] for r in ask(built, "officials", person_name="رستمی نژاد", **params)}

    assert official() == {2} and official(count="pages") == {3}

    def street_children(**params):
        (row,) = ask(built, "target-groups", group="street-children", **params)[:1]
        return row["articles"], row["figures"]

    assert street_children() == (1, 1) and street_children(count="pages") == (2, 2)
    months = {(r["agency_label"], r["month"]): r["articles"] for r in ask(built, "articles-per-agency-month")}
    assert months[("ایسنا", "2023-11")] == 1 and months[("ایسنا", "2023-12")] == 1
    months = {(r["agency_label"], r["month"]): r["articles"] for r in ask(built, "articles-per-agency-month", count="pages")}
    assert months[("ایسنا", "2023-11")] == 2


def test_a_figure_its_story_repeats_is_one_row_dated_by_the_first_page(built):
    once = ask(built, "figures-by-province", province="همدان", group="street-children")
    each = ask(built, "figures-by-province", province="همدان", group="street-children", count="pages")
    assert sorted((r["value"], r["when"]) for r in each) == [(210, "2023-11-24"), (210, "2023-11-25")]
    assert [(r["value"], r["when"], r["article"]) for r in once] == [(210, "2023-11-24", min(r["article"] for r in each))]
    # the republication a day later does not make the figure newer
    assert [(r["value"], r["when"], r["pages"]) for r in ask(built, "latest-figure", group="street-children")] == [
        (210, "2023-11-24", 2)]
    assert [(r["value"], r["when"]) for r in ask(built, "latest-figure", group="street-children", count="pages")] == [
        (210, "2023-11-25")]
    by_official = ask(built, "figures-by-official", person_name="رستمی نژاد")
    assert sorted(r["value"] for r in by_official if r["value"] == 210) == [210]
    assert len([r for r in ask(built, "figures-by-official", person_name="رستمی نژاد", count="pages")
                if r["value"] == 210]) == 2


def test_a_story_is_not_set_against_its_own_copy(tmp_path):
    # the copy, published the same day (so that its figure is of the same period), gives another figure
    corrected = B.replace("۴ آذر", "۳ آذر").replace("۲۱۰", "۲۱۵")
    store = tmp_path / "kg"
    build([str(_folder(tmp_path / "in", {"a.txt": A, "b.txt": corrected}))], store)
    assert len(set(told(store).values())) == 1
    assert ask(store, "conflicting-figures") == []
    (row,) = ask(store, "conflicting-figures", count="pages")
    assert set(row["values"].split(" / ")) == {"210", "215"} and row["articles"] == 2
    # another story with another figure for the same month disagrees with the story
    other = A.replace("۱۴۰۲۱۱۰۵۸", "۱۴۰۲۱۱۰۹۹").replace("۲۱۰", "۲۶۰").replace(
        "صبح امروز در جمع خبرنگاران", "در نشست ستاد ساماندهی کودکان خیابانی").replace(
        "بیشتر این کودکان", "گروهی از این کودکان").split("رستمی‌نژاد ادامه داد")[0]
    (tmp_path / "in" / "other.txt").write_text(other, encoding="utf-8")
    build([str(tmp_path / "in")], store)
    assert len(set(told(store).values())) == 2, told(store)
    (row,) = ask(store, "conflicting-figures")
    assert row["articles"] == 2 and set(row["values"].split(" / ")) == {"210", "215", "260"}


# ------------------------------------------------------------------------------------------ incremental builds


def test_a_later_page_joins_its_story_and_rebuilds_change_nothing(tmp_path, quads):
    src = _folder(tmp_path / "in", {"a.txt": A, "c.txt": C})
    store = tmp_path / "kg"
    build([str(src)], store)
    (src / "b.txt").write_text(B, encoding="utf-8")
    added = build([str(src)], store)
    assert (added.articles, added.unchanged) == (1, 2)
    assert sorted(told(store).values()) == sorted([story_iri(ARTICLE_A).value] * 2 + [story_iri(ARTICLE_C).value])
    before = quads(store)
    assert build([str(src)], store).unchanged == 3 and quads(store) == before
    assert build([str(src)], store, force=True).articles == 3 and quads(store) == before
    build([str(src)], store, workers=2, force=True)
    assert quads(store) == before


def test_removing_pages_leaves_no_story_behind(tmp_path):
    src = _folder(tmp_path / "in", {"a.txt": A, "b.txt": B, "c.txt": C})
    store = str(tmp_path / "kg")
    build([str(src)], store)
    story_a = story_iri(ARTICLE_A).value
    assert main(["remove", str(src / "a.txt"), "--store", store]) == 0
    assert list(told(store).values()).count(story_a) == 1  # the republished page still tells it
    assert main(["remove", str(src / "b.txt"), "--store", store]) == 0
    s = Store.read_only(store)
    try:
        assert [r["s"].value for r in s.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a <https://w3id.org/fakg/ontology#Story> } }")] == [
            story_iri(ARTICLE_C).value]
        assert validate_store(s) == []
    finally:
        del s


def test_a_page_that_changed_leaves_the_story_its_copies_still_tell(tmp_path, quads):
    src = _folder(tmp_path / "in", {"a.txt": A, "b.txt": B})
    store = tmp_path / "kg"
    build([str(src)], store)
    rewritten = A.split("به گزارش ایسنا")[0] + C.split("\n\n", 2)[2]  # A's header, another story
    (src / "a.txt").write_text(rewritten, encoding="utf-8")
    build([str(src)], store)
    stories_ = told(store)
    assert stories_[ARTICLE_A.value] == story_iri(ARTICLE_A, 1).value  # a story of its own: B still tells the first
    assert sorted(stories_.values()) == sorted([story_iri(ARTICLE_A).value, story_iri(ARTICLE_A, 1).value])
    before = quads(store)
    build([str(src)], store, force=True)
    assert quads(store) == before


def test_one_page_saved_as_text_html_and_json_lines_is_one_story(tmp_path):
    body = B.split("\n\n", 2)[2]
    title = "پذیرش ۲۱۰ کودک خیابانی در مراکز بهزیستی همدان"
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n"))
    src = _folder(tmp_path / "in", {
        "page.txt": f"{title}\n\n{body}",
        "page.html": f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n{paragraphs}"
                     f"</article></body></html>",
        "page.jsonl": json.dumps({"title": title, "text": body}, ensure_ascii=False) + "\n",
    })
    build([str(src)], tmp_path / "kg")
    stories_ = told(tmp_path / "kg")
    assert len(stories_) == 3 and len(set(stories_.values())) == 1
    assert ask(tmp_path / "kg", "summary")[0]["articles"] == 1


def test_cli_build_names_the_stories(tmp_path, capsys):
    src = _folder(tmp_path / "in", {"a.txt": A, "b.txt": B, "c.txt": C})
    assert main(["build", str(src), "--store", str(tmp_path / "kg"), "-q"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith(f"store {tmp_path / 'kg'}: 3 articles (2 stories), ")
    shutil.rmtree(src)
