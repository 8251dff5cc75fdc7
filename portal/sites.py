"""The portal's public address has one source: BASE_URL (WAGTAILADMIN_BASE_URL). Wagtail builds absolute
links (sitemap, share links, structured data, feeds) from the default Site record, so that record is kept
equal to BASE_URL after every `migrate` and by `load_demo`; production defaults BASE_URL to
https://<first ALLOWED_HOSTS entry>."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def configured_address():
    """(hostname, port) of BASE_URL, in the form Wagtail's Site.root_url reads back."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(f"BASE_URL phải có dạng https://ten-mien (đang là {settings.WAGTAILADMIN_BASE_URL!r}).")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured("BASE_URL https phải dùng cổng 443 (Wagtail chỉ dựng địa chỉ https trên cổng 443).")
    return parts.hostname, port


def sync_default_site(using="default", site_model=None):
    """Point the default site at BASE_URL; returns the site when it changed."""
    from wagtail.models import Site

    site = (site_model or Site).objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = configured_address()
    if (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site


def sync_after_migrate(sender, using="default", **kwargs):
    if sender.label == "wagtailcore":
        sync_default_site(using)
