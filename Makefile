# The two commands of README.md: `make run` (portal with demo content) and `make test` (whole suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv messages migrate demo lint format clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Cần Python 3.11 ($(PYTHON))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# The admin's Vietnamese catalogue (portal/locale/vi) and the public site's English one (portal/locale/en),
# compiled in Python: no GNU gettext needed.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard portal/locale/*/LC_MESSAGES/*.po))
messages: $(CATALOGUES)

portal/locale/%.mo: portal/locale/%.po $(VENV)/.installed
	$(PY) manage.py admin_translations --compile

migrate: venv messages
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: venv messages
	bash scripts/test

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: venv
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) $(CATALOGUES) db.sqlite3 media staticfiles .test-media .pytest_cache .ruff_cache
