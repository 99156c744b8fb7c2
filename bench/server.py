"""A static file server that behaves like GitHub Pages where page weight is concerned:
gzip for text files, `Cache-Control: max-age=600`, and 404.html for missing paths.

It also counts what it sends (server.sent): browsers under-report some transfers, e.g.
Chromium gives the search worker's script a size of about 200 bytes."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml")
COMPRESSIBLE_SUFFIXES = {".svg", ".js", ".json", ".xml", ".map"}


class PagesHandler(BaseHTTPRequestHandler):
    def __init__(self, *args: object, root: Path, **kwargs: object) -> None:
        self.root = root
        super().__init__(*args, **kwargs)

    def log_message(self, *args: object) -> None:
        pass

    def send_header(self, keyword: str, value: str) -> None:
        self.header_bytes = getattr(self, "header_bytes", 0) + len(f"{keyword}: {value}\r\n")
        super().send_header(keyword, value)

    def do_GET(self) -> None:
        path = unquote(urlparse(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            target = self.root / "missing"
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, self.root / "404.html"
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "max-age=600")
        compressible = kind.startswith(COMPRESSIBLE) or target.suffix in COMPRESSIBLE_SUFFIXES
        if compressible and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.sent.append((path, kind, len(body) + self.header_bytes))


def serve(root: Path, port: int) -> ThreadingHTTPServer:
    """Serve `root` on 127.0.0.1:port in a background thread; call .shutdown() when done."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(PagesHandler, root=root.resolve()))
    server.sent = []  # (path, content type, bytes sent incl. headers), in order
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
