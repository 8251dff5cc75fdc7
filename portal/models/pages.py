from django.db import models
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from portal.blocks import BodyBlock, SidebarBlock


class SidebarMixin(models.Model):
    """Sidebar blocks placed on a section apply to its descendants until one of them sets its own."""

    sidebar = StreamField(
        SidebarBlock(),
        verbose_name=_("Khối bên phải"),
        blank=True,
        help_text=_("Để trống để dùng các khối của mục cha."),
    )

    class Meta:
        abstract = True

    @cached_property
    def effective_sidebar(self):
        if self.sidebar:
            return self.sidebar
        ancestors = self.get_ancestors().filter(depth__gt=1).order_by("-depth").specific(defer=False)
        for ancestor in ancestors:
            sidebar = getattr(ancestor, "sidebar", None)
            if sidebar:
                return sidebar
        return self.sidebar


class BasePage(SidebarMixin, Page):
    """Every public page type of the portal shares the sidebar and the SEO fields."""

    promote_panels = Page.promote_panels
    settings_panels = Page.settings_panels

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Asked twice for every page served (Wagtail's check and the page cache): without a query when the
        `page_known_public` hook (portal.web.chrome, from the cache) knows no restriction covers the page,
        as on nearly every page of a public portal."""
        if any(fn(self) for fn in hooks.get_hooks("page_known_public")):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve_preview(self, request, mode_name):
        """A page answered by a view of its app (`serve_with`) previews through the same view: Wagtail's
        preview renders the template with `get_context` alone, without what the view adds (a procedure's
        agency, its parts), so a draft failed or showed less than the page would once published. The
        request stays marked as a preview, so nothing kept for the live page is shown."""
        if type(self).serve is Page.serve:
            return super().serve_preview(request, mode_name)
        return self.serve(request)

    def serve_with(self, view, request, *args, **kwargs):
        """Answer with the view function named by its dotted path ("app.views.name"), imported on first use.

        Page models describe content; what a request needs (filter forms, feeds, file downloads) lives in
        the app's views, which import the models and never the other way round.
        """
        return import_string(view)(request, self, *args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # Wagtail would make a missing slug with Django's slugify, which drops "đ" ("Đăng ký" → "ang-ky").
        if not self.slug and self.title and self.path:
            from portal.slugs import free_slug

            self.slug = free_slug(self.get_parent(), self.title, self)
        super().full_clean(*args, **kwargs)


class HomePage(BasePage):
    intro = RichTextField(_("Lời giới thiệu"), blank=True, features=["bold", "italic", "link"])
    news_per_section = models.PositiveSmallIntegerField(_("Số tin mỗi chuyên mục"), default=5)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("news_per_section"), FieldPanel("sidebar")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        """Sections add their own home-page blocks through the `construct_home_context` hook."""
        context = super().get_context(request, *args, **kwargs)
        for fn in hooks.get_hooks("construct_home_context"):
            fn(self, request, context)
        return context


class StandardPage(BasePage):
    intro = models.TextField(_("Tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Nội dung"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("sidebar")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Trang thông tin")
