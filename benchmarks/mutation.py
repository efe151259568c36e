"""Mutation testing of the core: how many small changes to the code do the tests notice?

For each target (a source file and the tests that guard it) this runs mutmut in a scratch copy of
the repository and prints the kill rate: the share of mutants (an operator flipped, a constant
changed, a branch dropped) that make a test fail. mutmut works on a copy of the tree it builds
itself (``mutants/``), so the scratch copy is a throw-away git repository holding exactly the
project's files; nothing here touches the working tree.

    .venv/bin/python benchmarks/mutation.py            # every target
    .venv/bin/python benchmarks/mutation.py rules      # one
    .venv/bin/python benchmarks/mutation.py calc11 --show   # with the surviving mutants' diffs

Surviving mutants are listed; most that survive are equivalent (``sum(x, 0)`` without its 0,
``x / w`` for a weight of ±1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUTMUT = Path(sys.executable).with_name("mutmut")

# name -> (file to mutate, test files that guard it)
TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    # The rules' formulas and codes are read by the generated taxonomy and the validator's messages.
    "rules": ("exporter/domain/rules.py", ("tests/test_rules.py", "tests/test_taxonomy.py",
                                           "tests/test_validate_rules.py")),
    "models": ("exporter/models/values.py", ("tests/test_values.py", "tests/test_models.py", "tests/test_schema.py")),
    "calc11": ("exporter/validation/calc11.py", ("tests/test_validate_calc11.py",)),
    "business_rules": ("exporter/validation/business_rules.py", ("tests/test_validate_rules.py",)),
}


def _copy_repository(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    env = {**os.environ, "GIT_AUTHOR_NAME": "m", "GIT_AUTHOR_EMAIL": "m@m", "GIT_COMMITTER_NAME": "m",
           "GIT_COMMITTER_EMAIL": "m@m"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "scratch"]):
        subprocess.run(command, cwd=target, check=True, env=env)


def run(name: str, show: bool = False) -> tuple[int, int, list[str]]:
    source, tests = TARGETS[name]
    with tempfile.TemporaryDirectory(prefix="mutation-") as folder:
        scratch = Path(folder)
        _copy_repository(scratch)
        config = scratch / "pyproject.toml"
        config.write_text(config.read_text(encoding="utf-8") + "\n[tool.mutmut]\n"
                          f"paths_to_mutate = [{source!r}]\n"
                          f"tests_dir = [{', '.join(repr(t) for t in tests)}]\n"
                          'also_copy = ["exporter", "schemas", "samples", "docs", "benchmarks", "tests", "README.md"]\n',
                          encoding="utf-8")
        subprocess.run([str(MUTMUT), "run", "--max-children", "2"], cwd=scratch, capture_output=True)
        results = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=scratch, capture_output=True,
                                 text=True).stdout
        states = [line.rsplit(": ", 1) for line in results.splitlines() if ": " in line]
        killed = sum(state == "killed" for _, state in states)
        survived = [mutant.strip() for mutant, state in states if state != "killed"]
        if show:  # each survivor's diff, to write the test that kills it
            for mutant in survived:
                print(subprocess.run([str(MUTMUT), "show", mutant], cwd=scratch, capture_output=True,
                                     text=True).stdout, file=sys.stderr)
        return killed, len(states), survived


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", choices=[*TARGETS, []], default=list(TARGETS))
    parser.add_argument("--show", action="store_true", help="print the diff of every surviving mutant")
    args = parser.parse_args()
    print("| target | file | mutants | killed | kill rate |\n|---|---|---|---|---|")
    for name in args.targets:
        killed, total, survived = run(name, args.show)
        rate = f"{killed / total:.1%}" if total else "n/a"
        print(f"| {name} | `{TARGETS[name][0]}` | {total} | {killed} | {rate} |", flush=True)
        by_function: dict[str, int] = {}
        for mutant in survived:
            function = mutant.rsplit(".", 1)[-1].split("__mutmut_")[0].replace("ǁ", ".").lstrip("x_.")
            by_function[function] = by_function.get(function, 0) + 1
        for function, count in sorted(by_function.items(), key=lambda item: -item[1]):
            print(f"    {count} survived in {function}", file=sys.stderr)


if __name__ == "__main__":
    main()
