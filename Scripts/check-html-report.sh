#!/usr/bin/env bash
# Opens an HTML report in a real headless Chromium (Debian package), fails on any console
# error or when the page did not draw its charts, and saves a screenshot to look at.
# Usage: Scripts/check-html-report.sh REPORT.html [SCREENSHOT.png]
set -euo pipefail
report=$(realpath "$1")
screenshot=${2:-${report%.html}.png}

if ! command -v chromium >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
fi
flags=(--headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --allow-file-access-from-files)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The DOM after scripts ran: the page marks itself rendered, and charts are <svg> elements.
dom=$(chromium "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "file://$report" 2>"$log")
if grep -E 'CONSOLE\([0-9]+\)|Uncaught' "$log" | grep -qiE 'error|uncaught'; then
    echo "check-html-report: console errors in $report:" >&2
    grep -E 'CONSOLE|Uncaught' "$log" >&2
    exit 1
fi
grep -q 'data-rendered="true"' <<<"$dom" || { echo "check-html-report: the page did not finish rendering: $report" >&2; exit 1; }
charts=$( (grep -o '<svg[^>]*class="chart"' <<<"$dom" || true) | wc -l)
rows=$( (grep -o '<tr class="case"' <<<"$dom" || true) | wc -l)
(( charts >= 2 )) || { echo "check-html-report: expected charts, found $charts: $report" >&2; exit 1; }
chromium "${flags[@]}" --window-size=1400,1800 --screenshot="$screenshot" "file://$report#failures" 2>/dev/null
echo "ok: $charts charts, $rows scenario rows, no console errors; screenshot $screenshot"
