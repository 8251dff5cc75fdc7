"""Production: refuses to start without a secret key and allowed hosts; secure cookies and HSTS."""

from .base import *  # noqa: F403
from .base import DATABASES, tasks_setting
from .env import env, env_bool, env_int, env_list, env_required

DEBUG = False
# Each gunicorn worker keeps its database connection instead of opening one per request (PostgreSQL starts a
# server process for each: 3-10 ms here, about a third of an uncached page's throughput); CONN_HEALTH_CHECKS
# (base) replaces one the database closed. Keep it below the database's idle timeout.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
TASKS = tasks_setting(env("TASKS_BACKEND", "database"))  # with `manage.py db_worker` running (README)
SECRET_KEY = env_required(
    "SECRET_KEY", "đặt một chuỗi bí mật dài, ngẫu nhiên (ví dụ: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required("ALLOWED_HOSTS", "danh sách tên miền của cổng, cách nhau bởi dấu phẩy (ví dụ: cchc.example.gov.vn).")
# The public address of sitemap, share and feed links (portal/sites.py): the first allowed host over HTTPS.
WAGTAILADMIN_BASE_URL = env("BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# The Wagtail admin previews pages in a frame of its own, so framing stays allowed for this origin only
# (the public pages' Content-Security-Policy says the same with frame-ancestors 'self').
SILENCED_SYSTEM_CHECKS = ["security.W019"]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
