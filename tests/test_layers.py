"""The pipeline's layering: each package imports only from its own layer or the layers below it.

Foundations (safety, domain, notation) know nothing of the rest; the taxonomy knows the domain;
the models know the domain; sources build models, the fact builder reads them, documents read
facts, validation reads XML; output writes bytes; only the wiring (export, convert, tag) and the CLI
see everything. An import against this order is a cycle waiting to happen.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

LAYERS: list[set[str]] = [
    {"safety", "domain", "notation", "arelle_adapter"},  # the adapter wraps Arelle alone
    {"taxonomy"},
    {"models"},
    {"sources", "facts"},
    {"documents"},
    {"validation"},
    {"output"},
    {"export", "convert", "tag", "viewer"},
    {"cli"},
]
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def _package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "exporter" and len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_every_package_has_a_layer():
    packages = {p.stem if p.is_file() else p.name for p in (REPO / "exporter").iterdir()
                if not p.name.startswith(("_", ".")) and (p.suffix == ".py" or p.is_dir())}
    assert packages <= set(RANK), packages - set(RANK)


def test_no_package_imports_a_later_layer():
    offences = []
    for path in sorted((REPO / "exporter").rglob("*.py")):
        own = _package(".".join(path.relative_to(REPO).with_suffix("").parts))
        if own is None or own not in RANK:
            continue
        for module in _imports(path):
            other = _package(module)
            if other is not None and other in RANK and RANK[other] > RANK[own]:
                offences.append(f"{path.relative_to(REPO)} imports {module}")
    assert offences == []


# Documents read facts, not sources: the only exception is the tagged notice, whose document is the
# company's own text as the notice reader traced it (its lines and their XHTML names).
DOCUMENTS_READING_NOTICES = {"exporter/documents/tagging.py", "exporter/documents/review.py"}


def test_documents_import_sources_only_for_the_tagged_notice():
    importers = set()
    for path in sorted((REPO / "exporter" / "documents").rglob("*.py")):
        if any(_package(module) == "sources" for module in _imports(path)):
            importers.add(path.relative_to(REPO).as_posix())
    assert importers <= DOCUMENTS_READING_NOTICES, sorted(importers - DOCUMENTS_READING_NOTICES)


def test_every_package_is_shipped_in_the_wheel():
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "exporter").rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)
