"""The repeating parts of a procedure record, edited inline and revised with the procedure."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POST = "post", _("Dịch vụ bưu chính")


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("ngày làm việc")
    DAYS = "days", _("ngày")
    HOURS = "hours", _("giờ")
    IMMEDIATE = "immediate", _("trong ngày")


class ProcedureStep(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="steps")
    case = models.CharField(_("Trường hợp"), max_length=255, blank=True)
    title = models.CharField(_("Bước"), max_length=255)
    description = models.TextField(_("Nội dung"), blank=True)

    panels = [FieldPanel("case"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Bước thực hiện")


class ProcedureChannel(Orderable):
    """Time limit and fee belong to a (channel, case) pair, not to the procedure as a whole."""

    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(_("Cách thức"), max_length=20, choices=Channel.choices)
    case = models.CharField(_("Trường hợp"), max_length=255, blank=True)
    time_amount = models.DecimalField(_("Thời hạn"), max_digits=7, decimal_places=1, null=True, blank=True)
    time_unit = models.CharField(_("Đơn vị thời hạn"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS)
    time_description = models.TextField(_("Mô tả thời hạn"), blank=True)
    fee_amount = models.DecimalField(_("Phí, lệ phí (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True)
    fee_unit = models.CharField(_("Đơn vị tính phí"), max_length=100, blank=True, help_text=_("Ví dụ: đồng/bản, đồng/trang"))
    fee_description = models.TextField(_("Mô tả phí, lệ phí"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("case")]),
        FieldRowPanel([FieldPanel("time_amount"), FieldPanel("time_unit")]),
        FieldPanel("time_description"),
        FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("fee_unit")]),
        FieldPanel("fee_description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Cách thức thực hiện")

    @property
    def is_free(self):
        return not self.fee_amount


class DossierDocument(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="dossier")
    case = models.CharField(_("Trường hợp"), max_length=255, blank=True)
    name = models.TextField(_("Tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("Bản chính"), default=0)
    copies = models.PositiveSmallIntegerField(_("Bản sao"), default=0)
    form_name = models.CharField(_("Tên mẫu đơn, tờ khai"), max_length=255, blank=True)
    form_file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Tệp mẫu"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("case"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies")]),
        FieldRowPanel([FieldPanel("form_name"), FieldPanel("form_file")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Thành phần hồ sơ")


class LegalBasis(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="legal_bases")
    number = models.CharField(_("Số ký hiệu"), max_length=100)
    title = models.TextField(_("Trích yếu"))
    date_issued = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    document = models.ForeignKey(
        "news.DecisionPage",
        verbose_name=_("Văn bản trên cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date_issued"), FieldPanel("issuer")]),
        FieldPanel("title"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Căn cứ pháp lý")


class ProcedureResult(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="results")
    name = models.TextField(_("Kết quả"))

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("Kết quả thực hiện")


class RelatedProcedure(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="related_links")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", verbose_name=_("Thủ tục"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("procedure")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thủ tục liên quan")
