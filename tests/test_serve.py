"""`fakg serve`: the seed store behind Oxigraph's HTTP server, queried with SPARQLWrapper and urllib."""
from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from builder.cli import main
from builder.serve import ServeError, Server, free_port, server_command
from builder.sparql import load
from seeds import seed_store_path

ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"


@pytest.fixture(scope="module")
def server():
    """The seed store served read-only on a free port; always stopped."""
    s = Server(seed_store_path(), free_port())
    try:
        s.start()
        yield s
    finally:
        s.stop()
    assert s.process.poll() is not None  # really gone


def test_command_line_is_read_only_on_localhost_by_default(tmp_path):
    cmd = server_command(tmp_path, 7999)
    assert cmd[1] == "serve-read-only" and cmd[cmd.index("--bind") + 1] == "127.0.0.1:7999"
    assert "--union-default-graph" in cmd and cmd[cmd.index("--location") + 1] == str(tmp_path)
    assert server_command(tmp_path, 7999, writable=True)[1] == "serve"


def test_sparqlwrapper_query(server):
    client = SPARQLWrapper(server.query_url)
    client.setQuery(ARTICLES)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result["results"]["bindings"][0]["n"]["value"] == "5"


def test_library_query_over_http_gives_the_same_rows(server):
    """officials.rq sent as it is (parameters unset): the same people as `fakg query officials`."""
    client = SPARQLWrapper(server.query_url)
    client.setQuery(load("officials").text)
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    bindings = client.query().convert()["results"]["bindings"]
    names = {b["name"]["value"] for b in bindings}
    assert "مهران کریمیان" in names
    karimian = [b for b in bindings if b["name"]["value"] == "مهران کریمیان"]
    assert any(b.get("organization", {}).get("value") == "اداره کل بهزیستی استان خوزستان" for b in karimian)


def test_plain_urllib_get_and_post(server):
    url = server.query_url + "?" + urllib.parse.urlencode({"query": ARTICLES})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert list(csv.reader(io.StringIO(response.read().decode()))) == [["n"], ["5"]]
    query = ('SELECT ?label WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> '
             '<http://www.wikidata.org/entity/Q134228> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label '
             'FILTER(lang(?label) = "fa") } LIMIT 1')
    request = urllib.request.Request(server.query_url, data=query.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        data = json.loads(response.read().decode())
    assert data["results"]["bindings"][0]["label"]["value"] == "اردبیل"


def test_query_page_is_served(server):
    with urllib.request.urlopen(server.url, timeout=10) as response:
        assert response.status == 200 and "html" in response.headers["Content-Type"]


def test_update_is_refused_when_read_only(server):
    request = urllib.request.Request(server.update_url, data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    client = SPARQLWrapper(server.query_url, updateEndpoint=server.update_url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://evil> <http://evil> <http://evil> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        client.query()
    client = SPARQLWrapper(server.query_url)
    client.setQuery(ARTICLES)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().split() == ["n", "5"]  # still all there


def test_writable_server_accepts_updates(tmp_path):
    from pyoxigraph import Store

    store = tmp_path / "kg"
    Store(str(store)).flush()  # an empty store, closed again when the object goes
    with Server(store, free_port(), writable=True) as s:
        request = urllib.request.Request(
            s.update_url, method="POST", headers={"Content-Type": "application/sparql-update"},
            data="INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> \"ج\" } }".encode())
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status in (200, 204)
        client = SPARQLWrapper(s.query_url)
        client.setQuery('ASK { <urn:a> <urn:b> "ج" }')
        client.setReturnFormat(JSON)
        assert client.query().convert()["boolean"] is True
    assert s.process.poll() is not None


def test_missing_store_is_reported(tmp_path, capsys):
    with pytest.raises(ServeError, match="no store"):
        Server(tmp_path / "absent", free_port()).start()
    assert main(["serve", "--store", str(tmp_path / "absent"), "--port", str(free_port())]) == 1
    assert "no store" in capsys.readouterr().err


def test_busy_port_is_reported(server):
    second = Server(seed_store_path(), server.port)
    try:
        with pytest.raises(ServeError, match="in use"):
            second.start(wait=10)
    finally:
        second.stop()
    assert second.process is None  # nothing was started
