"""No secret in the repository: private keys, cloud and chat tokens, and hard-coded Django secret
keys are looked for in every file git tracks (and every new file it would track).

Allowed: the dev-only fallback key in magsite/settings.py (used only with DEBUG on), values in
tests/, and values that say they are placeholders or throwaway (.env.example, the benchmark's
loopback-only key). The scanner's own patterns are checked against planted samples built at run
time, so this file holds no match itself.
"""

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MAX_BYTES = 2_000_000

TOKEN_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b"),
    "AWS secret access key": re.compile(r"(?i)aws_?secret_?access_?key\W{0,4}[:=]\s*['\"]?[A-Za-z0-9/+=]{40}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Slack webhook": re.compile(r"https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}\b"),
}
# SECRET_KEY = "...", SECRET_KEY: "...", x = env("K") or "...", DJANGO_SECRET_KEY=value (env files, shell).
SECRET_KEY_ASSIGNMENT = re.compile(r"""SECRET_KEY["']?\s*[:=](?P<rest>.*)""")
QUOTED = re.compile(r"""^\s*(?:"(?P<double>[^"\n]*)"|'(?P<single>[^'\n]*)')""")
FALLBACK = re.compile(r"""\bor\s+(?:"(?P<double>[^"\n]*)"|'(?P<single>[^'\n]*)')""")  # env("K") or "..."
BARE_VALUE = re.compile(r"""^(?P<value>[^\s"'#;]+)""")
PLACEHOLDER_WORDS = ("dev-only-insecure", "throwaway", "change-me", "placeholder", "example", "not-for-any-real")


def repository_files():
    """Files git tracks, plus new files it would track (not ignored)."""
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                             capture_output=True, check=True).stdout
    for name in sorted(set(filter(None, listing.decode().split("\0")))):
        path = REPO / name
        if path.is_file() and path.stat().st_size <= MAX_BYTES:
            data = path.read_bytes()
            if b"\0" not in data[:8192]:  # text only
                yield name, data.decode("utf-8", errors="replace")


def is_allowed_secret_key(name, value):
    if not value or "$" in value or "%" in value or value in ("...", "x", "''", '""') or len(value) < 8:
        return True  # generated at run time, a format string, or an elision
    if name.startswith("tests/"):
        return True  # test-only values
    if name == "magsite/settings.py":
        return value == "dev-only-insecure-key-do-not-use-in-production"
    return any(word in value.lower() for word in PLACEHOLDER_WORDS)


def find_secrets(name, text):
    found = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for kind, pattern in TOKEN_PATTERNS.items():
            if pattern.search(line):
                found.append(f"{name}:{line_number}: {kind}")
        match = SECRET_KEY_ASSIGNMENT.search(line)
        if match:
            rest, values = match["rest"], []
            for literal in (QUOTED.match(rest), FALLBACK.search(rest)):
                if literal:
                    values.append(literal["double"] if literal["double"] is not None else literal["single"])
            if not values and BARE_VALUE.match(rest):  # shell or env file: KEY=value, no space
                values.append(BARE_VALUE.match(rest)["value"])
            for value in values:
                if not is_allowed_secret_key(name, value):
                    found.append(f"{name}:{line_number}: hard-coded SECRET_KEY {value[:6]}…")
    return found


def test_no_secret_in_any_repository_file():
    files = list(repository_files())
    assert any(name == "magsite/settings.py" for name, _ in files)
    assert len(files) > 50
    problems = [problem for name, text in files for problem in find_secrets(name, text)]
    assert problems == []


def test_the_dev_fallback_key_is_only_used_with_debug_on():
    settings_source = (REPO / "magsite" / "settings.py").read_text()
    block = settings_source.split("if DEBUG:", 1)[1].split("else:", 1)
    assert "dev-only-insecure-key" in block[0] and "dev-only-insecure-key" not in block[1].split("\n\n")[0]
    assert 'SECRET_KEY = required("DJANGO_SECRET_KEY")' in block[1]


def _sample(*parts):
    return "".join(parts)  # built at run time so this file holds no real-looking secret


@pytest.mark.parametrize("line, kind", [
    (_sample("-----BEGIN RSA ", "PRIVATE KEY-----"), "private key"),
    (_sample("-----BEGIN OPENSSH ", "PRIVATE KEY-----"), "private key"),
    (_sample("-----BEGIN ", "PRIVATE KEY-----"), "private key"),
    (_sample("key = 'AKIA", "Q" * 16, "'"), "AWS access key id"),
    (_sample("aws_secret_access_key = ", "a" * 40), "AWS secret access key"),
    (_sample("token: ghp_", "A1" * 18), "GitHub token"),
    (_sample("github_pat_", "B2" * 30), "GitHub token"),
    (_sample("SLACK=xoxb-", "1234567890-abcdef"), "Slack token"),
    (_sample("https://hooks.slack.com/services/", "T000/B000/", "XXXXXXXX"), "Slack webhook"),
    (_sample('SECRET_KEY = "k8s', "-real-looking-", 'value-9f8e7d"'), "hard-coded SECRET_KEY"),
    (_sample("DJANGO_SECRET_KEY=", "prod-9f8e7d6c5b4a3f2e1d"), "hard-coded SECRET_KEY"),
    (_sample('SECRET_KEY = os.environ.get("K") or "fallback', '-real-9f8e7d6c"'), "hard-coded SECRET_KEY"),
])
def test_the_scanner_finds_planted_secrets(line, kind):
    problems = find_secrets("magsite/planted.py", f"x = 1\n{line}\n")
    assert len(problems) == 1 and kind in problems[0], problems


@pytest.mark.parametrize("name, line", [
    ("magsite/settings.py", '    SECRET_KEY = env("DJANGO_SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"'),
    ("magsite/settings.py", '    SECRET_KEY = required("DJANGO_SECRET_KEY")'),
    (".env.example", "DJANGO_SECRET_KEY=change-me-to-50-random-characters"),
    (".ci/run", 'DJANGO_DEBUG=false DJANGO_SECRET_KEY="ci-$(head -c 48 /dev/urandom | base64)"'),
    ("Makefile", "@printf 'DJANGO_DEBUG=true\\nDJANGO_SECRET_KEY=%s\\n' \"$$(python -c 'print(1)')\""),
    ("README.md", "export DJANGO_DEBUG=false DJANGO_SECRET_KEY=... DJANGO_ALLOWED_HOSTS=magsite.example.org"),
    ("tests/foundation/test_settings.py", 'run_settings(DJANGO_SECRET_KEY="x" * 50)'),
])
def test_documented_placeholders_and_generated_keys_are_allowed(name, line):
    assert find_secrets(name, line) == []
