#!/usr/bin/env bash
# Renders what an office will see: a demo session and a demo round exported in every
# format, opened the way a 创建办 opens them, and printed to PDF and PNG pages.
#   docx, xlsx, csv, md  -> LibreOffice (headless)  -> PDF -> PNG (pdftoppm)
#   html                 -> Chromium (headless)     -> PDF -> PNG (pdftoppm)
# Look at the PNGs (or the PDFs) in OUT_DIR before calling an export change done.
#
# It installs nothing. On Debian/Ubuntu it needs:
#   sudo apt-get install libreoffice poppler-utils chromium fonts-noto-cjk
# (without fonts-noto-cjk every Chinese character renders as a box).
#
# Usage: scripts/render_exports.sh [OUT_DIR]          (default: target/rendered)
# Env:   ZICHA=path/to/zicha  use this binary instead of building one (cargo build)
#        DPI=70               resolution of the PNG pages
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/rendered}
dpi=${DPI:-70}

missing=()
command -v soffice >/dev/null || missing+=("libreoffice (soffice)")
command -v pdftoppm >/dev/null || missing+=("poppler-utils (pdftoppm)")
browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null; then
        browser=$candidate
        break
    fi
done
[ -n "$browser" ] || missing+=("chromium")
if command -v fc-list >/dev/null && ! fc-list :lang=zh | grep -q .; then
    missing+=("fonts-noto-cjk (no Chinese font installed)")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "render_exports.sh needs: ${missing[*]}" >&2
    echo "Debian/Ubuntu: sudo apt-get install libreoffice poppler-utils chromium fonts-noto-cjk" >&2
    exit 2
fi

if [ -z "${ZICHA:-}" ]; then
    cargo build --quiet
    ZICHA="$(cd "${CARGO_TARGET_DIR:-target}/debug" && pwd)/zicha"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ZICHA_DATA_DIR="$work/data"
export ZICHA_NOW="2026-11-21T10:00:00+08:00"
export ZICHA_UNIT="某某市城市管理局"
export ZICHA_LANG=zh
"$ZICHA" demo --until 2026-11-21 --seed 1 >/dev/null

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The round still being inspected (some departments half done), and a finished
# session with problems (办公室) from the round before.
round_open="2026年11月下半月自查"
round_done="2026年11月上半月自查"
session=$("$ZICHA" list --round "$round_done" --department 办公室 --json |
    grep -o '"id": "[0-9a-f-]*"' | head -1 | sed 's/.*"\([0-9a-f-]*\)"$/\1/')
if [ -z "$session" ]; then
    echo "the demo has no session of 办公室 in $round_done" >&2
    exit 1
fi

for format in md csv html xlsx docx; do
    "$ZICHA" export "$session" --format "$format" -o "$out/session.$format" >/dev/null
    "$ZICHA" export --round "$round_open" --format "$format" -o "$out/round.$format" >/dev/null
done

# LibreOffice: a private profile, so a running LibreOffice or its first-start dialogs
# do not interfere. CSV is read as UTF-8, comma-separated, the way Calc's import
# dialog offers it; md is read as UTF-8 text, the way a text editor shows it.
profile="file://$work/lo-profile"
# office_pdf FILE [INFILTER]: FILE.pdf beside FILE, printed by LibreOffice.
office_pdf() {
    local file=$1 filter=${2:-} base
    base=$(basename "$file")
    mkdir -p "$work/pdf" && cp "$file" "$work/pdf/$base"
    if [ -n "$filter" ]; then
        soffice -env:UserInstallation="$profile" --headless --infilter="$filter" \
            --convert-to pdf --outdir "$work/pdf" "$work/pdf/$base" >/dev/null 2>&1
    else
        soffice -env:UserInstallation="$profile" --headless \
            --convert-to pdf --outdir "$work/pdf" "$work/pdf/$base" >/dev/null 2>&1
    fi
    mv "$work/pdf/${base%.*}.pdf" "$file.pdf"
    rm -f "$work/pdf/$base"
}
for name in session round; do
    office_pdf "$out/$name.docx"
    office_pdf "$out/$name.xlsx"
    office_pdf "$out/$name.csv" "CSV:44,34,76,1"
    office_pdf "$out/$name.md" "Text (encoded):UTF8,LF,,,"
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$name.html.pdf" "file://$out/$name.html" >/dev/null 2>&1
done

echo "rendered pages in $out:"
for pdf in "$out"/*.pdf; do
    stem=${pdf%.pdf}
    pdftoppm -r "$dpi" -png "$pdf" "$stem"
    pages=$(ls "$stem"-*.png 2>/dev/null | wc -l)
    printf '  %-22s %3d page(s)\n' "$(basename "$pdf")" "$pages"
done
