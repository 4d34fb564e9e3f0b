#!/usr/bin/env python3
"""Latency of `ssm-contract skeleton get-command-invocation` beside `aws ssm get-command-invocation
--generate-cli-skeleton` (AWS CLI v1 from the pinned venv), in the same run: each command N times (after one warm-up
run each, alternating), wall-clock time per run, mean and median, and the ratio aws / ssm-contract. Then the wall time
of `ssm-contract check get-command-invocation` on one response (a finished invocation, as AWS sends it), and of
`ssm-contract --version`: the process start every command pays (loading, the Swift runtime, argument parsing)."""
import argparse
import json
import os
import resource
import tempfile
import statistics
import subprocess
import sys
import time


def cpu_seconds():
    """User + system time of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command, runs, env, cpu=None):
    """Wall time per run (and, into `cpu` when given, CPU time per run: what the machine's load does not inflate)."""
    times, output = [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        result = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(cpu_seconds() - start_cpu)
        if result.returncode != 0:
            sys.exit("%s exited %d: %s" % (" ".join(command), result.returncode, result.stderr.decode()))
        output = result.stdout
    return times, output


def print_process_time(title, label, command, runs, env):
    """One warm-up run of `command`, then `runs` timed ones: wall time (mean, median) and CPU time (median)."""
    measure(command, 1, env)
    cpu = []
    times, _ = measure(command, runs, env, cpu)
    print(title)
    print("  %-44s mean %8.2f ms   median %8.2f ms" % (label, statistics.mean(times) * 1e3, statistics.median(times) * 1e3))
    print("  %-44s median %6.2f ms" % ("CPU time per process (user + system)", statistics.median(cpu) * 1e3))
    return statistics.median(times)


# The start targets (issue 11): skeleton against `aws ... --generate-cli-skeleton`, and check of one response.
TARGET_SKELETON_RATIO = 50.0
TARGET_CHECK_MS = 10.0


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
    ours_cpu, theirs_cpu = [], []
    ours, ours_out = measure(ours_cmd, args.runs, env, ours_cpu)
    theirs, aws_out = measure(aws_cmd, args.runs, env, theirs_cpu)
    try:
        load = "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = "?"
    print("skeleton latency, %s input, %d runs each (wall clock per process; load average %s, %d cores):"
          % (args.operation, args.runs, load, os.cpu_count() or 0))
    print("  %-44s mean %8.2f ms   median %8.2f ms" % ("ssm-contract skeleton", statistics.mean(ours) * 1e3, statistics.median(ours) * 1e3))
    print("  %-44s mean %8.2f ms   median %8.2f ms" % ("aws ssm ... --generate-cli-skeleton (v1)", statistics.mean(theirs) * 1e3, statistics.median(theirs) * 1e3))
    print("  ratio aws / ssm-contract: mean %.1fx, median %.1fx" % (statistics.mean(theirs) / statistics.mean(ours), statistics.median(theirs) / statistics.median(ours)))
    print("  CPU time per process (user + system), median: ssm-contract %.2f ms, aws %.2f ms, ratio %.1fx"
          % (statistics.median(ours_cpu) * 1e3, statistics.median(theirs_cpu) * 1e3,
             statistics.median(theirs_cpu) / max(statistics.median(ours_cpu), 1e-9)))
    print("  outputs byte-identical: %s" % ("yes" if ours_out == aws_out else "no"))
    ratio = statistics.median(theirs) / statistics.median(ours)
    print("  target >= %.0fx aws (median): %s" % (TARGET_SKELETON_RATIO, "met (%.1fx)" % ratio if ratio >= TARGET_SKELETON_RATIO
          else "missed, %.1fx short (%.1fx)" % (TARGET_SKELETON_RATIO / ratio, ratio)))
    with tempfile.TemporaryDirectory() as folder:
        body = os.path.join(folder, "response.json")
        with open(body, "w") as f:
            json.dump(RESPONSE, f)
        check = print_process_time("check latency, one GetCommandInvocation response, %d runs (wall clock per process):"
                                   % args.runs, "ssm-contract check",
                                   [args.ssm_contract, "check", "get-command-invocation", body], args.runs, env)
    print("  target <= %.0f ms (median): %s (%.2f ms)" % (TARGET_CHECK_MS, "met" if check * 1e3 <= TARGET_CHECK_MS
          else "missed by %.2f ms" % (check * 1e3 - TARGET_CHECK_MS), check * 1e3))
    print_process_time("process start floor, %d runs (wall clock per process):" % args.runs, "ssm-contract --version",
                       [args.ssm_contract, "--version"], args.runs, env)
    return 0


RESPONSE = {
    "CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678", "InstanceId": "i-1234567890abcdef0", "Comment": "",
    "DocumentName": "AWS-RunShellScript", "DocumentVersion": "1", "PluginName": "aws:runShellScript", "ResponseCode": 0,
    "ExecutionStartDateTime": "2020-02-19T18:18:03.419Z", "ExecutionElapsedTime": "PT2.44S",
    "ExecutionEndDateTime": "2020-02-19T18:18:05.419Z", "Status": "Success", "StatusDetails": "Success",
    "StandardOutputContent": "hello\n", "StandardOutputUrl": "", "StandardErrorContent": "", "StandardErrorUrl": "",
    "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False},
}


if __name__ == "__main__":
    sys.exit(main())
