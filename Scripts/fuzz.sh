#!/usr/bin/env bash
# Fuzzes MailGauge's pure parts with libFuzzer: Scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]
# Targets: pop3-decoder imap-framer imap-parser scenario-parser pattern-matcher (default: all),
# 60 s each by default. Seeds come from Fuzz/Corpus/<target>/ (never written to); new inputs go
# to .build-fuzz/work/, and an input that crashes, traps or times out is kept there as
# crash-*/timeout-*: copy it into Fuzz/Corpus/<target>/ with the fix, so the test suite
# (FuzzCorpusTests) replays it from then on. Prints executions and time per target; exits 1
# when any target found something.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pop3-decoder imap-framer imap-parser scenario-parser pattern-matcher)
scratch="$root/.build-fuzz"
work="$scratch/work"

# Manifest caching off: otherwise a source file added to MailGauge since the last fuzz build
# is not seen, and the build fails (or stale fuzzers run).
mkdir -p "$scratch"
if ! (cd "$root/Fuzz" && swift build -c release --scratch-path "$scratch" --disable-build-manifest-caching \
        -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld >"$scratch/build.log" 2>&1); then
    grep -E "error" "$scratch/build.log" | head -20 >&2
    echo "fuzz.sh: the fuzzers did not build (log: $scratch/build.log)" >&2
    exit 2
fi

failed=0
printf '%-16s %12s %8s %10s  %s\n' target executions seconds exec/s found
for target in "${targets[@]}"; do
    binary="$scratch/release/fuzz-$target"
    [ -x "$binary" ] || { echo "fuzz.sh: no fuzzer built for '$target' at $binary" >&2; exit 2; }
    mkdir -p "$work/$target"
    log="$work/$target.log"
    started=$(date +%s)
    set +e
    # Swift's own backtracer would end the process before libFuzzer writes the crashing input.
    SWIFT_BACKTRACE=enable=no "$binary" "$work/$target" "$root/Fuzz/Corpus/$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 -artifact_prefix="$work/$target-" >"$log" 2>&1
    status=$?
    set -e
    elapsed=$(( $(date +%s) - started ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found="none"
    if [ $status -ne 0 ]; then
        failed=1
        found="$(grep -m1 -E 'ERROR: libFuzzer|Fatal error|SUMMARY' "$log" || echo "exit $status") (see $log)"
    fi
    printf '%-16s %12s %8s %10s  %s\n' "$target" "${runs:-?}" "$elapsed" "$(( ${runs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$found"
done
exit $failed
