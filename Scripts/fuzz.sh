#!/bin/sh
# Runs each libFuzzer target of ssm-contract-fuzz for a while and fails when one crashes (called by `make fuzz`).
#
#   Scripts/fuzz.sh BINARY SCRATCH SECONDS TARGET...
#
# FUZZ_RUNS=N stops each target after N executions instead (SECONDS is then only an upper bound);
# FUZZ_MAX_LEN (default 8192) caps the input size.
# Per target: the kept corpus is SCRATCH/corpus/TARGET (new inputs go there and stay for the next run), seeded
# from SCRATCH/seeds/TARGET (made from Recordings/ by Scripts/fuzz_seeds.py) and the committed
# Tests/Fuzz/corpus/TARGET (inputs of crashes found and fixed, kept as regressions). A crash, leak or input
# slower than 10 s is saved to SCRATCH/crashes/TARGET/ and fails the run.
set -u
binary=$1 scratch=$2 seconds=$3
shift 3
failed=0
summary=""
for target in "$@"; do
  corpus=$scratch/corpus/$target crashes=$scratch/crashes/$target log=$scratch/logs/$target.log
  mkdir -p "$corpus" "$crashes" "$scratch/logs" "Tests/Fuzz/corpus/$target" "$scratch/seeds/$target"
  echo "fuzz: $target for ${seconds}s (corpus $corpus, log $log)"
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$binary" "$target" -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$corpus" "$scratch/seeds/$target" "Tests/Fuzz/corpus/$target" > "$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ $status -eq 0 ]; then
    line="$target: ${runs:-?} executions (${speed:-?}/s), no crash"
  else
    failed=1
    artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
    line="$target: FAILED (exit $status) after ${runs:-?} executions; input saved to ${artifact:-$crashes}; reproduce: $binary $target ${artifact:-FILE}"
    grep -m1 -E 'Fatal error|ERROR: (AddressSanitizer|libFuzzer)' "$log" | sed 's/^/    /'
  fi
  echo "  $line"
  summary="$summary$line
"
done
printf '\nfuzz summary (%ss per target):\n%s' "$seconds" "$summary"
exit $failed
