"""Benchmark `search_index catchup`, the cron job that runs every 5 minutes, at scale: N generated
procedures (default 100,000) beside the demo ones, a database store rebuilt so that nothing is
pending, then catch-up timed with nothing to do, and once more after one entry was lost (it must
put it back, so the speed is not bought by skipping the check).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python tests/perf/bench_catchup.py
    … bench_catchup.py --no-rebuild      # the store built by an earlier run (or by bench_search.py)
    … bench_catchup.py --elasticsearch   # both stores: ELASTICSEARCH_URL, else osmem-server

Reuses the procedures already in the database (bench_search.py leaves them) and generates only the
difference. Uses a temporary SQLite file unless DATABASE_URL is set. Not part of the test command.
"""

import argparse
import io
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
    parser.add_argument("--count", type=int, default=100_000, help="generated procedures wanted")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-rebuild", action="store_true", help="time catch-up on the store as it is")
    parser.add_argument("--elasticsearch", action="store_true", help="Elasticsearch too (osmem-server unless set)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-catchup-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from procedures.models import ProcedurePage
    from search import indexing
    from search.models import SearchEntry

    call_command("migrate", verbosity=0)
    fill(args.count)
    if args.elasticsearch:
        use_elasticsearch()
    print(f"{connection.vendor}: {ProcedurePage.objects.count():,} procedures")
    stores = ("database", "elasticsearch") if args.elasticsearch else ("database",)
    if not args.no_rebuild:
        started = time.perf_counter()
        total, _index = indexing.rebuild(stores=stores)
        print(f"{' and '.join(stores)} rebuilt: {total:,} documents in {time.perf_counter() - started:.0f} s")

    def catchup():
        out = io.StringIO()
        started = time.perf_counter()
        call_command("search_index", "catchup", stdout=out)
        return time.perf_counter() - started, out.getvalue().strip()

    samples = []
    for run in range(args.runs):
        elapsed, said = catchup()
        samples.append(elapsed)
        print(f"  catch-up with nothing pending, run {run + 1}: {elapsed:.2f} s — {said}")
    print(f"catch-up, nothing pending ({args.runs} runs): median {statistics.median(samples):.2f} s, max {max(samples):.2f} s")

    lost = SearchEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    SearchEntry.objects.filter(pk=lost).delete()
    elapsed, said = catchup()
    back = SearchEntry.objects.filter(pk=lost).exists()
    print(f"catch-up after losing entry {lost}: {elapsed:.2f} s — {said} — entry back: {'yes' if back else 'NO'}")


def use_elasticsearch():
    from django.conf import settings

    settings.ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
    settings.ELASTICSEARCH_TRANSPORT_CLASS = "elastic_transport.Transport"
    if not settings.ELASTICSEARCH_URL:
        from osmem_server import OsmemServer

        settings.ELASTICSEARCH_URL = OsmemServer.start(japanese=False).url
        settings.ELASTICSEARCH_TRANSPORT_CLASS = "tests.search.transport.PlainJsonTransport"
    settings.ELASTICSEARCH_INDEX = "bench-catchup"
    print(f"Elasticsearch at {settings.ELASTICSEARCH_URL}, alias {settings.ELASTICSEARCH_INDEX}")


def fill(count):
    from demo import procedures as procedure_demo
    from demo import site as demo
    from demo.generate import generate
    from procedures.models import AgencyPage, ProcedurePage

    existing = ProcedurePage.objects.filter(code__startswith="9.").count()
    if existing >= count:
        return
    home, _site = demo.ensure_home()
    if not AgencyPage.objects.exists():
        index, _agencies = procedure_demo.load_agencies(home)
        procedure_demo.load_procedures(index)
    index = AgencyPage.objects.first().get_parent()
    started = time.perf_counter()
    generate(count - existing, index, seed=2025)
    print(f"generated {count - existing:,} procedures in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
