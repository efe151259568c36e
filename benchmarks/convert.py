"""Benchmark ``disclosure-exporter convert`` on a generated register of N issuances (xlsx and csv).

    .venv/bin/python benchmarks/convert.py                      # 10,000 issuances, --jobs 1 and 2
    .venv/bin/python benchmarks/convert.py -n 2000 --jobs 2 --formats csv
    .venv/bin/python benchmarks/convert.py -n 1000 --jobs --stages 500    # only the in-process stages

Each run is the real command in a fresh process (`python -m exporter.cli convert ...`), so the
time includes start-up, reading, rendering, validating both documents of every issuance and
writing. Peak memory is sampled from /proc every 50 ms: the total of the command and all its worker
processes (proportional set size, so pages the forked workers share are counted once), and the
largest resident set of a single process. CPU seconds (user plus system) of the command and its
workers are sampled the same way; a busy machine inflates them less than the wall-clock seconds. The
register is generated deterministically: layout a, English, 1-3 recipient categories per issuance, a
mix of exact and "not exceeding" counts, paid and free issues.

``--stages N`` adds where an issuance's CPU time goes: each stage ``convert`` runs (reading the
rows, the models, the facts, each document built and serialized, our validator on each document),
timed in this process over the first N issuances of the csv register, in milliseconds per issuance.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADERS = ["ID", "Company name", "Securities code", "Announcement date", "Series", "Plan type", "Resolution date",
           "Allotment date", "Number of rights", "Shares per right", "Class of shares", "Number of shares",
           "Amount paid per right", "Amount paid per share", "Payment method", "Exercise price per share",
           "Exercise period", "Allotment", "Currency"]
CATEGORIES = ["Directors of the Company", "Executive Officers of the Company", "Employees of the Company",
              "Directors of subsidiaries", "Employees of subsidiaries"]


def issuance_row(i: int) -> list:
    """Issuance i: valid, varied, deterministic."""
    code = f"{1300 + i % 8000:04d}"
    announced = dt.date(2015, 1, 5) + dt.timedelta(days=i % 3000)
    resolved = announced - dt.timedelta(days=i % 20)
    parts = 1 + i % 3
    persons = [1 + (i * 7 + k) % 30 for k in range(parts)]
    rights = [10 + (i * 13 + k * 5) % 500 for k in range(parts)]
    upper = i % 4 == 0
    mark = "up to " if upper else ""
    allotment = "; ".join(f"{CATEGORIES[(i + k) % len(CATEGORIES)]}: {persons[k]} persons, {mark}{rights[k]} rights"
                          for k in range(parts))
    total = sum(rights)
    per_right = 100 * (1 + i % 3)
    compensation = i % 2 == 0
    start = announced + dt.timedelta(days=30)
    end = start + dt.timedelta(days=365 * 10)
    free = i % 5 == 0
    price_per_share = 1 if compensation else 500 + i % 3000
    paid_per_share = 0 if free else 100 + i % 900
    return [
        f"R{i + 1:05d}", f"Company {i % 8000} Inc.", code, announced, f"{1 + i % 20}th Series Stock Acquisition Rights",
        "Stock compensation" if compensation else "Ordinary", resolved, announced + dt.timedelta(days=14),
        ("not exceeding " if upper else "") + f"{total:,}", per_right, "common stock",
        ("not exceeding " if upper else "") + f"{total * per_right:,}",
        "No payment" if free else f"¥{paid_per_share * per_right:,}", None if free else f"¥{paid_per_share:,}",
        "Offset against remuneration claims." if not free else None, f"¥{price_per_share:,}",
        f"From {start:%B} {start.day}, {start.year} to {end:%B} {end.day}, {end.year}", allotment, "JPY",
    ]


def write_register(path: Path, n: int) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(HEADERS)
            for i in range(n):
                writer.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in issuance_row(i)])
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(HEADERS)
    for i in range(n):
        sheet.append(issuance_row(i))
    workbook.save(path)


def _memory(pid: int) -> tuple[int, int]:
    """(resident, proportional) bytes of one process: RSS, and PSS (shared pages split between their
    sharers, so that forked workers are not counted twice); PSS falls back to RSS."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0, 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return resident, int(line.split()[1]) * 1024
    except OSError:
        pass
    return resident, resident


TICKS = os.sysconf("SC_CLK_TCK")


def _tree_rss(pid: int, cpu: dict[int, float] | None = None) -> tuple[int, int]:
    """(total PSS, largest RSS) of pid and all its descendants (Linux /proc); ``cpu`` gets each one's
    user plus system seconds so far."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        try:
            parent = int(fields[1])
            times[int(entry)] = (int(fields[11]) + int(fields[12])) / TICKS
        except (IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, largest, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        if cpu is not None and current in times:
            cpu[current] = times[current]
        resident, proportional = _memory(current)
        total += proportional
        largest = max(largest, resident)
        stack += children.get(current, [])
    return total, largest


def run(register: Path, outdir: Path, jobs: int) -> dict:
    command = [sys.executable, "-c", "from exporter.cli import main; main()", "convert", str(register), "-o", str(outdir),
               "--jobs", str(jobs), "--force"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, peak_single = 0, 0
    cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (workers are not the command's children)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_single
        while not done.is_set():
            total, largest = _tree_rss(process.pid, cpu)
            peak, peak_single = max(peak, total), max(peak_single, largest)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    cpu_seconds = sum(cpu.values())  # sampled every 50 ms: short of each process's last moments
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"convert failed ({process.returncode}):\n{out}\n{err[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_tree_mb": peak / 2**20, "peak_single_mb": peak_single / 2**20,
            "summary": out.strip().splitlines()[-1]}


STAGES = ("read", "model", "facts", "instance", "inline", "validate instance", "validate inline")


def stages(register: Path, n: int) -> dict[str, float]:
    """CPU milliseconds per issuance of each stage ``convert`` runs, in this process, over the first
    ``n`` issuances (after one warm-up): reading the rows, building the models (cells and pydantic),
    the facts, each document built and serialized, and our validator on each document's bytes."""
    from exporter.documents import build_inline, build_instance, serialize, serialize_inline
    from exporter.facts import build_factset
    from exporter.sources.spreadsheet.headers import default_headers
    from exporter.sources.spreadsheet.layouts import read_records
    from exporter.sources.spreadsheet.reader import open_register
    from exporter.sources.spreadsheet.register import build_filing
    from exporter.validation import validate_bytes

    clock = time.process_time
    totals = dict.fromkeys(STAGES, 0.0)
    with open_register(register) as source:
        started = clock()
        _plan, records = read_records(source, default_headers())
        chosen = [record for _, record in zip(range(n + 1), records, strict=False)]
        totals["read"] = clock() - started
    for index, record in enumerate(chosen):
        marks = [clock()]
        filing = build_filing(record).filing
        marks.append(clock())
        factset = build_factset(filing)
        marks.append(clock())
        instance = serialize(build_instance(factset, None))
        marks.append(clock())
        inline = serialize_inline(build_inline(factset, "en", schema_href=None))
        marks.append(clock())
        valid = validate_bytes(instance, file="bench.xbrl").valid
        marks.append(clock())
        valid = validate_bytes(inline, file="bench-en.html").valid and valid
        marks.append(clock())
        if not valid:
            raise SystemExit(f"issuance {index + 1}: a generated document is invalid")
        if index:  # the first one warms the caches (schemas, taxonomy, templates)
            for stage, start, end in zip(STAGES[1:], marks[:-1], marks[1:], strict=True):
                totals[stage] += end - start
    return {stage: seconds * 1000 / max(len(chosen) - 1, 1) for stage, seconds in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="issuances in the register (default 10,000)")
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--formats", nargs="+", default=["xlsx", "csv"], choices=["xlsx", "csv"])
    parser.add_argument("--workdir", type=Path, help="keep the registers and outputs here")
    parser.add_argument("--stages", type=int, default=0, metavar="N",
                        help="also time each stage in-process over the first N issuances of the csv register")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="convert-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
          f"load average {os.getloadavg()[0]:.1f} before the runs")
    rows = ["| register | issuances | --jobs | seconds | issuances/s | CPU seconds, all processes | "
            "peak memory, all processes (PSS) | largest process (RSS) |", "|---|---|---|---|---|---|---|---|"]
    for fmt in args.formats:
        register = workdir / f"register-{args.n}.{fmt}"
        if not register.exists():
            started = time.perf_counter()
            write_register(register, args.n)
            print(f"generated {register} ({register.stat().st_size / 2**20:.1f} MB) in "
                  f"{time.perf_counter() - started:.1f} s")
        for jobs in args.jobs:
            outdir = workdir / f"out-{fmt}-{jobs}"
            shutil.rmtree(outdir, ignore_errors=True)  # a fresh folder: every file is written
            result = run(register, outdir, jobs)
            rows.append(f"| {fmt} | {args.n:,} | {jobs} | {result['seconds']:.1f} | "
                        f"{args.n / result['seconds']:,.0f} | {result['cpu_seconds']:.1f} | "
                        f"{result['peak_tree_mb']:,.0f} MB | "
                        f"{result['peak_single_mb']:,.0f} MB |")
            print(rows[-1], "   ", result["summary"], flush=True)
    print("\n".join(rows))
    if args.stages:
        register = workdir / f"register-{args.n}.csv"
        if not register.exists():
            write_register(register, args.n)
        per_stage = stages(register, min(args.stages, args.n - 1))
        print(f"\nCPU ms per issuance, in-process, first {min(args.stages, args.n - 1):,} issuances of the csv register:")
        print("| " + " | ".join(STAGES) + " | total |")
        print("|" + "---|" * (len(STAGES) + 1))
        print("| " + " | ".join(f"{per_stage[s]:.2f}" for s in STAGES) + f" | {sum(per_stage.values()):.2f} |")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
