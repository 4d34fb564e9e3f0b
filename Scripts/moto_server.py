#!/usr/bin/env python3
"""The one way to start the pinned moto server: on 127.0.0.1, a free port, stopped whatever happens.

usage (with the venv's python, e.g. `.venv/bin/python Scripts/moto_server.py`):
  moto_server.py                     print "PORT VERSION" once listening, serve until standard input closes
                                     (tests: TestSupport's MotoServer reads the line and closes stdin to stop it)
  moto_server.py [--log FILE] -- COMMAND [ARG...]
                                     run COMMAND with MOTO_ENDPOINT=http://127.0.0.1:PORT and MOTO_VERSION set,
                                     then stop moto; exit with COMMAND's status (make record-moto, make live-moto)

The socket is listening before the port is printed or COMMAND starts, so nothing polls or sleeps. Exit status 4
when moto cannot start (not installed: run `make venv`).
"""
import argparse
import os
import subprocess
import sys


def start(log):
    try:
        import moto
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        print("moto_server.py: moto is not installed in %s (%s); run `make venv`" % (sys.prefix, error), file=sys.stderr)
        sys.exit(4)
    original_stderr = os.dup(2)
    if log:
        handle = open(log, "a")
        os.dup2(handle.fileno(), 2)  # moto's request log and errors go to FILE; COMMAND keeps the real stderr
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    return server, server.get_host_and_port()[1], moto.__version__, original_stderr


def main():
    arguments = sys.argv[1:]
    command = []
    if "--" in arguments:
        split = arguments.index("--")
        arguments, command = arguments[:split], arguments[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", help="append moto's own output to FILE")
    args = parser.parse_args(arguments)
    server, port, version, stderr = start(args.log)
    try:
        if not command:
            print(port, version, flush=True)
            sys.stdin.read()
            return 0
        environment = dict(os.environ, MOTO_ENDPOINT="http://127.0.0.1:%d" % port, MOTO_VERSION=version)
        return subprocess.call(command, env=environment, stderr=stderr)
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
