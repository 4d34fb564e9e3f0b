"""Independent SigV4 oracle: signs each request of a JSON case file with botocore's SigV4Auth.

Usage: python botocore_sigv4.py CASES.json  ->  prints a JSON array of Authorization header values.
Each case: {"method", "url", "headers": [[name, value], ...] (no Host: botocore derives it from the URL),
"body_base64", "access_key", "secret_key", "token" (or null), "region", "service", "amz_date"}.
"""
import base64
import datetime
import json
import sys
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(case):
    when = datetime.datetime.strptime(case["amz_date"], "%Y%m%dT%H%M%SZ")
    request = AWSRequest(
        method=case["method"],
        url=case["url"],
        data=base64.b64decode(case["body_base64"]),
    )
    for name, value in case["headers"]:
        request.headers[name] = value
    credentials = Credentials(case["access_key"], case["secret_key"], case["token"])
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=when):
        botocore.auth.SigV4Auth(credentials, case["service"], case["region"]).add_auth(request)
    return request.headers["Authorization"]


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    json.dump([sign(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
