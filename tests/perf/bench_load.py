"""Load benchmark under gunicorn (gunicorn.conf.py), with Redis as cache: cached home and article pages,
uncached article and procedure pages, the procedure finder and the hit endpoint, then a minimal WSGI app
under the same settings; requests/s, p50/p99 latency and errors. Goal: cached pages at least half the
minimal app's requests/s; no errors at 200 concurrent connections. Not part of the test command:

    .venv/bin/python tests/perf/bench_load.py [--seconds 10] [--connections 50]
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import loadgen  # noqa: E402
from tests.perf.server import PORT, manage_output, prepare, serve  # noqa: E402

HOST = f"127.0.0.1:{PORT}"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36 load/{n}"


def get(path, unique=False):
    def make(n):
        target = f"{path}{'&' if '?' in path else '?'}v={n}" if unique else path
        return loadgen.request_bytes("GET", target, HOST, {"User-Agent": AGENT.format(n=n)})

    return make


def hit(page_id):
    body = f"page={page_id}".encode()

    def make(n):
        headers = {
            "Origin": f"http://{HOST}",
            "User-Agent": AGENT.format(n=n),
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return loadgen.request_bytes("POST", "/tuong-tac/luot-xem/", HOST, headers, body)

    return make


def report(label, figures):
    print(
        f"  {label:<34} {figures['rps']:8.0f} req/s   p50 {figures['p50_ms']:7.1f} ms   p99 {figures['p99_ms']:7.1f} ms"
        f"   errors {figures['errors']} of {figures['requests']}"
    )
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()
    import redis

    redis.Redis.from_url(args.redis).flushdb()  # no cached pages from an earlier run
    env = prepare(Path(tempfile.mkdtemp(prefix="bench-load-")))
    article = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().url)")
    procedure = manage_output(env, "from procedures.models import ProcedurePage; print(ProcedurePage.objects.live().first().url)")
    page_id = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().pk)")

    scenarios = [
        ("cached home page", get("/")),
        ("cached article", get(article)),
        ("uncached article", get(article, unique=True)),
        ("uncached procedure page", get(procedure, unique=True)),
        ("procedure finder", get("/tra-cuu-thu-tuc/?q=dang+ky+khai+sinh", unique=True)),
        ("hit endpoint", hit(page_id)),
    ]
    print(f"gunicorn ({ROOT / 'gunicorn.conf.py'}), {args.connections} connections, {args.seconds:.0f} s each, Redis cache")
    server = serve(env, redis_url=args.redis)
    results = {}
    try:
        for label, make in scenarios:
            loadgen.run("127.0.0.1", PORT, make, args.connections, 2)  # warm up (and fill the page cache)
            results[label] = report(label, loadgen.run("127.0.0.1", PORT, make, args.connections, args.seconds))
        storm = report("cached article, 200 connections", loadgen.run("127.0.0.1", PORT, get(article), 200, args.seconds))
    finally:
        server.terminate()
        server.wait()
    minimal = serve(env, app="tests.perf.minimal_wsgi", ready_path="/")
    try:
        baseline = report(
            "minimal WSGI app (same gunicorn)", loadgen.run("127.0.0.1", PORT, get("/"), args.connections, args.seconds)
        )
    finally:
        minimal.terminate()
        minimal.wait()
    for label in ("cached home page", "cached article"):
        share = results[label]["rps"] / baseline["rps"]
        print(f"{label}: {share:.0%} of the minimal app's requests/s (goal ≥ 50%)")
    print(f"errors at 200 connections: {storm['errors']} (goal 0)")


if __name__ == "__main__":
    main()
