"""Procedure import and export in the admin, per role: upload, report, confirm, task, result."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Revision

from portal.roles import agency_role
from procedures.exchange import forms as exchange_forms
from procedures.exchange import jobs
from procedures.models import ImportStatus, ProcedureImport, ProcedurePage
from tests import factories
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db

UPLOAD = reverse("procedure_import_upload")
OWN = [{"MA": "STP", "TEN": "Sở Tư pháp"}]


def upload(client, records, name="tthc.json"):
    content = json.dumps(records, ensure_ascii=False).encode()
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content, content_type="application/json")})


@pytest.fixture
def confirm(django_capture_on_commit_callbacks):
    """Confirm the import a report page shows; its task runs once the request's transaction commits."""

    def post(client, response):
        job = ProcedureImport.objects.get(pk=response.url.rstrip("/").split("/")[-1])
        with django_capture_on_commit_callbacks(execute=True):
            return job, client.post(reverse("procedure_import_confirm", args=[job.pk]))

    return post


@pytest.fixture
def justice_editor(tree):
    return factories.UserFactory(username="canbostp", groups=[agency_role(tree.justice)])


def test_the_reform_office_imports_after_confirming_and_revisions_carry_its_name(client, tree, users, confirm):
    client.force_login(users.reform)
    response = upload(client, [national(), national("2.000001", COQUANQUANLY={"MA": "SXD", "TEN": "Sở Xây dựng"})])
    assert response.status_code == 302
    assert ProcedurePage.objects.count() == 0, "nothing is written before the confirmation"
    report = client.get(response.url)
    assert "Tệp hợp lệ, không có lỗi nào." in report.content.decode()
    assert "Xác nhận nhập 2 thủ tục" in report.content.decode()

    job, confirmed = confirm(client, response)
    assert confirmed.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.created, job.updated, job.unchanged) == (ImportStatus.DONE, 2, 0, 0)
    assert not job.file, "the uploaded file goes once the import is over"
    for page in ProcedurePage.objects.all():
        assert page.live
        assert page.latest_revision.user == users.reform
    assert Revision.objects.filter(user=users.reform).count() >= 2
    again = client.post(reverse("procedure_import_confirm", args=[job.pk]))
    assert again.status_code == 409, "a second confirmation queues nothing"
    assert "không thể xác nhận nữa" in again.content.decode()
    result = client.get(reverse("procedure_import", args=[job.pk])).content.decode()
    assert "Đã nhập xong: 2 thủ tục mới, 0 thủ tục cập nhật, 0 thủ tục không đổi." in result
    status = client.get(reverse("procedure_import_status", args=[job.pk])).json()
    assert status == {"status": "done", "label": "Đã nhập xong", "finished": True, "processed": 2, "valid": 2}


def test_an_invalid_file_writes_nothing_and_shows_every_problem(client, tree, users, confirm):
    client.force_login(users.admin)
    bad_fee = national("2.000002")
    bad_fee["CACHTHUCTHUCHIEN"][0]["PHILEPHI"][0]["SOTIEN"] = "hai nghìn"
    response = upload(client, [national("2.000003", MUCDODVC="MUCDO4"), bad_fee], name="loi.json")
    page = client.get(response.url).content.decode()
    assert ProcedurePage.objects.count() == 0
    assert "Tệp có 2 lỗi ở 2 dòng. Chưa thủ tục nào được ghi." in page
    assert "<td>loi.json</td><td>-</td><td>1</td><td>MUCDODVC</td><td>chỉ nhận TOANTRINH, MOTPHAN hoặc để trống</td>" in page
    assert "<td>2</td><td>CACHTHUCTHUCHIEN[1].PHILEPHI[1].SOTIEN</td><td>không phải số: &#x27;hai nghìn&#x27;</td>" in page
    assert "/xac-nhan/" not in page, "nothing valid, nothing to confirm"
    _job, refused = confirm(client, response)
    assert refused.status_code == 409
    assert ProcedurePage.objects.count() == 0


def test_the_report_of_a_flat_file_names_sheet_row_and_column(client, tree, users, tmp_path):
    from procedures.exchange.importer import export_file, import_file

    client.force_login(users.admin)
    source = tmp_path / "src.json"
    source.write_text(json.dumps([national()], ensure_ascii=False), encoding="utf-8")
    import_file(source, tree.procedures)
    path = tmp_path / "mau.xlsx"
    export_file(path)
    ProcedurePage.objects.all().delete()
    workbook = load_workbook(path)
    workbook["thu_tuc"].cell(row=2, column=2, value="")
    workbook.save(path)
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("mau.xlsx", path.read_bytes())})
    page = client.get(response.url).content.decode()
    assert "<td>mau.xlsx</td><td>thu_tuc</td><td>2</td><td>ten</td><td>bắt buộc, đang để trống</td>" in page


def test_a_department_editor_imports_only_into_their_own_agency(client, tree, justice_editor, confirm):
    client.force_login(justice_editor)
    other = national("2.000005", COQUANQUANLY={"MA": "SXD", "TEN": "Sở Xây dựng"}, COQUANTHUCHIEN=OWN)
    unknown = national("2.000006", COQUANTHUCHIEN=[{"MA": "UBND-XA", "TEN": "UBND cấp xã"}])
    response = upload(client, [national(COQUANTHUCHIEN=OWN), other, unknown])
    page = client.get(response.url).content.decode()
    assert "<td>2</td><td>COQUANQUANLY</td><td>thủ tục của cơ quan SXD; bạn chỉ được nhập thủ tục của STP</td>" in page
    assert "cơ quan thực hiện chưa có trên cổng: UBND-XA" in page
    assert "Chỉ nhập các thủ tục hợp lệ" in page

    job, _response = confirm(client, response)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.created == 1
    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["1.001193"]
    assert ProcedurePage.objects.get().get_parent().specific == tree.justice
    assert ProcedurePage.objects.get().latest_revision.user == justice_editor
    assert not ProcedurePage.objects.filter(code__in=["2.000005", "2.000006"]).exists()


def test_a_department_editor_cannot_take_over_another_agencys_procedure(client, tree, justice_editor, confirm):
    factories.ProcedurePageFactory(parent=tree.construction, code="1.001193", title="Cấp phép xây dựng")
    client.force_login(justice_editor)
    response = upload(client, [national(COQUANTHUCHIEN=OWN)])
    page = client.get(response.url).content.decode()
    assert "mã 1.001193 đã có ở cơ quan SXD; bạn chỉ được sửa thủ tục của STP" in page
    _job, refused = confirm(client, response)
    assert refused.status_code == 409
    procedure = ProcedurePage.objects.get(code="1.001193")
    assert procedure.title == "Cấp phép xây dựng" and procedure.get_parent().specific == tree.construction


def test_another_agencys_editor_cannot_see_an_import(client, tree, justice_editor):
    client.force_login(justice_editor)
    response = upload(client, [national(COQUANTHUCHIEN=OWN)])
    construction_editor = factories.UserFactory(groups=[agency_role(tree.construction)])
    client.force_login(construction_editor)
    assert client.get(response.url).status_code == 403
    job = ProcedureImport.objects.get()
    assert client.post(reverse("procedure_import_confirm", args=[job.pk])).status_code == 403
    assert ProcedurePage.objects.count() == 0


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_without_an_agency_get_403(client, tree, users, role):
    client.force_login(getattr(users, role))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, [national()]).status_code == 403
    assert client.get(reverse("procedure_export"), {"agency": tree.justice.pk, "format": "json"}).status_code == 403
    assert ProcedureImport.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login(client, tree):
    assert client.get(UPLOAD).status_code == 302
    response = upload(client, [national()])
    assert response.status_code == 302 and "/login/" in response.url
    assert ProcedureImport.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tthc.doc", b"x", "Chỉ nhận tệp .json, .xlsx hoặc .zip"),
        ("tthc.zip", b"PK\x03\x04 not really a zip", "tthc.zip"),
        ("tthc.xlsx", b"not a workbook", "tthc.xlsx"),
        ("tthc.json", b"{not json", "không phải JSON hợp lệ"),
        ("tthc.json", b"[" * 100_000 + b"]" * 100_000, "lồng nhau quá sâu"),
        ("t" * 300 + ".json", b"[]", "Tên tệp chỉ được có tối đa 200 ký tự"),
    ],
)
def test_bad_uploads_get_a_vietnamese_message_and_a_400(client, tree, users, name, content, message):
    client.force_login(users.reform)
    response = client.post(UPLOAD, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ProcedureImport.objects.count() == 0


def test_a_post_without_a_file_asks_for_one(client, tree, users):
    client.force_login(users.reform)
    response = client.post(UPLOAD, {})
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()


def test_a_file_over_the_limit_is_refused(client, tree, users, monkeypatch):
    monkeypatch.setattr(exchange_forms, "MAX_UPLOAD_BYTES", 100)
    client.force_login(users.reform)
    response = upload(client, [national()])
    assert response.status_code == 400
    assert "quá giới hạn 100 byte" in response.content.decode()


def test_the_menu_shows_import_to_those_who_may(client, tree, users, justice_editor):
    for user, shown in ((users.reform, True), (justice_editor, True), (users.editor, False)):
        client.force_login(user)
        assert (UPLOAD in client.get("/admin/").content.decode()) is shown


def _exported(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [record["MATTHC"] for record in json.loads(content)]


@pytest.fixture
def catalogue(tree):
    factories.ProcedurePageFactory(parent=tree.justice, code="1.000001")
    factories.ProcedurePageFactory(parent=tree.construction, code="1.000002")


def test_export_per_role(client, tree, users, justice_editor, catalogue):
    export = reverse("procedure_export")
    client.force_login(users.admin)
    assert _exported(client.get(export, {"agency": "", "format": "json"})) == ["1.000001", "1.000002"]
    client.force_login(users.reform)
    assert _exported(client.get(export, {"agency": tree.construction.pk, "format": "json"})) == ["1.000002"]

    client.force_login(justice_editor)
    assert _exported(client.get(export, {"agency": tree.justice.pk, "format": "json"})) == ["1.000001"]
    assert client.get(export, {"agency": tree.construction.pk, "format": "json"}).status_code == 400
    assert client.get(export, {"agency": "", "format": "json"}).status_code == 400

    workbook = client.get(export, {"agency": tree.justice.pk, "format": "xlsx"})
    assert workbook["Content-Disposition"] == 'attachment; filename="thu-tuc-so-tu-phap.xlsx"'
    assert load_workbook(io.BytesIO(workbook.content))["thu_tuc"].cell(row=2, column=1).value == "1.000001"
    archive = zipfile.ZipFile(io.BytesIO(client.get(export, {"agency": tree.justice.pk, "format": "zip"}).content))
    assert "thu_tuc.csv" in archive.namelist()


def test_the_page_listing_offers_export_to_those_who_may(client, tree, users, justice_editor):
    """The reform office exports from the import page (it does not browse agencies' pages)."""
    export = reverse("procedure_export")
    own = f"{export}?agency={tree.justice.pk}&amp;format=xlsx"
    other = f"{export}?agency={tree.construction.pk}&amp;format=xlsx"
    whole = f"{export}?agency=&amp;format=xlsx"

    def listing(page):
        return client.get(reverse("wagtailadmin_explore", args=[page.pk])).content.decode()

    client.force_login(justice_editor)
    assert own in listing(tree.justice)
    assert whole not in listing(tree.justice)
    client.force_login(users.admin)
    assert other in listing(tree.construction)
    assert whole in listing(tree.procedures) and "Xuất toàn bộ thủ tục (XLSX)" in listing(tree.procedures)


def test_with_the_database_queue_the_import_waits_for_the_worker_and_the_page_shows_progress(
    client, tree, users, settings, monkeypatch, confirm
):
    from django_tasks_db.models import DBTaskResult

    from tests.search.test_background import Queue

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queue = Queue(monkeypatch)
    notes = []
    monkeypatch.setattr(jobs, "PROGRESS_EVERY", 1)
    real_set = jobs.cache.set
    monkeypatch.setattr(jobs.cache, "set", lambda key, value, *args: notes.append(value) or real_set(key, value, *args))

    client.force_login(users.reform)
    job, _response = confirm(client, upload(client, [national(), national("2.000001")]))
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED and ProcedurePage.objects.count() == 0
    assert DBTaskResult.objects.filter(status="READY", task_path="procedures.exchange.tasks.import_procedures").count() == 1
    waiting = client.get(reverse("procedure_import", args=[job.pk])).content.decode()
    assert f'data-url="{reverse("procedure_import_status", args=[job.pk])}"' in waiting and "<progress" in waiting
    assert client.get(reverse("procedure_import_status", args=[job.pk])).json()["finished"] is False

    queue.run()
    job.refresh_from_db()
    assert (job.status, job.created) == (ImportStatus.DONE, 2)
    assert notes == [1, 2], "the worker notes each record written for the page to poll"
    assert ProcedurePage.objects.count() == 2


def test_an_import_number_out_of_range_is_not_found(client, tree, users):
    client.force_login(users.reform)
    for name in ("procedure_import", "procedure_import_status", "procedure_import_confirm"):
        assert client.get(reverse(name, args=[10**30])).status_code == 404
    response = client.get(reverse("procedure_export"), {"agency": "\x00" + "9" * 40, "format": "json"})
    assert response.status_code == 400
