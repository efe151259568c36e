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
"""
from exporter.export import ExportResult, RenderedFiling, export_filing, render_filing
from exporter.models import Filing
from exporter.sources import InputError, load_filing

__all__ = ["ExportResult", "Filing", "InputError", "RenderedFiling", "export_filing", "load_filing", "render_filing"]
