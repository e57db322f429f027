#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for the web edition (scripts/web, scripts/web-check).

  scripts/web_serve.py DIR PORT

Prints the page's address once the port is bound (PORT 0: a free one, as the tests use); a port in use is a one-line error, not a
traceback. Any static file server works as well: the page needs no special headers (the web
build uses no threads, so no cross-origin isolation), only .wasm served as application/wasm.
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".data": "application/octet-stream"}

    def log_message(self, format, *args):  # quiet: one line per request is noise here
        pass


def main() -> int:
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        print("usage: web_serve.py DIR PORT", file=sys.stderr)
        return 2
    folder, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=folder)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as e:
        print(f"web: error: cannot serve on 127.0.0.1:{port}: {e.strerror} "
              f"(another server there? try --port {port + 1})", file=sys.stderr)
        return 1
    print(f"http://127.0.0.1:{server.server_address[1]}/tlsclub.html", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
