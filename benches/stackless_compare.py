#!/usr/bin/env python3
"""Times weft's tasklets and channels against PyPy's `stackless` module and
Go's goroutines and unbuffered channels on the same programs, several runs
each; prints medians, the ratios weft/Go and weft/PyPy (lower is better for
weft), peak RSS for the memory-heavy programs, and the parallel speedup of a
CPU-bound program with all workers over `--workers 1`.

  ring      thread-ring: 503 tasklets pass a token N times
  pingpong  two tasklets exchange a value N times over two channels
  skynet    10-ary tree of tasklets with N leaves (1,111,111 tasklets at 1M)
  blocked   N tasklets blocked on one channel, then released one by one
  cpu       K tasklets each running a pure-Python arithmetic loop

The Python programs are benches/stackless/*.py (N from argv), the Go ones
benches/go/*.go, built with `go build` into a temporary directory (Go is
skipped when `go` is not installed, PyPy when `pypy3` is not). weft runs
twice: `weft-1` is `--workers 1`, `weft-N` uses all cores.

Not a test: the machine is shared and noisy, so only medians and ratios
mean something, and nothing here asserts on time. A peer whose single run
takes longer than --slow seconds is run only once for that benchmark.

usage: python3 benches/stackless_compare.py [--runs N] [--slow S]
           [--timeout S] [--weft PATH] [--size NAME=N ...] [--cpu K,M]
           [--only PEER,...] [--pypy-max NAME=N ...] [name ...]
       --size NAME=N1,N2 runs NAME at each size (one row each)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = os.path.join(ROOT, "benches", "stackless")
GO = os.path.join(ROOT, "benches", "go")

# name -> (default sizes (one table row each), expected output for a size,
# report peak RSS?)
BENCHES = {
    "ring": ([1000000], lambda n: str(n % 503 + 1), False),
    "pingpong": ([1000000], lambda n: str(n), False),
    "skynet": ([100000, 1000000], lambda n: str(n * (n - 1) // 2), True),
    "blocked": ([10000, 1000000], lambda n: str(n * (n - 1) // 2), True),
}
# PyPy's stackless gives every tasklet its own C stack slice: ~135 KB per
# blocked tasklet and ~13 GB / 80 s for skynet 1M, so bigger sizes are
# skipped for it (override with --pypy-max NAME=N).
PYPY_MAX = {"skynet": 100000, "blocked": 10000}


def build_weft():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "weft"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "weft")


def build_go(tmp):
    """name -> binary path, for every benches/go/*.go that builds."""
    if not shutil.which("go"):
        return {}
    env = dict(os.environ)
    env.setdefault("GOCACHE", os.path.join(tmp, "gocache"))
    bins = {}
    for f in sorted(os.listdir(GO)):
        if f.endswith(".go"):
            out = os.path.join(tmp, f[:-3])
            r = subprocess.run(["go", "build", "-o", out, os.path.join(GO, f)],
                               capture_output=True, text=True, env=env)
            if r.returncode == 0:
                bins[f[:-3]] = out
            else:
                print(f"go build {f} failed: {r.stderr.strip()[:200]}", file=sys.stderr)
    return bins


def run_once(cmd, timeout, env=None):
    """(seconds, stdout, peak RSS in KiB) or (None, error, None)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                p.returncode = -9
                return None, f"timeout after {timeout}s", None
            time.sleep(0.002)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        if p.returncode != 0:
            lines = err.read().decode(errors="replace").strip().splitlines()
            return None, f"exit {p.returncode}: " + (lines[-1] if lines else ""), None
        return dt, stdout.strip(), ru.ru_maxrss


def measure(cmd, runs, slow, timeout, expected=None, env=None):
    """{'time': median or None, 'rss': max KiB, 'runs': n, 'error': str}."""
    times, rss = [], 0
    for _ in range(runs):
        dt, out, kib = run_once(cmd, timeout, env)
        if dt is None:
            return {"time": None, "rss": None, "runs": len(times), "error": out}
        if expected is not None and out != expected:
            return {"time": None, "rss": kib, "runs": len(times) + 1,
                    "error": f"wrong output {out[:60]!r}, expected {expected!r}"}
        times.append(dt)
        rss = max(rss, kib)
        if dt > slow:
            break
    return {"time": statistics.median(times), "rss": rss, "runs": len(times), "error": None}


def fmt_time(m):
    if m is None:
        return "-"
    if m["error"] == "skipped":
        return "skip"
    if m["time"] is None:
        return "FAIL"
    return f"{m['time']:.3f}s" + ("" if m["runs"] > 1 else "*")


def fmt_rss(m):
    if m is None or m["rss"] is None:
        return "-"
    return f"{m['rss'] / 1024:.0f}MB"


def ratio(a, b):
    if a is None or b is None or a["time"] is None or b["time"] is None:
        return "-"
    return f"{a['time'] / b['time']:.2f}"


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    print(line(header))
    for r in rows:
        print(line(r))


def bench_row(name, n, expect, want_rss, peers, cmd_for, opts, rows, rss_rows):
    res = {}
    for peer, make in peers:
        cmd = cmd_for(peer, make, name, [str(n)])
        if cmd is None:
            continue
        if peer == "pypy3" and n > PYPY_MAX.get(name, n):
            res[peer] = {"time": None, "rss": None, "runs": 0, "error": "skipped"}
            continue
        res[peer] = measure(cmd, opts["runs"], opts["slow"], opts["timeout"], expect(n))
        m = res[peer]
        if m["error"] and m["error"] != "skipped":
            print(f"  {name} {n} on {peer}: {m['error']}")
    g = lambda p: res.get(p)
    rows.append([f"{name} {n:,}"] + [fmt_time(g(p)) for p, _ in peers] +
                [ratio(g("weft-1"), g("go")), ratio(g("weft-N"), g("go")),
                 ratio(g("weft-1"), g("pypy3")), ratio(g("weft-N"), g("pypy3"))])
    if want_rss:
        rss_rows.append([f"{name} {n:,}"] + [fmt_rss(g(p)) for p, _ in peers])


def parse_args(argv):
    opts = {"runs": 5, "slow": 30.0, "timeout": 600.0, "weft": None, "sizes": {},
            "cpu": (8, 2000000), "only": None, "names": []}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--runs", "--slow", "--timeout", "--weft", "--size", "--cpu", "--only", "--pypy-max"):
            v = argv[i + 1]
            i += 2
            if a == "--runs":
                opts["runs"] = int(v)
            elif a == "--slow":
                opts["slow"] = float(v)
            elif a == "--timeout":
                opts["timeout"] = float(v)
            elif a == "--weft":
                opts["weft"] = v
            elif a == "--size":
                k, n = v.split("=")
                opts["sizes"][k] = [int(x) for x in n.split(",")]
            elif a == "--pypy-max":
                k, n = v.split("=")
                PYPY_MAX[k] = int(n)
            elif a == "--cpu":
                k, m = v.split(",")
                opts["cpu"] = (int(k), int(m))
            else:
                opts["only"] = set(v.split(","))
        elif a in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        else:
            opts["names"].append(a)
            i += 1
    return opts


def main():
    opts = parse_args(sys.argv[1:])
    weft = opts["weft"] or build_weft()
    tmp = tempfile.mkdtemp(prefix="weft-bench-")
    try:
        go = build_go(tmp)
        peers = [("weft-1", lambda s: [weft, "--workers", "1", s]),
                 ("weft-N", lambda s: [weft, s])]
        if shutil.which("pypy3"):
            peers.append(("pypy3", lambda s: ["pypy3", s]))
        else:
            print("pypy3 not found: PyPy columns skipped")
        if go:
            peers.append(("go", None))
        else:
            print("go not found (or no Go program built): Go columns skipped")
        if opts["only"]:
            peers = [p for p in peers if p[0] in opts["only"]]
        names = opts["names"] or list(BENCHES) + ["cpu"]

        def cmd_for(peer, make, name, args):
            if peer == "go":
                return [go[name]] + args if name in go else None
            return make(os.path.join(PY, name + ".py")) + args

        print(f"{os.cpu_count()} CPUs; runs={opts['runs']} (* = a single run: --runs 1, or one run took > {opts['slow']:.0f}s)\n")
        rows, rss_rows = [], []
        for name in names:
            if name not in BENCHES:
                continue
            default, expect, want_rss = BENCHES[name]
            for n in opts["sizes"].get(name, default):
                bench_row(name, n, expect, want_rss, peers, cmd_for, opts, rows, rss_rows)
        if rows:
            table(["benchmark"] + [p for p, _ in peers] + ["w1/go", "wN/go", "w1/pypy", "wN/pypy"], rows)
        if rss_rows:
            print("\npeak RSS")
            table(["benchmark"] + [p for p, _ in peers], rss_rows)

        if "cpu" in names:
            k, m = opts["cpu"]
            print(f"\ncpu: {k} tasklets x {m:,} iterations of pure-Python arithmetic")
            res = {}
            for peer, make in peers:
                cmd = cmd_for(peer, make, "cpu", [str(k), str(m)])
                if cmd is None:
                    continue
                res[peer] = measure(cmd, opts["runs"], opts["slow"], opts["timeout"])
                if res[peer]["error"]:
                    print(f"  cpu on {peer}: {res[peer]['error']}")
            table(["peer", "median"], [[p, fmt_time(res.get(p))] for p, _ in peers])
            w1, wn = res.get("weft-1"), res.get("weft-N")
            if w1 and wn and w1["time"] and wn["time"]:
                print(f"weft speedup, all workers over --workers 1: {w1['time'] / wn['time']:.2f}x "
                      f"on {os.cpu_count()} CPUs")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
