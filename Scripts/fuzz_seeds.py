#!/usr/bin/env python3
"""Writes the seed inputs of each fuzz target from the cassettes under a folder (called by `make fuzz`).

    fuzz_seeds.py RECORDINGS OUT OPERATIONS

OUT/<target>/ receives one file per seed, in the input layout the target reads (see Tests/Fuzz/ssm-contract-fuzz):
json-parser and cassette-loader get every cassette and every one-interaction cassette cut from it; aws-error-decoder gets each error response (status byte,
X-Amzn-ErrorType line, body); check-input gets each response body behind the byte naming its operation (OPERATIONS
is the comma-separated sorted operation list the target indexes); replay-matcher gets each request.
"""
import base64
import hashlib
import json
import pathlib
import sys


def body_bytes(body):
    if body is None:
        return b""
    if "json" in body:
        return json.dumps(body["json"], separators=(",", ":"), ensure_ascii=False).encode()
    if "text" in body:
        return body["text"].encode()
    if "base64" in body:
        return base64.b64decode(body["base64"])
    return b""


def header(headers, name):
    for key, value in headers or []:
        if key.lower() == name.lower():
            return value
    return ""


def main():
    recordings, out, operations = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3].split(",")
    seeds = {name: set() for name in ["json-parser", "cassette-loader", "aws-error-decoder", "check-input", "replay-matcher"]}
    for path in sorted(recordings.rglob("*.json")):
        raw = path.read_bytes()
        seeds["json-parser"].add(raw)
        seeds["cassette-loader"].add(raw)
        try:
            cassette = json.loads(raw)
        except ValueError:
            continue
        interactions = cassette.get("interactions", []) if isinstance(cassette, dict) else []
        for interaction in interactions:
            # One-interaction cassettes: small seeds keep the loader fast enough for millions of runs.
            single = json.dumps(dict(cassette, interactions=[interaction]), indent=1, ensure_ascii=False).encode()
            seeds["cassette-loader"].add(single)
            seeds["json-parser"].add(single)
            request, response = interaction.get("request", {}), interaction.get("response", {})
            status = response.get("status", 200)
            body = body_bytes(response.get("body"))
            seeds["json-parser"].add(body)
            if status >= 400:
                code = header(response.get("headers"), "X-Amzn-ErrorType")
                seeds["aws-error-decoder"].add(bytes([(status - 400) % 200]) + code.encode() + b"\n" + body)
                seeds["aws-error-decoder"].add(bytes([(status - 400) % 200]) + b"\n" + body)
            operation = interaction.get("operation")
            if operation in operations:
                seeds["check-input"].add(bytes([operations.index(operation)]) + body)
            target = header(request.get("headers"), "X-Amz-Target")
            line = f"{request.get('method', 'POST')} {request.get('url', '/')}\n{target}\n".encode()
            seeds["replay-matcher"].add(line + body_bytes(request.get("body")))
    for name, items in seeds.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            (folder / hashlib.sha1(item).hexdigest()).write_bytes(item)
        print(f"fuzz seeds: {len(items)} for {name} from {recordings}")


if __name__ == "__main__":
    main()
