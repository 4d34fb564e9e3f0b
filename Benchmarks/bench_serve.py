#!/usr/bin/env python3
"""Replay-server throughput beside moto_server, in the same run: both answer the same GetCommandInvocation
(ssm-contract serve replays what moto answered, recorded a moment before through serve --record-missing), loaded
by wrk with one thread at each connection count. Prints req/s, p50, p99 and errors side by side, and the ratio.

Beside them runs serve-floor, the same loopback server answering one constant response of the same body size and
doing nothing else: the most any server built on it can do on this machine at this moment, so a ratio short of the
target reads as serve's own cost or the server's floor. Each run is preceded by a short warm-up run (not counted),
and the load average is printed before and after: the machine is shared, and wall-clock ratios drop under load.

Run through `make bench-serve` (release build, venv with moto, wrk from the distribution's packages)."""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

INSTANCE_ID = "i-0123456789abcdef0"
# A fixed, fake SigV4 header: moto reads the region from its scope and checks nothing else; serve ignores it.
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=AKIDBENCHSERVE000001/20261201/us-east-1/ssm/aws4_request, "
                 "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0" * 64)
HEADERS = {
    "Content-Type": "application/x-amz-json-1.1",
    "X-Amz-Target": "AmazonSSM.GetCommandInvocation",
    "X-Amz-Date": "20261201T000000Z",
    "Authorization": AUTHORIZATION,
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, target, body):
    headers = dict(HEADERS, **{"X-Amz-Target": "AmazonSSM." + target})
    request = urllib.request.Request(url + "/", data=body.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def start_moto(venv, log):
    """moto through Scripts/moto_server.py, the project's one way to start it: it prints "PORT VERSION" once
    listening and serves until its standard input closes (or it is terminated)."""
    launcher = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Scripts", "moto_server.py")
    process = subprocess.Popen([os.path.join(venv, "bin", "python"), "-u", launcher], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline().split()
    if not line:
        process.wait()
        sys.exit("moto_server.py exited with status %d before listening; see %s" % (process.returncode, log.name))
    return process, "http://127.0.0.1:%s" % line[0]


def start_listening(command, name, log):
    """Starts a server that prints its URL (`... on http://127.0.0.1:PORT`) as its first line."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    match = re.search(r"on (http://127\.0\.0\.1:\d+)", line)
    if not match:
        process.kill()
        sys.exit("%s did not start: %r (see %s)" % (name, line, log.name))
    return process, match.group(1)


def start_serve(binary, arguments, log):
    return start_listening([binary, "serve"] + arguments + ["--port", "0"], "ssm-contract serve", log)


def start_floor(binary, body_bytes, log):
    return start_listening([binary, str(body_bytes)], "serve-floor", log)


def load_average():
    return "%.2f %.2f %.2f" % os.getloadavg()


def stop(process):
    process.send_signal(signal.SIGINT)
    try:
        out, _ = process.communicate(timeout=10)
        return out
    except subprocess.TimeoutExpired:
        process.kill()
        sys.exit("a server did not stop within 10 s of SIGINT")


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


WARM_UP_SECONDS = 2


def run_wrk(wrk, url, script, connections, duration):
    command = [wrk, "-t1", "-c%d" % connections, "-d%ds" % duration, "--latency", "--timeout", "10s", "-s", script, url + "/"]
    warm_up = command[:3] + ["-d%ds" % WARM_UP_SECONDS] + command[4:]
    subprocess.run(warm_up, capture_output=True, text=True)  # connections, caches and allocators settle; not counted
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("wrk failed: %s" % result.stderr)
    out = result.stdout
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": 0,
    }
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        figures["errors"] += sum(int(n) for n in socket_errors.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        figures["errors"] += int(non2xx.group(1))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ssm-contract", required=True, help="the release build of ssm-contract")
    parser.add_argument("--serve-floor", required=True, help="the release build of serve-floor (Benchmarks/ServeFloor)")
    parser.add_argument("--venv", required=True, help="the venv with moto_server and boto3")
    parser.add_argument("--wrk", default="wrk")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", default="8,64")
    args = parser.parse_args()
    import boto3  # from the venv (make bench-serve runs this script with the venv's python)
    import moto

    work = tempfile.mkdtemp(prefix="bench-serve-")
    log = open(os.path.join(work, "servers.log"), "w")
    moto_process, moto_url = start_moto(args.venv, log)
    servers = [moto_process]
    try:
        client = boto3.client("ssm", endpoint_url=moto_url, region_name="us-east-1",
                              aws_access_key_id="AKIDBENCHSERVE000001", aws_secret_access_key="bench-serve-not-a-secret")
        command_id = client.send_command(InstanceIds=[INSTANCE_ID], DocumentName="AWS-RunShellScript",
                                         Parameters={"commands": ["echo bench"]})["Command"]["CommandId"]
        body = json.dumps({"CommandId": command_id, "InstanceId": INSTANCE_ID}, separators=(",", ":"))
        cassette = os.path.join(work, "get-command-invocation.json")
        recorder, recorder_url = start_serve(args.ssm_contract, [cassette, "--record-missing", "--upstream", moto_url,
                                                                 "--source", "mock:moto@" + moto.__version__], log)
        status, recorded = post(recorder_url, "GetCommandInvocation", body)
        stop(recorder)
        if status != 200:
            sys.exit("recording the request through serve --record-missing gave status %d" % status)
        serve_process, serve_url = start_serve(args.ssm_contract, [cassette], log)
        servers.append(serve_process)
        replayed = post(serve_url, "GetCommandInvocation", body)[1]
        if replayed != recorded:
            sys.exit("serve's answer differs from the answer moto gave when it was recorded")

        script = os.path.join(work, "request.lua")
        with open(script, "w") as f:
            f.write('wrk.method = "POST"\nwrk.body = %s\n' % json.dumps(body))
            for name, value in HEADERS.items():
                f.write("wrk.headers[%s] = %s\n" % (json.dumps(name), json.dumps(value)))

        floor_process, floor_url = start_floor(args.serve_floor, len(recorded), log)
        servers.append(floor_process)

        rows = []
        load_before = load_average()
        for connections in [int(c) for c in args.connections.split(",")]:
            ours = run_wrk(args.wrk, serve_url, script, connections, args.duration)
            floor = run_wrk(args.wrk, floor_url, script, connections, args.duration)
            theirs = run_wrk(args.wrk, moto_url, script, connections, args.duration)
            rows.append((connections, ours, floor, theirs))
        load_after = load_average()
    finally:
        for process in servers:
            if process.poll() is None:
                # serve-floor ends by SIGTERM's default action; the others stop cleanly on SIGINT.
                process.send_signal(signal.SIGTERM if process.args[0] == args.serve_floor else signal.SIGINT)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        log.close()

    print("GetCommandInvocation, same request to every server, wrk -t1, %d s per run after a %d s warm-up (%s)"
          % (args.duration, WARM_UP_SECONDS, work))
    print("load average (1, 5, 15 min): %s before, %s after (%d cores)" % (load_before, load_after, os.cpu_count()))
    print("  %-11s %-34s %12s %10s %10s %8s" % ("connections", "server", "req/s", "p50", "p99", "errors"))
    for connections, ours, floor, theirs in rows:
        for name, f in (("ssm-contract serve", ours), ("serve-floor (constant answer)", floor),
                        ("moto_server " + moto.__version__, theirs)):
            print("  %-11d %-34s %12.0f %7.2f ms %7.2f ms %8d" % (connections, name, f["rps"], f["p50"], f["p99"], f["errors"]))
        print("  %-11s %-34s %11.1fx" % ("", "ratio serve / moto", ours["rps"] / theirs["rps"]))
        print("  %-11s %-34s %11.1fx" % ("", "ratio floor / moto (the ceiling)", floor["rps"] / theirs["rps"]))
        print("  %-11s %-34s %11.0f%%" % ("", "serve as a share of the floor", 100 * ours["rps"] / floor["rps"]))
    eight = [r for r in rows if r[0] == 8]
    if eight:
        _, ours, _, theirs = eight[0]
        ratio = ours["rps"] / theirs["rps"]
        print("targets at 8 connections: req/s >= 50x moto: %s (%.1fx); p99 <= 2 ms: %s (%.2f ms); zero errors: %s"
              % ("met" if ratio >= 50 else "MISSED", ratio, "met" if ours["p99"] <= 2 else "MISSED", ours["p99"],
                 "met" if ours["errors"] == 0 and theirs["errors"] == 0 else "MISSED"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
