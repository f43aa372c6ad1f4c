#!/usr/bin/env bash
# Runs every misbehaviour of the scripted hostile server (Tests/MailGaugeTestSupport/
# HostileServer.swift) against `mailgauge run`, `check` and `bench`, and prints the table of
# docs/robustness.md: exit code, wall time, peak RSS and the one-line message of each.
# Usage: Scripts/hostile-table.sh [BEHAVIOUR,BEHAVIOUR...]   (default: all; ~15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(mktemp /tmp/mailgauge-hostile-XXXXXX.md)
rm -f "$table"
swift build --build-tests >/dev/null
status=0
env MAILGAUGE_HOSTILE_MATRIX=1 MAILGAUGE_HOSTILE_TABLE="$table" ${1:+MAILGAUGE_HOSTILE_BEHAVIOURS="$1"} \
    swift test --skip-build --filter HostileMatrixTests >"$table.log" 2>&1 || status=$?
cat "$table"
grep -E "recorded an issue" "$table.log" | sed 's/^.*argument row → //' | cut -c1-200 || true
echo "(test log: $table.log)"
exit $status
