"""`fakg serve`: the seed store behind Oxigraph's HTTP server, queried with SPARQLWrapper and urllib."""
from __future__ import annotations

import csv
import http.client
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from builder.cli import main
from builder.storage.serve import ServeError, Server, free_port, server_command
from builder.use.sparql import library, load
from builder.storage.access import _rocksdb_holder
from builder.storage.serve_records import ChildRecord
ROOT = Path(__file__).resolve().parent.parent

ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"


@pytest.fixture(scope="module")
def server(seed_store):
    """The seed store served read-only on a free port; always stopped."""
    s = Server(seed_store, free_port())
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


def test_busy_port_is_reported(server, seed_store):
    second = Server(seed_store, server.port)
    try:
        with pytest.raises(ServeError, match="in use"):
            second.start(wait=10)
    finally:
        second.stop()
    assert second.process is None  # nothing was started


# --- hardening (the hostile tester's and the new user's issues) -------------------------------------------------
#
# Each group reproduces one point of the issues; the outcomes are listed in tests/badinputs/README.md.

COUNT_CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # answers nothing for hours
ROWS_CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # streams rows for hours


@pytest.fixture
def store_copy(tmp_path, seed_store) -> Path:
    """A copy of the seed store that a test may write (the seed store is shared)."""
    dest = tmp_path / "kg"
    shutil.copytree(seed_store, dest, ignore=shutil.ignore_patterns("fakg"))
    return dest


def _raw(port: int, request: bytes, timeout: float = 30) -> tuple[int, bytes]:
    """Send ``request`` as it is; the status and the body of the answer (read to the end)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while True:
            try:
                chunk = s.recv(1 << 16)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def _call(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None,
          timeout: float = 30) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def _form(**fields) -> dict:
    return dict(data=urllib.parse.urlencode(fields).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"})


def _ask(server, query: str) -> bool:
    status, body = _call(server.query_url + "?" + urllib.parse.urlencode({"query": query}),
                         headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return json.loads(body)["boolean"]


def _oxigraph_children(store: Path) -> list[int]:
    """The Oxigraph processes of this test process serving ``store`` (or a snapshot of it), from /proc."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            argv = (stat.parent / "cmdline").read_bytes().decode().split("\0")
        except (OSError, IndexError):
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z" and "oxigraph" in argv[0] and \
                argv[argv.index("--location") + 1].startswith(str(store)):
            out.append(int(stat.parent.name))
    return out


def _settles(check, within: float = 20) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


@pytest.fixture
def writable(tmp_path, store_copy):
    """A copy of the seed store served writable; always stopped."""
    s = Server(store_copy, free_port(), writable=True)
    try:
        s.start()
        yield s
    finally:
        s.stop()


INSERT = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> \"ج\" } }"
INSERTED = 'ASK { <urn:a> <urn:b> "ج" }'


# 1. cross-site requests and DNS rebinding


def test_the_issues_cross_site_update_is_refused_and_changes_nothing(writable):
    """The issue's curl: a form POST with a foreign Origin and Host, which ran `INSERT DATA` (204)."""
    evil = {"Origin": "http://evil.example", "Host": f"evil.example:{writable.port}"}
    form = _form(update=INSERT)
    status, body = _call(writable.update_url, form["data"], {**form["headers"], **evil})
    assert status == 403 and "not this server" in body, body
    status, body = _call(writable.update_url, form["data"], {**form["headers"], "Origin": "http://evil.example"})
    assert status == 403 and "another site" in body and len(body.splitlines()) == 1, body
    status, body = _call(writable.update_url, form["data"], {**form["headers"], "Sec-Fetch-Site": "cross-site"})
    assert status == 403, body
    status, body = _call(writable.url + "store?default", method="DELETE", headers={"Origin": "null"})
    assert status == 403, body  # a Graph Store write from a sandboxed page
    assert not _ask(writable, INSERTED)
    assert _ask(writable, ARTICLES.replace("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE", "ASK"))  # nothing dropped


def test_updates_from_the_query_page_and_from_programs_are_accepted(writable):
    form = _form(update=INSERT)
    status, body = _call(writable.update_url, form["data"],
                         {**form["headers"], "Origin": f"http://localhost:{writable.port}"})
    assert status == 204, body
    assert _ask(writable, INSERTED)
    status, body = _call(writable.update_url, INSERT.replace("INSERT", "DELETE").encode(),
                         {"Content-Type": "application/sparql-update"})  # no Origin: curl, SPARQLWrapper
    assert status == 204, body
    assert not _ask(writable, INSERTED)


@pytest.mark.parametrize("mode", ["read-only", "writable"])
def test_a_foreign_host_is_refused_in_both_modes(request, mode, server):
    s = server if mode == "read-only" else request.getfixturevalue("writable")
    for host in (f"evil.example:{s.port}", "127.0.0.1", f"127.0.0.1:{s.port + 1}", f"localhost.evil.example:{s.port}"):
        status, body = _raw(s.port, b"GET /query?query=ASK%%7B%%7D HTTP/1.1\r\nHost: %s\r\n\r\n" % host.encode())
        assert status == 403 and b"DNS rebinding" in body, (host, body)
    status, _ = _raw(s.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % s.port)
    assert status == 200  # the query page, under the server's own name
    for host in (f"localhost:{s.port}", f"[::1]:{s.port}"):
        status, _ = _raw(s.port, b"GET /query?query=ASK%%7B%%7D HTTP/1.1\r\nHost: %s\r\n\r\n" % host.encode())
        assert status == 200, host
    status, body = _raw(s.port, b"GET /query?query=ASK%7B%7D HTTP/1.0\r\n\r\n")
    assert status == 400 and b"no Host" in body


# 2. outbound requests: SERVICE and LOAD


@pytest.fixture
def listener():
    """A loopback socket server that must receive nothing: the connections it accepted."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            accepted.append(conn.recv(1000))
            conn.close()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", accepted=accepted)
    stop.set()
    t.join(5)
    sock.close()


def _service_queries(url: str) -> list[str]:
    base = url.rsplit("/", 1)[0] + "/"
    return [f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
            f"select * where {{ servicesilent<{url}>{{ ?s ?p ?o }} }}",
            f"PREFIX e: <{base}> SELECT * WHERE {{ ?x ?y ?z SERVICE e:sparql {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p 1.SERVICE <{url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p \"x\"SERVICE <{url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
            "SELECT * WHERE { SERVICE <\\u0068" + url[1:] + "> { ?s ?p ?o } }",
            f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"]


def test_service_calls_are_refused_and_nothing_is_contacted(server, listener):
    for query in _service_queries(listener.url):
        for how in ("get", "form", "body"):
            if how == "get":
                status, body = _call(server.query_url + "?" + urllib.parse.urlencode({"query": query}))
            elif how == "form":
                status, body = _call(server.query_url, **_form(query=query))
            else:
                status, body = _call(server.query_url, query.encode(), {"Content-Type": "application/sparql-query"})
            assert status == 403 and body.startswith("fakg serve: SERVICE ") and len(body.splitlines()) == 1, (
                query, how, body)
    time.sleep(0.5)
    assert listener.accepted == []


def test_load_and_service_in_updates_are_refused(writable, listener):
    for update in (f"LOAD <{listener.url}>", f"LOAD SILENT <{listener.url}> INTO GRAPH <urn:g>",
                   f"INSERT DATA {{ <urn:a> <urn:b> <urn:c> }} ; load<{listener.url}>",
                   f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"):
        status, body = _call(writable.update_url, update.encode(), {"Content-Type": "application/sparql-update"})
        assert status == 403 and ("LOAD" in body or "SERVICE" in body), (update, body)
    for query in _service_queries(listener.url)[:2]:
        status, body = _call(writable.query_url, **_form(query=query))
        assert status == 403, body
    time.sleep(0.5)
    assert listener.accepted == []
    assert not _ask(writable, "ASK { <urn:a> <urn:b> <urn:c> }")  # the refused update ran no part


def test_allowed_endpoints_are_called(tmp_path, listener, seed_store):
    with Server(seed_store, free_port(), allow_service=[listener.url]) as s:
        status, body = _call(s.query_url, **_form(query=f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"))
        assert status == 200, body
    assert _settles(lambda: len(listener.accepted) == 1)  # the allowed endpoint was asked, once
    assert b"POST" in listener.accepted[0] or b"GET" in listener.accepted[0]


@pytest.mark.parametrize("text, refused", [
    ("# SERVICE <http://127.0.0.1:9/>\nSELECT * WHERE { ?s ?p ?o }", False),  # a comment
    ('SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> {}" }', False),  # a string
    ("SELECT * WHERE { ?s ?p '''it's SERVICE <http://127.0.0.1:9/> {}''' }", False),
    ("SELECT * WHERE { ?service <http://127.0.0.1:9/> ?o }", False),  # a variable
    ("PREFIX s: <http://schema.org/> SELECT * WHERE { ?x s:service <http://127.0.0.1:9/> }", False),  # a local name
    ("SELECT * WHERE { ?x <http://x/SERVICE> <http://127.0.0.1:9/> }", False),  # inside an IRI
    ("SELECT * WHERE { ?x ?p ?o FILTER(?o<3 && ?o>1) }", False),
    ("PREFIX a: <http://x/> SELECT * WHERE { ?s ?p a:b\\#c . SERVICE <http://127.0.0.1:9/> {} }", True),
    ("SELECT * WHERE { ?s ?p trueSERVICE <http://127.0.0.1:9/> {} }", True),
    ("SELECT * WHERE { ?s ?p \"x\"@en.SERVICE <http://127.0.0.1:9/> {} }", True),
    ("PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { SERVICE:sparql {} }", True),
    ("BASE <http://127.0.0.1:9/> SELECT * WHERE { SERVICE <sparql> {} }", True),  # relative
    ("SELECT * WHERE { SERVICE#\n<http://127.0.0.1:9/> {} }", True),
])
def test_the_scan_reads_the_text_as_oxigraph_does(text, refused):
    from builder.storage.serve_filter import outbound_refusal

    assert (outbound_refusal(text, [], update=False) is not None) == refused
    allowed = outbound_refusal(text, ["http://127.0.0.1:9/", "http://127.0.0.1:9/sparql"], update=False)
    assert allowed is None or "absolute" in allowed.message  # once allowed, only the relative IRI stays refused


# 3. query time


def test_a_query_past_the_time_limit_gets_504_and_leaves_no_child_behind(tmp_path, store_copy):
    store = store_copy
    with Server(store, free_port(), timeout_s=3) as s:
        started = time.monotonic()
        status, body = _call(s.query_url, **_form(query=COUNT_CROSS), timeout=120)
        assert status == 504 and "time limit of 3 s" in body and len(body.splitlines()) == 1, body
        assert time.monotonic() - started < 30  # not the hours the query would take
        with pytest.raises((http.client.IncompleteRead, ConnectionError, urllib.error.URLError, json.JSONDecodeError)):
            status, body = _call(s.query_url, **_form(query=ROWS_CROSS), timeout=120)  # cut short
            json.loads(body)
        assert time.monotonic() - started < 60
        (slot,) = (store / "fakg" / "serve").iterdir()
        assert _settles(lambda: len(_oxigraph_children(store)) == 1), _oxigraph_children(store)
        assert sorted(p.name for p in slot.iterdir() if p.name.startswith("g")) == ["g1"]  # the same snapshot
        assert _ask(s, "ASK { ?s ?p ?o }")  # and it answers on
    assert _oxigraph_children(store) == []


def test_abandoned_queries_leave_no_children_or_snapshots(tmp_path, change_figures, library_build, make_corpus):
    """The issue: three abandoned queries and three builds left 4 children and a 279 MB serve folder."""
    corpus, store = make_corpus(tmp_path / "in", 2), tmp_path / "kg"
    library_build(corpus, store)
    with Server(store, free_port(), timeout_s=None) as s:  # no time limit: only the client leaving stops them
        for round_ in range(3):
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.sendall(b"GET /query?%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n"
                          % (urllib.parse.urlencode({"query": COUNT_CROSS}).encode(), s.port))
                time.sleep(0.5)
            change_figures(corpus, every=1 + round_)
            library_build(corpus, store)
        (slot,) = (store / "fakg" / "serve").iterdir()

        def snapshots():
            return [p.name for p in slot.iterdir() if p.name.startswith("g")]

        assert _settles(lambda: len(_oxigraph_children(store)) == 1 and len(snapshots()) == 1), (
            _oxigraph_children(store), snapshots())  # the old ones go as soon as they are stopped
        assert _ask(s, "ASK { ?s ?p ?o }")


@pytest.mark.parametrize("slow_give_back", [False, True])
def test_a_writable_server_restarts_its_child_after_a_timeout(writable, monkeypatch, slow_give_back):
    """The next request, sent as soon as the 504 is read, goes to a new child, not the one being stopped.

    A handler thread slow to give the child back (as on a busy machine) once
    let that request reach the old child, which was then stopped under it (502).
    """
    if slow_give_back:
        give_back = type(writable).give_back

        def slowly(self, child, spoiled):
            time.sleep(1.5)
            give_back(self, child, spoiled)

        monkeypatch.setattr(type(writable), "give_back", slowly)
    writable.timeout_s = 3
    timed_out = writable.borrow()
    writable.give_back(timed_out, False)
    status, body = _call(writable.query_url, **_form(query=COUNT_CROSS), timeout=120)
    assert status == 504, body
    lent = writable.borrow()  # what the next request would be sent to, the moment the 504 is read
    assert lent is not None and lent is not timed_out
    writable.give_back(lent, False)
    status, body = _call(writable.update_url, INSERT.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 204, body  # a new child over the same store
    assert _ask(writable, INSERTED)
    assert _settles(lambda: len(_oxigraph_children(writable.store)) == 1), _oxigraph_children(writable.store)


# 4. a killed server leaves no child


def _serve_process(store: Path, port: int, *extra: str) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-m", "builder.cli", "serve", "--store", str(store), "--port", str(port),
                          *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                         cwd=ROOT)
    assert _settles(lambda: p.poll() is None and _answers(port), within=60), p.stderr.read() if p.poll() else ""
    return p


def _answers(port: int) -> bool:
    try:
        return _call(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)[0] == 200
    except OSError:
        return False


def _recorded_children(store: Path) -> list[int]:
    return [pid for record in (store / "fakg" / "children").glob("[0-9]*")
            for pid, _ in ChildRecord.entries(record)]


def _alive(pid: int) -> bool:
    from builder.storage.locks import _running

    return _running(pid)


@pytest.mark.parametrize("mode", [["--writable"], []])
def test_kill_9_of_serve_takes_its_child_along_and_a_build_goes_on(tmp_path, mode, store_copy):
    store = store_copy
    p = _serve_process(store, free_port(), *mode)
    (child,) = _recorded_children(store)
    assert _alive(child)
    p.send_signal(signal.SIGKILL)
    p.wait(10)
    assert _settles(lambda: not _alive(child), within=10)
    b = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(ROOT / "examples" / "articles"),
                        "--store", str(store), "-q"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert b.returncode == 0 and "Traceback" not in b.stderr, b.stderr


def test_a_stale_record_is_cleared_by_the_next_build(tmp_path, store_copy):
    """An Oxigraph left over the store by a serve killed before its children could go: the build stops it."""
    from builder.storage.serve import server_command

    store = store_copy
    orphan = subprocess.Popen(server_command(store, free_port(), writable=True), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    bystander = subprocess.Popen(["sleep", "60"])
    try:
        assert _settles(lambda: (store / "LOCK").exists() and _rocksdb_holder(store) == orphan.pid)
        (store / "fakg" / "children").mkdir(parents=True, exist_ok=True)
        (store / "fakg" / "children" / "999999-dead").write_text(
            f"{orphan.pid}\t{store}\n{bystander.pid}\t{store}\n")  # nobody holds its lock: its owner is gone
        b = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(ROOT / "examples" / "articles"),
                            "--store", str(store), "-q", "--force"], capture_output=True, text=True, timeout=300,
                           cwd=ROOT)
        assert b.returncode == 0, b.stderr
        assert orphan.wait(10) is not None  # killed
        assert bystander.poll() is None  # not an oxigraph over this store: left alone
        assert not (store / "fakg" / "children" / "999999-dead").exists()
    finally:
        for proc in (orphan, bystander):
            proc.kill()
            proc.wait()


def test_a_program_holding_the_store_is_named_not_the_build_itself(tmp_path, store_copy):
    """The issue: `fakg build` said "being written by another process (fakg build, pid <its own pid>)"."""
    from builder.storage.serve import server_command

    store = store_copy
    holder = subprocess.Popen(server_command(store, free_port(), writable=True), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        assert _settles(lambda: _rocksdb_holder(store) == holder.pid)
        b = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(ROOT / "examples" / "articles"),
                            "--store", str(store), "-q", "--force"], capture_output=True, text=True, timeout=300,
                           cwd=ROOT)
    finally:
        holder.kill()
        holder.wait()
    assert b.returncode == 1 and "Traceback" not in b.stderr
    (line,) = b.stderr.splitlines()
    assert f"pid {holder.pid}: " in line and "oxigraph" in line and "outside fakg's locks" in line, line
    assert "fakg build, pid" not in line


# 5. request size and malformed requests


def test_bodies_past_the_limit_get_413(tmp_path, seed_store):
    with Server(seed_store, free_port(), max_body=1 << 20) as s:
        head = b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-query\r\n" % s.port
        status, body = _raw(s.port, head + b"Content-Length: %d\r\n\r\nSELECT" % (1 << 30))  # 1 GB announced
        assert status == 413 and b"larger than the limit of 1048576 bytes" in body, body
        chunk = b"#" * (256 << 10)
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
        status, body = _raw(s.port, head + b"Transfer-Encoding: chunked\r\n\r\n" + chunks)
        assert status == 413, body
        status, body = _raw(s.port, head + b"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n" % (2 << 20))
        assert status == 413  # answered before the body is sent
        long_get = "?" + urllib.parse.urlencode({"query": "ASK {} #" + "x" * (2 << 20)})
        status, body = _call(s.query_url + long_get)
        assert status == 414, body
        assert _ask(s, "ASK { ?s ?p ?o }")


@pytest.mark.parametrize("headers, body, expected", [
    (b"Content-Length: -5\r\n", b"", 400),
    (b"Content-Length: 99999999999999999999999\r\n", b"", 400),
    (b"Content-Length: 1000000000000000000\r\n", b"", 413),
    (b"Content-Length: abc\r\n", b"", 400),
    (b"Content-Length: 3\r\nContent-Length: 4\r\n", b"ASK", 400),
    (b"Transfer-Encoding: chunked\r\n", b"zz\r\nASK {}\r\n0\r\n\r\n", 400),
    (b"Transfer-Encoding: chunked\r\n", b"-6\r\nASK {}\r\n0\r\n\r\n", 400),
    (b"Transfer-Encoding: chunked\r\n", b"6\r\nASK {}XX0\r\n\r\n", 400),
    (b"Transfer-Encoding: gzip, chunked\r\n", b"0\r\n\r\n", 501),
    (b"Transfer-Encoding: chunked\r\nContent-Length: 6\r\n", b"6\r\nASK {}\r\n0\r\n\r\n", 400),
    (b"Transfer-Encoding: chunked\r\n", b"6\r\nASK {}\r\n0\r\n\r\n", 200),  # a good one, for contrast
])
def test_malformed_bodies_get_400(server, headers, body, expected):
    status, answer = _raw(server.port, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                       b"Content-Type: application/sparql-query\r\n%s\r\n%s" % (server.port, headers, body))
    assert status == expected, answer
    assert _ask(server, "ASK { ?s ?p ?o }")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_stopping_with_queries_in_flight_prints_no_traceback(tmp_path, sig, store_copy):
    port, store = free_port(), store_copy
    p = _serve_process(store, port, "--timeout", "0")
    (child,) = _recorded_children(store)
    threads = [threading.Thread(target=lambda q=q: _swallow(_call, f"http://127.0.0.1:{port}/query", **_form(query=q)),
                                daemon=True) for q in (COUNT_CROSS, ROWS_CROSS)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    p.send_signal(sig)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and "Traceback" not in err and "Exception" not in err, err
    assert _settles(lambda: not _alive(child), within=10)


def _swallow(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception:
        pass


# 6. every library query over HTTP, with the clients' defaults


@pytest.mark.parametrize("name", sorted(set(library()) - {"figures-with-population"}))
def test_every_library_query_answers_through_sparqlwrapper_defaults(server, name):
    """SPARQLWrapper sends GET by default: figures-by-province, conflicting-figures and latest-figure used to get
    HTTP 400 "The headers size must fit in 8kb"."""
    client = SPARQLWrapper(server.query_url)  # GET, as SPARQLWrapper does unless told otherwise
    client.setQuery(load(name).text)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert "results" in result, result
    if name != "conflicting-figures":  # the seeds hold no disagreeing figures
        assert result["results"]["bindings"], name
    status, body = _call(server.query_url + "?" + urllib.parse.urlencode({"query": load(name).text}),
                         headers={"Accept": "text/csv"})  # as `curl -G --data-urlencode query@…` sends it
    assert status == 200 and body.splitlines(), (name, body)


def test_figures_with_population_over_http_names_its_endpoint(server):
    """Its endpoint is a variable (a parameter of `fakg query`), which the server cannot check: it says so, and
    the text with the endpoint written in (README) runs against a server that allows it."""
    text = load("figures-with-population").text
    client = SPARQLWrapper(server.query_url)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert "SERVICE ?endpoint" in refused.value.read().decode()


def test_figures_with_population_runs_with_an_allowed_endpoint(wikidata_standin, seed_store):
    text = load("figures-with-population").text.replace("SERVICE ?endpoint", f"SERVICE <{wikidata_standin.query_url}>")
    with Server(seed_store, free_port(), allow_service=[wikidata_standin.query_url]) as s:
        client = SPARQLWrapper(s.query_url)
        client.setQuery(text)
        client.setReturnFormat(JSON)
        rows = client.query().convert()["results"]["bindings"]
    ardabil = [r for r in rows if r["value"]["value"] == "199"]
    assert ardabil and ardabil[0]["province_label"]["value"] == "اردبیل" and ardabil[0]["per_100k"]["value"] == "19.9"


# 7. an update sent to a read-only server


@pytest.mark.parametrize("how", ["sparql-update body", "update form field", "query form field", "GET"])
def test_an_update_to_a_read_only_server_gets_a_clear_403(server, how):
    update = "DROP ALL"
    if how == "sparql-update body":
        status, body = _call(server.query_url, update.encode(), {"Content-Type": "application/sparql-update"})
    elif how == "update form field":
        status, body = _call(server.query_url, **_form(update=update))
    elif how == "query form field":
        status, body = _call(server.query_url, **_form(query="PREFIX a: <urn:a> " + update))
    else:
        status, body = _call(server.query_url + "?" + urllib.parse.urlencode({"query": update}))
    assert status == 403 and "read-only" in body and len(body.splitlines()) == 1, body
    assert _ask(server, "ASK { ?s ?p ?o }")
