import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from wagtail.models import Revision

from procedures.exchange.flat import PROCEDURE_COLUMNS
from procedures.exchange.importer import export_records, import_file
from procedures.models import AgencyPage, ProcedureField, ProcedurePage
from tests import factories
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db


def test_json_import_creates_the_record_and_what_it_names(tree, write_json):
    path = write_json(
        [national(), national("2.000001", TENTTHC="Cấp Phiếu lý lịch tư pháp", CAPTHUCHIEN=[{"MA": "TINH", "TEN": "Cấp Tỉnh"}])]
    )
    result = import_file(path, tree.procedures)
    assert (result.created, result.updated, result.unchanged, result.problems) == (2, 0, 0, [])

    page = ProcedurePage.objects.get(code="1.001193")
    assert page.live and page.get_parent().specific.short_name == "STP"
    assert [s.title for s in page.steps.all()] == ["Nộp hồ sơ", "Trả kết quả"]
    assert next((c.channel, c.time_amount, c.time_description) for c in page.channels.all()) == (
        "in_person",
        1,
        "Trong ngày nếu nộp trước 15 giờ",
    )
    assert [d.name for d in page.dossier.all()] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert page.online_level == "full" and page.inter_agency and not page.four_on_the_spot
    assert list(page.fields.values_list("name", flat=True)) == ["Hộ tịch"]
    assert AgencyPage.objects.filter(short_name="UBND-XA").exists(), "implementing agencies are created on first sight"
    assert page.latest_revision is not None


def test_an_invalid_record_imports_nothing_and_is_reported(tree, write_json):
    bad_fee = national("2.000002")
    bad_fee["CACHTHUCTHUCHIEN"][0]["PHILEPHI"][0]["SOTIEN"] = "hai nghìn"
    path = write_json([national(), national("2.000003", MUCDODVC="MUCDO4"), bad_fee, national("", TENTTHC="Không mã")])
    result = import_file(path, tree.procedures)
    assert result.written == 0
    assert ProcedurePage.objects.count() == 0
    report = [str(p) for p in result.problems]
    assert report == [
        "tthc.json dòng 2, cột MUCDODVC: chỉ nhận TOANTRINH, MOTPHAN hoặc để trống",
        "tthc.json dòng 3, cột CACHTHUCTHUCHIEN[1].PHILEPHI[1].SOTIEN: không phải số: 'hai nghìn'",
        "tthc.json dòng 4, cột MATTHC: bắt buộc, đang để trống",
    ]


def test_skip_invalid_imports_the_valid_records(tree, write_json):
    path = write_json([national(), national("2.000003", TENTTHC="")])
    result = import_file(path, tree.procedures, skip_invalid=True)
    assert result.created == 1 and len(result.problems) == 1
    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["1.001193"]


def test_rerun_changes_nothing_and_changes_make_revisions(tree, write_json):
    path = write_json([national()])
    import_file(path, tree.procedures)
    revisions = Revision.objects.count()
    again = import_file(path, tree.procedures)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert Revision.objects.count() == revisions

    editor = factories.UserFactory(username="canbo")
    changed = write_json([national(TENTTHC="Đăng ký khai sinh (sửa)")])
    result = import_file(changed, tree.procedures, user=editor)
    assert result.updated == 1
    page = ProcedurePage.objects.get(code="1.001193")
    assert page.title == "Đăng ký khai sinh (sửa)"
    assert page.latest_revision.user == editor
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2


def test_duplicate_codes_and_unknown_related_procedures_are_refused(tree, write_json):
    path = write_json([national(), national(), national("2.000009", THUTUCLIENQUAN=["9.999999"])])
    result = import_file(path, tree.procedures)
    assert [p.column for p in result.problems] == ["MATTHC", "THUTUCLIENQUAN"]
    assert ProcedurePage.objects.count() == 0


def test_related_procedures_may_point_forward_in_the_file(tree, write_json):
    path = write_json([national(THUTUCLIENQUAN=["2.000010"]), national("2.000010", TENTTHC="Đăng ký thường trú")])
    import_file(path, tree.procedures)
    page = ProcedurePage.objects.get(code="1.001193")
    assert [link.procedure.code for link in page.related_links.all()] == ["2.000010"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "không phải JSON hợp lệ"), ('{"a": 1}', "phải chứa một danh sách thủ tục")],
)
def test_unreadable_files_import_nothing(tree, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_procedures", str(path))


def test_unknown_format_is_refused(tree, tmp_path):
    path = tmp_path / "x.doc"
    path.write_text("x")
    with pytest.raises(CommandError, match=r"\.json, \.xlsx hoặc \.zip"):
        call_command("import_procedures", str(path))


@pytest.mark.parametrize("suffix", ["json", "xlsx", "zip"])
def test_export_then_import_round_trips_without_change(tree, write_json, tmp_path, suffix):
    import_file(
        write_json([national(), national("2.000010", TENTTHC="Đăng ký thường trú", BONTAICHO=True, MUCDODVC="")]), tree.procedures
    )
    before = export_records()
    path = tmp_path / f"export.{suffix}"
    call_command("export_procedures", str(path))
    result = import_file(path, tree.procedures)
    assert (result.created, result.updated, result.unchanged, result.problems) == (0, 0, 2, [])
    assert export_records() == before


def test_flat_template_errors_point_at_sheet_row_and_column(tree, tmp_path, write_json):
    import_file(write_json([national()]), tree.procedures)
    path = tmp_path / "mau.xlsx"
    call_command("export_procedures", str(path))
    ProcedurePage.objects.all().delete()
    workbook = load_workbook(path)
    workbook["thu_tuc"].cell(row=2, column=2, value="")
    workbook.save(path)
    result = import_file(path, tree.procedures)
    assert [str(p) for p in result.problems] == ["mau.xlsx [thu_tuc] dòng 2, cột ten: bắt buộc, đang để trống"]
    workbook["thu_tuc"].cell(row=2, column=2, value="Đăng ký khai sinh")
    channels = workbook["cach_thuc"]
    header = [c.value for c in channels[1]]
    channels.cell(row=3, column=header.index("le_phi") + 1, value="mười nghìn")
    workbook.save(path)
    result = import_file(path, tree.procedures)
    assert [str(p) for p in result.problems] == ["mau.xlsx [cach_thuc] dòng 3, cột le_phi: không phải số: 'mười nghìn'"]
    assert ProcedurePage.objects.count() == 0


def test_zip_of_csv_needs_every_table(tree, tmp_path):
    path = tmp_path / "thieu.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("thu_tuc.csv", ",".join(PROCEDURE_COLUMNS) + "\n")
    with pytest.raises(CommandError, match=r"thiếu cach_thuc\.csv"):
        call_command("import_procedures", str(path))


def test_command_reports_and_refuses_by_default(tree, write_json, capsys):
    path = write_json([national(), national("2.000003", TENTTHC="")])
    with pytest.raises(CommandError, match="không nhập thủ tục nào"):
        call_command("import_procedures", str(path))
    assert "tthc.json dòng 2, cột TENTTHC: bắt buộc" in capsys.readouterr().err
    assert ProcedurePage.objects.count() == 0


def test_exported_json_is_the_national_structure(tree, write_json, tmp_path):
    import_file(write_json([national()]), tree.procedures)
    path = tmp_path / "out.json"
    call_command("export_procedures", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data[0]["MATTHC"] == "1.001193" and data[0]["CACHTHUCTHUCHIEN"][0]["KENH"] == 1
    assert data[0]["LINHVUCTHUCHIEN"] == [{"MA": "HT", "TEN": "Hộ tịch"}]
    assert ProcedureField.objects.count() == 1
