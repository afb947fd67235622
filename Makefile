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

# planparse with its compiled modules (setup.py: built again when a module changes) and
# every optional feature; then the test tools, without building planparse a second time.
$(VENV)/.installed: pyproject.toml setup.py $(wildcard planparse/*.py) | $(VENV)/bin/activate
	$(PIP) install -e '.[all]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install $$($(PY) scripts/extra_requirements.py dev)
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(VENV)/bin/planparse parse corpora/*.txt --format tree --summary

# The suite twice: on the compiled modules (what an install runs), then on the pure-Python
# source (what runs without a C compiler, and where the compiled modules' doctests run).
test: install-dev
	$(PY) -m pytest planparse tests
	PLANPARSE_PURE=1 $(PY) -m pytest planparse tests

bench: install-dev
	$(PY) -m benchmarks

eval: install-dev
	$(PY) -m planparse.evaluation corpora

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis planparse/*.so planparse/*.c planparse/_native.json
