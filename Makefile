# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    := out

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change; a second run reuses .venv.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	@mkdir -p $(OUT)
	$(BIN)/qa parse samples/digests --json > $(OUT)/parse.json
	$(BIN)/qa detect samples/digests > $(OUT)/languages.txt
	$(BIN)/qa detect samples/digests --json > $(OUT)/languages.json
	@cat $(OUT)/languages.txt | grep -v '^  .*=' || true
	@echo
	@echo "Outputs:"
	@echo "  $(OUT)/parse.json      papers and sections of every sample"
	@echo "  $(OUT)/languages.txt   language per section, language problems"
	@echo "  $(OUT)/languages.json  the same with per-sentence languages and offsets"

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/parse.py

clean:
	rm -rf $(OUT) .pytest_cache
