import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

try:
    django_application = get_wsgi_application()
except ImproperlyConfigured as exc:
    sys.stderr.write(f"Lỗi cấu hình: {exc}\n")
    raise SystemExit(2) from None

# Imported once the apps are loaded (above). Stored pages are answered before Django builds a request (portal.web.page_cache).
from portal.web.page_cache import PageCacheApplication

application = PageCacheApplication(django_application)
