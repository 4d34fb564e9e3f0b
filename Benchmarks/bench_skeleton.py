#!/usr/bin/env python3
"""Latency of `ssm-contract skeleton get-command-invocation` beside `aws ssm get-command-invocation
--generate-cli-skeleton` (AWS CLI v1 from the pinned venv), in the same run: each command N times (after one warm-up
run each, alternating), wall-clock time per run, mean and median, and the ratio aws / ssm-contract."""
import argparse
import os
import statistics
import subprocess
import sys
import time


def measure(command, runs, env):
    times, output = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit("%s exited %d: %s" % (" ".join(command), result.returncode, result.stderr.decode()))
        output = result.stdout
    return times, output


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ssm-contract", required=True, help="the release build of ssm-contract")
    parser.add_argument("--aws", required=True, help="the AWS CLI to compare with")
    parser.add_argument("--operation", default="get-command-invocation")
    parser.add_argument("-n", "--runs", type=int, default=20)
    args = parser.parse_args()
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDSSMCONTRACTFAKE", AWS_SECRET_ACCESS_KEY="fake",
               AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
               AWS_EC2_METADATA_DISABLED="true")
    ours_cmd = [args.ssm_contract, "skeleton", args.operation, "input"]
    aws_cmd = [args.aws, "ssm", args.operation, "--generate-cli-skeleton", "input"]
    measure(ours_cmd, 1, env)
    measure(aws_cmd, 1, env)
    ours, ours_out = measure(ours_cmd, args.runs, env)
    theirs, aws_out = measure(aws_cmd, args.runs, env)
    print("skeleton latency, %s input, %d runs each (wall clock per process):" % (args.operation, args.runs))
    print("  %-44s mean %8.2f ms   median %8.2f ms" % ("ssm-contract skeleton", statistics.mean(ours) * 1e3, statistics.median(ours) * 1e3))
    print("  %-44s mean %8.2f ms   median %8.2f ms" % ("aws ssm ... --generate-cli-skeleton (v1)", statistics.mean(theirs) * 1e3, statistics.median(theirs) * 1e3))
    print("  ratio aws / ssm-contract: mean %.1fx, median %.1fx" % (statistics.mean(theirs) / statistics.mean(ours), statistics.median(theirs) / statistics.median(ours)))
    print("  outputs byte-identical: %s" % ("yes" if ours_out == aws_out else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
