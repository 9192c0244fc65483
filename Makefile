# Two commands for a fresh machine with Python 3.11+, git and make:
#   make serve   install on first run, then serve the site at http://127.0.0.1:8000/ with live reload
#   make test    install on first run (Chromium too, from Debian), then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check review chromium lock lighthouse downloads editor

serve: $(STAMP) editor
# --dirty: a save rebuilds only the pages that changed (1.5 s instead of 4-5 s at 200 guides per language,
# benchmarks/serve_rebuild.py); --no-strict because MkDocs warns about --dirty. See README.
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty --no-strict

test: $(STAMP) chromium lighthouse editor
	$(BIN)/pytest

build: $(STAMP) editor
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/selamat check

# What needs a person to look at it, oldest first, in both languages, as Markdown in review.md (the monthly
# workflow puts it in an issue); `selamat review` prints it, `--format json` for tools.
review: $(STAMP)
	{ $(BIN)/selamat review --format markdown; echo; echo '---'; echo; $(BIN)/selamat review --format markdown --lang ms; } > review.md

# The offline editions to pass on (downloads/selamat-en.zip and selamat-ms.zip, from a plain-file
# build); run it before `make build`, which then publishes them at /downloads/ with their size.
downloads: $(STAMP)
	$(BIN)/selamat offline-zip --out downloads

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

# Lighthouse, pinned in benchmarks/lighthouse/package-lock.json, for the performance test and
# benchmarks/lighthouse_scores.py; installed from the npm registry when missing or when the pin changes.
LIGHTHOUSE := benchmarks/lighthouse/node_modules/lighthouse/cli/index.js
lighthouse: $(LIGHTHOUSE)
$(LIGHTHOUSE): benchmarks/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Node.js and npm from Debian (needed by Lighthouse)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --prefix benchmarks/lighthouse --no-audit --no-fund
	touch $@

# The web editor at /admin/ (Decap CMS) and its local-mode proxy (decap-server), pinned in
# editor/package-lock.json; installed from the npm registry when missing or when the pin changes.
EDITOR := editor/node_modules/decap-cms/dist/decap-cms.js
editor: $(EDITOR)
$(EDITOR): editor/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Node.js and npm from Debian (needed by the web editor)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --prefix editor --no-audit --no-fund
	touch $@

# Refresh requirements.lock after changing a pin in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --exclude selamat > requirements.lock
