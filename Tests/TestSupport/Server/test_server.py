#!/usr/bin/env python3
"""A local HTTP server for the Fetching tests: serves Tests/Corpus and misbehaves on purpose.

Usage: test_server.py CORPUS_DIR
Binds 127.0.0.1 on a free port and prints "PORT <n>" on its first line of stdout. It runs
until killed (the tests send SIGTERM). Standard library only, so CI needs nothing but
python3.

Endpoints:
  /corpus/<path>   a file under CORPUS_DIR (Content-Length, guessed Content-Type)
  /404, /500       an error status with a small HTML body
  /status/<code>   any status, e.g. /status/204
  /redirect/<n>    302 to /redirect/<n-1>; /redirect/0 answers 200 "arrived after redirects"
  /redirect-to?<url>  302 to the given URL (to test refused schemes in a redirect)
  /echo-path/...   the request target exactly as it arrived, as text/plain
  /slow            headers with Content-Length 1000, 10 bytes, then silence for 60 s
  /endless         a chunked body that never ends (stops when the client goes away)
  /gzip, /deflate  corpus/web/iab-1.source.html encoded, with Content-Encoding
  /latin1          corpus/fixtures/latin1.html as "text/html; charset=ISO-8859-1"
  /big             9 MiB announced with Content-Length and sent
  /big-unannounced 9 MiB with no Content-Length (connection close ends it)
  /headers         echoes the request headers as text/plain
  /evil            200 with a Content-Type holding CR/LF-free control characters
  /cut/<path>?<n>  a corpus file announced with its full Content-Length, but only its first
                   n bytes (default: half) are sent before the connection closes
  /stall/<path>    a corpus file announced in full: half of it, a pause of 0.3 s, 1 KiB
                   more, then silence for 60 s (to interrupt a download midway)
  /fail/<code>/<anything>  that status with a small HTML body, whatever the file name
  /retry/<code>/<seconds>  that status with Retry-After: <seconds>
"""

import gzip
import http.server
import mimetypes
import os
import socketserver
import sys
import time
import urllib.parse
import zlib

CORPUS = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
BIG = 9 * 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "medterm-test/1"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_body(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def corpus_file(self, relative):
        path = os.path.realpath(os.path.join(CORPUS, relative))
        if not path.startswith(CORPUS + os.sep) or not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            return handle.read()

    def do_GET(self):  # noqa: N802 - the base class's name
        parsed = urllib.parse.urlsplit(self.path)
        path = parsed.path
        try:
            if path.startswith("/corpus/"):
                relative = urllib.parse.unquote(path[len("/corpus/"):])
                body = self.corpus_file(relative)
                if body is None:
                    self.send_body(404, b"<h1>Not Found</h1>")
                else:
                    kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                    self.send_body(200, body, kind)
            elif path == "/404":
                self.send_body(404, b"<h1>Not Found</h1>")
            elif path == "/500":
                self.send_body(500, b"<h1>Internal Server Error</h1>")
            elif path.startswith("/status/"):
                code = int(path[len("/status/"):])
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path.startswith("/redirect/"):
                remaining = int(path[len("/redirect/"):])
                if remaining <= 0:
                    self.send_body(200, b"arrived after redirects", "text/plain")
                else:
                    self.send_response(302)
                    self.send_header("Location", "/redirect/%d" % (remaining - 1))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
            elif path == "/redirect-to":
                self.send_response(302)
                self.send_header("Location", urllib.parse.unquote(parsed.query))
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/slow":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(b"<html><bod")
                self.wfile.flush()
                time.sleep(60)
            elif path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"x" * 65536
                frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
                while True:
                    self.wfile.write(frame)
                    self.wfile.flush()
            elif path in ("/gzip", "/deflate"):
                original = self.corpus_file("web/iab-1.source.html")
                if path == "/gzip":
                    body, encoding = gzip.compress(original), "gzip"
                else:
                    body, encoding = zlib.compress(original), "deflate"
                self.send_body(200, body, "text/html; charset=utf-8",
                               [("Content-Encoding", encoding)])
            elif path == "/latin1":
                body = self.corpus_file("fixtures/latin1.html")
                self.send_body(200, body, "text/html; charset=ISO-8859-1")
            elif path == "/big":
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(BIG))
                self.end_headers()
                self.send_big()
            elif path == "/big-unannounced":
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                self.send_big()
            elif path.startswith("/echo-path/"):
                self.send_body(200, self.path.encode("latin-1"), "text/plain")
            elif path == "/headers":
                text = "".join("%s: %s\n" % (k, v) for k, v in self.headers.items())
                self.send_body(200, text.encode("utf-8"), "text/plain")
            elif path == "/evil":
                self.send_body(200, b"ok", "text/html\x1b[31m; x=\x07y")
            elif path.startswith("/cut/") or path.startswith("/stall/"):
                stall = path.startswith("/stall/")
                relative = urllib.parse.unquote(path[len("/stall/" if stall else "/cut/"):])
                body = self.corpus_file(relative)
                if body is None:
                    self.send_body(404, b"<h1>Not Found</h1>")
                    return
                sent = int(parsed.query) if parsed.query else len(body) // 2
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:sent])
                self.wfile.flush()
                if stall:
                    time.sleep(0.3)
                    self.wfile.write(body[sent:sent + 1024])
                    self.wfile.flush()
                    time.sleep(60)
                self.close_connection = True
            elif path.startswith("/retry/"):
                code, seconds = path[len("/retry/"):].split("/")[:2]
                self.send_body(int(code), b"<h1>Busy</h1>", headers=[("Retry-After", seconds)])
            elif path.startswith("/fail/"):
                code = int(path[len("/fail/"):].split("/")[0])
                self.send_body(code, b"<h1>Failed on purpose</h1>")
            else:
                self.send_body(404, b"<h1>Not Found</h1>")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send_big(self):
        chunk = b"y" * 65536
        for _ in range(BIG // len(chunk)):
            self.wfile.write(chunk)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
