"""Runs load generators side by side against one Dovecot, alternating, and prints what each
costs per session. Driven by Scripts/bench-generators.sh, which starts the Dovecot and says
where everything is (environment below). Each run is one tool, one profile, BENCH_CLIENTS
concurrent sessions for BENCH_SECONDS; BENCH_ROUNDS rounds, the tools' order rotated each round.

Measured per run: sessions completed (the tool's own count), the generator's CPU (getrusage of
the process, from wait4), Dovecot's CPU (/proc), the generator's peak RSS. Printed: the medians
over the rounds, and each MailGauge binary's CPU per session as a ratio of the others'.

Environment: BENCH_HOST, BENCH_IMAP_PORT, BENCH_POP3_PORT, BENCH_USERS (users CSV),
BENCH_DOVECOT_PID (Dovecot's master), BENCH_PROFILES, BENCH_CLIENTS, BENCH_SECONDS,
BENCH_ROUNDS, MAILGAUGE_BINS (one or more binaries, "old new" to compare two builds),
LOCUST (a locust executable, or empty), IMAPTEST (an imaptest binary, or empty).
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from dovecot_cpu import dovecot_cpu  # noqa: E402

ENV = os.environ
HOST, USERS = ENV.get("BENCH_HOST", "127.0.0.1"), ENV["BENCH_USERS"]
CLIENTS, SECONDS, ROUNDS = int(ENV.get("BENCH_CLIENTS", "50")), int(ENV.get("BENCH_SECONDS", "20")), int(ENV.get("BENCH_ROUNDS", "3"))
PROFILES = ENV.get("BENCH_PROFILES", "imap-login imap-select-uidfetch pop3-download").split()
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# What each tool runs for a profile; imaptest has no POP3 session of this shape.
IMAPTEST_STATES = {"imap-login": ["-", "select=0"], "imap-select-uidfetch": ["-", "select=100", "uidfetch=100"]}


def port(profile):
    return ENV["BENCH_POP3_PORT"] if profile.startswith("pop3") else ENV["BENCH_IMAP_PORT"]


def measure(command, env=None):
    """Runs `command`; its wall time, CPU seconds and peak RSS (MB), and its stdout."""
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - start
        out.seek(0)
        text = out.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{command[0]} exited {os.waitstatus_to_exitcode(status)}: {text[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def mailgauge(binary, profile):
    result = tempfile.mktemp(suffix=".json")
    scheme = "pop3" if profile.startswith("pop3") else "imap"
    wall, cpu, rss, _ = measure([binary, "bench", "--quiet", "--target", f"{scheme}://{HOST}:{port(profile)}",
                                 "--scenario", f"{ROOT}/Scenarios/load/{profile}.scn", "--users", USERS,
                                 "--sessions", str(CLIENTS), "--ramp", "0", "--warmup", "0", "--duration", str(SECONDS),
                                 "--check", "full", "--json", result])
    sessions = json.load(open(result))["load"]["sessions"]
    os.unlink(result)
    return wall, cpu, rss, sum(sessions[k] for k in ("passed", "failed", "warmup", "interrupted")), sessions["failed"]


def imaptest(binary, profile):
    with tempfile.NamedTemporaryFile("w", suffix=".users", delete=False) as userfile:
        for line in open(USERS):
            user, _, password = line.strip().partition(",")
            if user and user != "user":
                userfile.write(f"{user}:{password}\n")
    env = dict(ENV, LD_LIBRARY_PATH=ENV.get("LD_LIBRARY_PATH", "/usr/lib/dovecot"))
    wall, cpu, rss, text = measure([binary, f"host={HOST}", f"port={port(profile)}", "user=x", f"userfile={userfile.name}",
                                    f"clients={CLIENTS}", f"secs={SECONDS}"] + IMAPTEST_STATES[profile], env)
    os.unlink(userfile.name)
    # "Totals:", the state names, their percentages, then the counts: LOGIN's is the sessions.
    totals = text.split("Totals:")[-1].split("\n")
    names, counts = totals[1].split(), totals[3].split()
    return wall, cpu, rss, int(counts[names.index("Logi")]), None


def locust(binary, profile):
    csv_prefix = tempfile.mktemp()
    env = dict(ENV, BENCH_PROFILE=profile, BENCH_IMAP_PORT=ENV["BENCH_IMAP_PORT"], BENCH_POP3_PORT=ENV["BENCH_POP3_PORT"])
    wall, cpu, rss, _ = measure([binary, "-f", f"{HERE}/locustfile.py", "--headless", "-u", str(CLIENTS), "-r", str(CLIENTS),
                                 "-t", f"{SECONDS}s", "--only-summary", "--csv", csv_prefix, "--host", HOST], env)
    rows = open(f"{csv_prefix}_stats.csv").read().splitlines()
    header = rows[0].split(",")
    session = next(row.split(",") for row in rows[1:] if row.split(",")[header.index("Name")] == "session")
    for suffix in ("_stats.csv", "_stats_history.csv", "_failures.csv", "_exceptions.csv"):
        if os.path.exists(csv_prefix + suffix):
            os.unlink(csv_prefix + suffix)
    return wall, cpu, rss, int(session[header.index("Request Count")]), int(session[header.index("Failure Count")])


def tools(profile):
    found = [(f"mailgauge {index + 1}" if len(ENV["MAILGAUGE_BINS"].split()) > 1 else "mailgauge", mailgauge, binary)
             for index, binary in enumerate(ENV["MAILGAUGE_BINS"].split())]
    if ENV.get("IMAPTEST") and profile in IMAPTEST_STATES:
        found.append(("imaptest", imaptest, ENV["IMAPTEST"]))
    if ENV.get("LOCUST"):
        found.append(("locust", locust, ENV["LOCUST"]))
    return found


def main():
    master = int(ENV["BENCH_DOVECOT_PID"])
    for index, binary in enumerate(ENV["MAILGAUGE_BINS"].split()):
        print(f"mailgauge {index + 1}: {binary}")
    print(f"{CLIENTS} clients, {SECONDS} s per run, {ROUNDS} rounds, tool order rotated; medians over the rounds")
    for profile in PROFILES:
        runs = {name: [] for name, _, _ in tools(profile)}
        order = tools(profile)
        for round_number in range(ROUNDS):
            rotated = order[round_number % len(order):] + order[:round_number % len(order)]
            for name, run, binary in rotated:
                before = dovecot_cpu(master)
                wall, cpu, rss, sessions, failed = run(binary, profile)
                server = dovecot_cpu(master) - before
                runs[name].append((sessions / wall, cpu * 1000 / sessions, server * 1000 / sessions, rss, failed))
        print(f"\n== {profile}")
        print(f"{'tool':12} {'sessions/s':>10} {'CPU ms/session':>15} {'Dovecot ms/session':>19} {'RSS MB':>7} {'failed':>7}")
        medians = {}
        for name, values in runs.items():
            median = [statistics.median(column) for column in zip(*[v[:4] for v in values])]
            medians[name] = median
            failed = sum(v[4] or 0 for v in values) if any(v[4] is not None for v in values) else "-"
            print(f"{name:12} {median[0]:10.1f} {median[1]:15.3f} {median[2]:19.3f} {median[3]:7.1f} {failed!s:>7}")
        for name, median in medians.items():
            if not name.startswith("mailgauge"):
                continue
            for other, theirs in medians.items():
                if other != name:
                    print(f"   {name} CPU per session / {other}'s: {median[1] / theirs[1]:.2f}")


if __name__ == "__main__":
    main()
