#!/usr/bin/env python3
"""Writes a synthetic cassette corpus for `make bench-verify`: FILES cassettes of PER_FILE interactions each.

Every cassette is marked `"source": "synthetic"` (generated, never observed). The responses follow the shapes
real AWS sends: GetCommandInvocation sequences Pending -> InProgress -> Success/Failed, and ListCommandInvocations
pages with Details. Deterministic (fixed seed), so runs are comparable.

usage: generate_corpus.py OUT_DIR [FILES] [PER_FILE]
"""
import json
import os
import random
import sys
import uuid

HEADERS = [["Content-Type", "application/x-amz-json-1.1"]]


def interaction(op, request, response, t):
    return {
        "operation": op,
        "startedAt": "2026-01-01T00:%02d:%02d.%03dZ" % (t // 60000 % 60, t // 1000 % 60, t % 1000),
        "duration": 0.05,
        "request": {"method": "POST", "url": "https://ssm.us-east-1.amazonaws.com/",
                    "headers": HEADERS + [["X-Amz-Target", "AmazonSSM." + op]], "body": {"json": request}},
        "response": {"status": 200, "headers": HEADERS, "body": {"json": response}},
    }


def gci(command, instance, status, rnd):
    pending = status == "Pending"
    done = status in ("Success", "Failed")
    out = "".join(rnd.choice("abcdefghij \n") for _ in range(rnd.randint(0, 400))) if done else ""
    return {
        "CommandId": command, "InstanceId": instance, "Comment": "bench", "DocumentName": "AWS-RunShellScript",
        "DocumentVersion": "1", "PluginName": "aws:runShellScript",
        "ResponseCode": (0 if status == "Success" else 2) if done else -1,
        "ExecutionStartDateTime": "" if pending else "2026-01-01T00:00:01.419Z",
        "ExecutionElapsedTime": "" if pending else "PT2.44S",
        "ExecutionEndDateTime": "2026-01-01T00:00:03.419Z" if done else "",
        "Status": status, "StatusDetails": status, "StandardOutputContent": out, "StandardOutputUrl": "",
        "StandardErrorContent": "failed to run commands: exit status 2" if status == "Failed" else "",
        "StandardErrorUrl": "", "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False},
    }


def lci(command, instances, rnd):
    invocations = []
    for instance in instances:
        invocations.append({
            "CommandId": command, "InstanceId": instance, "InstanceName": "", "Comment": "bench",
            "DocumentName": "AWS-RunShellScript", "DocumentVersion": "1", "RequestedDateTime": 1.767225600089E9,
            "Status": "Success", "StatusDetails": "Success", "StandardOutputUrl": "", "StandardErrorUrl": "",
            "CommandPlugins": [{
                "Name": "aws:runShellScript", "Status": "Success", "StatusDetails": "Success", "ResponseCode": 0,
                "ResponseStartDateTime": 1767225601.419, "ResponseFinishDateTime": 1767225603.51,
                "Output": "ok\n" * rnd.randint(0, 50), "StandardOutputUrl": "", "StandardErrorUrl": "",
                "OutputS3Region": "us-east-1", "OutputS3BucketName": "", "OutputS3KeyPrefix": ""}],
            "ServiceRole": "", "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
            "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False}})
    return {"CommandInvocations": invocations}


def cassette(index, per_file, rnd):
    interactions = []
    t = 0
    while len(interactions) < per_file:
        command = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        instances = ["i-%017x" % rnd.getrandbits(68) for _ in range(3)]
        if rnd.random() < 0.8:
            instance = instances[0]
            request = {"CommandId": command, "InstanceId": instance}
            for status in ("Pending", "InProgress", rnd.choice(["Success", "Success", "Failed"])):
                interactions.append(interaction("GetCommandInvocation", request, gci(command, instance, status, rnd), t))
                t += 1000
        else:
            request = {"CommandId": command, "Details": True, "MaxResults": 10}
            interactions.append(interaction("ListCommandInvocations", request, lci(command, instances, rnd), t))
            t += 1000
    return {"format": "ssm-contract.cassette", "version": 1, "source": "synthetic",
            "recordedAt": "2026-01-01T00:00:00.000Z", "tool": "Benchmarks/generate_corpus.py",
            "description": "generated benchmark corpus %d (synthetic, never observed)" % index,
            "interactions": interactions[:per_file]}


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20261121)
    for i in range(files):
        with open(os.path.join(out, "corpus-%04d.json" % i), "w") as f:
            json.dump(cassette(i, per_file, rnd), f, separators=(",", ":"))
    print("wrote %d cassettes x %d responses = %d responses to %s" % (files, per_file, files * per_file, out))


if __name__ == "__main__":
    main()
