#!/usr/bin/env python3
"""Seed one account of a private test server from the ordinary-mail corpus, over IMAP.

Used by cyrus.sh, courier.sh and pymap.sh (see Scripts/test-server/README.md). It logs in
as the account on the private server (loopback only), creates the corpus's folders in the
server's own namespace, and APPENDs every message with the flags of flags.txt and an
INTERNALDATE taken from the message's Date: header, so the server lays the mail out in its
native format. Then it checks what the server reports: message counts, UIDs 1..n, sizes.

The account's INBOX and the folders must be empty (a fresh account); it refuses otherwise.
The password comes from the environment variable named by --password-env.

With --cyrus-admin-user, the account is first (re)created as a Cyrus administrator would:
the user's INBOX and everything below it are deleted, then INBOX is created again.

Exit status: 0 seeded and verified; 1 anything else (the reason on stderr).
"""

from __future__ import annotations

import argparse
import email.utils
import imaplib
import os
import re
import ssl
import sys
from datetime import timezone
from pathlib import Path

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FLAG_RE = re.compile(r"^(\\(Seen|Answered|Flagged|Draft)|\$?[A-Za-z0-9_]+)$")


def fail(msg: str) -> None:
    print(f"seed_imap.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def read_flags(corpus: Path) -> dict[str, list[str]]:
    """flags.txt: 'NN FLAG...' for INBOX, 'Folder/NN FLAG...' for a folder."""
    flags: dict[str, list[str]] = {}
    path = corpus / "flags.txt"
    if not path.exists():
        return flags
    for lineno, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        key, values = parts[0], parts[1:]
        for v in values:
            if not FLAG_RE.match(v) or v.lower() in ("\\deleted", "\\recent"):
                fail(f"{path}:{lineno}: flag not allowed here: {v}")
        flags[key] = values
    return flags


def internaldate(raw: bytes, name: str) -> str:
    """IMAP date-time of the message's Date: header, in the header's own zone."""
    m = re.search(rb"^Date:[ \t]*(.*(?:\n[ \t].*)*)", raw, re.M | re.I)
    if not m:
        fail(f"{name}: no Date: header")
    value = re.sub(r"\s+", " ", m.group(1).decode("ascii")).strip()
    try:
        dt = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError) as exc:
        fail(f"{name}: cannot parse Date: {value!r}: {exc}")
    if dt.tzinfo is None:  # "-0000": UTC, zone unknown
        dt = dt.replace(tzinfo=timezone.utc)
    off = int(dt.utcoffset().total_seconds() // 60)
    sign = "-" if off < 0 else "+"
    off = abs(off)
    return '"%2d-%s-%04d %02d:%02d:%02d %s%02d%02d"' % (
        dt.day, MONTHS[dt.month - 1], dt.year, dt.hour, dt.minute, dt.second, sign, off // 60, off % 60)


def to_crlf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def connect(args: argparse.Namespace) -> imaplib.IMAP4:
    ctx = None
    if args.tls != "none":
        ctx = ssl.create_default_context(cafile=args.ca_file)
    if args.tls == "implicit":
        conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(args.host, args.port, ssl_context=ctx, timeout=30)
    else:
        conn = imaplib.IMAP4(args.host, args.port, timeout=30)
        if args.tls == "starttls":
            conn.starttls(ctx)
    return conn


def check(resp: tuple, what: str) -> list:
    typ, data = resp
    if typ != "OK":
        fail(f"{what}: {typ} {data!r}")
    return data


def quote(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def recreate_cyrus_account(args: argparse.Namespace) -> None:
    password = os.environ.get(args.cyrus_admin_password_env or "", "")
    if not password:
        fail(f"--cyrus-admin-password-env: ${args.cyrus_admin_password_env} is empty")
    conn = connect(args)
    check(conn.login(args.cyrus_admin_user, password), "admin LOGIN")
    top = f"user{args.cyrus_sep}{args.user}"
    typ, data = conn.list('""', quote(top))
    exists = typ == "OK" and any(d for d in data if d)
    if exists:
        check(conn.setacl(quote(top), args.cyrus_admin_user, "lrswipkxtecdan"), f"SETACL {top}")
        check(conn.delete(quote(top)), f"DELETE {top}")
    check(conn.create(quote(top)), f"CREATE {top}")
    conn.logout()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--tls", choices=("none", "starttls", "implicit"), default="none")
    p.add_argument("--ca-file")
    p.add_argument("--user", required=True)
    p.add_argument("--password-env", required=True)
    p.add_argument("--corpus", required=True, type=Path)
    p.add_argument("--folder-prefix", default="", help='personal namespace prefix, e.g. "INBOX."')
    p.add_argument("--cyrus-admin-user")
    p.add_argument("--cyrus-admin-password-env")
    p.add_argument("--cyrus-sep", default=".")
    p.add_argument("--no-size-check", action="store_true",
                   help="check only UIDs 1..n, not RFC822.SIZE = the CRLF size (for a server that "
                        "rewrites messages, e.g. pymap's maildir backend)")
    args = p.parse_args()

    if not (args.host.startswith("127.") or args.host in ("::1", "localhost")):
        fail(f"refusing to talk to {args.host}: loopback only")
    password = os.environ.get(args.password_env, "")
    if not password:
        fail(f"${args.password_env} is empty")

    corpus: Path = args.corpus
    flags = read_flags(corpus)
    boxes: list[tuple[str, str, list[Path]]] = [("INBOX", "", sorted(corpus.glob("[0-9][0-9].eml")))]
    for sub in sorted(d for d in corpus.iterdir() if d.is_dir()):
        boxes.append((args.folder_prefix + sub.name, sub.name + "/", sorted(sub.glob("[0-9][0-9].eml"))))
    if not boxes[0][2]:
        fail(f"no NN.eml messages in {corpus}")

    if args.cyrus_admin_user:
        recreate_cyrus_account(args)

    conn = connect(args)
    check(conn.login(args.user, password), f"LOGIN {args.user}")
    for mailbox, _, _ in boxes[1:]:
        typ, data = conn.list('""', quote(mailbox))
        if not (typ == "OK" and any(d for d in data if d)):
            check(conn.create(quote(mailbox)), f"CREATE {mailbox}")
        check(conn.subscribe(quote(mailbox)), f"SUBSCRIBE {mailbox}")

    for mailbox, key_prefix, files in boxes:
        data = check(conn.status(quote(mailbox), "(MESSAGES UIDNEXT)"), f"STATUS {mailbox}")
        m = re.search(rb"MESSAGES (\d+)", data[0] or b"")
        if not m or int(m.group(1)) != 0:
            fail(f"{args.user}: {mailbox} is not empty ({data!r}); reset the account first")
        sizes = []
        for f in files:
            raw = f.read_bytes()
            msg = to_crlf(raw)
            sizes.append(len(msg))
            fl = flags.get(key_prefix + f.stem, [])
            check(conn.append(quote(mailbox), "(" + " ".join(fl) + ")" if fl else None,
                              internaldate(raw, str(f)), msg), f"APPEND {mailbox} {f.name}")
        # What the server says now must be exactly the corpus.
        typ, data = conn.select(quote(mailbox), readonly=True)
        if typ != "OK" or int(data[0]) != len(files):
            fail(f"{args.user}: {mailbox} has {data!r} messages after seeding, expected {len(files)}")
        if files:
            data = check(conn.fetch(f"1:{len(files)}", "(UID RFC822.SIZE)"), f"FETCH {mailbox}")
            got = []
            for item in data:
                line = item if isinstance(item, bytes) else item[0]
                u = re.search(rb"UID (\d+)", line)
                s = re.search(rb"RFC822\.SIZE (\d+)", line)
                if u and s:
                    got.append((int(u.group(1)), int(s.group(1))))
            want = [(i + 1, size) for i, size in enumerate(sizes)]
            if args.no_size_check:
                got = [(u, None) for u, _ in got]
                want = [(u, None) for u, _ in want]
            if got != want:
                fail(f"{args.user}: {mailbox}: (UID, RFC822.SIZE) are {got}, expected {want}")
        conn.close()
    conn.logout()


if __name__ == "__main__":
    try:
        main()
    except (imaplib.IMAP4.error, OSError, ssl.SSLError) as exc:
        fail(f"{type(exc).__name__}: {exc}")
