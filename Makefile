# Two commands for a new machine: `make run` and `make test`. The virtual environment lives in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test bench lint eval install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/marsad demo

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/extract.py

# The figures are measured with the OCHA gazetteer imported (into a data directory of this checkout).
EVALDATA := $(CURDIR)/.eval-data

eval: install
	MARSAD_DATA_DIR=$(EVALDATA) $(BIN)/marsad gazetteer import ocha $(SHARED)/data/ocha-syria
	MARSAD_DATA_DIR=$(EVALDATA) $(BIN)/marsad eval --articles $(SHARED)/eval/seeds.articles.jsonl --gold $(SHARED)/eval/seeds.gold.jsonl
	MARSAD_DATA_DIR=$(EVALDATA) $(BIN)/marsad eval --articles $(SHARED)/eval/dev.articles.jsonl --gold $(SHARED)/eval/dev.gold.jsonl
	for s in sentences reports voices roundups; do \
	  MARSAD_DATA_DIR=$(EVALDATA) $(BIN)/marsad eval --articles tests/fixtures/heldout/$$s.articles.jsonl \
	    --gold tests/fixtures/heldout/$$s.gold.jsonl | head -12; done

clean:
	rm -rf $(VENV) build src/*.egg-info $(EVALDATA)
