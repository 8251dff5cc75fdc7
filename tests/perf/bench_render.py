"""What one uncached page costs the worker that renders it, in-process, with production settings, Redis as
cache and the database of DATABASE_URL (issue 18): CPU time (time.process_time, which counts neither
PostgreSQL's nor Redis's own work), wall time, Redis round trips and SQL queries per request, for the
article, the procedure page and the home page. Every request carries a new query string, so the page
cache misses (and stores the page, as under load); the requests pass through the whole WSGI handler
and middleware, as gunicorn's do. The pages take turns, request by request.

    DATABASE_URL=postgres://…/bench .venv/bin/python tests/perf/bench_render.py [--prepare DIR]
        [--redis redis://127.0.0.1:6379/13] [--requests 200] [--root CHECKOUT] [--profile article]

`--prepare DIR` migrates, collects static files and loads the demo content first (tests/perf/server.py;
needed once per database), into DIR (static and media files; the default is a temporary folder, which
later runs must then be given as `--media DIR`). `--root` measures another checkout of the portal (say
main, exported with `git archive`) on the same database, for interleaved before/after figures.
`--profile PAGE` prints the functions that cost PAGE most (cProfile, by cumulative and own time).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200, help="per page")
    parser.add_argument("--warm", type=int, default=20, help="requests per page before measuring")
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[2]))
    parser.add_argument("--prepare", metavar="DIR", help="migrate, collect static files and load the demo first")
    parser.add_argument("--media", metavar="DIR", help="the folder given to --prepare in an earlier run")
    parser.add_argument("--profile", choices=["article", "procedure", "home"])
    parser.add_argument("--restrict", help="with --profile: only functions whose file matches this regex")
    parser.add_argument("--trace", action="store_true", help="print the Redis commands and SQL of one request per page")
    parser.add_argument("--pages", default="article,procedure,home")
    return parser.parse_args()


def setup(args):
    root = Path(args.root).resolve()
    sys.path.insert(0, str(root))
    os.chdir(root)
    folder = Path(args.prepare or args.media or tempfile.mkdtemp(prefix="bench-render-"))
    if args.prepare or not args.media:
        from tests.perf.server import prepare

        prepare(folder)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        REDIS_URL=args.redis,
    )
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    import django

    django.setup()


class Counters:
    """Redis round trips (one per command sent, one per pipeline) and SQL queries, from here on."""

    def __init__(self):
        import redis.connection
        from django.db import connection

        self.redis = 0
        self.sql = 0
        self.log = None  # a list: what each round trip sent, and the SQL, while tracing
        original = redis.connection.AbstractConnection.send_packed_command

        def send(connection_, command, check_health=True):
            self.redis += 1
            if self.log is not None:
                packed = b"".join(command) if isinstance(command, list) else command
                self.log.append(
                    "redis: " + " ".join(part.decode(errors="replace")[:90] for part in packed.split(b"\r\n")[2::2][:4])
                )
            return original(connection_, command, check_health)

        redis.connection.AbstractConnection.send_packed_command = send

        def count(execute, sql, params, many, context):
            self.sql += 1
            if self.log is not None:
                self.log.append("sql: " + sql[:150] + " ... " + sql[-250:])
            return execute(sql, params, many, context)

        connection.execute_wrappers.append(count)


def environ(path, query):
    from io import BytesIO

    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_USER_AGENT": AGENT,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def main():
    args = parse()
    setup(args)
    import redis
    from django.core.wsgi import get_wsgi_application

    from news.models import NewsPage
    from procedures.models import ProcedurePage

    redis.Redis.from_url(args.redis).flushdb()
    paths = {
        "article": NewsPage.objects.live().first().url,
        "procedure": ProcedurePage.objects.live().first().url,
        "home": "/",
    }
    paths = {name: paths[name] for name in args.pages.split(",")}
    application = get_wsgi_application()
    counters = Counters()
    serial = [0]

    def request(path):
        serial[0] += 1
        status = []
        body = application(environ(path, f"v=bench-{os.getpid()}-{serial[0]}"), lambda s, h, *a: status.append(s))
        b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{path}: {status[0]}")

    for _ in range(args.warm):
        for path in paths.values():
            request(path)

    if args.trace:
        for name, path in paths.items():
            counters.log = []
            request(path)
            print(f"{name}: {counters.redis} round trips so far", *counters.log, sep="\n  ")
        return

    if args.profile:
        profiler = cProfile.Profile(time.process_time)  # CPU, not the waits of a shared machine
        profiler.enable()
        for _ in range(args.requests):
            request(paths[args.profile])
        profiler.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.restrict or "", 45)
            print(out.getvalue())
        return

    figures = {name: {"cpu": [], "wall": [], "redis": 0, "sql": 0} for name in paths}
    for _ in range(args.requests):
        for name, path in paths.items():
            redis_before, sql_before = counters.redis, counters.sql
            cpu, wall = time.process_time(), time.perf_counter()
            request(path)
            figures[name]["cpu"].append((time.process_time() - cpu) * 1000)
            figures[name]["wall"].append((time.perf_counter() - wall) * 1000)
            figures[name]["redis"] += counters.redis - redis_before
            figures[name]["sql"] += counters.sql - sql_before
    print(f"{args.root}: {args.requests} uncached requests per page, load {os.getloadavg()[0]:.1f}")
    for name, f in figures.items():
        print(
            f"  {name:<10} CPU median {statistics.median(f['cpu']):6.2f} ms  mean {statistics.fmean(f['cpu']):6.2f} ms"
            f"   wall median {statistics.median(f['wall']):6.2f} ms"
            f"   Redis {f['redis'] / args.requests:5.1f} round trips   SQL {f['sql'] / args.requests:5.1f} queries"
        )


if __name__ == "__main__":
    main()
