"""Deadlines count working days: weekends, public holidays and days given in lieu are skipped, make-up
Saturdays are worked; limits come from the editable settings; overdue items are flagged and mailed daily."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback import workflow
from feedback.deadlines import WorkingCalendar, add_working_days
from feedback.models import FeedbackSettings, Holiday, Submission
from tests.feedback.conftest import post_submission

pytestmark = pytest.mark.django_db

D = datetime.date


def test_weekends_are_skipped(db):
    assert add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 9)  # Friday → Monday
    assert add_working_days(D(2026, 3, 7), 5) == D(2026, 3, 13)  # received on Saturday: counting starts Monday
    assert add_working_days(D(2026, 3, 2), 10) == D(2026, 3, 16)


def test_holidays_are_skipped_and_make_up_days_count(db):
    Holiday.objects.create(date=D(2026, 4, 30), name="Ngày Chiến thắng")
    Holiday.objects.create(date=D(2026, 5, 1), name="Quốc tế Lao động")
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 4)
    Holiday.objects.create(date=D(2026, 5, 2), name="Làm bù", working=True)
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 2)
    tet = [D(2026, 2, d) for d in range(14, 23)]
    Holiday.objects.bulk_create([Holiday(date=day, name="Tết Nguyên đán") for day in tet])
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    calendar = WorkingCalendar.around(D(2026, 2, 1))
    assert calendar.between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert calendar.between(D(2026, 2, 23), D(2026, 2, 13)) == -1


def test_deadlines_follow_the_editable_limits(portal, client):
    limits = FeedbackSettings.load()
    limits.triage_days, limits.question_days = 2, 7
    limits.save()
    post_submission(client)
    submission = Submission.objects.get()
    assert submission.triage_due == add_working_days(timezone.localdate(submission.received_at), 2)
    workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice})
    submission.refresh_from_db()
    assert submission.answer_due == add_working_days(timezone.localdate(submission.assigned_at), 7)


def test_reassigning_gives_the_new_agency_its_own_time_and_a_return_does_not(portal, client):
    post_submission(client)
    submission = Submission.objects.get()
    workflow.perform(portal.reform, submission, "assign", {"agency": portal.construction})
    Submission.objects.filter(pk=submission.pk).update(answer_due=D(2020, 1, 10))
    submission.refresh_from_db()
    workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice})
    submission.refresh_from_db()
    assert submission.answer_due > D(2026, 1, 1)
    workflow.perform(portal.justice_staff, submission, "answer", {"answer": "Trả lời chưa đủ căn cứ pháp lý."})
    due = submission.answer_due
    workflow.perform(portal.moderator, submission, "return", {"reason": "Bổ sung căn cứ."})
    submission.refresh_from_db()
    assert submission.answer_due == due


def test_overdue_items_are_flagged_and_the_daily_digest_reaches_office_and_agency(portal, client):
    for n in range(3):
        post_submission(client, subject=f"Phản ánh số {n} về khai sinh", meta={"REMOTE_ADDR": f"10.2.0.{n}"})
    late_new, late_assigned, fresh = Submission.objects.order_by("code")
    Submission.objects.filter(pk=late_new.pk).update(triage_due=D(2020, 1, 1))
    workflow.perform(portal.reform, late_assigned, "assign", {"agency": portal.justice})
    Submission.objects.filter(pk=late_assigned.pk).update(answer_due=D(2020, 1, 1))
    assert set(Submission.objects.overdue()) == {late_new, late_assigned}
    assert fresh not in Submission.objects.overdue()
    mail.outbox.clear()
    call_command("feedback_digest", stdout=io.StringIO())
    office = [m for m in mail.outbox if m.to == [portal.reform.email]]
    agency = [m for m in mail.outbox if m.to == [portal.justice_staff.email]]
    assert len(office) == 1 and late_new.code in office[0].body and late_assigned.code in office[0].body
    assert len(agency) == 1 and late_assigned.code in agency[0].body and late_new.code not in agency[0].body
    assert "Nguyễn Văn An" not in office[0].body  # no personal data in staff mail
    assert not [m for m in mail.outbox if m.to == [portal.construction_staff.email]]


def test_the_reform_office_keeps_the_limits_and_the_holiday_calendar(portal):
    from django.test import Client

    office = Client()
    office.force_login(portal.reform)
    url = office.get("/admin/settings/feedback/feedbacksettings/", follow=True).redirect_chain[-1][0]
    limits = {"triage_days": 3, "report_days": 10, "proposal_days": 20, "question_days": 10, "approval_days": 3}
    assert office.post(url, {**limits, "due_soon_days": 2, "legal_basis": "Quy chế của tỉnh"}).status_code == 302
    assert FeedbackSettings.load().triage_days == 3
    response = office.post(
        "/admin/snippets/feedback/holiday/add/", {"date": "2027-09-03", "name": "Nghỉ dịp Quốc khánh", "working": ""}
    )
    assert response.status_code == 302 and Holiday.objects.filter(date=D(2027, 9, 3)).exists()
    assert add_working_days(D(2027, 9, 2), 1) == D(2027, 9, 6)
    for user in (portal.justice_staff, portal.moderator, portal.editor):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get("/admin/snippets/feedback/holiday/add/").status_code == 403
