"""Benchmark the first impression: how long ``--help`` and a cold ``export`` take, side by side with
what they cannot avoid.

    .venv/bin/python benchmarks/startup.py              # 15 runs of each, medians
    .venv/bin/python benchmarks/startup.py --repeat 31

Every measurement is a fresh process, run in turn with the others (so a busy moment spreads over
all of them), timed from spawn to exit. The yardsticks:

* **bare ``import click``**: the floor for any click program (the interpreter's own start-up included);
  ``disclosure-exporter --help`` and every command's ``--help`` are compared with it;
* **import of export's dependencies**: a child imports exactly the third-party modules that a cold
  ``export`` of the seed ends up importing (found by running one and reading ``sys.modules``); the
  cold ``export`` (reading, validating the model, rendering and validating both documents,
  writing) is compared with it.

The command is the installed entry point next to this interpreter (``disclosure-exporter``), or
``python -m exporter.cli`` where there is none. Every process may cache compiled modules, in a
folder of the benchmark's own, as an installed copy has them (``installed_env``).

A second table splits one cold export, timed from the inside: the dependencies' import, the import
of our own modules (which builds the pydantic models), reading, the models, the documents, the first
validation (which builds the validator's schema models) and a second, warm export with its write.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "iij-2015-07-13.yaml"
HELPS = [[], ["export"], ["validate"], ["convert"], ["template"], ["taxonomy"], ["taxonomy", "package"], ["schema"],
         ["tag"]]


def command() -> list[str]:
    script = Path(sys.executable).with_name("disclosure-exporter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "exporter.cli"]


def installed_env(scratch: Path) -> dict[str, str]:
    """The environment of every measured process: Python may cache compiled modules (.pyc), as it does for
    an installed copy (pip compiles them at install time), in a folder of the benchmark's own.

    A checkout run with PYTHONDONTWRITEBYTECODE (or from a read-only tree) would otherwise compile
    every module of ours at every start-up while the third-party modules it is compared with load
    their compiled files: that measures the compiler, not the command.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


def export_dependencies(scratch: Path) -> list[str]:
    """The third-party modules (full dotted names) a cold ``export`` of the seed imports."""
    site = sysconfig.get_paths()["purelib"]
    probe = (
        "import sys, json\n"
        "from exporter.cli import main\n"
        f"try:\n    main(['export', {str(SEED)!r}, '-o', {str(scratch / 'probe')!r}, '--force'])\n"
        "except SystemExit:\n    pass\n"
        f"site = {site!r}\n"
        "names = sorted(n for n, m in list(sys.modules.items())\n"
        "               if (getattr(m, '__file__', None) or '').startswith(site)\n"
        "               and not n.startswith(('exporter', '_distutils_hack', '__editable__')))\n"
        "sys.stderr.write('\\nDEPS=' + json.dumps(names) + '\\n')\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False,
                          env=installed_env(scratch))
    line = next(line for line in done.stderr.splitlines() if line.startswith("DEPS="))
    names: list[str] = json.loads(line[len("DEPS="):])
    return names


# A cold export, phase by phase, in one fresh process: what it spends beyond its dependencies' import.
# The phases are the export command's own steps (exporter.cli.export), timed from the inside.
PHASES_SCRIPT = """
import json, sys, time
from pathlib import Path
marks = [time.perf_counter()]
import {deps}
marks.append(time.perf_counter())
from exporter.cli import main  # noqa: F401
from exporter.sources import load_filing
from exporter.export import export_filing, render_filing
marks.append(time.perf_counter())
filing = load_filing(Path({seed!r}))
marks.append(time.perf_counter())
from exporter.documents import build_inline, build_instance, serialize, serialize_inline
from exporter.facts import build_factset
factset = build_factset(filing)
serialize(build_instance(factset)); serialize_inline(build_inline(factset, "en"))
marks.append(time.perf_counter())
render_filing(filing, "en", stem="seed")  # builds again (a fraction of a millisecond) and validates
marks.append(time.perf_counter())
export_filing(filing, Path({out!r}), "seed", overwrite=True)  # everything again, warm, and the write
marks.append(time.perf_counter())
sys.stderr.write("PHASES=" + json.dumps([b - a for a, b in zip(marks, marks[1:])]) + "\\n")
"""
PHASES = ["import of export's dependencies", "import of our modules (models built)", "reading and the models",
          "facts and both documents", "validation, first time (validator's models built)",
          "a second export, warm (all steps, written)"]


def phases(deps: list[str], scratch: Path) -> list[float]:
    script = PHASES_SCRIPT.format(deps=", ".join(deps), seed=str(SEED), out=str(scratch / "phases"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT,
                          env=installed_env(scratch))
    line = next((line for line in done.stderr.splitlines() if line.startswith("PHASES=")), None)
    if line is None:
        raise SystemExit(f"the phase probe failed: {done.stderr[-500:]}")
    values: list[float] = json.loads(line[len("PHASES="):])
    return values


def timed(argv: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          env=installed_env(cwd))
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    cli = command()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as folder:
        scratch = Path(folder)
        deps = export_dependencies(scratch)
        cases: dict[str, list[str]] = {"bare `import click`": [sys.executable, "-c", "import click"]}
        for words in HELPS:
            cases[f"`disclosure-exporter {' '.join([*words, '--help'])}`"] = [*cli, *words, "--help"]
        cases["import of export's dependencies"] = [sys.executable, "-c", "import " + ", ".join(deps)]
        cases["cold `export` of the seed"] = [*cli, "export", str(SEED), "-o", str(scratch / "out"), "--force"]
        times: dict[str, list[float]] = {name: [] for name in cases}
        for argv in cases.values():  # one warm-up each (file system cache, .pyc files)
            timed(argv, scratch)
        split: list[list[float]] = []
        for _ in range(args.repeat):
            for name, argv in cases.items():
                times[name].append(timed(argv, scratch))
            split.append(phases(deps, scratch))
        shutil.rmtree(scratch / "out", ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    click_time = median["bare `import click`"]
    deps_time = median["import of export's dependencies"]
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
          f"{args.repeat} runs each, medians; command: {' '.join(Path(c).name for c in cli)}")
    print(f"export's dependencies ({len(deps)} modules): "
          f"{', '.join(sorted({d.split('.')[0] for d in deps}))}\n")
    print("| process | median | ratio |")
    print("|---|---|---|")
    for name, value in median.items():
        if name == "cold `export` of the seed":
            ratio = f"{value / deps_time:.2f}x its dependencies' import"
        else:
            ratio = f"{value / click_time:.2f}x bare click"
        print(f"| {name} | {value * 1000:.0f} ms | {ratio} |")
    print("\nWhere a cold export's time goes (one fresh process, timed from the inside; medians):\n")
    print("| phase | median |")
    print("|---|---|")
    for index, name in enumerate(PHASES):
        print(f"| {name} | {statistics.median(run[index] for run in split) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
