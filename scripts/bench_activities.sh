#!/usr/bin/env bash
# `zicha activity list` and `zicha deadlines` as whole processes over 2,000 activity
# files, which are read on demand (they are not in index.ron): builds release, makes
# DEPARTMENTS × ROUNDS demo sessions and COUNT activities in a temp folder (one made
# with `zicha activity add`, the rest copied from it with another id, title, date and
# department, so every file is in the format zicha writes), then times each command
# (a new process each run, the index current; the OS file cache warm, and again with
# the activity files evicted from it by posix_fadvise DONTNEED, which touches no other
# file on the machine) with hyperfine
# when installed, else a loop timed with date +%s%N; median of RUNS.
# Usage: scripts/bench_activities.sh [COUNT] [RUNS] [DEPARTMENTS] [ROUNDS]   (defaults 2000 15 20 24)
set -euo pipefail
count=${1:-2000}
runs=${2:-15}
departments=${3:-20}
rounds=${4:-24}
cd "$(dirname "$0")/.."

cargo build --release --locked --quiet
target_dir=${CARGO_TARGET_DIR:-target}
zicha="$(cd "$target_dir/release" && pwd)/zicha"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
export ZICHA_NOW=2026-11-21T10:00:00+08:00

# shellcheck source=scripts/bench_lib.sh
. scripts/bench_lib.sh

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$zicha" --data-dir "$data" demo --departments "$departments" --rounds "$rounds" --until 2026-11-21 >/dev/null
id=$("$zicha" --data-dir "$data" activity add --title "道德讲堂：孝老爱亲" --date 2026-01-05 \
    --department 党群室 --kind 道德讲堂 --participants 40 --evidence 签到表 \
    --note "邀请社区道德模范讲述身边故事，干部职工参加。")
"$zicha" --data-dir "$data" activity report "$id" --electronic 2026-01-06 --paper 2026-01-07
template="$data/activities/$id.ron"
# The other activities: same text, another uuid (v7 layout), title, date and department.
awk -v n="$count" -v id="$id" -v dir="$data/activities" '
    BEGIN { while ((getline line < ARGV[1]) > 0) text = text line "\n"; ARGV[1] = "" }
    END {
        for (i = 1; i < n; i++) {
            new = sprintf("01900000-0000-7000-8000-%012d", i)
            day = sprintf("2026-%02d-%02d", (i % 10) + 1, (i % 28) + 1)
            t = text
            gsub(id, new, t)
            gsub("孝老爱亲", "孝老爱亲第" i "期", t)
            gsub("2026-01-0[567]", day, t)
            gsub("党群室", "第" (i % 40) "科室", t)
            printf "%s", t > (dir "/" new ".ron")
            close(dir "/" new ".ron")
        }
    }' "$template"
files=$(find "$data/activities" -name '*.ron' | wc -l)
listed=$("$zicha" --data-dir "$data" activity list --json | grep -c '"id"')
sessions=$(find "$data/sessions" -name '*.ron' | wc -l)
echo "$files activity files ($listed listed), $sessions sessions"
sleep 2.5 # the index trusts a file only 2 s after its last change
"$zicha" --data-dir "$data" list >/dev/null

sync
evict="python3 -c 'import os, sys
for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)' $data/activities/*.ron"
list_ms=$(time_ms : "$zicha --data-dir $data activity list")
list_cold_ms=$(time_ms "$evict" "$zicha --data-dir $data activity list")
deadlines_cold_ms=$(time_ms "$evict" "$zicha --data-dir $data deadlines")
json_ms=$(time_ms : "$zicha --data-dir $data activity list --json")
deadlines_ms=$(time_ms : "$zicha --data-dir $data deadlines")
floor_ms=$(time_ms : "cat $data/activities/*.ron")
floor_cold_ms=$(time_ms "$evict" "cat $data/activities/*.ron")
empty="$work/empty"
"$zicha" --data-dir "$empty" demo --departments "$departments" --rounds "$rounds" --until 2026-11-21 >/dev/null
sleep 2.5
"$zicha" --data-dir "$empty" list >/dev/null
none_ms=$(time_ms : "$zicha --data-dir $empty deadlines")

echo "== results ($files activities, $sessions sessions, median of $runs)"
printf '%-44s %9s ms\n' "activity list" "$list_ms"
printf '%-44s %9s ms\n' "activity list, activity files not cached" "$list_cold_ms"
printf '%-44s %9s ms\n' "activity list --json" "$json_ms"
printf '%-44s %9s ms\n' "deadlines" "$deadlines_ms"
printf '%-44s %9s ms\n' "deadlines, activity files not cached" "$deadlines_cold_ms"
printf '%-44s %9s ms\n' "deadlines, same sessions, no activities" "$none_ms"
printf '%-44s %9s ms\n' "floor: cat activities/*.ron" "$floor_ms"
printf '%-44s %9s ms\n' "floor: the same, not cached" "$floor_cold_ms"
