"""What a portal process holds its memory for (run by bench_memory.py --breakdown, with the benchmark's
environment): the resident memory each top-level package's modules added as they ran while portal.wsgi
was imported (like `python -X importtime`, in MB), then what Python still holds after serving the pages
given as arguments a few times in-process, by package (tracemalloc).

    python tests/perf/memory_breakdown.py PATH...
"""

import importlib.abc
import importlib.machinery
import os
import sys
import tracemalloc
from collections import Counter

ROUNDS = 3
PATHS = sys.argv[1:]
ROOT = os.getcwd()
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


added, stack = Counter(), []  # stack: [package, resident before, what packages it imported added]


class Measured(importlib.abc.Loader):
    """Runs a module, counting what it added to the resident memory for its top-level package."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        top = module.__name__.partition(".")[0]
        if stack and stack[-1][0] == top:
            return self.loader.exec_module(module)
        stack.append([top, rss(), 0])
        try:
            self.loader.exec_module(module)
        finally:
            _, before, inner = stack.pop()
            grown = rss() - before
            added[top] += grown - inner
            if stack:
                stack[-1][2] += grown

    def __getattr__(self, name):
        return getattr(self.loader, name)


class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = Measured(spec.loader)
        return spec


sys.meta_path.insert(0, Finder())
start = rss()
importlib.import_module("portal.wsgi")
sys.meta_path.pop(0)
total = rss()
print(f"  resident after importing portal.wsgi: {total / 2**20:.1f} MB ({start / 2**20:.1f} MB before)")
print("  added by each top-level package's modules as they ran (without the other packages they imported):")
for name, size in added.most_common(25):
    print(f"    {size / 2**20:6.1f} MB  {name}")
heavy = ["elasticsearch", "elastic_transport", "ninja", "pydantic", "rest_framework", "openpyxl", "PIL", "bs4"]
print("  imported: " + ", ".join(f"{name} {'yes' if name in sys.modules else 'no'}" for name in heavy))

from django.test import Client  # noqa: E402

client = Client(HTTP_USER_AGENT="bench", HTTP_HOST="127.0.0.1")
tracemalloc.start()
before = tracemalloc.take_snapshot()
for n in range(ROUNDS):
    for path in PATHS:
        client.get(f"{path}{'&' if '?' in path else '?'}v=m{n}")
after = tracemalloc.take_snapshot()
grown = Counter()
for stat in after.compare_to(before, "filename"):
    parts = stat.traceback[0].filename.split("/site-packages/")
    grown[parts[-1].split("/")[0] if len(parts) > 1 else stat.traceback[0].filename.replace(ROOT, ".")] += stat.size_diff
print(f"  Python allocations still held after serving {ROUNDS} rounds in-process (tracemalloc), by package:")
for name, size in grown.most_common(10):
    print(f"    {size / 2**20:6.2f} MB  {name}")
