"""CPU seconds (user+system) a Dovecot has used: its master, the children it reaped, and every
live descendant, from /proc. Usage: dovecot_cpu.py MASTER_PID"""
import os
import sys


def dovecot_cpu(master: int) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    parents, stats = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(pid)] = int(fields[1])
        stats[int(pid)] = [int(x) for x in fields[11:15]]  # utime stime cutime cstime

    def under(pid: int) -> bool:
        while pid > 1:
            if pid == master:
                return True
            pid = parents.get(pid, 0)
        return False

    total = sum(s[0] + s[1] for p, s in stats.items() if p != master and under(p))
    return (total + sum(stats.get(master, [0, 0, 0, 0]))) / tick


if __name__ == "__main__":
    print(dovecot_cpu(int(sys.argv[1])))
