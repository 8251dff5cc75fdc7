"""Personal data: anonymised after the retention period, exported and erased on request by admins only,
never written to logs."""

import datetime
import io
import json
import logging
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from feedback import workflow
from feedback.choices import Action, Status
from feedback.models import Submission
from feedback.models.submissions import ANONYMISED
from tests.feedback.conftest import ORIGIN, png_file, post_submission

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def finished(portal, client):
    post_submission(client, files=[png_file()])
    submission = Submission.objects.get()
    workflow.perform(portal.reform, submission, "reject", {"reason": "Nội dung khiếu nại, không thuộc phạm vi."})
    submission.refresh_from_db()
    return submission


def test_the_retention_command_anonymises_what_is_old_enough_and_keeps_the_figures(finished, settings):
    path = Path(finished.attachments.get().file.path)
    call_command("feedback_anonymise", stdout=io.StringIO())
    finished.refresh_from_db()
    assert finished.anonymised_at is None, "not yet past the retention period"
    Submission.objects.filter(pk=finished.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=settings.FEEDBACK_RETENTION_DAYS + 1)
    )
    out = io.StringIO()
    call_command("feedback_anonymise", "--dry-run", stdout=out)
    assert "1 phản ánh" in out.getvalue()
    call_command("feedback_anonymise", stdout=io.StringIO())
    finished.refresh_from_db()
    assert finished.anonymised_at is not None
    assert (finished.name, finished.phone, finished.email, finished.address, finished.content) == (ANONYMISED, "", "", "", "")
    assert finished.status == Status.REJECTED and finished.kind == "question" and finished.received_at is not None
    assert not finished.attachments.exists() and not path.exists()
    assert finished.events.filter(action=Action.ANONYMISE).exists()
    assert not finished.contact_matches("0912345678")


def test_admins_export_and_erase_a_persons_data_on_request(finished, portal):
    admin = signed_in(portal.admin)
    page = admin.get("/admin/du-lieu-ca-nhan-pakn/", {"contact": "AN@example.com"}).content.decode()
    assert finished.code in page
    exported = admin.post("/admin/du-lieu-ca-nhan-pakn/", {"contact": "an@example.com", "do": "export"})
    assert exported["Content-Type"].startswith("application/json")
    data = json.loads(exported.content)
    assert data[0]["ma_phan_anh"] == finished.code and data[0]["dien_thoai"] == "0912 345 678"
    assert data[0]["tep_dinh_kem"][0]["ten"] == "anh.png"
    assert finished.events.filter(action=Action.EXPORT, actor=portal.admin).exists()
    by_phone = admin.get("/admin/du-lieu-ca-nhan-pakn/", {"contact": "+84 912 345 678"}).content.decode()
    assert finished.code in by_phone
    admin.post("/admin/du-lieu-ca-nhan-pakn/", {"contact": "0912345678", "do": "erase"})
    finished.refresh_from_db()
    assert finished.anonymised_at is not None and finished.email == ""
    assert finished.code not in admin.get("/admin/du-lieu-ca-nhan-pakn/", {"contact": "an@example.com"}).content.decode()


def test_only_admins_handle_personal_data_requests(finished, portal):
    for user in (portal.reform, portal.moderator, portal.justice_staff, portal.editor):
        client = signed_in(user)
        assert client.get("/admin/du-lieu-ca-nhan-pakn/", {"contact": "an@example.com"}).status_code == 403
        assert client.post("/admin/du-lieu-ca-nhan-pakn/", {"contact": "an@example.com", "do": "erase"}).status_code == 403
    finished.refresh_from_db()
    assert finished.anonymised_at is None


def test_no_personal_data_reaches_the_logs(portal, client, caplog, settings):
    settings.EMAIL_BACKEND = "tests.feedback.test_privacy.FailingBackend"
    with caplog.at_level(logging.DEBUG):
        post_submission(client, website="spam")  # dropped by the spam checks
        post_submission(client)
        submission = Submission.objects.get()
        client.post("/pakn/tra-cuu/", {"code": submission.code, "proof": "0900000000"}, HTTP_ORIGIN=ORIGIN)
        workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Feedback receipt for" in logged  # the failed mail is logged, by code
    for personal in ["Nguyễn Văn An", "0912", "an@example.com", "Tổ 3", "khai sinh"]:
        assert personal not in logged


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down for an@example.com")

    def open(self):
        return True

    def close(self):
        pass
