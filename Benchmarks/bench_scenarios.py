#!/usr/bin/env python3
"""API calls and wall time per scenario against the emulator: `ssm-contract live --scenario NAME` once per scenario of
Contracts/scenarios.yaml, against one `ssm-contract emulate` on 127.0.0.1. Run by `make bench-scenarios`."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

cli = sys.argv[1]
instances = ["i-0123456789abcdef0", "i-0fedcba9876543210"]
offline = "i-0aaaaaaaaaaaaaaaa"
names = re.findall(r"(?m)^  - name: (\S+)", open("Contracts/scenarios.yaml").read())
emulate = [cli, "emulate", "--port", "0", "--time-scale", "10"] + sum((["--instance-id", i] for i in instances), []) + ["--offline-instance-id", offline]
emulator = subprocess.Popen(emulate, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    first = emulator.stdout.readline()
    match = re.search(r"on (http://127\.0\.0\.1:\d+)", first)
    if not match:
        sys.exit(f"bench-scenarios: ssm-contract emulate did not start: {first!r}")
    endpoint = match.group(1)
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEMULATORBENCH001", AWS_SECRET_ACCESS_KEY="emulator-bench-secret-not-real",
                       AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    environment.pop("AWS_PROFILE", None)
    scratch = tempfile.mkdtemp(prefix="bench-scenarios-")
    print(f"{'scenario':32} {'API calls':>9} {'wall time':>10}   (ssm-contract live --scenario NAME against ssm-contract emulate --time-scale 10)")
    total_calls, total_time = 0, 0.0
    for name in names:
        report = os.path.join(scratch, f"{name}.json")
        command = [cli, "live", "--endpoint-url", endpoint, "--region", "us-east-1", "--source", "mock:ssm-contract-emulator@bench",
                   "--baseline", os.path.join(scratch, "no-baseline"), "--output", os.path.join(scratch, name), "--scenario", name,
                   "--offline-instance-id", offline, "--poll-delay", "0.2", "--quiet", "--json", report] + sum((["--instance-id", i] for i in instances), [])
        start = time.monotonic()
        run = subprocess.run(command, env=environment, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        calls = json.load(open(report))["apiCalls"] if os.path.exists(report) else "?"
        status = "" if run.returncode == 0 else f"   exit {run.returncode}: {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''}"
        print(f"{name:32} {calls:>9} {elapsed:>9.2f}s{status}")
        if isinstance(calls, int):
            total_calls += calls
        total_time += elapsed
    print(f"{'total':32} {total_calls:>9} {total_time:>9.2f}s")
finally:
    emulator.terminate()
    emulator.wait()
