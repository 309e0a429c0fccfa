# The README's two commands are `make run` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres bench lint format messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py loadbrandbook brandkit/brandbooks/ska.yaml
	DJANGO_DEBUG=1 $(PY) manage.py seed_demo
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL names a server.
test: $(STAMP)
	$(PY) -m pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the suite again on PostgreSQL ($$TEST_DATABASE_URL) =="; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(PY) -m pytest; \
	fi

bench: $(STAMP)
	$(PY) -m bench

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
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
