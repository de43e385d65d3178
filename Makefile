# Two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev chromium varnish lint check benchmark benchmark-stack clean stack stack-down stack-manage

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make installs happen once, and again only when the requirements change.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Links the demo prints and the admin's emails carry point at the address actually served.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# PYTEST_ARGS='-m "not stack"' leaves out the system tests of the stack (they need PostgreSQL).
test: install-dev chromium varnish
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

benchmark: install-dev
	$(PY) -m tests.benchmarks

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .test-media .demo-accounts.json

# The production layout on loopback: Varnish in front of two gunicorn app servers, PostgreSQL and
# Redis, seeded with the demo (deploy/stack.py; docs/deploy.md, "Past one machine").
# Debian's varnish and redis-server for the stack and its tests (a test starts redis-servers of
# its own; the machine's Redis is never stopped).
varnish:
	@{ command -v varnishd || [ -x /usr/sbin/varnishd ]; } >/dev/null 2>&1 \
		&& command -v redis-server >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq varnish redis-server; }

stack: install varnish
	$(PY) deploy/stack.py up

stack-down:
	$(PY) deploy/stack.py down

# e.g. make stack-manage CMD=createsuperuser; make stack-manage CMD=shell < script.py
stack-manage:
	$(PY) deploy/stack.py manage $(CMD)

# wrk against the stack's layout on loopback (its own ports, database and Redis); several minutes.
benchmark-stack: install-dev varnish
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }
	$(PY) -m tests.benchmarks.stack_http
