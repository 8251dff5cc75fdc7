"""Brute-force protection for the admin login that nobody can turn against a named editor.

Failures are counted per source address and per (source, account) pair for 15 minutes; a source with
too many failures, or too many on one account, gets 429 until the window passes. Failures on an
account from other sources never block it, so attacking an editor's name does not lock the editor out.
"""

import hashlib
import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.engagement.identity import client_address

log = logging.getLogger(__name__)

WINDOW = 15 * 60
PER_SOURCE = 30
PER_ACCOUNT_FROM_SOURCE = 5


def _keys(request, username):
    source = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    account = hashlib.sha256(f"{source}:{(username or '').strip().lower()}".encode()).hexdigest()[:24]
    return f"login:source:{source}", f"login:account:{account}"


def _count(key):
    cache.add(key, 0, WINDOW)
    return cache.incr(key)


@receiver(user_login_failed, dispatch_uid="portal.login_throttle.failed")
def record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    source_key, account_key = _keys(request, credentials.get("username"))
    _count(source_key)
    if _count(account_key) == PER_ACCOUNT_FROM_SOURCE:
        log.warning("Admin login throttled for an account from one source after %s failures", PER_ACCOUNT_FROM_SOURCE)


@receiver(user_logged_in, dispatch_uid="portal.login_throttle.succeeded")
def forget_failures(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(_keys(request, user.get_username())[1])


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._login_path = None

    def __call__(self, request):
        if self._login_path is None:
            self._login_path = reverse("wagtailadmin_login")
        if request.method == "POST" and request.path == self._login_path:
            source_key, account_key = _keys(request, request.POST.get("username"))
            if (cache.get(source_key) or 0) >= PER_SOURCE or (cache.get(account_key) or 0) >= PER_ACCOUNT_FROM_SOURCE:
                minutes = WINDOW // 60
                message = _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.") % {"minutes": minutes}
                return render(request, "portal/throttled.html", {"message": message}, status=429)
        return self.get_response(request)
