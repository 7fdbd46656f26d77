#!/usr/bin/env bash
# Runs both loader fuzz targets for SECONDS each (default 600) and prints executions and crashes.
set -euo pipefail
seconds=${1:-600}
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in checklist_loader session_loader; do
    log=$(mktemp)
    mkdir -p "corpus/$target"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || true
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    if [ -z "$runs" ]; then
        echo "$target: the fuzzer did not run; its output:" >&2
        tail -20 "$log" >&2
    fi
    crashes=$(ls "artifacts/$target" 2>/dev/null | grep -c -E '^(crash|oom|timeout)-' || true)
    echo "$target: ${seconds}s, executions ${runs:-?}, crashes/ooms/timeouts ${crashes}"
    grep -E 'panicked|ERROR: libFuzzer' "$log" | head -5 || true
done
