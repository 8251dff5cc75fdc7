"""Spreadsheets the portal reads and writes (CSV in UTF-8, XLSX): one formula rule, one set of limits.

Written cells: text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) is written as text, never as a formula: in CSV it gets a leading apostrophe, in XLSX it is a
text cell with Excel's "quote prefix". Text that starts with an apostrophe gets one more, so reading a
CSV back (`read_csv` drops one apostrophe in front of those characters) returns what was written (both
readers strip the spaces around a cell, as every importer does).

Read files are streamed with limits on the unpacked size, the rows and the characters of a cell; a
file over a limit is refused with a Vietnamese message before it can fill the memory.

openpyxl is imported when a spreadsheet is read or written, not when a web worker starts: few
requests need it, and it is a large part of a worker's memory.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
MAX_CELL = 32_767  # what one Excel cell holds
CHUNK = 64 * 1024


class TabularError(Exception):
    """The file as a whole cannot be read; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Limits:
    """Caps for one file: characters of unpacked text (all members or sheets together), rows per table, characters per cell."""

    unpacked_bytes: int = 32 * 1024 * 1024
    rows: int = 100_000
    cell: int = MAX_CELL


def _n(value):
    return number_format(value, force_grouping=True)


# Writing


def text_cell(value):
    """The text written for `value` in a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def csv_bytes(rows):
    """UTF-8 with a byte order mark, so that Excel reads Vietnamese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([text_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


class Echo:
    def write(self, value):
        return value


def csv_lines(rows):
    """The lines of a CSV file one by one (for streaming responses), byte order mark first."""
    writer = csv.writer(Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([text_cell(value) for value in row])


def _sheet_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def append_row(sheet, values, bold=False, number_formats=()):
    """Append one row; text is never a formula, numbers keep their format (`number_formats` by column)."""
    sheet.append([_sheet_value(value) for value in values])
    for cell, fmt in zip(sheet[sheet.max_row], [*number_formats, *[None] * len(values)], strict=False):
        if isinstance(cell.value, str) and cell.value.startswith((*FORMULA_STARTS, QUOTE)):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            from openpyxl.styles import Font

            cell.font = Font(bold=True)
        if fmt and isinstance(cell.value, int | float):
            cell.number_format = fmt


def workbook():
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def add_sheet(book, title, header, rows, width=None):
    sheet = book.create_sheet(title[:31])
    if header:
        append_row(sheet, header, bold=True)
    for row in rows:
        append_row(sheet, row)
    if width:
        sheet.column_dimensions["A"].width = width
    return sheet


def xlsx_bytes(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Reading


def text_value(value):
    """A cell as text: whole numbers without ".0", dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _unquote(text):
    if text.startswith(QUOTE) and text[1:2] and text[1] in (*FORMULA_STARTS, QUOTE):
        return text[1:]
    return text


class _Capped(io.RawIOBase):
    """A binary stream that refuses to yield more than `limit` bytes in all (shared by the members of one archive)."""

    def __init__(self, stream, budget, name):
        self.stream, self.budget, self.name = stream, budget, name

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.stream.read(min(len(buffer), CHUNK))
        self.budget["left"] -= len(data)
        if self.budget["left"] < 0:
            raise TabularError(
                _("%(name)s: dữ liệu giải nén vượt quá %(limit)s byte; hãy chia nhỏ tệp.")
                % {"name": self.name, "limit": _n(self.budget["limit"])}
            )
        buffer[: len(data)] = data
        return len(data)


def _budget(limits):
    return {"left": limits.unpacked_bytes, "limit": limits.unpacked_bytes}


def _check_cells(name, number, row, limits):
    for position, value in enumerate(row, start=1):
        if len(value) > limits.cell:
            raise TabularError(
                _("%(name)s, dòng %(row)s, cột %(column)s: ô dài %(length)s ký tự, quá giới hạn %(limit)s.")
                % {"name": name, "row": number, "column": position, "length": _n(len(value)), "limit": _n(limits.cell)}
            )


def _too_many_rows(name, limits):
    return TabularError(_("%(name)s có quá %(limit)s dòng dữ liệu; hãy chia nhỏ tệp.") % {"name": name, "limit": _n(limits.rows)})


def read_csv(stream, name, limits=Limits(), budget=None):
    """[[text]] of a UTF-8 CSV (header first) read from a binary stream within `limits`."""
    budget = budget if budget is not None else _budget(limits)
    text = io.TextIOWrapper(io.BufferedReader(_Capped(stream, budget, name)), encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    rows, filled, done = [], 0, 0  # done: the last line of the last record read
    try:
        for row in reader:
            row = [_unquote(value.strip()).strip() for value in row]
            _check_cells(name, done + 1, row, limits)
            filled += any(row)
            if filled > limits.rows + 1:  # the header and `limits.rows` rows of data
                raise _too_many_rows(name, limits)
            rows.append(row)
            done = reader.line_num
    except UnicodeDecodeError as exc:
        raise TabularError(_("%(name)s không phải văn bản UTF-8.") % {"name": name}) from exc
    except csv.Error as exc:
        raise TabularError(
            _("%(name)s, dòng %(row)s: ô dài quá giới hạn hoặc sai định dạng CSV.") % {"name": name, "row": done + 1}
        ) from exc
    return rows


def _open_archive(file, name, limits):
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as exc:
        raise TabularError(_("Không đọc được tệp %(name)s: không phải tệp XLSX/ZIP hợp lệ.") % {"name": name}) from exc
    declared = sum(member.file_size for member in archive.infolist())
    if declared > limits.unpacked_bytes:
        archive.close()
        raise TabularError(
            _("%(name)s giải nén ra %(size)s byte, quá giới hạn %(limit)s byte; hãy chia nhỏ tệp.")
            % {"name": name, "size": _n(declared), "limit": _n(limits.unpacked_bytes)}
        )
    return archive


def read_zip(file, name, members, limits=Limits()):
    """{member: [[text]]} for the CSV files named `members` (found in any folder of the archive)."""
    budget = _budget(limits)
    tables = {}
    with _open_archive(file, name, limits) as archive:
        names = {n.rsplit("/", 1)[-1].lower(): n for n in archive.namelist()}
        for member in members:
            if member not in names:
                raise TabularError(_("Tệp ZIP thiếu %(name)s.") % {"name": member})
            try:
                with archive.open(names[member]) as stream:
                    tables[member] = read_csv(stream, member, limits, budget)
            except zipfile.BadZipFile as exc:  # a member larger than its header says fails its CRC check
                raise TabularError(_("%(name)s trong tệp ZIP bị hỏng.") % {"name": member}) from exc
    return tables


def read_xlsx(file, name, sheets=None, limits=Limits()):
    """{sheet: [[text]]} for the named sheets (or only the first one when `sheets` is None)."""
    with _open_archive(file, name, limits):
        pass
    if hasattr(file, "seek"):
        file.seek(0)
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise TabularError(_("Không đọc được %(name)s: không phải tệp XLSX hợp lệ.") % {"name": name}) from exc
    try:
        wanted = sheets if sheets is not None else book.sheetnames[:1]
        tables = {}
        for sheet in wanted:
            if sheet not in book.sheetnames:
                raise TabularError(_("Tệp thiếu trang tính “%(sheet)s”.") % {"sheet": sheet})
            rows, filled = [], 0
            for row in book[sheet].iter_rows(values_only=True):
                row = [text_value(value) for value in row]
                _check_cells(f"{name} [{sheet}]", len(rows) + 1, row, limits)
                filled += any(row)
                if filled > limits.rows + 1:  # the header and `limits.rows` rows of data
                    raise _too_many_rows(f"{name} [{sheet}]", limits)
                rows.append(row)
            tables[sheet] = rows
        return tables
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:  # SyntaxError: XML cut short or malformed
        raise TabularError(_("Không đọc được %(name)s: tệp XLSX bị hỏng.") % {"name": name}) from exc
    finally:
        book.close()


def records(rows, required=(), sheet=""):
    """[(row number, {column: text})] below the header row, skipping empty rows; checks required columns."""
    where = _(" (bảng %(sheet)s)") % {"sheet": sheet} if sheet else ""
    if not rows:
        raise TabularError(_("Thiếu dòng tiêu đề%(where)s.") % {"where": where})
    header = [value.strip().lower() for value in rows[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise TabularError(_("Thiếu cột%(where)s: %(columns)s.") % {"where": where, "columns": ", ".join(missing)})
    result = []
    for number, row in enumerate(rows[1:], start=2):
        values = {header[i]: value for i, value in enumerate(row) if i < len(header)}
        if any(values.values()):
            result.append((number, values))
    return result
