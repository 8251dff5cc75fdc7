from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.sitemap import PortalSitemap
from portal.web import health, routing

ADMIN_PATH = settings.WAGTAIL_ADMIN_PATH

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(f"{ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/thu-tuc/", include("procedures.urls")),
    path("tuong-tac/", include("portal.engagement.urls")),
    path("pakn/", include("feedback.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages are served by Wagtail's view with a cheaper route (portal.web.routing); Wagtail's own patterns
# (under _util/: the password form of private pages) come first. English at /en/…, Vietnamese without a
# prefix (portal.web.language activates the language from the path).
pages = [*wagtail_urls.urlpatterns[:-1], re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve")]
urlpatterns += i18n_patterns(path("", include("search.urls")), path("", include(pages)), prefix_default_language=False)
