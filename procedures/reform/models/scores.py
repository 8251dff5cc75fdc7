"""Scores the reform office posts once a period: the service index (Decision 766), SIPAS and PAR Index."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from procedures.models import AgencyPage
from procedures.reform.models.figures import AgencyFigures, FiguresQuerySet, PeriodFigures

# Decision 766/QĐ-TTg: five groups and their maximum points, 100 in all.
INDEX_GROUPS = [
    ("publicity", _("Công khai, minh bạch"), 18),
    ("progress", _("Tiến độ, kết quả giải quyết"), 20),
    ("online_service", _("Cung cấp dịch vụ trực tuyến"), 22),
    ("digitisation", _("Số hóa hồ sơ"), 22),
    ("satisfaction", _("Mức độ hài lòng"), 18),
]


def _points_field(label, maximum):
    return models.DecimalField(
        format_lazy(_("{label} (tối đa {maximum})"), label=label, maximum=maximum),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[
            MinValueValidator(Decimal(0), _("Điểm không được âm.")),
            MaxValueValidator(Decimal(maximum), _("Điểm tối đa của nhóm này là %(max)s.") % {"max": maximum}),
        ],
    )


class ServiceIndexQuerySet(FiguresQuerySet):
    def with_total(self):
        return self.annotate(total_points=sum((F(field) for field, _label, _max in INDEX_GROUPS[1:]), F(INDEX_GROUPS[0][0])))


class ServiceIndexScore(PeriodFigures):
    publicity = _points_field(INDEX_GROUPS[0][1], 18)
    progress = _points_field(INDEX_GROUPS[1][1], 20)
    online_service = _points_field(INDEX_GROUPS[2][1], 22)
    digitisation = _points_field(INDEX_GROUPS[3][1], 22)
    satisfaction = _points_field(INDEX_GROUPS[4][1], 18)

    objects = ServiceIndexQuerySet.as_manager()
    panels = [*PeriodFigures.period_panels, *(FieldPanel(field) for field, _label, _max in INDEX_GROUPS)]

    class Meta(PeriodFigures.Meta):
        db_table = "procedures_serviceindexscore"
        verbose_name = _("Chỉ số phục vụ (QĐ 766)")
        verbose_name_plural = _("Chỉ số phục vụ (QĐ 766)")

    @property
    def total(self):
        return sum((getattr(self, field) or Decimal(0) for field, _label, _max in INDEX_GROUPS), Decimal(0))


SIPAS_FACTORS = [
    ("access", _("Tiếp cận dịch vụ")),
    ("procedure", _("Thủ tục hành chính")),
    ("officials", _("Công chức giải quyết công việc")),
    ("results", _("Kết quả giải quyết")),
    ("feedback", _("Tiếp nhận, xử lý góp ý, phản ánh")),
]


def _percent_field(label):
    return models.DecimalField(
        format_lazy("{label} (%)", label=label),
        max_digits=5,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal(0), _("Tỷ lệ không được âm.")),
            MaxValueValidator(Decimal(100), _("Tỷ lệ không vượt quá 100%.")),
        ],
    )


class SatisfactionSurvey(AgencyFigures):
    """SIPAS: the share of respondents satisfied with each of the five factors, per year."""

    year = models.PositiveSmallIntegerField(_("Năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    respondents = models.PositiveIntegerField(_("Số phiếu khảo sát hợp lệ"), validators=[MinValueValidator(1)])
    access = _percent_field(SIPAS_FACTORS[0][1])
    procedure = _percent_field(SIPAS_FACTORS[1][1])
    officials = _percent_field(SIPAS_FACTORS[2][1])
    results = _percent_field(SIPAS_FACTORS[3][1])
    feedback = _percent_field(SIPAS_FACTORS[4][1])

    panels = [
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("respondents")]),
        *(FieldPanel(field) for field, _label in SIPAS_FACTORS),
    ]

    class Meta:
        db_table = "procedures_satisfactionsurvey"
        verbose_name = _("Khảo sát hài lòng (SIPAS)")
        verbose_name_plural = _("Khảo sát hài lòng (SIPAS)")
        ordering = ["-year", "agency__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=Q(agency__isnull=False),
                name="sipas_one_per_agency_year",
                violation_error_message=_("Cơ quan này đã có kết quả khảo sát của năm này."),
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(agency__isnull=True),
                name="sipas_one_per_province_year",
                violation_error_message=_("Toàn tỉnh đã có kết quả khảo sát của năm này."),
            ),
        ]

    def __str__(self):
        return f"SIPAS {self.year} – {self.scope_name}"

    @property
    def overall(self):
        values = [getattr(self, field) for field, _label in SIPAS_FACTORS]
        if any(value is None for value in values):
            return None
        return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))


class ParIndexScore(AgencyFigures):
    """PAR Index: the province ranks its departments and its communes separately, once a year."""

    agency = models.ForeignKey(AgencyPage, verbose_name=_("Cơ quan"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("Năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    score = models.DecimalField(
        _("Điểm PAR Index (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal(0), _("Điểm không được âm.")),
            MaxValueValidator(Decimal(100), _("Điểm không vượt quá 100.")),
        ],
    )

    panels = [FieldPanel("agency"), FieldRowPanel([FieldPanel("year"), FieldPanel("score")])]

    class Meta:
        db_table = "procedures_parindexscore"
        verbose_name = _("Chỉ số CCHC (PAR Index)")
        verbose_name_plural = _("Chỉ số CCHC (PAR Index)")
        ordering = ["-year", "-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="par_index_one_per_agency_year",
                violation_error_message=_("Cơ quan này đã có điểm PAR Index của năm này."),
            )
        ]

    def __str__(self):
        return f"PAR Index {self.year} – {self.scope_name}"
