"""The dashboard's tables as CSV (one block per table) and XLSX (one sheet per table)."""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

NUMBER_FORMATS = {"count": "#,##0", "percent": "0.0", "points": "0.00", "rank": "0"}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _value(value):
    """Numbers stay numbers; text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, Decimal):
        return float(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_csv(tables):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for position, table in enumerate(tables):
        if position:
            writer.writerow([])
        writer.writerow([_value(table.title)])
        writer.writerow([column.label for column in table.columns])
        writer.writerows([_value(v) for v in row] for row in table.rows)
        if table.note:
            writer.writerow([table.note])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"


def as_xlsx(tables):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.key[:31])
        sheet.append([_value(table.title)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([column.label for column in table.columns])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_value(v) for v in row])
            for cell, column in zip(sheet[sheet.max_row], table.columns, strict=False):
                if column.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[column.kind]
        if table.note:
            sheet.append([table.note])
        sheet.column_dimensions["A"].width = 40
    if not workbook.sheetnames:
        workbook.create_sheet("trong")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


FORMATS = {"csv": as_csv, "xlsx": as_xlsx}
