# The two commands a newsroom needs: `make run` (the site on http://127.0.0.1:8000/)
# and `make test` (the whole suite). Everything else here serves those two.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
BENCH_ARGS ?=
# Every recipe finds (or starts) PostgreSQL first; see scripts/database.py.
DATABASE = DATABASE_URL="$$($(PY) scripts/database.py)"; export DATABASE_URL
DEVELOPMENT = export DEBUG="$${DEBUG:-true}"

.PHONY: help run test bench backup restore deploy lint messages clean

help:
	@echo "make run    install, prepare the database and serve the site on http://$(HOST):$(PORT)/"
	@echo "make test   lint, Django checks and the whole test suite (browser tests included)"
	@echo "make bench  measure every page under load (BENCH_ARGS=\"--articles 100000 --keep\")"
	@echo "make messages   update locale/*.po from the code and compile them"
	@echo "make backup     the database and the media into one archive in var/backups/ (or BACKUP_DIR)"
	@echo "make restore ARCHIVE=var/backups/….tar   restore one into an empty database (FORCE=1: replace)"
	@echo "make restore OFFSITE=latest IDENTITY=key.txt   the newest off-site one, encrypted"
	@echo "make deploy     on the server: fetch, install, migrate, collect static, reload without downtime"

.tools/bin/uv:
	@echo "uv not found: installing it into .tools/ …"
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# uv uses the Python that .python-version names when the machine has it (pyenv's, say) and
# downloads one only where none is installed. The optional extras (S3 storage) too: a deploy
# installs them, and its test runs offline from what this put in uv's cache. Compiled to
# bytecode once here: where PYTHONDONTWRITEBYTECODE is set (as on this machine), every process would
# otherwise compile Django anew, 1.4 s of CPU each (the suite starts many: servers, commands).
.venv/.synced: pyproject.toml uv.lock | $(UV)
	@echo "Installing the Python packages (uv sync) …"
	$(UV) sync --frozen --all-extras --compile-bytecode --quiet
	touch $@

# The page checkers the tests run (axe-core inside Chromium, the Nu HTML Checker on Java):
# exact versions from package-lock.json, into node_modules/. Readers are served none of it.
node_modules/.installed: package.json package-lock.json
	@echo "Installing the page checkers (npm ci) …"
	npm ci --no-audit --no-fund --silent
	touch $@

run: .venv/.synced
	@$(DATABASE)
	$(DEVELOPMENT)
	if [ ! -f .env ]; then
	  printf 'DEBUG=true\nSECRET_KEY=%s\nDATABASE_URL=%s\n' \
	    "$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" "$$DATABASE_URL" > .env
	  echo "Wrote .env (development settings), so that manage.py also works on its own."
	fi
	echo "Preparing the database (migrations, name days, the demo issue) …"
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_namedays -v0
	$(PY) manage.py load_demo
	$(PY) manage.py load_pages
	$(PY) manage.py ensure_editor --site-url http://$(HOST):$(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite drives Debian's Chromium and starts private redis-server and nginx processes:
# installed here when we are root, else named in one line before anything else runs.
test: .venv/.synced
	@scripts/require.sh "the tests" chromium=chromium redis-server=redis-server nginx=nginx \
	  npm=npm java=default-jre-headless
	$(MAKE) --no-print-directory node_modules/.installed
	$(DATABASE)
	$(DEVELOPMENT)
	echo "ruff: lint and format …"
	.venv/bin/ruff check --quiet .
	.venv/bin/ruff format --check --quiet .
	echo "djhtml: template indentation …"
	.venv/bin/djhtml --check templates
	echo "Django's checks and missing migrations …"
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	echo "pytest $(PYTEST_ARGS)"
	$(PY) -m pytest $(PYTEST_ARGS)

bench: .venv/.synced
	@$(DATABASE)
	scripts/require.sh "the benchmark" redis-server=redis-server valgrind=valgrind cc=gcc
	scripts/require.sh "the benchmark's load" wrk=wrk ||
	  echo "Using a Python load generator instead of wrk, whose ceiling is lower."
	$(PY) scripts/bench.py $(BENCH_ARGS)

backup: .venv/.synced
	@$(DATABASE)
	$(DEVELOPMENT)
	$(PY) scripts/backup.py create $(if $(BACKUP_DIR),--output "$(BACKUP_DIR)")

restore: .venv/.synced
	@$(DATABASE)
	$(DEVELOPMENT)
	$(PY) scripts/backup.py restore $(if $(ARCHIVE),"$(ARCHIVE)") $(if $(OFFSITE),--offsite "$(OFFSITE)") \
	  $(if $(IDENTITY),--identity "$(IDENTITY)") $(if $(FORCE),--force)

# On the server, as the checkout's owner: scripts/deploy.sh says what it does.
deploy: | $(UV)
	@bash scripts/deploy.sh

lint: .venv/.synced
	@.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	.venv/bin/djhtml templates

messages: .venv/.synced
	@$(DATABASE)
	$(DEVELOPMENT)
	for lang in lv ru en; do
	  $(PY) manage.py makemessages --locale $$lang --ignore '.venv/*' --ignore '.tools/*' --ignore 'var/*' --ignore 'node_modules/*' --no-obsolete
	  # The admin's own scripts (static/js), not vendored or npm ones.
	  $(PY) manage.py makemessages --domain djangojs --locale $$lang --ignore '.venv/*' \
	    --ignore '.tools/*' --ignore 'var/*' --ignore 'node_modules/*' --ignore 'static/vendor/*' \
	    --no-obsolete
	done
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore '.tools/*'

clean:
	@rm -rf .venv .tools var/static node_modules
