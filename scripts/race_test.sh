#!/usr/bin/env bash
# Races `zicha new` and `zicha mark` against two loops of other commands (`zicha
# checklists`, `zicha list`) on one data folder: every start of those runs the sweep.
# Default 1,000 `new` (and 1,000 `mark`) calls; all must succeed (tests/hostile.rs,
# `new_and_mark_never_fail_while_other_commands_run`; `cargo test` runs 120).
set -euo pipefail
news=${1:-1000}
cd "$(dirname "$0")/.."
ZICHA_RACE_NEWS="$news" cargo test --release --test hostile new_and_mark_never_fail \
    -- --nocapture --test-threads=1 2>&1 | grep -oE 'races: .*|test result.*|panicked.*'
