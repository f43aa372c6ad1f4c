#!/usr/bin/env bash
# Private Dovecot instance on loopback for MailGauge integration tests and
# benchmarks. See Scripts/test-server/README.md.
#
# Usage: dovecot.sh install|start|stop|restart|status|env|reset [USER...]
set -Eeuo pipefail

PROG=dovecot.sh
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "${SCRIPT_DIR}/common.sh"
CA_COMMON_NAME="MailGauge Test CA"
SEED_LAYOUT=corpus-maildir-v1

STATE_DIR_ENV=MAILGAUGE_DOVECOT_DIR
STATE_DIR=${MAILGAUGE_DOVECOT_DIR:-/tmp/mailgauge-dovecot}
POP3_PORT=${MAILGAUGE_POP3_PORT:-21110}
POP3S_PORT=${MAILGAUGE_POP3S_PORT:-21995}
IMAP_PORT=${MAILGAUGE_IMAP_PORT:-21143}
IMAPS_PORT=${MAILGAUGE_IMAPS_PORT:-21993}
NUM_USERS=${MAILGAUGE_USERS:-24}
# yes (default): plaintext auth allowed on non-TLS connections.
# no: disable_plaintext_auth = yes (IMAP advertises LOGINDISABLED, POP3 hides USER).
PLAINTEXT_AUTH=${MAILGAUGE_DOVECOT_PLAINTEXT_AUTH:-yes}

MAIL_USER=mailgauge            # owner of all mail (mail_uid/mail_gid)
LISTEN_ADDR=127.0.0.1
# Dovecot 2.3 treats a connection whose remote IP equals its local IP as
# "secured" and then always allows plaintext auth, so on loopback
# disable_plaintext_auth alone has no effect. For PLAINTEXT_AUTH=no the plain
# (non-TLS) listeners therefore bind this loopback address and a socat relay on
# LISTEN_ADDR forwards to them (remote 127.0.0.1 != local 127.0.0.2).
RELAY_BACKEND_ADDR=127.0.0.2
START_TIMEOUT=${MAILGAUGE_DOVECOT_START_TIMEOUT:-30}   # seconds
STOP_TIMEOUT=${MAILGAUGE_DOVECOT_STOP_TIMEOUT:-20}     # seconds
WANT_NOFILE=65536              # ulimit -n we try to get before starting dovecot

# Deterministic mailbox identity: UIDVALIDITY is fixed (INBOX this one, the corpus's folders
# the next ones in name order), so POP3 UIDLs and IMAP UIDs are identical after every reset.
UIDVALIDITY_INBOX=1704067200   # 0x65920080 (2024-01-01T00:00:00Z)

CONF=${STATE_DIR}/dovecot.conf
BASE_DIR=${STATE_DIR}/run
LOG_DIR=${STATE_DIR}/log
LOG_FILE=${LOG_DIR}/dovecot.log
define_tls_paths
MAIL_DIR=${STATE_DIR}/mail
PRISTINE_DIR=${MAIL_DIR}/.pristine   # what every user's mail home is a copy of
PASSWD_FILE=${STATE_DIR}/passwd
USERS_FILE=${STATE_DIR}/users.csv
SEED_STAMP=${STATE_DIR}/seed.sha256
PID_FILE=${BASE_DIR}/master.pid
RELAY_PIDS=${STATE_DIR}/relay.pids

trap 'die "unexpected failure at line ${LINENO}: ${BASH_COMMAND}"' ERR

validate() {
    validate_ports_and_users
    case $PLAINTEXT_AUTH in
        yes | no) ;;
        *) die "MAILGAUGE_DOVECOT_PLAINTEXT_AUTH must be 'yes' or 'no', got '$PLAINTEXT_AUTH'" ;;
    esac
    [[ $STATE_DIR == /* ]] || die "MAILGAUGE_DOVECOT_DIR must be an absolute path, got '$STATE_DIR'"
    [[ $STATE_DIR != *[[:space:]]* ]] || die "MAILGAUGE_DOVECOT_DIR must not contain whitespace"
    ((EUID == 0)) || die "must run as root (dovecot master and apt-get need it)"
}

# ---------------------------------------------------------------- install ---

# Stop the package's own (system) instance, if any, and keep it from starting.
disable_system_dovecot() {
    if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
        systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1 && [[ -e /etc/init.d/dovecot ]]; then
        update-rc.d dovecot disable >/dev/null 2>&1 || true
    fi
    local pid
    pid=$(cat /run/dovecot/master.pid 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]] && is_dovecot_pid "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        wait_pid_gone "$pid" "$STOP_TIMEOUT" || kill -KILL "$pid" 2>/dev/null || true
    fi
}

cmd_install() {
    apt_get_install dovecot-imapd dovecot-pop3d openssl
    # The strict variant's relays (see RELAY_BACKEND_ADDR).
    if [[ $PLAINTEXT_AUTH == no ]]; then apt_get_install socat; fi
    disable_system_dovecot
    id -u dovecot >/dev/null 2>&1 || die "system user 'dovecot' missing after install"
    id -u dovenull >/dev/null 2>&1 || die "system user 'dovenull' missing after install"
    ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
}

# ------------------------------------------------------------ processes ---

is_dovecot_pid() {
    local comm
    comm=$(cat "/proc/$1/comm" 2>/dev/null) || return 1
    [[ $comm == dovecot ]]
}

# Print our master's pid if it is running; fail otherwise.
server_pid() { our_pid "$PID_FILE" "$CONF" dovecot; }



all_ports() { printf '%s\n' "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"; }

relays_alive() {
    [[ $PLAINTEXT_AUTH == no ]] || return 0
    [[ -s $RELAY_PIDS ]] || return 1
    local pid
    while read -r pid; do
        [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == socat ]] || return 1
    done <"$RELAY_PIDS"
}

start_relays() {
    [[ $PLAINTEXT_AUTH == no ]] || return 0
    local port pid
    : >"$RELAY_PIDS"
    for port in "$POP3_PORT" "$IMAP_PORT"; do
        # Own session (setsid) so stop can kill the relay and its forked children.
        setsid socat "TCP-LISTEN:${port},bind=${LISTEN_ADDR},reuseaddr,fork,backlog=4096" \
            "TCP:${RELAY_BACKEND_ADDR}:${port},bind=${LISTEN_ADDR}" \
            </dev/null >>"${LOG_DIR}/relay.log" 2>&1 &
        pid=$!
        printf '%s\n' "$pid" >>"$RELAY_PIDS"
    done
}

stop_relays() {
    [[ -f $RELAY_PIDS ]] || return 0
    local pid
    while read -r pid; do
        [[ $pid =~ ^[0-9]+$ ]] || continue
        [[ $(cat "/proc/$pid/comm" 2>/dev/null) == socat ]] || continue
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        wait_pid_gone "$pid" 5 || kill -KILL -- "-$pid" 2>/dev/null || true
    done <"$RELAY_PIDS"
    rm -f "$RELAY_PIDS"
}

healthy() {
    server_pid >/dev/null || return 1
    relays_alive || return 1
    local p
    for p in $(all_ports); do port_open "$p" || return 1; done
}


# All descendants of a pid (children first listed by ps --ppid, recursively).
descendants() {
    local c
    for c in $(ps -o pid= --ppid "$1" 2>/dev/null || true); do
        printf '%s\n' "$c"
        descendants "$c"
    done
}

# ---------------------------------------------------------------- TLS -------



# ---------------------------------------------------------------- users -----

write_users() {
    local i tmp_pw tmp_csv
    tmp_pw=$(mktemp "${STATE_DIR}/.passwd.XXXXXX")
    tmp_csv=$(mktemp "${STATE_DIR}/.users.XXXXXX")
    printf 'user,password\n' >"$tmp_csv"
    for ((i = 1; i <= NUM_USERS; i++)); do
        # {PLAIN} so that APOP / CRAM-MD5 / DIGEST-MD5 / SCRAM-* can be computed.
        printf 'user%d:{PLAIN}mg-pass-%d::::::\n' "$i" "$i" >>"$tmp_pw"
        printf 'user%d,mg-pass-%d\n' "$i" "$i" >>"$tmp_csv"
    done
    # The auth process runs as the 'dovecot' user and must read the passwd file.
    chown root:dovecot "$tmp_pw"
    chmod 0640 "$tmp_pw"
    chmod 0644 "$tmp_csv"
    mv -f "$tmp_pw" "$PASSWD_FILE"
    mv -f "$tmp_csv" "$USERS_FILE"
}

# ---------------------------------------------------------------- seed ------



# Every user's copy of a mailbox has the same GUID: only dsync between servers, which these
# never do, needs them to differ.
mailbox_guid() { # mailbox -> 32 hex chars, deterministic
    printf 'mailgauge/%s' "$1" | md5sum | cut -c1-32
}

make_maildir() { # dir
    mkdir -p "$1/cur" "$1/new" "$1/tmp"
}

# One corpus mailbox as a Dovecot Maildir: the messages in cur/ with their flags in the
# file names (keywords as the letters a, b, ... that dovecot-keywords assigns), INTERNALDATE
# (the file's mtime) from the Date: header, S= and W= sizes so Dovecot need not read the
# files, and dovecot-uidlist with UIDs 1..n.
write_maildir() { # mailbox source_dir maildir uidvalidity flag_key_prefix
    local box=$1 src=$2 md=$3 uidvalidity=$4 prefix=$5
    local files keywords flags f i=0 j k name size vsize stamp info letters=abcdefghijklmnopqrstuvwxyz
    make_maildir "$md"
    mapfile -t files < <(corpus_messages "$src")
    mapfile -t keywords < <(mailbox_keywords "$prefix")
    if ((${#keywords[@]} > 0)); then
        for j in "${!keywords[@]}"; do printf '%d %s\n' "$j" "${keywords[j]}"; done >"${md}/dovecot-keywords"
    fi
    {
        printf '3 V%s N%d G%s\n' "$uidvalidity" $((${#files[@]} + 1)) "$(mailbox_guid "$box")"
        for f in "${files[@]}"; do
            i=$((i + 1))
            mapfile -t flags < <(corpus_flags "${prefix}$(basename "$f" .eml)")
            info=$(maildir_flag_letters "${flags[@]}")
            for k in "${flags[@]}"; do
                for j in "${!keywords[@]}"; do [[ ${keywords[j]} == "$k" ]] && info+=${letters:j:1}; done
            done
            size=$(stat -c %s "$f")
            # Virtual size = size with CRLF line endings (the corpus uses LF only).
            vsize=$((size + $(tr -cd '\n' <"$f" | wc -c)))
            stamp=$(date_header_epoch "$f")
            name="${stamp}.M${i}P1.mailgauge,S=${size},W=${vsize}"
            cp "$f" "${md}/cur/${name}:2,${info}"
            touch -d "@${stamp}" "${md}/cur/${name}:2,${info}"
            printf '%d :%s\n' "$i" "$name"
        done
    } >"${md}/dovecot-uidlist"
}

# Build a pristine mail home into a fresh directory: the corpus's INBOX and folders
# (Maildir++ .Folder), every folder subscribed.
build_user_home() { # target_dir
    local home=$1 md box uidvalidity=$UIDVALIDITY_INBOX
    md=${home}/Maildir
    write_maildir INBOX "$CORPUS_DIR" "$md" "$uidvalidity" ""
    : >"${md}/subscriptions"
    while read -r box; do
        uidvalidity=$((uidvalidity + 1))
        write_maildir "$box" "${CORPUS_DIR}/${box}" "${md}/.${box}" "$uidvalidity" "${box}/"
        : >"${md}/.${box}/maildirfolder"
        printf '%s\n' "$box" >>"${md}/subscriptions"
    done < <(corpus_folders)
    chown -R "${MAIL_USER}:${MAIL_USER}" "$home"
    chmod -R u=rwX,go= "$home"
}

# ---------------------------------------------------------------- config ----

write_config() { # target file
    local uid gid dpa dh_line="" plain_addr=$LISTEN_ADDR
    [[ $PLAINTEXT_AUTH == no ]] && plain_addr=$RELAY_BACKEND_ADDR
    uid=$(id -u "$MAIL_USER")
    gid=$(id -g "$MAIL_USER")
    if [[ $PLAINTEXT_AUTH == no ]]; then dpa=yes; else dpa=no; fi
    [[ -r /usr/share/dovecot/dh.pem ]] && dh_line="ssl_dh = </usr/share/dovecot/dh.pem"
    cat >"$1" <<EOF
# Generated by Scripts/test-server/dovecot.sh -- do not edit, it is rewritten
# on every start. Private MailGauge test instance, loopback only.
instance_name = mailgauge-dovecot
base_dir = ${BASE_DIR}
state_dir = ${STATE_DIR}/state
protocols = imap pop3
listen = ${LISTEN_ADDR}
# plain (non-TLS) listeners: ${plain_addr} (see RELAY_BACKEND_ADDR in dovecot.sh)
shutdown_clients = yes

log_path = ${LOG_FILE}
info_log_path = ${LOG_FILE}
debug_log_path = ${LOG_FILE}
log_timestamp = "%Y-%m-%d %H:%M:%S "

default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
default_vsz_limit = 1G
default_process_limit = 1000
default_client_limit = 20000

# ---- authentication ----
# MAILGAUGE_DOVECOT_PLAINTEXT_AUTH=${PLAINTEXT_AUTH}
disable_plaintext_auth = ${dpa}
auth_mechanisms = plain login cram-md5 digest-md5 scram-sha-1 scram-sha-256 apop
auth_cache_size = 0
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${PASSWD_FILE}
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${MAIL_DIR}/%u
}

# ---- mail ----
mail_location = maildir:~/Maildir
mail_uid = ${uid}
mail_gid = ${gid}
first_valid_uid = ${uid}
last_valid_uid = ${uid}
first_valid_gid = ${gid}
last_valid_gid = ${gid}
mail_privileged_group =
mail_fsync = never
mail_max_userip_connections = 1000

# As Debian's 15-mailboxes.conf: special-use names for the usual folders, created only when a
# client makes them, so SPECIAL-USE is advertised as on an ordinary install.
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
  }
  mailbox Junk {
    special_use = \\Junk
  }
  mailbox Trash {
    special_use = \\Trash
  }
  mailbox Sent {
    special_use = \\Sent
  }
}

# ---- TLS ----
ssl = yes
ssl_cert = <${SERVER_CERT}
ssl_key = <${SERVER_KEY}
ssl_min_protocol = TLSv1.2
ssl_prefer_server_ciphers = yes
${dh_line}

# ---- protocols ----
protocol imap {
  mail_max_userip_connections = 1000
}
protocol pop3 {
  mail_max_userip_connections = 1000
  pop3_uidl_format = %08Xu%08Xv
}

# ---- services (sized for ~10,000 concurrent IMAP IDLE sessions) ----
service imap-login {
  inet_listener imap {
    address = ${plain_addr}
    port = ${IMAP_PORT}
  }
  inet_listener imaps {
    address = ${LISTEN_ADDR}
    port = ${IMAPS_PORT}
    ssl = yes
  }
  # high-performance mode: few long-lived processes, many clients each
  service_count = 0
  process_min_avail = 2
  process_limit = 4
  client_limit = 5000
}
service pop3-login {
  inet_listener pop3 {
    address = ${plain_addr}
    port = ${POP3_PORT}
  }
  inet_listener pop3s {
    address = ${LISTEN_ADDR}
    port = ${POP3S_PORT}
    ssl = yes
  }
  service_count = 0
  process_min_avail = 1
  process_limit = 4
  client_limit = 1000
}
service imap {
  # All users share one mail uid, so one imap process may serve many sessions.
  service_count = 0
  client_limit = 100
  process_limit = 200
}
service pop3 {
  process_limit = 1000
}
service auth {
  client_limit = 20000
}
service anvil {
  client_limit = 20000
}
EOF
}

# ---------------------------------------------------------------- commands --

raise_nofile() {
    local hard
    hard=$(ulimit -Hn)
    if [[ $hard != unlimited ]] && ((hard < WANT_NOFILE)); then
        ulimit -Hn "$WANT_NOFILE" 2>/dev/null || true
        hard=$(ulimit -Hn)
    fi
    if [[ $hard == unlimited ]] || ((hard >= WANT_NOFILE)); then
        ulimit -Sn "$WANT_NOFILE"
    else
        ulimit -Sn "$hard"
    fi
}

cmd_start() {
    cmd_install
    mkdir -p "$STATE_DIR" "$LOG_DIR" "${STATE_DIR}/state"
    chmod 0755 "$STATE_DIR"
    ensure_tls
    write_users

    local new_conf
    new_conf=$(mktemp "${STATE_DIR}/.conf.XXXXXX")
    write_config "$new_conf"
    if server_pid >/dev/null; then
        if cmp -s "$new_conf" "$CONF" && healthy; then
            rm -f "$new_conf"
            ensure_mail_homes Maildir
            cmd_env
            return 0
        fi
        # Settings changed (ports, plaintext auth, ...) or unhealthy: restart.
        cmd_stop
    fi
    chmod 0644 "$new_conf"
    mv -f "$new_conf" "$CONF"
    ensure_mail_homes Maildir

    stop_relays   # leftovers of an instance that died without 'stop'
    local p
    for p in $(all_ports); do
        if port_open "$p"; then
            die "port ${LISTEN_ADDR}:${p} is already in use by another process"
        fi
    done

    raise_nofile
    : >>"$LOG_FILE"
    # Not $(...): the daemonized master keeps its stdout/stderr open.
    local startup_log=${LOG_DIR}/startup.log rc=0
    # Start with an empty signal mask: a blocked SIGTERM inherited from the
    # caller (seen with some job runners) would make 'stop' hang until SIGKILL.
    # perl-base is Essential on Debian; fall back to a plain exec without it.
    local launcher=()
    if command -v perl >/dev/null 2>&1; then
        # shellcheck disable=SC2016 # perl code, not shell
        launcher=(perl -MPOSIX -e 'sigprocmask(SIG_SETMASK, POSIX::SigSet->new()) or die "sigprocmask: $!\n"; exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!\n"')
    fi
    "${launcher[@]}" dovecot -c "$CONF" </dev/null >"$startup_log" 2>&1 || rc=$?
    if ((rc != 0)); then
        cat "$startup_log" >&2
        log_tail
        die "dovecot -c $CONF failed to start (exit $rc)"
    fi
    start_relays
    local i ok=0
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if healthy; then ok=1; break; fi
        if ((i > 20)) && ! server_pid >/dev/null; then break; fi
        sleep 0.1
    done
    if ((ok == 0)); then
        log_tail
        if server_pid >/dev/null; then cmd_stop || true; fi
        die "dovecot did not accept connections on ports $(all_ports | paste -sd, -) within ${START_TIMEOUT}s"
    fi
    cmd_env
}

cmd_stop() {
    local pid procs p
    stop_relays
    if ! pid=$(server_pid); then
        rm -f "$PID_FILE"
        return 0
    fi
    mapfile -t procs < <(descendants "$pid")
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_pid_gone "$pid" "$STOP_TIMEOUT"; then
        kill -KILL "$pid" 2>/dev/null || true
        wait_pid_gone "$pid" 5 || die "dovecot master (pid $pid) did not exit"
    fi
    # The master normally takes its children with it; make sure of it.
    for p in "${procs[@]}"; do
        wait_pid_gone "$p" 5 || kill -KILL "$p" 2>/dev/null || true
    done
    for p in "${procs[@]}"; do
        wait_pid_gone "$p" 5 || die "dovecot child process $p did not exit"
    done
    rm -f "$PID_FILE"
}

cmd_status() { status_of_server; }

# Close leftover sessions of that user, if any (normally there are none).
kick_user() { # user
    server_pid >/dev/null || return 0
    doveadm -c "$CONF" kick "$1" >/dev/null 2>&1 || true
}

cmd_reset() { reset_mail_homes "$@"; }

main "$@"
