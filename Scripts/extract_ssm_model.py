#!/usr/bin/env python3
"""Extract the SSM shape model that ssm-contract uses from botocore's SSM service model.

Reads botocore/data/ssm/2014-11-06/service-2.json.gz from the botocore installed in the running Python (the pinned
venv: run it as `.venv/bin/python Scripts/extract_ssm_model.py`, or `make model`), keeps the modelled operations and
every shape reachable from their input and output, and writes Contracts/model/ssm-model.json: the model, as
reviewable JSON (stable order). It is the only copy: the build compiles it into SSMOperations (the EmbedFiles plugin,
Sources/SSMOperations/EmbeddedFiles.list), so the CLI needs no files at run time.

Per member only the first sentence of its documentation is kept (the overview AWS CLI v2 puts in yaml-input
comments). `--check` writes nothing and exits 1 when the file differs from what would be written.
"""
import argparse
import gzip
import json
import os
import re
import sys
import xml.dom.minidom
import xml.parsers.expat

import botocore
from botocore import xform_name

OPERATIONS = [
    "CancelCommand",
    "DescribeInstanceInformation",
    "GetCommandInvocation",
    "ListCommandInvocations",
    "ListCommands",
    "SendCommand",
]
SERVICE_FILE = "data/ssm/2014-11-06/service-2.json.gz"
MODEL_PATH = "Contracts/model/ssm-model.json"
SHAPE_KEYS = ["type", "min", "max", "pattern", "enum", "sensitive", "required", "members", "member", "key", "value"]


def first_sentence(documentation):
    """The first sentence of a documentation string, XML stripped, line breaks removed (as AWS CLI v2 does)."""
    if not documentation:
        return ""
    try:
        dom = xml.dom.minidom.parseString("<doc>%s</doc>" % documentation)
        parts = []

        def walk(node):
            for child in node.childNodes:
                if child.nodeType == child.TEXT_NODE:
                    parts.append(child.data)
                else:
                    walk(child)

        walk(dom)
        text = "".join(parts)
    except xml.parsers.expat.ExpatError:
        text = documentation
    text = re.split(r"[.:]+", text, maxsplit=1)[0]
    if text:
        text += "."
    for char in ("\n", "\u2028"):
        text = text.replace(char, " ")
    return text.strip()


def extract(service):
    shapes = service["shapes"]
    reachable = {}

    def visit(name):
        if name in reachable:
            return
        source = shapes[name]
        shape = {}
        for key in SHAPE_KEYS:
            if key not in source:
                continue
            if key == "members":
                members = {}
                for member_name, ref in source["members"].items():
                    member = {"shape": ref["shape"]}
                    doc = first_sentence(ref.get("documentation") or shapes[ref["shape"]].get("documentation", ""))
                    if doc:
                        member["doc"] = doc
                    traits = {k: v for k, v in sorted(ref.items()) if k not in ("shape", "documentation")}
                    if traits:
                        member["traits"] = traits
                    members[member_name] = member
                shape["members"] = members
            elif key in ("member", "key", "value"):
                shape[key] = source[key]["shape"]
            else:
                shape[key] = source[key]
        reachable[name] = shape
        for ref in source.get("members", {}).values():
            visit(ref["shape"])
        for key in ("member", "key", "value"):
            if key in source:
                visit(source[key]["shape"])

    operations = {}
    for name in OPERATIONS:
        op = service["operations"][name]
        entry = {"cliName": xform_name(name, "-")}
        for key in ("input", "output"):
            if key in op:
                entry[key] = op[key]["shape"]
                visit(op[key]["shape"])
        entry["errors"] = [error["shape"] for error in op.get("errors", [])]
        operations[name] = entry

    return {
        "source": {
            "botocore": botocore.__version__,
            "apiVersion": service["metadata"]["apiVersion"],
            "serviceId": service["metadata"]["serviceId"],
            "protocol": service["metadata"]["protocol"],
            "targetPrefix": service["metadata"]["targetPrefix"],
            "file": "botocore/" + SERVICE_FILE,
            "generator": "Scripts/extract_ssm_model.py",
        },
        "operations": operations,
        "shapes": {name: reachable[name] for name in sorted(reachable)},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    parser.add_argument("--stdout", action="store_true", help="print the model JSON instead of writing files")
    args = parser.parse_args()

    with gzip.open(os.path.join(os.path.dirname(botocore.__file__), SERVICE_FILE), "rt", encoding="utf-8") as f:
        service = json.load(f)
    model_text = json.dumps(extract(service), indent=2, ensure_ascii=False) + "\n"
    if args.stdout:
        sys.stdout.write(model_text)
        return 0
    outputs = {MODEL_PATH: model_text}
    stale = []
    for relative, text in outputs.items():
        path = os.path.join(args.root, relative)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current == text:
            continue
        stale.append(relative)
        if not args.check:
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
    if args.check and stale:
        print("out of date (run `make model`): " + ", ".join(stale), file=sys.stderr)
        return 1
    for relative in stale:
        print("wrote " + relative)
    return 0


if __name__ == "__main__":
    sys.exit(main())
