"""Liveness and readiness for load balancers and monitoring (never cached, no personal data)."""

import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search import indexing


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:  # any database error means this instance cannot serve
        return "down"


def _cache():
    key, value = f"readyz:{secrets.token_hex(4)}", secrets.token_hex(4)
    try:
        cache.set(key, value, 5)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception:  # a failing cache degrades the site, it does not stop it
        ok = False
    return "ok" if ok else "degraded"


def _search():
    backend = indexing.elasticsearch()
    if backend is None:
        return "ok"
    try:
        return "ok" if backend.es.options(request_timeout=0.5).ping() else "degraded"
    except Exception:  # searches fall back to the database store
        return "degraded"


@never_cache
@require_GET
def readyz(request):
    checks = {"database": _database(), "cache": _cache(), "search": _search()}
    ready = checks["database"] == "ok"
    return JsonResponse({"status": "ok" if ready else "down", **checks}, status=200 if ready else 503)
