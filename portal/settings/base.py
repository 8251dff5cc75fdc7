"""Settings shared by every environment; everything deployment-specific comes from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env, env_bool, env_int, env_list

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "portal.engagement",
    "news",
    "procedures",
    "search",
    "feedback",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.web.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.web.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.web.login_throttle.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.web.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    # Sessions read through the cache but live in the database, so a Redis outage logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 300,
        }
    }

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", "cong-cchc")
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 0)
ELASTICSEARCH_TRANSPORT_CLASS = env("ELASTICSEARCH_TRANSPORT_CLASS", "elastic_transport.Transport")
ELASTICSEARCH_REFRESH = False

# Counters and ratings (portal.engagement). Behind nginx, set ENGAGEMENT_TRUST_X_FORWARDED_FOR so the
# visitor hash uses the client's address rather than the proxy's.
ENGAGEMENT_TRUST_X_FORWARDED_FOR = env_bool("ENGAGEMENT_TRUST_X_FORWARDED_FOR", False)
ENGAGEMENT_WIDGETS = env_bool("ENGAGEMENT_WIDGETS", True)

# Citizens' feedback (feedback/): attachments live outside MEDIA_ROOT, and personal data is anonymised this
# many days after a submission is finished (`manage.py feedback_anonymise`).
FEEDBACK_PRIVATE_ROOT = Path(env("FEEDBACK_PRIVATE_ROOT", BASE_DIR / "private-media"))
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 730)

# Anonymous pages are kept whole in the cache this long (0 turns the page cache off).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = env("PORTAL_NAME", "Cổng thông tin cải cách hành chính")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "zip", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

WAGTAIL_ADMIN_PATH = env("ADMIN_PATH", "admin").strip("/")
SITEMAP_CACHE_SECONDS = 3600
