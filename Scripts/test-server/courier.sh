#!/usr/bin/env bash
# Private Courier IMAP 5.0 (imapd) and Courier POP3 (courierpop3d) on loopback for
# MailGauge conformance runs. See Scripts/test-server/README.md ("Courier").
#
# Usage: courier.sh install|start|stop|restart|status|env|reset [USER...]
#
# Debian's courier-imap/courier-pop conflict with the Dovecot packages this machine keeps
# installed (imap-server, pop3-server), so they are never installed: apt-get download +
# dpkg-deb -x unpack them under <dir>/root. Courier has paths compiled in that cannot be
# moved (/etc/courier/authdaemonrc, /etc/courier/userdb.dat, /run/courier/authdaemon/socket,
# /usr/lib/courier-authlib/*.so), so the servers run in a private mount namespace
# (unshare --mount) in which read-only overlays put <dir>/root/usr over /usr and make
# /etc/courier and /run/courier symlinks to <dir>/etc and <dir>/run. Outside that
# namespace nothing changes: no file of the system is written.
set -Eeuo pipefail

PROG=courier.sh
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "${SCRIPT_DIR}/common.sh"
CA_COMMON_NAME="MailGauge Test CA (courier)"
CORPUS_DIR=${SCRIPT_DIR}/mail
SEED_LAYOUT=courier-append-v1

STATE_DIR_ENV=MAILGAUGE_COURIER_DIR
STATE_DIR=${MAILGAUGE_COURIER_DIR:-/tmp/mailgauge-courier}
# Own variable names, so that an eval of another server's env does not move these ports.
POP3_PORT=${MAILGAUGE_COURIER_POP3_PORT:-25110}
POP3S_PORT=${MAILGAUGE_COURIER_POP3S_PORT:-25995}
IMAP_PORT=${MAILGAUGE_COURIER_IMAP_PORT:-25143}
IMAPS_PORT=${MAILGAUGE_COURIER_IMAPS_PORT:-25993}
NUM_USERS=${MAILGAUGE_USERS:-6}
# How often imapd looks for changes during IDLE, in seconds (Debian: 60). Without FAM
# (IMAP_ENHANCEDIDLE=0, see below) IDLE is polling.
IDLE_POLL=${MAILGAUGE_COURIER_IDLE_POLL:-5}

MAIL_USER=mailgauge            # owner of all mail (same system user as dovecot.sh)
COURIER_USER=courier           # couriertls runs as this user; owns the key file
LISTEN_ADDR=127.0.0.1
START_TIMEOUT=${MAILGAUGE_COURIER_START_TIMEOUT:-30}   # seconds
STOP_TIMEOUT=${MAILGAUGE_COURIER_STOP_TIMEOUT:-20}     # seconds
CERT_DAYS=30
CERT_MIN_VALID_SECONDS=86400

# libgamin0 + gamin: imapd links libfam.so.0 and after LOGIN watches the maildir with it
# (locks; without a working FAM it sends "* OK [ALERT] Filesystem notification
# initialization error" and every lock waits for a timeout). libgamin starts gam_server
# (in the namespace's /usr/libexec) on demand, in a session of its own; stop ends it.
PACKAGES=(courier-base courier-imap courier-pop courier-authlib courier-authlib-userdb
    courier-authdaemon libgamin0 gamin)
# Libraries the unpacked binaries link that this machine may lack (none conflicts with
# Dovecot); perl for makeuserdb, openssl for the CA, python3 for seeding, util-linux for
# unshare.
APT_DEPS=(libcourier-unicode4 libglib2.0-0 libgdbm6 libidn12 libltdl7 libgnutls30 libpcre3 libpam0g libcrypt1
    perl openssl python3 util-linux)

ROOT=${STATE_DIR}/root
DEB_DIR=${STATE_DIR}/debs
ETC_DIR=${STATE_DIR}/etc          # /etc/courier inside the namespace
RUN_DIR=${STATE_DIR}/run          # /run/courier inside the namespace
NS_DIR=${STATE_DIR}/ns            # the overlays' upper layers: ns/etc/courier, ns/run/courier
NS_SCRIPT=${STATE_DIR}/ns.sh      # enters the namespace view: mounts, then exec "$@"
SUPERVISOR=${STATE_DIR}/servers.sh
IMAPD_ENV=${ETC_DIR}/imapd.env
POP3D_ENV=${ETC_DIR}/pop3d.env
AUTHDAEMONRC=${ETC_DIR}/authdaemonrc
USERDB=${ETC_DIR}/userdb
PID_FILE=${STATE_DIR}/servers.pid # the supervisor = session leader of every server process
MNTNS_FILE=${STATE_DIR}/servers.mntns # its mount namespace (mnt:[inode])
LOG_DIR=${STATE_DIR}/log
LOG_FILE=${LOG_DIR}/courier.log
TLS_DIR=${STATE_DIR}/tls
CA_KEY=${TLS_DIR}/ca.key
CA_CERT=${TLS_DIR}/ca.pem
SERVER_KEY=${TLS_DIR}/server.key
SERVER_CERT=${TLS_DIR}/server.pem
TLS_PEM=${TLS_DIR}/courier.pem    # key + certificate, as couriertls wants them
DH_PARAMS=${TLS_DIR}/dhparams.pem
MAIL_DIR=${STATE_DIR}/mail        # mail/userN/Maildir
USERS_FILE=${STATE_DIR}/users.csv
SEEDED_DIR=${STATE_DIR}/seeded    # seeded/userN = corpus hash the account was seeded from

trap 'die "unexpected failure at line ${LINENO}: ${BASH_COMMAND}"' ERR

validate() {
    validate_ports_and_users
    [[ $IDLE_POLL =~ ^[1-9][0-9]{0,3}$ ]] || die "MAILGAUGE_COURIER_IDLE_POLL must be a positive integer, got '$IDLE_POLL'"
    [[ $STATE_DIR == /* ]] || die "MAILGAUGE_COURIER_DIR must be an absolute path, got '$STATE_DIR'"
    # ':' and ',' would break the overlay mount options.
    [[ $STATE_DIR != *[[:space:]\"\\:,\']* ]] \
        || die "MAILGAUGE_COURIER_DIR must not contain whitespace, quotes, backslashes, ':' or ','"
    ((EUID == 0)) || die "must run as root (apt-get, mount namespace; imapd switches to '$MAIL_USER')"
}

all_ports() { printf '%s\n' "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"; }

# ---------------------------------------------------------------- install ---

write_ns_script() { # target
    cat >"$1" <<EOF
#!/bin/bash
# Generated by Scripts/test-server/courier.sh -- rewritten on every start.
# Run as: unshare --mount --propagation private -- bash ${NS_SCRIPT} PROGRAM ARGS...
# In this (private) mount namespace: the unpacked Courier packages over /usr, and
# /etc/courier -> ${ETC_DIR}, /run/courier -> ${RUN_DIR}. All read-only overlays.
set -eu
mount -t overlay mailgauge-courier -o ro,lowerdir=${ROOT}/usr:/usr /usr
mount -t overlay mailgauge-courier -o ro,lowerdir=${NS_DIR}/etc:/etc /etc
mount -t overlay mailgauge-courier -o ro,lowerdir=${NS_DIR}/run:/run /run
exec "\$@"
EOF
}

# Run a program in the namespace view (a short-lived namespace of its own).
in_ns() { # program args...
    unshare --mount --propagation private -- /bin/bash "$NS_SCRIPT" "$@"
}

cmd_install() {
    apt_get_install "${APT_DEPS[@]}"
    command -v unshare >/dev/null 2>&1 || die "unshare (util-linux) is missing"
    mkdir -p "$STATE_DIR"
    chmod 0755 "$STATE_DIR"
    unpack_debs "$DEB_DIR" "$ROOT" "${PACKAGES[@]}"
    mkdir -p "${NS_DIR}/etc" "${NS_DIR}/run" "$ETC_DIR" "$RUN_DIR"
    ln -sfn "$ETC_DIR" "${NS_DIR}/etc/courier"
    ln -sfn "$RUN_DIR" "${NS_DIR}/run/courier"
    write_ns_script "$NS_SCRIPT"
    local libs=("${ROOT}/usr/lib" "${ROOT}/usr/lib/courier-authlib" "${ROOT}/usr/lib/x86_64-linux-gnu")
    LD_LIBRARY_PATH=$(IFS=:; printf '%s' "${libs[*]}") check_libs "${ROOT}/usr/bin/imapd" \
        "${ROOT}/usr/bin/couriertls" "${ROOT}/usr/sbin/couriertcpd" \
        "${ROOT}/usr/lib/courier/courier/imaplogin" "${ROOT}/usr/lib/courier/courier/courierpop3login" \
        "${ROOT}/usr/lib/courier/courier/courierpop3d" "${ROOT}/usr/lib/courier/courier-authlib/authdaemond" \
        "${ROOT}/usr/lib/courier-authlib/libauthuserdb.so.0"
    in_ns /bin/true || die "cannot enter a private mount namespace with overlays (unshare --mount, overlayfs)"
    ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
    # imaplogin/courierpop3login run couriertls for STARTTLS/STLS as this user (compiled
    # in); Debian's implicit-TLS listeners use -user=courier as well.
    ensure_system_user "$COURIER_USER" "Courier mail server (MailGauge private instance)"
}

courier_version() { # e.g. 5.0.13+1.0.16-3+b6
    sed -n 's/^courier-imap=//p' "${ROOT}/.unpacked" 2>/dev/null
}

# ------------------------------------------------------------ processes ---

server_pid() {
    local pid
    pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$SUPERVISOR" || return 1
    printf '%s\n' "$pid"
}

healthy() {
    server_pid >/dev/null || return 1
    plain_greets "$IMAP_PORT" '* OK' || return 1
    plain_greets "$POP3_PORT" '+OK' || return 1
    tls_greets "$IMAPS_PORT" '* OK' 'a LOGOUT' || return 1
    tls_greets "$POP3S_PORT" '+OK' 'QUIT' || return 1
}

# ---------------------------------------------------------------- TLS -------

ensure_courier_tls() {
    ensure_tls
    local tmp
    tmp=$(mktemp "${TLS_DIR}/.pem.XXXXXX")
    cat "$SERVER_KEY" "$SERVER_CERT" >"$tmp"
    chown "${COURIER_USER}:${COURIER_USER}" "$tmp"
    chmod 0600 "$tmp"
    if cmp -s "$tmp" "$TLS_PEM" && [[ $(stat -c %U "$TLS_PEM") == "$COURIER_USER" ]]; then
        rm -f "$tmp"
    else
        mv -f "$tmp" "$TLS_PEM"
    fi
    if [[ ! -s $DH_PARAMS ]]; then
        # RFC 7919 ffdhe2048: a named group, nothing to generate.
        openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "${DH_PARAMS}.tmp" 2>/dev/null \
            || die "openssl could not write DH parameters"
        mv -f "${DH_PARAMS}.tmp" "$DH_PARAMS"
    fi
}

# ---------------------------------------------------------------- users -----

# userdb (authuserdb): every account has the mail owner's uid, its own home and Maildir.
write_users() {
    local uid gid i tmp
    uid=$(id -u "$MAIL_USER")
    gid=$(id -g "$MAIL_USER")
    tmp=$(mktemp "${USERDB}.XXXXXX")
    chmod 0600 "$tmp"
    for ((i = 1; i <= NUM_USERS; i++)); do
        printf 'user%d\tuid=%s|gid=%s|home=%s|mail=%s|systempw=%s\n' "$i" "$uid" "$gid" \
            "${MAIL_DIR}/user${i}" "${MAIL_DIR}/user${i}/Maildir" \
            "$(openssl passwd -6 -salt "mailgauge${i}" "mg-pass-${i}")" >>"$tmp"
    done
    if ! cmp -s "$tmp" "$USERDB" || [[ ! -s ${USERDB}.dat || ! -s ${USERDB}shadow.dat ]]; then
        mv -f "$tmp" "$USERDB"
        in_ns /usr/sbin/makeuserdb >/dev/null || die "makeuserdb failed"
    else
        rm -f "$tmp"
    fi
    write_users_csv "$USERS_FILE" "$NUM_USERS"
}

# ---------------------------------------------------------------- config ----

write_authdaemonrc() { # target
    cat >"$1" <<EOF
# Generated by Scripts/test-server/courier.sh -- rewritten on every start.
# Read as /etc/courier/authdaemonrc inside the servers' mount namespace.
authmodulelist="authuserdb"
authmodulelistorig="authuserdb"
daemons=3
authdaemonvar=/run/courier/authdaemon
DEBUG_LOGIN=0
DEFAULTOPTIONS=""
LOGGEROPTS=""
EOF
}

# Debian's /etc/courier/imapd + imapd-ssl, with our paths (sourced with set -a).
write_imapd_env() { # target
    cat >"$1" <<EOF
# Generated by Scripts/test-server/courier.sh -- rewritten on every start.
# Debian's /etc/courier/imapd and imapd-ssl defaults, except where noted.
IMAP_CAPABILITY="IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE"
IMAP_CAPABILITY_TLS="\$IMAP_CAPABILITY AUTH=PLAIN"
IMAP_KEYWORDS=1
IMAP_ACL=1
IMAP_PROXY=0
IMAP_PROXY_FOREIGN=0
# Debian: 60.
IMAP_IDLE_TIMEOUT=${IDLE_POLL}
IMAP_MAILBOX_SANITY_CHECK=1
IMAP_DISABLETHREADSORT=0
IMAP_CHECK_ALL_FOLDERS=0
IMAP_OBSOLETE_CLIENT=0
IMAP_UMASK=022
IMAP_USELOCKS=1
# No shared folders (the index does not exist).
IMAP_SHAREDINDEXFILE=${ETC_DIR}/shared/index
IMAP_ENHANCEDIDLE=0
IMAP_TRASHFOLDERNAME=Trash
IMAP_EMPTYTRASH=Trash:7
IMAP_MOVE_EXPUNGE_TO_TRASH=0
SENDMAIL=/usr/sbin/sendmail
HEADERFROM=X-IMAP-Sender
IMAP_STARTTLS=YES
IMAP_TLS_REQUIRED=0
COURIERTLS=/usr/bin/couriertls
# GnuTLS priorities; TLS 1.2 and 1.3 only (Debian: NORMAL).
TLS_PRIORITY="NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"
TLS_CERTFILE=${TLS_PEM}
TLS_DHPARAMS=${DH_PARAMS}
TLS_TRUSTCERTS=${CA_CERT}
TLS_VERIFYPEER=NONE
# No TLS session cache (Debian: a cache file; couriertls after STARTTLS could not write it).
EOF
}

write_pop3d_env() { # target
    cat >"$1" <<EOF
# Generated by Scripts/test-server/courier.sh -- rewritten on every start.
# Debian's /etc/courier/pop3d and pop3d-ssl defaults, except where noted.
# SASL: none before STLS (USER/PASS only), PLAIN and LOGIN after it (Debian: none).
POP3AUTH=""
POP3AUTH_TLS="PLAIN LOGIN"
POP3_PROXY=0
POP3_STARTTLS=YES
POP3_TLS_REQUIRED=0
MIME_UNICODE_MESSAGE_TYPE="message/global"
COURIERTLS=/usr/bin/couriertls
TLS_PRIORITY="NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"
TLS_CERTFILE=${TLS_PEM}
TLS_DHPARAMS=${DH_PARAMS}
TLS_TRUSTCERTS=${CA_CERT}
TLS_VERIFYPEER=NONE
# No TLS session cache (Debian: a cache file; couriertls after STARTTLS could not write it).
EOF
}

# The supervisor: runs in the namespace (as root), starts authdaemond and one couriertcpd
# per port, and waits. Everything is in the session it leads (setsid), which stop ends.
write_supervisor() { # target
    local tcpd="/usr/sbin/couriertcpd -address=${LISTEN_ADDR} -maxprocs=200 -maxperip=200 -nodnslookup -noidentlookup"
    cat >"$1" <<EOF
#!/bin/bash
# Generated by Scripts/test-server/courier.sh -- rewritten on every start.
# Runs inside the mount namespace made by ${NS_SCRIPT}.
set -u
cd /
umask 022
/usr/lib/courier/courier-authlib/authdaemond &
for i in \$(seq 100); do [ -S /run/courier/authdaemon/socket ] && break; sleep 0.1; done
(set -a; . ${IMAPD_ENV}; exec ${tcpd} ${IMAP_PORT} \\
    /usr/lib/courier/courier/imaplogin /usr/bin/imapd Maildir) &
(set -a; . ${IMAPD_ENV}; IMAP_TLS=1; IMAP_STARTTLS=NO; exec ${tcpd} ${IMAPS_PORT} \\
    /usr/bin/couriertls -server -tcpd -user=${COURIER_USER} /usr/lib/courier/courier/imaplogin /usr/bin/imapd Maildir) &
(set -a; . ${POP3D_ENV}; exec ${tcpd} ${POP3_PORT} \\
    /usr/lib/courier/courier/courierpop3login /usr/lib/courier/courier/courierpop3d Maildir) &
(set -a; . ${POP3D_ENV}; POP3_TLS=1; POP3_STARTTLS=NO; exec ${tcpd} ${POP3S_PORT} \\
    /usr/bin/couriertls -server -tcpd -user=${COURIER_USER} /usr/lib/courier/courier/courierpop3login \\
    /usr/lib/courier/courier/courierpop3d Maildir) &
wait
EOF
}

# ---------------------------------------------------------------- seed ------

# A fresh, empty account: Maildir (INBOX) only; seed_imap.py creates INBOX.Receipts.
make_empty_account() { # user
    local home=${MAIL_DIR}/${1} old
    if [[ -e $home ]]; then
        old=$(mktemp -d "${MAIL_DIR}/.old-${1}.XXXXXX")
        mv "$home" "${old}/home"
        rm -rf "$old"
    fi
    mkdir -p "${home}/Maildir/cur" "${home}/Maildir/new" "${home}/Maildir/tmp"
    chown -R "${MAIL_USER}:${MAIL_USER}" "$home"
    chmod -R u=rwX,go= "$home"
}

seed_user() { # user
    local user=$1 n=${1#user} hash
    hash=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    rm -f "${SEEDED_DIR}/${user}"
    make_empty_account "$user"
    MG_SEED_PW="mg-pass-${n}" python3 "${SCRIPT_DIR}/seed_imap.py" --port "$IMAP_PORT" \
        --tls starttls --ca-file "$CA_CERT" --user "$user" --password-env MG_SEED_PW \
        --corpus "$CORPUS_DIR" --folder-prefix "INBOX." || die "seeding ${user} failed"
    printf '%s\n' "$hash" >"${SEEDED_DIR}/${user}"
}

ensure_mail() {
    mkdir -p "$SEEDED_DIR" "$MAIL_DIR"
    chmod 0755 "$MAIL_DIR"
    local hash i
    hash=$(corpus_hash "$CORPUS_DIR" "$SEED_LAYOUT")
    for ((i = 1; i <= NUM_USERS; i++)); do
        if [[ $(cat "${SEEDED_DIR}/user${i}" 2>/dev/null) != "$hash" || ! -d ${MAIL_DIR}/user${i}/Maildir ]]; then
            seed_user "user${i}"
        fi
    done
}

# End the open sessions of a user: imapd/courierpop3d whose AUTHENTICATED is that user.
kick_user() { # user
    local sid pid
    sid=$(server_pid) || return 0
    for pid in $(session_pids "$sid"); do
        case $(cat "/proc/$pid/comm" 2>/dev/null) in
            imapd | courierpop3d) ;;
            *) continue ;;
        esac
        if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "AUTHENTICATED=$1"; then
            kill -TERM "$pid" 2>/dev/null || true
            wait_pid_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

# ---------------------------------------------------------------- commands --

cmd_start() {
    cmd_install
    mkdir -p "$LOG_DIR" "$SEEDED_DIR" "$MAIL_DIR" "${ETC_DIR}/shared" "${RUN_DIR}/authdaemon"
    ensure_courier_tls
    write_users

    local new f changed=0
    local -A gen=([authdaemonrc]=$AUTHDAEMONRC [imapd]=$IMAPD_ENV [pop3d]=$POP3D_ENV [supervisor]=$SUPERVISOR)
    local -A tmpf=()
    for f in "${!gen[@]}"; do
        new=$(mktemp "${STATE_DIR}/.${f}.XXXXXX")
        case $f in
            authdaemonrc) write_authdaemonrc "$new" ;;
            imapd) write_imapd_env "$new" ;;
            pop3d) write_pop3d_env "$new" ;;
            supervisor) write_supervisor "$new" ;;
        esac
        cmp -s "$new" "${gen[$f]}" || changed=1
        tmpf[$f]=$new
    done
    if server_pid >/dev/null; then
        if ((changed == 0)) && healthy; then
            rm -f "${tmpf[@]}"
            ensure_mail
            cmd_env
            return 0
        fi
        cmd_stop
    fi
    for f in "${!gen[@]}"; do
        chmod 0644 "${tmpf[$f]}"
        mv -f "${tmpf[$f]}" "${gen[$f]}"
    done
    rm -f "$PID_FILE" "${RUN_DIR}/authdaemon/socket"

    local p
    for p in $(all_ports); do
        if port_open "$p"; then die "port ${LISTEN_ADDR}:${p} is already in use by another process"; fi
    done
    : >>"$LOG_FILE"
    # setsid: the supervisor leads a session of its own (its pid is the session id);
    # env -i: none of the caller's environment reaches the servers.
    setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        unshare --mount --propagation private -- /bin/bash "$NS_SCRIPT" /bin/bash "$SUPERVISOR" \
        </dev/null >>"$LOG_FILE" 2>&1 &
    printf '%s\n' "$!" >"$PID_FILE"
    # A deadline, not a count: one round of health checks can take seconds.
    local ok=0 t0=$SECONDS
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if healthy; then
            ok=1
            readlink "/proc/$(cat "$PID_FILE")/ns/mnt" >"$MNTNS_FILE"
            break
        fi
        if ((SECONDS - t0 > 2)) && ! server_pid >/dev/null; then break; fi
        sleep 0.1
    done
    if ((ok == 0)); then
        log_tail
        cmd_stop || true
        die "courier did not accept connections (and TLS with our CA) on ports $(all_ports | paste -sd, -) within ${START_TIMEOUT}s"
    fi
    ensure_mail
    cmd_env
}

# Every process in the servers' mount namespace (gam_server leaves the session). Never
# the namespace of this script.
ns_pids() { # mnt:[inode]
    local p own
    own=$(readlink /proc/self/ns/mnt)
    [[ -n $1 && $1 != "$own" ]] || return 0
    for p in /proc/[0-9]*; do
        [[ $(readlink "$p/ns/mnt" 2>/dev/null) == "$1" ]] && printf '%s\n' "${p#/proc/}"
    done
    return 0
}

cmd_stop() {
    local pid ns="" i pids
    ns=$(cat "$MNTNS_FILE" 2>/dev/null || true)
    if pid=$(server_pid); then
        stop_session "$pid" "$STOP_TIMEOUT" "courier"
    fi
    mapfile -t pids < <(ns_pids "$ns")
    if ((${#pids[@]} > 0)); then
        local killed=("${pids[@]}") p
        kill -TERM "${pids[@]}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            mapfile -t pids < <(ns_pids "$ns")
            ((${#pids[@]} == 0)) && break
            sleep 0.1
        done
        ((${#pids[@]} > 0)) && kill -KILL "${pids[@]}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            [[ -z $(ns_pids "$ns") ]] && break
            sleep 0.1
        done
        [[ -z $(ns_pids "$ns") ]] || die "courier: processes did not exit: $(ns_pids "$ns" | paste -sd' ' -)"
        # Until their parent (init) has reaped them, they linger as zombies.
        for p in "${killed[@]}"; do wait_pid_gone "$p" 5 || true; done
    fi
    rm -f "$PID_FILE" "$MNTNS_FILE"
}

cmd_status() { status_of_server; }

cmd_reset() { reset_over_imap "$@"; }

main "$@"
