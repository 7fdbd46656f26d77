#!/usr/bin/env bash
# Kills `zicha mark` and the UI's autosave with SIGKILL at random moments until KILLS
# kills of each kind have landed in a running process (default 500 + 500 = 1,000).
# After each kill the session must load and hold the old or the new content, and
# acknowledged edits must not be lost; no stray files may remain. Prints the figures.
set -euo pipefail
kills=${1:-500}
cd "$(dirname "$0")/.."
ZICHA_KILLS="$kills" cargo test --release --test kill_loop -- --nocapture --test-threads=1 2>&1 \
    | grep -oE '(zicha mark|UI autosave): .*|test result.*|panicked.*'
