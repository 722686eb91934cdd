# MagSite: two commands on a fresh machine with Python 3.12+.
#   make run   install, migrate, load demo content and accounts, serve on http://127.0.0.1:8000
#   make test  install test dependencies and run the whole suite (browser tests included)

VENV    ?= .venv
PY      := $(VENV)/bin/python
HOST    ?= 127.0.0.1
PORT    ?= 8000
PYTEST_ARGS ?=

.PHONY: run test lint check bench clean serve setup

run: setup
	@$(PY) manage.py runserver $(HOST):$(PORT)

# Everything `run` does except serving (idempotent: a second run changes no data).
setup: $(VENV)/.installed-run .env
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py load_demo
	@$(PY) manage.py render_pages

test: $(VENV)/.installed-test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

bench: $(VENV)/.installed-test
	$(PY) -m bench $(BENCH_ARGS)

$(VENV)/bin/python:
	@PYBIN=$$(scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$PYBIN ($$($$PYBIN --version))"; \
	$$PYBIN -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

# Local development settings, written once; never committed (.gitignore).
.env:
	@echo "Writing .env for local development (DEBUG on, SQLite, local-memory cache)"
	@printf 'DJANGO_DEBUG=true\nDJANGO_SECRET_KEY=%s\n' "$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache screenshots .test-media
