"""Bulk upload of reform figures from XLSX or CSV: every row is checked first, then all or nothing is written.

A row for an agency and period that already has figures updates them as a new revision, so a
correction keeps its history. Errors name the row, the column and the reason.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import tabular
from portal.text import unstorable
from procedures.models import AgencyPage
from procedures.reform.models import (
    DossierStatistics,
    ParIndexScore,
    Period,
    PeriodKind,
    SatisfactionSurvey,
    ServiceIndexScore,
)

PROVINCE_CODES = {"", "TINH", "TOAN_TINH", "TOÀN TỈNH"}
# A month of figures for every agency and commune of a province is a few hundred rows.
LIMITS = tabular.Limits(unpacked_bytes=20 * 1024 * 1024, rows=5000, cell=1000)
COUNT = re.compile(r"^\d{1,3}(?:[. \u00a0]\d{3})+$|^\d+$")


@dataclass(frozen=True)
class Column:
    name: str
    field: str
    help: str
    kind: str = "count"  # count | decimal


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str
    model: type
    period_column: str
    columns: tuple

    @property
    def headers(self):
        return ["co_quan", self.period_column, *(c.name for c in self.columns)]


def _counts(pairs):
    return tuple(Column(name, field, help) for name, field, help in pairs)


def _decimals(pairs):
    return tuple(Column(name, field, help, "decimal") for name, field, help in pairs)


SPECS = {
    spec.slug: spec
    for spec in (
        Spec(
            "ho-so",
            _("Số liệu hồ sơ"),
            DossierStatistics,
            "ky",
            _counts(
                [
                    ("tiep_nhan_truc_tiep", "received_in_person", _("Hồ sơ mới tiếp nhận trực tiếp")),
                    ("tiep_nhan_truc_tuyen", "received_online", _("Hồ sơ mới tiếp nhận trực tuyến")),
                    ("tiep_nhan_buu_chinh", "received_post", _("Hồ sơ mới tiếp nhận qua bưu chính")),
                    ("ky_truoc_chuyen_sang", "carried_over", _("Hồ sơ kỳ trước chuyển sang")),
                    ("giai_quyet_dung_han", "resolved_on_time", _("Đã giải quyết đúng hạn")),
                    ("giai_quyet_qua_han", "resolved_late", _("Đã giải quyết quá hạn")),
                    ("dang_giai_quyet_trong_han", "pending_on_time", _("Đang giải quyết, còn trong hạn")),
                    ("dang_giai_quyet_qua_han", "pending_overdue", _("Đang giải quyết, đã quá hạn")),
                    ("tra_lai", "returned", _("Trả lại, từ chối")),
                    ("rut_ho_so", "withdrawn", _("Công dân rút hồ sơ")),
                    ("van_ban_xin_loi", "apologies", _("Văn bản xin lỗi do trễ hạn")),
                    ("thanh_toan_truc_tuyen", "online_payments", _("Lượt thanh toán trực tuyến")),
                ]
            ),
        ),
        Spec(
            "chi-so-phuc-vu",
            _("Chỉ số phục vụ (QĐ 766)"),
            ServiceIndexScore,
            "ky",
            _decimals(
                [
                    ("cong_khai_minh_bach", "publicity", _("Công khai, minh bạch (tối đa 18)")),
                    ("tien_do_giai_quyet", "progress", _("Tiến độ, kết quả giải quyết (tối đa 20)")),
                    ("dich_vu_truc_tuyen", "online_service", _("Cung cấp dịch vụ trực tuyến (tối đa 22)")),
                    ("so_hoa_ho_so", "digitisation", _("Số hóa hồ sơ (tối đa 22)")),
                    ("muc_do_hai_long", "satisfaction", _("Mức độ hài lòng (tối đa 18)")),
                ]
            ),
        ),
        Spec(
            "sipas",
            _("Khảo sát hài lòng (SIPAS)"),
            SatisfactionSurvey,
            "nam",
            (
                Column("so_phieu", "respondents", _("Số phiếu khảo sát hợp lệ")),
                *_decimals(
                    [
                        ("tiep_can_dich_vu", "access", _("Tỷ lệ hài lòng: tiếp cận dịch vụ (%)")),
                        ("thu_tuc_hanh_chinh", "procedure", _("Tỷ lệ hài lòng: thủ tục hành chính (%)")),
                        ("cong_chuc", "officials", _("Tỷ lệ hài lòng: công chức giải quyết (%)")),
                        ("ket_qua", "results", _("Tỷ lệ hài lòng: kết quả giải quyết (%)")),
                        ("gop_y_phan_anh", "feedback", _("Tỷ lệ hài lòng: tiếp nhận, xử lý góp ý (%)")),
                    ]
                ),
            ),
        ),
        Spec(
            "par-index",
            _("Chỉ số CCHC (PAR Index)"),
            ParIndexScore,
            "nam",
            _decimals([("diem", "score", _("Điểm PAR Index (%)"))]),
        ),
    )
}


class UploadError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    published: bool = True


def read_rows(upload, spec):
    """[(row number, {header: text})] from the first sheet of an XLSX or from a UTF-8 CSV, within `LIMITS`."""
    name = upload.name or ""
    try:
        if name.lower().endswith(".xlsx"):
            rows = next(iter(tabular.read_xlsx(upload, name, limits=LIMITS).values()), [])
        elif name.lower().endswith(".csv"):
            rows = tabular.read_csv(upload, name, LIMITS)
        else:
            raise UploadError(gettext("Chỉ nhận tệp .xlsx hoặc .csv."))
        if not rows:
            raise UploadError(gettext("Tệp trống: cần dòng tiêu đề và ít nhất một dòng số liệu."))
        result = tabular.records(rows, spec.headers)
    except tabular.TabularError as exc:
        raise UploadError(str(exc)) from exc
    if not result:
        raise UploadError(gettext("Tệp không có dòng số liệu nào."))
    return result


def _parse(column, text):
    if column.kind == "count":
        if not COUNT.match(text):
            raise ValueError(gettext("“%(value)s” không phải số nguyên không âm.") % {"value": text})
        return int(re.sub(r"\D", "", text))
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(gettext("“%(value)s” không phải số.") % {"value": text}) from exc
    if not value.is_finite():
        raise ValueError(gettext("“%(value)s” không phải số.") % {"value": text})
    return value


def _period(spec, text):
    period = Period.parse(text)
    if spec.period_column == "nam" and period.kind != PeriodKind.YEAR:
        raise ValueError(gettext("Cột nam chỉ ghi năm, ví dụ 2025."))
    return period


def _lookup(spec, agency, period):
    filters = {"agency": agency, "year": period.year}
    if spec.period_column == "ky":
        filters.update(period_kind=period.kind, number=period.number)
    return spec.model.objects.filter(**filters).first()


def check(spec, rows):
    """([instances ready to save], [RowError]) — nothing touches the database but lookups."""
    agencies = {a.short_name.upper(): a for a in AgencyPage.objects.only("pk", "title", "short_name")}
    fields_to_columns = {c.field: c.name for c in spec.columns} | {"agency": "co_quan", "year": spec.period_column}
    fields_to_columns |= {"number": spec.period_column, "period_kind": spec.period_column}
    instances, errors, seen = [], [], {}
    for number, values in rows:
        row_errors = [
            RowError(number, column, gettext("Ô chứa ký tự không lưu được: %(char)s.") % {"char": unstorable(text)})
            for column, text in values.items()
            if unstorable(text)
        ]
        if row_errors:
            errors.extend(row_errors)
            continue
        code = values.get("co_quan", "").strip().upper()
        agency = agencies.get(code)
        if agency is None and code not in PROVINCE_CODES:
            row_errors.append(RowError(number, "co_quan", gettext("Không có cơ quan mã “%(code)s”.") % {"code": code}))
        try:
            period = _period(spec, values.get(spec.period_column, ""))
        except ValueError as exc:
            row_errors.append(RowError(number, spec.period_column, str(exc)))
            period = None
        parsed = {}
        for column in spec.columns:
            text = values.get(column.name, "")
            if not text:
                row_errors.append(RowError(number, column.name, gettext("Chưa nhập số liệu.")))
                continue
            try:
                parsed[column.field] = _parse(column, text)
            except ValueError as exc:
                row_errors.append(RowError(number, column.name, str(exc)))
        if row_errors:
            errors.extend(row_errors)
            continue
        key = (agency.pk if agency else None, period)
        if key in seen:
            errors.append(
                RowError(number, spec.period_column, gettext("Trùng cơ quan và kỳ với dòng %(row)s.") % {"row": seen[key]})
            )
            continue
        seen[key] = number
        instance = _lookup(spec, agency, period) or spec.model(agency=agency)
        instance.year = period.year
        if spec.period_column == "ky":
            instance.period_kind, instance.number = period.kind, period.number
        for field, value in parsed.items():
            setattr(instance, field, value)
        try:
            instance.full_clean(exclude=["live", "has_unpublished_changes", "latest_revision", "live_revision"])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                column = fields_to_columns.get(field, "")
                errors.extend(RowError(number, column, message) for message in messages)
            continue
        instances.append(instance)
    return instances, errors


def import_rows(spec, rows, user, publish):
    """Write every row or none; returns (Outcome, [RowError])."""
    instances, errors = check(spec, rows)
    if errors:
        return None, errors
    outcome = Outcome(published=publish)
    with transaction.atomic():
        for instance in instances:
            if instance.pk is None:
                instance.live = False
                instance.save()
                outcome.created += 1
            else:
                outcome.updated += 1
            revision = instance.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
    return outcome, []


def template_workbook(spec):
    """The file staff fill in: the header row, then sheets explaining columns and agency codes."""
    book = tabular.workbook()
    tabular.add_sheet(book, "so_lieu", spec.headers, [])
    period_help = (
        gettext("Kỳ báo cáo: 03/2026 (tháng), Q1/2026 (quý) hoặc 2026 (năm)")
        if spec.period_column == "ky"
        else gettext("Năm, ví dụ 2025")
    )
    guide = [
        ["co_quan", gettext("Mã cơ quan (trang co_quan); để trống hoặc ghi TINH cho số liệu toàn tỉnh")],
        [spec.period_column, period_help],
        *([column.name, str(column.help)] for column in spec.columns),
    ]
    if spec.model is DossierStatistics:
        guide.append(
            ["", gettext("Kiểm tra: đã giải quyết + đang giải quyết + trả lại + rút = tiếp nhận mới + kỳ trước chuyển sang.")]
        )
    tabular.add_sheet(book, "huong_dan", [gettext("Cột"), gettext("Ý nghĩa")], guide).column_dimensions["B"].width = 90
    agencies = ([a.short_name, a.title] for a in AgencyPage.objects.order_by("title").only("title", "short_name"))
    tabular.add_sheet(book, "co_quan", [gettext("Mã"), gettext("Tên cơ quan")], agencies).column_dimensions["B"].width = 60
    return tabular.xlsx_bytes(book)
