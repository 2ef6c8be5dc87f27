"""Shared fixtures. Every text here was written for these tests (no third-party text).

Fixtures:
    repo_root: the repository folder.
    seed_corpus: a frozen copy of the corpus as shipped (tests/fixtures/corpus: the manifest, the seed and the gold
        annotations), so that fetching or adding reports to corpus/ never changes what the tests see.
    make_corpus: factory writing a small corpus (manifest + texts) into a temporary folder.
    http_server: a local HTTP server on 127.0.0.1 serving the routes a test gives it.
    fault_server: a raw-socket server on 127.0.0.1 that sends malformed, cut-off or slow responses.
"""

from __future__ import annotations

import csv
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from watchwords.corpus import MANIFEST_COLUMNS

REPO = Path(__file__).resolve().parents[1]
#: The frozen copy of the shipped corpus that every test reads (see tests/fixtures/README.md).
FROZEN_CORPUS = REPO / "tests" / "fixtures" / "corpus"

#: A short wire story written for the tests, in the Watchwords text format.
WIRE_STORY = """HEADLINE: Northbridge turns on face-matching cameras at stations - Agency
STANDFIRST: The city says the system will find people wanted by the courts.
BYLINE: By A. Reporter

CAPTION: A camera above a platform in Northbridge, May 2, 2024.
CREDIT: Photo: B. Snapper/Agency

Northbridge authorities have connected 1,200 station cameras to a face-matching system, the city's transport office said on Monday.

"The cameras help us find people the courts are looking for," transport chief Dana Moor told the Agency.

Rights group Open Streets said the system was used without a clear legal basis.
"""

NEWS_PAGE = """<html><head><meta charset="utf-8"><title>{title} | Test Daily</title>
<meta name="author" content="Test Writer"><meta property="article:published_time" content="2024-05-02"></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>{title}</h1>
<p>{p1}</p>
<figure><img src="cam.jpg" alt=""><figcaption>A camera over a platform. (Photo: B. Snapper)</figcaption></figure>
<p>Critics said the plan went too far and that nobody had asked the residents of the districts what they thought about it.</p>
<p>The office did not answer questions about how long the recordings would be kept or who would be allowed to see them.</p>
</article><footer>Copyright Test Daily. All rights reserved.</footer></body></html>"""


def news_page(title: str = "Cameras watch the stations",
              p1: str = "The transport office said on Monday that the cameras would be switched on at every station next month.") -> str:
    """An HTML news page written for the tests."""
    return NEWS_PAGE.format(title=title, p1=p1)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_corpus() -> Path:
    return FROZEN_CORPUS


def manifest_row(doc_id: str, **values: str) -> dict[str, str]:
    """A complete, valid manifest row; keyword arguments override fields."""
    row = {column: "" for column in MANIFEST_COLUMNS}
    row.update(doc_id=doc_id, title=f"Title of {doc_id}", outlet="Test Daily", outlet_type="mainstream media",
               country="Nowhere", language="en", date="2024-05-02", url=f"https://example.org/{doc_id}",
               cluster="T", rights="written for the tests", path=f"texts/{doc_id}.txt", status="present")
    row.update(values)
    return row


@dataclass
class CorpusMaker:
    """Writes corpora into a temporary folder: ``make(texts, rows=None)``."""

    base: Path
    made: int = 0

    def __call__(self, texts: dict[str, str | bytes], *, rows: list[dict[str, str]] | None = None,
                 columns: list[str] | None = None, hashes: bool = True) -> Path:
        self.made += 1
        root = self.base / f"corpus{self.made}"
        (root / "texts").mkdir(parents=True)
        if rows is None:
            rows = [manifest_row(doc_id) for doc_id in texts]
        for doc_id, text in texts.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            (root / "texts" / f"{doc_id}.txt").write_bytes(data)
            for row in rows:
                if row["doc_id"] == doc_id and hashes and not row.get("sha256"):
                    row["sha256"] = hashlib.sha256(data).hexdigest()
        columns = columns or list(MANIFEST_COLUMNS)
        with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        return root


@pytest.fixture
def make_corpus(tmp_path: Path) -> CorpusMaker:
    return CorpusMaker(tmp_path)


@dataclass
class Route:
    """What the local server answers on one path."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    hits: dict[str, int]
    agents: list[str]


@pytest.fixture
def http_server() -> Iterator[Callable[[dict[str, Route]], LocalServer]]:
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Route]) -> LocalServer:
        hits: dict[str, int] = {}
        agents: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                path = self.path
                hits[path] = hits.get(path, 0) + 1
                agents.append(self.headers.get("User-Agent", ""))
                route = routes.get(path) or routes.get(path.split("?")[0]) or Route(404, b"not here", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, hits, agents)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


#: A fault: what a raw-socket server on 127.0.0.1 sends for one path: a list of (bytes, seconds to wait after them);
#: the connection is then closed (abruptly with reset=True).
@dataclass
class Fault:
    chunks: list[tuple[bytes, float]]
    reset: bool = False


@pytest.fixture
def fault_server() -> Iterator[Callable[[dict[str, Fault]], str]]:
    """A loopback server that answers each path with raw bytes, for protocol faults an HTTP library would never
    send. Bounded: each connection is served once, the accept loop stops when the test ends."""
    import socket

    sockets: list[socket.socket] = []
    stop = threading.Event()

    def start(faults: dict[str, Fault]) -> str:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.settimeout(0.2)
        sockets.append(listener)

        def serve(connection: socket.socket) -> None:
            try:
                connection.settimeout(5)
                request = b""
                while b"\r\n\r\n" not in request and len(request) < 65536:
                    data = connection.recv(4096)
                    if not data:
                        return
                    request += data
                path = request.split(b" ")[1].decode("latin-1") if request.count(b" ") >= 2 else "/"
                fault = faults.get(path) or faults.get(path.split("?")[0])
                if fault is None:
                    connection.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    return
                for chunk, wait in fault.chunks:
                    if stop.is_set():
                        return
                    connection.sendall(chunk)
                    if wait:
                        time.sleep(wait)
                if fault.reset:
                    import struct

                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
            finally:
                connection.close()

        def accept_loop() -> None:
            deadline = time.monotonic() + 120  # never outlives a test run
            while not stop.is_set() and time.monotonic() < deadline:
                try:
                    connection, _ = listener.accept()
                except (socket.timeout, OSError):
                    continue
                threading.Thread(target=serve, args=(connection,), daemon=True).start()

        threading.Thread(target=accept_loop, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield start
    stop.set()
    for listener in sockets:
        listener.close()


#: A tiny PolNeAR-style article and brat annotation written for the evaluator's tests.
BRAT_TEXT = ('"The cameras work," Dana Moor said. Officials believe the plan is legal.\n'
             "Critics said the system was unlawful.\n")
# T1-T3: a direct quote; T4-T6: a belief (not in the speech subset); T7-T9: indirect speech; events may
# name T ids defined later, as in PolNeAR.
BRAT_ANN = """E1\tAttribution:T10 Source:T2 Cue:T3 Content:T1
T1\tContent 0 19\t"The cameras work,"
T2\tSource 20 29\tDana Moor
T3\tCue 30 34\tsaid
T4\tContent 54 71\tthe plan is legal
T5\tSource 36 45\tOfficials
T6\tCue 46 53\tbelieve
E2\tAttribution:T11 Source:T5 Cue:T6 Content:T4
T7\tSource 73 80\tCritics
T8\tCue 81 85\tsaid
T9\tContent 86 109\tthe system was unlawful
E3\tAttribution:T12 Source:T7 Cue:T8 Content:T9
T10\tAttribution 0 34\tx
T11\tAttribution 36 71\tx
T12\tAttribution 73 109\tx
"""


@pytest.fixture
def polnear_dir(tmp_path: Path) -> Path:
    """A PolNeAR-like split folder: text/, attributions/ and metadata.tsv, with one article."""
    root = tmp_path / "polnear"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "tiny_2016-01-01_cameras.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (root / "attributions" / "tiny_2016-01-01_cameras_ab12.ann").write_text(BRAT_ANN, encoding="utf-8")
    (root / "metadata.tsv").write_text("compartment\tfilename\tannotators\ndev\ttiny_2016-01-01_cameras\tab12\n",
                                       encoding="utf-8")
    return root


#: A wire story and two republications written for the reuse tests: a verbatim copy and an edited one
#: (headline rewritten, lede kept, second paragraph partly reworded, third cut, a fourth added).
REUSE_WIRE = """HEADLINE: City cameras find men who skip service

The city has connected its station cameras to a face-matching system, the transport office said on Monday.

Officials said the system would help find men who ignored their call-up papers.

Rights groups said the plan had no legal basis.
"""
REUSE_EDIT = """HEADLINE: City uses cameras to hunt draft dodgers

The city has connected its station cameras to a face-matching system, the transport office said on Monday.

Officials said the system would help track down draft dodgers.

The office did not say how many men had been found.
"""


@pytest.fixture
def reuse_corpus(make_corpus):
    import watchwords as ww

    rows = [manifest_row("wire", date="2024-05-02", outlet_type="wire agency"),
            manifest_row("copy", date="2024-05-03", source_agency="Agency"),
            manifest_row("edit", date="2024-05-04")]
    return ww.load_corpus(make_corpus({"wire": REUSE_WIRE, "copy": REUSE_WIRE, "edit": REUSE_EDIT}, rows=rows))
