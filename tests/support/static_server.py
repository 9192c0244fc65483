"""A static file server for the built site, as a host serves it: the "not found" page of the reader's
language (/ms/404.html under /ms/, /404.html elsewhere) with status 404. With gzip=True, text files
(HTML, CSS, JavaScript, JSON, SVG, XML) go out gzip-compressed with their charset, as a real host sends
them, for measurements of bytes and speed."""
from __future__ import annotations

import gzip
import io
import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Handler(SimpleHTTPRequestHandler):
    compress = False  # gzip text files, when the client accepts it

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        body = self._head()
        if body is not None:  # what the response carries, as sent (compressed or not): for byte budgets
            size = len(body.getbuffer()) if isinstance(body, io.BytesIO) else os.fstat(body.fileno()).st_size
            self.server.sent.append((self.path, size))
        return body

    def _head(self):
        path = Path(self.translate_path(self.path))
        if path.exists() and not (path.is_dir() and not (path / "index.html").exists()):
            if self.compress and not (path.is_dir() and not self.path.split("?")[0].endswith("/")):
                file = path / "index.html" if path.is_dir() else path
                if _compressible(self.guess_type(str(file))) and "gzip" in self.headers.get("Accept-Encoding", ""):
                    return self._send(200, file.read_bytes(), self.guess_type(str(file)))
            return super().send_head()
        root = Path(self.directory)
        page = root / "ms" / "404.html" if self.path.startswith("/ms/") else root / "404.html"
        if not page.exists():
            self.send_error(404)
            return None
        return self._send(404, page.read_bytes(), "text/html")

    def _send(self, status: int, body: bytes, kind: str) -> io.BytesIO:
        zipped = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        body = gzip.compress(body, 6, mtime=0) if zipped else body
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class GzipHandler(Handler):
    compress = True
    protocol_version = "HTTP/1.1"  # connections kept open, as every real host does


def _compressible(kind: str) -> bool:
    return kind.startswith("text/") or kind in (
        "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")


def serve(directory: Path, gzip: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` on a free port of 127.0.0.1 (text compressed with gzip=True); returns the server
    and its base URL."""
    handler = GzipHandler if gzip else Handler
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    server.sent = []  # (path, bytes of the body) of every response with a body
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"
