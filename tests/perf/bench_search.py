"""Benchmark search at scale: generate N procedures (default 100,000) beside the 156 demo ones, build
the database store, then time finder queries and autocomplete. Prints documents/s and p50/p95 ms.

    .venv/bin/python tests/perf/bench_search.py [--count 100000] [--rounds 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python tests/perf/bench_search.py
    DATABASE_URL=… .venv/bin/python tests/perf/bench_search.py --queries-only   # again, on what is there

Uses a temporary SQLite file unless DATABASE_URL is set (the database is migrated, filled and left).
Not part of the test command.
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

FINDER = [
    "dang ky khai sinh", "làm giấy khai sinh cho con", "khai sihn", "cap GPXD", "xin giấy phép xây nhà", "CCCD",
    "LLTP", "doi bang lai xe", "so do lan dau", "thanh lap ho kinh doanh", "mở công ty", "tro cap that nghiep",
    "chung thuc ban sao", "dang ky ket hon", "nhập hộ khẩu", "dang ky tam tru", "gia han giay phep xay dung",
    "chuyen muc dich su dung dat", "tranh chap dat dai", "bao hiem xa hoi",
]  # fmt: skip
PREFIXES = ["da", "dang k", "dang ky kh", "cap gi", "cap giay phep x", "chung th", "ho k", "the ca", "gia h", "dang ky thuong"]


def percentiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--queries-only", action="store_true", help="time queries on a database built by an earlier run")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["SEARCH_RESULTS_SECONDS"] = "0"  # every round asks the store: kept answers would hide its cost
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.queries_only:
        build(args.count)
    time_queries(args.rounds)


def build(count):
    from django.db import connection

    from demo import procedures as procedure_demo
    from demo import site as demo
    from demo.generate import generate
    from search import indexing

    home, _site = demo.ensure_home()
    index, _agencies = procedure_demo.load_agencies(home)
    procedure_demo.load_procedures(index)
    started = time.perf_counter()
    generate(count, index, seed=2025)
    print(f"{connection.vendor}: generated {count:,} procedures in {time.perf_counter() - started:.0f} s")

    started = time.perf_counter()
    total, _index = indexing.rebuild(stores=("database",))
    elapsed = time.perf_counter() - started
    print(f"indexing (database store, full rebuild): {total:,} documents in {elapsed:.0f} s = {total / elapsed:,.0f} docs/s")


def time_queries(rounds):
    from django.db import connection

    from search import api
    from search.models import Kind, SearchEntry

    print(f"{connection.vendor}: {SearchEntry.objects.count():,} documents in the database store")

    def timed(fn, items):
        for item in items:  # warm caches (vocabulary, synonyms, statement plans)
            fn(item)
        per_item = {item: [] for item in items}
        for _round in range(rounds):
            for item in items:
                t = time.perf_counter()
                fn(item)
                per_item[item].append((time.perf_counter() - t) * 1000)
        slowest = sorted(per_item, key=lambda item: -statistics.median(per_item[item]))[:3]
        print("  slowest: " + ", ".join(f"{item!r} {statistics.median(per_item[item]):.0f} ms" for item in slowest))
        return percentiles([ms for samples in per_item.values() for ms in samples]), rounds * len(items)

    def find(text):
        return api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope="bench"))

    (p50, p95), n = timed(find, FINDER)
    print(
        f"finder queries ({n} runs of {len(FINDER)} queries, facets and highlights included): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    (p50, p95), n = timed(api.suggest, PREFIXES)
    print(f"autocomplete ({n} runs of {len(PREFIXES)} prefixes): p50 {p50:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
