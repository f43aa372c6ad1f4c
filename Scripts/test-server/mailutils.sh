#!/usr/bin/env bash
# Private GNU Mailutils (pop3d / imap4d) instance on loopback for MailGauge
# conformance runs. See Scripts/test-server/README.md ("GNU Mailutils").
#
# Usage: mailutils.sh install|start|stop|restart|status|env|reset [USER...]
#
# pop3d and imap4d run in their inetd mode: one socat listener per port
# accepts connections and execs the server with the socket as stdin/stdout
# (socat 'nofork'). Inetd mode is needed because Mailutils' "virtdomain"
# authorization maps a domain-less login name (user1) to a password file named
# after the *local* address of fd 0 (127.0.0.1 -> "localhost"); in daemon mode
# fd 0 is /dev/null and only user1@localhost would work. That is what lets the
# test users live in a private password file instead of /etc/passwd.
set -Eeuo pipefail

PROG=mailutils.sh
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "${SCRIPT_DIR}/common.sh"
CA_COMMON_NAME="MailGauge Test CA (mailutils)"
SEED_LAYOUT=mailutils-corpus-maildir-v1

STATE_DIR_ENV=MAILGAUGE_MAILUTILS_DIR
STATE_DIR=${MAILGAUGE_MAILUTILS_DIR:-/tmp/mailgauge-mailutils}
# Own variable names (not MAILGAUGE_POP3_PORT...): after eval "$(dovecot.sh env)"
# this script must not pick up Dovecot's ports.
POP3_PORT=${MAILGAUGE_MAILUTILS_POP3_PORT:-22110}
POP3S_PORT=${MAILGAUGE_MAILUTILS_POP3S_PORT:-22995}
IMAP_PORT=${MAILGAUGE_MAILUTILS_IMAP_PORT:-22143}
IMAPS_PORT=${MAILGAUGE_MAILUTILS_IMAPS_PORT:-22993}
NUM_USERS=${MAILGAUGE_USERS:-20}

MAIL_USER=mailgauge            # owner of all mail (same system user as dovecot.sh)
LISTEN_ADDR=127.0.0.1          # IPv4 only: virtdomain's address lookup is IPv4 only
START_TIMEOUT=${MAILGAUGE_MAILUTILS_START_TIMEOUT:-30}   # seconds
STOP_TIMEOUT=${MAILGAUGE_MAILUTILS_STOP_TIMEOUT:-20}     # seconds

# Deterministic mailbox identity (as in dovecot.sh): INBOX this UIDVALIDITY, the corpus's
# folders the next ones in name order.
UIDVALIDITY_INBOX=1704067200

CONF_DIR=${STATE_DIR}/etc
RUN_DIR=${STATE_DIR}/run
LOG_DIR=${STATE_DIR}/log
LOG_FILE=${LOG_DIR}/mailutils.log
LOCK_DIR=${STATE_DIR}/lock
define_tls_paths
MAIL_DIR=${STATE_DIR}/mail
PRISTINE_DIR=${MAIL_DIR}/.pristine   # what every user's mail home is a copy of
VIRT_DIR=${STATE_DIR}/virtdomain   # passwd-format files, one per "domain"
APOP_DB=${STATE_DIR}/apop.db
USERS_FILE=${STATE_DIR}/users.csv
SEED_STAMP=${STATE_DIR}/seed.sha256

# listener name -> program, TLS mode, port
LISTENERS=(pop3 pop3s imap imaps)

trap 'die "unexpected failure at line ${LINENO}: ${BASH_COMMAND}"' ERR

validate() {
    validate_ports_and_users
    [[ $STATE_DIR == /* ]] || die "MAILGAUGE_MAILUTILS_DIR must be an absolute path, got '$STATE_DIR'"
    [[ $STATE_DIR != *[[:space:]\"\\]* ]] || die "MAILGAUGE_MAILUTILS_DIR must not contain whitespace, quotes or backslashes"
    ((EUID == 0)) || die "must run as root (the servers switch to the mail owner after login; apt-get)"
}

listener_prog() { case $1 in pop3 | pop3s) echo pop3d ;; imap | imaps) echo imap4d ;; esac; }
listener_port() {
    case $1 in
        pop3) echo "$POP3_PORT" ;; pop3s) echo "$POP3S_PORT" ;;
        imap) echo "$IMAP_PORT" ;; imaps) echo "$IMAPS_PORT" ;;
    esac
}
listener_tls() { case $1 in pop3 | imap) echo stls ;; pop3s | imaps) echo connection ;; esac; }
listener_conf() { printf '%s/%s.conf\n' "$CONF_DIR" "$1"; }
listener_pidfile() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

all_ports() { local l; for l in "${LISTENERS[@]}"; do listener_port "$l"; done; }

# ---------------------------------------------------------------- install ---

# The packages enable systemd units that would run pop3d/imap4d on the
# standard ports with /etc/mailutils.conf; keep them off.
disable_system_units() {
    if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
        systemctl disable --now mailutils-pop3d.service mailutils-imap4d.service >/dev/null 2>&1 || true
    fi
}

cmd_install() {
    apt_get_install mailutils-pop3d mailutils-imap4d socat openssl
    disable_system_units
    ensure_system_user "$MAIL_USER" "MailGauge test mail owner"
}

# ------------------------------------------------------------ processes ---

# Print the pid of our socat listener for $1 if it runs; fail otherwise.
listener_pid() { our_pid "$(listener_pidfile "$1")" "$(listener_conf "$1")" socat; }

any_listener_running() {
    local l
    for l in "${LISTENERS[@]}"; do listener_pid "$l" >/dev/null && return 0; done
    return 1
}



# A server greeting on the port (proves socat can exec the server, not just listen).
greets() { # listener
    local l=$1 port want
    port=$(listener_port "$l")
    case $l in
        pop3) want='+OK' ;;
        imap) want='* OK' ;;
        pop3s | imaps)
            # Implicit TLS: handshake, certificate verified against our CA,
            # then the greeting; QUIT/LOGOUT makes the server close.
            [[ $l == pop3s ]] && want='+OK' || want='* OK'
            { [[ $l == pop3s ]] && printf 'QUIT\r\n' || printf 'a LOGOUT\r\n'; } \
                | timeout 10 openssl s_client -quiet -ign_eof -verify_return_error \
                    -CAfile "$CA_CERT" -verify_hostname localhost \
                    -connect "${LISTEN_ADDR}:${port}" 2>/dev/null | grep -qF -- "$want"
            return
            ;;
    esac
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"; IFS= read -r -t 4 line <&3; printf "%s\n" "$line"' \
        "$LISTEN_ADDR" "$port" 2>/dev/null | grep -qF -- "$want"
}

healthy() {
    local l
    for l in "${LISTENERS[@]}"; do
        listener_pid "$l" >/dev/null || return 1
        greets "$l" || return 1
    done
}


start_listener() { # listener
    local l=$1 prog port conf
    prog=$(listener_prog "$l")
    port=$(listener_port "$l")
    conf=$(listener_conf "$l")
    # Own session (setsid): stop signals the whole process group, i.e. the
    # listener and every server process it has exec'd for a connection.
    # nofork: the server gets the TCP socket itself as fd 0/1 (inetd style).
    setsid socat "TCP-LISTEN:${port},bind=${LISTEN_ADDR},reuseaddr,fork,backlog=1024" \
        "EXEC:/usr/sbin/${prog} --inetd --config-file=${conf},nofork" \
        </dev/null >>"$LOG_FILE" 2>&1 &
    printf '%s\n' "$!" >"$(listener_pidfile "$l")"
}

# SIGTERM to a listener's process group; prints the listener's pid, or nothing if it is
# not running.
signal_listener() { # listener
    local pid
    pid=$(listener_pid "$1") || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    printf '%s\n' "$pid"
}

# Waits until a signalled listener and every server process it started have exited.
await_listener() { # listener pid
    local l=$1 pid=$2 i
    if ! wait_pid_gone "$pid" "$STOP_TIMEOUT"; then
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        wait_pid_gone "$pid" 5 || die "socat listener for $l (pid $pid) did not exit"
    fi
    # Server processes of open sessions share the process group; wait for them.
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
        pgrep -g "$pid" >/dev/null 2>&1 || break
        ((i == 50)) && { kill -KILL -- "-$pid" 2>/dev/null || true; }
        sleep 0.1
    done
    ! pgrep -g "$pid" >/dev/null 2>&1 || die "server processes of $l (process group $pid) did not exit"
}

# ---------------------------------------------------------------- TLS -------



# ---------------------------------------------------------------- users -----

# Names gethostbyaddr() / inet_ntoa() give for LISTEN_ADDR: the password file
# names virtdomain tries for a login name without "@domain".
virt_domains() {
    printf '%s\n' "$LISTEN_ADDR" localhost
    getent hosts "$LISTEN_ADDR" 2>/dev/null | awk '{print $2}' || true
}

write_users() {
    local i uid gid tmp_pw tmp_csv tmp_apop hash d
    uid=$(id -u "$MAIL_USER")
    gid=$(id -g "$MAIL_USER")
    mkdir -p "$VIRT_DIR"
    chmod 0700 "$VIRT_DIR"
    tmp_pw=$(mktemp "${STATE_DIR}/.passwd.XXXXXX")
    tmp_csv=$(mktemp "${STATE_DIR}/.users.XXXXXX")
    tmp_apop=$(mktemp "${STATE_DIR}/.apop.XXXXXX")
    printf 'user,password\n' >"$tmp_csv"
    for ((i = 1; i <= NUM_USERS; i++)); do
        # SHA-512 crypt with a fixed salt: the file is the same on every start.
        hash=$(openssl passwd -6 -salt "mailgauge${i}" "mg-pass-${i}")
        printf 'user%d:%s:%d:%d:MailGauge user%d:%s/user%d:/usr/sbin/nologin\n' \
            "$i" "$hash" "$uid" "$gid" "$i" "$MAIL_DIR" "$i" >>"$tmp_pw"
        printf 'user%d,mg-pass-%d\n' "$i" "$i" >>"$tmp_csv"
        printf 'user%d mg-pass-%d\n' "$i" "$i" >>"$tmp_apop"
    done
    chmod 0600 "$tmp_pw"
    chmod 0644 "$tmp_csv"
    while read -r d; do
        [[ -n $d && $d != */* ]] || continue
        cmp -s "$tmp_pw" "${VIRT_DIR}/${d}" || cp -f "$tmp_pw" "${VIRT_DIR}/${d}"
        chmod 0600 "${VIRT_DIR}/${d}"
    done < <(virt_domains | sort -u)
    rm -f "$tmp_pw"
    mv -f "$tmp_csv" "$USERS_FILE"
    # APOP secrets (pop3d's apop-database-file, a DBM made by popauth).
    rm -f "$APOP_DB" "${APOP_DB}".*
    popauth --create --file="$tmp_apop" --output="$APOP_DB" --permissions=600 >/dev/null 2>&1 \
        || { rm -f "$tmp_apop"; die "popauth could not create the APOP database $APOP_DB"; }
    rm -f "$tmp_apop"
}

# ---------------------------------------------------------------- seed ------



# Mailutils (>= 3.10.90) maildir: UIDs live in the file names (",u=N"),
# UIDVALIDITY/UIDNEXT in .mu-prop.
write_mu_prop() { # dir uidvalidity uidnext
    printf 'uid-validity: %s\nuidnext: %s\nversion: 3.15\n' "$2" "$3" >"$1/.mu-prop"
}

make_maildir() { mkdir -p "$1/cur" "$1/new" "$1/tmp"; }

# One corpus mailbox in Mailutils' maildir format: UID n in the file name (",u=n"), the
# system flags in its info part. Mailutils' maildir keeps no keywords, so $Label1 is lost.
# The file times do not matter: Mailutils takes INTERNALDATE from the message's headers.
write_mu_maildir() { # source_dir maildir uidvalidity flag_key_prefix
    local src=$1 md=$2 uidvalidity=$3 prefix=$4 files f i=0 flags
    make_maildir "$md"
    mapfile -t files < <(corpus_messages "$src")
    for f in "${files[@]}"; do
        i=$((i + 1))
        mapfile -t flags < <(corpus_flags "${prefix}$(basename "$f" .eml)")
        cp "$f" "${md}/cur/${uidvalidity}.M${i}P1.mailgauge,u=${i}:2,$(maildir_flag_letters "${flags[@]}")"
    done
    write_mu_prop "$md" "$uidvalidity" $((i + 1))
}

# Build a pristine mail home into a fresh directory: the corpus's INBOX as the maildrop
# (virtdomain fixes it to <home>/INBOX), its folders in the personal namespace "" =
# <home>/mail, each subscribed (.mu-subscr: every name NUL-terminated, then one more NUL).
build_user_home() { # target_dir
    local home=$1 box uidvalidity=$UIDVALIDITY_INBOX
    write_mu_maildir "$CORPUS_DIR" "${home}/INBOX" "$uidvalidity" ""
    while read -r box; do
        uidvalidity=$((uidvalidity + 1))
        write_mu_maildir "${CORPUS_DIR}/${box}" "${home}/mail/${box}" "$uidvalidity" "${box}/"
        printf '%s\0' "$box" >>"${home}/.mu-subscr"
    done < <(corpus_folders)
    printf '\0' >>"${home}/.mu-subscr"
    chown -R "${MAIL_USER}:${MAIL_USER}" "$home"
    chmod -R u=rwX,go= "$home"
}

# ---------------------------------------------------------------- config ----

write_config() { # listener target_file
    local l=$1 prog tls
    prog=$(listener_prog "$l")
    tls=$(listener_tls "$l")
    {
        cat <<EOF
# Generated by Scripts/test-server/mailutils.sh -- do not edit, it is rewritten
# on every start. Private MailGauge test instance (${l}), loopback only.
# Loaded with --config-file, which implies --no-site-config: /etc/mailutils.conf
# is not read.
logging {
  syslog false;          # stderr = ${LOG_FILE}
  print-severity true;
  session-id true;
};
auth {
  authorization virtdomain;
  authentication generic;
};
virtdomain {
  passwd-dir "${VIRT_DIR}";
};
mandatory-locking {
  enable true;
  lock-directory "${LOCK_DIR}";
};
mailbox {
  mailbox-type maildir;
};
tcp-wrappers {
  enable false;
};
timeout 600;
tls-mode ${tls};
tls {
  ssl-certificate-file "${SERVER_CERT}";
  ssl-key-file "${SERVER_KEY}";
  ssl-priorities "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2";
};
EOF
        if [[ $prog == pop3d ]]; then
            cat <<EOF
apop-database-file "${APOP_DB}";
EOF
        else
            cat <<EOF
namespace personal {
  prefix "" {
    directory "\$home/mail";
    delimiter "/";
    mailbox-type maildir;
  };
};
EOF
        fi
    } >"$2"
}

CONFIG_CHANGED=0
write_configs() { # sets CONFIG_CHANGED=1 if any config file changed
    local l conf new
    mkdir -p "$CONF_DIR"
    chmod 0755 "$CONF_DIR"
    for l in "${LISTENERS[@]}"; do
        conf=$(listener_conf "$l")
        new=$(mktemp "${CONF_DIR}/.conf.XXXXXX")
        write_config "$l" "$new"
        local prog
        prog=$(listener_prog "$l")
        if ! "/usr/sbin/${prog}" --config-file="$new" --config-lint >"${LOG_DIR}/lint.log" 2>&1; then
            cat "${LOG_DIR}/lint.log" >&2
            rm -f "$new"
            die "${prog} rejects the generated config for ${l}"
        fi
        if cmp -s "$new" "$conf"; then
            rm -f "$new"
        else
            chmod 0644 "$new"
            mv -f "$new" "$conf"
            CONFIG_CHANGED=1
        fi
    done
}

# ---------------------------------------------------------------- commands --

cmd_start() {
    cmd_install
    mkdir -p "$STATE_DIR" "$LOG_DIR" "$RUN_DIR" "$LOCK_DIR"
    chmod 0755 "$STATE_DIR" "$RUN_DIR"
    # Lock files are made after the server switched to the mail owner.
    chown "${MAIL_USER}:${MAIL_USER}" "$LOCK_DIR"
    chmod 0755 "$LOCK_DIR"
    ensure_tls
    write_users
    write_configs
    ensure_mail_homes INBOX/cur
    if any_listener_running; then
        if ((CONFIG_CHANGED == 0)) && healthy; then
            cmd_env
            return 0
        fi
        cmd_stop
    fi
    local p l
    for p in $(all_ports); do
        if port_open "$p"; then
            die "port ${LISTEN_ADDR}:${p} is already in use by another process"
        fi
    done
    : >>"$LOG_FILE"
    for l in "${LISTENERS[@]}"; do start_listener "$l"; done
    local i ok=0
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if healthy; then ok=1; break; fi
        sleep 0.1
    done
    if ((ok == 0)); then
        log_tail
        cmd_stop || true
        die "mailutils did not greet on ports $(all_ports | paste -sd, -) within ${START_TIMEOUT}s"
    fi
    cmd_env
}

cmd_stop() {
    # Every listener is signalled before any is waited for: each takes about 2 s to exit,
    # which one after another added up to 8 s.
    local l pids=() i
    for l in "${LISTENERS[@]}"; do pids+=("$(signal_listener "$l")"); done
    for i in "${!LISTENERS[@]}"; do
        [[ -z ${pids[i]} ]] || await_listener "${LISTENERS[i]}" "${pids[i]}"
        rm -f "$(listener_pidfile "${LISTENERS[i]}")"
    done
}

cmd_status() {
    local l pids=() pid
    for l in "${LISTENERS[@]}"; do
        if pid=$(listener_pid "$l"); then pids+=("$l=$pid"); fi
    done
    if ((${#pids[@]} == 0)); then
        printf 'stopped\n'
        return 3
    fi
    if ((${#pids[@]} == ${#LISTENERS[@]})) && healthy; then
        printf 'running (%s)\n' "${pids[*]}"
        return 0
    fi
    printf 'running (%s) but not all ports answer\n' "${pids[*]}"
    return 1
}

# Sessions are not ended: each is a pop3d or imap4d of its own under socat, and nothing
# tells whose it is. Reset an account while it has none (its mail is replaced under them
# otherwise).
kick_user() { :; }

cmd_reset() { reset_mail_homes "$@"; }

main "$@"
