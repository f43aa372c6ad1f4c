#!/usr/bin/env bash
# Private Cyrus IMAP 3.6 (imapd + pop3d) on loopback for MailGauge conformance runs.
# See Scripts/test-server/README.md ("Cyrus IMAP").
#
# Usage: cyrus.sh install|start|stop|restart|status|env|reset [USER...]
#
# Debian's cyrus-* packages conflict with the Dovecot packages this machine keeps
# installed (imap-server), so they are never installed: apt-get download + dpkg-deb -x
# unpack them under <dir>/root, and the binaries run from there with LD_LIBRARY_PATH for
# Cyrus' private libraries. Only non-conflicting libraries they need come from apt.
set -Eeuo pipefail

PROG=cyrus.sh
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "${SCRIPT_DIR}/common.sh"
CA_COMMON_NAME="MailGauge Test CA (cyrus)"
SEED_LAYOUT=cyrus-append-v1

STATE_DIR_ENV=MAILGAUGE_CYRUS_DIR
STATE_DIR=${MAILGAUGE_CYRUS_DIR:-/tmp/mailgauge-cyrus}
# Own variable names, so that an eval of another server's env does not move these ports.
POP3_PORT=${MAILGAUGE_CYRUS_POP3_PORT:-24110}
POP3S_PORT=${MAILGAUGE_CYRUS_POP3S_PORT:-24995}
IMAP_PORT=${MAILGAUGE_CYRUS_IMAP_PORT:-24143}
IMAPS_PORT=${MAILGAUGE_CYRUS_IMAPS_PORT:-24993}
NUM_USERS=${MAILGAUGE_USERS:-6}

MAIL_USER=mailgauge            # Cyrus runs as this user (cyrus_user), shared with dovecot.sh
ADMIN_USER=mgadmin             # Cyrus admin (admins:), used only to (re)create accounts
LISTEN_ADDR=127.0.0.1
SERVER_NAME=localhost          # servername: and the SASL realm of the sasldb entries
START_TIMEOUT=${MAILGAUGE_CYRUS_START_TIMEOUT:-30}   # seconds
STOP_TIMEOUT=${MAILGAUGE_CYRUS_STOP_TIMEOUT:-20}     # seconds

PACKAGES=(cyrus-common cyrus-imapd cyrus-pop3d)
# Libraries the unpacked binaries link that this machine may lack (none conflicts with
# Dovecot), saslpasswd2 for the sasldb, openssl for the CA, python3 for seeding.
APT_DEPS=(libical3 libpcre3 libxapian30 libjansson4 libicu72 libpq5 libsasl2-2 libsasl2-modules
    libsasl2-modules-db libwrap0 libldap-2.5-0 libxml2 libsqlite3-0 libssl3 sasl2-bin openssl python3)

ROOT=${STATE_DIR}/root
DEB_DIR=${STATE_DIR}/debs
BIN=${ROOT}/usr/lib/cyrus/bin
LIB_PATH=${ROOT}/usr/lib/x86_64-linux-gnu
IMAPD_CONF=${STATE_DIR}/imapd.conf
CYRUS_CONF=${STATE_DIR}/cyrus.conf
CONFIG_DIR=${STATE_DIR}/lib       # configdirectory (mailboxes.db, user seen/sub files)
SPOOL_DIR=${STATE_DIR}/spool      # partition-default
RUN_DIR=${STATE_DIR}/run
PID_FILE=${RUN_DIR}/master.pid
LOG_DIR=${STATE_DIR}/log
LOG_FILE=${LOG_DIR}/master.log
define_tls_paths
SASLDB=${STATE_DIR}/sasldb2
ADMIN_PW_FILE=${STATE_DIR}/admin.password
USERS_FILE=${STATE_DIR}/users.csv
SEEDED_DIR=${STATE_DIR}/seeded    # seeded/userN = corpus hash the account was seeded from

trap 'die "unexpected failure at line ${LINENO}: ${BASH_COMMAND}"' ERR

validate() {
    validate_ports_and_users
    [[ $STATE_DIR == /* ]] || die "MAILGAUGE_CYRUS_DIR must be an absolute path, got '$STATE_DIR'"
    [[ $STATE_DIR != *[[:space:]\"\\]* ]] || die "MAILGAUGE_CYRUS_DIR must not contain whitespace, quotes or backslashes"
    ((EUID == 0)) || die "must run as root (apt-get; the Cyrus master switches to '$MAIL_USER')"
}

all_ports() { printf '%s\n' "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"; }

# ---------------------------------------------------------------- install ---

cmd_install() {
    apt_get_install "${APT_DEPS[@]}"
    mkdir -p "$STATE_DIR"
    chmod 0755 "$STATE_DIR"
    unpack_debs "$DEB_DIR" "$ROOT" "${PACKAGES[@]}"
    LD_LIBRARY_PATH=$LIB_PATH check_libs "${BIN}/master" "${BIN}/imapd" "${BIN}/pop3d" "${BIN}/ctl_cyrusdb"
    ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
}

cyrus_version() { # e.g. 3.6.1-4+deb12u5
    sed -n 's/^cyrus-imapd=//p' "${ROOT}/.unpacked" 2>/dev/null
}

# ------------------------------------------------------------ processes ---

server_pid() { our_pid "$PID_FILE" "$IMAPD_CONF" master; }

healthy() {
    server_pid >/dev/null || return 1
    plain_greets "$IMAP_PORT" '* OK' || return 1
    plain_greets "$POP3_PORT" '+OK' || return 1
    tls_greets "$IMAPS_PORT" '* OK' 'a LOGOUT' || return 1
    tls_greets "$POP3S_PORT" '+OK' 'QUIT' || return 1
}

# ---------------------------------------------------------------- users -----

admin_password() {
    if [[ ! -s $ADMIN_PW_FILE ]]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$ADMIN_PW_FILE")
    fi
    cat "$ADMIN_PW_FILE"
}

write_users() {
    local tmp i
    tmp=$(mktemp "${SASLDB}.XXXXXX")
    rm -f "$tmp"
    for ((i = 1; i <= NUM_USERS; i++)); do
        printf 'mg-pass-%d' "$i" | saslpasswd2 -p -c -f "$tmp" -u "$SERVER_NAME" "user${i}"
    done
    admin_password | saslpasswd2 -p -c -f "$tmp" -u "$SERVER_NAME" "$ADMIN_USER"
    chown "${MAIL_USER}:${MAIL_USER}" "$tmp"
    chmod 0600 "$tmp"
    mv -f "$tmp" "$SASLDB"
    write_users_csv "$USERS_FILE" "$NUM_USERS"
}

# ---------------------------------------------------------------- config ----

write_imapd_conf() { # target
    cat >"$1" <<EOF
# Generated by Scripts/test-server/cyrus.sh -- rewritten on every start.
# Private MailGauge test instance, loopback only. Namespace settings are those of
# Debian's /etc/imapd.conf (altnamespace: no, unixhierarchysep: no): "INBOX." / ".".
servername: ${SERVER_NAME}
configdirectory: ${CONFIG_DIR}
defaultpartition: default
partition-default: ${SPOOL_DIR}
proc_path: ${RUN_DIR}/proc
mboxname_lockpath: ${RUN_DIR}/lock
# imapd binds its IDLE client socket at <configdirectory>/socket/idle.<pid>, whatever
# idlesocket says: keep all the sockets there.
lmtpsocket: ${CONFIG_DIR}/socket/lmtp
idlesocket: ${CONFIG_DIR}/socket/idle
notifysocket: ${CONFIG_DIR}/socket/notify
cyrus_user: ${MAIL_USER}
cyrus_group: ${MAIL_USER}
altnamespace: no
unixhierarchysep: no
hashimapspool: true
umask: 077
admins: ${ADMIN_USER}
allowanonymouslogin: no
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: ${SASLDB}
sasl_mech_list: PLAIN LOGIN CRAM-MD5 DIGEST-MD5 SCRAM-SHA-1 SCRAM-SHA-256
sasl_auto_transition: no
tls_server_cert: ${SERVER_CERT}
tls_server_key: ${SERVER_KEY}
tls_versions: tls1_2 tls1_3
# Debian sets popminpoll: 1 (one POP3 login per minute); tests log in many times.
popminpoll: 0
autocreate_quota: -1
delete_mode: immediate
# Debian/upstream default protects mailboxes with \Archive \Drafts \Flagged \Junk \Sent
# \Trash from DELETE ("NO SPECIAL-USE flag conflict"): test runs must remove the scratch
# mailboxes they create with CREATE (USE (...)). An empty value is a config error, so it
# names a flag no mailbox has.
specialuse_protect: \\XMailGaugeNone
# IDLE: idled (DAEMON in cyrus.conf) tells imapd at once; polling only if it is gone.
imapidlepoll: 5s
syslog_prefix: mailgauge-cyrus
EOF
}

write_cyrus_conf() { # target
    cat >"$1" <<EOF
# Generated by Scripts/test-server/cyrus.sh -- rewritten on every start.
START {
  recover cmd="${BIN}/ctl_cyrusdb -C ${IMAPD_CONF} -r"
}
SERVICES {
  imap  cmd="${BIN}/imapd -C ${IMAPD_CONF}" listen="${LISTEN_ADDR}:${IMAP_PORT}" prefork=1 maxchild=200
  imaps cmd="${BIN}/imapd -s -C ${IMAPD_CONF}" listen="${LISTEN_ADDR}:${IMAPS_PORT}" prefork=1 maxchild=200
  pop3  cmd="${BIN}/pop3d -C ${IMAPD_CONF}" listen="${LISTEN_ADDR}:${POP3_PORT}" prefork=0 maxchild=100
  pop3s cmd="${BIN}/pop3d -s -C ${IMAPD_CONF}" listen="${LISTEN_ADDR}:${POP3S_PORT}" prefork=0 maxchild=100
}
DAEMON {
  idled cmd="${BIN}/idled -C ${IMAPD_CONF}"
}
EVENTS {
  checkpoint cmd="${BIN}/ctl_cyrusdb -C ${IMAPD_CONF} -c" period=30
}
EOF
}

# ---------------------------------------------------------------- seed ------

# Cyrus re-creates the account itself: seed_imap.py deletes and creates user.userN as the
# admin, which drops the user's seen and subscription data too.
seed_user() { # user
    forget_seeding "$1"
    MG_SEED_ADMIN_PW=$(admin_password) seed_over_imap "$1" --folder-prefix "INBOX." \
        --cyrus-admin-user "$ADMIN_USER" --cyrus-admin-password-env MG_SEED_ADMIN_PW
}

# End the open sessions of a user (imapd/pop3d processes; Cyrus' proc files name them).
kick_user() { # user
    local f pid fields
    for f in "${RUN_DIR}"/proc/*; do
        [[ -f $f ]] || continue
        pid=${f##*/}
        [[ $pid =~ ^[0-9]+$ ]] || continue
        IFS=$'\t' read -r -a fields <"$f" || true
        [[ ${fields[2]:-} == "$1" ]] || continue
        case $(cat "/proc/$pid/comm" 2>/dev/null) in imapd | pop3d) kill -TERM "$pid" 2>/dev/null || true ;; esac
    done
}

# ---------------------------------------------------------------- commands --

cmd_start() {
    cmd_install
    mkdir -p "$LOG_DIR" "$CONFIG_DIR/socket" "$SPOOL_DIR" "${RUN_DIR}/proc" "${RUN_DIR}/lock" "$SEEDED_DIR"
    ensure_tls
    chown "${MAIL_USER}:${MAIL_USER}" "$SERVER_KEY" "$SERVER_CERT"
    write_users

    local new_imapd new_cyrus
    new_imapd=$(mktemp "${STATE_DIR}/.imapd.XXXXXX")
    new_cyrus=$(mktemp "${STATE_DIR}/.cyrus.XXXXXX")
    write_imapd_conf "$new_imapd"
    write_cyrus_conf "$new_cyrus"
    if server_pid >/dev/null; then
        if cmp -s "$new_imapd" "$IMAPD_CONF" && cmp -s "$new_cyrus" "$CYRUS_CONF" && healthy; then
            rm -f "$new_imapd" "$new_cyrus"
            ensure_seeded_over_imap
            cmd_env
            return 0
        fi
        cmd_stop
    fi
    chmod 0644 "$new_imapd" "$new_cyrus"
    mv -f "$new_imapd" "$IMAPD_CONF"
    mv -f "$new_cyrus" "$CYRUS_CONF"
    chown -R "${MAIL_USER}:${MAIL_USER}" "$CONFIG_DIR" "$SPOOL_DIR" "$RUN_DIR"
    rm -f "${RUN_DIR}"/proc/* "$PID_FILE"

    local p
    for p in $(all_ports); do
        if port_open "$p"; then die "port ${LISTEN_ADDR}:${p} is already in use by another process"; fi
    done
    : >>"$LOG_FILE"
    # -d: daemon (own session); -L: its stdout/stderr. Cyrus logs the rest to syslog,
    # which this machine does not have.
    local rc=0
    LD_LIBRARY_PATH=$LIB_PATH "${BIN}/master" -C "$IMAPD_CONF" -M "$CYRUS_CONF" -p "$PID_FILE" \
        -d -L "$LOG_FILE" </dev/null >>"$LOG_FILE" 2>&1 || rc=$?
    ((rc == 0)) || { log_tail; die "cyrus master failed to start (exit $rc)"; }
    # A deadline, not a count: one round of health checks can take seconds.
    local ok=0 t0=$SECONDS
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if healthy; then ok=1; break; fi
        sleep 0.1
    done
    if ((ok == 0)); then
        log_tail
        cmd_stop || true
        die "cyrus did not accept connections (and TLS with our CA) on ports $(all_ports | paste -sd, -) within ${START_TIMEOUT}s"
    fi
    ensure_seeded_over_imap
    cmd_env
}

cmd_stop() {
    local pid sid
    if ! pid=$(server_pid); then
        rm -f "$PID_FILE"
        return 0
    fi
    # master -d runs in its own session; every imapd/pop3d it forks is in it.
    sid=$(ps -o sid= -p "$pid" | tr -d ' ')
    stop_session "$sid" "$STOP_TIMEOUT" "cyrus"
    rm -f "$PID_FILE"
}

cmd_status() { status_of_server; }

cmd_reset() { reset_over_imap "$@"; }

main "$@"
