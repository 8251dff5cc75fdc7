"""The daily reminder: for each agency, its submissions past or near their deadline; for the reform office,
all of them. Run `manage.py feedback_digest` once a working day from cron."""

from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.template.loader import render_to_string
from django.utils import timezone

from feedback.choices import AT_AGENCY
from feedback.deadlines import WorkingCalendar, limits
from feedback.models import Submission
from feedback.notifications import SMTP_TIMEOUT, _users_with, admin_url, agency_staff
from feedback.permissions import TRIAGE


def _listing(submissions):
    for submission in submissions:
        submission.url = admin_url(submission)
    return submissions


def build(today=None):
    """[(recipients, subject, body)] for today; empty when nothing is due."""
    today = today or timezone.localdate()
    horizon = WorkingCalendar.around(today).add(today, limits().due_soon_days)
    pending = Submission.objects.due_by(horizon).select_related("agency").order_by("received_at")
    overdue = _listing([s for s in pending if s.is_overdue(today)])
    due_soon = _listing([s for s in pending if not s.is_overdue(today)])
    if not overdue and not due_soon:
        return []
    messages = []
    office = sorted({u.email for u in _users_with(TRIAGE)})
    if office:
        body = render_to_string("feedback/email/digest.txt", {"overdue": overdue, "due_soon": due_soon, "today": today})
        subject = f"[PAKN] {len(overdue)} quá hạn, {len(due_soon)} sắp đến hạn – {today:%d/%m/%Y}"
        messages.append((office, subject, body))
    agencies = {s.agency for s in overdue + due_soon if s.agency is not None and s.status in AT_AGENCY}
    for agency in sorted(agencies, key=lambda a: a.title):
        own_overdue = [s for s in overdue if s.agency == agency and s.status in AT_AGENCY]
        own_soon = [s for s in due_soon if s.agency == agency and s.status in AT_AGENCY]
        recipients = sorted({u.email for u in agency_staff(agency)})
        if recipients:
            body = render_to_string(
                "feedback/email/digest.txt", {"overdue": own_overdue, "due_soon": own_soon, "today": today, "agency": agency}
            )
            subject = f"[PAKN] {agency.title}: {len(own_overdue)} quá hạn, {len(own_soon)} sắp đến hạn – {today:%d/%m/%Y}"
            messages.append((recipients, subject, body))
    return messages


def send(today=None):
    messages = build(today)
    datatuple = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for recipients, subject, body in messages
        for address in recipients
    ]
    if datatuple:
        send_mass_mail(datatuple, fail_silently=False, connection=get_connection(timeout=SMTP_TIMEOUT))
    return len(datatuple)
