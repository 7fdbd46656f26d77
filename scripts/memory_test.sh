#!/usr/bin/env bash
# Peak memory of `bundle`, `import` and a cold `list` on the largest valid bundle this
# zicha can make: SESSIONS sessions (default 110) of about 31 MiB each (one item's note
# of ~10 million random Chinese characters, just under the 32 MiB session file limit),
# which zips to about 2 GB. Attachments (DESIGN §12) do not exist in this code yet, so
# they are not part of it. Then the hostile bundles of tests/hostile.rs (a million
# responses in one session; 20 archive entries of 32 MiB) in a release build.
# Needs ~10 GB of free disk in $TMPDIR. Prints peak RSS (MiB) and seconds per command.
set -euo pipefail
sessions=${1:-110}
cd "$(dirname "$0")/.."
cargo build --release --quiet
zicha="$PWD/target/release/zicha"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
export ZICHA_LANG=en
id=$("$zicha" --data-dir "$data" new --checklist siyou --department 办公室 --round r --date 2026-11-21)
"$zicha" --data-dir "$data" mark "$id" 1.1 fail --note PLACEHOLDER > /dev/null
python3 - "$data/sessions" "$id" "$sessions" <<'PY'
import os, random, sys, uuid
folder, template_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
path = os.path.join(folder, template_id + ".ron")
text = open(path, encoding="utf-8").read()
os.remove(path)
rng = random.Random(12)
block = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(12_000_000))
size = 10_400_000
for n in range(count):
    new_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    start = rng.randrange(0, len(block) - size)
    body = text.replace(template_id, new_id).replace("PLACEHOLDER", block[start:start + size])
    with open(os.path.join(folder, new_id + ".ron"), "w", encoding="utf-8") as out:
        out.write(body)
PY
measure() {
    local what=$1; shift
    /usr/bin/time -f "%M %e" -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
    read -r kib secs < "$work/time"
    printf '%-44s peak %5d MiB  %6.1f s\n' "$what" $((kib / 1024)) "$secs"
}
du -sh "$data/sessions" | awk '{print "session files: " $1}'
measure "bundle ($sessions sessions)" "$zicha" --data-dir "$data" bundle -o "$work/big.zip"
ls -l "$work/big.zip" | awk '{printf "bundle size: %.2f GB\n", $5 / 1e9}'
measure "import of that bundle into an empty folder" "$zicha" --data-dir "$work/other" import "$work/big.zip"
"$zicha" --data-dir "$work/other" list --json | python3 -c 'import json,sys; print("imported sessions:", len(json.load(sys.stdin)))'
rm -f "$work/other/index.ron"
measure "cold list of the imported folder" "$zicha" --data-dir "$work/other" list
measure "import of the same bundle again (unchanged)" "$zicha" --data-dir "$work/other" import "$work/big.zip"
# Every session changed here since: each one is merged with its copy in the bundle.
"$zicha" --data-dir "$work/other" list --json \
    | python3 -c 'import json,sys; [print(s["id"]) for s in json.load(sys.stdin)]' \
    | while read -r sid; do "$zicha" --data-dir "$work/other" mark "$sid" 1.2 pass > /dev/null; done
measure "import again after a change to every session" "$zicha" --data-dir "$work/other" import "$work/big.zip"
rm -rf "$work/other" "$work/big.zip"
ZICHA_MEMORY_REPORT=1 cargo test --release --test hostile memory -- --nocapture --test-threads=1 2>&1 \
    | grep -oE 'peak memory: .*|test result.*|panicked.*'
