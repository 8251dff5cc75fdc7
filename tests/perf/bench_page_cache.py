"""What one page-cache hit costs, in-process, through the real WSGI callable (portal.wsgi.application):
CPU microseconds per hit and Redis round trips per hit, for URLs in rotation (more than a process keeps
in its hot copy, so each hit reads Redis) and for one URL (the hot copy). CPU time, not wall time, so the
figures hold on a shared machine. Under gunicorn the ceiling spends its own fixed cost per request; a hit
adds what is printed here.

    .venv/bin/python tests/perf/bench_page_cache.py [--urls 1000] [--hits 20000] [--workdir DIR]
        [--redis redis://127.0.0.1:6379/13]

Production settings, demo content, a temporary SQLite file (DATABASE_URL if set); `--workdir` keeps the
prepared database and static files between runs.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf.server import prepare  # noqa: E402

HOST = "127.0.0.1:8000"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"


def environ(path, query=""):
    """What gunicorn hands the application for a plain browser GET (the wsgi.* and server keys from
    wsgiref's defaults)."""
    env = {
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "RAW_URI": f"{path}?{query}" if query else path,
        "SERVER_PORT": "8000",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": HOST,
        "HTTP_USER_AGENT": AGENT,
        "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_LANGUAGE": "vi,en;q=0.8",
        "wsgi.multiprocess": True,
    }
    setup_testing_defaults(env)
    return env


def call(application, env):
    """One request as a WSGI server makes it: status, headers, the body read to the end, then close()."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = application(env, start_response)
    try:
        answer["body"] = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return answer


def measure(application, queries, path, hits):
    """CPU µs and Redis round trips per hit over `hits` requests cycling through `queries`."""
    import redis.connection

    sent = [0]
    original = redis.connection.AbstractConnection.send_packed_command

    def counting(self, *args, **kwargs):
        sent[0] += 1
        return original(self, *args, **kwargs)

    redis.connection.AbstractConnection.send_packed_command = counting
    try:
        envs = [environ(path, query) for query in queries]
        started = time.process_time()
        for n in range(hits):
            answer = call(application, dict(envs[n % len(envs)]))
            if answer["headers"].get("X-Page-Cache") != "hit":
                raise SystemExit(f"not a hit: {answer['status']} {answer['headers']}")
        cpu = time.process_time() - started
    finally:
        redis.connection.AbstractConnection.send_packed_command = original
    return cpu / hits * 1e6, sent[0] / hits


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hits", type=int, default=20000)
    parser.add_argument("--workdir", help="keep the prepared database and static files here")
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()
    import redis
    from django.apps import apps

    redis.Redis.from_url(args.redis).flushdb()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-page-cache-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = prepare(workdir, reuse=bool(args.workdir))
    os.environ.update({**env, "REDIS_URL": args.redis, "ALLOWED_HOSTS": "127.0.0.1"})

    from portal.wsgi import application  # sets Django up

    article = apps.get_model("news", "NewsPage").objects.live().first().url
    rotation = [f"v={n}" for n in range(args.urls)]
    for query in [*rotation, "v=hot"]:
        assert call(application, environ(article, query))["status"].startswith("200")
    print(f"page-cache hits through portal.wsgi.application, {article}, {args.hits} hits each:")
    for label, queries in ((f"{args.urls} URLs in rotation (Redis)", rotation), ("one URL (hot copy)", ["v=hot"])):
        cpu, trips = measure(application, queries, article, args.hits)
        print(f"  {label:<32} {cpu:7.1f} µs CPU per hit   {trips:.2f} Redis round trips per hit")


if __name__ == "__main__":
    main()
