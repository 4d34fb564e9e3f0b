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
PY_REQUIREMENTS = Scripts/python-requirements.txt

.PHONY: all build test verify bench venv deps libcurl clean help check-dependencies

all: build

help:
	@echo "make verify   build, then check every contract against Recordings/ and print the report"
	@echo "make test     run the test suite (installs libcurl dev files and the pinned Python venv)"
	@echo "make build    build the package"
	@echo "make bench    run the benchmarks (figures side by side with their baselines)"
	@echo "make fuzz     run each libFuzzer target for FUZZ_SECONDS (default 60); a crash fails it (docs/fuzzing.md)"
	@echo "make venv     install the pinned Python tools into $(VENV)"
	@echo "make audit    scan Recordings/ for credentials, signatures, session tokens and account ids"
	@echo "make check-dependencies   Package.swift declares exactly what each target imports (docs/architecture.md)"
	@echo "make format   format the Swift sources with .swift-format; make format-check only reports"

## libcurl development files (Debian: libcurl4-openssl-dev), installed only when missing.
libcurl:
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
	  echo "Installing libcurl4-openssl-dev (needed to build the libcurl transport)..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null \
	    || { echo "error: could not install libcurl4-openssl-dev; install it with your package manager and retry" >&2; exit 2; }; \
	fi

## The pinned Python tools, in a venv (brought up to date when the pins change).
$(VENV)/.pins: $(PY_REQUIREMENTS)
	@echo "Installing pinned Python tools into $(VENV)..."
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check -r $(PY_REQUIREMENTS) \
	  || { echo "error: could not install the pinned Python tools ($(PY_REQUIREMENTS)); check network access to the Python package index and retry" >&2; exit 2; }
	@cp $(PY_REQUIREMENTS) $@

venv: $(VENV)/.pins

deps: libcurl venv

build: libcurl
	$(SWIFT) build $(SWIFT_FLAGS)

# Tests run one at a time (--no-parallel): many tests wait on child processes (the AWS CLI, boto3, moto, the built
# binary), and on a 2-core machine Swift's cooperative pool has two threads, so blocked tests run in parallel starved
# the loopback servers of the others into 20-second transport timeouts.
test: deps check-dependencies model-check format-check
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	SSM_CONTRACT_VENV=$(abspath $(VENV)) $(SWIFT) test $(SWIFT_FLAGS) --skip-build --no-parallel
	$(CLI) audit Recordings

## No credentials, signatures, session tokens or account ids in the committed recordings (also run by `make test`).
.PHONY: audit
audit: build
	$(CLI) audit Recordings

## House style: .swift-format (the toolchain's `swift format`) over the Swift sources; .editorconfig for editors.
SWIFT_FORMAT_PATHS ?= Package.swift Sources Tests Plugins Tools Benchmarks/ServeFloor
.PHONY: format format-check
format:
	$(SWIFT) format --in-place --parallel --recursive $(SWIFT_FORMAT_PATHS)

## Fails (and names file:line) where the tree is not formatted as `make format` leaves it.
format-check:
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_FORMAT_PATHS)

## Package.swift declares exactly what each target imports, and docs/architecture.md draws that graph.
check-dependencies:
	@$(PYTHON) Scripts/check-dependencies.py

verify: build
	$(CLI) verify Recordings

bench: bench-verify bench-skeleton bench-serve bench-scenarios

clean:
	rm -rf .build

# ---- skeleton: SSM shape model, skeletons, check-cli (owner: skeleton engineer) ----------------------------------
.PHONY: model model-check bench-skeleton check-cli
BENCH_RUNS ?= 20

## Regenerate Contracts/model/ssm-model.json from the venv's botocore (the only copy; every build compiles it in).
model: venv
	$(VENV)/bin/python Scripts/extract_ssm_model.py

## Fail when the committed model is not what the venv's botocore produces.
model-check: venv
	$(VENV)/bin/python Scripts/extract_ssm_model.py --check

## Skeleton latency beside `aws ssm get-command-invocation --generate-cli-skeleton`, ratio printed, then `check` of one
## response. Both are process start, so they are measured on the release build with the Swift runtime and Foundation
## linked in (--static-swift-stdlib: no shared Swift libraries to load and relocate; START_FLAGS= for a dynamic one).
START_SCRATCH ?= .build-release-static
START_FLAGS   ?= --static-swift-stdlib
bench-skeleton: libcurl venv
	$(SWIFT) build -c release $(START_FLAGS) --scratch-path $(START_SCRATCH) --product ssm-contract
	$(VENV)/bin/python Benchmarks/bench_skeleton.py -n $(BENCH_RUNS) \
	  --ssm-contract "$$($(SWIFT) build -c release $(START_FLAGS) --scratch-path $(START_SCRATCH) --show-bin-path)/ssm-contract" \
	  --aws $(VENV)/bin/aws

## Run the skeleton contracts against the venv's AWS CLI (AWS=path to check another CLI).
check-cli: build venv
	$(CLI) check-cli --aws $(or $(AWS),$(VENV)/bin/aws)

# ---- contracts (issue 4): the catalog table in docs/verify-and-check.md, the aws-docs recordings, the verify benchmark ----------
RELEASE_SCRATCH ?= .build-release
BENCH_CORPUS    ?= .build-bench/verify-corpus
BENCH_FILES     ?= 100
BENCH_PER_FILE  ?= 1000

.PHONY: contracts-table aws-docs-recordings bench-verify

## Rewrites the <!-- generated: contracts-table --> table in docs/verify-and-check.md from Contracts/ (never edit it by hand).
contracts-table: build
	@$(CLI) verify --list-contracts --markdown > .contracts-table.md.tmp
	@$(PYTHON) Benchmarks/replace_section.py docs/verify-and-check.md contracts-table .contracts-table.md.tmp
	@rm -f .contracts-table.md.tmp
	@echo "docs/verify-and-check.md: contracts table regenerated from Contracts/"

## Rebuilds Recordings/aws-docs/ from the documentation examples (seeds + the AWS CLI's example pages).
aws-docs-recordings: venv
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	SSM_CONTRACT_VENV=$(abspath $(VENV)) SSM_CONTRACT_REGENERATE_AWS_DOCS=1 $(SWIFT) test $(SWIFT_FLAGS) --skip-build --filter AWSDocsRecordingsTests

## verify throughput over >= 100,000 generated responses, side by side with the plain-Python baseline, then over
## the corpus doubled and quadrupled (BENCH_SCALES=1 for the base corpus only).
BENCH_SCALES ?= 1 2 4
bench-verify: libcurl venv
	$(SWIFT) build -c release --scratch-path $(RELEASE_SCRATCH) --product ssm-contract
	@for k in $(BENCH_SCALES); do \
	  dir=$(BENCH_CORPUS)$$([ $$k = 1 ] || echo "-x$$k"); files=$$(($(BENCH_FILES) * $$k)); \
	  test -f $$dir/corpus-$$(printf %04d $$(($$files - 1))).json || \
	    $(VENV)/bin/python Benchmarks/generate_corpus.py $$dir $$files $(BENCH_PER_FILE) || exit 1; \
	done
	@$(VENV)/bin/python Benchmarks/bench_verify.py $(RELEASE_SCRATCH)/release/ssm-contract \
	  $(foreach k,$(BENCH_SCALES),$(BENCH_CORPUS)$(if $(filter 1,$(k)),,-x$(k)))

# --- aws-wire: record scripted SSM sessions against the real moto server ----------------------------------------
# `make record-moto` starts moto_server from the venv on 127.0.0.1 (a free port), waits until it answers, runs
# `ssm-contract record` into Recordings/mock-moto-<version>/ (one cassette per scenario, source
# mock:moto@<version>), and stops moto whatever happens. Fake credentials: moto does not check signatures.
MOTO_VERSION = $(shell $(VENV)/bin/python -c 'import moto; print(moto.__version__)' 2>/dev/null)
# The one way to run moto (also used by the tests' MotoServer): 127.0.0.1, a free port, stopped whatever happens.
MOTO = $(VENV)/bin/python Scripts/moto_server.py
MOTO_RECORDINGS = Recordings/mock-moto-$(MOTO_VERSION)

.PHONY: record-moto
record-moto: build
	@test -x $(VENV)/bin/moto_server || $(MAKE) venv
	@$(MOTO) --log .build/moto-record.log -- sh -c '\
	  env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN -u AWS_SECURITY_TOKEN \
	  AWS_ACCESS_KEY_ID=AKIDMOTORECORDING001 AWS_SECRET_ACCESS_KEY=moto-recording-secret-not-real \
	  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
	  $(CLI) record --endpoint-url "$$MOTO_ENDPOINT" --region us-east-1 \
	    --source mock:moto@$(MOTO_VERSION) --output $(MOTO_RECORDINGS) --poll-delay 0.2 --force \
	    --instance-id i-0123456789abcdef0 --instance-id i-0fedcba9876543210'

# --- serve (replay server): `make serve` serves Recordings (or CASSETTES="a.json dir/") on a free loopback port
# until Ctrl-C; PORT=5001 picks the port. Point any SDK at the printed URL with --endpoint-url.
.PHONY: serve
CASSETTES ?= Recordings
PORT      ?= 0
serve: build
	$(CLI) serve $(CASSETTES) --port $(PORT)

# `make bench-serve`: serve (release) beside moto_server (venv) under wrk -t1 at 8 and 64 connections, the same
# GetCommandInvocation to both in the same run; req/s, p50, p99, errors and the ratio; beside them serve-floor, the
# same loopback server answering a constant response (the ceiling on this machine now). wrk comes from the
# distribution's packages (installed when missing). BENCH_SERVE_SECONDS sets each run's length.
.PHONY: bench-serve wrk load-serve
BENCH_SERVE_SECONDS ?= 10
wrk:
	@if ! command -v wrk >/dev/null 2>&1; then \
	  echo "Installing wrk (the HTTP load generator bench-serve uses)..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get install -y -qq wrk >/dev/null 2>&1 || { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; } \
	    || { echo "error: could not install wrk; install it with your package manager and retry" >&2; exit 2; }; \
	fi

## The serve load test at full length: 64 connections for 30 s (make test runs it for 5 s).
load-serve: build
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	SSM_CONTRACT_SERVE_LOAD_SECONDS=30 SSM_CONTRACT_VENV=$(abspath $(VENV)) $(SWIFT) test $(SWIFT_FLAGS) --skip-build --filter ServeLoadTests

bench-serve: libcurl venv wrk
	$(SWIFT) build -c release --scratch-path $(RELEASE_SCRATCH) --product ssm-contract
	$(SWIFT) build -c release --scratch-path $(RELEASE_SCRATCH) --product serve-floor
	@$(VENV)/bin/python Benchmarks/bench_serve.py --ssm-contract $(RELEASE_SCRATCH)/release/ssm-contract \
	  --serve-floor $(RELEASE_SCRATCH)/release/serve-floor --venv $(VENV) --duration $(BENCH_SERVE_SECONDS)

# --- live: the scheduled live check, rehearsed against the real moto server ------------------------------------
# `make live-moto` starts moto_server from the venv on 127.0.0.1 (a free port), runs `ssm-contract live` against it
# (source mock:moto@<version>, so nothing is labelled live) with the committed Recordings/mock-moto-<version>/ as the
# baseline (read only), and stops moto whatever happens. It fails with `live`'s status (1 contract failed, 5 drift).
# Against AWS, run the binary itself: ssm-contract live --instance-id i-… (see docs/live.md).
.PHONY: live-moto
live-moto: build
	@test -x $(VENV)/bin/moto_server || $(MAKE) venv
	@$(MOTO) --log .build/moto-live.log -- sh -c '\
	  env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN -u AWS_SECURITY_TOKEN \
	  AWS_ACCESS_KEY_ID=AKIDMOTOLIVECHECK001 AWS_SECRET_ACCESS_KEY=moto-live-check-secret-not-real \
	  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null SSM_CONTRACT_VENV=$(abspath $(VENV)) \
	  $(CLI) live --endpoint-url "$$MOTO_ENDPOINT" --region us-east-1 --source mock:moto@$(MOTO_VERSION) \
	    --instance-id i-0123456789abcdef0 --instance-id i-0fedcba9876543210 --poll-delay 0.2 \
	    --json .build/live-report.json --junit .build/live-report.xml'

# --- scenarios (issue 8): the catalog recorded from the emulator, the conformance table, the scenario bench -------
# `make record-emulator` starts `ssm-contract emulate` on 127.0.0.1 (a free port, two instances and an offline one),
# records the whole catalog (Contracts/scenarios.yaml) into Recordings/mock-ssm-contract-emulator-<version>/ (source
# mock:ssm-contract-emulator@<version>), and stops the emulator whatever happens.
EMULATOR_VERSION    = $(shell $(CLI) --version 2>/dev/null)
EMULATOR_RECORDINGS = Recordings/mock-ssm-contract-emulator-$(EMULATOR_VERSION)
EMULATOR_FLAGS     ?= --instance-id i-0123456789abcdef0 --instance-id i-0fedcba9876543210 --offline-instance-id i-0aaaaaaaaaaaaaaaa --time-scale 10
SCENARIO_FLAGS     ?= --instance-id i-0123456789abcdef0 --instance-id i-0fedcba9876543210 --offline-instance-id i-0aaaaaaaaaaaaaaaa --poll-delay 0.2

.PHONY: record-emulator conformance-table bench-scenarios
record-emulator: build
	@Scripts/with-emulator.sh "$(CLI)" .build/emulator-record.log "$(EMULATOR_FLAGS)" sh -c '\
	  env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN -u AWS_SECURITY_TOKEN \
	  AWS_ACCESS_KEY_ID=AKIDEMULATORRECORD01 AWS_SECRET_ACCESS_KEY=emulator-recording-secret-not-real \
	  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
	  $(CLI) record --endpoint-url "$$EMULATOR_ENDPOINT" --region us-east-1 \
	    --source mock:ssm-contract-emulator@$(EMULATOR_VERSION) --output $(EMULATOR_RECORDINGS) $(SCENARIO_FLAGS) --concurrency 4 --force'

## Rewrites docs/conformance.md: every contract × target (emulator, moto, aws-docs) from the bundled recordings.
conformance-table: build
	@$(PYTHON) Benchmarks/conformance_table.py $(CLI) docs/conformance.md $(wildcard Recordings/mock-ssm-contract-emulator-*) Recordings/mock-moto-5.2.1 Recordings/aws-docs

## API calls and wall time per scenario against the emulator (one `live --scenario` run each), printed.
bench-scenarios: build
	@$(PYTHON) Benchmarks/bench_scenarios.py $(CLI)

# --- fuzz: libFuzzer targets (Tests/Fuzz; docs/fuzzing.md) ------------------------------------------------------
# `make fuzz` builds ssm-contract-fuzz in its own scratch path (release, -sanitize=fuzzer,address; the target
# exists only with SSM_CONTRACT_FUZZ=1, so `swift build` and `make test` never build it) and runs each target for
# FUZZ_SECONDS (FUZZ_RUNS=N: N executions each instead). Corpus kept in $(FUZZ_SCRATCH)/corpus/<target>, seeded from Recordings/ and Tests/Fuzz/corpus/;
# a crash is saved to $(FUZZ_SCRATCH)/crashes/<target>/ and fails the run. FUZZ_TARGETS="json-parser" runs one.
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?=
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_TARGETS ?= json-parser cassette-loader aws-error-decoder check-input replay-matcher
FUZZ_BIN      = $(FUZZ_SCRATCH)/release/ssm-contract-fuzz
FUZZ_LLD      = $(dir $(realpath $(shell command -v $(SWIFT))))ld.lld

.PHONY: fuzz fuzz-build
fuzz-build: libcurl
	@mkdir -p $(FUZZ_SCRATCH)
	@# SwiftPM links executables with `--defsym main=…`, which gold rejects beside libFuzzer; lld accepts it.
	@# -use-ld=lld also reaches the build plugin's host tool (embed-files), which -Xswiftc builds with the
	@# sanitizers too: gold crashes linking it ("internal error in format_file_lineno"), failing any build that (re)links it.
	@printf '{ "schemaVersion": "1.0", "linker": { "path": "%s" } }\n' "$(FUZZ_LLD)" > $(FUZZ_SCRATCH)/toolset.json
	SSM_CONTRACT_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) --product ssm-contract-fuzz \
	  --toolset $(abspath $(FUZZ_SCRATCH))/toolset.json -Xswiftc -use-ld=lld -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz: fuzz-build
	@$(PYTHON) Scripts/fuzz_seeds.py Recordings $(FUZZ_SCRATCH)/seeds "$$($(FUZZ_BIN) --check-operations)"
	@FUZZ_RUNS=$(FUZZ_RUNS) Scripts/fuzz.sh $(FUZZ_BIN) $(FUZZ_SCRATCH) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
