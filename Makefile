# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    := out
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QA_INPUTS := samples/digests --abstracts samples/abstracts.jsonl --glossary glossaries/ml-ja.yaml

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The modules setup.py compiles are built beside their sources by the editable install, and
# Python imports the build before the source: an edited one is rebuilt before anything runs.
COMPILED := $(shell grep -o '"qa/[^"]*\.py"' setup.py | tr -d '"')

# Reinstall only when the project's dependencies or compiled modules change; a second run reuses .venv.
# torch is pinned first: argostranslate's stanza pin would otherwise pull a multi-GB CUDA build.
# The package's bytecode is compiled once, as pip does for an installed package: an editable
# install leaves that to the first run, and where PYTHONDONTWRITEBYTECODE is set, to every run.
$(STAMP): pyproject.toml setup.py $(COMPILED) | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test,mt]'
	$(BIN)/python -m compileall -q qa
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the review-page tests (Playwright drives it; no browser is downloaded),
# and a CJK font so the Japanese in the screenshots is legible.
/usr/bin/chromium:
	$(SUDO) apt-get update -q
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk

demo: install
	@mkdir -p $(OUT)
	$(BIN)/qa parse samples/digests --json > $(OUT)/parse.json
	$(BIN)/qa detect samples/digests --json > $(OUT)/languages.json
	$(BIN)/qa check $(QA_INPUTS) --fail-on never --format json -o $(OUT)/findings.json
	$(BIN)/qa check $(QA_INPUTS) --fail-on never --format sarif -o $(OUT)/findings.sarif
	$(BIN)/qa check $(QA_INPUTS) --fail-on never -o $(OUT)/findings.txt
	$(BIN)/qa export $(QA_INPUTS) --with-findings --to html -o $(OUT)/review.html --force
	$(BIN)/qa export $(QA_INPUTS) --to tmx -o $(OUT)/samples.tmx --force
	@tail -n 1 $(OUT)/findings.txt
	@echo
	@echo "Outputs:"
	@echo "  $(OUT)/findings.txt     the pre-publication check, for people (info findings: --show-info)"
	@echo "  $(OUT)/findings.json    the same as JSON;  $(OUT)/findings.sarif  as SARIF 2.1.0"
	@echo "  $(OUT)/review.html      side-by-side review page with the findings highlighted"
	@echo "  $(OUT)/samples.tmx      aligned sentence pairs for translation tools"
	@echo "  $(OUT)/parse.json       papers and sections;  $(OUT)/languages.json  per-sentence languages"

test: install /usr/bin/chromium
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/align.py
	$(BIN)/python benchmarks/glossary.py
	$(BIN)/python benchmarks/check.py
	$(BIN)/python benchmarks/inject.py
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/mt.py

clean:
	rm -rf $(OUT) .pytest_cache
