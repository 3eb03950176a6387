"""The public port of ``fakg serve``: reads each request, checks it, forwards it to an Oxigraph child.

Every request, in both modes, goes through :class:`ProxyHandler`:

1. before its body is read (so that ``Expect: 100-continue`` clients send
   nothing in vain): the target must be a path, the Host must name this
   server (:func:`~builder.storage.serve_filter.host_refusal`), updates and Graph
   Store writes are refused by a read-only server and, from another site, by a
   writable one; a Content-Length past the limit gets 413;
2. the body is read within the limit (``--max-body``, default
   :data:`DEFAULT_MAX_BODY`); a malformed one (bad chunk size, a negative or
   non-numeric Content-Length) gets 400;
3. a SPARQL query or update (GET parameters, a form, or a body of type
   ``application/sparql-query`` / ``-update``) is read into its parameters,
   checked (an update sent to ``/query``, SERVICE and LOAD endpoints:
   :mod:`builder.storage.serve_filter`) and forwarded as a form POST built from what
   was checked, so that Oxigraph runs exactly the text that was read here and
   a long GET (whose URL Oxigraph would refuse past 8 KB of headers) works;
4. the exchange with the child is bounded by the time limit (``--timeout``),
   and the client is watched while the child works.  An answer is collected
   (up to :data:`BUFFER` bytes) before it is sent, so a query that runs out of
   time before answering gets a clean 504; a longer answer is streamed, and
   cut short if the time runs out meanwhile.  A child left working on a
   request that timed out or whose client left is *spoiled*: the server
   replaces it (only the child can stop a query).

Every answer closes the connection; refusals are one line of text.
"""
from __future__ import annotations

import http.server
import re
import select
import socket
import sys
import time
import urllib.parse
from dataclasses import dataclass

from .serve_filter import Refusal, host_refusal, is_cross_site, is_update, outbound_refusal

#: default cap on a request body, and on a request line (a query sent with GET), in bytes
DEFAULT_MAX_BODY = 16 << 20
#: answers up to this size are collected before they are sent: a timeout meanwhile still gets a clean 504
BUFFER = 1 << 20

_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
               "transfer-encoding", "upgrade", "proxy-connection", "content-length", "expect"}
_FORM = "application/x-www-form-urlencoded"
_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}
_READ_ONLY = ("this server is read-only: SPARQL updates and Graph Store writes are refused "
              "(fakg serve --writable accepts them)")


class _TimedOut(Exception):
    """The request ran past its deadline."""


class _ClientLeft(Exception):
    """The client closed its connection before the answer was sent."""


class _ChildFailed(Exception):
    """The Oxigraph child could not be reached or broke off its answer."""


@dataclass
class Forward:
    """The request as it is sent to the child."""
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes | None


class ProxyServer(http.server.ThreadingHTTPServer):
    """The public listener; ``backend`` (a :class:`builder.storage.serve.Server`) lends children and holds the settings."""

    daemon_threads = True
    block_on_close = False  # stopping does not wait for requests in flight: their children are stopped
    allow_reuse_address = True  # a restart need not wait for TIME_WAIT (Linux: still one listener a port)

    def __init__(self, address, backend):
        super().__init__(address, ProxyHandler)
        self.backend = backend

    def handle_error(self, request, client_address) -> None:
        """An unexpected error in one request: one line in the log, never a traceback."""
        error = sys.exc_info()[1]
        self.backend.note(f"a request from {client_address[0]} failed: {type(error).__name__}: {error}")


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    """One connection: one request, checked, forwarded, answered (see the module doc)."""

    protocol_version = "HTTP/1.1"  # for "Expect: 100-continue" (curl sends it with a long query)
    server_version = "fakg"

    def setup(self) -> None:
        self.timeout = self.server.backend.client_timeout  # a client that stalls while sending is dropped
        super().setup()

    def handle_one_request(self) -> None:
        """The standard library's, with the request line allowed up to the body limit (a query sent with GET)."""
        limit = max(65536, self.server.backend.max_body)
        self._checked = False
        try:
            self.raw_requestline = self.rfile.readline(limit + 1)
            if len(self.raw_requestline) > limit:
                self.command, self.request_version = "", "HTTP/1.1"
                self._refuse(Refusal(414, f"the request line is longer than {limit} bytes (the limit set by --max-body)"))
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            if self.command not in _METHODS:
                self._refuse(Refusal(501, f"method {self.command[:20]} is not supported"))
                return
            self._handle()
            self.wfile.flush()
        except (OSError, ValueError):  # the client went away or stalled (TimeoutError is an OSError)
            self.close_connection = True

    def handle_expect_100(self) -> bool:
        refusal = self._precheck()
        if refusal is not None:
            self._refuse(refusal)
            return False
        return super().handle_expect_100()

    def log_message(self, format, *args) -> None:  # refusals and timeouts are noted in the log; the rest is noise
        pass

    # -- reading and checking

    @property
    def _backend(self):
        return self.server.backend

    def _handle(self) -> None:
        try:
            if not self._checked:
                refusal = self._precheck()
                if refusal is not None:
                    raise refusal
            body = self._read_body(self._backend.max_body)
            forward = self._forward_of(body)
        except Refusal as refusal:
            self._refuse(refusal)
            return
        self._relay(forward)

    def _precheck(self) -> Refusal | None:
        """What can be refused before the body is read; None when the request may go on."""
        self._checked = True
        backend = self._backend
        if not self.path.startswith("/"):
            return Refusal(400, "the request target must be a path such as /query")
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1:
            return Refusal(400, "the request has more than one Host header")
        refusal = host_refusal(hosts[0] if hosts else None, backend.port)
        if refusal is not None:
            return refusal
        self._kind = _kind_of(self.command, self.path)
        if self._kind in ("update", "write"):
            if not backend.writable:
                return Refusal(403, _READ_ONLY)
            origin = self.headers.get("Origin")
            if is_cross_site(origin, self.headers.get("Sec-Fetch-Site"), backend.port):
                return Refusal(403, f"a write from another site (Origin: {origin or '?'}) is refused: only this "
                                    f"server's own query page and programs that send no Origin may write")
        try:
            self._content_length(backend.max_body)
        except Refusal as refusal:
            return refusal
        return None

    def _content_length(self, limit: int) -> int | None:
        values = self.headers.get_all("Content-Length") or []
        if not values:
            return None
        if len({v.strip() for v in values}) > 1:
            raise Refusal(400, "the request has Content-Length headers that disagree")
        if self.headers.get("Transfer-Encoding") is not None:
            raise Refusal(400, "the request has both Content-Length and Transfer-Encoding")
        value = values[0].strip()
        if not re.fullmatch(r"[0-9]{1,19}", value):
            raise Refusal(400, f"bad Content-Length {value[:40]!r}")
        n = int(value)
        if n > limit:
            raise Refusal(413, f"the request body ({n} bytes) is larger than the limit of {limit} bytes (--max-body)")
        return n

    def _read_body(self, limit: int) -> bytes | None:
        encodings = self.headers.get_all("Transfer-Encoding")
        if encodings:
            if [e.strip().lower() for e in ",".join(encodings).split(",")] != ["chunked"]:
                raise Refusal(501, "only Transfer-Encoding: chunked is accepted")
            return self._read_chunked(limit)
        n = self._content_length(limit)
        if n is None:
            return None
        data = self.rfile.read(n)
        if len(data) < n:
            raise Refusal(400, "the request body ended before its Content-Length")
        return data

    def _read_chunked(self, limit: int) -> bytes:
        parts, total = [], 0
        while True:
            line = self.rfile.readline(1026)
            size = line.split(b";", 1)[0].strip()
            if not line.endswith(b"\n") or not re.fullmatch(rb"[0-9A-Fa-f]{1,15}", size):
                raise Refusal(400, f"bad chunk size {size[:20].decode('latin-1')!r} in a chunked body")
            n = int(size, 16)
            if n == 0:
                for _ in range(100):  # trailers, up to a blank line
                    line = self.rfile.readline(8194)
                    if line in (b"\r\n", b"\n"):
                        return b"".join(parts)
                    if not line.endswith(b"\n"):
                        break
                raise Refusal(400, "bad trailers after a chunked body")
            total += n
            if total > limit:
                raise Refusal(413, f"the request body is larger than the limit of {limit} bytes (--max-body)")
            data = self.rfile.read(n)
            if len(data) < n or self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise Refusal(400, "a chunked body ended inside a chunk")
            parts.append(data)

    def _forward_of(self, body: bytes | None) -> Forward:
        """The request to send to the child: a SPARQL operation rebuilt from what was checked, else as it came."""
        path, _, query_string = self.path.partition("?")
        if self._kind == "query" and (self.command == "POST" or (self.command == "GET" and query_string)):
            return self._operation("query", query_string, body)
        if self._kind == "update" and self.command == "POST":
            return self._operation("update", query_string, body)
        headers = [(k, v) for k, v in self._headers() if k.lower() not in _HOP_BY_HOP]
        return Forward(self.command, self.path, headers, body)

    def _operation(self, name: str, query_string: str, body: bytes | None) -> Forward:
        """A query (``name`` "query") or update read from the URL and the body, checked, as a form POST."""
        params = _form(query_string)
        media = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        other = "update" if name == "query" else "query"
        if self.command == "POST":
            if media == _FORM:
                params += _form((body or b"").decode("utf-8", "replace"))
            elif media == f"application/sparql-{name}":
                try:
                    params.append((name, (body or b"").decode("utf-8")))
                except UnicodeDecodeError:
                    raise Refusal(400, "the body is not UTF-8 text") from None
            elif media == f"application/sparql-{other}":
                raise self._misdirected(name)
            else:
                raise Refusal(415, f"Content-Type {media or '(none)'} is not accepted at /{name}: send "
                                   f"application/sparql-{name} or a form ({_FORM})")
        if any(k == other for k, _ in params):
            raise self._misdirected(name)
        texts = [v for k, v in params if k == name]
        if len(texts) != 1:
            raise Refusal(400, f"give exactly one '{name}' parameter (found {len(texts)})")
        if name == "query" and is_update(texts[0]):
            raise self._misdirected(name)
        refusal = outbound_refusal(texts[0], self._backend.allowed_services, update=name == "update")
        if refusal is not None:
            raise refusal
        headers = [("Host", self.headers["Host"]), ("Content-Type", _FORM)]
        if self.headers.get("Accept"):
            headers.append(("Accept", self.headers["Accept"]))
        return Forward("POST", f"/{name}", headers, urllib.parse.urlencode(params).encode())

    def _misdirected(self, name: str) -> Refusal:
        if name == "update":
            return Refusal(400, "this is a SPARQL query, not an update: send it to /query")
        if not self._backend.writable:
            return Refusal(403, "this is a SPARQL update, and " + _READ_ONLY)
        return Refusal(400, "this is a SPARQL update: send it to /update")

    def _headers(self) -> list[tuple[str, str]]:
        return [(k, " ".join(v.split())) for k, v in self.headers.items()]

    # -- answering

    def _refuse(self, refusal: Refusal) -> None:
        self._backend.note(f"{refusal.status} {self.command or '?'} {self.path[:60] if hasattr(self, 'path') else ''}: "
                           f"{refusal.message}")
        self._answer(refusal.status, refusal.message)

    def _answer(self, status: int, message: str) -> None:
        data = (f"fakg serve: {message}\n").encode()
        self.close_connection = True
        try:
            self.send_response_only(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            pass

    def _relay(self, forward: Forward) -> None:
        backend = self._backend
        child = backend.borrow()
        if child is None:
            self._answer(503, "the store is not being served right now (starting, restarting or stopping); try again")
            return
        deadline = None if not backend.timeout_s else time.monotonic() + backend.timeout_s
        spoiled = True
        try:
            spoiled = self._exchange(child, forward, deadline)
        finally:
            backend.give_back(child, spoiled)

    def _exchange(self, child, forward: Forward, deadline: float | None) -> bool:
        """Send ``forward`` to ``child`` and its answer to the client; True when the child must be replaced."""
        backend = self._backend
        try:
            upstream = _Upstream.open(child, forward, self.connection, deadline)
        except (OSError, _ChildFailed):
            self._answer(502, "the Oxigraph server did not answer")
            return False
        committed = False
        try:
            status, reason, headers = upstream.head()
            bodyless = self.command == "HEAD" or status in (204, 304) or status < 200
            pieces = iter(()) if bodyless else upstream.body(headers)
            collected, size, ended = [], 0, False
            for piece in pieces:
                collected.append(piece)
                size += len(piece)
                if size > BUFFER:
                    break
            else:
                ended = True
            chunked = not ended and self.request_version == "HTTP/1.1"
            self._send_head(status, reason, headers, None if not ended else size, chunked, bodyless)
            committed = True
            for piece in collected:
                self._send_piece(piece, chunked)
            if not ended:
                for piece in pieces:
                    self._send_piece(piece, chunked)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
            return False
        except _TimedOut:
            backend.spoil(child)  # before the client hears of it: its next request goes to a new child
            backend.note(f"{'504' if not committed else 'cut'} {forward.target}: ran past {backend.timeout_s:g} s, "
                         f"stopped")
            if not committed:
                self._answer(504, f"the request ran past the time limit of {backend.timeout_s:g} s and was stopped "
                                  f"(fakg serve --timeout)")
            return True
        except (_ClientLeft, OSError):  # writing to the client failed: it left (or stalled)
            return True
        except _ChildFailed:
            if not committed:
                self._answer(502, "the Oxigraph server broke off its answer")
            return False
        finally:
            self.close_connection = True
            upstream.close()

    def _send_head(self, status: int, reason: str, headers, length: int | None, chunked: bool, bodyless: bool) -> None:
        self.send_response_only(status, reason or None)
        for name, value in headers:
            # a bodyless answer (HEAD) keeps the length the body would have had
            if name.lower() not in _HOP_BY_HOP or (bodyless and name.lower() == "content-length"):
                self.send_header(name, value)
        if length is not None and not bodyless:
            self.send_header("Content-Length", str(length))
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()

    def _send_piece(self, data: bytes, chunked: bool) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)


def _kind_of(method: str, target: str) -> str:
    """``query``, ``update``, ``write`` (a Graph Store change) or ``other``, as Oxigraph routes the target."""
    path = target.split("?", 1)[0]
    if path == "/query":
        return "query"
    if path == "/update":
        return "update"
    if path.startswith("/store") and method not in ("GET", "HEAD"):  # Oxigraph routes every /store… path there
        return "write"
    return "other"


def _form(text: str) -> list[tuple[str, str]]:
    """``application/x-www-form-urlencoded`` pairs, decoded as Oxigraph decodes them (invalid UTF-8 replaced)."""
    return urllib.parse.parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="replace")


class _Upstream:
    """One exchange with a child over a plain socket: every wait bounded by the deadline, the client watched."""

    def __init__(self, sock: socket.socket, client: socket.socket, deadline: float | None):
        self.sock, self.client, self.deadline = sock, client, deadline
        self.buf = bytearray()
        self.watch_client = True

    @classmethod
    def open(cls, child, forward: Forward, client: socket.socket, deadline: float | None) -> "_Upstream":
        sock = socket.create_connection((child.host, child.port), timeout=10)
        lines = [f"{forward.method} {forward.target} HTTP/1.1"]
        lines += [f"{k}: {v}" for k, v in forward.headers]
        if forward.body is not None:
            lines.append(f"Content-Length: {len(forward.body)}")
        lines.append("Connection: close")
        try:
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + (forward.body or b""))
        except OSError:
            sock.close()
            raise
        return cls(sock, client, deadline)

    def close(self) -> None:
        self.sock.close()

    def _fill(self) -> bool:
        """Read more of the answer into the buffer; False at its end.  Raises on the deadline or a client gone."""
        while True:
            wait = 1.0 if self.deadline is None else self.deadline - time.monotonic()
            if wait <= 0:
                raise _TimedOut
            watched = [self.sock, self.client] if self.watch_client else [self.sock]
            ready, _, _ = select.select(watched, [], [], min(wait, 1.0))
            if self.client in ready:
                self._check_client()
            if self.sock in ready:
                try:
                    data = self.sock.recv(1 << 16)
                except OSError as e:
                    raise _ChildFailed from e
                if not data:
                    return False
                self.buf += data
                return True

    def _check_client(self) -> None:
        try:
            peek = self.client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return
        except OSError:
            raise _ClientLeft from None
        if not peek:
            raise _ClientLeft
        self.watch_client = False  # it sent more: it is still there, and select would keep waking

    def _line(self) -> bytes:
        while b"\n" not in self.buf:
            if len(self.buf) > 65536 or not self._fill():
                raise _ChildFailed
        end = self.buf.index(b"\n") + 1
        line = bytes(self.buf[:end])
        del self.buf[:end]
        return line

    def _exactly(self, n: int) -> bytes:
        while len(self.buf) < n:
            if not self._fill():
                raise _ChildFailed
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def head(self) -> tuple[int, str, list[tuple[str, str]]]:
        parts = self._line().decode("latin-1").split(None, 2)
        if len(parts) < 2 or not parts[1].isdigit():
            raise _ChildFailed
        headers = []
        while True:
            line = self._line().decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            headers.append((name.strip(), value.strip()))
        return int(parts[1]), parts[2].strip() if len(parts) > 2 else "", headers

    def body(self, headers: list[tuple[str, str]]):
        """The pieces of the answer's body, however the child framed it."""
        fields = {n.lower(): v for n, v in headers}
        if "chunked" in fields.get("transfer-encoding", "").lower():
            while True:
                size = self._line().split(b";", 1)[0].strip()
                try:
                    n = int(size, 16)
                except ValueError:
                    raise _ChildFailed from None
                if n == 0:
                    return
                yield self._exactly(n)
                self._line()
        elif fields.get("content-length", "").isdigit():
            left = int(fields["content-length"])
            while left > 0:
                if not self.buf and not self._fill():
                    raise _ChildFailed
                piece = bytes(self.buf[:left])
                del self.buf[:len(piece)]
                left -= len(piece)
                yield piece
        else:  # until the child closes
            while True:
                if self.buf:
                    piece = bytes(self.buf)
                    self.buf.clear()
                    yield piece
                if not self._fill():
                    return
