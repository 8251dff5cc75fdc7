"""Life events (sự kiện cuộc sống), as the national public service portal groups procedures: what
happened to a citizen ("Sinh con", "Người thân qua đời"), the words citizens use for it and the
procedures it calls for, in the order a citizen does them. Editors keep them as snippets; search
reads them into the documents of their procedures."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet


class LifeEvent(ClusterableModel):
    name = models.CharField(_("Tên sự kiện"), max_length=255)
    slug = models.SlugField(_("Đường dẫn"), max_length=100, unique=True)
    description = models.TextField(_("Mô tả"), blank=True)
    words = models.TextField(
        _("Cách người dân gọi"),
        blank=True,
        help_text=_("Những cách nói thường ngày của người dân, cách nhau bởi dấu phẩy; ví dụ: mới sinh con, em bé mới sinh."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự hiển thị"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("words"),
        FieldPanel("sort_order"),
        InlinePanel("steps", label=_("Thủ tục, theo thứ tự thực hiện")),
    ]

    class Meta:
        verbose_name = _("Sự kiện cuộc sống")
        verbose_name_plural = _("Sự kiện cuộc sống")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def word_list(self):
        return [w.strip() for w in self.words.replace("\n", ",").split(",") if w.strip()]


class LifeEventProcedure(Orderable):
    event = ParentalKey(LifeEvent, on_delete=models.CASCADE, related_name="steps")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="life_event_steps", verbose_name=_("Thủ tục")
    )

    panels = [PageChooserPanel("procedure", "procedures.ProcedurePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thủ tục của sự kiện")
        verbose_name_plural = _("Thủ tục của sự kiện")


register_snippet(LifeEvent)
