# newsx — set-up, demo, tests, evaluation and benchmarks.
# `make demo` and `make test` work on a fresh machine with Python 3.10+.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
NEWSX   = $(BIN)/newsx
TEXTDUMPS = data/textdumps-scrapinghub
HTMLPAGES = data/html-scrapinghub
OUT     = out

.PHONY: demo test lint eval bench bench-text bench-html bench-memory bench-batch golden clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## demo: install newsx in .venv and run it on samples/ (a table, then JSON Lines)
demo: $(VENV)/.installed
	$(NEWSX) extract samples/ --format table
	$(NEWSX) extract samples/ --fields source,header.title,header.published,body.words

## test: install the test dependencies, lint, run the whole suite on 2 cores
test: $(VENV)/.installed
	$(BIN)/ruff check newsx tests benchmarks
	$(BIN)/python -m pytest -n 2 --timeout 900

lint: $(VENV)/.installed
	$(BIN)/ruff check newsx tests benchmarks

## eval: score newsx on the development corpora (body F1 per text-dump flavor)
eval: $(VENV)/.installed
	@mkdir -p $(OUT)
	@for flavor in compact innertext wrapped; do \
	  $(NEWSX) extract $(TEXTDUMPS)/*.$$flavor.txt > $(OUT)/text-$$flavor.jsonl; \
	  printf 'text %-9s ' $$flavor; \
	  $(BIN)/python tests/eval/score.py $(TEXTDUMPS) $(OUT)/text-$$flavor.jsonl | head -1; \
	done
	@$(NEWSX) extract $(HTMLPAGES)/html > $(OUT)/html.jsonl
	@printf 'html body+header '
	@$(BIN)/python tests/eval/score.py $(HTMLPAGES) $(OUT)/html.jsonl | head -1
	@printf 'html related     '
	@$(BIN)/python tests/eval/score_related.py $(HTMLPAGES)/related_truth.jsonl $(OUT)/html.jsonl | head -1

## bench: time newsx against the tools users would pick instead (see benchmarks/README.md)
bench: bench-text bench-html bench-memory bench-batch

$(VENV)/.bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

bench-text: $(VENV)/.bench
	$(BIN)/python benchmarks/bench_text.py --breakdown

bench-html: $(VENV)/.bench
	$(BIN)/python benchmarks/bench_html.py --breakdown

bench-memory: $(VENV)/.bench
	$(BIN)/python benchmarks/bench_memory.py

bench-batch: $(VENV)/.bench
	$(BIN)/python benchmarks/bench_batch.py

## golden: rewrite the golden records of samples/ (review the diff!)
golden: $(VENV)/.installed
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache build *.egg-info
