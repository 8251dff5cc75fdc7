"""Refused admin requests answer 403 instead of Wagtail's redirect to the dashboard.

Wagtail routes every refusal inside its admin through `wagtail.admin.auth.permission_denied`, which
redirects with a flash message. A 403 makes refusals visible to clients, access logs and monitoring,
and lets the role tests prove them; the 403 page carries the same explanation.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin import auth


def _deny(request):
    raise PermissionDenied


def install():
    auth.permission_denied = _deny
