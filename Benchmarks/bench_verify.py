#!/usr/bin/env python3
"""`make bench-verify`: times `ssm-contract verify` (release build) and the plain-Python baseline over the same
generated corpora, in the same run: the base corpus (>= 100,000 responses), then the same corpus doubled and
quadrupled, to show that the cost grows linearly and peak memory does not. For each size it prints both sides'
wall time, responses/s, MB/s and peak memory (maximum resident set size of the process), and the ratio.

usage: bench_verify.py SSM_CONTRACT_BINARY CORPUS_DIR [CORPUS_DIR...]   (the first is the base corpus)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = int(os.environ.get("BENCH_VERIFY_RUNS", "2"))
# The targets of the verify engine (issue 11): throughput against the baseline on the base corpus, and peak memory at
# every size.
TARGET_RATIO = 20.0
TARGET_PEAK_MB = 64.0


def measured(argv):
    """Runs argv in a fresh interpreter so that its peak memory is its own (RUSAGE_CHILDREN of that helper)."""
    helper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "s = time.perf_counter() - t\n"
        "print(json.dumps({'seconds': s, 'rc': p.returncode, 'stdout': p.stdout, 'stderr': p.stderr,"
        " 'peak_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        " 'cpu': resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime}))\n"
    )
    return json.loads(subprocess.run([sys.executable, "-c", helper] + argv, capture_output=True, text=True, check=True).stdout)


def corpus_bytes(corpus):
    return sum(os.path.getsize(os.path.join(corpus, n)) for n in os.listdir(corpus) if n.endswith(".json"))


def bench(binary, corpus):
    """Best of RUNS runs each, alternating the two sides so that load on the machine hits both alike."""
    runs = []
    for _ in range(RUNS):
        swift = measured([binary, "verify", corpus])
        if swift["rc"] not in (0, 1):
            sys.exit("ssm-contract verify failed (%d): %s" % (swift["rc"], swift["stderr"].strip()))
        python = measured([sys.executable, os.path.join(HERE, "verify_baseline.py"), corpus])
        if python["rc"] != 0:
            sys.exit("the Python baseline failed (%d): %s" % (python["rc"], python["stderr"].strip()))
        runs.append((swift, python))
    baseline = json.loads(runs[-1][1]["stdout"])
    return {
        "corpus": corpus,
        "responses": baseline["responses"],
        "bytes": corpus_bytes(corpus),
        "swift": min(r[0]["seconds"] for r in runs),
        "python": min(r[1]["seconds"] for r in runs),
        "swift_cpu": min(r[0]["cpu"] for r in runs),
        "python_cpu": min(r[1]["cpu"] for r in runs),
        "swift_peak": max(r[0]["peak_kb"] for r in runs) / 1024,
        "python_peak": max(r[1]["peak_kb"] for r in runs) / 1024,
        "summary": next((l for l in runs[-1][0]["stdout"].splitlines() if l.startswith("ssm-contract verify:")), ""),
        "failures": baseline["failures"],
        "rc": runs[-1][0]["rc"],
    }


def line(label, seconds, result, peak):
    mb = result["bytes"] / 1e6
    return "  %-40s %7.2f s %10.0f responses/s %8.0f MB/s  peak %5.0f MB" % (
        label, seconds, result["responses"] / seconds, mb / seconds, peak)


def main():
    binary, corpora = sys.argv[1], sys.argv[2:]
    try:
        load = "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = "?"
    print("verify vs the plain-Python baseline, best of %d runs each, wall clock incl. process start (load average at start: %s, %d cores)"
          % (RUNS, load, os.cpu_count() or 0))
    results = []
    for corpus in corpora:
        r = bench(binary, corpus)
        results.append(r)
        print("corpus %s: %d responses, %.0f MB" % (corpus, r["responses"], r["bytes"] / 1e6))
        print("  %s" % r["summary"])
        print("  baseline failures found: %d; ssm-contract exit status: %d" % (r["failures"], r["rc"]))
        print(line("ssm-contract verify (all contracts)", r["swift"], r, r["swift_peak"]))
        print(line("Python baseline (per-response checks)", r["python"], r, r["python_peak"]))
        ratio = r["python"] / r["swift"]
        print("  ratio: ssm-contract is %.2fx the Python baseline's throughput" % ratio)
        print("  target >= %.0fx the baseline: %s" % (TARGET_RATIO, "met" if ratio >= TARGET_RATIO
              else "missed, %.1fx short (%.2fx of %.0fx)" % (TARGET_RATIO / ratio, ratio, TARGET_RATIO)))
        print("  target peak <= %.0f MB: %s (%.0f MB)" % (TARGET_PEAK_MB, "met" if r["swift_peak"] <= TARGET_PEAK_MB
              else "missed", r["swift_peak"]))
        print("  CPU time (user + system, both cores): ssm-contract %.2f s, Python %.2f s (ratio %.2fx)"
              % (r["swift_cpu"], r["python_cpu"], r["python_cpu"] / r["swift_cpu"]))
    if len(results) > 1:
        base = results[0]
        print("scaling (against the base corpus):")
        for r in results[1:]:
            size = r["responses"] / base["responses"]
            print("  %.0fx the responses: ssm-contract %.2fx the time, peak %.0f MB (base %.0f MB); Python %.2fx the time"
                  % (size, r["swift"] / base["swift"], r["swift_peak"], base["swift_peak"], r["python"] / base["python"]))


if __name__ == "__main__":
    main()
