"""Settings read the environment and fail loudly in production when something required is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_settings(**env):
    """Import magsite.settings in a fresh interpreter with exactly the given DJANGO_* variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "SMTP_"))}
    clean.update({"DJANGO_SECRET_KEY": "", "DJANGO_ALLOWED_HOSTS": "", "SMTP_HOST": ""})
    clean.update(env)
    code = "import magsite.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_production_without_secret_key_stops_and_names_it():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org", SMTP_HOST="smtp.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_without_allowed_hosts_stops_and_names_it():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, SMTP_HOST="smtp.example.org")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_without_smtp_host_stops_and_names_it():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SMTP_HOST must be set" in result.stderr


def test_production_with_required_variables_starts():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org",
                          SMTP_HOST="smtp.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")


def test_nothing_set_in_debug_gives_sqlite_and_local_memory_cache():
    result = run_settings(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert "LocMemCache" in result.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "postgres://u@127.0.0.1:5432/magsite"}, "postgresql"),
        ({"CACHE_URL": "redis://127.0.0.1:6379/0"}, "RedisCache"),
    ],
)
def test_database_and_cache_urls_switch_backends(env, expected):
    result = run_settings(DJANGO_DEBUG="true", **env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_unsupported_cache_url_is_refused():
    result = run_settings(DJANGO_DEBUG="true", CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "CACHE_URL scheme not supported" in result.stderr
