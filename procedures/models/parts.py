"""The repeating parts of a procedure record, edited inline and revised with the procedure."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


def case_field():
    """The case a step, channel or document applies to: records of several cases repeat their parts per case."""
    return models.CharField(
        _("Trường hợp"),
        max_length=255,
        blank=True,
        help_text=_(
            "Để trống nếu thủ tục chỉ có một trường hợp; nếu có nhiều, ghi trường hợp áp dụng, ví dụ: Nộp hồ sơ trực tuyến"
        ),
    )


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
    case = case_field()
    title = models.CharField(_("Bước"), max_length=255, help_text=_("Tên ngắn của bước, ví dụ: Nộp hồ sơ"))
    description = models.TextField(_("Nội dung"), blank=True, help_text=_("Làm gì, ở đâu, ai làm trong bước này"))

    panels = [FieldPanel("case"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Bước thực hiện")


class ProcedureChannel(Orderable):
    """Time limit and fee belong to a (channel, case) pair, not to the procedure as a whole."""

    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(
        _("Cách thức"),
        max_length=20,
        choices=Channel.choices,
        help_text=_("Trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính; mỗi cách thức một mục"),
    )
    case = case_field()
    time_amount = models.DecimalField(
        _("Thời hạn"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Chỉ ghi số, ví dụ 3 hoặc 1,5; để trống nếu trả kết quả trong ngày"),
    )
    time_unit = models.CharField(
        _("Đơn vị thời hạn"),
        max_length=20,
        choices=TimeUnit.choices,
        default=TimeUnit.WORKING_DAYS,
        help_text=_("Đơn vị của số ghi ở ô Thời hạn"),
    )
    time_description = models.TextField(
        _("Mô tả thời hạn"), blank=True, help_text=_("Ghi chú thêm nếu cần, ví dụ: Trong ngày nếu nộp trước 15 giờ")
    )
    fee_amount = models.DecimalField(
        _("Phí, lệ phí (đồng)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Số tiền bằng đồng, chỉ ghi số, ví dụ 50000; để trống nếu không thu"),
    )
    fee_unit = models.CharField(_("Đơn vị tính phí"), max_length=100, blank=True, help_text=_("Ví dụ: đồng/bản, đồng/trang"))
    fee_description = models.TextField(
        _("Mô tả phí, lệ phí"), blank=True, help_text=_("Ghi chú về phí, lệ phí, ví dụ: Miễn lệ phí với người có công")
    )

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
    case = case_field()
    name = models.TextField(
        _("Tên giấy tờ"), help_text=_("Tên giấy tờ như trong quyết định công bố, ví dụ: Tờ khai đăng ký khai sinh")
    )
    originals = models.PositiveSmallIntegerField(_("Bản chính"), default=0, help_text=_("Số bản chính phải nộp; 0 nếu không cần"))
    copies = models.PositiveSmallIntegerField(_("Bản sao"), default=0, help_text=_("Số bản sao phải nộp; 0 nếu không cần"))
    form_name = models.CharField(
        _("Tên mẫu đơn, tờ khai"), max_length=255, blank=True, help_text=_("Nếu giấy tờ theo mẫu, ví dụ: Mẫu số 01/TK")
    )
    form_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp mẫu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tệp mẫu đơn (.doc, .docx hoặc .pdf) trong thư viện tài liệu, để người dân tải về"),
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
    number = models.CharField(_("Số ký hiệu"), max_length=100, help_text=_("Số, ký hiệu văn bản, ví dụ: 60/2014/QH13"))
    title = models.TextField(_("Trích yếu"), help_text=_("Tên, trích yếu văn bản, ví dụ: Luật Hộ tịch"))
    date_issued = models.DateField(_("Ngày ban hành"), null=True, blank=True, help_text=_("Dạng dd/mm/yyyy, ví dụ 20/11/2014"))
    issuer = models.CharField(
        _("Cơ quan ban hành"), max_length=255, blank=True, help_text=_("Ví dụ: Quốc hội, Chính phủ, UBND tỉnh")
    )
    document = models.ForeignKey(
        "news.DecisionPage",
        verbose_name=_("Văn bản trên cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Chọn văn bản nếu đã đăng trên cổng, để người đọc mở được toàn văn"),
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
    name = models.TextField(_("Kết quả"), help_text=_("Giấy tờ hoặc kết quả người làm thủ tục nhận được, ví dụ: Giấy khai sinh"))

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("Kết quả thực hiện")


class RelatedProcedure(Orderable):
    page = ParentalKey("procedures.ProcedurePage", on_delete=models.CASCADE, related_name="related_links")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        verbose_name=_("Thủ tục"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Thủ tục thường làm kèm, trước hoặc sau thủ tục này"),
    )

    panels = [FieldPanel("procedure")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thủ tục liên quan")
