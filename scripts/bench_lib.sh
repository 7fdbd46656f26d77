# Shared by the benchmark scripts (sourced, not run): timing with hyperfine when
# installed, else a loop timed with date +%s%N. Needs $runs and $work set.

median_ms() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# time_ms PREPARE COMMAND: median wall time in ms of COMMAND over $runs runs,
# running PREPARE (untimed) before each.
time_ms() {
    local prepare=$1 command=$2
    if command -v hyperfine >/dev/null; then
        local json="$work/hyperfine.json"
        hyperfine --style none --shell bash --warmup 2 --runs "$runs" --prepare "$prepare" \
            --export-json "$json" "$command" >/dev/null 2>&1
        grep -o '"median": *[0-9.e+-]*' "$json" | head -1 | awk -F: '{ printf "%.1f\n", $2 * 1000 }'
    else
        bash -c "$prepare; $command" >/dev/null 2>&1
        for _ in $(seq "$runs"); do
            bash -c "$prepare" >/dev/null 2>&1
            local start end
            start=$(date +%s%N)
            bash -c "$command" >/dev/null 2>&1
            end=$(date +%s%N)
            echo $(((end - start) / 1000))
        done | median_ms | awk '{ printf "%.1f\n", $1 / 1000 }'
    fi
}
