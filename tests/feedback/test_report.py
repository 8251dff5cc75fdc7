"""The staff report (by agency, field and month, with CSV and XLSX) and the feedback figures on the public
statistics page next to the dossier figures."""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from feedback import workflow
from feedback.models import Submission
from procedures.models import ProcedureField
from procedures.reform.models import DossierStatistics
from tests import factories
from tests.feedback.conftest import post_submission

pytestmark = pytest.mark.django_db

REPORT = "/admin/bao-cao/phan-anh-kien-nghi/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def handled(portal, client):
    """Four submissions this month: two answered by the justice department (one on time, one late), one
    open past its deadline at the construction department, one rejected."""
    field = ProcedureField.objects.create(code="HT", name="Hộ tịch", slug="ho-tich")
    for n in range(4):
        post_submission(client, subject=f"Phản ánh số {n}", meta={"REMOTE_ADDR": f"10.4.0.{n}"})
    on_time, late, open_late, rejected = Submission.objects.order_by("code")
    for submission in (on_time, late):
        workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice, "field": field})
        workflow.perform(portal.justice_staff, submission, "answer", {"answer": "Trả lời đầy đủ của Sở Tư pháp."})
    Submission.objects.filter(pk=late.pk).update(answer_due=timezone.localdate() - datetime.timedelta(days=3))
    workflow.perform(portal.reform, open_late, "assign", {"agency": portal.construction})
    Submission.objects.filter(pk=open_late.pk).update(answer_due=timezone.localdate() - datetime.timedelta(days=1))
    workflow.perform(portal.reform, rejected, "reject", {"reason": "Không thuộc phạm vi."})
    return portal


def rows_of(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_report_counts_by_agency_and_downloads_as_csv_and_xlsx(handled):
    office = signed_in(handled.reform)
    page = office.get(REPORT)
    assert page.status_code == 200 and "Sở Tư pháp" in page.content.decode()
    rows = rows_of(office.get(REPORT, {"export": "csv"}))
    assert rows[0][:5] == ["Nhóm", "Tiếp nhận", "Đã trả lời", "Trả lời đúng hạn", "Tỷ lệ đúng hạn (%)"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Sở Tư pháp"] == ["2", "2", "1", "50.0", "1", "0", "0", "0"]
    assert by_label["Sở Xây dựng"] == ["1", "0", "0", "", "0", "1", "0", "0"]
    assert by_label["Chưa chuyển cơ quan"] == ["1", "0", "0", "", "0", "0", "0", "1"]
    assert by_label["Tổng cộng"][:3] == ["4", "2", "1"]
    workbook = load_workbook(io.BytesIO(b"".join(office.get(REPORT, {"export": "xlsx"}).streaming_content)))
    sheet = workbook.active
    assert sheet["A1"].value == "Nhóm" and sheet["B2"].value is not None


def test_the_report_groups_by_field_and_month_and_filters_by_agency(handled):
    office = signed_in(handled.reform)
    by_field = {row[0]: row[1] for row in rows_of(office.get(REPORT, {"theo": "field", "export": "csv"}))[1:]}
    assert by_field["Hộ tịch"] == "2" and by_field["Chưa xác định lĩnh vực"] == "2"
    month = timezone.localdate().strftime("%m/%Y")
    by_month = rows_of(office.get(REPORT, {"theo": "month", "export": "csv"}))
    assert by_month[1][:2] == [month, "4"]
    only = rows_of(office.get(REPORT, {"agency": handled.construction.pk, "export": "csv"}))
    assert [row[0] for row in only[1:]] == ["Sở Xây dựng", "Tổng cộng"]


def test_only_the_office_and_approvers_read_the_report(handled):
    for user in (handled.justice_staff, handled.editor):
        assert signed_in(user).get(REPORT).status_code == 403
    assert signed_in(handled.moderator).get(REPORT).status_code == 200


def test_the_statistics_page_shows_feedback_figures_next_to_the_dossier_figures(handled):
    today = timezone.localdate()
    record = DossierStatistics(
        period_kind="month", number=today.month, year=today.year, live=True, received_in_person=10, resolved_on_time=10
    )
    record.save()
    statistics = factories.StatisticsPageFactory(parent=handled.home)
    html = Client().get(statistics.url).content.decode()
    assert "Phản ánh, kiến nghị của người dân, doanh nghiệp – Toàn tỉnh" in html
    rows = list(csv.reader(io.StringIO(Client().get(statistics.url + "tai-ve/csv/").content.decode("utf-8-sig"))))
    title = rows.index(["Phản ánh, kiến nghị của người dân, doanh nghiệp – Toàn tỉnh"])
    assert rows[title + 1] == ["Kỳ", "Tiếp nhận", "Đã trả lời", "Trả lời đúng hạn", "Tỷ lệ đúng hạn", "Quá hạn"]
    current = next(row for row in rows[title + 2 :] if row and row[0] == today.strftime("%m/%Y"))
    assert current == [today.strftime("%m/%Y"), "4", "2", "1", "50.0", "2"]
    agency = Client().get(statistics.url, {"co_quan": "SXD"}).content.decode()
    assert "Phản ánh, kiến nghị của người dân, doanh nghiệp – Sở Xây dựng" in agency
