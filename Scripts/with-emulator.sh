#!/bin/sh
# Usage: Scripts/with-emulator.sh CLI LOG "EMULATE FLAGS" COMMAND [ARG...]
#
# Starts `CLI emulate FLAGS --port 0` (the project's SSM emulator, on 127.0.0.1), reads the URL from its first line
# ("emulating N instances on http://127.0.0.1:PORT — …"), runs COMMAND with EMULATOR_ENDPOINT exported, and stops the
# emulator whatever happens. Exits with COMMAND's status, or 4 when the emulator does not start (output in LOG).
set -eu
cli=$1
log=$2
flags=$3
shift 3
# shellcheck disable=SC2086
"$cli" emulate $flags --port 0 > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null || true' EXIT
tries=0
endpoint=
while [ -z "$endpoint" ]; do
  endpoint=$(sed -n '1s|.* on \(http://127\.0\.0\.1:[0-9]*\).*|\1|p' "$log")
  [ -n "$endpoint" ] && break
  tries=$((tries + 1))
  if [ $tries -gt 100 ] || ! kill -0 $emulator 2>/dev/null; then
    echo "error: ssm-contract emulate did not start; see $log" >&2
    exit 4
  fi
  sleep 0.1
done
EMULATOR_ENDPOINT=$endpoint
export EMULATOR_ENDPOINT
set +e
"$@"
status=$?
exit $status
