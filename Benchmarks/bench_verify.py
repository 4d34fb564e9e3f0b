#!/usr/bin/env python3
"""`make bench-verify`: times `ssm-contract verify` (release build) and the plain-Python baseline over the same
generated corpus (>= 100,000 responses), in the same run, and prints both throughputs, the ratio and each one's
peak memory (maximum resident set size of the process).

usage: bench_verify.py SSM_CONTRACT_BINARY CORPUS_DIR
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measured(argv):
    """Runs argv in a fresh interpreter so that its peak memory is its own (RUSAGE_CHILDREN of that helper)."""
    helper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "s = time.perf_counter() - t\n"
        "print(json.dumps({'seconds': s, 'rc': p.returncode, 'stdout': p.stdout, 'stderr': p.stderr,"
        " 'peak_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    result = json.loads(subprocess.run([sys.executable, "-c", helper] + argv, capture_output=True, text=True, check=True).stdout)
    return result


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    runs = []
    for attempt in range(2):
        swift = measured([binary, "verify", corpus])
        if swift["rc"] not in (0, 1):
            sys.exit("ssm-contract verify failed (%d): %s" % (swift["rc"], swift["stderr"].strip()))
        python = measured([sys.executable, os.path.join(HERE, "verify_baseline.py"), corpus])
        if python["rc"] != 0:
            sys.exit("the Python baseline failed (%d): %s" % (python["rc"], python["stderr"].strip()))
        runs.append((swift, python))
    swift_seconds = min(r[0]["seconds"] for r in runs)
    python_seconds = min(r[1]["seconds"] for r in runs)
    swift_peak = max(r[0]["peak_kb"] for r in runs) / 1024
    python_peak = max(r[1]["peak_kb"] for r in runs) / 1024
    baseline, swift = json.loads(runs[-1][1]["stdout"]), runs[-1][0]
    responses = baseline["responses"]
    summary = next((line for line in swift["stdout"].splitlines() if line.startswith("ssm-contract verify:")), "")
    print("corpus: %s (%d responses)" % (corpus, responses))
    print("  %s" % summary)
    print("  baseline failures found: %d; ssm-contract exit status: %d" % (baseline["failures"], swift["rc"]))
    print("%-48s %8.2f s  %10.0f responses/s  peak %6.0f MB" % ("ssm-contract verify (Swift, release, all contracts)", swift_seconds, responses / swift_seconds, swift_peak))
    print("%-48s %8.2f s  %10.0f responses/s  peak %6.0f MB" % ("Python baseline (per-response checks only)", python_seconds, responses / python_seconds, python_peak))
    print("ratio: ssm-contract is %.2fx the Python baseline's throughput (best of 2 runs each, wall clock incl. process start)" % (python_seconds / swift_seconds))


if __name__ == "__main__":
    main()
