# ssm-contract — the two commands a newcomer runs: `make verify` and `make test`.
# Each target installs what it needs: the libcurl development package (Debian) and, for tests that drive
# real tools, a venv with pinned Python tools (moto server, AWS CLI v1, boto3/botocore).

SWIFT        ?= swift
SWIFT_FLAGS  ?=
VENV         ?= .venv
PYTHON       ?= python3
BIN_DIR       = $(shell $(SWIFT) build $(SWIFT_FLAGS) --show-bin-path 2>/dev/null)
CLI           = $(BIN_DIR)/ssm-contract

# Pinned Python tools (the real parts under test).
PY_PINS = moto[server]==5.2.1 awscli==1.45.11 boto3==1.43.11 botocore==1.43.11 jsonschema==4.26.0 PyYAML==6.0.3

.PHONY: all build test verify bench venv deps libcurl clean help

all: build

help:
	@echo "make verify   build, then check every contract against Recordings/ and print the report"
	@echo "make test     run the test suite (installs libcurl dev files and the pinned Python venv)"
	@echo "make build    build the package"
	@echo "make bench    run the benchmarks (figures side by side with their baselines)"
	@echo "make venv     install the pinned Python tools into $(VENV)"

## libcurl development files (Debian: libcurl4-openssl-dev), installed only when missing.
libcurl:
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
	  echo "Installing libcurl4-openssl-dev (needed to build the libcurl transport)..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null \
	    || { echo "error: could not install libcurl4-openssl-dev; install it with your package manager and retry" >&2; exit 2; }; \
	fi

## The pinned Python tools, in a venv (re-created when the pins change).
$(VENV)/.pins: Makefile
	@echo "Installing pinned Python tools into $(VENV)..."
	@$(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check $(PY_PINS)
	@echo "$(PY_PINS)" > $@

venv: $(VENV)/.pins

deps: libcurl venv

build: libcurl
	$(SWIFT) build $(SWIFT_FLAGS)

test: deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	SSM_CONTRACT_VENV=$(abspath $(VENV)) $(SWIFT) test $(SWIFT_FLAGS) --skip-build

verify: build
	$(CLI) verify Recordings

bench: libcurl venv
	@echo "No benchmarks yet."

clean:
	rm -rf .build

# ---- contracts (issue 4): the catalog table in README, the aws-docs recordings, the verify benchmark ----------
RELEASE_SCRATCH ?= .build-release
BENCH_CORPUS    ?= .build-bench/verify-corpus
BENCH_FILES     ?= 100
BENCH_PER_FILE  ?= 1000

.PHONY: contracts-table aws-docs-recordings bench-verify

## Rewrites README's <!-- section: contracts --> table from Contracts/ (never edit that table by hand).
contracts-table: build
	@$(CLI) verify --list-contracts --markdown > .contracts-table.md.tmp
	@$(PYTHON) Benchmarks/replace_section.py README.md contracts-table .contracts-table.md.tmp
	@rm -f .contracts-table.md.tmp
	@echo "README.md: contracts table regenerated from Contracts/"

## Rebuilds Recordings/aws-docs/ from the documentation examples (seeds + the AWS CLI's example pages).
aws-docs-recordings: venv
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	SSM_CONTRACT_VENV=$(abspath $(VENV)) SSM_CONTRACT_REGENERATE_AWS_DOCS=1 $(SWIFT) test $(SWIFT_FLAGS) --skip-build --filter AWSDocsRecordingsTests

## verify throughput over >= 100,000 generated responses, side by side with the plain-Python baseline.
bench-verify: libcurl venv
	$(SWIFT) build -c release --scratch-path $(RELEASE_SCRATCH) --product ssm-contract
	@test -f $(BENCH_CORPUS)/corpus-$$(printf %04d $$(($(BENCH_FILES) - 1))).json || \
	  $(VENV)/bin/python Benchmarks/generate_corpus.py $(BENCH_CORPUS) $(BENCH_FILES) $(BENCH_PER_FILE)
	@$(VENV)/bin/python Benchmarks/bench_verify.py $(RELEASE_SCRATCH)/release/ssm-contract $(BENCH_CORPUS)
