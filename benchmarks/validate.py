"""Benchmark: our validator against Arelle and against the floor (lxml parse + XML Schema alone).

Generates valid XBRL instances and Inline XBRL documents of about 1k, 10k and 100k facts with our
taxonomy (``generate.py``: whole filings re-keyed per issuer, so dimensional contexts, typed and
explicit, and every business rule are in play) and measures, each in a fresh child process:

* ours, cold: ``disclosure-exporter validate FILE`` as a new process (start-up, imports, schemas);
* ours, in-process: ``validate_path(FILE)`` after a warm-up (schemas already built);
* Arelle, in-process: a fresh ``arelle.api.Session`` run (load plus validate, offline, Calculation
  1.1, UTR, formulas, inconsistent duplicates: the judge's settings) after a warm-up run;
* Arelle, cold: the same run as the only work of a new process;
* the floor: a hardened lxml parse plus lxml XMLSchema validation (schema built beforehand).

Times are the median of ``--repeat`` runs; peak memory is the child's own peak resident set size
(VmHWM, see ``children.py``), interpreter and libraries included. Run from the repository root:

    .venv/bin/python benchmarks/validate.py [--sizes 1000 10000 100000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

from children import PEAK, measure  # noqa: E402

OURS_COLD = PEAK + "from exporter.cli import main; main()"
OURS_WARM = PEAK + """
import sys, time
from pathlib import Path
from exporter.validation import validate_bytes, validate_path
validate_bytes(Path(sys.argv[2]).read_bytes())  # warm-up: schemas, concept model, UTR
started = time.perf_counter()
reports = validate_path(Path(sys.argv[1]))
elapsed = time.perf_counter() - started
assert all(r.valid for r in reports), [m.as_text() for r in reports for m in r.messages][:5]
print(elapsed)
"""
ARELLE = PEAK + """
import sys, time
from pathlib import Path
from exporter.validation.arelle_source import run_arelle_offline
formulas = sys.argv[3] == "formulas"
if sys.argv[2] != "-":
    run_arelle_offline([Path(sys.argv[2])], formulas=formulas)  # warm-up
started = time.perf_counter()
[result] = run_arelle_offline([Path(sys.argv[1])], formulas=formulas)
elapsed = time.perf_counter() - started
assert result.valid, [(m.level, m.code, m.text[:200]) for m in result.problems][:5]
print(elapsed)
"""
FLOOR = PEAK + """
import sys, time
from pathlib import Path
from lxml import etree
from exporter.validation.schemas import lxml_inline_schema, lxml_instance_schema
schema = lxml_inline_schema() if sys.argv[1].endswith(".html") else lxml_instance_schema()
data = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
valid = schema.validate(tree)
elapsed = time.perf_counter() - started
assert valid, schema.error_log
print(elapsed)
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    import lxml.etree
    import xmlschema
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python "
            f"{platform.python_version()}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION[:3]))} (libxml2 "
            f"{'.'.join(map(str, lxml.etree.LIBXML_VERSION))}), xmlschema {xmlschema.__version__}, "
            f"arelle-release {version('arelle-release')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formula-sizes", type=int, nargs="*", default=[1000, 10000, 100000],
                        help="sizes at which Arelle is also run with the taxonomy's formulas (slow: once each)")
    options = parser.parse_args()
    from generate import inline_bytes, instance_bytes

    print(f"machine: {machine()}\n")
    header = ("| document | facts | MB | ours cold | ours in-process | Arelle cold | Arelle in-process "
              "| Arelle + formulas | floor | Arelle / ours | ours / floor | MB ours | MB Arelle | MB Arelle + formulas "
              "| MB floor |")
    print(header)
    print("|---" * (header.count("|") - 1) + "|", flush=True)
    with tempfile.TemporaryDirectory(prefix="validate-bench-") as scratch:
        folder = Path(scratch)
        for kind, make, suffix in (("instance", instance_bytes, ".xbrl"), ("inline", inline_bytes, ".html")):
            warm = folder / f"warm{suffix}"
            warm.write_bytes(make(100))
            for size in options.sizes:
                path = folder / f"{kind}-{size}{suffix}"
                data = make(size)
                path.write_bytes(data)
                facts, megabytes = data.count(b"contextRef="), len(data) / 1e6
                del data
                cold, _ = measure(OURS_COLD, ["validate", str(path)], options.repeat, use_wall=True)
                ours, ours_mb = measure(OURS_WARM, [str(path), str(warm)], options.repeat)
                floor, floor_mb = measure(FLOOR, [str(path)], options.repeat)
                arelle, arelle_mb = measure(ARELLE, [str(path), str(warm), "none"], options.repeat)
                arelle_cold, _ = measure(ARELLE, [str(path), "-", "none"], options.repeat, use_wall=True)
                formulas, formulas_mb = (measure(ARELLE, [str(path), str(warm), "formulas"], 1)
                                         if size in options.formula_sizes else (float("nan"), float("nan")))
                print(f"| {kind} | {facts:,} | {megabytes:.1f} | {cold:.2f} s | {ours:.3f} s | {arelle_cold:.2f} s | "
                      f"{arelle:.2f} s | {formulas:.1f} s | {floor:.3f} s | {arelle / ours:.1f}x | {ours / floor:.1f}x | "
                      f"{ours_mb:.0f} | {arelle_mb:.0f} | {formulas_mb:.0f} | {floor_mb:.0f} |", flush=True)


if __name__ == "__main__":
    main()
