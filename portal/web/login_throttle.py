"""Brute-force protection for the admin that nobody can turn against a named editor, kept in the
database so it holds whatever the cache does.

Sign-in: django-axes with its database handler counts failures per source address (`AXES_FAILURE_LIMIT`)
and per source and account (`PER_ACCOUNT_FROM_SOURCE`) for `AXES_COOLOFF_TIME`; never per account alone,
so failures from elsewhere never block an editor. Password reset: requests per source and per target
address in the database (`ThrottleCount`), so nobody can fill an editor's mailbox.
"""

import datetime
import hashlib
import math

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.db import increment
from portal.models import ThrottleCount
from portal.web.client import client_address

PER_ACCOUNT_FROM_SOURCE = 5
RESET_WINDOW = 60 * 60
RESETS_PER_ADDRESS = 3
RESETS_PER_SOURCE = 10


def username(request, credentials):
    data = credentials if credentials is not None else request.POST
    return (data.get("username") or "").strip().lower()


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' backend refuses to run without a request; credentials checked outside a web request (a
    management command, the demo loader's check) come from no address and have nothing to throttle."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes compares one figure with one limit; this gives each lockout parameter its own limit by
    scaling the (source, account) count onto the per-source limit."""

    def get_failures(self, request, credentials=None):
        per_account, per_source = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = math.ceil(per_account * settings.AXES_FAILURE_LIMIT / PER_ACCOUNT_FROM_SOURCE)
        return max(per_source, scaled)

    def reset_user_attempts(self, request, credentials=None):
        """A successful sign-in forgets that account's failures from that source only: signing in to an
        account of one's own must not wipe the failures a source piled up on others."""
        deleted, _ = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, username=username(request, credentials)
        ).delete()
        return deleted


def _refusal(request):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.") % {"minutes": minutes}
    return render(request, "portal/throttled.html", {"message": message}, status=429)


def locked_out(request, original_response=None, credentials=None):
    return _refusal(request)


def _over(kind, value, limit):
    """Count one request for `value` in the current window; True when it is past `limit`."""
    now = timezone.now().timestamp()
    window = datetime.datetime.fromtimestamp(now - now % RESET_WINDOW, tz=datetime.UTC)
    key = hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()
    increment(ThrottleCount, {"key": key, "window_start": window}, count=1)
    ThrottleCount.objects.filter(window_start__lt=window - datetime.timedelta(days=1)).delete()
    return ThrottleCount.objects.get(key=key, window_start=window).count > limit


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._path = None

    def __call__(self, request):
        if self._path is None:
            self._path = reverse("wagtailadmin_password_reset")
        if request.method == "POST" and request.path == self._path:
            email = (request.POST.get("email") or "").strip().lower()
            over_source = _over("reset-source", client_address(request), RESETS_PER_SOURCE)
            over_address = bool(email) and _over("reset-address", email, RESETS_PER_ADDRESS)
            if over_source or over_address:
                message = _(
                    "Đã gửi quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng kiểm tra hộp thư hoặc thử lại sau %(minutes)s phút."
                )
                context = {"message": message % {"minutes": RESET_WINDOW // 60}}
                return render(request, "portal/throttled.html", context, status=429)
        return self.get_response(request)
