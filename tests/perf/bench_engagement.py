"""Benchmark the engagement widgets: the hit endpoint's requests/s under gunicorn with and without Redis,
and page render time with the widgets on and off (goal: widgets cost at most 5%).

Uses a temporary SQLite database (or DATABASE_URL) with demo news and procedures. Not part of the
test command:

    .venv/bin/python tests/perf/bench_engagement.py [--seconds 10] [--connections 20] [--renders 300]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import loadgen  # noqa: E402
from tests.perf.server import PORT, manage_output, prepare, serve  # noqa: E402

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36 bench/{n}"


def hits(page_id, seconds, connections):
    body = f"page={page_id}".encode()

    def make(n):
        headers = {
            "Origin": f"http://127.0.0.1:{PORT}",
            "User-Agent": AGENT.format(n=n),
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return loadgen.request_bytes("POST", "/tuong-tac/luot-xem/", f"127.0.0.1:{PORT}", headers, body)

    return loadgen.run("127.0.0.1", PORT, make, connections, seconds)


def render_times(env, renders):
    """Median ms to render a news article and a procedure page in-process, widgets on and off."""
    os.environ.update({k: v for k, v in env.items() if k != "REDIS_URL"})
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from news.models import NewsPage
    from procedures.models import ProcedurePage

    client = Client(HTTP_HOST="127.0.0.1")
    urls = [NewsPage.objects.live().first().url, ProcedurePage.objects.live().first().url]
    samples = {}
    for url in urls:
        client.get(url)
        for _ in range(renders):
            for enabled in (True, False):  # interleaved, so drift in the machine's speed hits both alike
                settings.ENGAGEMENT_WIDGETS = enabled
                started = time.perf_counter()
                assert client.get(url).status_code == 200
                samples.setdefault((url, enabled), []).append((time.perf_counter() - started) * 1000)
    return {key: statistics.median(values) for key, values in samples.items()}, urls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--renders", type=int, default=300)
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14"))
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-engagement-"))
    env = prepare(workdir)
    page_id = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().pk)")

    print(f"hit endpoint, gunicorn ({ROOT / 'gunicorn.conf.py'}), {args.connections} connections, {args.seconds:.0f} s each:")
    for label, redis_url in (("database (no Redis)", None), ("Redis", args.redis)):
        server = serve(env, redis_url=redis_url)
        try:
            figures = hits(page_id, args.seconds, args.connections)
        finally:
            server.terminate()
            server.wait()
        print(
            f"  {label:<20} {figures['rps']:8.0f} req/s   p50 {figures['p50_ms']:6.1f} ms   p99 {figures['p99_ms']:6.1f} ms"
            f"   errors {figures['errors']} of {figures['requests']}"
        )

    times, urls = render_times(env, args.renders)
    print(f"page render, in-process, median of {args.renders} interleaved renders:")
    for url in urls:
        on, off = times[(url, True)], times[(url, False)]
        print(f"  {url[:60]:<60} widgets on {on:6.2f} ms   off {off:6.2f} ms   cost {100 * (on - off) / off:+5.1f}%")


if __name__ == "__main__":
    main()
