"""Production-like settings for the benchmark: magsite.settings with DEBUG off, served on loopback.

Everything comes from magsite.settings; only what a benchmark on 127.0.0.1 needs differs:
a throwaway secret key, no HTTPS redirect, the benchmark database (BENCH_DATABASE_URL, never
the developer's), no search rate limit (every client here is 127.0.0.1), plain static storage (no collectstatic for a throwaway run; `{% static %}`
then costs the same dictionary-free path join instead of a manifest lookup), and
ROOT_URLCONF = bench.urls, which adds the bare comparison view.
"""

import os
import warnings

from bench import BENCH_SECRET_KEY, DEFAULT_SQLITE

# Forced rather than defaulted: a developer's .env (DEBUG on) must not leak into the measurements.
os.environ["DJANGO_DEBUG"] = "false"
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
os.environ.setdefault("DJANGO_SECRET_KEY", BENCH_SECRET_KEY)
os.environ.setdefault("SMTP_HOST", "localhost")
# The search rate limit (per client address) would turn a load test from 127.0.0.1 into 429s.
os.environ.setdefault("MAGSITE_SEARCH_RATE", "1000000/s")

import dj_database_url  # noqa: E402

from magsite.settings import *  # noqa: E402,F403
from magsite.settings import STORAGES  # noqa: E402

BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"
DATABASES = {
    "default": dj_database_url.parse(
        BENCH_DATABASE_URL,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

ROOT_URLCONF = "bench.urls"
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # A Redis shared with a development site: keep the benchmark's pages and version apart.
    CACHES["default"]["KEY_PREFIX"] = "magsite-bench"  # noqa: F405
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
# django-axes announces itself and every force_login of the benchmark's superuser: not results.
AXES_VERBOSE = False
LOGGING = {**LOGGING, "loggers": {**LOGGING.get("loggers", {}), "axes": {"level": "WARNING"}}}  # noqa: F405
# WhiteNoise warns that STATIC_ROOT does not exist (no collectstatic here); not an error.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
