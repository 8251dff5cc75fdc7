"""Worker memory under gunicorn (issue 18: at or below bakerydemo's, ~100 MB RSS after load), and what
the process holds it for.

    .venv/bin/python tests/perf/bench_memory.py [--workers 2] [--rounds 40] [--redis URL] [--breakdown]

Starts the portal as tests/perf/side_by_side.py does (production settings, demo content, Redis cache,
DATABASE_URL or a temporary SQLite file, gunicorn.conf.py with `--workers` sync workers), requests the
article, a procedure page, the home page, a finder search and the admin login page `--rounds` times
each (uncached: a new query string every time, four at a time so every worker serves them), then
prints each worker's memory from /proc/<pid>/smaps_rollup:
- RSS, what `ps` and the issue measure: every page the worker touches, shared with the master or not;
- PSS, its fair share of memory (shared pages divided by the processes sharing them);
- USS, memory only this worker holds (what stopping it would give back).
It requests the same pages again and prints the memory a second time: RSS that keeps growing with the
same pages is a cache without a bound.

`--breakdown` then imports portal.wsgi in a fresh process and prints the resident memory each
top-level package added as it was first imported (like `python -X importtime`, in MB), and what
Python allocated while serving the pages in-process, by package (tracemalloc).
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf.server import PORT, manage_output, prepare, serve  # noqa: E402

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"


def memory(pid):
    """RSS, PSS and USS of a process in MB, from /proc/<pid>/smaps_rollup."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return fields["Rss"], fields["Pss"], fields["Private_Clean"] + fields["Private_Dirty"]


def workers(master):
    output = subprocess.run(["ps", "--ppid", str(master.pid), "-o", "pid="], capture_output=True, text=True).stdout
    return sorted(int(pid) for pid in output.split())


def load(paths, rounds, tag):
    """Every path `rounds` times, four requests at a time, each with a new query string (uncached)."""

    def get(job):
        n, path = job
        separator = "&" if "?" in path else "?"
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}{separator}v={tag}{n}", headers={"User-Agent": AGENT})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status

    jobs = [(n, path) for n in range(rounds) for path in paths]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(get, jobs))
    return sum(status == 200 for status in statuses), len(statuses)


def report(label, master):
    print(f"  {label}:")
    print(f"    master {master.pid}: RSS {memory(master.pid)[0]:.1f} MB")
    for pid in workers(master):
        rss, pss, uss = memory(pid)
        print(f"    worker {pid}: RSS {rss:.1f} MB, PSS {pss:.1f} MB, USS {uss:.1f} MB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--redis", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--breakdown", action="store_true")
    args = parser.parse_args()

    env = prepare(Path(tempfile.mkdtemp(prefix="bench-memory-")))
    env = {**env, "REDIS_URL": args.redis, "GUNICORN_WORKERS": str(args.workers), "GUNICORN_THREADS": "1"}
    article = manage_output(env, "from news.models import NewsPage; print(NewsPage.objects.live().first().url)")
    procedure = manage_output(env, "from procedures.models import ProcedurePage; print(ProcedurePage.objects.live().first().url)")
    admin = manage_output(env, "from django.urls import reverse; print(reverse('wagtailadmin_login'))")
    paths = [article, procedure, "/", "/tra-cuu-thu-tuc/?q=khai+sinh", admin]
    search = "elasticsearch" if env.get("ELASTICSEARCH_URL") else "database"
    print(f"gunicorn.conf.py, {args.workers} sync workers, production settings, Redis cache, {search} search store")
    print(f"pages: {', '.join(paths)}; {args.rounds} rounds each, uncached")
    master = serve(env)
    try:
        report("after start, before any request", master)
        ok, total = load(paths, args.rounds, "a")
        report(f"after the load ({ok} of {total} answered 200)", master)
        ok, total = load(paths, args.rounds, "b")
        report(f"after the same load again ({ok} of {total} answered 200)", master)
    finally:
        master.terminate()
        master.wait()

    if args.breakdown:
        print("breakdown (one process, no gunicorn):")
        script = ROOT / "tests" / "perf" / "memory_breakdown.py"
        subprocess.run([sys.executable, str(script), *paths], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, check=True)


if __name__ == "__main__":
    main()
