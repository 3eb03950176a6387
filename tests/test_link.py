"""Wikidata links: the package tables against the project's reference data, the links in the store,
and `fakg link` (offline report; --online against a local stand-in for Wikidata's API)."""
from __future__ import annotations

import csv
import http.server
import json
import threading
import urllib.parse
from pathlib import Path

import pytest
from pyoxigraph import Store

from builder.cli import main
from builder.use.link import Offline, USER_AGENT, coverage, entities, parse_search, reconcile, search
from builder.graph.namespaces import PREFIXES
from builder.storage.serve import free_port
from builder.text.textkey import key
ROOT = Path(__file__).resolve().parent.parent

PACKAGE = ROOT / "builder" / "data"
SHARED = ROOT.parent / "shared" / "data"


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _names(*cells: str) -> set[str]:
    """Comparison keys of a name cell and a |-separated variants cell (``!x`` exclusions dropped)."""
    out = set()
    for cell in cells:
        for name in (cell or "").split("|"):
            if name.strip() and not name.startswith("!"):
                out.add(key(name))
    return out


@pytest.fixture(scope="module")
def shared() -> dict[str, set[str]]:
    """Wikidata id -> keys of the names it stands next to in shared/data (provinces, capitals, organisations)."""
    if not SHARED.is_dir():
        pytest.skip(f"the project's reference data is not beside the repository ({SHARED})")
    ids: dict[str, set[str]] = {}
    for r in _rows(SHARED / "provinces.csv"):
        ids.setdefault(r["wikidata_qid"], set()).update(_names(r["persian_name"], r["alt_names"]))
        ids.setdefault(r["capital_wikidata_qid"], set()).update(_names(r["capital_persian_name"]))
    for r in _rows(SHARED / "organizations.csv"):
        if r["wikidata_qid"]:
            ids.setdefault(r["wikidata_qid"], set()).update(_names(r["persian_name"], r["alt_names"]))
    ids.pop("", None)
    return ids


def test_every_wikidata_id_of_the_package_tables_is_in_the_reference_data_next_to_the_same_name(shared):
    checked = 0
    for table in ("places.csv", "organizations.csv"):
        for r in _rows(PACKAGE / table):
            if not r.get("wikidata"):
                continue
            checked += 1
            assert r["wikidata"] in shared, (table, r["name"], r["wikidata"])
            assert _names(r["name"], r.get("variants", "")) & shared[r["wikidata"]], (table, r["name"], r["wikidata"])
    assert checked >= 31 + 31 + 3  # provinces, capitals, the parliament, UNICEF and Iran at least


def test_every_verified_organisation_id_of_the_reference_data_is_used(shared):
    """An id the reference data marks verified is not left out of the package tables."""
    package = {}
    for table in ("places.csv", "organizations.csv"):
        for r in _rows(PACKAGE / table):
            if r.get("wikidata"):
                package.setdefault(r["wikidata"], set()).update(_names(r["name"], r.get("variants", "")))
    verified = [r for r in _rows(SHARED / "organizations.csv")
                if r["wikidata_qid"] and r["qid_status"].startswith("verified")]
    assert {r["wikidata_qid"] for r in verified} >= {"Q378605", "Q740308"}  # the parliament, UNICEF
    for r in verified:
        assert _names(r["persian_name"], r["alt_names"]) & package.get(r["wikidata_qid"], set()), r["persian_name"]


def test_every_province_and_capital_of_the_reference_data_is_in_the_gazetteer():
    if not SHARED.is_dir():
        pytest.skip("no reference data")
    places = _rows(PACKAGE / "places.csv")
    by_id = {r["wikidata"]: r for r in places if r["wikidata"]}
    for r in _rows(SHARED / "provinces.csv"):
        province = by_id[r["wikidata_qid"]]
        assert province["kind"] == "province" and province["iso"] == r["iso_3166_2"], r["persian_name"]
        capital = by_id[r["capital_wikidata_qid"]]
        assert capital["kind"] == "city" and key(capital["name"]) == key(r["capital_persian_name"])
        assert capital["province"] == province["key"]


@pytest.fixture(scope="module")
def store(seed_store) -> Store:
    return Store.read_only(str(seed_store))


def test_the_store_links_provinces_and_capitals(store, shared):
    links = {}
    query = """SELECT DISTINCT ?place ?label ?wd ?iso ?kind WHERE {
      ?place owl:sameAs ?wd ; rdfs:label ?label ; fakg:kind ?kind FILTER(lang(?label) = "fa")
      OPTIONAL { ?place fakg:isoCode ?iso } }"""
    for row in store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True):
        qid = row["wd"].value.rsplit("/", 1)[-1]
        assert row["wd"].value == f"http://www.wikidata.org/entity/{qid}"
        assert key(row["label"].value) in shared[qid], (row["label"].value, qid)  # the right item for the name
        links[row["label"].value, row["kind"].value.rsplit("/", 1)[-1]] = (qid, row["iso"].value if row["iso"] else None)
    assert links[("خوزستان", "province")] == ("Q241119", "IR-06")
    assert links[("اردبیل", "province")] == ("Q134228", "IR-24")
    assert links[("سیستان و بلوچستان", "province")] == ("Q939575", "IR-11")
    assert links[("اهواز", "city")] == ("Q170366", None)  # Khuzestan's capital
    assert coverage(store)["province"] == (5, 5)


def test_link_report_offline(capsys, seed_store):
    assert main(["link", "--store", str(seed_store), "--width", "200"]) == 0
    out = capsys.readouterr().out
    assert "province" in out and "5 of     5 linked" in out
    assert "اداره کل بهزیستی استان خوزستان" in out  # unlinked, most mentioned first
    rows = {cells[1]: int(cells[0]) for line in out.splitlines() if line.count(" | ") == 2
            for cells in [[c.strip().strip("\u2068\u2069") for c in line.split(" | ")]] if cells[0].strip().isdigit()}
    # an organisation only implied by one the Tehran article names (its parent) counts that article
    assert rows["شهرداری تهران"] == 1 and rows["اداره کل بهزیستی استان خوزستان"] == 2
    assert 0 not in rows.values()


PARLIAMENT_PAGE = """کد خبر: ۹۹۱۲۰۱

تصویب طرح حمایت از کودکان کار در مجلس

به گزارش خبرنگار ما، نمایندگان مجلس شورای اسلامی امروز طرح حمایت از کودکان کار را تصویب کردند.

رئیس کمیسیون اجتماعی مجلس شورای اسلامی گفت: در این طرح برای ۳۰۰ کودک کار در استان نمونه خدمات آموزشی پیش‌بینی شده است.

انتهای پیام
"""


def test_the_parliament_is_linked_to_wikidata(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "majles.txt").write_text(PARLIAMENT_PAGE, encoding="utf-8")
    store = str(tmp_path / "kg")
    assert main(["build", str(tmp_path / "in"), "--store", store, "-q", "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["link", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "organization       1 of " in out  # the parliament; its committee has no id of its own
    found = {e.label: e for e in entities(Store.read_only(store)) if e.kind == "organization"}
    assert found["مجلس شورای اسلامی"].wikidata == "Q378605" and found["مجلس شورای اسلامی"].articles == 1


# ------------------------------------------------------------------------------------------ --online


SAMPLE = {
    "searchinfo": {"search": "سازمان بهزیستی کشور"},
    "search": [
        {"id": "Q5961570", "concepturi": "http://www.wikidata.org/entity/Q5961570", "label": "سازمان بهزیستی کشور",
         "description": "سازمان دولتی ایران", "match": {"type": "label", "language": "fa", "text": "سازمان بهزیستی کشور"}},
        {"id": "Q999", "label": "بهزیستی", "description": "", "match": {"type": "alias", "language": "fa", "text": "بهزیستي"}},
        {"id": "P31", "label": "not an item"},
    ],
    "success": 1,
}


def test_parse_search_answer():
    found = parse_search(SAMPLE, "سازمان بهزیستی كشور")
    assert [(c.qid, c.exact) for c in found] == [("Q5961570", True), ("Q999", False)]
    assert found[0].description == "سازمان دولتی ایران" and found[1].matched == "بهزیستي"
    assert parse_search({"search": []}, "x") == []
    with pytest.raises(RuntimeError, match="bad request"):
        parse_search({"error": {"code": "x", "info": "bad request"}}, "x")


class _FakeWikidata(http.server.BaseHTTPRequestHandler):
    requests: list[tuple[dict, str]] = []
    status = 200

    def do_GET(self):
        params = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).items()}
        type(self).requests.append((params, self.headers.get("User-Agent", "")))
        if type(self).status != 200:
            self.send_error(type(self).status)
            return
        name = params.get("search", "")
        hits = [{"id": "Q1" + str(len(name)), "label": name, "description": "fake",
                 "match": {"type": "label", "language": "fa", "text": name}}] if "بهزیستی" in name else []
        body = json.dumps({"search": hits, "success": 1}, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_api():
    _FakeWikidata.requests, _FakeWikidata.status = [], 200
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeWikidata)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    finally:
        server.shutdown()
        server.server_close()


def test_reconcile_against_a_local_stand_in(store, fake_api):
    found = reconcile(store, api=fake_api, limit=3, pause=0)
    assert len(found) == 3 and len(_FakeWikidata.requests) == 3
    params, agent = _FakeWikidata.requests[0]
    assert params["action"] == "wbsearchentities" and params["language"] == "fa" and params["type"] == "item"
    # the unlinked organisations in most articles first: the ministry, above the welfare organisation of
    # three articles (named or implied by a provincial office), above the Khuzestan office of two
    assert params["search"] == "وزارت تعاون، کار و رفاه اجتماعی"
    assert agent == USER_AGENT and agent.startswith("fakg/")
    assert [(r.entity.label, r.entity.articles) for r in found] == [
        ("وزارت تعاون، کار و رفاه اجتماعی", 4), ("سازمان بهزیستی کشور", 3), ("اداره کل بهزیستی استان خوزستان", 2)]
    assert found[1].candidates[0].exact and not found[0].candidates  # the stand-in knows only «بهزیستی» bodies
    linked = {e.iri for e in entities(store) if e.wikidata}
    assert not {r.entity.iri for r in found} & linked  # only organisations without a link are looked up


def test_cli_link_online_with_stand_in(fake_api, capsys, seed_store):
    assert main(["link", "--online", "--store", str(seed_store), "--api", fake_api, "--limit", "2",
                 "--format", "csv"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(captured.out.splitlines()))
    assert rows[0]["organization"] == "سازمان بهزیستی کشور" and rows[0]["qid"].startswith("Q")
    assert rows[0]["exact"] == "yes" and rows[0]["articles"] == "3"
    assert (rows[1]["organization"], rows[1]["description"]) == ("وزارت تعاون، کار و رفاه اجتماعی", "(no candidate)")
    assert "candidates to check by hand" in captured.err


def test_http_errors_are_not_taken_for_no_network(fake_api):
    _FakeWikidata.status = 500
    with pytest.raises(RuntimeError, match="HTTP 500") as raised:
        search("بهزیستی", api=fake_api)
    assert not isinstance(raised.value, Offline)


def test_without_network_it_says_so_and_looks_nothing_up(store, capsys, seed_store):
    api = f"http://127.0.0.1:{free_port()}/w/api.php"  # nothing listens: as good as no network
    with pytest.raises(Offline, match="cannot reach"):
        reconcile(store, api=api, limit=1, timeout=5)
    assert main(["link", "--online", "--store", str(seed_store), "--api", api]) == 1
    err = capsys.readouterr().err
    assert "No network" in err and "nothing was looked up" in err and "unchanged" in err
