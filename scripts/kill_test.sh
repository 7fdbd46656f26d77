#!/usr/bin/env bash
# Kills `zicha mark` and the UI's autosave with SIGKILL at random moments, KILLS times
# each (default 500 + 500 = 1,000), checking after each kill that the session loads and
# holds the old or the new content, that acknowledged edits are never lost, and that
# no stray files remain. Prints the figures.
set -euo pipefail
kills=${1:-500}
cd "$(dirname "$0")/.."
ZICHA_KILLS="$kills" cargo test --release --test kill_loop -- --nocapture --test-threads=1 2>&1 \
    | grep -oE '(zicha mark|UI autosave): .*|test result.*|panicked.*'
