"""Locust users running MailGauge's load profiles with Python's imaplib and poplib, for
Scripts/bench-generators.sh: the same sessions as Scenarios/load/*.scn, one Locust request
event per session (named by the profile) and per command.

Environment: BENCH_HOST, BENCH_IMAP_PORT, BENCH_POP3_PORT, BENCH_PROFILE (imap-login,
imap-select-uidfetch, pop3-download), BENCH_USERS (a users CSV: user,password lines).
"""
import csv
import imaplib
import itertools
import os
import poplib
import time

from locust import User, task

HOST = os.environ.get("BENCH_HOST", "127.0.0.1")
PROFILE = os.environ["BENCH_PROFILE"]
with open(os.environ["BENCH_USERS"], newline="") as users_file:
    ACCOUNTS = [(row[0], row[1]) for row in csv.reader(users_file) if row and row[0] != "user"]
NEXT_ACCOUNT = itertools.cycle(ACCOUNTS)


class MailUser(User):
    def _timed(self, name, body):
        start = time.perf_counter()
        error = None
        try:
            return body()
        except Exception as caught:  # a failed session is counted, not raised
            error = caught
        finally:
            self.environment.events.request.fire(
                request_type=PROFILE, name=name, response_time=(time.perf_counter() - start) * 1000,
                response_length=0, exception=error, context={})

    def imap_login(self, user, password):
        imap = imaplib.IMAP4(HOST, int(os.environ["BENCH_IMAP_PORT"]))
        imap.login(user, password)
        return imap

    def session(self):
        user, password = next(NEXT_ACCOUNT)
        if PROFILE == "imap-login":
            imap = self.imap_login(user, password)
            imap.logout()
        elif PROFILE == "imap-select-uidfetch":
            imap = self.imap_login(user, password)
            imap.select("INBOX")
            imap.uid("FETCH", "1:*", "(FLAGS)")
            imap.logout()
        elif PROFILE == "pop3-download":
            pop = poplib.POP3(HOST, int(os.environ["BENCH_POP3_PORT"]))
            pop.user(user)
            pop.pass_(password)
            pop.stat()
            pop.list()
            pop.retr(1)
            pop.quit()
        else:
            raise RuntimeError(f"unknown profile {PROFILE}")

    @task
    def one_session(self):
        self._timed("session", self.session)
