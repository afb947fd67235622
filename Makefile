# planparse — the two commands that set everything up on a fresh machine:
#   make demo   create .venv, install planparse, parse corpora/ and show the result
#   make test   install the test dependencies and run the whole suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test bench eval install install-dev clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install -e '.[all]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(VENV)/bin/planparse parse corpora/*.txt --format tree --summary

test: install-dev
	$(PY) -m pytest planparse tests

bench: install-dev
	$(PY) -m benchmarks

eval: install-dev
	$(PY) -m planparse.evaluation corpora

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
