"""Public pages: the form and lookup ("Phản ánh, kiến nghị") and the published answers ("Hỏi đáp").

Each published answer is a Wagtail page, so the search pipeline, the page cache, the sitemap and
addresses work for it as for any other page; its content comes from the submission it answers.
"""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from feedback.choices import Kind
from feedback.models.fields import optional_link
from portal.models import BasePage
from portal.text import fold

DEFAULT_NOTICE = (
    "Văn phòng Ủy ban nhân dân tỉnh thu thập họ tên, số điện thoại, thư điện tử, địa chỉ và nội dung bạn gửi "
    "chỉ để tiếp nhận, chuyển cơ quan có thẩm quyền xử lý, trả lời và thông báo kết quả phản ánh, kiến nghị "
    "theo Nghị định 20/2008/NĐ-CP. Dữ liệu được chia sẻ với cơ quan được giao xử lý và không dùng vào mục đích "
    "khác. Thông tin cá nhân không bao giờ được công khai; nội dung câu hỏi và trả lời (đã lược bỏ thông tin "
    "cá nhân) chỉ được đăng ở mục Hỏi đáp khi bạn đồng ý. Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, bạn "
    "có quyền được biết, yêu cầu xem, chỉnh sửa, xóa dữ liệu và rút lại sự đồng ý bằng cách liên hệ Văn phòng "
    "UBND tỉnh theo địa chỉ ở chân trang."
)


class FeedbackPage(RoutablePageMixin, BasePage):
    """ "Gửi phản ánh, kiến nghị" and "Tra cứu phản ánh": the same for every visitor, so cached whole."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    privacy_notice = models.TextField(
        _("Thông báo xử lý dữ liệu cá nhân"),
        default=DEFAULT_NOTICE,
        help_text=_("Mục đích, phạm vi và quyền của người gửi; thời hạn lưu giữ được thêm tự động theo cấu hình."),
    )
    lookup_intro = models.TextField(_("Hướng dẫn tra cứu"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("lookup_intro"),
        FieldPanel("sidebar"),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Trang gửi phản ánh, kiến nghị")
        verbose_name_plural = _("Trang gửi phản ánh, kiến nghị")

    @path("")
    def form_view(self, request):
        return self.serve_with("feedback.public.form_page", request)

    @path("tra-cuu/", name="lookup")
    def lookup_view(self, request):
        return self.serve_with("feedback.public.lookup_page", request)


class QuestionIndexPage(BasePage):
    """ "Hỏi đáp": published answers with filters by field, agency, procedure and year, and a search."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["feedback.QuestionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Danh mục hỏi đáp")
        verbose_name_plural = _("Danh mục hỏi đáp")

    def serve(self, request, *args, **kwargs):
        return self.serve_with("feedback.public.question_list", request)


class QuestionPage(BasePage):
    """One answered question; created and updated by the "Công khai" action on its submission."""

    accepts_ratings = True

    kind = models.CharField(_("Loại"), max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    question = models.TextField(_("Câu hỏi"))
    answer = models.TextField(_("Trả lời"))
    agency = optional_link("procedures.AgencyPage", _("Cơ quan trả lời"))
    procedure = optional_link("procedures.ProcedurePage", _("Thủ tục liên quan"), related_name="questions")
    document = optional_link("news.DecisionPage", _("Văn bản liên quan"))
    field = optional_link("procedures.ProcedureField", _("Lĩnh vực"))
    asked_on = models.DateField(_("Ngày hỏi"))
    answered_on = models.DateField(_("Ngày trả lời"), db_index=True)
    search_text = models.TextField(editable=False, blank=True)

    content_panels = [
        HelpPanel(
            format_html(
                "<p>{}</p>",
                _(
                    "Nội dung câu hỏi và trả lời được biên tập trong “Phản ánh, kiến nghị” (mở phản ánh gốc, "
                    "thao tác “Công khai”); ở đây chỉ sửa đường dẫn và thông tin quảng bá."
                ),
            )
        ),
        FieldPanel("title", read_only=True),
        FieldPanel("question", read_only=True),
        FieldPanel("answer", read_only=True),
    ]
    parent_page_types = ["feedback.QuestionIndexPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("Câu hỏi, trả lời")
        verbose_name_plural = _("Câu hỏi, trả lời")

    def save(self, *args, **kwargs):
        parts = [self.title, self.question, self.answer]
        if self.procedure_id:
            parts += [self.procedure.title, self.procedure.code]
        if self.agency_id:
            parts += [self.agency.title, self.agency.short_name]
        self.search_text = " ".join(fold(" ".join(parts)).split())
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent()
        return context
