"""The flat template: four tables keyed by procedure code, as an XLSX workbook or a ZIP of CSV files.

Sheet "thu_tuc" holds one row per procedure; "cach_thuc", "ho_so" and "trinh_tu" hold its channels,
dossier documents and steps. Lists inside a cell are one item per line; coded items are "MÃ: Tên".
"""

import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from portal import tabular
from procedures.exchange.records import CHANNEL_NUMBERS, ONLINE_NAMES, InvalidRecord, Parsed, RecordError, from_national

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
# A province publishes 1,500–2,000 procedures; the demo's 156 take 0.4 MB as CSV and 0.9 MB as XLSX.
LIMITS = tabular.Limits(unpacked_bytes=32 * 1024 * 1024, rows=100_000)


class FlatFileError(Exception):
    pass


def read_tables(path, limits=None):
    """{sheet: [(row number, {column: text})]} from an .xlsx workbook or a .zip of CSV files."""
    name, limits = Path(path).name, limits or LIMITS
    try:
        if name.lower().endswith(".xlsx"):
            tables = tabular.read_xlsx(path, name, list(SHEETS), limits)
        elif name.lower().endswith(".zip"):
            tables = {
                member[: -len(".csv")]: rows
                for member, rows in tabular.read_zip(path, name, [f"{sheet}.csv" for sheet in SHEETS], limits).items()
            }
        else:
            raise FlatFileError(_("Chỉ nhận tệp .json, .xlsx hoặc .zip (gồm các tệp CSV)."))
        return {sheet: tabular.records(tables[sheet], columns, sheet) for sheet, columns in SHEETS.items()}
    except tabular.TabularError as exc:
        raise FlatFileError(str(exc)) from exc


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
    """[(row number, national dict, {national path prefix: (sheet, row)}, [RecordError])] for every procedure row,
    and [(sheet, row, RecordError)] for child rows whose procedure is not in thu_tuc."""
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
    return [(number, *_procedure(row, children)) for number, row in tables["thu_tuc"]], orphans


def _procedure(row, children):
    code = row["ma"]
    errors = []
    manager = _coded(row["co_quan_quan_ly"])
    if len(manager) > 1:
        errors.append(RecordError("co_quan_quan_ly", _("chỉ một cơ quan quản lý")))
    online = row["muc_do_dvc"].lower()
    if online not in ONLINE_WORDS:
        errors.append(RecordError("muc_do_dvc", _("chỉ nhận toan_trinh, mot_phan hoặc để trống")))
        online = ""
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
    return (
        {
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
        },
        locations,
        errors,
    )


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
    book = tabular.workbook()
    for sheet, columns in SHEETS.items():
        tabular.add_sheet(book, sheet, columns, tables[sheet])
    book.save(path)


def write_zip(tables, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet, columns in SHEETS.items():
            archive.writestr(f"{sheet}.csv", tabular.csv_bytes([columns, *tables[sheet]]))


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


def column(sheet, national):
    """The name a problem's column goes by in the file: the template's column on a sheet, else the national path."""
    return NATIONAL_TO_FLAT.get(national, national) if sheet else national


def _locate(sheet, number, column, locations):
    """Point an error at the sheet, row and column of the template rather than the national path."""
    for prefix, (child_sheet, child_number) in locations.items():
        if column.startswith(prefix + "."):
            suffix = column[len(prefix) + 1 :]
            return child_sheet, child_number, NATIONAL_TO_FLAT.get(suffix, suffix)
    head = column.split("[", 1)[0].split(".", 1)[0]
    return sheet, number, NATIONAL_TO_FLAT.get(head, column)


def parse(tables):
    """[Parsed] for the flat tables: every problem of a procedure, pointed at its sheet, row and column."""
    rows, orphans = to_national(tables)
    parsed = [Parsed(sheet, number, None, [(sheet, number, error.column, error.reason)]) for sheet, number, error in orphans]
    for number, data, locations, errors in rows:
        problems = [("thu_tuc", number, error.column, error.reason) for error in errors]
        try:
            record = from_national(data)
        except InvalidRecord as invalid:
            record = invalid.record
            problems += [(*_locate("thu_tuc", number, error.column, locations), error.reason) for error in invalid.errors]
        parsed.append(Parsed("thu_tuc", number, record, problems))
    return parsed


__all__ = [
    "CHANNEL_NUMBERS",
    "ONLINE_NAMES",
    "FlatFileError",
    "column",
    "from_national_rows",
    "parse",
    "read_tables",
    "write_xlsx",
    "write_zip",
]
