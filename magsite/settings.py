"""MagSite settings, read from the environment.

Nothing set gives a development-safe default only where that is harmless (SQLite, local-memory
cache, console mailer). Anything that must never be defaulted in production (the secret key, the
allowed hosts) is required as soon as DEBUG is off, and start-up stops with a message naming it.
See `.env.example` for every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path):
    """Read KEY=VALUE lines from a git-ignored .env (written by `make run`); the real env wins."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


_load_dotenv(BASE_DIR / ".env")


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_DEBUG is off (production). "
            f"See .env.example; for local development set DJANGO_DEBUG=true."
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG", default=False)

if DEBUG:
    # A fixed key is fine for local development only: DEBUG never runs in production.
    SECRET_KEY = env("DJANGO_SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
else:
    SECRET_KEY = required("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or required("DJANGO_ALLOWED_HOSTS").split(",")

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env("MAGSITE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "MagSite"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "ckeditor",
    "reversion",
    "import_export",
    "axes",
    # The site's apps, lowest layer first: each imports only those above it in this list
    # (`lint-imports` checks it; moderation, the flag engine, is plain Python and no app).
    "reference",
    "articles",
    "review",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves cached public pages to anonymous readers before the rest of the stack runs, and stores
    # them with the headers the rest adds (articles/cache.py).
    "magsite.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "magsite.middleware.ContentSecurityPolicyMiddleware",
    # A write that could not get the database (SQLite's single writer, busy past its timeout)
    # answers 503 with a message instead of a server error.
    "magsite.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login attempts are limited (django-axes): after AXES_FAILURE_LIMIT failed logins, that username
# is locked out *from that address* for the cool-off time, so an attacker cannot lock a real
# editor out from elsewhere. A correct password is refused during the lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before any password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "magsite.views.lockout"  # a 429 page in the admin's look
# One definition of "the client's address" for axes and the search rate limit (see MAGSITE_BEHIND_PROXY).
AXES_CLIENT_IP_CALLABLE = "magsite.ratelimit.client_ip"

ROOT_URLCONF = "magsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "magsite.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "magsite.wsgi.application"
ASGI_APPLICATION = "magsite.asgi.application"

# Database: DATABASE_URL (postgres://user@host:5432/name) in production; SQLite file otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. IMMEDIATE transactions take the write lock when they begin,
    # so two concurrent saves queue (up to `timeout` seconds) instead of failing half-way with
    # "database is locked"; WAL lets readers read while someone writes. A write still waiting after
    # the timeout gets magsite.middleware.DatabaseBusyMiddleware's page, never a server error.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": int(env("SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: CACHE_URL=redis://127.0.0.1:6379/0 in production (shared across app servers);
# local memory otherwise.
CACHE_URL = env("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "magsite",
        }
    }
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL == "dummy://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    raise ImproperlyConfigured(f"CACHE_URL scheme not supported: {CACHE_URL!r}")
PAGE_CACHE_SECONDS = int(env("MAGSITE_PAGE_CACHE_SECONDS", "600"))

# Mail: the console in development; SMTP from the environment in production.
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "MagSite <editors@magsite.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env("SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("SMTP_HOST"),
                "port": int(env("SMTP_PORT", "587")),
                "username": env("SMTP_USER", ""),
                "password": env("SMTP_PASSWORD", ""),
                "use_tls": env_bool("SMTP_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                           "OPTIONS": {"host": required("SMTP_HOST")}}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MAGSITE_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Django's default, stated: a request (GET or POST) with more fields is refused with a 400. The
# largest real form, an article with its key point and FAQ rows, sends a few hundred.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# What a reader can send is a search: at most this many searches per client address (a number
# per "s", "m" or "h"); the next gets 429 with Retry-After. Load tests raise it.
MAGSITE_SEARCH_RATE = env("MAGSITE_SEARCH_RATE", "60/m")

# Security headers. HTTPS settings are on whenever DEBUG is off; a TLS-terminating proxy sets
# X-Forwarded-Proto and X-Forwarded-For, which are trusted only when MAGSITE_BEHIND_PROXY says so.
MAGSITE_BEHIND_PROXY = env_bool("MAGSITE_BEHIND_PROXY", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if MAGSITE_BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy (Django's built-in support). Public pages run no inline script or
# style at all; the admin needs inline styles for CKEditor 4, which injects them at run time.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "https:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
MAGSITE_ADMIN_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "frame-src": [CSP.SELF],
}

# django-ckeditor (CKEditor 4.22.1, see README on why it is acceptable for staff-only editing).
# Nothing here talks to an outside service: exportpdf and the spell-check plugins are removed.
CKEDITOR_BASEPATH = "/static/ckeditor/ckeditor/"
CKEDITOR_CONFIGS = {
    "article": {
        "toolbar": "Article",
        "toolbar_Article": [
            ["Format"],
            ["Bold", "Italic", "Subscript", "Superscript", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink", "Anchor"],
            ["Table", "HorizontalRule", "SpecialChar"],
            ["Undo", "Redo"],
            ["Source", "Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        "removePlugins": "exportpdf,scayt,wsc,image,flash,iframe,forms,smiley,language",
        "disableNativeSpellChecker": False,
        "height": 420,
        "width": "100%",
        "entities": False,
        "basicEntities": True,
    },
}

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

SILENCED_SYSTEM_CHECKS = [
    # CKEditor 4 is end of life; see README "Why CKEditor 4 is acceptable here".
    "ckeditor.W001",
]
