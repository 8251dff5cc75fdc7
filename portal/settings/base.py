"""Settings shared by every environment; everything deployment-specific comes from the environment."""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

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
    "procedures.reform",
    "search",
    "feedback",
    "wagtail_localize",
    "wagtail_localize.locales",
    "portal.wagtail_apps.RedirectsConfig",  # these four without Wagtail's v3 API (portal/wagtail_apps.py)
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "portal.wagtail_apps.SnippetsConfig",
    "portal.wagtail_apps.DocumentsConfig",
    "portal.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "axes",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # the admin says "5 giây trước" through its naturaltime
]

MIDDLEWARE = [
    # Outermost: it stores pages with the headers every other middleware adds (portal.web.page_cache).
    "portal.web.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.web.language.PathLanguageMiddleware",
    "portal.web.input.UnstorableInputMiddleware",
    "portal.web.headers.SecurityHeadersMiddleware",
    "portal.engagement.middleware.BeaconShortcutMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.web.login_throttle.PasswordResetThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
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


def redis_caches(url):
    """django-redis failing soft: while Redis is down reads miss (the caller's default) and writes are
    dropped; after a failed connect Redis is skipped for a few seconds (portal.web.cache)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 300,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.5,
                "CONNECTION_POOL_CLASS": "portal.web.cache.SkippingConnectionPool",
                # One immediate retry (a pooled connection that Redis closed); redis-py's default is ten.
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 1)},
            },
        }
    }


REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
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
# Answers to searches are kept this long, until the next change to the search stores (search.results_cache); 0 turns it off.
SEARCH_RESULTS_SECONDS = env_int("SEARCH_RESULTS_SECONDS", 600)

# The client's address (portal.web.client): X-Forwarded-For is read from the right, past this many
# proxies of our own (1 behind one nginx; 2 behind a load balancer and nginx), or past every hop inside
# TRUSTED_PROXIES (networks, e.g. "127.0.0.1/32,10.0.0.0/8") when that is set.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
if env("ENGAGEMENT_TRUST_X_FORWARDED_FOR") is not None:
    raise ImproperlyConfigured(
        "ENGAGEMENT_TRUST_X_FORWARDED_FOR đã bỏ (nó tin địa chỉ do người dùng tự ghi): hãy đặt TRUSTED_PROXY_COUNT=1 "
        "khi chạy sau một nginx, =2 khi sau bộ cân bằng tải và nginx (xem README, mục Deployment)."
    )

# Sign-in throttle (django-axes, database handler: holds while Redis is down). Failures are counted per
# source and per source and account, never per account alone, so nobody can lock a named editor out.
AUTHENTICATION_BACKENDS = ["portal.web.login_throttle.LoginThrottleBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "portal.web.login_throttle.LoginThrottleHandler"
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_FAILURE_LIMIT = 30  # per source; per source and account: portal.web.login_throttle.PER_ACCOUNT_FROM_SOURCE
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.web.client.client_address"
AXES_USERNAME_CALLABLE = "portal.web.login_throttle.username"
AXES_LOCKOUT_CALLABLE = "portal.web.login_throttle.locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # no start-up banner in every command; throttled sign-ins are logged by portal.web.login_throttle

# Rate limits of the anonymous write endpoints (django-ratelimit, in the shared cache; README explains
# the numbers). They fail open: while Redis is down readers can still count, rate and comment.
RATELIMIT_IP_META_KEY = "portal.web.client.client_address"
RATELIMIT_FAIL_OPEN = True
RATELIMIT_CACHE_PREFIX = "rl:"

ENGAGEMENT_WIDGETS = env_bool("ENGAGEMENT_WIDGETS", True)

# Citizens' feedback (feedback/): attachments live outside MEDIA_ROOT, and personal data is anonymised this
# many days after a submission is finished (`manage.py feedback_anonymise`).
FEEDBACK_PRIVATE_ROOT = Path(env("FEEDBACK_PRIVATE_ROOT", BASE_DIR / "private-media"))
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 730)
# Procedure files uploaded in the admin wait here, outside MEDIA_ROOT, until their import has run.
PROCEDURE_IMPORT_ROOT = Path(env("PROCEDURE_IMPORT_ROOT", BASE_DIR / "private-media" / "procedure-imports"))

# Anonymous pages are kept whole in the cache this long (0 turns the page cache off).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long nginx or a CDN in front may keep an anonymous page without asking (README, Deployment).
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 30)
# The chrome every page repeats (site, settings, menu, footer, sidebar; portal.web.chrome); 0 turns it off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
# Pages exist in Vietnamese (at /) and English (at /en/); the language comes from the address only
# (portal.web.language), never from the browser's Accept-Language.
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]

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

# Background work (search indexing, Wagtail's reference and admin search indexes): "immediate" runs a
# task inside the request that enqueues it (the embedded default and the tests); "database" queues it
# in the database for the worker, `manage.py db_worker` (production's default; README "Background work").
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(name):
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND phải là một trong {', '.join(TASK_BACKENDS)} (đang là {name!r}).")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting(env("TASKS_BACKEND", "immediate"))

WAGTAIL_SITE_NAME = env("PORTAL_NAME", "Cổng thông tin cải cách hành chính")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
# ASCII addresses made by portal.text.slugify (admin, imports, demo); Unicode slugs end up percent-encoded.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.web.documents.DocumentForm"
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
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "portal/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "portal/password_required.html"
WAGTAILADMIN_COMMENTS_ENABLED = True
# No avatar or anything else from an outside service: initials or an uploaded picture (portal/names.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_forms.LoginForm"

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
