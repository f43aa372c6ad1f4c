# Shared by dovecot.sh and mailutils.sh: errors, waiting, the private CA and the seed.
# The sourcing script sets PROG, LOG_FILE, TLS paths (CA_KEY, CA_CERT, SERVER_KEY,
# SERVER_CERT, TLS_DIR), CERT_DAYS, CERT_MIN_VALID_SECONDS, SEED_DIR, UIDVALIDITY_INBOX,
# CA_COMMON_NAME (the test CA's name) and SEED_LAYOUT (a tag of its on-disk mail layout);
# for reseed_user MAIL_DIR, NUM_USERS and build_user_home USER DIR (its mail home, owned by
# the mail user); for cmd_env the ports, USERS_FILE, STATE_DIR and STATE_DIR_ENV (the name of
# the variable that sets STATE_DIR).
# shellcheck shell=bash

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

seed_files() {
    local f
    for f in "$SEED_DIR"/[0-9][0-9].eml; do
        [[ -f $f ]] && printf '%s\n' "$f"
    done
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

seed_hash() {
    local files
    mapfile -t files < <(seed_files)
    ((${#files[@]} > 0)) || die "no seed messages found in $SEED_DIR"
    # Include the layout tag so a change of the on-disk layout re-seeds too.
    { printf '%s %s\n' "$SEED_LAYOUT" "$UIDVALIDITY_INBOX"; cat "${files[@]}"; } | sha256sum | cut -d' ' -f1
}

# Replace a user's mail home (maildir, indexes, everything) with the seed.
reseed_user() { # user
    local user=$1 tmp old
    [[ $user =~ ^user[0-9]+$ ]] || die "unknown user '$user' (expected user1..user${NUM_USERS})"
    ((${user#user} >= 1 && ${user#user} <= NUM_USERS)) || die "unknown user '$user' (expected user1..user${NUM_USERS})"
    mkdir -p "$MAIL_DIR"
    tmp=$(mktemp -d "${MAIL_DIR}/.new-${user}.XXXXXX")
    build_user_home "$user" "$tmp"
    if [[ -e ${MAIL_DIR}/${user} ]]; then
        old=$(mktemp -d "${MAIL_DIR}/.old-${user}.XXXXXX")
        mv "${MAIL_DIR}/${user}" "${old}/home"
        mv "$tmp" "${MAIL_DIR}/${user}"
        rm -rf "$old"
    else
        mv "$tmp" "${MAIL_DIR}/${user}"
    fi
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
