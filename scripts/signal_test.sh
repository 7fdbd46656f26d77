#!/usr/bin/env bash
# Stops the UI with kill -TERM, -HUP, -INT and -9 at random moments (0-0.9 s) after a
# word was typed into the note editor in a pseudo-terminal, ROUNDS times each
# (default 200). For TERM, HUP and INT every word shown must be saved and the terminal
# left as it was (same `stty -a`, no alternate screen, no mouse capture); for -9 every
# word the UI showed as saved (已保存 HH:MM:SS) must be there. Also types a paste of
# CHARS characters as single keys (no bracketed paste) and times it until saved.
# tests/e2e_signals.rs; `cargo test` runs 2-3 rounds per signal and 50,000 characters.
set -euo pipefail
rounds=${1:-200}
chars=${2:-100000}
cd "$(dirname "$0")/.."
ZICHA_SIGNAL_ROUNDS="$rounds" ZICHA_PASTE_CHARS="$chars" \
    cargo test --release --test e2e_signals -- --nocapture --test-threads=1 2>&1 \
    | grep -oE 'kill -[A-Z]+: .*|paste as keys: .*|test result.*|panicked.*'
