"""A local stand-in for Crossref and NCBI E-utilities, serving tests/fixtures/ files.

`/crossref/works/<doi>` answers like Crossref's `/works/{doi}`; `/eutils/esummary.fcgi?id=…`
like E-utilities' esummary. Setting `delay` makes every answer slower than the lookup's
timeout allows, to test what the writer sees when a service hangs; `trickle` sends each answer
in small parts that many seconds apart (every part in time, the whole answer late); `padding`
adds that many spaces to each JSON answer (still valid JSON, far too large), and
`send_length = False` leaves out Content-Length so the size shows only while reading.
"""

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


class CitationServices(ThreadingHTTPServer):
    daemon_threads = True
    delay = 0.0
    trickle = 0.0
    padding = 0
    send_length = True

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        time.sleep(self.server.delay)
        url = urlsplit(self.path)
        if url.path.startswith("/crossref/works/"):
            doi = unquote(url.path.removeprefix("/crossref/works/"))
            stored = FIXTURES / "crossref" / f"{doi.replace('/', '_')}.json"
            if stored.exists():
                self.answer(200, "application/json", stored.read_bytes())
            else:
                self.answer(404, "text/plain", b"Resource not found.")
        elif url.path == "/eutils/esummary.fcgi":
            pubmed_id = parse_qs(url.query).get("id", [""])[0]
            stored = FIXTURES / "pubmed" / f"esummary-{pubmed_id}.json"
            if stored.exists():
                self.answer(200, "application/json", stored.read_bytes())
            else:
                unknown = (FIXTURES / "pubmed" / "esummary-unknown.json").read_text()
                self.answer(200, "application/json", unknown.replace("UID", pubmed_id).encode())
        else:
            self.answer(404, "text/plain", b"Not found.")

    def answer(self, status, content_type, body):
        if content_type == "application/json":
            body += b" " * self.server.padding
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.server.send_length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.close_connection = True
        self.end_headers()
        # The client may have given up waiting (the timeout and size tests).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if not self.server.trickle:
                self.wfile.write(body)
            for start in range(0, len(body) if self.server.trickle else 0, 64):
                self.wfile.write(body[start : start + 64])
                self.wfile.flush()
                time.sleep(self.server.trickle)

    def log_message(self, format, *args):
        pass


def stored_json(*parts):
    return json.loads(FIXTURES.joinpath(*parts).read_text())


@pytest.fixture
def citation_services(settings):
    """The stub services, running, with the site's lookup settings pointed at them."""
    server = CitationServices(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CROSSREF_API_URL = f"{server.url}/crossref"
    settings.NCBI_EUTILS_URL = f"{server.url}/eutils"
    yield server
    server.shutdown()
    server.server_close()
