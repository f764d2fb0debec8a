# duizhao — every target sets itself up: a fresh clone needs nothing but python3 and make.
#   make serve   set up, check the corpus, build and serve the bilingual site on localhost
#   make test    set up (incl. Debian chromium for browser tests, jing for schema tests), run the whole test suite
#   make check   lint the corpus (TEI + YAML)
#   make site    static build of the site with --strict into build/site (after make evaluation)
#   make data    the corpus as research data in build/data (data package, SQLite, Parquet, vertical)
#   make release VERSION=X.Y.Z   a versioned release (changelog, CITATION.cff, archive in build/release)
#   make evaluation  leave-one-document-out evaluation of the recommenders (build/evaluation.json,
#                re-run only when the corpus, the annotations or the recommenders change)

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
HOST    ?= 127.0.0.1:8000
CHROMIUM := /usr/bin/chromium
JING    := /usr/bin/jing
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve test check site evaluation chromium jing clean bench data release

setup: $(STAMP)

# torch==2.13.0 (CPU wheel) goes in first, so that stanza does not pull the CUDA build.
# cffconvert 2.0.0 (the CITATION.cff test) caps jsonschema < 4 (2021); its validation runs unchanged on
# jsonschema 4, so it goes in without its pins (its other need, pykwalify, is in the test extra).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps cffconvert==2.0.0
	touch $(STAMP)

# Debian's chromium (browser tests) and a CJK font (readable screenshots), if missing.
chromium:
	@if [ ! -x $(CHROMIUM) ] || ! fc-list :lang=zh 2>/dev/null | grep -q . ; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei ; \
	fi

# Debian's jing (Java): the reference RELAX NG validator that tests/test_schema_jing.py holds
# rule X002 (libxml2) to; duizhao check itself never runs it.
jing:
	@if [ ! -x $(JING) ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends jing ; \
	fi

check: setup
	$(BIN)/duizhao check

EVALUATION := build/evaluation.json
evaluation: $(EVALUATION)

# the site publishes it (Reference › Suggestion quality); stanza is trained once per held-out document
$(EVALUATION): $(STAMP) $(wildcard corpus/*.xml annotations/*.yaml tools/duizhao/suggest/*.py)
	$(BIN)/duizhao evaluate --output $@

site: setup $(EVALUATION)
	$(BIN)/mkdocs build --strict

serve: setup
	-$(BIN)/duizhao check
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST)

test: setup chromium jing
	$(BIN)/python -m pytest

# the corpus as research data in build/data/: data package (validated with frictionless), SQLite, Parquet, vertical
data: setup
	$(BIN)/duizhao export package

# a versioned release (make release VERSION=X.Y.Z): check --strict, changelog, CITATION.cff, archive
release: setup
	$(BIN)/duizhao release $(VERSION)

bench: setup
	$(BIN)/python benchmarks/check_scale.py

clean:
	rm -rf build .pytest_cache
