#!/usr/bin/env bash
# Private pymap (a Python IMAP server, PyPI package "pymap") on loopback for MailGauge
# conformance runs. See Scripts/test-server/README.md ("pymap").
#
# Usage: pymap.sh install|start|stop|restart|status|env|reset [USER...]
#
# pymap runs from a venv under the state dir with its "maildir" backend (the only one
# with several accounts: the "dict" backend knows one demo user only). It has no POP3
# and no implicit TLS of its own: the IMAPS port is proxyprotocol-server (from the
# proxy-protocol package, a dependency of pymap) terminating TLS and passing the
# connection on with a PROXY v2 header (pymap --proxy-protocol detect).
set -Eeuo pipefail

PROG=pymap.sh
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "${SCRIPT_DIR}/common.sh"
CA_COMMON_NAME="MailGauge Test CA (pymap)"
SEED_LAYOUT=pymap-maildir-append-v1

STATE_DIR_ENV=MAILGAUGE_PYMAP_DIR
STATE_DIR=${MAILGAUGE_PYMAP_DIR:-/tmp/mailgauge-pymap}
# Own variable names, so that an eval of another server's env does not move these ports.
IMAP_PORT=${MAILGAUGE_PYMAP_IMAP_PORT:-26143}
IMAPS_PORT=${MAILGAUGE_PYMAP_IMAPS_PORT:-26993}
# pymap itself listens here; the proxy forwards both ports above to it (PROXY v2).
BACKEND_PORT=${MAILGAUGE_PYMAP_BACKEND_PORT:-26144}
POP3_PORT=0                    # none: printed as 0 by cmd_env_imap_only
POP3S_PORT=0
NUM_USERS=${MAILGAUGE_USERS:-6}
PYMAP_VERSION=${MAILGAUGE_PYMAP_VERSION:-0.36.7}

MAIL_USER=mailgauge            # pymap drops privileges to it (--set-uid); owns the mail
LISTEN_ADDR=127.0.0.1
START_TIMEOUT=${MAILGAUGE_PYMAP_START_TIMEOUT:-30}   # seconds
STOP_TIMEOUT=${MAILGAUGE_PYMAP_STOP_TIMEOUT:-20}     # seconds
# pbkdf2-sha256 rounds of the stored password hashes (pysasl's default, 500000, makes
# every LOGIN take ~0.3 s of CPU).
HASH_ROUNDS=1000

# Debian's python3 (not whatever python3 is first on PATH): pymap drops privileges to
# $MAIL_USER, who must be able to read the interpreter's standard library.
APT_DEPS=(python3 python3-venv openssl)
BASE_PYTHON=/usr/bin/python3

VENV=${STATE_DIR}/venv
MAIL_DIR=${STATE_DIR}/mail        # the maildir backend's base dir: pymap-etc-*, userN/
RUN_DIR=${STATE_DIR}/run
PID_FILE=${RUN_DIR}/servers.pid   # session leader (setsid) of pymap and the TLS proxy
LAUNCH=${STATE_DIR}/servers.sh
LOG_DIR=${STATE_DIR}/log
LOG_FILE=${LOG_DIR}/pymap.log
define_tls_paths
USERS_FILE=${STATE_DIR}/users.csv
SEEDED_DIR=${STATE_DIR}/seeded    # seeded/userN = corpus hash the account was seeded from

trap 'die "unexpected failure at line ${LINENO}: ${BASH_COMMAND}"' ERR

validate() {
    local v
    for v in "$IMAP_PORT" "$IMAPS_PORT" "$BACKEND_PORT"; do
        if ! [[ $v =~ ^[1-9][0-9]{0,4}$ ]] || ((v > 65535)); then die "invalid port: '$v'"; fi
    done
    [[ $NUM_USERS =~ ^[1-9][0-9]{0,5}$ ]] || die "MAILGAUGE_USERS must be a positive integer, got '$NUM_USERS'"
    [[ $PYMAP_VERSION =~ ^[0-9][0-9a-z.]*$ ]] || die "MAILGAUGE_PYMAP_VERSION must be a version, got '$PYMAP_VERSION'"
    [[ $STATE_DIR == /* ]] || die "MAILGAUGE_PYMAP_DIR must be an absolute path, got '$STATE_DIR'"
    [[ $STATE_DIR != *[[:space:]\"\\\'\&\?\#]* ]] \
        || die "MAILGAUGE_PYMAP_DIR must not contain whitespace, quotes, backslashes, '&', '?' or '#'"
    ((EUID == 0)) || die "must run as root (apt-get; pymap drops privileges to '$MAIL_USER')"
}

all_ports() { printf '%s\n' "$IMAP_PORT" "$IMAPS_PORT" "$BACKEND_PORT"; }

# ---------------------------------------------------------------- install ---

venv_version() {
    "${VENV}/bin/python" -c 'import importlib.metadata as m; print(m.version("pymap"))' 2>/dev/null
}

cmd_install() {
    apt_get_install "${APT_DEPS[@]}"
    mkdir -p "$STATE_DIR"
    chmod 0755 "$STATE_DIR"
    # A venv of another interpreter (say, one under /root) is made anew.
    if [[ -e ${VENV}/pyvenv.cfg ]] && ! grep -qx "home = $(dirname "$BASE_PYTHON")" "${VENV}/pyvenv.cfg"; then
        rm -rf "$VENV"
    fi
    [[ $(venv_version || true) == "$PYMAP_VERSION" && -x ${VENV}/bin/proxyprotocol-server ]] && {
        ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
        return 0
    }
    local log rc=0
    log=$(mktemp)
    if [[ ! -x ${VENV}/bin/python ]]; then
        rm -rf "$VENV"
        "$BASE_PYTHON" -m venv "$VENV" >>"$log" 2>&1 || {
            tail -n 20 "$log" >&2; rm -f "$log"; rm -rf "$VENV"; die "$BASE_PYTHON -m venv $VENV failed"
        }
    fi
    "${VENV}/bin/pip" install -q --disable-pip-version-check "pymap==${PYMAP_VERSION}" >>"$log" 2>&1 || rc=$?
    if ((rc != 0)); then
        tail -n 20 "$log" >&2
        rm -f "$log"
        die "pip install pymap==${PYMAP_VERSION} failed (exit $rc; is a package index reachable?)"
    fi
    rm -f "$log"
    [[ $(venv_version || true) == "$PYMAP_VERSION" ]] || die "pymap ${PYMAP_VERSION} is not in $VENV after pip install"
    ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
}

# ------------------------------------------------------------ processes ---

server_pid() { our_pid "$PID_FILE" "$LAUNCH"; }

healthy() {
    server_pid >/dev/null || return 1
    plain_greets "$IMAP_PORT" '* OK' || return 1
    starttls_ok "$IMAP_PORT" imap || return 1
    tls_greets "$IMAPS_PORT" '* OK' 'a LOGOUT' || return 1
}

# ---------------------------------------------------------------- users -----

# The maildir backend's passwd/shadow files (read at every login). Home = userN under
# the base dir. Deterministic salts: the files only change with the user count.
write_users() {
    local tmp_pw tmp_sh
    tmp_pw=$(mktemp "${MAIL_DIR}/.passwd.XXXXXX")
    tmp_sh=$(mktemp "${MAIL_DIR}/.shadow.XXXXXX")
    "${VENV}/bin/python" - "$NUM_USERS" "$HASH_ROUNDS" "$tmp_pw" "$tmp_sh" <<'EOF'
import sys
from pysasl.hashing import BuiltinHash
n, rounds, pw, sh = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
h = BuiltinHash(rounds=rounds)
with open(pw, "w") as p, open(sh, "w") as s:
    for i in range(1, n + 1):
        p.write(f"user{i}:x:{1000 + i}:{1000 + i}:MailGauge test user:user{i}:\n")
        s.write(f"user{i}:{h.hash(f'mg-pass-{i}', salt=f'mailgauge-{i}'.encode())}:::::::\n")
EOF
    chown "${MAIL_USER}:${MAIL_USER}" "$tmp_pw" "$tmp_sh"
    chmod 0644 "$tmp_pw"
    chmod 0600 "$tmp_sh"
    mv -f "$tmp_pw" "${MAIL_DIR}/pymap-etc-passwd"
    mv -f "$tmp_sh" "${MAIL_DIR}/pymap-etc-shadow"
    write_users_csv "$USERS_FILE" "$NUM_USERS"
}

# ---------------------------------------------------------------- config ----

write_launcher() { # target
    cat >"$1" <<EOF
#!/bin/bash
# Generated by Scripts/test-server/pymap.sh -- rewritten on every start.
# pymap ${PYMAP_VERSION} (maildir backend) on ${LISTEN_ADDR}:${BACKEND_PORT}, expecting a PROXY v2
# header on every connection; proxyprotocol-server in front of it: ${LISTEN_ADDR}:${IMAP_PORT}
# (plain, STARTTLS done by pymap) and ${LISTEN_ADDR}:${IMAPS_PORT} (TLS terminated by the proxy).
# (pymap's "--proxy-protocol detect" waits for the client to speak first: no use for IMAP.)
set -u
cd /
${VENV}/bin/pymap --host ${LISTEN_ADDR} --port ${BACKEND_PORT} \\
    --cert ${SERVER_CERT} --key ${SERVER_KEY} --proxy-protocol v2 \\
    --set-uid ${MAIL_USER} --set-gid ${MAIL_USER} \\
    maildir ${MAIL_DIR} &
for i in \$(seq 100); do
    (exec 3<>/dev/tcp/${LISTEN_ADDR}/${BACKEND_PORT}) 2>/dev/null && break
    sleep 0.1
done
setpriv --reuid=${MAIL_USER} --regid=${MAIL_USER} --clear-groups -- \\
    ${VENV}/bin/proxyprotocol-server -q \\
    --service '${LISTEN_ADDR}:${IMAP_PORT}' '${LISTEN_ADDR}:${BACKEND_PORT}?pp=v2' \\
    --service 'ssl://${LISTEN_ADDR}:${IMAPS_PORT}?cert=${SERVER_CERT}&key=${SERVER_KEY}' \\
    '${LISTEN_ADDR}:${BACKEND_PORT}?pp=v2' &
wait
EOF
}

# ---------------------------------------------------------------- seed ------

# Non-system flags of flags.txt: the maildir backend only stores keywords its
# dovecot-keywords file declares (and never adds any: PERMANENTFLAGS has no \*).
corpus_keywords() {
    awk '{for (i = 2; i <= NF; i++) if ($i !~ /^\\/) print $i}' "${CORPUS_DIR}/flags.txt" | sort -u
}

write_keywords() { # maildir folder
    local k i=0
    for k in $(corpus_keywords); do printf '%d %s\n' "$i" "$k"; i=$((i + 1)); done >"${1}/dovecot-keywords"
}

# A fresh account: the INBOX maildir and one folder per corpus folder (Maildir++:
# .Receipts), each with the keywords file; seed_imap.py then finds them empty.
make_empty_account() { # user
    local home=${MAIL_DIR}/${1} d sub
    discard_mail_home "$1"
    mkdir -p "${home}/cur" "${home}/new" "${home}/tmp"
    write_keywords "$home"
    for d in "$CORPUS_DIR"/*/; do
        sub=$(basename "$d")
        mkdir -p "${home}/.${sub}/cur" "${home}/.${sub}/new" "${home}/.${sub}/tmp"
        : >"${home}/.${sub}/maildirfolder"
        write_keywords "${home}/.${sub}"
    done
    chown -R "${MAIL_USER}:${MAIL_USER}" "$home"
    chmod -R u=rwX,go= "$home"
}

seed_user() { # user
    forget_seeding "$1"
    make_empty_account "$1"
    # --no-size-check: the maildir backend stores messages with LF line endings and
    # refolds long header lines (Python's mailbox module), so RFC822.SIZE is not the
    # corpus's CRLF size.
    seed_over_imap "$1" --folder-prefix "" --no-size-check
}

# ---------------------------------------------------------------- commands --

cmd_env() { cmd_env_imap_only; }

cmd_start() {
    cmd_install
    mkdir -p "$LOG_DIR" "$RUN_DIR" "$MAIL_DIR" "$SEEDED_DIR"
    chown "${MAIL_USER}:${MAIL_USER}" "$MAIL_DIR"
    ensure_tls
    # pymap and the proxy read them after dropping privileges.
    chown "${MAIL_USER}:${MAIL_USER}" "$SERVER_KEY" "$SERVER_CERT"
    write_users

    local new
    new=$(mktemp "${STATE_DIR}/.launch.XXXXXX")
    write_launcher "$new"
    if server_pid >/dev/null; then
        if cmp -s "$new" "$LAUNCH" && healthy; then
            rm -f "$new"
            ensure_seeded_over_imap cur
            cmd_env
            return 0
        fi
        cmd_stop
    fi
    chmod 0755 "$new"
    mv -f "$new" "$LAUNCH"
    rm -f "$PID_FILE"
    local p
    for p in $(all_ports); do
        if port_open "$p"; then die "port ${LISTEN_ADDR}:${p} is already in use by another process"; fi
    done
    : >>"$LOG_FILE"
    setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 /bin/bash "$LAUNCH" \
        </dev/null >>"$LOG_FILE" 2>&1 &
    printf '%s\n' "$!" >"$PID_FILE"
    # A deadline, not a count: one round of health checks can take seconds.
    local ok=0 t0=$SECONDS
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if healthy; then ok=1; break; fi
        if ((SECONDS - t0 > 2)) && ! server_pid >/dev/null; then break; fi
        sleep 0.1
    done
    if ((ok == 0)); then
        log_tail
        cmd_stop || true
        die "pymap did not accept connections (and TLS with our CA) on ports $(all_ports | paste -sd, -) within ${START_TIMEOUT}s"
    fi
    ensure_seeded_over_imap cur
    cmd_env
}

cmd_stop() {
    local pid
    if pid=$(server_pid); then
        stop_session "$pid" "$STOP_TIMEOUT" "pymap"
    fi
    rm -f "$PID_FILE"
}

cmd_status() { status_of_server; }

# pymap is one process for every session: a user's open sessions cannot be ended alone.
# Reset an account while it has none (its mail is replaced under them otherwise).
kick_user() { :; }

cmd_reset() { reset_over_imap "$@"; }

main "$@"
