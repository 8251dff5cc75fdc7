"""Side by side, in one sitting: the ceiling (a minimal WSGI app), this portal and, when given, another
Wagtail site, each under the same gunicorn settings (gunicorn.conf.py, `--workers` sync workers), loaded
by wrk (`apt-get install wrk`) with the same threads and connections. Every figure is printed as a
ratio to the ceiling, with the machine's load average, since the machine may be shared.

    .venv/bin/python tests/perf/side_by_side.py [--seconds 5] [--connections 16] [--workers 2] [--beacon-only]
        [--cache-only ROUNDS] [--workdir DIR]
        [--other /path/to/bakerydemo --other-python /path/to/venv/bin/python
         --other-app bakerydemo.wsgi --other-page /blog/some-post/ --other-home / --other-redis URL]

This portal runs with production settings, demo content, Redis as cache (`--redis`) and the database
of DATABASE_URL (a temporary SQLite file without it). What it measures:
- cached article, one URL; cached article under 2,000 distinct URLs in rotation (each stored once
  before the run, so every request reads the shared cache; compared with the ceiling loaded by the same
  wrk script, since making each request in Lua costs the load generator on the same cores); 200
  connections on a cached page (errors);
- uncached article, procedure page and home (a new query string on every request), with the queries
  and the render time of one warm request in-process;
- the hit beacon, with Redis: requests/s, then an exact count check (N beacons sent, N counted);
- each worker's memory after the load: RSS (what `ps` shows), PSS and USS.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import loadgen  # noqa: E402
from tests.perf.bench_memory import memory  # noqa: E402
from tests.perf.server import PORT, manage_output, prepare, serve  # noqa: E402

HOST = f"127.0.0.1:{PORT}"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"
ROTATION = 2000

# wrk scripts: one URL with a counter (unique: always new; rotation: modulo ROTATION), and the beacon
# from many client addresses (behind one trusted proxy), as real readers send it.
LUA_COUNTER = """
local n = 0
local run = tostring(math.random(1, 1000000000))
setup = function(thread) thread:set("id", tostring(math.random(1, 1000000000))) end
request = function()
  n = n + 1
  local v = %s
  return wrk.format("GET", "%s" .. "%s" .. "v=" .. v, {["User-Agent"] = "%s"})
end
"""
LUA_BEACON = """
local n = 0
request = function()
  n = n + 1
  local address = "10." .. (n %% 250) .. "." .. math.random(0, 250) .. "." .. math.random(1, 250)
  return wrk.format("POST", "/tuong-tac/luot-xem/", {
    ["Origin"] = "http://%s", ["User-Agent"] = "%s " .. n, ["X-Forwarded-For"] = address,
    ["Content-Type"] = "application/x-www-form-urlencoded"}, "page=%s")
end
"""


def wrk(path, seconds, connections, threads=2, script=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"User-Agent: {AGENT}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script_file:
        if script:
            script_file.write(script)
            script_file.flush()
            command += ["-s", script_file.name]
        output = subprocess.run([*command, f"http://{HOST}{path}"], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "rps": rps,
        "requests": total,
        "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
        "p50_ms": float(p50.group(1)) * scale[p50.group(2)] if p50 else 0.0,
    }


def counter_script(path, rotate):
    separator = "&" if "?" in path else "?"
    return LUA_COUNTER % (f"n % {ROTATION}" if rotate else '"u" .. run .. "-" .. n', path, separator, AGENT)


def start(python, app, cwd, env, workers, ready_path):
    return serve({**env, "GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": "1"}, app, None, ready_path, python, cwd)


def stop(process):
    process.terminate()
    process.wait()


def worker_memory(process):
    """RSS, PSS and USS of each worker of a gunicorn master, in MB (tests/perf/bench_memory.py says what each
    counts: with a preloaded app, RSS counts every page shared with the master in full in every worker)."""
    output = subprocess.run(["ps", "--ppid", str(process.pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [memory(int(pid)) for pid in output.split()]


def memory_line(label, process):
    figures = worker_memory(process)
    print(
        f"  {label}: RSS {', '.join(f'{rss:.0f} MB' for rss, _, _ in figures)}"
        f" (PSS {', '.join(f'{pss:.0f}' for _, pss, _ in figures)}; USS {', '.join(f'{uss:.0f}' for _, _, uss in figures)})"
    )


def load_average():
    return os.getloadavg()[0]


def warm_rotation(path):
    """Store the ROTATION distinct URLs once, 16 at a time."""
    separator = "&" if "?" in path else "?"

    def make(n):
        return loadgen.request_bytes("GET", f"{path}{separator}v={n % ROTATION}", HOST, {"User-Agent": AGENT})

    async def run():
        import asyncio

        queue = list(range(ROTATION))

        async def worker():
            while queue:
                await loadgen._one("127.0.0.1", PORT, make(queue.pop()))

        await asyncio.gather(*(worker() for _ in range(16)))

    import asyncio

    asyncio.run(run())


def render_figures(env, paths):
    """Queries and milliseconds of one warm, uncached request per path, in-process (page cache off)."""
    code = textwrap.dedent(
        f"""
        import json, time
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.conf import settings
        settings.PAGE_CACHE_SECONDS = 0
        client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="{AGENT}")
        out = {{}}
        for path in {paths!r}:
            client.get(path)
            times = []
            for n in range(15):
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(path + ("&" if "?" in path else "?") + f"r={{n}}").status_code == 200
                times.append((time.perf_counter() - started) * 1000)
            out[path] = [len(queries), sorted(times)[len(times) // 2]]
        print(json.dumps(out))
        """
    )
    return json.loads(manage_output(env, code))


def beacon_exact(env, page_id, redis_url, count=1000):
    """Send `count` beacons from distinct addresses; the views counted for the page must grow by exactly the
    number answered 204."""
    read = (
        "from django.core.management import call_command; call_command('flush_counters', verbosity=0);"
        f"from portal.engagement.models import PageViewDay as C; from django.db.models import Sum;"
        f"print(C.objects.filter(page_id={page_id}).aggregate(s=Sum('views'))['s'] or 0)"
    )
    redis_env = {**env, "REDIS_URL": redis_url}
    before = int(manage_output(redis_env, read))
    body = f"page={page_id}".encode()

    def make(n):
        headers = {
            "Origin": f"http://{HOST}",
            "User-Agent": f"{AGENT} exact/{n}",
            "X-Forwarded-For": f"10.{n % 250}.{n // 250 % 250}.{n % 7 + 1}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return loadgen.request_bytes("POST", "/tuong-tac/luot-xem/", HOST, headers, body)

    sent = {"ok": 0}

    async def run():
        import asyncio

        queue = list(range(count))

        async def worker():
            while queue:
                n = queue.pop()
                reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
                writer.write(make(n))
                await writer.drain()
                status = int((await reader.readline()).split()[1])
                await reader.read()
                writer.close()
                sent["ok"] += status == 204

        await asyncio.gather(*(worker() for _ in range(20)))

    import asyncio

    asyncio.run(run())
    after = int(manage_output(redis_env, read))
    return sent["ok"], after - before


def line(label, figures, ceiling, extra=""):
    ratio = figures["rps"] / ceiling if ceiling else 0
    print(
        f"  {label:<44} {figures['rps']:8.0f} req/s  {ratio:6.1%} of ceiling  p50 {figures['p50_ms']:7.1f} ms"
        f"  errors {figures['errors']}{extra}   (load {load_average():.1f})"
    )


def pages(article, procedure, figures, s, c, ceilings):
    ceiling = ceilings[0]
    wrk(article, 1, c)
    line("cached article, one URL", wrk(article, s, c), ceiling)
    rotation(article, s, c, ceilings)
    line("cached article, 200 connections", wrk(article, s, 200), ceiling)
    for label, path in (("uncached article", article), ("uncached procedure page", procedure), ("uncached home", "/")):
        queries, ms = figures[path]
        line(label, wrk(path, s, c, script=counter_script(path, False)), ceiling, f"  {queries} queries, {ms:.1f} ms render")


def rotation(article, s, c, ceilings):
    """The rotation against the ceiling loaded by the same wrk script: generating each request in Lua costs
    the load generator, which shares the cores, 10-20% of the plain ceiling."""
    ceiling, scripted = ceilings
    warm_rotation(article)
    figures = wrk(article, s, c, script=counter_script(article, True))
    line(
        f"cached article, {ROTATION} URLs in rotation",
        figures,
        scripted,
        f"  ({figures['rps'] / ceiling:.1%} of the plain ceiling)",
    )


def measure_ceiling(env, s, c, workers):
    """The minimal app's requests/s, plain and with the rotation's wrk script."""
    server = start(sys.executable, "tests.perf.minimal_wsgi", ROOT, env, workers, "/")
    try:
        ceiling = wrk("/", s, c)["rps"]
        scripted = wrk("/", s, c, script=counter_script("/", True))["rps"]
    finally:
        stop(server)
    print(f"  {'ceiling (minimal WSGI app)':<44} {ceiling:8.0f} req/s  (load {load_average():.1f})")
    print(f"  {'ceiling, URLs in rotation (same wrk script)':<44} {scripted:8.0f} req/s")
    return ceiling, scripted


def cache_rounds(env, article, args):
    """The cached figures next to a ceiling measured just before them, `args.cache_only` times: on a shared
    machine a ratio holds only against a ceiling of the same minute."""
    s, c = args.seconds, args.connections
    for _round in range(args.cache_only):
        ceilings = measure_ceiling(env, s, c, args.workers)
        server = start(sys.executable, "portal.wsgi", ROOT, {**env, "REDIS_URL": args.redis}, args.workers, "/healthz")
        try:
            wrk(article, 1, c)
            line("cached article, one URL", wrk(article, s, c), ceilings[0])
            rotation(article, s, c, ceilings)
            line("cached article, 200 connections", wrk(article, s, 200), ceilings[0])
        finally:
            stop(server)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--other", help="directory of another Wagtail site (its demo data loaded)")
    parser.add_argument("--other-python", help="its Python (a venv with gunicorn)")
    parser.add_argument("--other-app", default="bakerydemo.wsgi")
    parser.add_argument("--other-page", default="/blog/")
    parser.add_argument("--other-home", default="/")
    parser.add_argument("--other-settings", default="bakerydemo.settings.dev")
    parser.add_argument(
        "--other-redis",
        help="REDIS_URL for the other site, so that it caches in Redis as this portal does (bakerydemo's production "
        "settings append /0 and /1 to it: 'redis://127.0.0.1:6379?db=N#' keeps both in database N)",
    )
    parser.add_argument("--beacon-only", action="store_true", help="the ceiling and the beacon, nothing else")
    parser.add_argument(
        "--cache-only",
        type=int,
        metavar="ROUNDS",
        help="the ceiling and the cached pages only, alternating ROUNDS times (for a busy machine)",
    )
    parser.add_argument("--workdir", help="keep the prepared database and static files here between runs")
    args = parser.parse_args()
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="side-by-side-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = prepare(workdir, reuse=bool(args.workdir))
    env["TRUSTED_PROXY_COUNT"] = "1"  # the beacon arrives from many readers through one proxy
    article = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().url)")
    procedure = manage_output(env, "from procedures.models import ProcedurePage; print(ProcedurePage.objects.live().first().url)")
    page_id = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().pk)")
    s, c = args.seconds, args.connections
    print(f"wrk -t2 -c{c} -d{s}s; gunicorn.conf.py with {args.workers} sync workers; load {os.getloadavg()}")

    if args.cache_only:
        cache_rounds(env, article, args)
        return

    ceilings = measure_ceiling(env, s, c, args.workers)
    ceiling = ceilings[0]

    figures = {} if args.beacon_only else render_figures(env, ["/", article, procedure])
    server = start(sys.executable, "portal.wsgi", ROOT, {**env, "REDIS_URL": args.redis}, args.workers, "/healthz")
    try:
        if not args.beacon_only:
            pages(article, procedure, figures, s, c, ceilings)
        beacon = LUA_BEACON % (HOST, AGENT, page_id)
        wrk("/tuong-tac/luot-xem/", 1, c, script=beacon)
        line("hit beacon (Redis)", wrk("/tuong-tac/luot-xem/", s, c, script=beacon), ceiling)
        answered, counted = beacon_exact(env, page_id, args.redis)
        print(f"  beacon count check: {answered} answered 204, {counted} counted ({'exact' if answered == counted else 'WRONG'})")
        memory_line("worker memory after load", server)
    finally:
        stop(server)

    if args.other:
        other_env = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": args.other_settings,
            "ALLOWED_HOSTS": "*",
            "DJANGO_DEBUG": "off",
            "DEBUG": "False",
        }
        if os.environ.get("OTHER_DATABASE_URL"):
            other_env["DATABASE_URL"] = os.environ["OTHER_DATABASE_URL"]
        if args.other_redis:
            other_env["REDIS_URL"] = args.other_redis
        other = start(args.other_python, args.other_app, args.other, other_env, args.workers, args.other_home)
        try:
            for label, path in (("other site: page", args.other_page), ("other site: home", args.other_home)):
                wrk(path, 1, c)
                line(label, wrk(path, s, c, script=counter_script(path, False)), ceiling)
            memory_line("other site's worker memory after load", other)
        finally:
            stop(other)


if __name__ == "__main__":
    main()
