"""Validate a whole file, then write it: all or nothing by default, or the valid records with a report."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from procedures.exchange import flat
from procedures.exchange.records import InvalidRecord, Parsed, from_national, to_national
from procedures.exchange.store import Writer, comparable, procedures_for_export, to_record
from procedures.models import AgencyPage, ProcedurePage
from procedures.selectors import attach_agencies


class ExchangeFileError(Exception):
    """The file as a whole cannot be read; nothing is imported."""


@dataclass
class Problem:
    file: str
    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self):
        where = f"{self.file}" + (f" [{self.sheet}]" if self.sheet else "") + f" dòng {self.row}"
        return f"{where}, cột {self.column or '-'}: {self.reason}"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list = field(default_factory=list)

    @property
    def written(self):
        return self.created + self.updated

    @property
    def refused(self):
        """How many rows had a problem (a record has as many problems as it has)."""
        return len({(problem.sheet, problem.row) for problem in self.problems})


def parse_file(path):
    """[Parsed] for every record of the file; the file as a whole is checked against `flat.LIMITS` first."""
    name = Path(path).name
    if not str(path).lower().endswith(".json"):
        try:
            return flat.parse(flat.read_tables(path))
        except flat.FlatFileError as exc:
            raise ExchangeFileError(str(exc)) from exc
    try:
        size = Path(path).stat().st_size
        if size > flat.LIMITS.unpacked_bytes:
            raise ExchangeFileError(
                _("%(file)s lớn %(size)s byte, quá giới hạn %(limit)s byte; hãy chia nhỏ tệp.")
                % {"file": name, "size": number_format(size, force_grouping=True), "limit": limit(flat.LIMITS.unpacked_bytes)}
            )
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeFileError(_("%(file)s không phải JSON hợp lệ: %(error)s") % {"file": name, "error": exc}) from exc
    except RecursionError as exc:
        raise ExchangeFileError(_("%(file)s có mảng hoặc đối tượng lồng nhau quá sâu.") % {"file": name}) from exc
    if isinstance(data, dict):
        data = data.get("DANHSACHTTHC", data.get("data"))
    if not isinstance(data, list):
        raise ExchangeFileError(_("%(file)s phải chứa một danh sách thủ tục.") % {"file": name})
    if len(data) > flat.LIMITS.rows:
        raise ExchangeFileError(
            _("%(file)s có %(count)s thủ tục, quá giới hạn %(limit)s; hãy chia nhỏ tệp.")
            % {"file": name, "count": limit(len(data)), "limit": limit(flat.LIMITS.rows)}
        )
    parsed = []
    for index, item in enumerate(data, start=1):
        try:
            parsed.append(Parsed("", index, from_national(item), []))
        except InvalidRecord as invalid:
            problems = [("", index, error.column, error.reason) for error in invalid.errors]
            parsed.append(Parsed("", index, invalid.record, problems))
    return parsed


def limit(value):
    return number_format(value, force_grouping=True)


def validate(path, parsed, agencies=None):
    """(valid records, [Problem]): every problem of every record, then duplicate codes and unknown related codes;
    with `agencies` ({short name: AgencyPage}, a department editor's), also records filed under another agency."""
    name = Path(path).name
    problems = [Problem(name, *problem) for item in parsed for problem in item.problems]
    seen, readable = {}, [item for item in parsed if item.record is not None]
    failed = {id(item) for item in parsed if item.problems}
    for item in readable:
        code = item.record.code
        if not code:
            continue
        if code in seen:
            problems.append(
                Problem(
                    name,
                    item.sheet,
                    item.row,
                    "MATTHC",
                    _("mã %(code)s trùng với dòng %(row)d") % {"code": code, "row": seen[code]},
                )
            )
            failed.add(id(item))
        else:
            seen[code] = item.row
    related = {c for item in readable for c in item.record.related}
    known = set(ProcedurePage.objects.filter(code__in=related).values_list("code", flat=True)) | set(seen)
    for item in readable:
        missing = [code for code in item.record.related if code and code not in known]
        if missing:
            problems.append(
                Problem(
                    name,
                    item.sheet,
                    item.row,
                    "THUTUCLIENQUAN",
                    _("thủ tục liên quan không tồn tại: %(codes)s") % {"codes": ", ".join(missing)},
                )
            )
            failed.add(id(item))
    if agencies is not None:
        for item, column, reason in outside(readable, agencies):
            problems.append(Problem(name, item.sheet, item.row, flat.column(item.sheet, column), reason))
            failed.add(id(item))
    return [item.record for item in readable if id(item) not in failed], problems


def outside(readable, agencies):
    """(item, national column, reason) for every way a record would write outside the given agencies: filed
    under another agency, its code already filed under another one, or an implementing agency not yet made."""
    own = ", ".join(sorted(agencies))
    filed = attach_agencies(list(ProcedurePage.objects.filter(code__in=[i.record.code for i in readable]).only("code", "path")))
    elsewhere = {p.code: p.agency.short_name for p in filed if p.agency is not None and p.agency.short_name not in agencies}
    known = set(
        AgencyPage.objects.filter(short_name__in={c for i in readable for c, _n in i.record.implementing}).values_list(
            "short_name", flat=True
        )
    )
    for item in readable:
        record = item.record
        if record.agency[0] not in agencies:
            yield (
                item,
                "COQUANQUANLY",
                _("thủ tục của cơ quan %(agency)s; bạn chỉ được nhập thủ tục của %(own)s")
                % {
                    "agency": record.agency[0] or "-",
                    "own": own,
                },
            )
        if record.code in elsewhere:
            yield (
                item,
                "MATTHC",
                _("mã %(code)s đã có ở cơ quan %(agency)s; bạn chỉ được sửa thủ tục của %(own)s")
                % {
                    "code": record.code,
                    "agency": elsewhere[record.code],
                    "own": own,
                },
            )
        missing = [code for code, _n in record.implementing if code not in known]
        if missing:
            yield (
                item,
                "COQUANTHUCHIEN",
                _("cơ quan thực hiện chưa có trên cổng: %(codes)s; nhờ quản trị hoặc Văn phòng CCHC thêm trước")
                % {"codes": ", ".join(missing)},
            )


def import_file(path, index, skip_invalid=False, user=None, progress=lambda items: items, agencies=None):
    parsed = parse_file(path)
    records, problems = validate(path, parsed, agencies)
    if problems and not skip_invalid:
        return ImportResult(problems=problems)
    result = write_records(records, index, user=user, progress=progress)
    result.problems = problems
    return result


def write_records(records, index, user=None, progress=lambda items: items):
    """Upsert by code in one transaction; a record equal to what is stored is left alone."""
    result = ImportResult()
    existing = {p.code: p for p in procedures_for_export(ProcedurePage.objects.filter(code__in=[r.code for r in records]))}
    attach_agencies(list(existing.values()))
    with transaction.atomic():
        writer = Writer(index, user=user)
        pending = []
        for record in progress(records):
            page = existing.get(record.code)
            if page is not None and comparable(to_record(page)) == comparable(record):
                result.unchanged += 1
                continue
            _page, unresolved = writer.write(record, page=page.specific if page else None)
            if unresolved:
                pending.append(record)
            if page is None:
                result.created += 1
            else:
                result.updated += 1
        for record in pending:
            writer.write(record, page=ProcedurePage.objects.get(code=record.code))
    return result


def export_records(queryset=None):
    pages = attach_agencies(list(procedures_for_export(queryset)))
    return [to_national(to_record(page)) for page in pages]


def export_file(path, queryset=None):
    records = export_records(queryset)
    suffix = str(path).lower()
    if suffix.endswith(".json"):
        Path(path).write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix.endswith(".xlsx"):
        flat.write_xlsx(flat.from_national_rows(records), path)
    elif suffix.endswith(".zip"):
        flat.write_zip(flat.from_national_rows(records), path)
    else:
        raise ExchangeFileError(_("Chỉ xuất ra .json, .xlsx hoặc .zip."))
    return len(records)
