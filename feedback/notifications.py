"""E-mails about feedback. Staff mails name the submission and link to the admin; they carry no personal
data of the sender. A failed mail is logged by code only and never undoes the change that caused it."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.mail import get_connection, send_mail, send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from feedback.choices import Status
from portal.roles import ADMINS

log = logging.getLogger(__name__)
SMTP_TIMEOUT = 10


def admin_url(submission):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("feedback_submission:inspect", args=[submission.pk])


def lookup_url():
    from feedback.models import FeedbackPage

    page = FeedbackPage.objects.live().first()
    if page is None or page.full_url is None:
        return ""
    return page.full_url.rstrip("/") + "/tra-cuu/"


def _users_with(codename):
    """Users given `codename` for their work (the admins' group, which holds every permission, is left out)."""
    app_label, code = codename.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=code).first()
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if permission is None:
        return users.none()
    groups = Group.objects.filter(permissions=permission).exclude(role__key=ADMINS)
    return users.filter(Q(groups__in=groups) | Q(user_permissions=permission)).distinct()


def agency_staff(agency):
    """The members of the groups given rights on this agency's own page (its "Cán bộ …" group)."""
    return get_user_model().objects.filter(is_active=True, groups__page_permissions__page=agency).exclude(email="").distinct()


def _send_to_users(users, subject, template, context):
    addresses = sorted({u.email for u in users})
    if not addresses:
        return 0
    body = render_to_string(template, context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    return send_mass_mail(messages, fail_silently=False, connection=get_connection(timeout=SMTP_TIMEOUT))


def _send_to_citizen(submission, subject, template, context):
    if not submission.email or submission.anonymised_at:
        return 0
    body = render_to_string(template, {"submission": submission, "lookup_url": lookup_url(), **context})
    return send_mail(
        subject, body, settings.DEFAULT_FROM_EMAIL, [submission.email], connection=get_connection(timeout=SMTP_TIMEOUT)
    )


def send(kind, submission):
    from feedback.permissions import APPROVE, TRIAGE

    context = {"submission": submission, "url": admin_url(submission)}
    code = submission.code
    if kind == "new":
        return _send_to_users(_users_with(TRIAGE), f"[PAKN] Phản ánh mới {code}", "feedback/email/new.txt", context)
    if kind == "assigned" and submission.agency is not None:
        return _send_to_users(
            agency_staff(submission.agency), f"[PAKN] {code} được chuyển cơ quan xử lý", "feedback/email/assigned.txt", context
        )
    if kind == "returned" and submission.agency is not None:
        return _send_to_users(
            agency_staff(submission.agency), f"[PAKN] {code} cần hoàn thiện trả lời", "feedback/email/returned.txt", context
        )
    if kind == "referred_back":
        return _send_to_users(
            _users_with(TRIAGE), f"[PAKN] {code} được cơ quan chuyển lại", "feedback/email/referred_back.txt", context
        )
    if kind == "answered":
        return _send_to_users(
            _users_with(APPROVE), f"[PAKN] {code} đã có trả lời, chờ duyệt", "feedback/email/answered.txt", context
        )
    if kind == "decided" and submission.status in (Status.APPROVED, Status.REJECTED, Status.MERGED):
        return _send_to_citizen(submission, f"Kết quả phản ánh, kiến nghị {code}", "feedback/email/decided.txt", {})
    return 0


def deliver(kind, submission_id):
    from feedback.models import Submission

    submission = Submission.objects.select_related("agency", "duplicate_of").filter(pk=submission_id).first()
    if submission is None:
        return 0
    try:
        return send(kind, submission)
    except Exception as exc:  # a mail server problem must not undo the handling
        log.warning("Feedback notification %s for %s failed: %s", kind, submission.code, type(exc).__name__)
        return 0


def send_receipt(submission, secret):
    """The tracking code and the secret, mailed right away (the secret is never stored, so never queued)."""
    try:
        return _send_to_citizen(
            submission, f"Đã tiếp nhận phản ánh, kiến nghị {submission.code}", "feedback/email/receipt.txt", {"secret": secret}
        )
    except Exception as exc:  # as above
        log.warning("Feedback receipt for %s failed: %s", submission.code, type(exc).__name__)
        return 0
