#!/usr/bin/env python3
"""Urbis benchmark driver: measures a running Urbis server against PostGIS alone (pgbench) and writes
bench/RESULTS.md. Standard library only. run.sh starts PostgreSQL and the server, then calls:

    python3 bench.py --base http://127.0.0.1:PORT --pid JAVA_PID --work bench/work --out bench/RESULTS.md

Everything it sends goes to 127.0.0.1. Every loop is bounded in count and time.
"""

import argparse
import collections
import datetime
import glob
import http.client
import json
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
PGBENCH = os.environ.get("PGBENCH", "/usr/lib/postgresql/15/bin/pgbench")
DB = os.environ.get("BENCH_DB", "urbis_bench")
PG_ENV = dict(os.environ, PGHOST=os.environ.get("PGHOST", "localhost"), PGPORT=os.environ.get("PGPORT", "5432"),
              PGUSER=os.environ.get("PGUSER", "postgres"), PGPASSWORD=os.environ.get("PGPASSWORD", "postgres"))
CLK_TCK = os.sysconf("SC_CLK_TCK")
PROPS = ["height_m", "storeys", "year_built", "function", "heat_demand_kwh_a", "name"]

WORKLOADS = [
    # name, title, wrk paths file, pgbench script, target ratio
    ("limit100", "items `limit=100`", "paths_limit100.txt", "sql/pgbench/items_limit100.sql", 0.5),
    ("limit1000", "items `limit=1000`", "paths_limit1000.txt", "sql/pgbench/items_limit1000.sql", 0.8),
    ("bbox", "500 m `bbox` windows, `limit=1000`", "paths_bbox.txt", "WORK/bbox.pgbench.sql", 0.8),
    ("item", "single item by id", "paths_item.txt", "sql/pgbench/item.sql", 0.5),
    ("tiles", "vector tiles z12–z16 (`buildings`, WebMercatorQuad, uncached)", "paths_tiles.txt",
     "WORK/tiles.pgbench.sql", 0.8),
    # the same tiles from a second server with the tile cache on, each fetched once before any timed run
    ("tiles_cached", "vector tiles z12–z16 from the tile cache (same tiles and ceiling)", "paths_tiles.txt",
     "WORK/tiles.pgbench.sql", 20),
]
# the server's default tile budget (tiles.maxTileBytes, not set in urbis-bench.yaml): heavier tiles are reduced
MAX_TILE_BYTES = 500000
# served by the server with the tile cache (run.sh --cached-base); every other workload by the uncached one
CACHED_WORKLOADS = {"tiles_cached"}
# The auth phase: these workloads (of WORKLOADS, same paths) as the anonymous public and with each kind of credentials
# (run.sh makes an API key and a Keycloak token of a role that reads what the public reads), interleaved in rounds.
# Cost ratio = anonymous req/s ÷ req/s with the credentials in the same round (time per request with them ÷ without),
# the median over the rounds at most AUTH_TARGET.
AUTH_WORKLOADS = ["limit100", "item"]
# "padded": anonymous, with a header of no meaning as long as the token's Authorization header, so that what the bytes
# of a token cost (HTTP parsing, both sides) shows apart from what checking it costs; for information, no target
AUTH_VARIANTS = ["anonymous", "key", "jwt", "padded"]
AUTH_TARGETED = {"key", "jwt"}
AUTH_TARGET = 1.05
# the one sample path of each auth workload the checks compare between variants
AUTH_SAMPLES = {"limit100": "/collections/buildings/items?limit=100", "item": "/collections/buildings/items/123457"}
# how often pgbench is started when PostgreSQL refuses its connections (max_connections reached by others)
PGBENCH_ATTEMPTS = 3
# The writes phase (RESULTS-writes.md): feature writes (Features Part 4) with the API key of a role that may write
# public.edits (a copy of 20,000 buildings, sql/edits.sql, put back after the phase), by lua/writes.lua at each of
# --writes-connections, against PostgreSQL alone running the server's statements of the same write (pgbench).
WRITE_ITEMS = "/collections/edits/items"
WRITE_KINDS = [
    # name, title, writes.lua mode, ceiling script, the features patched: (first id, stride, count)
    ("post", "POST a new building", "post", "sql/pgbench/write_post.sql", None),
    ("patch", "PATCH `height_m`, 1,000 features shared out among the connections", "patch_spread",
     "sql/pgbench/write_patch.sql", (10, 20, 1000)),
    ("patch_hot", "PATCH `height_m`, 4 hot features, every connection all of them", "patch_hot",
     "sql/pgbench/write_patch.sql", (2500, 5000, 4)),
]
# the caller the ceiling scripts write into the audit table; the server's rows name its API key
PGBENCH_CALLER = "pgbench"
# the statuses of writes.lua that are no failure: committed writes, 412s, and the GETs after them
WRITE_ANSWERS = {"post 201", "patch 204", "patch 412", "get 200"}
# JFR profiles: the share of execution samples with a frame of these (prefixes of "package/Class.method")
PROFILE_GROUPS = {"JDBC driver (org.postgresql)": "org/postgresql/", "Jackson": "com/fasterxml/jackson/",
                  "Urbis code (io.urbis)": "io/urbis/",
                  "logging (slf4j/jetty log)": ("org/slf4j/", "org/eclipse/jetty/logging/"),
                  "gzip/compression": ("java/util/zip/", "org/eclipse/jetty/compression/gzip/"),
                  "authentication (io.urbis.security.Authentication)": "io/urbis/security/Authentication.",
                  "JWT checks (com.nimbusds)": "com/nimbusds/",
                  "access views (io.urbis.access.CatalogViews)": "io/urbis/access/CatalogViews."}
WRITE_PROFILE_GROUPS = {**PROFILE_GROUPS, "request bodies (io.urbis.editing)": "io/urbis/editing/",
                        "the editor (io.urbis.source.postgis.PostgisEditor)": "io/urbis/source/postgis/PostgisEditor.",
                        "proj4j": "org/locationtech/proj4j/", "HikariCP": "com/zaxxer/hikari/",
                        "Jersey injection (hk2)": "org/jvnet/hk2/"}
# WebMercatorQuad: the half width of the square world in metres; tiles carry a buffer of 256 of 4096 units
MERCATOR_HALF = 20037508.342789244
TILE_BUFFER = 256 / 4096
TILES_PER_ZOOM = 30


def tile_window(z, x, y, extent):
    """The buffered tile in CRS84, clipped to the data extent widened by 0.01°, as the server computes it."""
    span = 2 * MERCATOR_HALF / 2 ** z
    minx = -MERCATOR_HALF + (x - TILE_BUFFER) * span
    maxx = -MERCATOR_HALF + (x + 1 + TILE_BUFFER) * span
    maxy = MERCATOR_HALF - (y - TILE_BUFFER) * span
    miny = MERCATOR_HALF - (y + 1 + TILE_BUFFER) * span
    lon = lambda mx: mx / MERCATOR_HALF * 180
    lat = lambda my: math.degrees(math.atan(math.sinh(my / MERCATOR_HALF * math.pi)))
    a, b, c, d = extent
    window = (max(lon(minx), a - 0.01), max(lat(miny), b - 0.01), min(lon(maxx), c + 0.01), min(lat(maxy), d + 0.01))
    return window, span / 4096


def city_tiles(extent):
    """A fixed list of WebMercatorQuad tiles over the city: up to TILES_PER_ZOOM per zoom 12..16, spread evenly."""
    a, b, c, d = extent
    tiles = []
    for z in range(12, 17):
        n = 2 ** z
        col = lambda lon: int((lon + 180) / 360 * n)
        row = lambda la: int((1 - math.log(math.tan(math.radians(la)) + 1 / math.cos(math.radians(la))) / math.pi)
                             / 2 * n)
        zoom = [(z, x, y) for y in range(row(d), row(b) + 1) for x in range(col(a), col(c) + 1)]
        step = max(1, len(zoom) // TILES_PER_ZOOM)
        tiles += zoom[::step][:TILES_PER_ZOOM]
    return tiles


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------------------------------------- helpers

def psql(sql, timeout=300):
    out = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", DB, "-Atq", "-c", sql], env=PG_ENV,
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}")
    return out.stdout


def psql_file(path, timeout=300):
    """Runs a SQL file statement by statement (so it may VACUUM)."""
    out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DB, "-f", path], env=PG_ENV,
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"psql -f {path} failed: {out.stderr.strip()}")


def pgbench_sql_to_psql(path, variables):
    """The SELECT of a pgbench script with its :variables replaced by literals, for one psql run."""
    text = open(path).read()
    lines = [l for l in text.splitlines() if not l.lstrip().startswith("\\") and not l.lstrip().startswith("--")]
    sql = "\n".join(lines)
    for name, value in sorted(variables.items(), key=lambda kv: -len(kv[0])):
        literal = repr(value) if isinstance(value, (int, float)) else "'" + str(value).replace("'", "''") + "'"
        sql = re.sub(r":" + name + r"\b", literal, sql)
    return sql


class Http:
    """One keep-alive connection to the server."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None
        self.ttfb = None
        self.headers = None  # of the last response

    def get(self, path, timeout=60, headers=None):
        return self.request("GET", path, timeout=timeout, headers=headers)

    def request(self, method, path, body=None, timeout=60, headers=None):
        # a GET is tried again on a new connection when the kept-alive one was closed; a write is not repeated
        attempts = 2 if method == "GET" else 1
        for attempt in range(attempts):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                t0 = time.perf_counter()
                self.conn.request(method, path, body=body,
                                  headers={"Accept": "application/geo+json, application/json", **(headers or {})})
                resp = self.conn.getresponse()
                self.ttfb = time.perf_counter() - t0
                data = resp.read()
                elapsed = time.perf_counter() - t0
                self.headers = resp.headers
                if resp.getheader("connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return resp.status, data, elapsed
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == attempts - 1:
                    raise
        raise AssertionError

    def close(self):
        if self.conn:
            self.conn.close()


def path_of(href):
    u = urllib.parse.urlsplit(href)
    return u.path + ("?" + u.query if u.query else "")


def next_href(doc):
    for link in doc.get("links", []):
        if link.get("rel") == "next":
            return link.get("href")
    return None


def proc_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def proc_cpu_s(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except OSError:
        return None


def jit_cpu_s(pid):
    """CPU seconds of the JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre")."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        if "Compiler" in raw[raw.index("(") + 1:raw.rindex(")")]:
            fields = raw.rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / CLK_TCK


def pg_cpu_s():
    """CPU seconds of PostgreSQL: live server processes, plus the postmaster's reaped children (exited backends)."""
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        procs[int(d)] = (comm, int(fields[1]), [int(x) for x in fields[11:15]])
    total = 0
    for pid, (comm, ppid, (ut, st, cut, cst)) in procs.items():
        if comm != "postgres":
            continue
        parent = procs.get(ppid, ("", 0, None))[0]
        total += ut + st + ((cut + cst) if parent != "postgres" else 0)
    return total / CLK_TCK


def machine_cpu():
    with open("/proc/stat") as f:
        parts = [int(x) for x in f.readline().split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts) / CLK_TCK, (sum(parts) - idle) / CLK_TCK


def children_cpu_s():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class CpuMeter:
    """CPU seconds used by the server, by the load generator (children of this process) and by the whole machine."""

    def __init__(self, pid):
        self.pid = pid

    def __enter__(self):
        self.t0 = time.perf_counter()
        self.java0 = proc_cpu_s(self.pid)
        self.jit0 = jit_cpu_s(self.pid)
        self.kids0 = children_cpu_s()
        self.pg0 = pg_cpu_s()
        self.m0 = machine_cpu()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        self.java = (proc_cpu_s(self.pid) or 0) - (self.java0 or 0)
        self.jit = jit_cpu_s(self.pid) - self.jit0
        self.loadgen = children_cpu_s() - self.kids0
        self.pg = pg_cpu_s() - self.pg0
        m1 = machine_cpu()
        ncpu = os.cpu_count() or 1
        self.busy = m1[1] - self.m0[1]
        self.busy_pct = 100.0 * self.busy / max(1e-9, (m1[0] - self.m0[0]))
        self.other = max(0.0, self.busy - self.java - self.loadgen - self.pg)  # everything else on the machine
        self.other_pct = 100.0 * self.other / max(1e-9, (m1[0] - self.m0[0]))
        self.ncpu = ncpu


class RssSampler(threading.Thread):
    def __init__(self, pid, interval=0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples = []
        self.stop_event = threading.Event()

    def run(self):
        while not self.stop_event.is_set():
            rss = proc_rss_kb(self.pid)
            if rss is not None:
                self.samples.append((time.perf_counter(), rss))
            self.stop_event.wait(self.interval)

    def stop(self):
        self.stop_event.set()
        self.join()


def cost_ratio(u, p):
    urbis = u["cpu_java_ms_per_req"] + u["cpu_pg_ms_per_req"] + u["cpu_loadgen_ms_per_req"]
    ceiling = p["cpu_pg_ms_per_req"] + p["cpu_loadgen_ms_per_req"]
    return ceiling / urbis if urbis else float("nan")


def load_average():
    """The machine's load average over 1, 5 and 15 minutes, as uptime shows it."""
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def auth_summary(runs):
    """Per auth workload and variant, over all rounds: req/s, latency, CPU per request; for the credentialed variants
    the cost against the anonymous requests: per round (against the anonymous run of the same round; the median of
    these is the result, as a burst of other load on the machine spoils one round, not the median) and overall."""
    summary = {}
    for w in AUTH_WORKLOADS:
        by_variant = {}
        for v in AUTH_VARIANTS:
            rs = [x for x in runs if x["workload"] == w and x["variant"] == v]
            n = max(1, sum(x["requests"] for x in rs))
            wall = sum(x["wall_s"] for x in rs)
            by_variant[v] = {
                "rps": sum(x["requests"] for x in rs) / sum(x["seconds"] for x in rs),
                "rounds_rps": [x["rps"] for x in rs],
                "requests": sum(x["requests"] for x in rs), "errors": sum(x["errors"] for x in rs),
                "p50_ms": statistics.median(x["p50_ms"] for x in rs),
                "p99_ms": statistics.median(x["p99_ms"] for x in rs),
                "bytes_per_req": sum(x["bytes_per_req"] * x["requests"] for x in rs) / n,
                "cpu_java_ms_per_req": 1000 * sum(x["cpu_java_s"] for x in rs) / n,
                "cpu_all_ms_per_req": 1000 * sum(x["cpu_java_s"] + x["cpu_pg_s"] + x["cpu_loadgen_s"] for x in rs) / n,
                "other_pct": sum(x["other_pct"] * x["wall_s"] for x in rs) / max(1e-9, wall),
            }
        anonymous = by_variant[AUTH_VARIANTS[0]]
        for v in AUTH_VARIANTS[1:]:
            d = by_variant[v]
            rounds = [a / b for a, b in zip(anonymous["rounds_rps"], d["rounds_rps"]) if b]
            d["cost_ratio"] = statistics.median(rounds)
            d["cost_ratio_rounds"] = {"min": min(rounds), "max": max(rounds)}
            d["cost_ratio_overall"] = anonymous["rps"] / d["rps"]
            d["cpu_ratio"] = d["cpu_all_ms_per_req"] / anonymous["cpu_all_ms_per_req"]
            d["java_cpu_ratio"] = d["cpu_java_ms_per_req"] / anonymous["cpu_java_ms_per_req"]
            if v in AUTH_TARGETED:
                d["pass"] = d["cost_ratio"] <= AUTH_TARGET and d["errors"] == 0
        # what checking the token costs beyond carrying its bytes: the bearer token against the padded request
        padded, jwt = by_variant["padded"], by_variant["jwt"]
        jwt["beyond_padding_ratio"] = statistics.median(
            p / j for p, j in zip(padded["rounds_rps"], jwt["rounds_rps"]) if j)
        summary[w] = by_variant
    return summary


def writes_summary(rounds):
    """One kind of writes at one connection count over its rounds ({"urbis": ..., "postgis": ...} each): Urbis'
    committed writes per second over all rounds, the median of the rounds' latency percentiles, the answers, and CPU per
    committed write; PostgreSQL alone's transactions per second (the mean of the rounds') and CPU per transaction; the
    ratio, the median of the rounds' (a burst of other load spoils a round, not the median), and their range."""
    us, ps = [r["urbis"] for r in rounds], [r["postgis"] for r in rounds]
    committed = sum(u["committed"] for u in us)
    per_write = lambda key: 1000 * sum(u[key] for u in us) / max(1, committed)
    transactions = max(1, sum(p["requests"] for p in ps))
    per_transaction = lambda key: sum(p[key] * p["requests"] for p in ps) / transactions
    get_p50s = [u["get_p50_ms"] for u in us if u["get_p50_ms"] is not None]
    ratios = [u["committed"] / u["seconds"] / p["rps"] for u, p in zip(us, ps) if p["rps"]]
    return {
        "urbis": {
            "writes_per_s": committed / sum(u["seconds"] for u in us), "committed": committed,
            "n412": sum(u["n412"] for u in us), "gets": sum(u["gets"] for u in us),
            "failed": sum(u["failed"] for u in us),
            "statuses": dict(sum((collections.Counter(u["statuses"]) for u in us), collections.Counter())),
            "p50_ms": statistics.median(u["p50_ms"] for u in us), "p99_ms": statistics.median(u["p99_ms"] for u in us),
            "get_p50_ms": statistics.median(get_p50s) if get_p50s else None,
            "cpu_java_ms_per_write": per_write("cpu_java_s"), "cpu_jit_ms_per_write": per_write("cpu_jit_s"),
            "cpu_pg_ms_per_write": per_write("cpu_pg_s"),
            "other_pct": statistics.fmean(u["other_pct"] for u in us),
        },
        "postgis": {
            "rps": statistics.fmean(p["rps"] for p in ps),
            "p50_ms": statistics.median(p["p50_ms"] for p in ps), "p99_ms": statistics.median(p["p99_ms"] for p in ps),
            "cpu_pg_ms_per_req": per_transaction("cpu_pg_ms_per_req"),
            "cpu_loadgen_ms_per_req": per_transaction("cpu_loadgen_ms_per_req"),
            "other_pct": statistics.fmean(p["other_pct"] for p in ps),
        },
        "ratio": statistics.median(ratios) if ratios else None,
        "ratio_rounds": [min(ratios), max(ratios)] if ratios else None,
    }


def load_text(load):
    """The load averages before and after a phase, as its report says them."""
    return " before, ".join(", ".join(f"{x:.2f}" for x in load[k]) for k in ("before", "after")) + " after"


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


# ---------------------------------------------------------------------------------------------- phases

class Bench:
    def __init__(self, args):
        self.base = args.base.rstrip("/")
        self.pid = args.pid
        self.cached_base = args.cached_base.rstrip("/") if args.cached_base else None
        self.cached_pid = args.cached_pid
        self.work = os.path.abspath(args.work)
        self.out = args.out
        self.duration = args.duration
        self.warmup = args.warmup
        self.jit_warmup_s = args.jit_warmup
        self.conns = args.connections
        self.threads = args.threads
        self.deep_pages = args.deep_pages
        self.deep_reps = args.deep_reps
        self.workloads = [w for w in args.workloads.split(",") if w] or None
        self.jar = args.jar
        self.gc_log = args.gc_log or None
        self.prec = 8
        try:
            m = re.search(r"^coordinatePrecision:\s*(\d+)", open(os.path.join(HERE, "urbis-bench.yaml")).read(), re.M)
            if m:
                self.prec = int(m.group(1))
        except OSError:
            pass
        self.auth_rounds = args.auth_rounds
        self.auth_seconds = args.auth_seconds
        self.auth_out = args.auth_out
        self.writes_seconds = args.writes_seconds
        self.writes_rounds = args.writes_rounds
        self.write_connections = [int(c) for c in args.writes_connections.split(",") if c]
        self.writes_out = args.writes_out
        # request headers by auth variant; wrk reads them from a file (paths.lua), not from its command line
        self.credentials = {"anonymous": {}}
        if args.api_key_file:
            self.credentials["key"] = {"X-API-Key": open(args.api_key_file).read().strip()}
        if args.token_file:
            self.credentials["jwt"] = {"Authorization": "Bearer " + open(args.token_file).read().strip()}
            self.credentials["padded"] = {"X-Bench-Padding": "p" * len(self.credentials["jwt"]["Authorization"])}
        if args.writer_key_file:
            self.credentials["writer"] = {"X-API-Key": open(args.writer_key_file).read().strip()}
        self.checks = []  # (name, ok, detail)
        self.results = {"workloads": {}, "started": datetime.datetime.now(datetime.timezone.utc).isoformat()}
        os.makedirs(os.path.join(self.work, "raw"), exist_ok=True)

    def check(self, name, ok, detail=""):
        self.checks.append({"name": name, "ok": bool(ok), "detail": detail})
        log(f"check {'PASS' if ok else 'FAIL'}: {name} {detail}")

    def raw(self, name, text):
        with open(os.path.join(self.work, "raw", name), "w") as f:
            f.write(text)

    # -- inputs -------------------------------------------------------------------------------------
    def windows(self):
        rows = psql("SELECT id, minlon, minlat, maxlon, maxlat FROM bench.windows ORDER BY id")
        return [tuple([int(r.split("|")[0])] + [float(x) for x in r.split("|")[1:]]) for r in rows.split()]

    def write_inputs(self):
        w = self.windows()
        self.win = w
        with open(os.path.join(self.work, "paths_limit100.txt"), "w") as f:
            f.write("/collections/buildings/items?limit=100\n")
        with open(os.path.join(self.work, "paths_limit1000.txt"), "w") as f:
            f.write("/collections/buildings/items?limit=1000\n")
        with open(os.path.join(self.work, "paths_bbox.txt"), "w") as f:
            for (_, a, b, c, d) in w:
                f.write(f"/collections/buildings/items?bbox={a!r},{b!r},{c!r},{d!r}&limit=1000\n")
        with open(os.path.join(self.work, "paths_item.txt"), "w") as f:
            for k in range(10000):  # a fixed permutation-like walk over 1..200000
                f.write(f"/collections/buildings/items/{(k * 7919 + 4243) % 200000 + 1}\n")
        # pgbench: the same 200 windows, chosen by pgbench's own random(1,200), set client-side by \if
        lines = ["\\set w random(1, 200)"]
        for i, (wid, a, b, c, d) in enumerate(w):
            lines.append(("\\if" if i == 0 else "\\elif") + f" :w = {wid}")
            lines += [f"\\set minlon {a!r}", f"\\set minlat {b!r}", f"\\set maxlon {c!r}", f"\\set maxlat {d!r}"]
        lines.append("\\endif")
        with open(os.path.join(self.work, "bbox.pgbench.sql"), "w") as f:
            f.write("\n".join(lines) + "\n" + open(os.path.join(HERE, "sql/pgbench/bbox_body.sql")).read())
        self.write_tile_inputs()

    def write_tile_inputs(self):
        extent = [float(v) for v in psql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT "
                                         "ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 25832), 4326) e "
                                         "FROM buildings) x").strip().split("|")]
        self.tiles = [(z, x, y) + tile_window(z, x, y, extent) for z, x, y in city_tiles(extent)]
        with open(os.path.join(self.work, "paths_tiles.txt"), "w") as f:
            for z, x, y, *_ in self.tiles:
                f.write(f"/collections/buildings/tiles/WebMercatorQuad/{z}/{y}/{x}\n")
        lines = [f"\\set t random(1, {len(self.tiles)})"]
        for i, (z, x, y, window, tol) in enumerate(self.tiles):
            lines.append(("\\if" if i == 0 else "\\elif") + f" :t = {i + 1}")
            lines += [f"\\set {k} {v!r}" for k, v in self.tile_variables(z, x, y, window, tol).items()]
        lines.append("\\endif")
        with open(os.path.join(self.work, "tiles.pgbench.sql"), "w") as f:
            f.write("\n".join(lines) + "\n" + open(os.path.join(HERE, "sql/pgbench/tile_body.sql")).read())

    @staticmethod
    def tile_variables(z, x, y, window, tol):
        seg = max(window[2] - window[0], window[3] - window[1]) / 256 + 1e-12
        return {"z": z, "x": x, "y": y, "minlon": window[0], "minlat": window[1], "maxlon": window[2],
                "maxlat": window[3], "tol": tol, "seg": seg}

    # -- correctness ------------------------------------------------------------------------------
    def sanity(self):
        h = Http(self.base)
        status, body, _ = h.get("/health")
        self.check("GET /health answers 200", status == 200, f"status {status}")
        status, body, _ = h.get("/collections")
        ids = []
        try:
            ids = [c.get("id") for c in json.loads(body).get("collections", [])]
        except ValueError:
            pass
        self.check("/collections lists buildings and roads", status == 200 and {"buildings", "roads"} <= set(ids),
                   f"status {status}, collections {ids}")

        def compare(name, path, sql_file, variables, single=False):
            status, body, _ = h.get(path)
            self.raw(f"sample_{name}.server.json", body.decode("utf-8", "replace"))
            try:
                server = json.loads(body)
            except ValueError as e:
                self.check(f"{name}: server answers GeoJSON", False, f"status {status}: {e}: {body[:200]!r}")
                return None
            ceiling_text = psql(pgbench_sql_to_psql(sql_file, variables)).strip()
            self.raw(f"sample_{name}.postgis.json", ceiling_text)
            ceiling = json.loads(ceiling_text)
            sf = [server] if single else server.get("features", [])
            cf = [ceiling] if single else ceiling.get("features", [])
            problems = []
            if status != 200:
                problems.append(f"status {status}")
            if len(sf) != len(cf):
                problems.append(f"{len(sf)} features, PostGIS has {len(cf)}")
            if not single and server.get("numberReturned") not in (None, len(sf)):
                problems.append(f"numberReturned {server.get('numberReturned')} but {len(sf)} features")
            sids = [str(f.get("id")) for f in sf]
            cids = [str(f.get("id")) for f in cf]
            if sids != cids:
                missing = sorted(set(cids) - set(sids), key=int)[:5]
                extra = sorted(set(sids) - set(cids), key=lambda x: int(x) if x.isdigit() else 0)[:5]
                problems.append(f"ids differ (missing {missing}, extra {extra}, order same: {sorted(sids) == sids})")
            else:
                for a, b in zip(sf, cf):
                    if a.get("type") != "Feature":
                        problems.append(f"feature {a.get('id')}: type {a.get('type')}")
                        break
                    if a.get("geometry") != b.get("geometry"):
                        problems.append(f"feature {a.get('id')}: geometry differs: {json.dumps(a.get('geometry'))[:160]}"
                                        f" vs {json.dumps(b.get('geometry'))[:160]}")
                        break
                    pa, pb = a.get("properties") or {}, b.get("properties") or {}
                    if {k: pa.get(k) for k in PROPS} != {k: pb.get(k) for k in PROPS}:
                        problems.append(f"feature {a.get('id')}: properties differ: {pa} vs {pb}")
                        break
            self.check(f"{name}: same features as PostGIS", not problems,
                       "; ".join(problems) if problems else f"{len(sf)} features, {len(body)} bytes "
                       f"(PostGIS document {len(ceiling_text.encode())} bytes)")
            return server

        base_var = {"base": self.base, "prec": self.prec}
        compare("limit100", "/collections/buildings/items?limit=100", os.path.join(HERE, "sql/pgbench/items_limit100.sql"),
                base_var)
        compare("limit1000", "/collections/buildings/items?limit=1000",
                os.path.join(HERE, "sql/pgbench/items_limit1000.sql"), base_var)
        for wid, a, b, c, d in [self.win[0], self.win[57], self.win[199]]:
            v = dict(base_var, minlon=a, minlat=b, maxlon=c, maxlat=d)
            compare(f"bbox{wid}", f"/collections/buildings/items?bbox={a!r},{b!r},{c!r},{d!r}&limit=1000",
                    os.path.join(HERE, "sql/pgbench/bbox_body.sql"), v)
        for fid in (1, 123457, 200000):
            compare(f"item{fid}", f"/collections/buildings/items/{fid}", os.path.join(HERE, "sql/pgbench/item.sql"),
                    dict(base_var, id=fid), single=True)
        for z, x, y, window, tol in [self.tiles[0], self.tiles[len(self.tiles) // 2], self.tiles[-1]]:
            status, body, _ = h.get(f"/collections/buildings/tiles/WebMercatorQuad/{z}/{y}/{x}")
            ceiling = bytes.fromhex(psql("SELECT encode((" + pgbench_sql_to_psql(
                os.path.join(HERE, "sql/pgbench/tile_body.sql"), self.tile_variables(z, x, y, window, tol))
                .rstrip().rstrip(";") + "), 'hex')").strip())
            # a tile without buildings is 204 No Content, and ST_AsMVT's output for it is empty too; one over the
            # tile budget (tiles.maxTileBytes) is served reduced, within the budget, instead of the whole layer
            if len(ceiling) > MAX_TILE_BYTES:
                self.check(f"tile {z}/{y}/{x}: over the tile budget as ST_AsMVT in PostGIS, reduced within it",
                           status == 200 and 0 < len(body) <= MAX_TILE_BYTES,
                           f"status {status}, {len(body)} bytes (PostGIS {len(ceiling)} bytes)")
            else:
                self.check(f"tile {z}/{y}/{x}: the same bytes as ST_AsMVT in PostGIS",
                           status == (200 if ceiling else 204) and body == ceiling,
                           f"status {status}, {len(body)} bytes (PostGIS {len(ceiling)} bytes)")
        status, body, _ = h.get("/collections/buildings/items/200001")
        self.check("unknown id answers 404", status == 404, f"status {status}")
        status, body, _ = h.get("/collections/roads/items?limit=10")
        n = len(json.loads(body).get("features", [])) if status == 200 else None
        self.check("roads collection serves features", status == 200 and n == 10, f"status {status}, {n} features")
        h.close()

    # -- throughput ---------------------------------------------------------------------------------
    def server_for(self, name):
        """The base URL and process id of the server a workload (or its profiled run) is measured on."""
        if name.removesuffix("_profiled") in CACHED_WORKLOADS:
            if not self.cached_base:
                raise RuntimeError(f"{name} needs the server with the tile cache: run.sh starts it (--cached-base)")
            return self.cached_base, self.cached_pid
        return self.base, self.pid

    def fill_cache(self, chosen):
        """Every path of the cached workloads fetched once, so that timed runs measure the cache, not the builds."""
        for name, _, paths, *_ in chosen:
            if name not in CACHED_WORKLOADS:
                continue
            base, _ = self.server_for(name)
            h = Http(base)
            with open(os.path.join(self.work, paths)) as f:
                statuses = [h.get(line.strip())[0] for line in f if line.strip()]
            h.close()
            log(f"{name}: cache filled, {len(statuses)} tiles ({statuses.count(200)} with data, "
                f"{statuses.count(204)} empty)")

    def headers_file(self, variant):
        """The file of request headers paths.lua sends for an auth variant; None for anonymous requests."""
        headers = self.credentials.get(variant)
        if headers is None:
            raise RuntimeError(f"no credentials for {variant}: run.sh passes --api-key-file and --token-file")
        if not headers:
            return None
        path = os.path.join(self.work, f"headers_{variant}.txt")
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.writelines(f"{k}: {v}\n" for k, v in headers.items())
        return path

    def run_wrk(self, name, paths_file, seconds, record, variant="anonymous"):
        """wrk against the workload's server; record: its output to bench/work/raw/wrk_NAME.txt (a str: that name)."""
        base, pid = self.server_for(name)
        cmd = ["wrk", "-t", str(self.threads), "-c", str(self.conns), "-d", f"{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, "lua/paths.lua"), base + "/", "--", os.path.join(self.work, paths_file)]
        headers = self.headers_file(variant)
        if headers:
            cmd.append(headers)
        r, cpu = self.wrk(cmd, pid, seconds, (record if isinstance(record, str) else f"wrk_{name}.txt") if record
                          else None, "WRKJSON")
        secs = r["duration_us"] / 1e6
        n = r["requests"]
        errors = r["err_connect"] + r["err_read"] + r["err_write"] + r["err_status"] + r["err_timeout"]
        return {
            "rps": n / secs, "requests": n, "errors": errors, "err_status": r["err_status"],
            "p50_ms": r["lat_p50_us"] / 1000, "p99_ms": r["lat_p99_us"] / 1000, "mean_ms": r["lat_mean_us"] / 1000,
            "bytes_per_req": r["bytes"] / max(1, n),
            "cpu_java_ms_per_req": 1000 * cpu.java / max(1, n),
            "cpu_jit_ms_per_req": 1000 * cpu.jit / max(1, n),
            "cpu_pg_ms_per_req": 1000 * cpu.pg / max(1, n),
            "cpu_loadgen_ms_per_req": 1000 * cpu.loadgen / max(1, n),
            "machine_busy_pct": cpu.busy_pct, "other_pct": cpu.other_pct,
            "seconds": secs, "wall_s": cpu.wall, "cpu_java_s": cpu.java, "cpu_pg_s": cpu.pg,
            "cpu_loadgen_s": cpu.loadgen, "cpu_other_s": cpu.other,
        }

    def wrk(self, cmd, pid, seconds, record, marker):
        """Runs wrk (cmd) against the server of process pid: the JSON its script printed after marker, and the CPU the
        run took (CpuMeter); record: the name its output is kept under in bench/work/raw/, or None."""
        with CpuMeter(pid) as cpu:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
        if record:
            self.raw(record, " ".join(cmd) + "\n" + out.stdout + out.stderr)
        m = re.search(r"^" + marker + r" (\{.*\})$", out.stdout, re.M)
        if out.returncode != 0 or not m:
            raise RuntimeError(f"wrk failed ({' '.join(cmd[cmd.index('--'):])}): {out.stdout[-500:]} "
                               f"{out.stderr[-500:]}")
        return json.loads(m.group(1)), cpu

    def run_pgbench(self, name, script, seconds, record, connections=None, defines=()):
        """pgbench with the script (WORK/: in bench/work), as many clients as wrk has connections unless connections
        says otherwise, and -D for each of defines ("name=value") besides base and prec."""
        script = script.replace("WORK/", self.work + "/")
        if not script.startswith("/"):
            script = os.path.join(HERE, script)
        prefix = os.path.join(self.work, "raw", f"pgblog_{name}")
        for f in glob.glob(prefix + ".*"):
            os.remove(f)
        clients = connections or self.conns
        cmd = [PGBENCH, "-n", "-M", "prepared", "-c", str(clients), "-j", str(min(clients, self.threads)),
               "-T", str(seconds), "-D", f"base={self.base}", "-D", f"prec={self.prec}", "-f", script]
        for define in defines:
            cmd += ["-D", define]
        if record:
            cmd += ["-l", f"--log-prefix={prefix}"]
        cmd.append(DB)
        for attempt in range(PGBENCH_ATTEMPTS):
            with CpuMeter(self.pid) as cpu:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 120, env=PG_ENV,
                                     cwd=self.work)
            # other users of the machine's PostgreSQL may hold every connection for a moment
            if "too many clients" not in out.stderr or attempt == PGBENCH_ATTEMPTS - 1:
                break
            log(f"{name}: PostgreSQL has no connection to spare, pgbench again in 10 s")
            time.sleep(10)
        if record:
            self.raw(f"pgbench_{name}.txt", " ".join(cmd) + "\n" + out.stdout + out.stderr)
        m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out.stdout)
        if out.returncode != 0 or not m:
            raise RuntimeError(f"pgbench failed for {name}: {out.stdout[-800:]} {out.stderr[-800:]}")
        res = {"rps": float(m.group(1))}
        mf = re.search(r"number of failed transactions: (\d+)", out.stdout)
        res["errors"] = int(mf.group(1)) if mf else 0
        mt = re.search(r"number of transactions actually processed: (\d+)", out.stdout)
        n = int(mt.group(1)) if mt else 0
        res["requests"] = n
        if record:
            lat = []
            for f in glob.glob(prefix + ".*"):
                with open(f) as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) >= 3 and parts[2].isdigit():
                            lat.append(int(parts[2]) / 1000.0)
            res["p50_ms"] = percentile(lat, 50)
            res["p99_ms"] = percentile(lat, 99)
            res["mean_ms"] = statistics.fmean(lat) if lat else None
            for f in glob.glob(prefix + ".*"):
                os.remove(f)
        res["cpu_pg_ms_per_req"] = 1000 * cpu.pg / max(1, n)
        res["cpu_loadgen_ms_per_req"] = 1000 * cpu.loadgen / max(1, n)
        res["machine_busy_pct"] = cpu.busy_pct
        res["other_pct"] = cpu.other_pct
        return res

    def jit_warmup(self, only=None):
        """The JVM compiles its hot code during the first minutes under load; a server runs for days, so the
        throughput workloads are measured after every one of them has run for a while (the JIT's CPU during the
        measured runs is still reported)."""
        chosen = [w for w in WORKLOADS if not only or w[0] in only]
        if not chosen or self.jit_warmup_s <= 0:
            return
        each = max(1, self.jit_warmup_s // len(chosen))
        log(f"JIT warm-up: {each}s of each workload")
        jit0 = jit_cpu_s(self.pid)
        for name, _, paths, _, _ in chosen:
            self.run_wrk(name, paths, each, False)
        self.results["jit_warmup"] = {"seconds_per_workload": each, "jit_cpu_s": jit_cpu_s(self.pid) - jit0}

    def throughput(self, only=None):
        self.fill_cache([w for w in WORKLOADS if not only or w[0] in only])
        self.jit_warmup(only)
        for name, title, paths, script, target in WORKLOADS:
            if only and name not in only:
                continue
            log(f"{name}: wrk warm-up {self.warmup}s, measure {self.duration}s")
            self.run_wrk(name, paths, self.warmup, False)
            u = self.run_wrk(name, paths, self.duration, True)
            log(f"{name}: Urbis {u['rps']:.1f} req/s p50 {u['p50_ms']:.2f} ms p99 {u['p99_ms']:.2f} ms "
                f"errors {u['errors']}")
            log(f"{name}: pgbench warm-up {self.warmup}s, measure {self.duration}s")
            self.run_pgbench(name, script, self.warmup, False)
            p = self.run_pgbench(name, script, self.duration, True)
            log(f"{name}: PostGIS {p['rps']:.1f} tx/s p50 {p['p50_ms']:.2f} ms p99 {p['p99_ms']:.2f} ms")
            ratio = u["rps"] / p["rps"] if p["rps"] else None
            self.results["workloads"][name] = {"title": title, "urbis": u, "postgis": p, "ratio": ratio,
                                               "target": target,
                                               "pass": bool(ratio is not None and ratio >= target and u["errors"] == 0)}

    # -- credentials --------------------------------------------------------------------------------
    def auth(self):
        """The auth workloads as the anonymous public, with an API key and with a bearer token, interleaved: each
        round runs every workload once per variant, the variants' order rotating from round to round, so that other
        load on the machine, garbage collections and the JIT fall on all variants alike. Then a JFR profile of each."""
        missing = [v for v in AUTH_VARIANTS if v not in self.credentials]
        if missing:
            raise RuntimeError(f"no credentials for {missing}: run.sh makes them (--api-key-file, --token-file)")
        if not self.auth_checks():
            raise RuntimeError("the credentials do not work as they should (see the checks): nothing measured")
        paths = {name: p for name, _, p, *_ in WORKLOADS}
        load = {"before": load_average()}
        if self.jit_warmup_s > 0:  # the paths of credentials are cold even after the throughput phase
            each = max(1, self.jit_warmup_s // (len(AUTH_WORKLOADS) * len(AUTH_VARIANTS)))
            log(f"auth: JIT warm-up, {each}s of each workload and variant")
            for w in AUTH_WORKLOADS:
                for v in AUTH_VARIANTS:
                    self.run_wrk(w, paths[w], each, False, v)
        runs = []
        for r in range(1, self.auth_rounds + 1):
            order = AUTH_VARIANTS[r % len(AUTH_VARIANTS):] + AUTH_VARIANTS[:r % len(AUTH_VARIANTS)]
            for w in AUTH_WORKLOADS:
                for v in order:
                    res = self.run_wrk(w, paths[w], self.auth_seconds, f"wrk_auth_{w}_{v}_{r}.txt", v)
                    runs.append(dict(res, round=r, workload=w, variant=v))
            log(f"auth round {r}/{self.auth_rounds}: " + ", ".join(
                f"{x['workload']} {x['variant']} {x['rps']:.0f}/s" for x in runs if x["round"] == r))
        load["after"] = load_average()
        summary = auth_summary(runs)
        for w, by_variant in summary.items():
            for v in AUTH_VARIANTS[1:]:
                d = by_variant[v]
                log(f"auth {w}: {v} cost {d['cost_ratio']:.3f}× anonymous (median of rounds "
                    f"{d['cost_ratio_rounds']['min']:.3f}–{d['cost_ratio_rounds']['max']:.3f}; overall "
                    f"{d['cost_ratio_overall']:.3f}×), CPU {d['cpu_ratio']:.3f}×")
        self.results["auth"] = {"runs": runs, "summary": summary, "load": load, "rounds": self.auth_rounds,
                                "seconds": self.auth_seconds, "profile": {}}
        titles = {name: title for name, title, *_ in WORKLOADS}
        for w in AUTH_WORKLOADS:
            for v in ["anonymous", *sorted(AUTH_TARGETED)]:
                prof = self.profile_run(f"auth_{w}_{v}", f"{titles[w]}, {v}", 10, self.server_for(w)[1],
                                        lambda: self.run_wrk(w + "_profiled", paths[w], 10, False, v))
                if prof:
                    self.results["auth"]["profile"].setdefault(w, {})[v] = prof

    def auth_checks(self):
        """Each variant gets the anonymous document (so all three measure the same response), and credentials are
        checked at all: a wrong key and a token with a broken signature are 401s."""
        h = Http(self.base)
        ok = True

        def comparable(body):
            try:
                doc = json.loads(body)
            except ValueError:
                return None
            doc.pop("timeStamp", None)
            return doc

        for w in AUTH_WORKLOADS:
            path = AUTH_SAMPLES[w]
            a_status, a_body, _ = h.get(path)
            for v in AUTH_VARIANTS[1:]:
                status, body, _ = h.get(path, headers=self.credentials[v])
                same = status == 200 == a_status and comparable(body) is not None and comparable(body) == comparable(a_body)
                self.check(f"auth: {v} gets the anonymous document of {path}", same,
                           f"status {status}, {len(body)} bytes (anonymous: status {a_status}, {len(a_body)} bytes)")
                ok = ok and same
        key = self.credentials["key"]["X-API-Key"]
        status, _, _ = h.get(AUTH_SAMPLES["item"], headers={"X-API-Key": key[:-1] + ("1" if key[-1] == "0" else "0")})
        self.check("auth: a wrong API key is a 401", status == 401, f"status {status}")
        ok = ok and status == 401
        head, payload, signature = self.credentials["jwt"]["Authorization"].split(" ", 1)[1].split(".")
        middle = len(signature) // 2
        broken = signature[:middle] + ("B" if signature[middle] == "A" else "A") + signature[middle + 1:]
        status, _, _ = h.get(AUTH_SAMPLES["item"], headers={"Authorization": f"Bearer {head}.{payload}.{broken}"})
        self.check("auth: a token with a broken signature is a 401", status == 401, f"status {status}")
        ok = ok and status == 401
        h.close()
        return ok

    # -- writes -------------------------------------------------------------------------------------
    def writes(self):
        """POST and PATCH with the writer's API key at each of the write connection counts, each run followed by
        PostgreSQL alone doing the same statements (pgbench), then a JFR profile of each; public.edits and the audit
        table are put back as sql/edits.sql makes them afterwards, so that a later run starts from the same data."""
        if "writer" not in self.credentials:
            raise RuntimeError("no API key of a writer: run.sh makes one (--writer-key-file)")
        try:
            self.writes_measured()
        finally:
            psql_file(os.path.join(HERE, "sql/edits.sql"))
            log("writes: public.edits and the audit table put back")

    def writes_measured(self):
        if not self.writes_checks():
            raise RuntimeError("writes do not work as they should (see the checks): nothing measured")
        load = {"before": load_average()}
        # the write paths are cold even after the read phases; half the reads' JIT warm-up, shared by the kinds
        each = max(self.warmup, self.jit_warmup_s // (2 * len(WRITE_KINDS)))
        busiest = max(self.write_connections)
        log(f"writes: JIT warm-up, {each}s of each kind at {busiest} connections")
        for name, _, mode, _, features in WRITE_KINDS:
            self.run_writes_wrk(mode, self.feature_tags(name, features), busiest, each, None)
        runs = []
        for name, _, mode, script, features in WRITE_KINDS:
            defines = [f"{k}={v}" for k, v in zip(("first", "stride", "count"), features or ())]
            for c in self.write_connections:
                rounds, problems = [], []
                for r in range(1, self.writes_rounds + 1):
                    sides = {}
                    for side in ("urbis", "postgis") if r % 2 else ("postgis", "urbis"):
                        if side == "postgis":
                            sides[side] = self.run_pgbench(f"writes_{name}_c{c}_{r}", script, self.writes_seconds,
                                                           True, c, defines)
                            continue
                        before = self.write_counts()
                        sides[side] = self.run_writes_wrk(mode, self.feature_tags(name, features), c,
                                                          self.writes_seconds, f"wrk_writes_{name}_c{c}_{r}.txt")
                        problem = self.write_count_problem(name, c, sides[side], before, self.write_counts())
                        if problem:
                            problems.append(f"round {r}: {problem}")
                    rounds.append(sides)
                run = dict(writes_summary(rounds), kind=name, connections=c)
                runs.append(run)
                u = run["urbis"]
                self.check(f"writes {name}, {c} connections: every committed write stored and audited, no failure",
                           not problems, "; ".join(problems) or f"answers {u['statuses']}")
                log(f"writes {name} c={c}: Urbis {u['writes_per_s']:.0f}/s p50 {u['p50_ms']:.1f} ms p99 "
                    f"{u['p99_ms']:.1f} ms, {u['n412']} 412s, {u['failed']} failed; PostgreSQL alone "
                    f"{run['postgis']['rps']:.0f}/s; ratio {run['ratio']:.2f}")
        load["after"] = load_average()
        self.results["writes"] = {"runs": runs, "load": load, "seconds": self.writes_seconds,
                                  "rounds": self.writes_rounds, "profile": {},
                                  "commit": {k: psql(f"SHOW {k}").strip() for k in
                                             ("synchronous_commit", "fsync", "wal_sync_method")}}
        for name, title, mode, _, features in WRITE_KINDS[:2]:  # POST and PATCH without contention
            tags = self.feature_tags(name, features)
            prof = self.profile_run(f"writes_{name}", f"{title}, 4 connections", 10, self.pid,
                                    lambda: self.run_writes_wrk(mode, tags, 4, 10, None), WRITE_PROFILE_GROUPS)
            if prof:
                self.results["writes"]["profile"][name] = prof

    def run_writes_wrk(self, mode, tags, connections, seconds, record):
        """writes.lua with one wrk thread per connection; tags: the file of the features a PATCH writes, with their
        ETags (feature_tags), None for POST."""
        cmd = ["wrk", "-t", str(connections), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, "lua/writes.lua"), self.base + "/", "--", mode, WRITE_ITEMS,
               self.headers_file("writer"), str(connections)] + ([tags] if tags else [])
        r, cpu = self.wrk(cmd, self.pid, seconds, record, "WRITESJSON")
        statuses = r["statuses"]
        return {
            "committed": statuses.get("post 201", 0) + statuses.get("patch 204", 0),
            "n412": statuses.get("patch 412", 0),
            "gets": sum(n for k, n in statuses.items() if k.startswith("get ")),
            "failed": sum(n for k, n in statuses.items() if k not in WRITE_ANSWERS)
                      + r["err_connect"] + r["err_read"] + r["err_write"] + r["err_timeout"],
            "statuses": statuses, "seconds": r["duration_us"] / 1e6,
            "p50_ms": r["writes"]["p50_us"] / 1000, "p99_ms": r["writes"]["p99_us"] / 1000,
            "get_p50_ms": r["gets"]["p50_us"] / 1000 if r["gets"]["n"] else None,
            "cpu_java_s": cpu.java, "cpu_jit_s": cpu.jit, "cpu_pg_s": cpu.pg, "other_pct": cpu.other_pct,
        }

    def feature_tags(self, name, features):
        """The file writes.lua patches from: "id etag" per feature, each ETag as a GET by the writer answers it now;
        None without features (POST)."""
        if not features:
            return None
        first, stride, count = features
        h = Http(self.base)
        lines = []
        for k in range(count):
            path = f"{WRITE_ITEMS}/{first + stride * k}"
            status, _, _ = h.get(path, headers=self.credentials["writer"])
            etag = h.headers.get("ETag")
            if status != 200 or not etag:
                raise RuntimeError(f"GET {path} as the writer: status {status}, ETag {etag}")
            lines.append(f"{first + stride * k} {etag}\n")
        h.close()
        path = os.path.join(self.work, f"etags_{name}.txt")
        with open(path, "w") as f:
            f.writelines(lines)
        return path

    @staticmethod
    def write_counts():
        """Rows of public.edits, and the server's audit rows of creates and of updates."""
        row = psql("SELECT (SELECT count(*) FROM public.edits), count(*) FILTER (WHERE operation = 'create'), "
                   "count(*) FILTER (WHERE operation = 'update') FROM public.urbis_audit "
                   f"WHERE caller <> '{PGBENCH_CALLER}'")
        return [int(x) for x in row.strip().split("|")]

    @staticmethod
    def write_count_problem(kind, connections, run, before, after):
        """What is wrong with a run's writes, or None: every committed write must be in the table and have its audit
        row, and nothing may fail; a write whose answer wrk did not wait for at the end of the run may have committed
        too (at most one per connection). PATCHes of features no other connection writes never meet a 412."""
        rows, creates, updates = (a - b for a, b in zip(after, before))
        created, updated = run["statuses"].get("post 201", 0), run["statuses"].get("patch 204", 0)
        if (rows == creates and 0 <= creates - created <= connections and 0 <= updates - updated <= connections
                and run["failed"] == 0 and (kind != "patch" or run["n412"] == 0)):
            return None
        return f"answers {run['statuses']}; rows +{rows}, audit rows +{creates} create, +{updates} update"

    def writes_checks(self):
        """Before measuring: an anonymous POST is a 404 (edits is not the public's); the writer's POST a 201 with
        Location and ETag, and the feature reads back as sent; a PATCH with the ETag of a GET a 204, the same PATCH
        again a 412; one row and two audit rows more."""
        h = Http(self.base)
        writer = self.credentials["writer"]
        properties = {"height_m": 7.5, "storeys": 2, "year_built": 2026, "function": "residential", "name": "Prüfbau"}
        ring = [[8.1, 51.99], [8.1001, 51.99], [8.1001, 51.9901], [8.1, 51.9901], [8.1, 51.99]]
        body = json.dumps({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                           "properties": properties})
        geojson = {"Content-Type": "application/geo+json"}
        status, _, _ = h.request("POST", WRITE_ITEMS, body, headers=geojson)
        ok = status == 404
        self.check("writes: an anonymous POST is refused (404: the public does not see edits)", ok, f"status {status}")
        before = self.write_counts()
        status, _, _ = h.request("POST", WRITE_ITEMS, body, headers={**writer, **geojson})
        location, etag = h.headers.get("Location"), h.headers.get("ETag")
        created = status == 201 and location and etag
        self.check("writes: the writer's POST is a 201 with Location and ETag", created,
                   f"status {status}, Location {location}, ETag {etag}")
        if not created:
            return False
        status, doc, _ = h.get(path_of(location), headers=writer)
        read = json.loads(doc).get("properties", {}) if status == 200 else {}
        same = status == 200 and {k: read.get(k) for k in properties} == properties
        self.check("writes: the new feature reads back as sent", same, f"status {status}, properties {read}")
        tag = h.headers.get("ETag")
        patch = {**writer, "Content-Type": "application/merge-patch+json", "If-Match": tag or ""}
        status, _, _ = h.request("PATCH", path_of(location), json.dumps({"properties": {"height_m": 8.5}}),
                                 headers=patch)
        patched = status == 204 and h.headers.get("ETag")
        self.check("writes: a PATCH with If-Match of a GET is a 204 with an ETag", patched, f"status {status}")
        status, _, _ = h.request("PATCH", path_of(location), json.dumps({"properties": {"height_m": 9.5}}),
                                 headers=patch)
        self.check("writes: the same PATCH again (If-Match now stale) is a 412", status == 412, f"status {status}")
        ok = ok and same and patched and status == 412
        rows, creates, updates = (a - b for a, b in zip(self.write_counts(), before))
        audited = (rows, creates, updates) == (1, 1, 1)
        self.check("writes: one row more, two audit rows (create, update)", audited,
                   f"rows +{rows}, audit +{creates} create, +{updates} update")
        h.close()
        return ok and audited

    # -- deep pages ---------------------------------------------------------------------------------
    def deep(self):
        h = Http(self.base)
        path = "/collections/buildings/items?limit=100"
        first_path = path
        seen_last = 0
        problems = []
        t0 = time.perf_counter()
        page = 1
        page_paths = {1: path}
        while page <= self.deep_pages:
            status, body, _ = h.get(path)
            if status != 200:
                problems.append(f"page {page}: status {status}: {body[:200]!r}")
                break
            doc = json.loads(body)
            ids = [f.get("id") for f in doc.get("features", [])]
            if len(ids) != 100:
                problems.append(f"page {page}: {len(ids)} features")
            if ids and (not all(isinstance(i, int) for i in ids) or ids != sorted(ids) or ids[0] <= seen_last):
                problems.append(f"page {page}: ids not ascending after {seen_last}: {ids[:3]}...")
            if ids and ids[0] != seen_last + 1:
                problems.append(f"page {page}: starts at id {ids[0]}, expected {seen_last + 1}")
            if ids:
                seen_last = ids[-1]
            if page == self.deep_pages:
                break
            href = next_href(doc)
            if not href:
                problems.append(f"page {page}: no next link")
                break
            path = path_of(href)
            page += 1
            page_paths[page] = path
            if problems and len(problems) > 5:
                break
        crawl_s = time.perf_counter() - t0
        deep_path = page_paths.get(self.deep_pages)
        self.check(f"next links walk pages 1..{self.deep_pages} (limit=100) without gaps or repeats",
                   not problems and deep_path is not None,
                   "; ".join(problems[:5]) if problems else f"page {self.deep_pages} ends at id {seen_last}, "
                   f"{crawl_s:.1f} s for the walk")
        res = {"crawl_s": crawl_s, "deep_path": deep_path, "pages": page}
        if deep_path:
            t1, tn = [], []
            for i in range(self.deep_reps):  # interleaved, one keep-alive connection, sequential
                for p, sink in ((first_path, t1), (deep_path, tn)):
                    status, body, el = h.get(p)
                    if status != 200:
                        problems.append(f"status {status} for {p}")
                    sink.append(el * 1000)
            res.update({"p1_median_ms": statistics.median(t1), "pn_median_ms": statistics.median(tn),
                        "p1_p90_ms": percentile(t1, 90), "pn_p90_ms": percentile(tn, 90), "reps": self.deep_reps})
            res["ratio"] = res["pn_median_ms"] / res["p1_median_ms"]
            res["pass"] = res["ratio"] <= 1.5 and not problems
            log(f"deep: page 1 median {res['p1_median_ms']:.2f} ms, page {self.deep_pages} median "
                f"{res['pn_median_ms']:.2f} ms, ratio {res['ratio']:.2f}")
            # PostGIS side: the same two pages as keyset queries (informative)
            last_before = (self.deep_pages - 1) * 100
            sql1 = pgbench_sql_to_psql(os.path.join(HERE, "sql/pgbench/items_limit100.sql"), {"base": self.base, "prec": self.prec})
            sqln = re.sub(r"FROM public\.buildings\s+ORDER BY id LIMIT 100",
                          f"FROM public.buildings WHERE id > {last_before} ORDER BY id LIMIT 100", sql1)
            assert sqln != sql1
            for key, sql in (("pg_p1_median_ms", sql1), ("pg_pn_median_ms", sqln)):
                f = os.path.join(self.work, f"deep_{key}.sql")
                with open(f, "w") as fh:
                    fh.write(sql)
                out = subprocess.run([PGBENCH, "-n", "-M", "prepared", "-c", "1", "-t", str(self.deep_reps),
                                      "-l", f"--log-prefix={self.work}/raw/deep_{key}", "-f", f, DB],
                                     env=PG_ENV, capture_output=True, text=True, timeout=300, cwd=self.work)
                lat = []
                for lf in glob.glob(f"{self.work}/raw/deep_{key}.*"):
                    lat += [int(l.split()[2]) / 1000 for l in open(lf) if len(l.split()) > 2 and l.split()[2].isdigit()]
                    os.remove(lf)
                res[key] = statistics.median(lat) if lat else None
        else:
            res["pass"] = False
        h.close()
        self.results["deep"] = res

    # -- full download ------------------------------------------------------------------------------
    def download(self, label, limit):
        """All 200,000 buildings, in one response (limit=200000, needs maxLimit >= 200000 in the server's
        configuration) or through next links, sampling the server's RSS every 100 ms."""
        h = Http(self.base)
        time.sleep(0.5)
        rss_before = proc_rss_kb(self.pid)
        sampler = RssSampler(self.pid)
        sampler.start()
        gc_from = self.gc_lines()
        path = f"/collections/buildings/items?limit={limit}"
        count, pages, nbytes, server_s, last = 0, 0, 0, 0.0, 0
        ttfb = None
        problems = []
        t0 = time.perf_counter()
        with CpuMeter(self.pid) as cpu:
            while path and pages < 1000:
                status, body, el = h.get(path, timeout=300)
                server_s += el
                if ttfb is None:
                    ttfb = h.ttfb
                pages += 1
                nbytes += len(body)
                if status != 200:
                    problems.append(f"page {pages}: status {status}: {body[:200]!r}")
                    break
                doc = json.loads(body)
                ids = [f.get("id") for f in doc.get("features", [])]
                if ids and (ids != sorted(ids) or ids[0] <= last):
                    problems.append(f"page {pages}: ids not ascending after {last}")
                if ids:
                    last = ids[-1]
                count += len(ids)
                href = next_href(doc)
                path = path_of(href) if href else None
                del doc, body
        wall = time.perf_counter() - t0
        time.sleep(1.0)
        sampler.stop()
        h.close()
        rss_after = proc_rss_kb(self.pid)
        gc = self.gc_summary(gc_from)
        peak = max([s[1] for s in sampler.samples] + [rss_before or 0])
        growth_mb = (peak - rss_before) / 1024 if rss_before else None
        if count != 200000:
            problems.append(f"{count} features in {pages} pages, expected 200000")
        self.check(f"full download ({label}, limit={limit}): all 200,000 buildings, once each, in id order",
                   not problems,
                   "; ".join(problems[:5]) if problems else f"{pages} pages of limit={limit}, "
                   f"{nbytes / 1e6:.1f} MB, {server_s:.1f} s to the last byte")
        res = {"label": label, "limit": limit, "pages": pages, "features": count, "mb": nbytes / 1e6,
               "wall_s": wall, "server_s": server_s, "rss_before_mb": (rss_before or 0) / 1024,
               "rss_peak_mb": peak / 1024, "rss_after_mb": (rss_after or 0) / 1024, "growth_mb": growth_mb,
               "cpu_java_s": cpu.java, "samples": len(sampler.samples), "ttfb_s": ttfb, "gc": gc,
               "pass": bool(growth_mb is not None and growth_mb < 100 and not problems)}
        with open(os.path.join(self.work, "raw", f"rss_download_{label}.tsv"), "w") as f:
            t_start = sampler.samples[0][0] if sampler.samples else 0
            for t, kb in sampler.samples:
                f.write(f"{t - t_start:.2f}\t{kb}\n")
        log(f"download {label}: {count} features, {pages} pages, {wall:.1f} s, RSS {res['rss_before_mb']:.0f} -> "
            f"peak {res['rss_peak_mb']:.0f} MB (growth {growth_mb:.0f} MB)")
        self.results.setdefault("download", {})[label] = res

    def gc_lines(self):
        try:
            with open(self.gc_log) as f:
                return sum(1 for _ in f)
        except (OSError, TypeError):
            return None

    def gc_summary(self, from_line):
        """From the server's -Xlog:gc file: collections during the phase, the largest heap left after a collection
        (what the server really holds) and the largest committed heap (what RSS follows)."""
        if from_line is None:
            return None
        with open(self.gc_log) as f:
            lines = f.readlines()[from_line:]
        after, committed, n = [], [], 0
        for line in lines:
            m = re.search(r"Pause.*?(\d+)M->(\d+)M\((\d+)M\)", line)
            if m:
                n += 1
                after.append(int(m.group(2)))
                committed.append(int(m.group(3)))
        return {"collections": n, "max_after_gc_mb": max(after) if after else None,
                "max_committed_mb": max(committed) if committed else None}

    def download_ceiling(self):
        """PostGIS alone writing the same 200,000 features as one GeoJSON document (informative)."""
        sql = pgbench_sql_to_psql(os.path.join(HERE, "sql/pgbench/items_limit100.sql"), {"base": self.base, "prec": self.prec})
        sql = sql.replace("ORDER BY id LIMIT 100", "ORDER BY id")
        t0 = time.perf_counter()
        with open(os.devnull, "w") as devnull:
            rc = subprocess.run(["psql", "-X", "-Atq", "-d", DB, "-c", sql], env=PG_ENV, stdout=devnull,
                                stderr=subprocess.PIPE, timeout=600).returncode
        wall = time.perf_counter() - t0
        self.results["download_ceiling_s"] = wall if rc == 0 else None
        log(f"download ceiling: PostGIS builds the whole collection in {wall:.1f} s")

    # -- profile ------------------------------------------------------------------------------------
    def profile(self, seconds=10):
        """JFR execution samples of the server under each workload (after the measured runs, so JFR's own cost
        does not touch the numbers above): the hottest methods, self and inclusive."""
        prof = {}
        for name, title, paths, *_ in WORKLOADS:
            if self.workloads and name not in self.workloads:
                continue
            summary = self.profile_run(name, title, seconds, self.server_for(name)[1],
                                       lambda: self.run_wrk(name + "_profiled", paths, seconds, False))
            if summary:
                prof[name] = summary
        self.results["profile"] = prof

    def profile_run(self, label, title, seconds, pid, load, groups=None):
        """One JFR recording of the server (process pid) while load() runs for `seconds`, summarised into
        bench/work/raw/profile_LABEL.txt: the share of samples in each of groups (PROFILE_GROUPS unless given) and the
        hottest methods."""
        jfr_file = os.path.join(self.work, "raw", f"profile_{label}.jfr")
        if os.path.exists(jfr_file):
            os.remove(jfr_file)
        subprocess.run(["jcmd", str(pid), "JFR.start", f"name=bench_{label}", "settings=profile",
                        f"filename={jfr_file}"], capture_output=True, text=True, timeout=60)
        load()
        subprocess.run(["jcmd", str(pid), "JFR.stop", f"name=bench_{label}"], capture_output=True,
                       text=True, timeout=60)
        if not os.path.exists(jfr_file):
            log(f"profile {label}: no JFR recording")
            return None
        out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                              jfr_file], capture_output=True, text=True, timeout=300)
        try:
            events = json.loads(out.stdout)["recording"]["events"]
        except (ValueError, KeyError):
            log(f"profile {label}: cannot read the JFR output")
            return None
        groups = groups or PROFILE_GROUPS
        gcount = {g: 0 for g in groups}
        own, incl, total = {}, {}, 0
        for ev in events:
            frames = (ev.get("values", {}).get("stackTrace") or {}).get("frames") or []
            if not frames:
                continue
            total += 1
            names = []
            for fr in frames:
                m = fr.get("method", {})
                names.append(f"{m.get('type', {}).get('name', '?')}.{m.get('name', '?')}")
            own[names[0]] = own.get(names[0], 0) + 1
            for g, prefix in groups.items():
                if any(n.startswith(prefix) for n in names):
                    gcount[g] += 1
            for n in set(names):
                incl[n] = incl.get(n, 0) + 1
        top_own = sorted(own.items(), key=lambda kv: -kv[1])[:25]
        top_incl = sorted(((k, v) for k, v in incl.items() if not k.startswith("java.lang.Thread.")),
                          key=lambda kv: -kv[1])[:60]
        with open(os.path.join(self.work, "raw", f"profile_{label}.txt"), "w") as f:
            f.write(f"{total} execution samples, {title}, {seconds} s of wrk\n\ngroups (inclusive):\n")
            f.writelines(f"{100 * v / max(1, total):6.1f} %  {k}\n" for k, v in gcount.items())
            f.write("\nself:\n")
            f.writelines(f"{100 * v / total:6.1f} %  {k}\n" for k, v in top_own)
            f.write("\ninclusive:\n")
            f.writelines(f"{100 * v / total:6.1f} %  {k}\n" for k, v in top_incl)
        log(f"profile {label}: {total} samples; top self {top_own[:3]}")
        return {"samples": total, "groups": {k: 100 * v / max(1, total) for k, v in gcount.items()},
                "self": [(k, 100 * v / total) for k, v in top_own[:8]],
                "inclusive": [(k, 100 * v / total) for k, v in top_incl]}

    # -- report ---------------------------------------------------------------------------------------
    def machine(self):
        def cmd(args):
            try:
                return subprocess.run(args, capture_output=True, text=True, timeout=30, env=PG_ENV).stdout.strip()
            except Exception:
                return "?"
        cpu = "?"
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(open("/proc/meminfo").readline().split()[1]) // 1024
        java = cmd(["java", "-version"]) or subprocess.run(["java", "-version"], capture_output=True,
                                                           text=True).stderr.splitlines()[0]
        jar = self.jar or os.path.join(os.path.dirname(HERE), "server/target/urbis.jar")
        return {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu": f"{cpu}, {os.cpu_count()} cores", "memory": f"{mem} MiB", "kernel": platform.release(),
            "java": java.splitlines()[0] if java else "?",
            "postgres": psql("SELECT version()").split(" on ")[0],
            "postgis": psql("SELECT postgis_lib_version()").strip(),
            "wrk": cmd(["wrk", "-v"]).splitlines()[0] if cmd(["wrk", "-v"]) else "?",
            "commit": cmd(["git", "-C", os.path.dirname(HERE), "rev-parse", "--short", "HEAD"]) or "(no commit)",
            "jar": f"{os.environ.get('BENCH_JAR') or 'server/target/urbis.jar'} built {datetime.datetime.fromtimestamp(os.path.getmtime(jar)).strftime('%Y-%m-%d %H:%M:%S')}"
                   f", sha256 {cmd(['sha256sum', jar])[:12]}, run from a copy (bench/work/urbis.jar), "
                   f"`java -Xmx1g`" if os.path.exists(jar) else "?",
        }

    def report(self, phases_run):
        """results.json; RESULTS.md unless only the auth phase ran, and the auth report when it did."""
        r = self.results
        r["checks"] = self.checks
        r["machine"] = self.machine()
        r["settings"] = {"duration_s": self.duration, "warmup_s": self.warmup, "jit_warmup_s": self.jit_warmup_s,
                         "connections": self.conns, "threads": self.threads}
        try:
            text = open(os.path.join(self.work, "server.log"), errors="replace").read()
            r["server_log_errors"] = len(re.findall(r":ERROR:|\bSEVERE\b", text))
            r["server_log_broken_pipes"] = len(re.findall(r"EofException: Broken pipe", text))
        except OSError:
            r["server_log_errors"] = None
        with open(os.path.join(self.work, "results.json"), "w") as f:
            json.dump(r, f, indent=2)
        if "auth" in phases_run:
            self.report_auth()
        if "writes" in phases_run:
            self.report_writes()
        if phases_run - {"auth", "writes"}:
            self.report_main()

    def report_main(self):
        r = self.results
        m = r["machine"]
        L = []
        L.append("# Urbis benchmark results\n")
        L.append(f"Run {m['date']} by `bench/run.sh` (commit {m['commit']}). Raw outputs: `bench/work/` "
                 f"(not committed). What is measured and how to read it: `bench/README.md`.\n")
        L.append(f"Load: {self.conns} connections, {self.threads} load-generator threads, {self.warmup} s warm-up "
                 f"then {self.duration} s measured, per workload and side, over loopback. Urbis side: `wrk`; "
                 f"PostGIS side (the ceiling): `pgbench -M prepared` running SQL that builds the same GeoJSON "
                 f"document in PostgreSQL. Before the first measured workload the server ran every workload for "
                 f"{r.get('jit_warmup', {}).get('seconds_per_workload', 0)} s (JIT warm-up: a server runs for days; "
                 f"the compiler's CPU during the measured runs is still counted, in its own column).\n")
        L.append("## Throughput against the ceiling\n")
        L.append("| workload | Urbis req/s | Urbis p50 / p99 ms | PostGIS req/s | PostGIS p50 / p99 ms | ratio | target | result |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---|")
        for name, title, *_ in WORKLOADS:
            w = r["workloads"].get(name)
            if not w:
                L.append(f"| {title} | not run | | | | | | |")
                continue
            u, p = w["urbis"], w["postgis"]
            err = f" ({u['errors']} errors)" if u["errors"] else ""
            L.append(f"| {title} | {u['rps']:.1f}{err} | {u['p50_ms']:.2f} / {u['p99_ms']:.2f} | {p['rps']:.1f} | "
                     f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f} | **{w['ratio']:.2f}×** | ≥ {w['target']}× | "
                     f"{'PASS' if w['pass'] else 'FAIL'} |")
        L.append("")
        if r["workloads"]:
            L.append("Where the CPU went, in ms of CPU per request (2 cores shared by everything; PostgreSQL "
                     "counted from its processes, exited backends included). \"Others\" is the share of the "
                     "machine's CPU taken by processes outside the benchmark during the run: above a few % "
                     "the run was disturbed.\n")
            L.append("| workload | Urbis: JVM | of it JIT compiler | Urbis: PostgreSQL | Urbis: wrk | PostGIS: PostgreSQL | PostGIS: pgbench | CPU-cost ratio | others (Urbis / PostGIS run) | bytes/response |")
            L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for name, title, *_ in WORKLOADS:
                w = r["workloads"].get(name)
                if not w:
                    continue
                u, p = w["urbis"], w["postgis"]
                L.append(f"| {title} | {u['cpu_java_ms_per_req']:.3f} | {u.get('cpu_jit_ms_per_req', 0):.3f} | "
                         f"{u['cpu_pg_ms_per_req']:.3f} | "
                         f"{u['cpu_loadgen_ms_per_req']:.3f} | {p['cpu_pg_ms_per_req']:.3f} | "
                         f"{p['cpu_loadgen_ms_per_req']:.3f} | {cost_ratio(u, p):.2f}× | "
                         f"{u['other_pct']:.0f} % / {p['other_pct']:.0f} % | "
                         f"{u['bytes_per_req']:,.0f} |")
            L.append("")
            L.append("CPU-cost ratio = (PostgreSQL + pgbench CPU per request) ÷ (JVM + PostgreSQL + wrk CPU per request): "
                     "the throughput ratio to expect when CPU is the limit, and much less sensitive than req/s to "
                     "other load on the machine.\n")
        d = r.get("deep")
        L.append("## Deep pages\n")
        if d and d.get("deep_path"):
            L.append(f"Page {self.deep_pages} of `limit=100` reached by following `next` links from page 1 "
                     f"({d['crawl_s']:.1f} s for the walk); then page 1 and page {self.deep_pages} requested "
                     f"{d['reps']} times each, interleaved, one keep-alive connection.\n")
            L.append("| | page 1 | page " + str(self.deep_pages) + " | ratio | target | result |")
            L.append("|---|---:|---:|---:|---:|---|")
            L.append(f"| Urbis median ms | {d['p1_median_ms']:.2f} | {d['pn_median_ms']:.2f} | **{d['ratio']:.2f}×** | "
                     f"≤ 1.5× | {'PASS' if d['pass'] else 'FAIL'} |")
            L.append(f"| Urbis p90 ms | {d['p1_p90_ms']:.2f} | {d['pn_p90_ms']:.2f} | | | |")
            if d.get("pg_p1_median_ms") and d.get("pg_pn_median_ms"):
                L.append(f"| PostGIS median ms (keyset, same document) | {d['pg_p1_median_ms']:.2f} | "
                         f"{d['pg_pn_median_ms']:.2f} | {d['pg_pn_median_ms'] / d['pg_p1_median_ms']:.2f}× | | |")
            L.append(f"\nPage {self.deep_pages} URL: `{d['deep_path']}`\n")
        else:
            L.append(f"FAIL: page {self.deep_pages} could not be reached (see checks).\n")
        L.append("## Full download\n")
        L.append("All 200,000 buildings, server RSS (`VmRSS`) sampled every 100 ms. First as one response "
                 "(`limit=200000`; the benchmark configures `maxLimit: 200000`) right after start-up and the "
                 "correctness checks; then, after all throughput workloads, by following `next` links at "
                 "`limit=10000` (the default maximum page size). Seconds: request to last byte, summed over "
                 "pages (the client's JSON parsing excluded).\n")
        L.append("| run | limit | pages | MB | first byte s | seconds | RSS before MB | RSS peak MB | growth MB | target | result | GCs | max heap after GC MB | max heap committed MB |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
        for label, dl in r.get("download", {}).items():
            gc = dl.get("gc") or {}
            L.append(f"| {label} | {dl['limit']} | {dl['pages']} | {dl['mb']:.0f} | {dl['ttfb_s'] or 0:.2f} | "
                     f"{dl['server_s']:.1f} | {dl['rss_before_mb']:.0f} | {dl['rss_peak_mb']:.0f} | "
                     f"**{dl['growth_mb']:.0f}** | < 100 | {'PASS' if dl['pass'] else 'FAIL'} | "
                     f"{gc.get('collections', '?')} | {gc.get('max_after_gc_mb', '?')} | {gc.get('max_committed_mb', '?')} |")
        L.append("\nThe last three columns come from the server's GC log (`bench/work/gc.log`): heap left after a "
                 "collection is what the server really holds while streaming; RSS follows the committed heap, "
                 "which G1 grows under allocation pressure up to `-Xmx`.")
        if r.get("download_ceiling_s"):
            L.append(f"\nPostGIS alone builds the same 200,000 features as one document in "
                     f"{r['download_ceiling_s']:.1f} s (psql, one query, output discarded).\n")
        if r.get("profile"):
            L.append("## Where the server spends its CPU (JFR samples)\n")
            L.append("Sampled after the measured runs, 10 s of the same load per workload; full lists in "
                     "`bench/work/raw/profile_*.txt`, recordings in `profile_*.jfr`. Hottest methods by own time:\n")
            for name, title, *_ in WORKLOADS:
                pr = r["profile"].get(name)
                if not pr or not pr["samples"]:
                    continue
                L.append(f"- {title} ({pr['samples']} samples). Inclusive: " +
                         ", ".join(f"{k} {v:.0f} %" for k, v in pr["groups"].items()) + ". Hottest own: " +
                         "; ".join(f"`{k.split('/')[-1]}` {v:.0f} %" for k, v in pr["self"][:4]))
            L.append("")
        L.append("## Correctness checks\n")
        L.append("Responses are compared with the PostGIS documents: same ids in the same order, same geometry "
                 f"({self.prec} decimals, `coordinatePrecision` in `bench/urbis-bench.yaml`), same properties.\n")
        for c in self.checks:
            L.append(f"- {'PASS' if c['ok'] else '**FAIL**'} {c['name']}" + (f": {c['detail']}" if c['detail'] else ""))
        if r.get("server_log_errors"):
            L.append(f"- server log (`bench/work/server.log`): {r['server_log_errors']} ERROR entries; "
                     f"{r.get('server_log_broken_pipes', 0)} \"Broken pipe\" exceptions (wrk closes its connections "
                     f"mid-response when a timed run ends)")
        L.append("")
        L.append("## Machine\n")
        for k in ("cpu", "memory", "kernel", "java", "postgres", "postgis", "wrk", "jar"):
            L.append(f"- {k}: {m[k]}")
        L.append("")
        with open(self.out, "w") as f:
            f.write("\n".join(L))
        log(f"wrote {self.out}")

    def report_auth(self):
        m = self.results["machine"]
        a = self.results.get("auth")
        L = []
        if a:
            L.append(f"Machine: {m['cpu']}, {m['java']}. Load average (1, 5, 15 min) {load_text(a['load'])} the "
                     f"measured rounds.\n")
            L.append(f"{a['rounds']} rounds; in each, every workload ran {a['seconds']} s per variant, the variants' "
                     f"order rotating from round to round; {self.conns} connections, {self.threads} wrk threads, one "
                     f"server. Cost ratio = anonymous req/s ÷ req/s with the credentials in the same round (the time a "
                     f"request takes with them, relative): the median over the rounds, their range, and the ratio of "
                     f"all rounds' req/s together. CPU ratio: JVM + PostgreSQL + wrk CPU per request over all rounds, "
                     f"against anonymous. \"Others\": the machine's CPU taken by processes outside the benchmark "
                     f"(Keycloak's included).\n")
            L.append("| workload | variant | req/s | p50 / p99 ms | JVM CPU ms/req | all CPU ms/req | cost ratio | "
                     "rounds: min–max | all rounds | CPU ratio | target | result | others |")
            L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
            titles = {name: title for name, title, *_ in WORKLOADS}
            for w, by_variant in a["summary"].items():
                for v, d in by_variant.items():
                    err = f" ({d['errors']} errors)" if d["errors"] else ""
                    row = (f"| {titles[w]} | {v} | {d['rps']:.1f}{err} | {d['p50_ms']:.2f} / {d['p99_ms']:.2f} | "
                           f"{d['cpu_java_ms_per_req']:.3f} | {d['cpu_all_ms_per_req']:.3f} | ")
                    if "cost_ratio" in d:
                        c = d["cost_ratio_rounds"]
                        row += (f"**{d['cost_ratio']:.3f}×** | {c['min']:.3f}–{c['max']:.3f} | "
                                f"{d['cost_ratio_overall']:.3f}× | {d['cpu_ratio']:.3f}× | " +
                                (f"≤ {AUTH_TARGET}× | {'PASS' if d['pass'] else 'FAIL'} |" if "pass" in d
                                 else "(information) | |"))
                    else:
                        row += "1 | | | 1 | | |"
                    L.append(row + f" {d['other_pct']:.0f} % |")
            L.append("")
            L.append("\"padded\" is an anonymous request with a header of no meaning (`X-Bench-Padding`) as long as the "
                     "token's `Authorization` header: what carrying those bytes costs (wrk building the request, the "
                     "kernel, Jetty and Jersey parsing it). The bearer token against it, i.e. what checking a token "
                     "costs beyond its bytes (median of the rounds): " + ", ".join(
                         f"{titles[w]} {by_variant['jwt']['beyond_padding_ratio']:.3f}×"
                         for w, by_variant in a["summary"].items()) + ".\n")
            if a.get("profile"):
                groups = ["authentication (io.urbis.security.Authentication)", "JWT checks (com.nimbusds)",
                          "access views (io.urbis.access.CatalogViews)"]
                L.append(f"Where the JVM's time goes, in % of JFR execution samples (10 s per workload "
                         f"and variant after the measured rounds; full lists in `bench/work/raw/profile_auth_*.txt`):\n")
                L.append("| workload | variant | samples | " + " | ".join(groups) + " |")
                L.append("|---|---|---:|" + "---:|" * len(groups))
                for w, by_variant in a["profile"].items():
                    for v, p in by_variant.items():
                        L.append(f"| {titles[w]} | {v} | {p['samples']} | " +
                                 " | ".join(f"{p['groups'].get(g, 0):.1f} %" for g in groups) + " |")
                L.append("")
            L.append("req/s per round (the order of the variants rotates):\n")
            L.append("| round | " + " | ".join(f"{w} {v}" for w in AUTH_WORKLOADS for v in AUTH_VARIANTS) + " |")
            L.append("|---:|" + "---:|" * (len(AUTH_WORKLOADS) * len(AUTH_VARIANTS)))
            for rnd in range(1, a["rounds"] + 1):
                rps = {(x["workload"], x["variant"]): x["rps"] for x in a["runs"] if x["round"] == rnd}
                L.append(f"| {rnd} | " + " | ".join(f"{rps[(w, v)]:.0f}" for w in AUTH_WORKLOADS
                                                   for v in AUTH_VARIANTS) + " |")
            L.append("")
        self.write_phase_report("the cost of credentials", "Credentials", L if a else None, "auth", self.auth_out)

    def report_writes(self):
        m = self.results["machine"]
        w = self.results.get("writes")
        L = []
        if w:
            commit = w["commit"]
            L.append(f"Machine: {m['cpu']}, {m['java']}, {m['postgres']}. Load average (1, 5, 15 min) "
                     f"{load_text(w['load'])} the measured runs. PostgreSQL commits with `synchronous_commit = "
                     f"{commit['synchronous_commit']}`, `fsync = {commit['fsync']}`, `wal_sync_method = "
                     f"{commit['wal_sync_method']}`: every write waits for its WAL flush.\n")
            L.append(f"For each kind and connection count {w['rounds']} rounds of {w['seconds']} s per side, Urbis "
                     f"first in odd rounds, PostgreSQL alone first in even ones. Urbis: wrk, `lua/writes.lua`, one "
                     f"thread per connection, the API key of a role that may write `edits`; PostgreSQL alone: `pgbench"
                     f" -M prepared`, as many clients, the server's statements of the same write in one transaction "
                     f"with its audit row. Writes/s: committed writes (201, 204) per second over the rounds; 412: "
                     f"PATCHes whose If-Match no longer held (the client then GETs the feature and patches it again: "
                     f"GETs); latency: of every POST or PATCH, whatever its answer (the median of the rounds' "
                     f"percentiles). Ratio: Urbis writes/s ÷ PostgreSQL alone's transactions/s, the median of the "
                     f"rounds, and their range. CPU per committed write: the JVM (of it its JIT compiler), pgbench "
                     f"(the client of the same statements), PostgreSQL with Urbis and alone (every process of the "
                     f"cluster: other databases' work counts too). \"Others\": the machine's CPU taken by processes "
                     f"outside the benchmark.\n")
            titles = {name: title for name, title, *_ in WRITE_KINDS}
            L.append("| writes | connections | Urbis writes/s | p50 / p99 ms | 412 | GETs (p50 ms) | failed | "
                     "PostgreSQL alone tx/s | p50 / p99 ms | ratio | rounds: min–max | JVM ms/write (of it JIT) | "
                     "pgbench ms/tx | PostgreSQL ms/write: Urbis / alone | others: Urbis / alone |")
            L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for run in w["runs"]:
                u, p = run["urbis"], run["postgis"]
                ratio, spread = (f"{run['ratio']:.2f}×", "–".join(f"{x:.2f}" for x in run["ratio_rounds"])) \
                    if run["ratio"] is not None else ("–", "")
                gets = f"{u['gets']} ({u['get_p50_ms']:.1f})" if u["gets"] else "0"
                L.append(f"| {titles[run['kind']]} | {run['connections']} | **{u['writes_per_s']:.0f}** | "
                         f"{u['p50_ms']:.1f} / {u['p99_ms']:.1f} | {u['n412']} | {gets} | {u['failed']} | "
                         f"{p['rps']:.0f} | {p['p50_ms']:.1f} / {p['p99_ms']:.1f} | {ratio} | {spread} | "
                         f"{u['cpu_java_ms_per_write']:.3f} ({u['cpu_jit_ms_per_write']:.3f}) | "
                         f"{p['cpu_loadgen_ms_per_req']:.3f} | {u['cpu_pg_ms_per_write']:.3f} / "
                         f"{p['cpu_pg_ms_per_req']:.3f} | {u['other_pct']:.0f} % / {p['other_pct']:.0f} % |")
            L.append("")
            if w.get("profile"):
                groups = [g for g in WRITE_PROFILE_GROUPS if g not in PROFILE_GROUPS or g in (
                    "JDBC driver (org.postgresql)", "Jackson", "access views (io.urbis.access.CatalogViews)")]
                L.append("Where the JVM's time goes, in % of JFR execution samples (10 s per kind at 4 connections "
                         "after the measured runs; full lists in `bench/work/raw/profile_writes_*.txt`):\n")
                L.append("| writes | samples | " + " | ".join(groups) + " |")
                L.append("|---|---:|" + "---:|" * len(groups))
                for kind, pr in w["profile"].items():
                    L.append(f"| {titles[kind]} | {pr['samples']} | " +
                             " | ".join(f"{pr['groups'].get(g, 0):.1f} %" for g in groups) + " |")
                L.append("")
        self.write_phase_report("feature writes", "Writes", L if w else None, "writes", self.writes_out)

    def write_phase_report(self, title, section, body, prefix, out):
        """The report of a phase with its own file: where and how it ran, the body's lines (None: not measured) and
        the phase's checks (those whose name starts with prefix)."""
        m = self.results["machine"]
        L = [f"# Urbis benchmark: {title}\n",
             f"Run {m['date']} by `bench/run.sh` (commit {m['commit']}; {m['jar']}). How it is measured: "
             f"`bench/README.md`, \"{section}\". Raw outputs: `bench/work/` (not committed).\n"]
        L += ["**Not measured**: see the checks below.\n"] if body is None else body
        L.append("## Checks\n")
        L += [f"- {'PASS' if c['ok'] else '**FAIL**'} {c['name']}" + (f": {c['detail']}" if c['detail'] else "")
              for c in self.checks if c["name"].startswith(prefix)]
        L.append("")
        with open(out, "w") as f:
            f.write("\n".join(L))
        log(f"wrote {out}")

    def main(self, only):
        def want(p):
            return not only or p in only
        self.write_inputs()
        phases = [
            ("sanity", self.sanity),
            ("download", lambda: self.download("one response, fresh server", 200000)),
            ("throughput", lambda: self.throughput(self.workloads)),
            ("auth", self.auth),
            ("writes", self.writes),
            ("deep", self.deep),
            ("download", lambda: self.download("next links, warm server", 10000)),
            ("download", self.download_ceiling),
            ("profile", self.profile),
        ]
        phases_run = set()
        try:
            for phase, run in phases:
                if not want(phase):
                    continue
                phases_run.add(phase)
                if proc_rss_kb(self.pid) is None:
                    self.check(f"{phase}: server process alive", False, f"pid {self.pid} is gone")
                    break
                try:
                    run()
                except Exception as e:  # one broken phase must not hide the others
                    self.check(f"{phase}: completed", False, f"{type(e).__name__}: {e}"[:500])
        finally:
            self.report(phases_run)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--cached-base", default="", help="the server with the tile cache, for tiles_cached")
    ap.add_argument("--cached-pid", type=int, default=0)
    ap.add_argument("--work", default=os.path.join(HERE, "work"))
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--duration", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--jit-warmup", type=int, default=60)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--deep-pages", type=int, default=1000)
    ap.add_argument("--deep-reps", type=int, default=200)
    ap.add_argument("--workloads", default="", help="comma-separated: limit100,limit1000,bbox,item,tiles,tiles_cached")
    ap.add_argument("--gc-log", default="", help="the server's -Xlog:gc file")
    ap.add_argument("--jar", default="", help="the jar that was started (for the report)")
    ap.add_argument("--only", default="",
                    help="comma-separated phases: sanity,download,throughput,auth,writes,deep,profile")
    ap.add_argument("--api-key-file", default="", help="the API key of the auth phase")
    ap.add_argument("--token-file", default="", help="the bearer token of the auth phase")
    ap.add_argument("--auth-rounds", type=int, default=10)
    ap.add_argument("--auth-seconds", type=int, default=3)
    ap.add_argument("--auth-out", default=os.path.join(HERE, "RESULTS-auth.md"))
    ap.add_argument("--writer-key-file", default="", help="the API key of the writes phase (role writer)")
    ap.add_argument("--writes-seconds", type=int, default=3, help="per round, side, kind and connection count")
    ap.add_argument("--writes-rounds", type=int, default=3)
    ap.add_argument("--writes-connections", default="1,4,8", help="comma-separated connection counts")
    ap.add_argument("--writes-out", default=os.path.join(HERE, "RESULTS-writes.md"))
    args = ap.parse_args()
    Bench(args).main(args.only.split(",") if args.only else None)


if __name__ == "__main__":
    main()
