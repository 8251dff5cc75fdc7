"""Figures the reform office posts, per agency (or the province) and reporting period: dossier statistics.

Each record is a snippet with drafts and revisions; the public sees only live records. Derived figures
(totals, rates, ranks) are computed from the typed ones, never stored, so they cannot disagree. The
tables were created by the `procedures` app and keep its names (`db_table`).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin

from procedures.models import AgencyPage


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
PERIOD_PATTERNS = (
    (PeriodKind.MONTH, re.compile(r"^(?:T|THANG\s*)?(\d{1,2})[/-](\d{4})$")),
    (PeriodKind.QUARTER, re.compile(r"^(?:Q|QUY\s*)(\d)[/-](\d{4})$")),
    (PeriodKind.YEAR, re.compile(r"^()(\d{4})$")),
)


@dataclass(frozen=True)
class Period:
    """A reporting period; `code` ("03/2026", "Q1/2026", "2026") is what files and URLs use."""

    kind: str
    year: int
    number: int = 0

    @classmethod
    def parse(cls, text):
        cleaned = str(text).strip().upper()
        for kind, pattern in PERIOD_PATTERNS:
            match = pattern.match(cleaned)
            if match:
                period = cls(kind, int(match.group(2)), int(match.group(1) or 0))
                period.check()
                return period
        raise ValueError(_("Kỳ “%(text)s” không hợp lệ; ghi 03/2026 (tháng), Q1/2026 (quý) hoặc 2026 (năm).") % {"text": text})

    def check(self):
        limit = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 0}[self.kind]
        low = 0 if self.kind == PeriodKind.YEAR else 1
        if not low <= self.number <= limit:
            raise ValueError(_("Kỳ báo cáo không hợp lệ: %(label)s.") % {"label": self.code})
        if not 2000 <= self.year <= 2100:
            raise ValueError(_("Năm %(year)s nằm ngoài khoảng 2000–2100.") % {"year": self.year})

    @property
    def code(self):
        if self.kind == PeriodKind.MONTH:
            return f"{self.number:02d}/{self.year}"
        if self.kind == PeriodKind.QUARTER:
            return f"Q{self.number}/{self.year}"
        return str(self.year)

    @property
    def label(self):
        if self.kind == PeriodKind.MONTH:
            return _("Tháng %(code)s") % {"code": self.code}
        if self.kind == PeriodKind.QUARTER:
            return _("Quý %(roman)s/%(year)s") % {"roman": ROMAN[self.number], "year": self.year}
        return _("Năm %(year)s") % {"year": self.year}

    @property
    def short_label(self):
        if self.kind == PeriodKind.QUARTER:
            return f"{ROMAN[self.number]}/{self.year}"
        return self.code

    @property
    def key(self):
        return (self.year, self.number)

    def __str__(self):
        return str(self.label)


class FiguresQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def province(self):
        return self.filter(agency__isnull=True)

    def agencies(self):
        return self.filter(agency__isnull=False)


class AgencyFigures(DraftStateMixin, RevisionMixin, models.Model):
    """An agency's figures, or the province's when no agency is chosen."""

    agency = models.ForeignKey(
        AgencyPage,
        verbose_name=_("Cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống cho số liệu toàn tỉnh."),
    )

    objects = FiguresQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def scope_name(self):
        return self.agency.title if self.agency_id else _("Toàn tỉnh")


class PeriodFigures(AgencyFigures):
    period_kind = models.CharField(_("Loại kỳ"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.MONTH)
    year = models.PositiveSmallIntegerField(_("Năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    number = models.PositiveSmallIntegerField(_("Tháng/quý"), default=0, help_text=_("Tháng 1–12 hoặc quý 1–4; để 0 với kỳ năm."))

    period_panels = [FieldPanel("agency"), FieldRowPanel([FieldPanel("period_kind"), FieldPanel("year"), FieldPanel("number")])]

    class Meta:
        abstract = True
        ordering = ["-year", "-number", "agency__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period_kind", "year", "number"],
                condition=Q(agency__isnull=False),
                name="%(class)s_one_per_agency_period",
                violation_error_message=_("Cơ quan này đã có số liệu cho kỳ báo cáo này."),
            ),
            models.UniqueConstraint(
                fields=["period_kind", "year", "number"],
                condition=Q(agency__isnull=True),
                name="%(class)s_one_per_province_period",
                violation_error_message=_("Toàn tỉnh đã có số liệu cho kỳ báo cáo này."),
            ),
        ]

    def __str__(self):
        return f"{self.scope_name} – {self.period.label}"

    @property
    def period(self):
        return Period(self.period_kind, self.year, self.number)

    def clean(self):
        super().clean()
        if self.period_kind == PeriodKind.YEAR and not self.number:
            self.number = 0
        if self.year is not None:
            try:
                self.period.check()
            except ValueError as exc:
                raise ValidationError({"number": str(exc)}) from exc


# (field, label) of every typed dossier figure, in the order of the national report form.
DOSSIER_FIELDS = [
    ("received_in_person", _("Tiếp nhận trực tiếp")),
    ("received_online", _("Tiếp nhận trực tuyến")),
    ("received_post", _("Tiếp nhận qua bưu chính")),
    ("carried_over", _("Kỳ trước chuyển sang")),
    ("resolved_on_time", _("Giải quyết đúng hạn")),
    ("resolved_late", _("Giải quyết quá hạn")),
    ("pending_on_time", _("Đang giải quyết trong hạn")),
    ("pending_overdue", _("Đang giải quyết quá hạn")),
    ("returned", _("Trả lại, từ chối")),
    ("withdrawn", _("Công dân rút hồ sơ")),
    ("apologies", _("Văn bản xin lỗi do trễ hạn")),
    ("online_payments", _("Thanh toán trực tuyến")),
]


def _percent(part, whole):
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


class DossierMath:
    """Derived figures, shared by a stored record and by sums over several of them."""

    @property
    def received_new(self):
        return self.received_in_person + self.received_online + self.received_post

    @property
    def received_total(self):
        return self.received_new + self.carried_over

    @property
    def resolved(self):
        return self.resolved_on_time + self.resolved_late

    @property
    def pending(self):
        return self.pending_on_time + self.pending_overdue

    @property
    def accounted(self):
        return self.resolved + self.pending + self.returned + self.withdrawn

    @property
    def on_time_rate(self):
        """On-time rate = resolved on time / resolved (DOMAIN.md)."""
        return _percent(self.resolved_on_time, self.resolved)

    @property
    def online_share(self):
        return _percent(self.received_online, self.received_new)


class DossierTotals(DossierMath):
    """Figures summed over agencies; behaves like a record in templates and tables."""

    def __init__(self, period, values, agency=None):
        self.period = period
        self.agency = agency
        for field, _label in DOSSIER_FIELDS:
            setattr(self, field, values.get(field) or 0)


def _count_field(verbose_name):
    return models.PositiveIntegerField(verbose_name, default=0, validators=[MinValueValidator(0)])


class DossierStatistics(DossierMath, PeriodFigures):
    received_in_person = _count_field(DOSSIER_FIELDS[0][1])
    received_online = _count_field(DOSSIER_FIELDS[1][1])
    received_post = _count_field(DOSSIER_FIELDS[2][1])
    carried_over = _count_field(DOSSIER_FIELDS[3][1])
    resolved_on_time = _count_field(DOSSIER_FIELDS[4][1])
    resolved_late = _count_field(DOSSIER_FIELDS[5][1])
    pending_on_time = _count_field(DOSSIER_FIELDS[6][1])
    pending_overdue = _count_field(DOSSIER_FIELDS[7][1])
    returned = _count_field(DOSSIER_FIELDS[8][1])
    withdrawn = _count_field(DOSSIER_FIELDS[9][1])
    apologies = _count_field(DOSSIER_FIELDS[10][1])
    online_payments = _count_field(DOSSIER_FIELDS[11][1])

    panels = [
        *PeriodFigures.period_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("received_in_person"), FieldPanel("received_online"), FieldPanel("received_post")]),
                FieldPanel("carried_over"),
            ],
            heading=_("Tiếp nhận"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("resolved_on_time"), FieldPanel("resolved_late")]),
                FieldRowPanel([FieldPanel("pending_on_time"), FieldPanel("pending_overdue")]),
                FieldRowPanel([FieldPanel("returned"), FieldPanel("withdrawn")]),
            ],
            heading=_("Kết quả xử lý"),
        ),
        FieldRowPanel([FieldPanel("apologies"), FieldPanel("online_payments")]),
    ]

    class Meta(PeriodFigures.Meta):
        db_table = "procedures_dossierstatistics"
        verbose_name = _("Số liệu hồ sơ")
        verbose_name_plural = _("Số liệu hồ sơ")

    def clean(self):
        super().clean()
        values = [getattr(self, field) for field, _label in DOSSIER_FIELDS]
        if any(value is None or value < 0 for value in values):
            return
        if self.accounted != self.received_total:
            raise ValidationError(
                _(
                    "Số liệu không cân đối: đã giải quyết (%(resolved)s) + đang giải quyết (%(pending)s) + trả lại "
                    "(%(returned)s) + rút hồ sơ (%(withdrawn)s) = %(accounted)s, nhưng tiếp nhận mới (%(new)s) + kỳ "
                    "trước chuyển sang (%(carried)s) = %(total)s."
                )
                % {
                    key: number_format(value, force_grouping=True)
                    for key, value in {
                        "resolved": self.resolved,
                        "pending": self.pending,
                        "returned": self.returned,
                        "withdrawn": self.withdrawn,
                        "accounted": self.accounted,
                        "new": self.received_new,
                        "carried": self.carried_over,
                        "total": self.received_total,
                    }.items()
                }
            )
        late = self.resolved_late + self.pending_overdue
        if self.apologies > late:
            raise ValidationError(
                {
                    "apologies": _("Số văn bản xin lỗi (%(apologies)s) nhiều hơn số hồ sơ trễ hạn (%(late)s).")
                    % {"apologies": self.apologies, "late": late}
                }
            )


def dossier_sums():
    return {field: Sum(field) for field, _label in DOSSIER_FIELDS}
