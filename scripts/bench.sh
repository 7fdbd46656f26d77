#!/usr/bin/env bash
# Whole-process figures at scale, each beside the physical floor measured in the same
# run on the same machine: builds release, generates 10,000 sessions (50 departments ×
# 200 rounds) in a temp folder, then times
#   warm `zicha list` (index current)   vs  `ls -l` of the sessions folder
#   cold `zicha list` (index deleted)   vs  `cat` of every session file
#   `zicha export --round … --format xlsx` (50 departments)
# and peak RSS of `list` and of the UI home screen (in tmux, quit with q once the first
# frame is on screen). Uses hyperfine when installed, else a loop timed with date +%s%N.
# Usage: scripts/bench.sh [DEPARTMENTS] [ROUNDS] [RUNS]   (defaults 50 200 15)
set -euo pipefail
departments=${1:-50}
rounds=${2:-200}
runs=${3:-15}
cd "$(dirname "$0")/.."

cargo build --release --locked --quiet
target_dir=${CARGO_TARGET_DIR:-target}
zicha="$(cd "$target_dir/release" && pwd)/zicha"

work=$(mktemp -d)
trap 'tmux kill-session -t zicha-bench 2>/dev/null || true; rm -rf "$work"' EXIT
data="$work/data"
sessions="$data/sessions"

# shellcheck source=scripts/bench_lib.sh
. scripts/bench_lib.sh

peak_rss_mib() { # peak RSS of COMMAND in MiB
    /usr/bin/time -f '%M' -o "$work/rss" bash -c "exec $1" >/dev/null 2>&1
    awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

echo "== machine"
echo "cores:  $(nproc)"
echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "disk:   $(df -h "$work" | awk 'NR == 2 { print $1 " (" $2 ", " $5 " used)" }'), $(findmnt -no FSTYPE -T "$work" 2>/dev/null || echo '?')"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timer:  $(command -v hyperfine >/dev/null && hyperfine --version || echo 'date +%s%N loop') ($runs runs, median)"

echo "== generating $departments × $rounds sessions"
start=$(date +%s%N)
"$zicha" --data-dir "$data" demo --departments "$departments" --rounds "$rounds" --until 2026-11-21 >/dev/null
end=$(date +%s%N)
demo_ms=$(((end - start) / 1000000))
count=$(find "$sessions" -name '*.ron' | wc -l)
bytes=$(du -sb "$sessions" | cut -f1)
echo "$count session files, $((bytes / 1048576)) MiB, written in ${demo_ms} ms"
# The index trusts a file only 2 s after its last change (store/index.rs, SETTLE).
sleep 2.5
"$zicha" --data-dir "$data" list >/dev/null
"$zicha" --data-dir "$data" list --json >"$work/list.json"
latest=$(grep -m1 '"round"' "$work/list.json" | sed 's/.*"round": "\(.*\)",/\1/')

echo "== measuring"
warm=$(time_ms ":" "$zicha --data-dir $data list")
ls_floor=$(time_ms ":" "ls -l $sessions")
cold=$(time_ms "rm -f $data/index.ron" "$zicha --data-dir $data list")
cat_floor=$(time_ms ":" "cat $sessions/*.ron")
export_xlsx=$(time_ms "rm -f $work/round.xlsx" "$zicha --data-dir $data export --round '$latest' --format xlsx -o $work/round.xlsx")
"$zicha" --data-dir "$data" list >/dev/null
rss_warm=$(peak_rss_mib "$zicha --data-dir $data list")
rm -f "$data/index.ron"
rss_cold=$(peak_rss_mib "$zicha --data-dir $data list")

# The UI: start it in a 200×50 tmux pane under /usr/bin/time, wait for the home
# screen to show the newest round, press q, and read the peak RSS.
rss_ui="n/a"
ui_ms="n/a"
if command -v tmux >/dev/null; then
    "$zicha" --data-dir "$data" list >/dev/null
    start=$(date +%s%N)
    LANG=C.UTF-8 tmux -u new-session -d -s zicha-bench -x 200 -y 50 \
        "/usr/bin/time -f '%M' -o '$work/ui-rss' '$zicha' --data-dir '$data'; sleep 30"
    for _ in $(seq 1000); do
        if tmux capture-pane -p -t zicha-bench 2>/dev/null | grep -q "$latest"; then
            end=$(date +%s%N)
            ui_ms=$(((end - start) / 1000000))
            break
        fi
        sleep 0.01
    done
    tmux send-keys -t zicha-bench q
    for _ in $(seq 500); do
        [ -s "$work/ui-rss" ] && break
        sleep 0.01
    done
    tmux kill-session -t zicha-bench 2>/dev/null || true
    [ -s "$work/ui-rss" ] && rss_ui=$(awk '{ printf "%.1f\n", $1 / 1024 }' "$work/ui-rss")
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "== results ($count sessions)"
printf '%-44s %12s   %-30s %12s   %s\n' "zicha" "" "physical floor" "" "ratio"
printf '%-44s %9s ms   %-30s %9s ms   %s×\n' "warm list (index current)" "$warm" "ls -l sessions/" "$ls_floor" "$(ratio "$warm" "$ls_floor")"
printf '%-44s %9s ms   %-30s %9s ms   %s×\n' "cold list (index deleted, rebuilt)" "$cold" "cat sessions/*.ron" "$cat_floor" "$(ratio "$cold" "$cat_floor")"
printf '%-44s %9s ms\n' "export --round (50 departments) --format xlsx" "$export_xlsx"
printf '%-44s %9s ms\n' "demo: generate $count sessions" "$demo_ms"
printf '%-44s %9s ms\n' "UI start to home screen on tmux (approx.)" "$ui_ms"
printf '%-44s %9s MiB\n' "peak RSS, warm list" "$rss_warm"
printf '%-44s %9s MiB\n' "peak RSS, cold list" "$rss_cold"
printf '%-44s %9s MiB\n' "peak RSS, UI home screen" "$rss_ui"
