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
``python -m exporter.cli`` where there is none.
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
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    line = next(line for line in done.stderr.splitlines() if line.startswith("DEPS="))
    names: list[str] = json.loads(line[len("DEPS="):])
    return names


def timed(argv: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
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
        for _ in range(args.repeat):
            for name, argv in cases.items():
                times[name].append(timed(argv, scratch))
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


if __name__ == "__main__":
    main()
