"""Liveness and readiness for load balancers and monitoring (never cached, no personal data)."""

import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks


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


@never_cache
@require_GET
def readyz(request):
    """Other apps add their services through the `register_readiness_check` hook: (name, "ok" | "degraded")."""
    checks = {"database": _database(), "cache": _cache()}
    checks.update(check() for check in hooks.get_hooks("register_readiness_check"))
    ready = checks["database"] == "ok"
    return JsonResponse({"status": "ok" if ready else "down", **checks}, status=200 if ready else 503)
