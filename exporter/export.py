"""The pipeline, end to end: Filing -> facts -> documents -> validation -> atomic write.

This module only wires the stages together; each stage lives in its own package. The library API
(``render_filing``, ``export_filing``) and the CLI's ``export`` and ``convert`` commands go
through here, and ``tag`` ends in the same ``assemble_filing`` (extension, instance, inline
document, validated together), so every document the tool writes has passed the same validator
as a draft would. A filing that needs its own extension taxonomy (tranches, company-specific categories) gets it
beside the documents, and the documents are validated together with it. On request (``Outputs``)
the filing also gets its standard derived outputs, made after validation from the same facts and
files: a Report Package (``.xbri``), xBRL-JSON and xBRL-CSV reports, and an offline viewer.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exporter.documents import build_inline, build_instance, serialize, serialize_inline
from exporter.domain.rules import Finding
from exporter.facts import build_factset
from exporter.facts.factset import FactSet
from exporter.models import Filing
from exporter.models.statements import describe
from exporter.output import fit_name, write_files
from exporter.taxonomy.files import ENTRY_POINT_URL
from exporter.validation import Report, ValidationFailed, validate_bytes, validate_path
from exporter.validation.messages import error

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True)
class Outputs:
    """What a filing gets besides its instance and inline document (the CLI's --package, --oim, --viewer)."""

    package: bool = False  # <stem>.xbri: the Inline XBRL report as a Report Package 1.0
    oim: tuple[str, ...] = ()  # "json": <stem>.json (xBRL-JSON); "csv": <stem>-csv.json + <stem>-facts.csv
    viewer: bool = False  # <stem>-<lang>-viewer.html (with ixbrlviewer.js beside, written once by the caller)


@dataclass(frozen=True)
class RenderedFiling:
    """The bytes of a filing's files (instance, inline document, extension taxonomy), validated, not written."""

    files: dict[str, bytes]  # file name -> bytes, in writing order
    instance_name: str
    inline_name: str
    reports: tuple[Report, ...]

    @property
    def instance(self) -> bytes:
        return self.files[self.instance_name]

    @property
    def inline(self) -> bytes:
        return self.files[self.inline_name]


@dataclass(frozen=True)
class ExportResult:
    instance_path: Path
    inline_path: Path
    written: tuple[Path, ...]
    reports: tuple[Report, ...]
    paths: tuple[Path, ...] = ()  # every file of the filing, written or already identical


def filing_warnings(filing: Filing) -> list[str]:
    """What the filing is filed with but a reviewer should know: acknowledged disagreements, a name as identity."""
    warnings = [f"filed as printed ({_reason(filing, finding)}): {describe(finding)}" for finding in filing.warnings]
    if filing.issuer.identified_by_name:
        scheme, identifier = filing.issuer.identifier
        warnings.append(f"no securities code, LEI or EDINET code is given: the entity is identified by its name "
                        f"{identifier!r} under the scheme {scheme}")
    return warnings


def _reason(filing: Filing, finding: Finding) -> str:
    return next((ack.reason.in_language(filing.language)[1] for ack in filing.acknowledged
                 if ack.rule == finding.rule.id), "acknowledged")


def output_names(stem: str, lang: str) -> tuple[str, str]:
    """File names of a filing's instance and inline document; the inline name carries the language.

    ``stem`` is already short enough for a file name (``render_filing`` fits it)."""
    return f"{stem}.xbrl", f"{stem}-{lang}.html"


def render_filing(filing: Filing, lang: str = "en", *, stem: str = "filing", era: bool = False,
                  outputs: Outputs | None = None) -> RenderedFiling:
    """Build every file of the filing and validate its documents; raise ValidationFailed if one is invalid.

    ``outputs`` adds the derived files after validation; one that cannot be made (an entity OIM
    cannot name, a viewer Arelle did not write) also raises ValidationFailed, naming that file. A
    stem too long for a file name (a long input name or issuance ID) is shortened with a hash.
    """
    stem = fit_name(stem)
    instance_name, inline_name = output_names(stem, lang)
    factset = build_factset(filing)
    inline = build_inline(factset, lang, schema_href=extension_href(factset, stem), era=era)
    return assemble_filing(factset, stem, instance_name, inline_name, inline, outputs)


def extension_href(factset: FactSet, stem: str) -> str | None:
    """The extension schema the filing's documents reference (``<stem>.xsd``); None: eqi's entry point serves."""
    return f"{stem}.xsd" if factset.extension is not None else None


def assemble_filing(factset: FactSet, stem: str, instance_name: str, inline_name: str,
                    inline: etree._ElementTree, outputs: Outputs | None = None) -> RenderedFiling:
    """The filing's files from its facts and its built inline document: extension, instance, inline, validated.

    ``inline`` references ``extension_href(factset, stem)``. The extension taxonomy (if the facts
    need one) and the instance are built here; every document is validated beside the extension
    (ValidationFailed if one is invalid); then the ``outputs`` asked for are derived from them.
    ``export`` and ``tag`` both end here, so their documents pass the same checks.
    """
    href = extension_href(factset, stem)
    files: dict[str, bytes] = {}
    if factset.extension is not None:
        from exporter.taxonomy.extension import build_extension  # only filings with tranches or own categories

        files.update(build_extension(factset.extension, stem))
    files[instance_name] = serialize(build_instance(factset, href))
    files[inline_name] = serialize_inline(inline)
    reports = validate_files(files, (instance_name, inline_name))
    if not all(report.valid for report in reports):
        raise ValidationFailed(list(reports))
    if outputs is not None:
        files.update(derived_outputs(factset, files, stem, inline_name, href or ENTRY_POINT_URL, outputs))
    return RenderedFiling(files, instance_name, inline_name, reports)


def derived_outputs(factset: FactSet, files: dict[str, bytes], stem: str, inline_name: str, taxonomy: str,
                    outputs: Outputs) -> dict[str, bytes]:
    """The files ``outputs`` asks for, from the validated filing's facts and files (name -> bytes)."""
    # Imported here: a plain export needs none of them (start-up time).
    from exporter.documents.oim import NotRepresentable, build_xbrl_csv, build_xbrl_json, csv_names, json_name
    from exporter.documents.report_package import build_report_package, package_name
    from exporter.viewer import ViewerFailed, build_viewers

    derived: dict[str, bytes] = {}
    try:
        if "json" in outputs.oim:
            derived[json_name(stem)] = build_xbrl_json(factset, taxonomy)
        if "csv" in outputs.oim:
            derived.update(build_xbrl_csv(factset, taxonomy, stem))
    except NotRepresentable as exc:
        name = json_name(stem) if "json" in outputs.oim else csv_names(stem)[0]
        raise ValidationFailed([Report(name, None, [error(exc.code, exc.message, file=name)])]) from exc
    if outputs.package:
        derived[package_name(stem)] = build_report_package(files, stem)
    if outputs.viewer:
        try:
            derived.update(build_viewers(files, [inline_name]))
        except ViewerFailed as exc:
            raise ValidationFailed([Report(exc.document, None, [error("viewer:notWritten", exc.message,
                                                                      file=exc.document)])]) from exc
    return derived


def shared_outputs(outputs: Outputs) -> dict[str, bytes]:
    """Files every filing of a folder shares, written once beside them (the viewers' script)."""
    if not outputs.viewer:
        return {}
    from exporter.viewer import SCRIPT_NAME, viewer_script

    return {SCRIPT_NAME: viewer_script()}


def validate_files(files: dict[str, bytes], documents: tuple[str, ...]) -> tuple[Report, ...]:
    """Validate ``documents`` (names in ``files``) as they will stand: beside the other files, the extension
    taxonomy they reference; each report names its document, never a scratch folder."""
    if set(files) == set(documents):  # no extension: nothing to stand beside, so validate in memory
        return tuple(validate_bytes(files[name], file=name) for name in documents)
    with tempfile.TemporaryDirectory(prefix="disclosure-exporter-check-") as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        reports = tuple(report for name in documents for report in validate_path(Path(folder) / name))
    return tuple(_renamed(report, name) for report, name in zip(reports, documents, strict=True))


def _renamed(report: Report, name: str) -> Report:
    """The report as if the document had been validated under its own name, not the scratch folder's."""
    report.file = name
    report.messages[:] = [dataclasses.replace(message, file=name) for message in report.messages]
    return report


def export_filing(filing: Filing, outdir: Path, stem: str, *, lang: str = "en", overwrite: bool = False,
                  era: bool = False, outputs: Outputs | None = None) -> ExportResult:
    """Render, validate and write the filing's files (and any ``outputs``) into ``outdir``."""
    rendered = render_filing(filing, lang, stem=stem, era=era, outputs=outputs)
    files = {outdir / name: data for name, data in {**rendered.files, **shared_outputs(outputs or Outputs())}.items()}
    written, _unchanged = write_files(files, overwrite=overwrite)
    return ExportResult(outdir / rendered.instance_name, outdir / rendered.inline_name, tuple(written),
                        rendered.reports, tuple(files))
