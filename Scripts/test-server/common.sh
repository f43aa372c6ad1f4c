# Shared by every server script: errors, waiting, installing, the private CA, the corpus
# and seeding, the command line. The sourcing script sets SCRIPT_DIR before it sources this
# file, then PROG, LOG_FILE, STATE_DIR (and calls define_tls_paths), CA_COMMON_NAME (the test
# CA's name) and SEED_LAYOUT (a tag of its mail layout, so a change of it re-seeds); for
# reseed_user and ensure_mail_homes MAIL_DIR, PRISTINE_DIR, NUM_USERS, SEED_STAMP and
# build_user_home DIR (a user's mail home, owned by the mail user); for seeding over IMAP
# SEEDED_DIR and seed_user USER; for cmd_env the ports, USERS_FILE and STATE_DIR_ENV (the
# name of the variable that sets STATE_DIR).
# shellcheck shell=bash

# The ordinary mail every account is seeded with (mail/README.md).
CORPUS_DIR=${SCRIPT_DIR}/mail
# The private CA and the server certificate are valid this many days, and made anew when
# they would expire within a day.
CERT_DAYS=30
CERT_MIN_VALID_SECONDS=86400

# Where ensure_tls keeps the private CA and the server's key and certificate.
define_tls_paths() {
    TLS_DIR=${STATE_DIR}/tls
    CA_KEY=${TLS_DIR}/ca.key
    CA_CERT=${TLS_DIR}/ca.pem
    SERVER_KEY=${TLS_DIR}/server.key
    SERVER_CERT=${TLS_DIR}/server.pem
}

usage() {
    cat >&2 <<EOF
usage: $PROG install|start|stop|restart|status|env|reset [USER...]
EOF
    exit 2
}

# The ports and the number of test users, which both servers take from the environment.
validate_ports_and_users() {
    local v
    for v in "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"; do
        if ! [[ $v =~ ^[1-9][0-9]{0,4}$ ]] || ((v > 65535)); then die "invalid port: '$v'"; fi
    done
    if ! [[ $NUM_USERS =~ ^[1-9][0-9]{0,5}$ ]]; then
        die "MAILGAUGE_USERS must be a positive integer, got '$NUM_USERS'"
    fi
}

die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

log_tail() {
    if [[ -s $LOG_FILE ]]; then
        printf -- '--- last lines of %s ---\n' "$LOG_FILE" >&2
        tail -n 25 "$LOG_FILE" >&2
    fi
}

port_open() {
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$LISTEN_ADDR" "$1" 2>/dev/null
}

wait_pid_gone() { # pid timeout_seconds
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}

cert_ok() { # cert file: exists, parses, valid for at least a day more
    [[ -s $1 ]] && openssl x509 -in "$1" -noout -checkend "$CERT_MIN_VALID_SECONDS" >/dev/null 2>&1
}

ensure_tls() {
    mkdir -p "$TLS_DIR"
    chmod 0755 "$TLS_DIR"
    if [[ -s $CA_KEY ]] && cert_ok "$CA_CERT" && [[ -s $SERVER_KEY ]] && cert_ok "$SERVER_CERT" \
        && openssl verify -CAfile "$CA_CERT" "$SERVER_CERT" >/dev/null 2>&1; then
        return 0
    fi
    local tmp ext
    tmp=$(mktemp -d "${TLS_DIR}/.gen.XXXXXX")
    ext=${tmp}/server.ext
    cat >"$ext" <<'EOF'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
    {
        openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days "$CERT_DAYS" \
            -keyout "${tmp}/ca.key" -out "${tmp}/ca.pem" \
            -subj "/O=MailGauge Test/CN=${CA_COMMON_NAME}" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" \
            -addext "subjectKeyIdentifier=hash"
        openssl req -new -newkey rsa:2048 -nodes -sha256 \
            -keyout "${tmp}/server.key" -out "${tmp}/server.csr" \
            -subj "/O=MailGauge Test/CN=localhost"
        openssl x509 -req -sha256 -days "$CERT_DAYS" -in "${tmp}/server.csr" \
            -CA "${tmp}/ca.pem" -CAkey "${tmp}/ca.key" -CAcreateserial \
            -extfile "$ext" -out "${tmp}/server.pem"
        openssl verify -CAfile "${tmp}/ca.pem" "${tmp}/server.pem"
    } >"${tmp}/openssl.log" 2>&1 || {
        tail -n 10 "${tmp}/openssl.log" >&2
        rm -rf "$tmp"
        die "generating TLS material with openssl failed"
    }
    chmod 0600 "${tmp}/ca.key" "${tmp}/server.key"
    chmod 0644 "${tmp}/ca.pem" "${tmp}/server.pem"
    mv -f "${tmp}/ca.key" "$CA_KEY"
    mv -f "${tmp}/ca.pem" "$CA_CERT"
    mv -f "${tmp}/server.key" "$SERVER_KEY"
    mv -f "${tmp}/server.pem" "$SERVER_CERT"
    rm -rf "$tmp"
}

# The corpus's messages of one of its mailboxes: DIR is the corpus (INBOX) or a folder of it.
corpus_messages() { # dir
    local f
    for f in "$1"/[0-9][0-9].eml; do
        [[ -f $f ]] && printf '%s\n' "$f"
    done
}

# The corpus's folders besides INBOX: its subdirectories, by name.
corpus_folders() {
    local d
    for d in "$CORPUS_DIR"/*/; do
        [[ -d $d ]] && basename "$d"
    done
}

# A message's flags from flags.txt (KEY is NN for INBOX, Folder/NN for a folder), one a line.
corpus_flags() { # key
    awk -v k="$1" '$1 == k { for (i = 2; i <= NF; i++) print $i }' "${CORPUS_DIR}/flags.txt"
}

# The keywords (flags without a backslash) the messages of one corpus mailbox have, in the
# order they are first used; PREFIX is "" for INBOX, "Folder/" for a folder.
mailbox_keywords() { # prefix
    awk -v p="$1" 'substr($1, 1, length(p)) == p && substr($1, length(p) + 1) ~ /^[0-9][0-9]$/ {
        for (i = 2; i <= NF; i++) if ($i !~ /^\\/ && !seen[$i]++) print $i
    }' "${CORPUS_DIR}/flags.txt"
}

# A message's INTERNALDATE in seconds since the epoch: its Date: header, as the servers
# seeded over IMAP APPEND get it (seed_imap.py). Only the header counts (09.eml quotes
# another message's Date: in its body); the corpus's Date: headers are not folded.
date_header_epoch() { # file
    local value
    value=$(sed -n -e '/^$/q' -e '/^[Dd]ate:/{s/^[Dd]ate:[[:space:]]*//;p;q;}' "$1")
    date -d "$value" +%s 2>/dev/null || die "$1: cannot parse Date: '$value'"
}

# Maildir's info letters for the system flags among FLAGS, in ASCII order as the spec asks;
# keywords are the caller's business.
maildir_flag_letters() { # flags...
    local f letters=()
    for f in "$@"; do
        case $f in
            '\Draft') letters+=(D) ;;
            '\Flagged') letters+=(F) ;;
            '\Answered') letters+=(R) ;;
            '\Seen') letters+=(S) ;;
        esac
    done
    ((${#letters[@]} > 0)) || return 0
    printf '%s\n' "${letters[@]}" | sort | tr -d '\n'
}

# Dies unless USER is one of user1..userNUM_USERS.
require_known_user() { # user
    [[ $1 =~ ^user[0-9]+$ ]] && ((${1#user} >= 1 && ${1#user} <= NUM_USERS)) \
        || die "unknown user '$1' (expected user1..user${NUM_USERS})"
}

# The mail home every user's is a copy of, built by build_user_home once per corpus and
# layout: a reset then only copies files, which keeps it fast for the tests that call it.
ensure_pristine_home() {
    local want tmp
    want=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    if [[ -d $PRISTINE_DIR && $(cat "${PRISTINE_DIR}.sha256" 2>/dev/null) == "$want" ]]; then
        return 0
    fi
    mkdir -p "$MAIL_DIR"
    tmp=$(mktemp -d "${MAIL_DIR}/.new-pristine.XXXXXX")
    build_user_home "$tmp"
    rm -rf "$PRISTINE_DIR"
    mv "$tmp" "$PRISTINE_DIR"
    printf '%s\n' "$want" >"${PRISTINE_DIR}.sha256"
}

# Remove a user's mail home, if any: first moved aside in one step, so nothing ever sees a
# half-deleted one.
discard_mail_home() { # user
    local old
    [[ -e ${MAIL_DIR}/${1} ]] || return 0
    old=$(mktemp -d "${MAIL_DIR}/.old-${1}.XXXXXX")
    mv "${MAIL_DIR}/${1}" "${old}/home"
    rm -rf "$old"
}

# Replace a user's mail home (maildir, indexes, everything) with a copy of the pristine one.
reseed_user() { # user
    local user=$1 tmp
    require_known_user "$user"
    ensure_pristine_home
    tmp=$(mktemp -d "${MAIL_DIR}/.new-${user}.XXXXXX")
    cp -a "${PRISTINE_DIR}/." "$tmp"
    discard_mail_home "$user"
    mv "$tmp" "${MAIL_DIR}/${user}"
}

# Seed the mail home of every user that has none (MARKER, a path inside it, is missing), or
# every user's when the corpus or layout changed since the last seeding (SEED_STAMP).
ensure_mail_homes() { # marker
    local want have="" i
    mkdir -p "$MAIL_DIR"
    chmod 0755 "$MAIL_DIR"
    want=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    [[ -f $SEED_STAMP ]] && have=$(cat "$SEED_STAMP")
    for ((i = 1; i <= NUM_USERS; i++)); do
        if [[ $want != "$have" || ! -e ${MAIL_DIR}/user${i}/$1 ]]; then
            reseed_user "user${i}"
        fi
    done
    printf '%s\n' "$want" >"$SEED_STAMP"
}

# `reset [USER...]` of a server whose mail homes the script writes (build_user_home):
# kick_user closes the user's sessions, then the home is replaced, running or not.
reset_mail_homes() { # [user...]
    [[ -d $STATE_DIR ]] || die "state dir $STATE_DIR does not exist; run '$PROG start' first"
    id -u "$MAIL_USER" >/dev/null 2>&1 || die "user '$MAIL_USER' missing; run '$PROG start' first"
    local users u
    for u in "$@"; do require_known_user "$u"; done
    mapfile -t users < <(named_or_all_users "$@")
    for u in "${users[@]}"; do
        kick_user "$u"
        reseed_user "$u"
    done
}

# The variables tests and benchmarks eval: ports, the CA, the users file, the state folder.
cmd_env() {
    printf 'MAILGAUGE_POP3_PORT=%s\n' "$POP3_PORT"
    printf 'MAILGAUGE_POP3S_PORT=%s\n' "$POP3S_PORT"
    printf 'MAILGAUGE_IMAP_PORT=%s\n' "$IMAP_PORT"
    printf 'MAILGAUGE_IMAPS_PORT=%s\n' "$IMAPS_PORT"
    printf 'MAILGAUGE_CA_FILE=%q\n' "$CA_CERT"
    printf 'MAILGAUGE_USERS_FILE=%q\n' "$USERS_FILE"
    printf '%s=%q\n' "$STATE_DIR_ENV" "$STATE_DIR"
}

# ------------------------------------------------------------------------------------------
# Installing, processes and port checks. They need PROG, LISTEN_ADDR and, for the TLS
# checks, CA_CERT.

# apt-get install the packages that are not installed yet, never starting their services
# (a temporary policy-rc.d); apt-get update first if one is unknown, and once more on failure.
apt_get_install() { # packages...
    local missing=() p log rc=0
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    ((${#missing[@]} > 0)) || return 0
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 0755 "$policy"
        made_policy=1
    fi
    log=$(mktemp)
    {
        if ! apt-cache show "${missing[0]}" >/dev/null 2>&1; then apt-get update -q; fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    } >"$log" 2>&1 || rc=$?
    if ((rc != 0)); then
        rc=0
        {
            apt-get update -q
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
        } >>"$log" 2>&1 || rc=$?
    fi
    ((made_policy)) && rm -f "$policy"
    if ((rc != 0)); then
        tail -n 20 "$log" >&2
        rm -f "$log"
        die "apt-get install ${missing[*]} failed (exit $rc)"
    fi
    rm -f "$log"
}

# Unpack Debian packages beside the system, never installing them: apt-get download (the
# candidate versions) into DEB_DIR and dpkg-deb -x into ROOT. Idempotent: ROOT/.unpacked
# lists the package versions it holds; with the same list nothing is done.
unpack_debs() { # deb_dir root packages...
    local deb_dir=$1 root=$2 p v want="" log rc=0
    shift 2
    for p in "$@"; do
        v=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
        if [[ -z $v || $v == "(none)" ]]; then
            apt-get update -q >/dev/null 2>&1 || true
            v=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
        fi
        [[ -n $v && $v != "(none)" ]] || die "package $p is not known to apt"
        want+="${p}=${v}"$'\n'
    done
    if [[ -f ${root}/.unpacked && $(cat "${root}/.unpacked") == "${want%$'\n'}" ]]; then
        return 0
    fi
    mkdir -p "$deb_dir"
    rm -f "${deb_dir}"/*.deb
    log=$(mktemp)
    # apt-get download writes into the current directory; _apt cannot, hence the warning.
    (cd "$deb_dir" && printf '%s' "$want" | sed '/^$/d' | xargs apt-get download -q) >"$log" 2>&1 || rc=$?
    if ((rc != 0)); then
        rc=0
        (apt-get update -q && cd "$deb_dir" && printf '%s' "$want" | sed '/^$/d' | xargs apt-get download -q) >>"$log" 2>&1 || rc=$?
    fi
    if ((rc != 0)); then
        grep -v '^W: Download is performed unsandboxed' "$log" | tail -n 20 >&2
        rm -f "$log"
        die "apt-get download $* failed (exit $rc)"
    fi
    rm -f "$log"
    local tmp d
    tmp=$(mktemp -d "${root%/}.new.XXXXXX")
    for d in "$deb_dir"/*.deb; do
        dpkg-deb -x "$d" "$tmp" || { rm -rf "$tmp"; die "dpkg-deb -x $d failed"; }
    done
    printf '%s' "${want%$'\n'}" >"${tmp}/.unpacked"
    rm -rf "$root"
    mv "$tmp" "$root"
    chmod 0755 "$root"
}

# Fail with the list of libraries the given binaries cannot load (LD_LIBRARY_PATH as set).
check_libs() { # binaries...
    local b missing
    missing=$(for b in "$@"; do ldd "$b" 2>/dev/null | awk -v b="${b##*/}" '/not found/ {print b ": " $1}'; done)
    [[ -z $missing ]] || die "missing shared libraries: $(printf '%s' "$missing" | paste -sd, -)"
}

ensure_system_user() { # name comment
    id -u "$1" >/dev/null 2>&1 && return 0
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin --comment "$2" "$1" || die "could not create system user '$1'"
}

# Print the pid in PID_FILE if that process runs and is ours: its command line names FILE
# (our config or launcher) and, given COMM, that is its name. Fail otherwise.
our_pid() { # pid_file file [comm]
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -z ${3:-} || $(cat "/proc/$pid/comm" 2>/dev/null) == "$3" ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
    printf '%s\n' "$pid"
}

# The first line a plain TCP port sends contains WANT.
# (Output is captured, not piped into grep -q: under pipefail a writer killed by SIGPIPE
# would fail the check.)
plain_greets() { # port want
    local out
    # shellcheck disable=SC2016 # expanded by the inner bash
    out=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"; IFS= read -r -t 4 line <&3; printf "%s\n" "$line"' \
        "$LISTEN_ADDR" "$1" 2>/dev/null) || true
    [[ $out == *"$2"* ]]
}

# An implicit-TLS port: handshake with the certificate verified against our CA (name
# localhost), then a greeting containing WANT; QUIT_CMD makes the server close.
tls_greets() { # port want quit_cmd
    local out
    out=$(printf '%s\r\n' "$3" \
        | timeout 10 openssl s_client -quiet -ign_eof -verify_return_error \
            -CAfile "$CA_CERT" -verify_hostname localhost \
            -connect "${LISTEN_ADDR}:${1}" 2>/dev/null) || true
    [[ $out == *"$2"* ]]
}

# A plain port upgraded with STARTTLS (imap) / STLS (pop3), certificate verified.
starttls_ok() { # port imap|pop3
    local quit='a LOGOUT' want='* '
    [[ $2 == pop3 ]] && { quit=QUIT; want='+OK'; }
    local out
    out=$(printf '%s\r\n' "$quit" \
        | timeout 10 openssl s_client -quiet -ign_eof -verify_return_error -starttls "$2" \
            -CAfile "$CA_CERT" -verify_hostname localhost \
            -connect "${LISTEN_ADDR}:${1}" 2>/dev/null) || true
    [[ $out == *"$want"* ]]
}

# Every pid of a session (setsid) and of the process groups its members made.
session_pids() { # sid
    ps -eo pid=,sid= 2>/dev/null | awk -v s="$1" '$2 == s {print $1}'
}

# Signal a whole session: TERM, wait up to TIMEOUT seconds, then KILL; fail if any is left.
stop_session() { # sid timeout what
    local sid=$1 timeout=$2 what=$3 i pids
    [[ $sid =~ ^[0-9]+$ ]] || return 0
    mapfile -t pids < <(session_pids "$sid")
    ((${#pids[@]} > 0)) || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
        [[ -z $(session_pids "$sid") ]] && return 0
        sleep 0.1
    done
    mapfile -t pids < <(session_pids "$sid")
    ((${#pids[@]} > 0)) && kill -KILL "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        [[ -z $(session_pids "$sid") ]] && return 0
        sleep 0.1
    done
    die "$what: processes of session $sid did not exit: $(session_pids "$sid" | paste -sd' ' -)"
}

# The ordinary-mail corpus (Scripts/test-server/mail): hash of every file, with a layout tag.
corpus_hash() { # corpus_dir layout_tag
    (cd "$1" && { printf '%s\n' "$2"; find . -type f ! -name README.md -print0 | sort -z | xargs -0 sha256sum; }) \
        | sha256sum | cut -d' ' -f1
}

write_users_csv() { # file count
    local tmp i
    tmp=$(mktemp "${1}.XXXXXX")
    printf 'user,password\n' >"$tmp"
    for ((i = 1; i <= $2; i++)); do printf 'user%d,mg-pass-%d\n' "$i" "$i" >>"$tmp"; done
    chmod 0644 "$tmp"
    mv -f "$tmp" "$1"
}

# cmd_env for a server that has no POP3: its POP3 ports are printed as 0 ("none"), and so
# is the IMAPS port if IMAPS_PORT is unset, so that every consumer finds all the names.
cmd_env_imap_only() {
    printf 'MAILGAUGE_POP3_PORT=0\n'
    printf 'MAILGAUGE_POP3S_PORT=0\n'
    printf 'MAILGAUGE_IMAP_PORT=%s\n' "$IMAP_PORT"
    printf 'MAILGAUGE_IMAPS_PORT=%s\n' "${IMAPS_PORT:-0}"
    printf 'MAILGAUGE_CA_FILE=%q\n' "$CA_CERT"
    printf 'MAILGAUGE_USERS_FILE=%q\n' "$USERS_FILE"
    printf '%s=%q\n' "$STATE_DIR_ENV" "$STATE_DIR"
}

# `status` of a server that the script's server_pid and healthy describe: 0 running and every
# port answering, 1 running but not answering, 3 stopped.
status_of_server() {
    local pid
    if pid=$(server_pid); then
        if healthy; then
            printf 'running (pid %s)\n' "$pid"
            return 0
        fi
        printf 'running (pid %s) but not all ports answer\n' "$pid"
        return 1
    fi
    printf 'stopped\n'
    return 3
}

# The users named, or all of them when none is.
named_or_all_users() { # [user...]
    local i
    if (($# > 0)); then
        printf '%s\n' "$@"
        return 0
    fi
    for ((i = 1; i <= NUM_USERS; i++)); do printf 'user%d\n' "$i"; done
}

# Servers seeded over IMAP record, per account, the corpus hash it was seeded from
# (SEEDED_DIR/userN); an account without that record is seeded again by the next start.
forget_seeding() { # user
    rm -f "${SEEDED_DIR}/${1}"
}

# Seed USER's empty account from the corpus with seed_imap.py over STARTTLS on IMAP_PORT
# (OPTIONS are the server's own, such as its folder prefix), then record the seeding.
seed_over_imap() { # user [seed_imap.py options...]
    local user=$1 hash
    shift
    hash=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    MG_SEED_PW="mg-pass-${user#user}" python3 "${SCRIPT_DIR}/seed_imap.py" --port "$IMAP_PORT" \
        --tls starttls --ca-file "$CA_CERT" --user "$user" --password-env MG_SEED_PW \
        --corpus "$CORPUS_DIR" "$@" || die "seeding ${user} failed"
    printf '%s\n' "$hash" >"${SEEDED_DIR}/${user}"
}

# Seed (seed_user) every account not seeded from the current corpus, which after a change
# of the corpus is all of them, and, given MARKER, every one whose mail home MAIL_DIR/userN
# lacks that path. Needs the server running.
ensure_seeded_over_imap() { # [marker]
    local hash i
    mkdir -p "$SEEDED_DIR"
    hash=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    for ((i = 1; i <= NUM_USERS; i++)); do
        if [[ $(cat "${SEEDED_DIR}/user${i}" 2>/dev/null) != "$hash" ]] \
            || [[ -n ${1:-} && ! -e ${MAIL_DIR}/user${i}/${1} ]]; then
            seed_user "user${i}"
        fi
    done
}

# `reset [USER...]` of a server seeded over IMAP (seed_user, kick_user closes the user's
# sessions first); when it is not running, the next start re-seeds them.
reset_over_imap() { # [user...]
    [[ -d $STATE_DIR ]] || die "state dir $STATE_DIR does not exist; run '$PROG start' first"
    local users u
    for u in "$@"; do require_known_user "$u"; done
    mapfile -t users < <(named_or_all_users "$@")
    if ! server_pid >/dev/null; then
        for u in "${users[@]}"; do forget_seeding "$u"; done
        printf '%s: not running; %s will be re-seeded by the next start\n' "$PROG" "${users[*]}" >&2
        return 0
    fi
    for u in "${users[@]}"; do
        kick_user "$u"
        seed_user "$u"
    done
}

# The command line every server script takes: install|start|stop|restart|status|env|reset
# [USER...], dispatched to its cmd_* functions (validate first, except for env).
main() {
    (($# >= 1)) || usage
    local cmd=$1
    shift
    case $cmd in
        install | start | stop | restart | status | reset) validate ;;
        env) ;;
        *) usage ;;
    esac
    case $cmd in
        install) (($# == 0)) || usage; cmd_install ;;
        start) (($# == 0)) || usage; cmd_start ;;
        stop) (($# == 0)) || usage; cmd_stop ;;
        restart) (($# == 0)) || usage; cmd_stop; cmd_start ;;
        status) (($# == 0)) || usage; cmd_status || exit $? ;;
        env) (($# == 0)) || usage; cmd_env ;;
        reset) cmd_reset "$@" ;;
    esac
}
