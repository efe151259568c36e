"""The pipeline, end to end: Filing -> facts -> documents -> validation -> atomic write.

This module only wires the stages together; each stage lives in its own package. The library API
(``render_filing``, ``export_filing``) and the CLI's ``export`` and ``convert`` commands go
through here, so every document the tool writes has passed the same validator as a draft would.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporter.documents import build_inline, build_instance, serialize
from exporter.documents.inline import serialize_inline
from exporter.facts import build_factset
from exporter.models import Filing
from exporter.output import fit_name, write_files
from exporter.validation import Report, ValidationFailed, validate_bytes


@dataclass(frozen=True)
class RenderedFiling:
    """The bytes of a filing's two documents, validated, not yet written."""

    instance: bytes
    inline: bytes
    reports: tuple[Report, ...]


@dataclass(frozen=True)
class ExportResult:
    instance_path: Path
    inline_path: Path
    written: tuple[Path, ...]
    reports: tuple[Report, ...]


def output_names(stem: str, lang: str) -> tuple[str, str]:
    """File names of a filing's instance and inline document; the inline name carries the language.

    A stem too long for a file name (a long input name or issuance ID) is shortened with a hash."""
    stem = fit_name(stem)
    return f"{stem}.xbrl", f"{stem}-{lang}.html"


def render_filing(filing: Filing, lang: str = "en", *, names: tuple[str, str] = ("filing.xbrl", "filing.html")
                  ) -> RenderedFiling:
    """Build both documents and validate them; raise ValidationFailed if either is invalid."""
    factset = build_factset(filing)
    instance = serialize(build_instance(factset))
    inline = serialize_inline(build_inline(factset, lang))
    reports = (validate_bytes(instance, file=names[0]), validate_bytes(inline, file=names[1]))
    if not all(report.valid for report in reports):
        raise ValidationFailed(list(reports))
    return RenderedFiling(instance, inline, reports)


def export_filing(filing: Filing, outdir: Path, stem: str, *, lang: str = "en", overwrite: bool = False
                  ) -> ExportResult:
    """Render, validate and write ``<stem>.xbrl`` and ``<stem>-<lang>.html`` into ``outdir``."""
    instance_name, inline_name = output_names(stem, lang)
    rendered = render_filing(filing, lang, names=(str(outdir / instance_name), str(outdir / inline_name)))
    files = {outdir / instance_name: rendered.instance, outdir / inline_name: rendered.inline}
    written, _unchanged = write_files(files, overwrite=overwrite)
    return ExportResult(outdir / instance_name, outdir / inline_name, tuple(written), rendered.reports)
