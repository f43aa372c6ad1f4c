#!/usr/bin/env bash
# What a load generator costs per session, MailGauge beside other tools, in one sitting against
# one private Dovecot (loopback only): the same sessions, the tools alternating, each run's CPU
# from getrusage of the generator and from /proc for Dovecot. Profiles:
#   imap-login            LOGIN, LOGOUT                                 (imaptest "- select=0")
#   imap-select-uidfetch  LOGIN, SELECT INBOX, UID FETCH 1:* FLAGS, LOGOUT (imaptest "- select=100 uidfetch=100")
#   pop3-download         USER, PASS, STAT, LIST, RETR 1, QUIT          (no imaptest)
# MailGauge replays Scenarios/load/PROFILE.scn with every reply grammar-checked (--check full);
# Locust runs Scripts/bench/locustfile.py (imaplib, poplib).
#
# Usage: Scripts/bench-generators.sh        (as root; builds the release binary)
# Env:   MAILGAUGE_BINS   mailgauge binaries to run, e.g. "/tmp/old /tmp/new" to compare two builds
#        LOCUST           a locust executable (default: locust on PATH; pip install locust)
#        IMAPTEST         an imaptest binary you built yourself (none is shipped or built here)
#        BENCH_PROFILES   default: all three;  BENCH_CLIENTS (50)  BENCH_SECONDS (20)  BENCH_ROUNDS (3)
set -Eeuo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# A Dovecot of its own (state folder and ports), apart from the one the tests use.
export MAILGAUGE_DOVECOT_DIR=${MAILGAUGE_DOVECOT_DIR:-/tmp/mailgauge-bench-generators}
export MAILGAUGE_POP3_PORT=${MAILGAUGE_POP3_PORT:-27110} MAILGAUGE_POP3S_PORT=${MAILGAUGE_POP3S_PORT:-27995}
export MAILGAUGE_IMAP_PORT=${MAILGAUGE_IMAP_PORT:-27143} MAILGAUGE_IMAPS_PORT=${MAILGAUGE_IMAPS_PORT:-27993}

if [[ -z ${MAILGAUGE_BINS:-} ]]; then
    swift build -c release --product mailgauge >&2
    MAILGAUGE_BINS=$(swift build -c release --show-bin-path)/mailgauge
fi
export MAILGAUGE_BINS
export LOCUST=${LOCUST-$(command -v locust || true)}
export IMAPTEST=${IMAPTEST:-}
[[ -n $LOCUST ]] || echo "bench-generators.sh: no locust (pip install locust, or set LOCUST): its column is left out" >&2
[[ -n $IMAPTEST ]] || echo "bench-generators.sh: IMAPTEST is not set: the imaptest column is left out" >&2

eval "$(Scripts/test-server/dovecot.sh start)"
trap 'Scripts/test-server/dovecot.sh stop >/dev/null 2>&1 || true' EXIT
ulimit -n 20000 2>/dev/null || true

echo "$(nproc) cores; dovecot $(dovecot --version | cut -d' ' -f1)"
BENCH_HOST=127.0.0.1 BENCH_IMAP_PORT=$MAILGAUGE_IMAP_PORT BENCH_POP3_PORT=$MAILGAUGE_POP3_PORT BENCH_USERS=$MAILGAUGE_USERS_FILE \
    BENCH_DOVECOT_PID=$(cat "$MAILGAUGE_DOVECOT_DIR/run/master.pid") python3 Scripts/bench/generators.py
