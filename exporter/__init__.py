"""disclosure-exporter: equity-issuance disclosures as validated XBRL 2.1 and Inline XBRL 1.1.

The pipeline, one package a stage: ``sources`` (YAML/JSON documents, spreadsheets) -> ``models``
(validated pydantic models) -> ``facts`` (the declared mapping onto the ``eqi`` taxonomy) ->
``documents`` (instance and inline XHTML, built with lxml) -> ``validation`` -> ``output``
(atomic writes). ``export`` wires them together; ``cli`` is the command line.

Library use::

    from pathlib import Path
    from exporter import export_filing, load_filing

    filing = load_filing(Path("samples/iij-2015-07-13.yaml"))
    result = export_filing(filing, Path("out"), "iij-2015-07-13", lang="ja")

    import exporter
    exporter.tag("notice.docx", "out")   # the company's own notice, tagged (see docs/tag.md)
    reports = exporter.validate_path(Path("out/iij-2015-07-13.xbrl"))   # any filing (docs/validation.md)
"""
from __future__ import annotations

import importlib
from typing import Any

# Re-exported lazily: importing one stage (say ``exporter.validation`` for ``validate``) should not
# pay for importing every other one.
_EXPORTS = {
    "ExportResult": "exporter.export",
    "RenderedFiling": "exporter.export",
    "export_filing": "exporter.export",
    "render_filing": "exporter.export",
    "Filing": "exporter.models",
    "InputError": "exporter.sources",
    "load_filing": "exporter.sources",
    "render_tagged": "exporter.tag",
    "Report": "exporter.validation",
    "validate_bytes": "exporter.validation",
    "validate_path": "exporter.validation",
}

__all__ = sorted([*_EXPORTS, "tag"])


def __getattr__(name: str) -> Any:
    if name == "tag":  # the module exporter.tag is callable: exporter.tag(notice, outdir, ...)
        return importlib.import_module("exporter.tag")
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'exporter' has no attribute {name!r}")
