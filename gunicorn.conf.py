"""gunicorn settings for the portal (`gunicorn -c gunicorn.conf.py portal.wsgi`); the environment overrides them."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycling guards against slow leaks; each recycled worker loses its in-process copies of the chrome and of
# hot pages, so at cached rates (thousands a second) 5,000 requests meant a cold worker every two seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"


def pre_fork(server, worker):
    """Workers share the preloaded app's memory with the master until they write to it, and the cycle
    collector writes to every object it visits: frozen (after collecting what importing left behind),
    the master's objects are never visited in a worker, so its memory stays shared. Measured with
    tests/perf/bench_memory.py: about 38 MB less private memory per worker once it has run a full
    collection; resident size (RSS) about the same."""
    gc.collect()
    gc.freeze()
