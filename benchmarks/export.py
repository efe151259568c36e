"""Benchmark building a filing: each stage in-process, and the ``export`` command as a fresh process.

    .venv/bin/python benchmarks/export.py                 # the seed and a 20-tranche notice
    .venv/bin/python benchmarks/export.py --tranches 50 --repeat 31 --lang en

Two notices: the seed (``samples/iij-2015-07-13.yaml``, one issuance) and a generated notice of N
RSU tranches (``coverage.tranche_notice``: each tranche with a payment date, shares, price, total
and two recipient categories, so the filing has its own extension taxonomy). For each, the stages
``export`` runs, timed in-process after a warm-up (medians of ``--repeat`` runs, wall-clock and CPU
milliseconds, since the machine may be shared): reading the file, the models (pydantic validation
and the rules), the facts, the extension taxonomy, the instance and the inline document (built and
serialized), and our validator on both documents. Then ``disclosure-exporter export`` itself as a
fresh process (start-up, imports and the validator's schema models included), with its exit code.

The validation stage validates both documents as they will stand, beside the extension taxonomy
when the filing has one (``export.validate_files``, which writes them to a scratch folder first).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from exporter.documents import build_inline, build_instance, serialize, serialize_inline  # noqa: E402
from exporter.export import output_names, validate_files  # noqa: E402
from exporter.facts import build_factset  # noqa: E402
from exporter.models import Filing  # noqa: E402
from exporter.sources.documents import read_document  # noqa: E402
from exporter.taxonomy.extension import build_extension  # noqa: E402

SEED = ROOT / "samples" / "iij-2015-07-13.yaml"
BEFORE_VALIDATION = ("read", "models", "facts", "extension", "instance", "inline")


@dataclass
class Timing:
    wall: float  # median milliseconds
    cpu: float


@dataclass
class Row:
    notice: str
    facts: int
    stages: dict[str, Timing | None] = field(default_factory=dict)  # None: not applicable / not measurable
    command: Timing | None = None
    exit_code: int = 0

    def before_validation(self, kind: str) -> float:
        return sum(getattr(t, kind) for name in BEFORE_VALIDATION if (t := self.stages.get(name)) is not None)

    def in_process(self, kind: str) -> float:
        """Every stage, validation included: what an export costs once the process is warm."""
        return sum(getattr(t, kind) for t in self.stages.values() if t is not None)


def _median(work: Callable[[], Any], repeat: int) -> Timing:
    work()  # warm-up: first-use caches, schema models
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls) * 1000, statistics.median(cpus) * 1000)


def _command(path: Path, lang: str, repeat: int) -> tuple[Timing, int]:
    """``disclosure-exporter export`` in a fresh process: medians of wall and CPU (user + system) time."""
    script = "from exporter.cli import main; main()"
    walls, cpus, code = [], [], 0
    with tempfile.TemporaryDirectory(prefix="export-bench-") as folder:
        for run in range(repeat + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", script, "export", str(path), "-o", f"{folder}/{run}",
                                   "--lang", lang], capture_output=True, check=False, cwd=ROOT)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            code = done.returncode
            if run:  # the first run warms the file cache
                walls.append(wall)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Timing(statistics.median(walls) * 1000, statistics.median(cpus) * 1000), code


def measure(name: str, path: Path, lang: str, repeat: int, command_repeat: int) -> Row:
    data, _ = read_document(path)
    filing = Filing.model_validate(data)
    factset = build_factset(filing)
    stem = "bench"
    href = f"{stem}.xsd" if factset.extension is not None else None
    instance_name, inline_name = output_names(stem, lang)
    row = Row(name, len(factset.facts))
    row.stages["read"] = _median(lambda: read_document(path), repeat)
    row.stages["models"] = _median(lambda: Filing.model_validate(data), repeat)
    row.stages["facts"] = _median(lambda: build_factset(filing), repeat)
    extension = factset.extension
    row.stages["extension"] = None if extension is None else _median(lambda: build_extension(extension, stem),
                                                                      repeat)
    row.stages["instance"] = _median(lambda: serialize(build_instance(factset, href)), repeat)
    row.stages["inline"] = _median(lambda: serialize_inline(build_inline(factset, lang, schema_href=href)), repeat)
    files = {} if extension is None else dict(build_extension(extension, stem))
    files[instance_name] = serialize(build_instance(factset, href))
    files[inline_name] = serialize_inline(build_inline(factset, lang, schema_href=href))
    row.stages["validation"] = _median(lambda: validate_files(files, (instance_name, inline_name)), repeat)
    row.command, row.exit_code = _command(path, lang, command_repeat)
    return row


def _cell(timing: Timing | None) -> str:
    return "n/a" if timing is None else f"{timing.wall:.2f} / {timing.cpu:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tranches", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=21, help="in-process runs per stage (medians)")
    parser.add_argument("--command-repeat", type=int, default=7, help="runs of the export command (medians)")
    parser.add_argument("--lang", default="ja", choices=["en", "ja"])
    args = parser.parse_args()
    from coverage import tranche_notice  # the generated notice the coverage benchmark also measures

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} before the runs; {args.lang} documents; "
          f"stages: medians of {args.repeat} in-process runs, wall / CPU ms; command: medians of "
          f"{args.command_repeat} fresh processes")
    with tempfile.TemporaryDirectory(prefix="export-bench-input-") as folder:
        generated = Path(folder) / f"tranches-{args.tranches}.json"
        generated.write_text(tranche_notice(args.tranches).model_dump_json(exclude_unset=True), encoding="utf-8")
        rows = [measure("seed (iij-2015-07-13)", SEED, args.lang, args.repeat, args.command_repeat),
                measure(f"{args.tranches} tranches", generated, args.lang,
                        max(5, args.repeat // 3), args.command_repeat)]
    stages = [*BEFORE_VALIDATION, "validation"]
    print("\n| notice | facts | " + " | ".join(stages) + " | before validation | all stages | `export` command | exit |")
    print("|---|---|" + "---|" * len(stages) + "---|---|---|---|")
    for row in rows:
        cells = " | ".join(_cell(row.stages.get(stage)) for stage in stages)
        before = f"{row.before_validation('wall'):.2f} / {row.before_validation('cpu'):.2f}"
        before += f" | {row.in_process('wall'):.2f} / {row.in_process('cpu'):.2f}"
        command = "n/a" if row.command is None else f"{row.command.wall:.0f} / {row.command.cpu:.0f}"
        print(f"| {row.notice} | {row.facts} | {cells} | {before} | {command} | {row.exit_code} |")
    seed, many = rows
    print(f"\n{many.notice} against the seed: stages before validation "
          f"{many.before_validation('cpu') / seed.before_validation('cpu'):.1f}x the CPU time, all stages "
          f"{many.in_process('cpu') / seed.in_process('cpu'):.1f}x, for {many.facts / seed.facts:.1f}x the facts; `export` command "
          f"{many.command.wall / seed.command.wall:.2f}x the wall time, "  # type: ignore[union-attr]
          f"{many.command.cpu / seed.command.cpu:.2f}x the CPU time "  # type: ignore[union-attr]
          f"(exit {many.exit_code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
