#!/usr/bin/env python3
"""`make bench-verify`: times `ssm-contract verify` (release build) and the plain-Python baseline over the same
generated corpus (>= 100,000 responses), in the same run, and prints both throughputs and the ratio.

usage: bench_verify.py SSM_CONTRACT_BINARY CORPUS_DIR
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    runs = []
    for attempt in range(2):
        started = time.perf_counter()
        swift = subprocess.run([binary, "verify", corpus], capture_output=True, text=True)
        swift_seconds = time.perf_counter() - started
        if swift.returncode not in (0, 1):
            sys.exit("ssm-contract verify failed (%d): %s" % (swift.returncode, swift.stderr.strip()))
        started = time.perf_counter()
        python = subprocess.run([sys.executable, os.path.join(HERE, "verify_baseline.py"), corpus], capture_output=True, text=True, check=True)
        python_seconds = time.perf_counter() - started
        baseline = json.loads(python.stdout)
        runs.append((swift_seconds, python_seconds, baseline, swift))
    swift_seconds = min(r[0] for r in runs)
    python_seconds = min(r[1] for r in runs)
    baseline, swift = runs[-1][2], runs[-1][3]
    responses = baseline["responses"]
    summary = next((line for line in swift.stdout.splitlines() if line.startswith("ssm-contract verify:")), "")
    print("corpus: %s (%d responses)" % (corpus, responses))
    print("  %s" % summary)
    print("  baseline failures found: %d; ssm-contract exit status: %d" % (baseline["failures"], swift.returncode))
    print("%-48s %8.2f s  %10.0f responses/s" % ("ssm-contract verify (Swift, release, all contracts)", swift_seconds, responses / swift_seconds))
    print("%-48s %8.2f s  %10.0f responses/s" % ("Python baseline (per-response checks only)", python_seconds, responses / python_seconds))
    print("ratio: ssm-contract is %.2fx the Python baseline's throughput (best of 2 runs each, wall clock incl. process start)" % (python_seconds / swift_seconds))


if __name__ == "__main__":
    main()
