from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from portal.blocks import PortalLinkBlock, SocialLinkBlock


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Identity of the portal; editable so the transfer to a new owning agency needs no deploy."""

    portal_name = models.CharField(_("Tên cổng"), max_length=255, default="Cổng thông tin cải cách hành chính")
    owning_agency = models.CharField(_("Cơ quan chủ quản"), max_length=255, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    hotline = models.CharField(_("Đường dây nóng"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    responsible_person = models.CharField(_("Người chịu trách nhiệm"), max_length=255, blank=True)
    licence = models.CharField(_("Giấy phép"), max_length=500, blank=True)
    footer = RichTextField(_("Chân trang"), blank=True, features=["bold", "italic", "link"])
    legacy_visit_count = models.PositiveBigIntegerField(
        _("Tổng lượt truy cập của cổng cũ"),
        default=0,
        help_text=_("Số lượt truy cập chuyển từ cổng cũ; bộ đếm tổng bắt đầu từ số này."),
    )
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("Mạng xã hội"), blank=True)
    other_portals = StreamField(
        [("portal", PortalLinkBlock())],
        verbose_name=_("Liên kết cổng thông tin khác"),
        blank=True,
        help_text=_("Cổng thông tin của các bộ, ngành, tỉnh bạn; hiện ở chân trang."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("portal_name"), FieldPanel("owning_agency")], heading=_("Nhận diện")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("hotline"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("licence"), FieldPanel("footer")],
            heading=_("Chân trang"),
        ),
        FieldPanel("legacy_visit_count"),
        FieldPanel("social_links"),
        FieldPanel("other_portals"),
    ]

    class Meta:
        verbose_name = _("Cấu hình cổng")
        verbose_name_plural = _("Cấu hình cổng")

    @classmethod
    def for_request(cls, request):
        """Every page reads the settings: from the cache through the `cached_site_settings` hook
        (portal.web.chrome) instead of a query per request; the admin's settings form reads them with
        `for_site`, from the database."""
        attr = cls.get_cache_attr_name()
        if not hasattr(request, attr):
            site = Site.find_for_request(request)
            readers = hooks.get_hooks("cached_site_settings")
            if site is None or not readers:
                return super().for_request(request)
            instance = readers[0](cls, site)
            instance._request = request
            setattr(request, attr, instance)
        return getattr(request, attr)
