"""The query library (queries/*.rq) on the seed store, parameters bound as values, and `fakg query`.

Expected rows follow from the five seed articles in examples/articles:
000 (ISNA, Khuzestan prosecutor's visit in Ahvaz), 001 (Khuzestan welfare
director «مهران کریمیان», 218 orphaned children), 002 (Tasnim, 199 street
children in Ardabil), 003 (the four pilot provinces of «طرح کودکان بازمانده از
تحصیل»), 004 (Tasnim, Tehran municipality's «احمد احمدی صدر», 1600 child
labourers). Figures that no seed contains (disagreeing articles, figures with
population) are checked on small hand-built stores.
"""
from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pyoxigraph import Literal, NamedNode, Store

from builder.graph import graph, vocabulary
from builder.build import build
from builder.cli import main
from builder.text.document import ArticleMeta, Document, Evidence, Organization, Person, Place, Statistic
from builder.storage.serve import free_port
from builder.use.sparql import ParamError, _width, bindings, format_rows, library, load, rows, run, term
from builder.text.textkey import key

ARTICLES = Path(__file__).resolve().parent / "articles"

HOSTILE = ['x" } ; DROP ALL ; #', "<http://evil>", "'; DELETE WHERE { ?s ?p ?o } #", "?s", "<not an iri>", "۱۲۳"]


@pytest.fixture(scope="module")
def store(seed_store) -> Store:
    return Store.read_only(str(seed_store))


def ask(store: Store, name: str, **params) -> list[dict]:
    cols, data = rows(run(store, load(name), params))
    return [dict(zip(cols, r)) for r in data]


# ------------------------------------------------------------------------------------------ the library


def test_library_is_documented():
    lib = library()
    researchers = set(lib) - {"summary", "source-sentence"}
    assert len(researchers) >= 12, sorted(lib)
    for name in ("officials", "quotes-about-group", "figures-by-province", "figures-by-official", "latest-figure",
                 "conflicting-figures", "programs", "organization-hierarchy", "co-mentions",
                 "articles-per-agency-month", "source-sentence", "events", "figures-with-population"):
        assert name in lib, name
    for name, q in lib.items():
        assert q.question.endswith("?"), name
        head = q.text.split("WHERE", 1)[0]
        select = head[head.index("SELECT"):]
        for param, description in q.params.items():
            assert description, (name, param)
            # Oxigraph substitutes only variables of the outer SELECT
            assert re.search(rf"\?{param}\b", select), (name, param)


@pytest.mark.parametrize("name", sorted(set(library()) - {"figures-with-population"}))
def test_every_parameter_can_be_bound_and_an_unknown_value_finds_nothing_or_runs(store, name):
    q = load(name)
    ask(store, name)  # all unset
    for param in q.params:
        for value in HOSTILE:
            ask(store, name, **{param: value})  # no error: the value stays a value


@pytest.mark.parametrize("name", ["officials", "quotes-about-group", "figures-by-province", "figures-by-official",
                                  "latest-figure", "programs", "organization-hierarchy", "co-mentions",
                                  "articles-per-agency-month", "events", "target-groups", "source-sentence"])
def test_each_query_answers_on_the_seeds(store, name):
    assert ask(store, name), name


def test_hostile_values_stay_values_and_the_store_is_untouched(store):
    before = ask(store, "summary")
    for value in HOSTILE:
        assert ask(store, "officials", person_name=value) == []
        assert ask(store, "source-sentence", fact=value) == []
        assert ask(store, "figures-by-province", province=value) == []
    assert ask(store, "summary") == before and before[0]["articles"] == 5
    assert term("<http://evil>") == NamedNode("http://evil")
    assert term('x" } ; DROP ALL ; #') == Literal('x" } ; DROP ALL ; #')
    assert term("<not an iri>") == Literal("<not an iri>")


def test_unknown_parameters_are_refused_and_defaults_applied():
    with pytest.raises(ParamError, match="person_name"):
        bindings(load("officials"), {"nope": "1"})
    assert bindings(load("officials"), {"person_name": "", "org_name": "x"}) == {"org_name": "x", "count": "stories"}
    assert bindings(load("figures-with-population"), {}) == {"endpoint": "<https://query.wikidata.org/sparql>"}
    assert bindings(load("figures-with-population"), {"endpoint": "http://127.0.0.1:1/sparql"}) == {
        "endpoint": "http://127.0.0.1:1/sparql"}


# ------------------------------------------------------------------------------------------ officials


def test_officials_karimian_holds_a_post_in_khuzestan_welfare(store):
    rows_ = [r for r in ask(store, "officials") if r["name"] == "مهران کریمیان"]
    assert rows_, ask(store, "officials")
    assert any(r["organization"] == "اداره کل بهزیستی استان خوزستان" and r["jurisdiction"] == "خوزستان"
               and "مدیر کل" in r["post"] and r["articles"] == 1 and r["first_seen"] == "2024-09-10" for r in rows_)


@pytest.mark.parametrize("spelling", ["کریمیان", "كريميان", "مهرانکریمیان", "مهران\u200cکریمیان", " مهران  کریمیان "])
def test_officials_name_parameter_is_spelling_insensitive(store, spelling):
    found = ask(store, "officials", person_name=spelling)
    assert {r["name"] for r in found} == {"مهران کریمیان"}


def test_officials_by_organisation_and_province(store):
    welfare = {r["name"] for r in ask(store, "officials", org_name="بهزیستی")}
    assert "مهران کریمیان" in welfare and "احمد احمدی صدر" not in welfare
    for province in ("خوزستان", "استان خوزستان", "IR-06", "ir-06", "Khuzestan", "https://w3id.org/fakg/place/خوزستان"):
        names = {r["name"] for r in ask(store, "officials", province=province)}
        assert "مهران کریمیان" in names and "احمد احمدی صدر" not in names, province
    assert "احمد احمدی صدر" in {r["name"] for r in ask(store, "officials", province="تهران")}
    assert ask(store, "officials", province="کرمانشاه") == []  # «کرمان» is not a prefix match


# ------------------------------------------------------------------------------------------ figures


def test_199_street_children_in_ardabil(store):
    for province in ("اردبیل", "IR-24", "Ardabil"):
        found = ask(store, "figures-by-province", province=province, group="street-children")
        assert any(r["value"] == 199 and r["subject"] == "کودک خیابانی شناسایی شده" and r["measure_label"] == "identified"
                   and r["unit"] == "persons"
                   and r["province_label"] == "اردبیل" and r["group_label"] == "کودکان خیابانی" for r in found), found
    everything = ask(store, "figures-by-province")
    assert {r["province_label"] for r in everything} >= {"اردبیل", "تهران", "خوزستان"}
    assert all(r["province_label"] == "اردبیل" for r in ask(store, "figures-by-province", province="IR-24"))


def test_figures_by_group_include_narrower_groups(store):
    at_risk = ask(store, "figures-by-province", group="children-at-risk")
    assert {199, 1600, 218} <= {r["value"] for r in at_risk}
    for label in ("کودکان در معرض آسیب", "children at risk", "https://w3id.org/fakg/concept/target-group/children-at-risk"):
        assert {r["statistic"] for r in ask(store, "figures-by-province", group=label)} == {r["statistic"] for r in at_risk}
    street = {r["statistic"] for r in ask(store, "figures-by-province", group="کودکان خیابانی")}
    assert street and street < {r["statistic"] for r in at_risk}
    assert all(r["group_label"] != "خانواده‌های آسیب‌دیده" for r in at_risk)


def test_figures_by_time(store):
    tehran = ask(store, "figures-by-province", province="تهران")
    assert any(r["value"] == 1600 and r["approx"] == "about" for r in tehran)
    assert {r["when"] for r in tehran} == {"2023-12-05"} and {r["date_source"] for r in tehran} == {"article"}
    assert ask(store, "figures-by-province", province="تهران", **{"from": "2024"}) == []
    assert len(ask(store, "figures-by-province", province="تهران", to="2023-12")) == len(tehran)
    assert len(ask(store, "figures-by-province", province="تهران", **{"from": "2023-12-05", "to": "2023"})) == len(tehran)
    # undated figures (the Ardabil article has no date) drop out once a period is asked for
    assert ask(store, "figures-by-province", province="اردبیل", **{"from": "2000"}) == []


def test_figures_an_official_reported(store):
    found = ask(store, "figures-by-official", person_name="احمدی صدر")
    assert found and {r["name"] for r in found} == {"احمد احمدی صدر"}
    assert {r["value"] for r in found} <= {1600, 7000, 34, 37, 40, 50, 92, 3}
    assert any(r["value"] in (40, 50, 92) for r in found)
    assert all("مدیرعامل سازمان خدمات" in r["posts"] for r in found)
    assert len({r["name"] for r in ask(store, "figures-by-official")}) >= 2


def test_latest_figure_per_province_and_group(store):
    found = ask(store, "latest-figure", group="orphaned-and-neglected-children", province="خوزستان")
    assert any(r["value"] == 218 and r["unit"] == "persons" and r["when"] == "2024-09-10" for r in found), found
    assert {r["group_label"] for r in found} == {"کودکان بی‌سرپرست و بدسرپرست"}
    # a figure its article dates: the Tehran page's, by its publication day
    tehran = ask(store, "latest-figure", province="تهران", group="child-labourers")
    assert [(r["value"], r["when"], r["date_source"]) for r in tehran if r["unit"] == "persons"] == \
        [(1600, "2023-12-05", "article")]
    # the undated Ardabil article: its figure is the only one of its group there, shown without a date
    ardabil = ask(store, "latest-figure", province="اردبیل")
    assert [(r["value"], r["when"], r["date_source"]) for r in ardabil] == [(199, None, None)]


def test_no_figures_disagree_in_the_seeds(store):
    assert ask(store, "conflicting-figures") == []


def _article(stem: str, news_id: str, published: datetime | None, figures: list[tuple[float, str, str]],
             persons=(), organizations=()) -> Document:
    """A hand-built article about Ardabil with figures (value, subject, target group) and named actors."""
    text = "متن خبر"
    doc = Document(source=f"{stem}.txt", stem=stem, raw=text, content_hash=f"sha256:{stem}", text=text,
                   offsets=list(range(len(text))),
                   article=ArticleMeta(agency="ایرنا", news_id=news_id, title=f"خبر {news_id}", published=published))
    seen = [Evidence(0, 0, len(text), "test")]
    ardabil = key("اردبیل")
    doc.places[ardabil] = Place("اردبیل", "province", evidence=seen)
    for name in persons:
        doc.persons[key(name)] = Person(name, evidence=seen)
    for name in organizations:
        doc.organizations[key(name)] = Organization(name, "provincial_office", place=ardabil, evidence=seen)
    for value, subject, group in figures:
        doc.statistics.append(Statistic(value, "exact", "persons", subject, place=ardabil,
                                        concept=group, text=f"{value} {subject}", evidence=seen))
    return doc


@pytest.fixture(scope="module")
def disagreeing() -> Store:
    tehran = ZoneInfo("Asia/Tehran")
    s = Store()
    s.extend(vocabulary.vocabulary_quads())
    people, offices = ["رضا محمدی"], ["اداره کل بهزیستی استان اردبیل"]
    street, labour = "street-children", "child-labourers"
    for doc in (_article("a", "1001", datetime(2024, 1, 10, 9, 0, tzinfo=tehran), [(199, "کودک خیابانی", street)], people, offices),
                _article("b", "1002", datetime(2024, 1, 25, 9, 0, tzinfo=tehran), [(250, "کودک خیابانی", street)], people, offices),
                _article("c", "1003", datetime(2023, 5, 1, 9, 0, tzinfo=tehran), [(120, "کودک خیابانی", street)]),
                _article("d", "1004", datetime(2024, 1, 28, 9, 0, tzinfo=tehran), [(199, "کودک کار", labour)])):
        s.extend(graph.document_quads(doc))
    return s


def test_figures_that_disagree_between_articles(disagreeing):
    found = ask(disagreeing, "conflicting-figures")
    assert len(found) == 1, found
    row = found[0]
    assert row["subject"] == "کودک خیابانی" and row["place_label"] == "اردبیل" and row["period"] == "2024-01"
    assert set(row["values"].split(" / ")) == {"199", "250"} and (row["min"], row["max"]) == (199, 250)
    assert row["articles"] == 2 and row["distinct_values"] == 2
    assert len(row["article_list"].split()) == 2
    filtered = ask(disagreeing, "conflicting-figures", province="IR-24", group="کودکان خیابانی")
    assert [(r["values"], r["province"], r["group"]) for r in filtered] == [(row["values"], "IR-24", "کودکان خیابانی")]
    assert ask(disagreeing, "conflicting-figures", province="تهران") == []
    assert ask(disagreeing, "conflicting-figures", group="child-labourers") == []


def test_latest_figure_takes_the_latest_article(disagreeing):
    found = ask(disagreeing, "latest-figure", group="street-children")
    assert [(r["value"], r["when"]) for r in found] == [(250, "2024-01-25")]


def test_an_undated_figure_is_latest_only_where_nothing_is_dated():
    tehran = ZoneInfo("Asia/Tehran")
    s = Store()
    s.extend(vocabulary.vocabulary_quads())
    for doc in (_article("a", "1001", None, [(199, "کودک خیابانی", "street-children"), (70, "کودک کار", "child-labourers")]),
                _article("b", "1002", datetime(2024, 1, 25, 9, 0, tzinfo=tehran), [(250, "کودک خیابانی", "street-children")])):
        s.extend(graph.document_quads(doc))
    found = {r["group_label"]: (r["value"], r["when"], r["date_source"]) for r in ask(s, "latest-figure")}
    assert found == {"کودکان خیابانی": (250, "2024-01-25", "article"), "کودکان کار": (70, None, None)}


def test_co_mentions_count_articles(disagreeing, store):
    pairs = ask(disagreeing, "co-mentions", min_articles="2")
    assert [(r["label_a"], r["label_b"], r["articles"]) for r in pairs] == [
        ("اداره کل بهزیستی استان اردبیل", "رضا محمدی", 2)]
    assert pairs[0]["first_seen"] == "2024-01-10" and pairs[0]["last_seen"] == "2024-01-25"
    assert ask(disagreeing, "co-mentions", min_articles="3") == []
    karimian = ask(store, "co-mentions", actor_name="کریمیان")
    assert any({r["label_a"], r["label_b"]} == {"مهران کریمیان", "اداره کل بهزیستی استان خوزستان"}
               and r["articles"] == 1 for r in karimian), karimian
    assert all("مهران کریمیان" in (r["label_a"], r["label_b"]) for r in karimian)


# ------------------------------------------------------------------------------------------ programs, organisations, events


def test_the_four_pilot_provinces_of_the_out_of_school_plan(store):
    found = ask(store, "programs", program_name="بازمانده از تحصیل")
    assert {r["program_label"] for r in found} == {"طرح کودکان بازمانده از تحصیل"}
    assert {r["province_label"] for r in found} == {"خوزستان", "تهران", "کرمان", "سیستان و بلوچستان"}
    assert {r["kind"] for r in found} == {"plan"}
    assert "طرح کودکان بازمانده از تحصیل" in {r["program_label"] for r in ask(store, "programs", province="IR-08")}
    ahvaz = ask(store, "programs", province="خوزستان")  # a program in Ahvaz counts for Khuzestan
    assert any(r["place_label"] == "اهواز" and r["province_label"] == "خوزستان" for r in ahvaz)


def test_organisation_hierarchy_is_transitive(store):
    found = ask(store, "organization-hierarchy", org_name="بهزیستی استان خوزستان")
    chain = {(r["ancestor_label"], r["depth"]) for r in found if r["organization_label"] == "اداره کل بهزیستی استان خوزستان"}
    assert {("سازمان بهزیستی کشور", 1), ("وزارت تعاون، کار و رفاه اجتماعی", 2)} <= chain
    under_ministry = {r["organization_label"] for r in ask(store, "organization-hierarchy", org_name="وزارت تعاون")}
    assert {"سازمان بهزیستی کشور", "اداره کل بهزیستی استان خوزستان"} <= under_ministry
    # any name the organisation has, English included (the name index keeps them all)
    by_english = {r["organization_label"] for r in ask(store, "organization-hierarchy", org_name="Welfare Organization")}
    assert "اداره کل بهزیستی استان خوزستان" in by_english and "وزارت تعاون، کار و رفاه اجتماعی" not in by_english


def test_events_with_participants(store):
    visits = ask(store, "events", event_kind="visit")
    assert len(visits) == 1, visits
    visit = visits[0]
    assert visit["place_label"] == "اهواز" and visit["date"] == "2024-06-12"
    assert "صادق جعفری چگنی" in visit["participants"].split("; ")
    assert visit["event"] in {r["event"] for r in ask(store, "events", participant_name="جعفری چگنی")}
    in_khuzestan = ask(store, "events", province="خوزستان")
    assert visit["event"] in {r["event"] for r in in_khuzestan}
    assert all(r["place_label"] in ("خوزستان", "اهواز") for r in in_khuzestan)


def test_articles_per_agency_and_month(store):
    found = {(r["agency_label"], r["month"], r["articles"]) for r in ask(store, "articles-per-agency-month")}
    assert {("ایسنا", "2024-06", 1), ("تسنیم", "2023-12", 1), ("تسنیم", None, 1)} <= found
    assert sum(n for _, _, n in found) == 5
    tasnim = ask(store, "articles-per-agency-month", agency_name="tasnim")  # the English label
    assert {r["agency_label"] for r in tasnim} == {"تسنیم"} and len(tasnim) == 2


# ------------------------------------------------------------------------------------------ quotes and provenance


def test_who_said_what_about_children_out_of_school(store):
    found = ask(store, "quotes-about-group", group="out-of-school-children")
    assert any(r["speaker"] == "روزبه کردونی" and "کودکان بازمانده از تحصیل" in r["text"] for r in found), found
    assert {r["group_label"] for r in found} == {"کودکان بازمانده از تحصیل"}
    quotes = {r["quote"] for r in found}
    assert {r["quote"] for r in ask(store, "quotes-about-group", group="کودکان بازمانده از تحصیل")} == quotes
    assert {r["quote"] for r in ask(store, "quotes-about-group", group="children out of school")} == quotes
    broader = ask(store, "quotes-about-group", group="children at risk")
    assert {r["quote"] for r in found} <= {r["quote"] for r in broader}
    assert "کودکان خیابانی" in {r["group_label"] for r in broader}
    by_speaker = ask(store, "quotes-about-group", speaker_name="کردونی")
    assert by_speaker and {r["speaker"] for r in by_speaker} == {"روزبه کردونی"}


def test_source_sentence_of_a_figure(store):
    figure = next(r for r in ask(store, "figures-by-province", province="اردبیل") if r["value"] == 199)
    found = ask(store, "source-sentence", fact=figure["statistic"])
    assert found and {r["fact"] for r in found} == {figure["statistic"]}
    assert any("۱۹۹ کودک خیابانی" in r["sentence"] and r["extractor"] == "statistics" and r["start"] < r["end"]
               for r in found)


def test_target_groups_overview(store):
    found = {r["group_label_en"]: r for r in ask(store, "target-groups")}
    assert found["street children"]["figures"] >= 1 and found["street children"]["quotes"] >= 1
    assert found["children out of school"]["quotes"] >= 2 and found["child labourers"]["articles"] >= 2
    # a group and the groups under it: working and street children are street children too
    assert {r["group_label"] for r in ask(store, "target-groups", group="street-children")} == \
        {"کودکان خیابانی", "کودکان کار و خیابان"}


def test_working_and_street_children_count_under_both_groups(capsys, seed_store):
    """«کودکان کار و خیابان» (the Tehran page's 92 places) are child labourers and street children both."""
    store = str(seed_store)

    def values(*params) -> set:
        assert main(["query", "figures-by-province", "--store", store, "--format", "json",
                     *(x for p in params for x in ("--param", p))]) == 0
        return {r["value"] for r in json.loads(capsys.readouterr().out)}

    both = values("group=working-and-street-children")
    assert 92 in both
    assert both <= values("group=کودکان کار") and both <= values("group=street children")
    assert 1600 in values("group=کودکان کار") and 1600 not in values("group=کودکان خیابانی")
    assert main(["query", "target-groups", "--store", store, "--format", "json"]) == 0
    groups = {r["group_label_en"]: r for r in json.loads(capsys.readouterr().out)}
    assert len([r for r in groups.values() if r["group_label_en"] == "working and street children"]) == 1
    assert set(groups["working and street children"]["broader_label"].split("; ")) == {"کودکان کار", "کودکان خیابانی"}
    assert main(["query", "quotes-about-group", "--store", store, "--param", "group=child-labourers",
                 "--format", "json"]) == 0
    assert "کودکان کار و خیابان" in {r["group_label"] for r in json.loads(capsys.readouterr().out)}


# What target-groups counted before the builder wrote tallies: every figure and quote of the store.
_GROUP_SCAN = """
SELECT ?target_group (COUNT(DISTINCT ?statistic) AS ?figures) (COUNT(DISTINCT ?quote) AS ?quotes)
       (COUNT(DISTINCT ?g) AS ?articles) WHERE {
  GRAPH ?g {
    { ?variable fakg:targetGroup ?target_group . ?statistic schema:variableMeasured ?variable }
    UNION { ?quote fakg:targetGroup ?target_group ; a fakg:Quote }
  }
}
GROUP BY ?target_group"""


def test_target_group_tallies_count_what_a_scan_counts(tmp_path):
    """The per-article tallies sum to the figures, quotes and articles a scan of the store finds."""
    build([str(ARTICLES)], tmp_path / "kg")
    store = Store.read_only(str(tmp_path / "kg"))
    scanned = {r[0]: tuple(r[1:]) for r in rows(run(store, _GROUP_SCAN))[1]}
    tallied = {r["target_group"]: (r["figures"], r["quotes"], r["articles"]) for r in ask(store, "target-groups")}
    assert tallied == scanned and len(tallied) >= 5


# ------------------------------------------------------------------------------------------ Wikidata (stand-in)


def test_figures_with_population_through_service(store, wikidata_standin):
    found = ask(store, "figures-with-population", endpoint=wikidata_standin.query_url)
    ardabil = [r for r in found if r["value"] == 199]
    assert ardabil and ardabil[0]["province_label"] == "اردبیل" and ardabil[0]["wikidata"].endswith("/Q134228")
    assert ardabil[0]["population"] == 1_000_000 and ardabil[0]["population_date"] == "2016-01-01"
    assert ardabil[0]["per_100k"] == 19.9
    khuzestan = [r for r in found if r["value"] == 218]
    assert khuzestan and khuzestan[0]["population"] == 4_000_000 and khuzestan[0]["per_100k"] == 5.45
    assert not [r for r in found if r["province_label"] == "تهران"]  # the stand-in has no figure for Tehran
    assert {r["province_label"] for r in ask(store, "figures-with-population", endpoint=wikidata_standin.query_url,
                                              province="IR-24")} == {"اردبیل"}


def test_figures_with_population_without_the_endpoint(capsys, seed_store):
    port = free_port()  # nothing listens there
    code = main(["query", "figures-with-population", "--store", str(seed_store),
                 "--param", f"endpoint=http://127.0.0.1:{port}/sparql"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"fakg query: figures-with-population: cannot reach the endpoint http://127.0.0.1:{port}/sparql")
    assert err.count("\n") == 1 and "OSError" not in err


# ------------------------------------------------------------------------------------------ the command


def test_cli_list_shows_every_query_and_its_question(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, q in library().items():
        assert name in out and q.question in out
    assert "--param person_name=" in out


def test_cli_query_formats(capsys, seed_store):
    store = str(seed_store)
    assert main(["query", "officials", "--store", store, "--param", "person_name=كريميان", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in data} == {"مهران کریمیان"} and data[0]["person_name"] == "كريميان"
    assert main(["query", "officials", "--store", store, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    assert header.startswith("name,post,organization") and "person_name" not in header  # unset parameter left out
    assert main(["query", "figures-by-province", "--store", store, "--param", "province=IR-24", "--format", "tsv"]) == 0
    assert "۱۹۹ کودک خیابانی" in capsys.readouterr().out


def test_cli_hostile_parameter_values(capsys, seed_store):
    store = str(seed_store)
    for value in HOSTILE:
        assert main(["query", "officials", "--store", store, "--param", f"person_name={value}"]) == 0
        assert "(0 rows)" in capsys.readouterr().out
    assert main(["query", "source-sentence", "--store", store, "--param", "fact=<http://evil>"]) == 0
    assert "(0 rows)" in capsys.readouterr().out
    assert main(["query", "summary", "--store", store, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["articles"] == 5


def test_cli_usage_errors(capsys, seed_store):
    store = str(seed_store)
    assert main(["query", "officials", "--store", store, "--param", "nope=1"]) == 2
    assert "person_name" in capsys.readouterr().err
    assert main(["query", "officials", "--store", store, "--param", "person_name"]) == 2
    assert main(["query", "no-such-query", "--store", store]) == 1


def test_table_aligns_persian_by_display_width():
    cols = ["name", "n"]
    data = [["مهران\u200cکریمیان", 1], ["کودکِ کار", 22], ["abc", 333], ["\u200fسازمان", None]]
    table = format_rows(cols, data)
    lines = table.splitlines()
    bars = {tuple(_width(line[:m.start()]) for m in re.finditer(r" \| ", line)) for line in lines if " | " in line}
    assert len(bars) == 1, table  # every "|" in the same terminal column
    assert _width("مهران\u200cکریمیان") == 12 and _width("کودکِ") == 4
    long = format_rows(["t"], [["کودک " * 40]], width=20).splitlines()[2]
    assert _width(long) == 20 and long.endswith("…\u2069")


# --------------------------------------------------------------------- one province and one group


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Store:
    """Our own test articles and the fourth held-out set, built: name index and scopes included."""
    path = tmp_path_factory.mktemp("scoped") / "kg"
    root = ARTICLES.parent
    build([str(root / "articles"), str(root / "heldout4" / "articles")], str(path))
    return Store.read_only(str(path))


@pytest.mark.parametrize("name", ["figures-by-province", "conflicting-figures", "latest-figure"])
def test_a_province_and_a_group_are_found_by_scope_with_the_same_rows(built, name):
    """The scope path (fakg:scope) gives exactly the rows of the place-by-place path it replaces."""
    text = load(name).text
    slow_branch = 'FILTER(COALESCE(STR(?province), "") != "" && !?scoped)'
    assert slow_branch in text
    scope_only = dataclasses.replace(load(name), text=text.replace(slow_branch, "FILTER(false)"))
    place_only = dataclasses.replace(load(name), text=text.replace("FILTER(?scoped)", "FILTER(false)")
                                     .replace(slow_branch, 'FILTER(COALESCE(STR(?province), "") != "")'))
    found = 0
    for province in ("IR-24", "استان گیلان", "Tehran Province", "https://w3id.org/fakg/place/گلستان", "کرمان"):
        for group in ("کودکان کار", "street-children", "out-of-school-children",
                      "https://w3id.org/fakg/concept/target-group/children-at-risk"):
            params = {"province": province, "group": group}
            expected = sorted(map(repr, rows(run(built, place_only, params))[1]))
            assert sorted(map(repr, rows(run(built, scope_only, params))[1])) == expected, params
            assert sorted(map(repr, rows(run(built, load(name), params))[1])) == expected, params
            found += len(expected)
    assert found > 0 or name == "conflicting-figures"


def test_a_place_that_is_no_province_still_finds_its_figures(built):
    rows_ = ask(built, "figures-by-province", province="بندرعباس", group="کودکان کار و خیابان")
    assert rows_ and all(r["place_label"] == "بندرعباس" for r in rows_)
