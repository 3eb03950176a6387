"""`fakg query --param`: values fakg cannot know are refused on one line (exit 2) with the nearest
known values, dates are read in ISO or Jalali, and kinds are matched, never silently dropped."""
from __future__ import annotations

import json

import pytest

from builder.use.params import check
from builder.use.sparql import ParamError


@pytest.fixture
def rows(query):
    """``rows(*args)``: the rows ``fakg query ARGS --format json`` prints."""
    def run(*args) -> list[dict]:
        code, out, err = query(*args, "--format", "json")
        assert code == 0, err
        return json.loads(out)
    return run


@pytest.mark.parametrize("name, param, nearest", [
    ("figures-by-province", "province=Tehrn", "Tehran"),
    ("figures-by-province", "province=IR-99", "IR-"),
    ("officials", "province=اردبیلل", "اردبیل"),
    ("figures-by-province", "group=street-kids", "street-children"),
    ("quotes-about-group", "group=کودکان خیابانیی", "کودکان خیابانی"),
    ("events", "event_kind=presconference", "press_conference"),
])
def test_an_unknown_value_is_refused_with_the_nearest_known_ones(capsys, name, param, nearest, query):
    code, out, err = query(name, "--param", param)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"fakg query: {param}:") and "nearest:" in lines[0] and nearest in lines[0], err


@pytest.mark.parametrize("name, param, says", [
    ("figures-by-province", "from=yesterday", "not a date"),
    ("figures-by-province", "to=1402-13", "not a date"),
    ("figures-by-province", "from=2023-02-30", "not a date"),
    ("co-mentions", "min_articles=two", "not a whole number"),
    ("co-mentions", "min_articles=0", "not a whole number"),
    ("figures-with-population", "endpoint=wikidata", "not an IRI"),
    ("source-sentence", "fact=statistic/0", "not an IRI"),
    ("officials", "count=articles", "not stories or pages"),
])
def test_a_value_of_the_wrong_kind_is_refused(capsys, name, param, says, query):
    code, out, err = query(name, "--param", param)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and param in err and says in err, err


def test_known_names_are_accepted_however_written(capsys, rows):
    tehran = rows("figures-by-province", "--param", "province=تهران")
    assert tehran
    for spelling in ("Tehran", "tehran province", "استان تهران", "IR-23"):
        assert rows("figures-by-province", "--param", f"province={spelling}") == \
            [dict(r, province=spelling) for r in tehran], spelling
    assert rows("events", "--param", "province=اهواز")  # a city of the gazetteer
    street = rows("figures-by-province", "--param", "group=street children")
    assert {r["value"] for r in street} >= {199}


def test_a_jalali_date_is_read_as_its_iso_day(capsys, query, rows):
    """The Tehran page is dated 2023-12-05 (14 Azar 1402); the Ardabil page has no date."""
    dated = rows("figures-by-province", "--param", "province=تهران")
    for value in ("1402-09", "1402/09/01", "۱۴۰۲/۰۹/۰۱", "1402-09-14", "1402"):
        code, out, err = query("figures-by-province", "--param", "province=تهران", "--param", f"from={value}",
                               "--format", "json")
        assert code == 0 and len(json.loads(out)) == len(dated), value
        assert "Jalali" in err and "2023-" in err or "2023-03-21" in err, err
    # 1402-09 as the start: Azar 1st is 2023-11-22; as the end ("to"): Azar 30th is 2023-12-21
    assert rows("figures-by-province", "--param", "province=تهران", "--param", "from=1402-10") == []
    assert len(rows("figures-by-province", "--param", "province=تهران", "--param", "to=1402-09")) == len(dated)
    assert rows("figures-by-province", "--param", "province=تهران", "--param", "to=1402-09-13") == []
    code, _, err = query("figures-by-province", "--param", "from=1402-09")
    assert "from=1402-09 is a Jalali date: read as 2023-11-22" in err


def test_iso_dates_stay_as_they_are():
    assert check({"from": "2023", "to": "2023-12"}) == ({"from": "2023", "to": "2023-12"}, [])
    assert check({"from": "2023/6/1"})[0] == {"from": "2023-06-01"}


def test_an_event_kind_is_matched_never_dropped(capsys, rows):
    press = rows("events", "--param", "event_kind=press_conference")
    assert press and {r["kind"] for r in press} == {"press_conference"}
    for spelling in ("press conference", "Press-Conference", "نشست خبری"):
        assert rows("events", "--param", f"event_kind={spelling}") == \
            [dict(r, event_kind="press_conference") for r in press], spelling


def test_a_number_in_persian_digits_counts(capsys, rows):
    assert rows("co-mentions", "--param", "min_articles=۱") == rows("co-mentions", "--param",
                                                                            "min_articles=1")


def test_free_text_and_unset_parameters_pass_as_they_are():
    given = {"person_name": "x\" } ; DROP ALL ; #", "province": "", "group": None}
    assert check(given) == (given, [])
    with pytest.raises(ParamError):
        check({"group": "<https://w3id.org/fakg/concept/target-group/street-kids>"})
    assert check({"group": "<https://w3id.org/fakg/concept/target-group/street-children>"})[1] == []


def test_count_takes_stories_or_pages_however_written():
    assert check({"count": "Pages"}) == ({"count": "pages"}, [])
    assert check({"count": "story"}) == ({"count": "stories"}, [])
    with pytest.raises(ParamError, match="count=twice: not stories or pages"):
        check({"count": "twice"})
