#!/usr/bin/env python3
"""Times weft against CPython (python3) and PyPy (pypy3, when installed) on
the same scripts, several runs each, in one run; prints medians and the
ratio weft/CPython (lower is better). Not a test: the machine is shared and
noisy, so only medians and ratios are meaningful.

Times are wall-clock by default; `--cpu` uses each run's CPU time (user +
system of the child), which other load on a shared machine disturbs far
less than wall time. The programs are single-threaded, so both measure the
same work when the machine is quiet.

usage: python3 benches/compare.py [--runs N] [--cpu] [name ...]
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = os.path.join(ROOT, "benches", "py")


def build_weft():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "weft"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "weft")


def time_once(cmd, cpu=False):
    t0 = time.perf_counter()
    r0 = os.times()
    out = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if cpu:
        r1 = os.times()
        dt = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["failed"]
    return dt, out.stdout


def main():
    args = sys.argv[1:]
    runs = 5
    cpu = False
    while args[:1] in (["--runs"], ["--cpu"]):
        if args[0] == "--cpu":
            cpu = True
            args = args[1:]
        else:
            runs = int(args[1])
            args = args[2:]
    names = args or sorted(f[:-3] for f in os.listdir(PY) if f.endswith(".py"))
    peers = [("weft", [build_weft()]), ("python3", [sys.executable])]
    if shutil.which("pypy3"):
        peers.append(("pypy3", ["pypy3"]))
    print(f"{'benchmark':<12}" + "".join(f"{p:>12}" for p, _ in peers) + f"{'weft/cpy':>10}")
    for name in names:
        script = os.path.join(PY, name + ".py")
        medians = {}
        outputs = {}
        for peer, cmd in peers:
            times = []
            for _ in range(runs):
                dt, out = time_once(cmd + [script], cpu)
                if dt is None:
                    times = None
                    outputs[peer] = out
                    break
                times.append(dt)
                outputs[peer] = out
            medians[peer] = statistics.median(times) if times else None
        cells = "".join(f"{medians[p]:>11.3f}s" if medians[p] else f"{'FAIL':>12}" for p, _ in peers)
        ratio = medians["weft"] / medians["python3"] if medians["weft"] and medians["python3"] else float("nan")
        same = "" if outputs.get("weft") == outputs.get("python3") else "  (output differs!)"
        print(f"{name:<12}{cells}{ratio:>10.2f}{same}")


if __name__ == "__main__":
    main()
