"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One folder per database, so the SQLite and PostgreSQL passes of the test command can run side by side.
MEDIA_ROOT = BASE_DIR / ".test-media" / DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
FEEDBACK_PRIVATE_ROOT = MEDIA_ROOT / "private"
PROCEDURE_IMPORT_ROOT = MEDIA_ROOT / "private" / "procedure-imports"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Search tests choose their store themselves (tests/search/conftest.py); nothing else talks to Elasticsearch.
ELASTICSEARCH_URL = None
# The page cache would hide what a request costs; tests/portal/test_production.py turns it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = (
    0  # query-count tests compare states before and after a purge; tests/portal/test_query_counts.py turns it on
)
