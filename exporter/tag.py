"""Tag a company's own notice: its text kept, every figure and date it prints wrapped as an XBRL fact.

The pipeline for ``disclosure-exporter tag`` and ``exporter.tag(...)``: read the notice into clean
XHTML (``sources.notices.read``), extract the draft filing with each value's spots
(``sources.notices.extract``); with data, the data is the filing and each of its facts is located in
the notice (``sources.notices.locate``), without, the draft is the filing (``sources.notices.draft``);
then the fact set (``facts``), the tagged Inline XBRL document (``documents.tagging``), the instance
and the extension taxonomy where needed, the same validation as ``export``, the derived outputs asked
for (``export.Outputs``: report package, xBRL-JSON/CSV, viewer, made exactly as ``export`` makes
them), the review page (``documents.review``) and the draft YAML; published as a set through
``output.write_files``.
"""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from exporter.documents.review import Mark, build_review, serialize_review
from exporter.documents.tagging import Place, build_tagged
from exporter.domain.concepts import Scope
from exporter.export import Outputs, assemble_filing, extension_href, filing_warnings, shared_outputs
from exporter.facts import build_factset
from exporter.facts.factset import ExplicitMember, Fact, FactSet
from exporter.models import Filing
from exporter.output import fit_name, write_files
from exporter.sources import load_filing
from exporter.sources.notices.draft import draft_filing, draft_yaml
from exporter.sources.notices.extract import Extraction, extract
from exporter.sources.notices.locate import Contradiction, Locator
from exporter.sources.notices.read import read_notice
from exporter.sources.notices.spots import Spot
from exporter.taxonomy.namespaces import TR4
from exporter.validation import Report
from exporter.validation.transforms import FormatNotChecked, TransformError, transform


class Contradicted(ValueError):
    """With data, the notice prints other figures or dates than the data under the same item."""

    def __init__(self, contradictions: list[Contradiction], file: str):
        self.contradictions, self.file = contradictions, file
        super().__init__("\n".join(f"{file}: {c}" for c in contradictions))


@dataclass(frozen=True)
class TagWarning:
    line: int | None  # source line of the notice
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class TaggedNotice:
    """Every file of a tagged notice (validated, not yet written) and what the run found."""

    files: dict[str, bytes]
    inline_name: str
    instance_name: str
    review_name: str
    draft_name: str | None
    filing: Filing
    factset: FactSet
    shown: int  # facts tagged where the notice prints them
    hidden: int  # facts in ix:hidden
    untagged: int  # figures and dates of the notice no fact covers
    spots: int = 0  # places facts are tagged at (a fact printed twice is tagged twice)
    warnings: list[TagWarning] = field(default_factory=list)
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class TagResult:
    tagged: TaggedNotice
    paths: tuple[Path, ...]
    written: tuple[Path, ...]


def _source_line(extraction: Extraction, line: int | None) -> int | None:
    if line is None or line >= len(extraction.text.lines):
        return None
    return extraction.text.lines[line].source_line


def _reads_back(extraction: Extraction, fact: Fact, spot: Spot) -> bool:
    """The spot's text, read with its format (our TR implementation), gives the fact's value."""
    if spot.format is None:
        return True
    text = extraction.text.lines[spot.line].text[spot.start:spot.end]
    try:
        lexical = transform(TR4, spot.format, text)
    except (TransformError, FormatNotChecked, KeyError):
        return False
    if isinstance(fact.value, Decimal):
        try:
            return Decimal(lexical).scaleb(spot.scale) == fact.value
        except InvalidOperation:
            return False
    return lexical == (fact.value.isoformat() if isinstance(fact.value, date) else str(fact.value))


def _describe(fact: Fact, lang: str) -> str:
    """The fact in words for a reviewer: its concept's label (an upper limit says so), members and value."""
    label = fact.concept.label[lang]
    members = ", ".join(m.member if isinstance(m, ExplicitMember) else m.value for m in fact.context.members)
    value = "to be determined" if fact.value is None else str(fact.value)
    return f"{label}{' [' + members + ']' if members else ''}: {value}"


def render_tagged(notice_path: Path, *, data: Path | Filing | None = None, lang: str | None = None,
                  entity: str | None = None, stem: str | None = None, outputs: Outputs | None = None
                  ) -> TaggedNotice:
    """Read, extract or locate, tag and validate; raise NoticeError, InputError, Contradicted or ValidationFailed.

    ``outputs`` adds the filing's derived files (as ``export`` adds them), made after validation from
    the same facts and documents; one that cannot be made raises ValidationFailed naming it. A stem
    too long for a file name is shortened with a hash.
    """
    stem = fit_name(stem or notice_path.stem)
    notice = read_notice(notice_path)
    extraction = extract(notice, entity=entity)
    lang = lang or extraction.language
    warnings = [TagWarning(_source_line(extraction, line), message) for line, message in extraction.warnings]
    warnings += [TagWarning(None, f"sanitised: {note}") for note in notice.notes]
    draft_text: str | None = None
    placeholders: set[tuple[str | int, ...]] = set()
    if data is None:
        filing, draft_data, draft_warnings = draft_filing(extraction)
        warnings += [TagWarning(_source_line(extraction, line), message) for line, message in draft_warnings]
        draft_text = draft_yaml(draft_data, extraction, draft_warnings, notice_path.name)
        placeholders = extraction.placeholders
        factset = build_factset(filing)
        factset.facts[:] = [fact for fact in factset.facts if tuple(fact.source) not in placeholders]
        places: dict[int, list[Spot]] = {}
        for index, fact in enumerate(factset.facts):
            found = extraction.found.get(tuple(fact.source))
            if found is not None:
                places[index] = list(found.spots)
    else:
        filing = data if isinstance(data, Filing) else load_filing(data)
        factset = build_factset(filing)
        places, contradictions, unlocated = Locator(extraction, filing).locate(factset)
        if contradictions:
            raise Contradicted(contradictions, str(notice_path))
        for index in unlocated:
            warnings.append(TagWarning(None, f"not printed in the notice, tagged hidden: {_describe(factset.facts[index], lang)}"))
    warnings += [TagWarning(None, message) for message in filing_warnings(filing)]
    checked: dict[int, list[Place]] = {}
    unreadable: dict[int, list[Place]] = {}
    for index, spots in places.items():
        fact = factset.facts[index]
        if fact.unit is not None and fact.concept.scope is Scope.ALLOTMENT:
            # A category's figure printed twice is tagged once: summing the rights of every category
            # (the breakdown rules) must not count one category twice.
            spots = spots[:1]
        for spot in spots:
            if _reads_back(extraction, fact, spot):
                checked.setdefault(index, []).append(Place(spot.line, spot.start, spot.end, spot.format, spot.scale))
            else:
                unreadable.setdefault(index, []).append(Place(spot.line, spot.start, spot.end))
                text = extraction.text.lines[spot.line].text[spot.start:spot.end]
                warnings.append(TagWarning(_source_line(extraction, spot.line),
                                           f"{text!r} cannot be tagged with a Transformation Registry format that reads "
                                           f"it back as {fact.value}: {fact.name} goes to ix:hidden there"))
    title = next((str(f.value) for f in factset.facts if f.name == "DocumentTitle"), notice.title or stem)
    inline_tree, hidden = build_tagged(notice.body, factset, checked, lang=lang, title=title,
                                       schema_href=extension_href(factset, stem))
    # The filing's own files (and the derived outputs made from them): the review page and the draft
    # are added afterwards, never part of it.
    rendered = assemble_filing(factset, stem, f"{stem}.xbrl", f"{stem}-tagged.html", inline_tree, outputs)
    files = dict(rendered.files)
    marks, untagged = _marks(extraction, factset, checked, unreadable, lang)
    shown = len(factset.facts) - len(hidden)
    summary = [f"{shown} facts tagged where the notice prints them, {len(hidden)} in ix:hidden, "
               f"{untagged} figures or dates not tagged."]
    review = build_review(notice.body, marks, title=title, lang=lang, summary=summary,
                          warnings=[str(w) for w in warnings])
    review_name = f"{stem}-review.html"
    files[review_name] = serialize_review(review)
    draft_name = None
    if draft_text is not None:
        draft_name = f"{stem}.draft.yaml"
        files[draft_name] = draft_text.encode("utf-8")
    hidden_indexes = set(hidden)
    tagged_spots = sum(len(places) for index, places in checked.items() if index not in hidden_indexes)
    return TaggedNotice(files, rendered.inline_name, rendered.instance_name, review_name, draft_name, filing, factset,
                        shown, len(hidden), untagged, tagged_spots, warnings, rendered.reports)


def _marks(extraction: Extraction, factset: FactSet, places: dict[int, list[Place]],
           unreadable: dict[int, list[Place]], lang: str) -> tuple[list[Mark], int]:
    marks: list[Mark] = []
    covered: set[tuple[int, int]] = set()
    for kind, group in (("fact", places), ("fact hidden", unreadable)):
        for index, spots in group.items():
            fact = factset.facts[index]
            for place in spots:
                source_line = _source_line(extraction, place.line)
                line = extraction.text.lines[place.line]
                where = f"line {source_line}, col {line.column(place.start)}" if source_line else "read from the notice"
                note = f"{_describe(fact, lang)} ({where})" + ("; in ix:hidden: no registry format reads it as printed"
                                                               if kind != "fact" else "")
                marks.append(Mark(place.line, place.start, place.end, kind, note, fact.name))
                covered.update((place.line, position) for position in range(place.start, place.end))
    untagged = 0
    for tokens in extraction.layout.tokens:
        for token in tokens:
            line = extraction.text.lines[token.line]
            start, end = line.raw_span(token.start, token.end)
            if any((token.line, position) in covered for position in range(start, end)):
                continue
            untagged += 1
            marks.append(Mark(token.line, start, end, "untagged", f"not tagged: {token.text}"
                              f"{' (' + token.unit + ')' if token.unit else ''}"))
    return marks, untagged


def tag(notice: Path | str, outdir: Path | str, *, data: Path | str | Filing | None = None, lang: str | None = None,
        entity: str | None = None, overwrite: bool = False, stem: str | None = None,
        outputs: Outputs | None = None) -> TagResult:
    """Tag ``notice`` and write its files into ``outdir`` (nothing is written if anything is invalid).

    ``data``: a filing document (YAML or JSON) or a Filing, the truth the notice is checked against;
    without it the filing is extracted from the notice and ``<stem>.draft.yaml`` is written too.
    ``outputs``: the report package, OIM reports and viewer to add, as for ``export``. The files are
    published as a set (``output.write_files``): OutputExists for a clash without ``overwrite``,
    OutputError when ``outdir`` cannot be written; either way nothing is published.
    """
    notice_path = Path(notice)
    source: Path | Filing | None = Path(data) if isinstance(data, str) else data
    tagged = render_tagged(notice_path, data=source, lang=lang, entity=entity, stem=stem, outputs=outputs)
    out = Path(outdir)
    shared = shared_outputs(outputs) if outputs is not None else {}
    files = {out / name: content for name, content in {**tagged.files, **shared}.items()}
    written, _unchanged = write_files(files, overwrite=overwrite)
    return TagResult(tagged, tuple(files), tuple(written))


class _CallableModule(types.ModuleType):
    """``exporter.tag(...)`` is the library API, and ``exporter.tag`` is also this module's name: once the
    module is imported, the package attribute is the module, so the module itself forwards calls to ``tag``."""

    def __call__(self, *args: Any, **kwargs: Any) -> TagResult:
        return tag(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
