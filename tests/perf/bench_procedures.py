"""Benchmark: import 1,000 procedures from the national JSON structure, then render 200 procedure pages.

Runs against a fresh database (a temporary SQLite file unless DATABASE_URL is set) and prints
records/s for the import and median/p95 milliseconds per page render. Not part of the test command:

    .venv/bin/python tests/perf/bench_procedures.py [--records 1000] [--pages 200]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from demo import procedures as procedure_demo
    from demo import site as demo
    from procedures.exchange.importer import import_file
    from procedures.exchange.records import to_national
    from procedures.models import ProcedurePage

    call_command("migrate", verbosity=0)
    home, _site = demo.ensure_home()
    index, _count = procedure_demo.load_agencies(home)
    agencies = {a.short_name: a.title for a in index.get_children().specific()}
    templates = procedure_demo.build_records(agencies)
    records = []
    for n in range(args.records):
        record = templates[n % len(templates)]
        data = to_national(record)
        data["MATTHC"] = f"8.{n:06d}"
        data["TENTTHC"] = f"{record.name} (bản {n // len(templates) + 1})"
        data["THUTUCLIENQUAN"] = []
        records.append(data)
    path = workdir / "tthc.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

    started = time.perf_counter()
    result = import_file(path, index)
    elapsed = time.perf_counter() - started
    assert result.created == args.records and not result.problems, result.problems
    print(f"import: {args.records} procedures in {elapsed:.1f} s = {args.records / elapsed:.1f} records/s")

    client = Client()
    urls = [p.url for p in ProcedurePage.objects.live().order_by("?")[: args.pages]]
    client.get(urls[0])
    timings = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(f"render: {len(timings)} procedure pages, median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
