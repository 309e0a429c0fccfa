# The README's two commands are `make run` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails point where `make run` serves, unless the environment says otherwise.
BRANDKIT_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test bench mutation lint format messages clean install chromium e2e-deps system-deps

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# End-to-end tests drive Debian's Chromium (never a downloaded browser) and run axe-core,
# vendored from the npm registry.
AXE_VERSION := 4.14.1
AXE := tests/e2e/vendor/axe.min.js

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the end-to-end tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(AXE):
	mkdir -p tests/e2e/vendor
	cd tests/e2e/vendor && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
		tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js package/LICENSE && \
		mv package/axe.min.js axe.min.js && mv package/LICENSE LICENSE-axe-core && \
		rmdir package && rm axe-core-$(AXE_VERSION).tgz

e2e-deps: chromium $(AXE)

# Debian packages the checks need at run time: Tesseract 5 with the Estonian and Russian models
# (English ships with it) for text inside images, jbig2dec for JBIG2 images in PDFs, poppler's
# tools for looking at rendered documents. Installed once, only when one is missing.
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-est tesseract-ocr-rus jbig2dec poppler-utils

system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

install: $(STAMP) system-deps

# The background worker (renditions, documents) runs beside the development server and stops
# with it.
run: $(STAMP) system-deps
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py loadbrandbook brandkit/brandbooks/ska.yaml
	DJANGO_DEBUG=1 $(PY) manage.py seed_demo
	BRANDKIT_BASE_URL=$(BRANDKIT_BASE_URL) DJANGO_DEBUG=1 $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	BRANDKIT_BASE_URL=$(BRANDKIT_BASE_URL) DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL names a server.
test: $(STAMP) system-deps e2e-deps
	$(PY) -m pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the suite again on PostgreSQL ($$TEST_DATABASE_URL) =="; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PY) -m pytest; \
	fi

# Mutation testing (mutmut; not part of `make test`): the modules in pyproject's [tool.mutmut]
# against their focused tests, then each file's score. Takes 15-30 minutes on two cores.
MUTATION_STAMP := $(VENV)/.mutation-installed

$(MUTATION_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,mutation]'
	touch $(MUTATION_STAMP)

mutation: $(MUTATION_STAMP) system-deps
	rm -rf mutants
	$(PY) -m mutmut run
	$(PY) tools/mutation_scores.py

# All benchmarks, or some: `make bench BENCH=bench_load`.
bench: $(STAMP) system-deps
	$(PY) -m bench $(BENCH)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l et -l en -l ru --ignore '.venv/*'
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis mutants
