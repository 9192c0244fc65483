# Two commands for a fresh machine with Python 3.11+, git and make:
#   make serve   install on first run, then serve the site at http://127.0.0.1:8000/ with live reload
#   make test    install on first run (Chromium too, from Debian), then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check chromium lock

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(STAMP) chromium
	$(BIN)/pytest

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/selamat check

# The virtual environment, reinstalled whenever the pins change.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Selamat needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $@

# Playwright's own browser download is not available here: the tests drive Debian's Chromium.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian (needed by the browser tests)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Refresh requirements.lock after changing a pin in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --exclude selamat > requirements.lock
