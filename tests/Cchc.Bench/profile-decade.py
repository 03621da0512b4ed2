#!/usr/bin/env python3
"""CPU profile of `./cchc bench --decade-only` (issue 17): run beside the bench, same CCHC_* environment.

Waits until the bench writes .cchc/bench/decade.txt (the decade starts), then every second samples
pg_stat_activity of the bench's PostgreSQL; when the decade's "end to end" line appears it takes the CPU seconds
every process used in between (utime + stime from /proc/PID/stat, processes alive at both ends) and the
machine's busy CPU (/proc/stat), groups them (the platform's services by executable, PostgreSQL backends by
database, RabbitMQ, the bench client, everything else) and prints the table plus the statements most sampled.
Usage, beside `./cchc bench --decade-only` with the same CCHC_* variables (the broker is found by CCHC_RABBITMQ_PORT):
  python3 tests/Cchc.Bench/profile-decade.py "$PWD" "$CCHC_POSTGRES_PORT" "$CCHC_DATA_DIR" /tmp/profile.txt &
The numbers are those of docs/benchmarks.md (2026-12-07 04:19-04:50 UTC).
"""
import collections, os, re, subprocess, sys, time

repo, port, data_root, out = sys.argv[1:5]
mq_port = os.environ.get("CCHC_RABBITMQ_PORT", "5693")  # the bench platform's broker (cchc bench_setting)
decade = os.path.join(repo, ".cchc", "bench", "decade.txt")
tick = os.sysconf("SC_CLK_TCK")


def cpu():
    seen = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        # Keyed by pid and start time: a PostgreSQL backend's command line changes with what it does.
        seen[(int(pid), int(fields[19]))] = (cmd or stat[stat.index("(") + 1:stat.rindex(")")], (int(fields[11]) + int(fields[12])) / tick, int(fields[1]))
    return seen


def machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / tick, sum(v) / tick


def psql(sql, db="postgres"):
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", db, "-AtF", "\t", "-c", sql],
                       capture_output=True, text=True)
    return [line.split("\t") for line in r.stdout.splitlines() if line]


def started():
    return os.path.exists(decade) and os.path.getsize(decade) > 0


def finished():
    with open(decade) as f:
        text = f.read()
    return "end to end" in text or "FAILED" in text or "failed" in text


while not started():
    time.sleep(0.5)
t0, m0, c0, load0 = time.time(), machine(), cpu(), open("/proc/loadavg").read().split()[:3]
datname = {}
samples = collections.Counter()
waits = collections.Counter()
n = 0
while not finished():
    rows = psql("SELECT pid, datname, coalesce(wait_event_type || ':' || wait_event, 'CPU'), state, "
                "left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity WHERE datname IS NOT NULL")
    n += 1
    for pid, db, wait, state, query in rows:
        datname[int(pid)] = db
        if state not in ("idle",) and "pg_stat_activity" not in query:
            samples[(db, wait if state == "active" else state, query)] += 1
            waits[(db, wait if state == "active" else state)] += 1
    time.sleep(1)
t1, m1, c1, load1 = time.time(), machine(), cpu(), open("/proc/loadavg").read().split()[:3]


postmasters = {key[0] for key, (cmd, _, _) in c1.items() if data_root in cmd and "postgres" in cmd and " -D " in cmd}


def group(pid, cmd, ppid):
    # Before the bench client: the broker's command line names its data folder, cchc-bench-XXXXXX.
    if "beam.smp" in cmd:
        try:
            with open(f"/proc/{pid}/environ", "rb") as e:
                mine = f"RABBITMQ_NODE_PORT={mq_port}".encode() in e.read()
        except OSError:
            mine = data_root in cmd
        return "rabbitmq (beam.smp)" if mine else "OTHER SESSIONS: beam.smp"
    if "cchc-bench" in cmd:
        try:
            mine = os.readlink(f"/proc/{pid}/cwd").startswith(repo)
        except OSError:
            mine = False
        return "bench client (cchc-bench)" if mine else "OTHER SESSIONS: cchc-bench"
    m = re.search(r"/(Cchc\.[A-Za-z.]+?)(?:\.dll)?(?:\s|$)", cmd)
    if m and repo in cmd:
        return m.group(1)
    if ppid in postmasters or pid in postmasters:
        return f"postgres backend {datname[pid]}" if pid in datname else "postgres background (wal, checkpoint, autovacuum)"
    if data_root in cmd or repo in cmd:
        return "platform, other: " + os.path.basename(cmd.split(" ")[0])[:40]
    return "OTHER SESSIONS: " + os.path.basename(cmd.split(" ")[0])[:40]


groups = collections.Counter()
for key, (cmd, t, ppid) in c1.items():
    if key in c0:
        groups[group(key[0], cmd, ppid)] += t - c0[key][1]
    else:
        groups[group(key[0], cmd, ppid) + " (started during)"] += t
busy = m1[0] - m0[0]
with open(out, "w") as f:
    f.write(f"decade window {t1 - t0:.1f} s; machine busy {busy:.1f} CPU s of {(m1[1] - m0[1]):.1f}; "
            f"load average {' '.join(load0)} -> {' '.join(load1)}; {n} pg_stat_activity samples\n\nCPU seconds by group:\n")
    for name, s in groups.most_common(40):
        if s >= 0.05:
            f.write(f"  {s:8.1f}  {name}\n")
    f.write("\nbackend samples by database and wait:\n")
    for (db, w), k in waits.most_common(30):
        f.write(f"  {k:5d}  {db:14s} {w}\n")
    f.write("\nbackend samples by statement:\n")
    for (db, w, q), k in samples.most_common(40):
        f.write(f"  {k:5d}  {db:14s} {w:28s} {q}\n")
    f.write("\ntables after the decade (inserts, updates, HOT updates, dead, heap MiB, index MiB):\n")
    for db in ("reportingdb", "proceduresdb"):
        for row in psql("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_dead_tup, pg_relation_size(relid) >> 20, "
                        "pg_indexes_size(relid) >> 20 FROM pg_stat_user_tables WHERE relname IN ('dossier_daily_counts', "
                        "'dossier_facts', 'inbox_messages', 'dossiers', 'outbox_messages') ORDER BY 1", db):
            f.write(f"  {db:14s} " + "  ".join(row) + "\n")
    # What storing the decade's last 100 events costs the procedures database: the JSON parse alone (no compression),
    # with pglz (the default) and with lz4, and reading them back as the relay does (wall-clock, this machine's load).
    script = """
        SET client_min_messages = warning;
        CREATE TEMP TABLE z_src (t text); ALTER TABLE z_src ALTER COLUMN t SET STORAGE EXTERNAL;
        INSERT INTO z_src SELECT payload::text FROM outbox_messages ORDER BY sequence DESC LIMIT 100;
        CREATE TEMP TABLE z_plain (p jsonb); ALTER TABLE z_plain ALTER COLUMN p SET STORAGE EXTERNAL;
        CREATE TEMP TABLE z_pglz (p jsonb); ALTER TABLE z_pglz ALTER COLUMN p SET COMPRESSION pglz;
        CREATE TEMP TABLE z_lz4 (p jsonb); ALTER TABLE z_lz4 ALTER COLUMN p SET COMPRESSION lz4;
        SELECT 'json MB', sum(octet_length(t)) >> 20 FROM z_src;
        \\timing on
        INSERT INTO z_plain SELECT t::jsonb FROM z_src;
        INSERT INTO z_pglz SELECT t::jsonb FROM z_src;
        INSERT INTO z_lz4 SELECT t::jsonb FROM z_src;
        SELECT 'read plain', sum(length(p::text)) FROM z_plain;
        SELECT 'read pglz', sum(length(p::text)) FROM z_pglz;
        SELECT 'read lz4', sum(length(p::text)) FROM z_lz4;
        \\timing off
        SELECT 'stored MB plain/pglz/lz4', (SELECT sum(pg_column_size(p)) >> 20 FROM z_plain), (SELECT sum(pg_column_size(p)) >> 20 FROM z_pglz),
               (SELECT sum(pg_column_size(p)) >> 20 FROM z_lz4);
        SELECT 'outbox compression', pg_column_compression(payload), count(*) FROM outbox_messages GROUP BY 2;
        """
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "proceduresdb", "-At"],
                       input=script, capture_output=True, text=True)
    f.write("\noutbox payload storage, 100 latest events (INSERT: parse only / parse + pglz / parse + lz4; reads):\n")
    f.write("".join("  " + line + "\n" for line in (r.stdout + r.stderr).splitlines()))
print(open(out).read())
