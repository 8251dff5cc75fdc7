"""What deadlines are made of: the working-day limits and the calendar of public holidays, both data."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from feedback.choices import Kind


class Holiday(models.Model):
    """A day off that is not a weekend (public holiday, Tết, a day given in lieu), or a weekend day that is
    worked to make up for one ("ngày làm bù")."""

    date = models.DateField(_("Ngày"), unique=True)
    name = models.CharField(_("Tên ngày nghỉ"), max_length=200)
    working = models.BooleanField(
        _("Ngày làm bù"),
        default=False,
        help_text=_("Đánh dấu khi đây là thứ Bảy hoặc Chủ nhật đi làm bù: ngày này được tính là ngày làm việc."),
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("working")]), FieldPanel("name")]

    class Meta:
        verbose_name = _("Ngày nghỉ lễ, Tết")
        verbose_name_plural = _("Ngày nghỉ lễ, Tết")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.name}"


def _days(label, default, help_text=""):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1), MaxValueValidator(90)], help_text=help_text
    )


@register_setting(icon="date")
class FeedbackSettings(BaseGenericSetting):
    """Time limits in working days. Decree 20/2008/NĐ-CP (art. 9) gives the receiving office at most 5 working
    days to forward feedback to the competent agency; how long the agency then has is set by each province's
    own regulation, so every limit here is editable."""

    triage_days = _days(
        _("Phân loại, chuyển cơ quan xử lý"),
        5,
        _("Tính từ ngày tiếp nhận. Nghị định 20/2008/NĐ-CP, Điều 9: không quá 05 ngày làm việc."),
    )
    report_days = _days(_("Cơ quan trả lời phản ánh"), 10, _("Tính từ ngày chuyển cơ quan xử lý."))
    proposal_days = _days(_("Cơ quan trả lời kiến nghị"), 20, _("Tính từ ngày chuyển cơ quan xử lý."))
    question_days = _days(_("Cơ quan trả lời câu hỏi"), 10, _("Tính từ ngày chuyển cơ quan xử lý."))
    approval_days = _days(_("Duyệt và công khai trả lời"), 3, _("Tính từ ngày cơ quan trả lời."))
    due_soon_days = _days(_("Nhắc trước hạn"), 2, _("Thư nhắc hằng ngày liệt kê phản ánh còn ít ngày làm việc này."))
    legal_basis = models.TextField(
        _("Căn cứ"),
        blank=True,
        default="Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 48/2013/NĐ-CP và Nghị định 92/2017/NĐ-CP; "
        "quy chế tiếp nhận, xử lý phản ánh, kiến nghị của UBND tỉnh.",
    )

    panels = [
        HelpPanel(
            _(
                "Thời hạn tính bằng ngày làm việc: bỏ qua thứ Bảy, Chủ nhật và các ngày nghỉ lễ, Tết trong "
                "“Ngày nghỉ lễ, Tết”. Thay đổi chỉ áp dụng cho phản ánh tiếp nhận, chuyển xử lý hoặc trả lời sau đó."
            )
        ),
        FieldPanel("triage_days"),
        MultiFieldPanel(
            [FieldPanel("report_days"), FieldPanel("proposal_days"), FieldPanel("question_days")],
            heading=_("Thời hạn cơ quan trả lời"),
        ),
        FieldPanel("approval_days"),
        FieldPanel("due_soon_days"),
        FieldPanel("legal_basis"),
    ]

    class Meta:
        verbose_name = _("Thời hạn xử lý phản ánh, kiến nghị")

    def answer_days(self, kind):
        return {Kind.REPORT: self.report_days, Kind.PROPOSAL: self.proposal_days}.get(kind, self.question_days)
