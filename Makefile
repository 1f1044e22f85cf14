# JointCredit: two commands set everything up on a fresh machine: `make run` and `make test`.
SWIFT ?= swift
BUILD_DIR := .build/debug
TOOL := $(BUILD_DIR)/jointcredit
SAMPLE := Samples/tokyo-2011

FUZZ_SECONDS ?= 600
FUZZ_SEED ?= 1

.PHONY: all build run test bench fuzz docs lint format goldens clean

all: build

build:
	$(SWIFT) build

## run: allocate the bundled Tokyo 2011 sample and print where the statements went.
run: build
	$(TOOL) allocate $(SAMPLE)/submissions --purchase $(SAMPLE)/purchase.json --out out/tokyo-2011

## test: every unit, property, golden and end-to-end test; the kill test (the output folder is one
## whole run after kill -9, SIGTERM, SIGINT and concurrent runs); a brief fuzz; every workbook
## of the samples read by openpyxl (from PyPI if missing) and compared cell by cell with its CSV; the HTML
## statements rendered in headless Chromium (installed from Debian's packages if missing).
test:
	$(SWIFT) build
	$(SWIFT) test
	python3 Scripts/kill-test.py --tool $(TOOL) --quick
	python3 Scripts/fuzz.py --tool $(TOOL) --seconds 45 --seed $(FUZZ_SEED)
	python3 Scripts/check-doc-examples.py
	python3 Scripts/check-workbooks.py --tool $(TOOL)
	Scripts/check-report.sh $(TOOL)

## docs: the DocC documentation of the library, with no warning, and every example in it
## compiled against the library (Scripts/docs.sh); the site goes to .build/docs.
docs:
	Scripts/docs.sh

## fuzz: the release build under the mutation fuzzer for FUZZ_SECONDS (default 600) from
## FUZZ_SEED; findings, each with a repro.sh, go to .fuzz-findings/.
fuzz:
	$(SWIFT) build -c release
	python3 Scripts/fuzz.py --tool .build/release/jointcredit --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

## bench: release build; wall time and peak memory of validate and allocate (main statements with
## and without the workbook) on the realistic shape at 10k, 100k and 1M events, each against the
## C read floor built in the same run; apportion per method; everything but the certificates
## (with them up to 100k); then the apportionment core alone, per method (docs/performance.md).
## SCALING="3000000 10000000" adds validate and the main statements at those sizes, one run each,
## per million events. BENCH_OUT=/dev/shm writes the outputs to memory, to leave the file
## system out.
bench:
	Scripts/bench.sh
	$(SWIFT) run -c release JointCreditBenchmarks

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Benchmarks

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

## goldens: rewrite Samples/*/expected from the current build (review the diff before committing).
goldens: build
	Scripts/update-goldens.sh $(TOOL)

clean:
	rm -rf .build out .fuzz-findings
