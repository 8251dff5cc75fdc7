"""The procedure finder over HTTP: broad queries under gunicorn (gunicorn.conf.py, `--workers` sync
workers, production settings, Redis cache), loaded by wrk (`apt-get install wrk`) with two threads and
`--connections` connections. Two figures, each with p50/p99 and the load average:
- distinct: every request a different broad query (actions, objects, fields and agencies of the
  generated catalogue combined), so no answer is ever asked twice in the run;
- popular: twenty broad queries citizens repeat, in rotation.

Run it on a database built earlier with 100,000 procedures (`bench_search.py` with DATABASE_URL, or
`generate_procedures --count 100000` and `search_index rebuild`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python tests/perf/bench_finder_http.py
        [--seconds 15] [--connections 16] [--workers 2] [--redis redis://127.0.0.1:6379/13] [--only distinct]

Environment variables pass through to the server (DATABASE_CONN_MAX_AGE, SEARCH_RESULTS_SECONDS, …), so
one setting can be compared with another in the same sitting. Not part of the test command.
"""

import argparse
import itertools
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf.server import PORT, production_environment, serve  # noqa: E402

HOST = f"127.0.0.1:{PORT}"
FINDER = "/tra-cuu-thu-tuc/"
POPULAR = [
    "bao hiem xa hoi", "thanh lap ho kinh doanh", "cap giay phep", "dang ky kinh doanh", "giấy phép xây dựng",
    "dat dai", "ho tich", "chung thuc", "cap lai giay phep", "gia han giay phep", "giấy chứng nhận đăng ký",
    "giay phep hoat dong", "chứng chỉ hành nghề", "thu hoi giay phep", "doanh nghiep", "ho kinh doanh",
    "moi truong", "giay phep khai thac", "xac nhan dang ky", "cong nhan",
]  # fmt: skip
# Each thread walks its own part of the list; a request takes the next query of its thread.
LUA = """
local queries = {%s}
local threads = 0
setup = function(thread) thread:set("offset", threads); threads = threads + 1 end
local n = 0
request = function()
  n = n + 1
  local i = %s
  return wrk.format("GET", "%s?q=" .. queries[(i %% #queries) + 1])
end
"""


def distinct_queries():
    """About 1,900 different broad queries, in a fixed shuffled order."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")  # the generator's words import its models
    import django

    django.setup()
    from demo.generate import ACTIONS, OBJECTS, SUBJECTS
    from demo.procedures import AGENCIES
    from demo.procedures_data import FIELDS

    fields = [name.lower() for name, *_rest in FIELDS.values()]
    agencies = [name for _slug, name, *_rest in AGENCIES]
    subjects = [s.strip() for s in SUBJECTS if s]
    actions = [a.lower() for a in ACTIONS]
    queries = [f"{a} {o}{s}" for a, o, s in itertools.product(actions, OBJECTS, SUBJECTS)]
    queries += [f"{a} {f}" for a, f in itertools.product(actions, fields)]
    queries += [f"{f} {s}" for f, s in itertools.product(fields, subjects)]
    queries += [f"{a} {o}" for a, o in itertools.product(actions, OBJECTS)]
    queries += [f"{o} {s}" for o, s in itertools.product(OBJECTS, subjects)]
    queries += fields + agencies + [f"{a} {g}" for a, g in itertools.product(actions, agencies)]
    queries = list(dict.fromkeys(q.lower() for q in queries))
    random.Random(18).shuffle(queries)
    return queries


def wrk(queries, distinct, seconds, connections):
    table = ", ".join(f'"{quote_plus(q)}"' for q in queries)
    # distinct: thread t takes queries t, t + threads, …; popular: every thread runs through the rotation
    index = "offset + (n - 1) * 2" if distinct else "offset * 7 + n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(LUA % (table, index, FINDER))
        script.flush()
        command = [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            script.name,
            f"http://{HOST}/",
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    scale = {"us": 0.001, "ms": 1, "s": 1000}

    def latency(percent):
        found = re.search(rf"{percent}%\s+([\d.]+)(us|ms|s)", output)
        return float(found.group(1)) * scale[found.group(2)] if found else 0.0

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
        "p50": latency(50),
        "p99": latency(99),
    }


def environment(workdir, redis_url):
    env = {**production_environment(workdir), "REDIS_URL": redis_url}
    if not (workdir / "static" / "staticfiles.json").exists():
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    return env


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--only", choices=["distinct", "popular"])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bench-finder-http")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to a database holding the generated procedures and their search store.")
    args.workdir.mkdir(exist_ok=True)
    env = environment(args.workdir, args.redis)
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    server = serve({**env, "GUNICORN_WORKERS": str(args.workers), "GUNICORN_THREADS": "1"}, redis_url=args.redis)
    try:
        for query in POPULAR * args.workers:  # warm: each worker loaded, each popular query asked once
            urllib.request.urlopen(f"http://{HOST}{FINDER}?q={quote_plus(query)}", timeout=30).read()
        kinds = [args.only] if args.only else ["distinct", "popular"]
        for kind in kinds:
            time.sleep(5)  # the workers finish what the last run left queued (wrk stops waiting, they do not)
            queries = distinct_queries() if kind == "distinct" else POPULAR
            result = wrk(queries, kind == "distinct", args.seconds, args.connections)
            repeated = " (the list ran out: some repeated)" if kind == "distinct" and result["requests"] > len(queries) else ""
            print(
                f"{kind:9} {result['rps']:7.1f} req/s  p50 {result['p50']:6.1f} ms  p99 {result['p99']:7.1f} ms  "
                f"{result['requests']} requests of {len(queries)} queries{repeated}, {result['errors']} errors, "
                f"load {os.getloadavg()[0]:.1f}"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
