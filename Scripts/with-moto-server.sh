#!/bin/sh
# Usage: Scripts/with-moto-server.sh VENV LOG COMMAND [ARG...]
#
# Starts moto_server from VENV on 127.0.0.1 (a free port), waits until it answers, runs COMMAND with MOTO_ENDPOINT
# (http://127.0.0.1:PORT) exported, and stops moto whatever happens. Exits with COMMAND's status, or 4 when moto does
# not start (its output is in LOG).
set -eu
venv=$1
log=$2
shift 2
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" > "$log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; wait $moto 2>/dev/null || true' EXIT
tries=0
until curl -fs -o /dev/null "http://127.0.0.1:$port/moto-api/"; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ] || ! kill -0 $moto 2>/dev/null; then
    echo "error: moto_server did not start; see $log" >&2
    exit 4
  fi
  sleep 0.1
done
MOTO_ENDPOINT="http://127.0.0.1:$port"
export MOTO_ENDPOINT
set +e
"$@"
status=$?
exit $status
