#!/usr/bin/env python3
"""The baseline for `make bench-verify`: the per-response checks of Contracts/ written the way a user would write
them by hand in plain Python (json + re + datetime), over the same cassettes `ssm-contract verify` reads.

It covers the per-response rules (enums, StatusDetails spelling and pairing, ResponseCode -1 before start,
empty output in flight, the 24,000 / 8,000 / 2,500 limits in characters and agent bytes, ISO-8601 times and
durations, end >= start, elapsed consistency, identifiers, echoed request ids, JSON types). It does not do the
sequence and pagination contracts, so it does less work than `ssm-contract verify`.

usage: verify_baseline.py DIR   (prints responses, failures and seconds as JSON)
"""
import json
import os
import re
import sys
import time
from datetime import datetime

INVOCATION_STATUS = {"Pending", "InProgress", "Delayed", "Success", "Cancelled", "TimedOut", "Failed", "Cancelling"}
PLUGIN_STATUS = {"Pending", "InProgress", "Success", "TimedOut", "Cancelled", "Failed"}
DETAILS = {"Pending", "InProgress", "In Progress", "Delayed", "Success", "DeliveryTimedOut", "Delivery Timed Out",
           "ExecutionTimedOut", "Execution Timed Out", "Failed", "Cancelled", "Canceled", "Undeliverable", "Terminated",
           "InvalidPlatform", "Invalid Platform", "AccessDenied", "Access Denied"}
PAIRS = {"Pending": {"Pending"}, "InProgress": {"InProgress"}, "In Progress": {"InProgress"}, "Delayed": {"Delayed", "Pending"},
         "Success": {"Success"}, "DeliveryTimedOut": {"TimedOut"}, "Delivery Timed Out": {"TimedOut"},
         "ExecutionTimedOut": {"TimedOut"}, "Execution Timed Out": {"TimedOut"}, "Failed": {"Failed"},
         "Cancelled": {"Cancelled"}, "Canceled": {"Cancelled"}, "Undeliverable": {"Failed", "TimedOut"},
         "Terminated": {"Failed", "Cancelled", "TimedOut"}}
IN_FLIGHT = {"Pending", "InProgress", "Delayed"}
UUID = re.compile(r"^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$")
INSTANCE = re.compile(r"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
MARKER = "--output truncated--"


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def seconds(duration):
    m = DURATION.match(duration)
    d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return d * 86400 + h * 3600 + mi * 60 + s


def agent_bytes(text):
    return len(text.encode("utf-8")) - 2 * text.count("\ufffd")


def status_checks(subject, enum, fail):
    status, details = subject.get("Status"), subject.get("StatusDetails")
    if status is not None and status not in enum and status.lower() not in {s.lower() for s in enum}:
        fail("status-enum")
    if details is not None and details not in DETAILS:
        fail("details-documented")
    if status != "Cancelling" and details in PAIRS and status not in PAIRS[details]:
        fail("details-consistent")


def check_gci(body, request, fail):
    status_checks(body, INVOCATION_STATUS, fail)
    status = body.get("Status")
    start, end = body.get("ExecutionStartDateTime"), body.get("ExecutionEndDateTime")
    if (status in ("Pending", "Delayed") or start == "") and body.get("ResponseCode", -1) != -1:
        fail("response-code")
    if status in IN_FLIGHT and (body.get("StandardOutputContent") or body.get("StandardErrorContent")):
        fail("output-empty")
    out, err = body.get("StandardOutputContent", ""), body.get("StandardErrorContent", "")
    if len(out) > 24000 or len(err) > 24000:
        fail("limit")
    if agent_bytes(out) >= 24000 and not out.endswith(MARKER):
        fail("marker")
    for t in (start, end):
        if t and (not ISO.match(t) or not (t.endswith("Z") or t.endswith("+00:00"))):
            fail("times")
    if status in ("Pending", "Delayed") and (start or end):
        fail("empty-before-start")
    if status == "InProgress" and end:
        fail("end-in-flight")
    elapsed = body.get("ExecutionElapsedTime")
    if elapsed and not DURATION.match(elapsed):
        fail("elapsed")
    if start and end and ISO.match(start) and ISO.match(end):
        span = when(end) - when(start)
        if span < 0:
            fail("end-before-start")
        if elapsed and DURATION.match(elapsed) and not (-0.0015 <= seconds(elapsed) - span < 1.0015):
            fail("elapsed-consistent")
    if "CommandId" in body and not UUID.match(body["CommandId"]):
        fail("command-id")
    if "InstanceId" in body and not INSTANCE.match(body["InstanceId"]):
        fail("instance-id")
    for key in ("CommandId", "InstanceId", "PluginName"):
        if request and key in request and body.get(key) != request[key]:
            fail("echo")
    if not isinstance(body.get("ResponseCode", 0), int):
        fail("types")
    for key in ("Status", "StatusDetails", "StandardOutputContent", "StandardErrorContent", "DocumentName"):
        if key in body and not isinstance(body[key], str):
            fail("types")


def check_lci(body, request, fail):
    invocations = body.get("CommandInvocations", [])
    if request and "MaxResults" in request and len(invocations) > request["MaxResults"]:
        fail("max-results")
    for inv in invocations:
        status_checks(inv, INVOCATION_STATUS, fail)
        if not UUID.match(inv.get("CommandId", "")) or not INSTANCE.match(inv.get("InstanceId", "")):
            fail("ids")
        if request and "CommandId" in request and inv.get("CommandId") != request["CommandId"]:
            fail("matches-request")
        if not (request or {}).get("Details") and inv.get("CommandPlugins"):
            fail("plugins-only-with-details")
        if not isinstance(inv.get("RequestedDateTime", 0), (int, float, str)):
            fail("types")
        for plugin in inv.get("CommandPlugins", []):
            status_checks(plugin, PLUGIN_STATUS, fail)
            if plugin.get("Status") in ("Pending", "Delayed") and plugin.get("ResponseCode", -1) != -1:
                fail("response-code")
            if len(plugin.get("Output", "")) > 2500:
                fail("plugin-output")
            if not plugin.get("Name"):
                fail("plugin-name")
            s, f = plugin.get("ResponseStartDateTime"), plugin.get("ResponseFinishDateTime")
            if isinstance(s, (int, float)) and isinstance(f, (int, float)) and f < s:
                fail("finish-before-start")


def main():
    folder = sys.argv[1]
    started = time.perf_counter()
    responses = failures = 0

    def fail(_rule):
        nonlocal failures
        failures += 1

    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name)) as f:
            cassette = json.load(f)
        for interaction in cassette["interactions"]:
            body = interaction["response"]["body"]["json"]
            request = interaction["request"]["body"]["json"]
            responses += 1
            if interaction["operation"] == "GetCommandInvocation":
                check_gci(body, request, fail)
            else:
                check_lci(body, request, fail)
    print(json.dumps({"responses": responses, "failures": failures, "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
