"""`manage.py check --deploy` under production settings reports only security.W021 (HSTS preload
off, a decision for the domain's owner, justified in README "Deployment checks")."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"security.W021"}


def check_deploy(**extra):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "SMTP_", "MAGSITE_"))}
    env.update({
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),  # long and random, as production's must be
        "DJANGO_ALLOWED_HOSTS": "magsite.example.org",
        "SMTP_HOST": "smtp.example.org",
        **extra,
    })
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def reported(result):
    return set(re.findall(r"\(([a-z_]+\.[WE]\d+)\)", result.stdout + result.stderr))


def test_check_deploy_reports_only_the_justified_warning():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert reported(result) == ALLOWED, result.stdout + result.stderr
    readme = (ROOT / "README.md").read_text()
    assert "security.W021" in readme.split("### Deployment checks", 1)[1].split("###", 1)[0]


def test_check_deploy_is_clean_once_the_domain_owner_opts_into_preload():
    result = check_deploy(DJANGO_HSTS_PRELOAD="true")
    assert result.returncode == 0, result.stdout + result.stderr
    assert reported(result) == set(), result.stdout + result.stderr
