"""The built site over HTTP on a free local port: plainly for the browser tests, or as a static host
such as GitHub Pages serves it (gzip, a cache lifetime) for Lighthouse in `make bench`."""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What static hosts such as GitHub Pages compress, and how long they let a browser keep a file.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_SECONDS = 600


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Keep the request log out of the printed tables."""


class StaticHostHandler(QuietHandler):
    """Serves the site as a static host does: gzip for text when the browser accepts it, a cache
    lifetime on every file. Python's own server sends neither, which Lighthouse counts against a page."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or not kind.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        if not any(line.lower().startswith(b"cache-control") for line in self._headers_buffer):
            self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()


@contextmanager
def served(site: Path, compressed: bool = False) -> Iterator[str]:
    """The built site over HTTP on a free local port, for tools (Lighthouse) that need a URL;
    `compressed` serves it as a static host does (StaticHostHandler)."""
    handler = StaticHostHandler if compressed else QuietHandler
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
