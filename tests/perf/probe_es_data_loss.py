"""The Elasticsearch data-loss drill of issue 14, run end to end and printed step by step: content
published before the first rebuild, a rebuild, the cluster killed, a page published meanwhile, the
cluster back empty, then catch-up, check, search, rebuild, check; last, a plain index squatting the
alias name (what writes used to auto-create) and the rebuild that replaces it.

    .venv/bin/python tests/perf/probe_es_data_loss.py            # osmem-server, restarted on its address
    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python tests/perf/probe_es_data_loss.py
                                                                   # a real cluster: "losing the data"
                                                                   # deletes the portal's indices

Uses a temporary SQLite database with the demo agencies and procedures. Not part of the test command.
"""

import io
import logging
import os
import socket
import sys
import tempfile
import textwrap
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


class Cluster:
    """osmem-server on a fixed address (so it can be killed and brought back empty), or a real one."""

    def __init__(self):
        self.url = os.environ.get("ELASTICSEARCH_URL")
        self.server = None
        if self.url:
            self.transport = "elastic_transport.Transport"
            return
        self.transport = "tests.search.transport.PlainJsonTransport"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.address = f"127.0.0.1:{probe.getsockname()[1]}"
        self.start()
        self.url = self.server.url

    def start(self):
        from osmem_server import OsmemServer

        self.server = OsmemServer.start(japanese=False, addr=self.address)

    def kill(self):
        if self.server is None:
            return False
        self.server.close()
        return True

    def back_empty(self, store):
        if self.server is not None:
            self.start()
        else:  # a real cluster keeps running: its data is what goes
            store.es.indices.delete(index=f"{store.alias}*", expand_wildcards="all")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="probe-es-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'probe.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    cluster = Cluster()
    import django
    from django.conf import settings

    django.setup()
    settings.ELASTICSEARCH_URL = cluster.url
    settings.ELASTICSEARCH_TRANSPORT_CLASS = cluster.transport
    settings.ELASTICSEARCH_INDEX = f"probe-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_REFRESH = True
    from django.core.management import call_command

    from demo import procedures as procedure_demo
    from demo import site as demo
    from search import backends
    from search.models import PendingIndex

    call_command("migrate", verbosity=0)
    store = backends.elasticsearch()
    print(f"Elasticsearch: {cluster.url} ({'osmem-server' if cluster.server else 'ELASTICSEARCH_URL'}), alias {store.alias}\n")

    step("0. demo content published before the first rebuild (as `load_demo` on a new server)")
    logging.getLogger("search.indexing").setLevel(logging.ERROR)  # one refused write per page: said below
    home, _site = demo.ensure_home()
    index, _agencies = procedure_demo.load_agencies(home)
    procedure_demo.load_procedures(index)
    logging.getLogger("search.indexing").setLevel(logging.NOTSET)
    report_state(store, PendingIndex)
    search("đăng ký khai sinh")
    command("check")

    step("1. rebuild")
    command("rebuild")
    command("check")
    search("đăng ký khai sinh")

    step("2. the cluster is killed; an editor publishes a page meanwhile")
    if cluster.kill():
        command("status")
    else:
        print("   (a real cluster is not killed by this probe)")
    page = publish(index)
    report_state(store, PendingIndex, cluster_up=cluster.server is None)
    search("cấp phép khai thác nước ngầm thử nghiệm")

    step("3. the cluster is back, empty")
    cluster.back_empty(store)
    report_state(store, PendingIndex)

    step("4. catch-up (cron)")
    command("catchup")
    report_state(store, PendingIndex)

    step("5. check")
    command("check")
    command("status")
    search("cấp phép khai thác nước ngầm thử nghiệm")
    suggest("cap phep khai thac nuoc ngam")

    step("6. rebuild")
    command("rebuild")
    report_state(store, PendingIndex)

    step("7. check, search and autocomplete again")
    command("check")
    search("cấp phép khai thác nước ngầm thử nghiệm", expect=page.title)
    suggest("cap phep khai thac nuoc ngam")

    step("8. what older versions left after such a drill: a plain index squatting the alias name")
    cluster.kill()
    cluster.back_empty(store)
    store.es.index(index=store.alias, id=page.pk, document={"title": page.title, "facet_labels": "x"}, refresh=True)
    report_state(store, PendingIndex)
    command("check")
    search("cấp phép khai thác nước ngầm thử nghiệm")
    command("rebuild")
    report_state(store, PendingIndex)
    command("check")
    search("cấp phép khai thác nước ngầm thử nghiệm", expect=page.title)
    if cluster.server is not None:
        cluster.server.close()


def step(title):
    print(f"\n== {title}")


def command(*args):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    try:
        call_command("search_index", *args, stdout=out, stderr=io.StringIO())
        status = "exit 0"
    except CommandError as exc:
        out.write(f"{exc}\n")
        status = "exit 1"
    print(f"$ manage.py search_index {' '.join(args)}   [{status}]")
    print(textwrap.indent(out.getvalue().rstrip(), "   "))


def report_state(store, pending, cluster_up=True):
    from search.backends.base import StoreUnavailable

    waiting = pending.objects.count()
    if not cluster_up:
        print(f"   pending queue: {waiting} pages; cluster unreachable")
        return
    try:
        names = sorted(store.es.indices.get(index=f"{store.alias}*", expand_wildcards="all"))
        print(f"   pending queue: {waiting} pages; indices: {', '.join(names) or '(none)'}; alias → {store.current_indices()}")
    except (StoreUnavailable, Exception) as exc:  # the probe reports whatever the cluster says
        print(f"   pending queue: {waiting} pages; cluster: {type(exc).__name__}")


def publish(index):
    from django.db import transaction

    from procedures.models import AgencyPage, ProcedurePage

    agency = AgencyPage.objects.child_of(index).first()
    with transaction.atomic():
        page = ProcedurePage(title="Cấp phép khai thác nước ngầm thử nghiệm", slug="khai-thac-nuoc-ngam-thu", code="9.999999")
        agency.add_child(instance=page)
        page.save_revision().publish()
    print(f"   published page {page.pk}: {page.title}")
    return page


def search(text, expect=None):
    from search import api
    from search.models import Kind, Scope

    api.read_breaker.reset()  # as another process, or 30 s later, would
    results = api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER))
    first = str(results.hits[0].title).replace("<mark>", "").replace("</mark>", "") if results.hits else "—"
    note = "" if expect is None else ("  ✔ found" if first == expect else "  ✘ NOT FOUND")
    print(
        f"   search {text!r}: answered by {results.backend}, degraded={results.degraded}, {results.total} hits, first: {first}{note}"
    )


def suggest(text):
    from search import api

    api.read_breaker.reset()
    titles = [s["title"] for s in api.suggest(text)]
    print(f"   autocomplete {text!r}: {titles[:3] or 'nothing'}")


if __name__ == "__main__":
    main()
