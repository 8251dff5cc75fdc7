"""Classifications editors maintain as snippets: fields, levels and applicant types are data, not code."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Classification(index.Indexed, models.Model):
    code = models.CharField(_("Mã"), max_length=50, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    slug = models.SlugField(_("Đường dẫn"), max_length=100, unique=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("code")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProcedureField(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("Lĩnh vực")
        verbose_name_plural = _("Lĩnh vực")


class ProcedureLevel(Classification):
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    panels = [*Classification.panels, FieldPanel("sort_order")]

    class Meta(Classification.Meta):
        verbose_name = _("Cấp thực hiện")
        verbose_name_plural = _("Cấp thực hiện")
        ordering = ["sort_order", "name"]


class ApplicantType(Classification):
    class Meta(Classification.Meta):
        verbose_name = _("Đối tượng thực hiện")
        verbose_name_plural = _("Đối tượng thực hiện")
