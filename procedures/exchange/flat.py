"""The flat template: four tables keyed by procedure code, as an XLSX workbook or a ZIP of CSV files.

Sheet "thu_tuc" holds one row per procedure; "cach_thuc", "ho_so" and "trinh_tu" hold its channels,
dossier documents and steps. Lists inside a cell are one item per line; coded items are "MÃ: Tên".
"""

import csv
import datetime
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from procedures.exchange.records import CHANNEL_NUMBERS, ONLINE_NAMES, RecordError, from_national

PROCEDURE_COLUMNS = [
    "ma", "ten", "loai", "co_quan_quan_ly", "linh_vuc", "cap_thuc_hien", "doi_tuong", "co_quan_thuc_hien",
    "co_quan_tham_quyen", "co_quan_phoi_hop", "dia_chi_tiep_nhan", "yeu_cau", "ket_qua", "can_cu_phap_ly",
    "muc_do_dvc", "duong_dan_dvc", "bon_tai_cho", "lien_thong", "tu_khoa", "mo_ta", "quyet_dinh_cong_bo",
    "thu_tuc_lien_quan",
]  # fmt: skip
CHANNEL_COLUMNS = [
    "ma",
    "kenh",
    "truong_hop",
    "thoi_han",
    "don_vi_thoi_han",
    "mo_ta_thoi_han",
    "le_phi",
    "don_vi_phi",
    "mo_ta_phi",
]
DOSSIER_COLUMNS = ["ma", "truong_hop", "ten_giay_to", "ban_chinh", "ban_sao", "ten_mau_don"]
STEP_COLUMNS = ["ma", "truong_hop", "buoc", "mo_ta"]
SHEETS = {"thu_tuc": PROCEDURE_COLUMNS, "cach_thuc": CHANNEL_COLUMNS, "ho_so": DOSSIER_COLUMNS, "trinh_tu": STEP_COLUMNS}
CHANNEL_WORDS = {"truc_tiep": "1", "truc_tuyen": "2", "buu_chinh": "3"}
CHANNEL_SLUGS = {"1": "truc_tiep", "2": "truc_tuyen", "3": "buu_chinh"}
ONLINE_WORDS = {"toan_trinh": "TOANTRINH", "mot_phan": "MOTPHAN", "": ""}
ONLINE_SLUGS = {"TOANTRINH": "toan_trinh", "MOTPHAN": "mot_phan", "": ""}


class FlatFileError(Exception):
    pass


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_tables(path):
    """{sheet: [(row number, {column: text})]} from an .xlsx workbook or a .zip of CSV files."""
    name = str(path).lower()
    try:
        if name.endswith(".xlsx"):
            return _read_xlsx(path)
        if name.endswith(".zip"):
            return _read_zip(path)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise FlatFileError(_("Không đọc được tệp: %(error)s") % {"error": exc}) from exc
    raise FlatFileError(_("Chỉ nhận tệp .json, .xlsx hoặc .zip (gồm các tệp CSV)."))


def _rows(header, rows, sheet):
    header = [_cell(h).lower() for h in header]
    missing = [c for c in SHEETS[sheet] if c not in header]
    if missing:
        raise FlatFileError(_("Bảng %(sheet)s thiếu cột: %(columns)s") % {"sheet": sheet, "columns": ", ".join(missing)})
    result = []
    for number, row in rows:
        values = {header[i]: _cell(v) for i, v in enumerate(row) if i < len(header)}
        if any(values.values()):
            result.append((number, values))
    return result


def _read_xlsx(path):
    workbook = load_workbook(path, read_only=True, data_only=True)
    tables = {}
    for sheet in SHEETS:
        if sheet not in workbook.sheetnames:
            raise FlatFileError(_("Tệp thiếu trang tính “%(sheet)s”.") % {"sheet": sheet})
        rows = list(workbook[sheet].iter_rows(values_only=True))
        if not rows:
            raise FlatFileError(_("Trang tính “%(sheet)s” không có dòng tiêu đề.") % {"sheet": sheet})
        tables[sheet] = _rows(rows[0], enumerate(rows[1:], start=2), sheet)
    workbook.close()
    return tables


def _read_zip(path):
    tables = {}
    with zipfile.ZipFile(path) as archive:
        names = {n.rsplit("/", 1)[-1].lower(): n for n in archive.namelist()}
        for sheet in SHEETS:
            member = names.get(f"{sheet}.csv")
            if member is None:
                raise FlatFileError(_("Tệp ZIP thiếu %(name)s.") % {"name": f"{sheet}.csv"})
            try:
                content = archive.read(member).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise FlatFileError(_("%(name)s không phải UTF-8.") % {"name": f"{sheet}.csv"}) from exc
            reader = list(csv.reader(io.StringIO(content)))
            if not reader:
                raise FlatFileError(_("%(name)s không có dòng tiêu đề.") % {"name": f"{sheet}.csv"})
            tables[sheet] = _rows(reader[0], enumerate(reader[1:], start=2), sheet)
    return tables


def _coded(cell):
    items = []
    for line in cell.splitlines():
        if line.strip():
            code, _sep, name = line.partition(":")
            items.append({"MA": code.strip(), "TEN": name.strip()})
    return items


def _lines(cell):
    return [line.strip() for line in cell.splitlines() if line.strip()]


def to_national(tables):
    """[(sheet, row number, national dict or RecordError)] for every procedure row."""
    children = {sheet: {} for sheet in ("cach_thuc", "ho_so", "trinh_tu")}
    orphans = []
    codes = {row["ma"] for _n, row in tables["thu_tuc"]}
    for sheet in children:
        for number, row in tables[sheet]:
            if row["ma"] not in codes:
                orphans.append(
                    (sheet, number, RecordError("ma", _("mã thủ tục %(code)r không có trong bảng thu_tuc") % {"code": row["ma"]}))
                )
            children[sheet].setdefault(row["ma"], []).append((number, row))
    results = [(sheet, number, error, {}) for sheet, number, error in orphans]
    for number, row in tables["thu_tuc"]:
        try:
            locations, data = _procedure(row, children)
        except RecordError as exc:
            results.append(("thu_tuc", number, exc, {}))
            continue
        results.append(("thu_tuc", number, data, locations))
    return results


def _procedure(row, children):
    code = row["ma"]
    manager = _coded(row["co_quan_quan_ly"])
    if len(manager) > 1:
        raise RecordError("co_quan_quan_ly", _("chỉ một cơ quan quản lý"))
    online = row["muc_do_dvc"].lower()
    if online not in ONLINE_WORDS:
        raise RecordError("muc_do_dvc", _("chỉ nhận toan_trinh, mot_phan hoặc để trống"))
    legal = []
    for line in _lines(row["can_cu_phap_ly"]):
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (4 - len(parts))
        legal.append({"SOVANBAN": parts[0], "TENVANBAN": parts[1], "NGAYBANHANH": parts[2], "COQUANBANHANH": parts[3]})
    channels, locations = [], {}
    for number, ch in children["cach_thuc"].get(code, []):
        locations[f"CACHTHUCTHUCHIEN[{len(channels) + 1}]"] = ("cach_thuc", number)
        kind = CHANNEL_WORDS.get(ch["kenh"].lower(), ch["kenh"])
        channels.append(
            {
                "KENH": kind,
                "TRUONGHOP": ch["truong_hop"],
                "THOIGIAN": [{"SOLUONG": ch["thoi_han"], "DONVI": ch["don_vi_thoi_han"], "MOTA": ch["mo_ta_thoi_han"]}],
                "PHILEPHI": [{"SOTIEN": ch["le_phi"], "DONVI": ch["don_vi_phi"], "MOTA": ch["mo_ta_phi"]}],
            }
        )
    dossier, steps = {}, {}
    for number, d in children["ho_so"].get(code, []):
        dossier.setdefault(d["truong_hop"], []).append(
            (
                {
                    "TENGIAYTO": d["ten_giay_to"],
                    "SOBANCHINH": d["ban_chinh"],
                    "SOBANSAO": d["ban_sao"],
                    "TENMAUDON": d["ten_mau_don"],
                },
                number,
            )
        )
    for number, s in children["trinh_tu"].get(code, []):
        steps.setdefault(s["truong_hop"], []).append(({"TENBUOC": s["buoc"], "MOTA": s["mo_ta"]}, number))
    for key, sheet, item_key, groups in (
        ("THANHPHANHOSO", "ho_so", "GIAYTO", dossier),
        ("TRINHTUTHUCHIEN", "trinh_tu", "BUOC", steps),
    ):
        for g, items in enumerate(groups.values(), start=1):
            for i, (_item, number) in enumerate(items, start=1):
                locations[f"{key}[{g}].{item_key}[{i}]"] = (sheet, number)
    return locations, {
        "MATTHC": code,
        "TENTTHC": row["ten"],
        "LOAITTHC": row["loai"],
        "COQUANQUANLY": manager[0] if manager else None,
        "LINHVUCTHUCHIEN": _coded(row["linh_vuc"]),
        "CAPTHUCHIEN": _coded(row["cap_thuc_hien"]),
        "DOITUONGTHUCHIEN": _coded(row["doi_tuong"]),
        "COQUANTHUCHIEN": _coded(row["co_quan_thuc_hien"]),
        "COQUANCOTHAMQUYEN": row["co_quan_tham_quyen"],
        "COQUANPHOIHOP": row["co_quan_phoi_hop"],
        "DIACHITIEPNHAN": row["dia_chi_tiep_nhan"],
        "YEUCAU": row["yeu_cau"],
        "KETQUATHUCHIEN": [{"TENKETQUA": r} for r in _lines(row["ket_qua"])],
        "CANCUPHAPLY": legal,
        "MUCDODVC": ONLINE_WORDS[online],
        "DUONGDANDVC": row["duong_dan_dvc"],
        "BONTAICHO": row["bon_tai_cho"],
        "LIENTHONG": row["lien_thong"],
        "TUKHOA": row["tu_khoa"],
        "MOTA": row["mo_ta"],
        "QUYETDINHCONGBO": row["quyet_dinh_cong_bo"],
        "THUTUCLIENQUAN": _lines(row["thu_tuc_lien_quan"]),
        "TRINHTUTHUCHIEN": [{"TRUONGHOP": c, "BUOC": [item for item, _n in items]} for c, items in steps.items()],
        "THANHPHANHOSO": [{"TRUONGHOP": c, "GIAYTO": [item for item, _n in items]} for c, items in dossier.items()],
        "CACHTHUCTHUCHIEN": channels,
    }


def from_national_rows(records):
    """The four tables for a list of national dicts (as `records.to_national` writes them)."""
    tables = {sheet: [] for sheet in SHEETS}
    for r in records:
        code = r["MATTHC"]
        manager = r["COQUANQUANLY"]
        tables["thu_tuc"].append(
            [
                code, r["TENTTHC"], r["LOAITTHC"], f"{manager['MA']}: {manager['TEN']}",
                "\n".join(f"{x['MA']}: {x['TEN']}" for x in r["LINHVUCTHUCHIEN"]),
                "\n".join(f"{x['MA']}: {x['TEN']}" for x in r["CAPTHUCHIEN"]),
                "\n".join(f"{x['MA']}: {x['TEN']}" for x in r["DOITUONGTHUCHIEN"]),
                "\n".join(f"{x['MA']}: {x['TEN']}" for x in r["COQUANTHUCHIEN"]),
                r["COQUANCOTHAMQUYEN"], r["COQUANPHOIHOP"], r["DIACHITIEPNHAN"], r["YEUCAU"],
                "\n".join(x["TENKETQUA"] for x in r["KETQUATHUCHIEN"]),
                "\n".join(" | ".join([b["SOVANBAN"], b["TENVANBAN"], b["NGAYBANHANH"], b["COQUANBANHANH"]]) for b in r["CANCUPHAPLY"]),
                ONLINE_SLUGS[r["MUCDODVC"]], r["DUONGDANDVC"], "có" if r["BONTAICHO"] else "không",
                "có" if r["LIENTHONG"] else "không", r["TUKHOA"], r["MOTA"], r["QUYETDINHCONGBO"],
                "\n".join(r["THUTUCLIENQUAN"]),
            ]
        )  # fmt: skip
        for ch in r["CACHTHUCTHUCHIEN"]:
            time, fee = ch["THOIGIAN"][0], ch["PHILEPHI"][0]
            tables["cach_thuc"].append(
                [code, CHANNEL_SLUGS[str(ch["KENH"])], ch["TRUONGHOP"], "" if time["SOLUONG"] is None else str(time["SOLUONG"]),
                 time["DONVI"], time["MOTA"], "" if fee["SOTIEN"] is None else str(fee["SOTIEN"]), fee["DONVI"], fee["MOTA"]]
            )  # fmt: skip
        for group in r["THANHPHANHOSO"]:
            for d in group["GIAYTO"]:
                tables["ho_so"].append(
                    [code, group["TRUONGHOP"], d["TENGIAYTO"], str(d["SOBANCHINH"]), str(d["SOBANSAO"]), d["TENMAUDON"]]
                )
        for group in r["TRINHTUTHUCHIEN"]:
            for s in group["BUOC"]:
                tables["trinh_tu"].append([code, group["TRUONGHOP"], s["TENBUOC"], s["MOTA"]])
    return tables


def write_xlsx(tables, path):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet, columns in SHEETS.items():
        ws = workbook.create_sheet(sheet)
        ws.append(columns)
        for row in tables[sheet]:
            ws.append(row)
    workbook.save(path)


def write_zip(tables, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet, columns in SHEETS.items():
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(columns)
            writer.writerows(tables[sheet])
            archive.writestr(f"{sheet}.csv", "\ufeff" + buffer.getvalue())


NATIONAL_TO_FLAT = {
    "MATTHC": "ma", "TENTTHC": "ten", "LOAITTHC": "loai", "COQUANQUANLY": "co_quan_quan_ly", "LINHVUCTHUCHIEN": "linh_vuc",
    "CAPTHUCHIEN": "cap_thuc_hien", "DOITUONGTHUCHIEN": "doi_tuong", "COQUANTHUCHIEN": "co_quan_thuc_hien",
    "KETQUATHUCHIEN": "ket_qua", "CANCUPHAPLY": "can_cu_phap_ly", "DUONGDANDVC": "duong_dan_dvc", "BONTAICHO": "bon_tai_cho",
    "LIENTHONG": "lien_thong", "TUKHOA": "tu_khoa", "QUYETDINHCONGBO": "quyet_dinh_cong_bo", "THUTUCLIENQUAN": "thu_tuc_lien_quan",
    "KENH": "kenh", "TRUONGHOP": "truong_hop", "THOIGIAN[1].SOLUONG": "thoi_han", "THOIGIAN[1].DONVI": "don_vi_thoi_han",
    "THOIGIAN[1].MOTA": "mo_ta_thoi_han", "PHILEPHI[1].SOTIEN": "le_phi", "PHILEPHI[1].DONVI": "don_vi_phi",
    "PHILEPHI[1].MOTA": "mo_ta_phi", "TENGIAYTO": "ten_giay_to", "SOBANCHINH": "ban_chinh", "SOBANSAO": "ban_sao",
    "TENMAUDON": "ten_mau_don", "TENBUOC": "buoc", "MOTA": "mo_ta",
}  # fmt: skip


def _locate(sheet, number, column, locations):
    """Point an error at the sheet, row and column of the template rather than the national path."""
    for prefix, (child_sheet, child_number) in locations.items():
        if column.startswith(prefix + "."):
            suffix = column[len(prefix) + 1 :]
            return child_sheet, child_number, NATIONAL_TO_FLAT.get(suffix, suffix)
    head = column.split("[", 1)[0].split(".", 1)[0]
    return sheet, number, NATIONAL_TO_FLAT.get(head, column)


def parse(tables):
    """[(sheet, row, column, Record | RecordError)] for the flat tables."""
    parsed = []
    for sheet, number, item, locations in to_national(tables):
        if isinstance(item, RecordError):
            parsed.append((sheet, number, item.column, item))
            continue
        try:
            parsed.append((sheet, number, "", from_national(item)))
        except RecordError as exc:
            parsed.append((*_locate(sheet, number, exc.column, locations), exc))
    return parsed


__all__ = [
    "CHANNEL_NUMBERS",
    "ONLINE_NAMES",
    "FlatFileError",
    "from_national_rows",
    "parse",
    "read_tables",
    "write_xlsx",
    "write_zip",
]
