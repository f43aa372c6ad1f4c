#!/usr/bin/env bash
# Benchmarks MailGauge's load generator against the private Dovecot (loopback only), one
# profile after another:
#   imap-login       IMAP login-only at 50 and 500 concurrent sessions (closed model)
#   imap-read        IMAP read (SELECT, FETCH headers and a body) at 50 and 500 sessions
#   pop3-download    POP3 download (STAT, LIST, RETR) at 50 sessions
#   imaps-login      IMAP login-only at 50 sessions over implicit TLS, so the handshake shows
#   imap-login-open  IMAP login-only arriving at a fixed rate (open model, BENCH_RATE/s)
#   imap-idle        10,000 concurrent IMAP sessions held in IDLE
# Prints per run sessions/s, p50/p99 per phase and command, MailGauge's own CPU per 1000
# sessions (getrusage, from the result) beside Dovecot's (from /proc of its processes), and
# MailGauge's peak RSS. With the defaults it takes about 5 minutes.
#
# Usage: Scripts/bench-dovecot.sh            (as root; builds the release binary)
# Env:   MAILGAUGE_BIN        use this mailgauge binary instead of building
#        BENCH_PROFILES       the profiles to run, e.g. 'imap-login imaps-login' (default: all)
#        BENCH_SECONDS        measured seconds per run, after a 3 s warm-up (default 15)
#        BENCH_RATE           sessions started per second in imap-login-open (default 200)
#        BENCH_IDLE_SESSIONS  IDLE holders (default 10000); BENCH_IDLE_HOLD seconds each (default 70)
#        BENCH_OUT            where the JSON results go (default Reports/bench)
set -Eeuo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ALL_PROFILES="imap-login imap-read pop3-download imaps-login imap-login-open imap-idle"
PROFILES=${BENCH_PROFILES:-$ALL_PROFILES}
for profile in $PROFILES; do
    [[ " $ALL_PROFILES " == *" $profile "* ]] || { echo "bench-dovecot.sh: unknown profile '$profile' (known: $ALL_PROFILES)" >&2; exit 2; }
done
SECONDS_PER_RUN=${BENCH_SECONDS:-15}
RATE=${BENCH_RATE:-200}
IDLE_SESSIONS=${BENCH_IDLE_SESSIONS:-10000}
IDLE_HOLD=${BENCH_IDLE_HOLD:-70}
OUT=${BENCH_OUT:-Reports/bench}
mkdir -p "$OUT"

# A Dovecot of its own (state folder and ports), so tests running beside it are not disturbed.
export MAILGAUGE_DOVECOT_DIR=${MAILGAUGE_DOVECOT_DIR:-/tmp/mailgauge-bench-dovecot}
export MAILGAUGE_POP3_PORT=${MAILGAUGE_POP3_PORT:-28110} MAILGAUGE_POP3S_PORT=${MAILGAUGE_POP3S_PORT:-28995}
export MAILGAUGE_IMAP_PORT=${MAILGAUGE_IMAP_PORT:-28143} MAILGAUGE_IMAPS_PORT=${MAILGAUGE_IMAPS_PORT:-28993}

if [[ -z ${MAILGAUGE_BIN:-} ]]; then
    swift build -c release --product mailgauge >&2
    MAILGAUGE_BIN=$(swift build -c release --show-bin-path)/mailgauge
fi
eval "$(Scripts/test-server/dovecot.sh start)"
IDLE_SCENARIO=Scenarios/load/.bench-idle-hold.scn
cleanup() { rm -f "$IDLE_SCENARIO"; Scripts/test-server/dovecot.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -n 20000 2>/dev/null || true

# CPU seconds (user+system) Dovecot has used: its master (with the children it reaped) and
# every live descendant.
dovecot_cpu() {
    python3 Scripts/bench/dovecot_cpu.py "$(cat "$MAILGAUGE_DOVECOT_DIR/run/master.pid")"
}

summary() {  # result.json server-cpu-seconds label
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
load = json.load(open(sys.argv[1]))["load"]
server_cpu, label = float(sys.argv[2]), sys.argv[3]
n = load["sessions"]["passed"] + load["sessions"]["failed"]
ended = n + load["sessions"]["warmup"] + load["sessions"]["interrupted"]
ms = lambda us: f"{us / 1000:.2f}"
print(f"== {label}: {n} sessions measured in {load['measuredSeconds']:.1f}s = {n / load['measuredSeconds']:.1f} sessions/s, "
      f"{load['sessions']['failed']} failed, errors {sorted(load['errors'])}")
for phase in ["tcp-connect", "tls-handshake", "greeting", "authentication", "logout", "session"]:
    d = load["phases"].get(phase)
    if d: print(f"   {phase:15} p50 {ms(d['percentiles']['p50']):>8} ms   p99 {ms(d['percentiles']['p99']):>8} ms")
for verb, d in sorted(load["commands"].items()):
    print(f"   {verb:15} p50 {ms(d['percentiles']['p50']):>8} ms   p99 {ms(d['percentiles']['p99']):>8} ms")
g = load["generator"]
per = lambda cpu: cpu * 1000 / ended if ended else 0
print(f"   CPU per 1000 sessions: mailgauge {g['cpuSecondsPer1000Sessions']:.3f} s, dovecot {per(server_cpu):.3f} s "
      f"(mailgauge {g['cpuSeconds']:.1f} s, dovecot {server_cpu:.1f} s in all; ratio dovecot/mailgauge "
      f"{server_cpu / g['cpuSeconds'] if g['cpuSeconds'] else 0:.1f})")
print(f"   mailgauge peak RSS {g['peakRSSBytes'] / 1048576:.1f} MB, peak sessions in flight {g['peakActiveSessions']}")
PY
}

run() {  # label target scenario json-name extra-args...
    local label=$1 target=$2 scenario=$3 json=$OUT/$4.json status=0 before after
    shift 4
    # A result left by an earlier run must never be summarised as this one's.
    rm -f "$json"
    before=$(dovecot_cpu)
    # Exit code 1 (some sessions failed) still leaves a result to summarise.
    MAILGAUGE_PASSWORD='mg-pass-%d' "$MAILGAUGE_BIN" bench --quiet --target "$target" \
        --scenario "$scenario" --users 'user%d@1-20' --json "$json" "$@" >/dev/null || status=$?
    after=$(dovecot_cpu)
    [[ -f $json ]] || { echo "bench-dovecot.sh: $label: mailgauge exited $status without a result" >&2; return 1; }
    summary "$json" "$(python3 -c "print($after - $before)")" "$label"
}

wants() { [[ " $PROFILES " == *" $1 "* ]]; }

IMAP=imap://127.0.0.1:$MAILGAUGE_IMAP_PORT
# Each measured run: a 3 s warm-up (the workers or the rate ramp up over its first second),
# then BENCH_SECONDS measured, every session fully checked.
MEASURED=(--ramp 1 --warmup 3 --duration "$SECONDS_PER_RUN" --check full)

echo "mailgauge: $MAILGAUGE_BIN; $(nproc) cores; dovecot $(dovecot --version | cut -d' ' -f1)"
for sessions in 50 500; do
    if wants imap-login; then
        run "IMAP login-only, $sessions sessions" "$IMAP" Scenarios/load/imap-login.scn "imap-login-$sessions" \
            --sessions "$sessions" "${MEASURED[@]}"
    fi
    if wants imap-read; then
        run "IMAP read, $sessions sessions" "$IMAP" Scenarios/load/imap-read.scn "imap-read-$sessions" \
            --sessions "$sessions" "${MEASURED[@]}"
    fi
done
if wants pop3-download; then
    run "POP3 download, 50 sessions" "pop3://127.0.0.1:$MAILGAUGE_POP3_PORT" Scenarios/load/pop3-download.scn pop3-download-50 \
        --sessions 50 "${MEASURED[@]}"
fi
if wants imaps-login; then
    run "IMAP login-only over implicit TLS, 50 sessions" "imaps://127.0.0.1:$MAILGAUGE_IMAPS_PORT" Scenarios/load/imap-login.scn \
        imaps-login-50 --ca-file "$MAILGAUGE_CA_FILE" --sessions 50 "${MEASURED[@]}"
fi
if wants imap-login-open; then
    run "IMAP login-only, open model, $RATE sessions/s" "$IMAP" Scenarios/load/imap-login.scn "imap-login-rate-$RATE" \
        --rate "$RATE/s" "${MEASURED[@]}"
fi

if wants imap-idle; then
    sed "s/^@sleep 60$/@sleep $IDLE_HOLD/" Scenarios/load/imap-idle-hold.scn >"$IDLE_SCENARIO"
    ramp=$((IDLE_HOLD / 2))
    run "IMAP IDLE hold, $IDLE_SESSIONS sessions held ${IDLE_HOLD}s (ramp ${ramp}s)" "$IMAP" "$IDLE_SCENARIO" "imap-idle-$IDLE_SESSIONS" \
        --sessions "$IDLE_SESSIONS" --iterations "$IDLE_SESSIONS" --ramp "$ramp" --scenario-timeout $((IDLE_HOLD + 120)) \
        --connect-timeout 30 --check sample=1%
fi
