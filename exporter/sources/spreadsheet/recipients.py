"""A record's allotments: who gets the rights or shares, from an allotment cell or Allotments rows.

Layout a gives the allotment in one cell per language (``当社取締役 7名 100個、当社執行役員 11名 51個``,
``当社取締役 6名 22,409株``), and named allottees in an allottee cell (``株式会社日本カストディ銀行（信託E口）
327,000株``); layout b gives one row per category on the Allotments sheet. Persons, rights and
shares are each optional; which of rights and shares is counted follows the row's instrument.

Each entry gets a recipient category:

* a standard code from the ``Category code`` column, or a company code from ``Custom category``;
* else the standard category its label names word for word (当社執行役員, Executive officers, その他);
* else the category ``classify_recipient`` finds (当社取締役（社外取締役を除く） is directors), or the
  standard one that combines the roles it finds (当社取締役及び執行役員);
* a named allottee of a trust plan is the trust account, of a third-party allotment the investor;
* a label the standard list cannot take is a category of the company's own: one that classifies as
  ``other``, one that narrows a category by rank or tenure (理事, 取締役会長, 退任社外取締役), and every
  entry of an issuance whose standard category another entry also claims (four ranks of director).
  Its code is ``category<n>``, n being the entry's position in the issuance (1, 2, ...), and its
  label is its description; so two such categories of one issuance never collide.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from exporter.domain.kinds import Instrument, IssuanceKind
from exporter.domain.text import has_japanese
from exporter.notation import (
    AllotmentItem,
    Count,
    NormaliseError,
    classify_recipient,
    names_part_of_a_category,
    normalise_text,
    parse_allotment_items,
    parse_count,
    recipient_roles,
)
from exporter.sources.spreadsheet.fields import spec
from exporter.sources.spreadsheet.layouts import Cell, SourceRow
from exporter.sources.spreadsheet.problems import CellRef
from exporter.sources.spreadsheet.reading import RowReader, to_be_determined
from exporter.sources.spreadsheet.vocabulary import category_code, named_category

ALLOTTEE_CATEGORIES = {IssuanceKind.TRUST_PLAN: "trust_account", IssuanceKind.THIRD_PARTY_SHARES: "investor",
                       IssuanceKind.THIRD_PARTY_RIGHTS: "investor"}
# Standard categories that combine roles, which classify_recipient reads as "other".
COMBINED_ROLES = {("company", frozenset({"director", "executive_officer"})): "directors_and_executive_officers"}
CUSTOM_PREFIX = "category"  # category1, category2, ...: the models' codes take no digit after "_"


@dataclass
class Entry:
    """One category or allottee in one or two languages, with its counts and cells."""

    labels: dict[str, str]  # language -> label as written
    persons: Count | None
    count: Count | None  # rights or shares
    refs: list[CellRef]
    allottee: bool = False  # the label names an allottee, not a category
    code: str | None = None  # a standard code given in a column
    custom: str | None = None  # a company code given in a column
    count_tbd: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def counted(instrument: Instrument | None) -> str:
    return "shares" if instrument is Instrument.SHARES else "rights"


def read_allotments(row: RowReader, kind: IssuanceKind | None) -> list[dict[str, Any]] | None:
    """The record's allotments as model input; None if there are none or they did not read."""
    record = row.record
    cells = row.filled("allotment")
    allottee_cells = row.filled("allottee")
    if record.allotments and (cells or allottee_cells):
        row.problem("the allotment is given twice: in this row and on the Allotments sheet; keep one",
                    [c.ref for c in cells + allottee_cells] + [record.allotments[0].cells[0].ref])
        row.fail("allotment")
        return None
    if record.allotments:
        entries = _rows(row, record.allotments)
    else:
        if not cells and not allottee_cells:
            if record.allotments is not None:
                row.warnings.append("no row of the Allotments sheet has this issuance's ID: the filing has no "
                                    "allotments")
            return None
        entries = _cells(row, "allotment", cells)
        named = _cells(row, "allottee", allottee_cells)
        entries = None if entries is None or named is None else entries + named
    if entries is None:
        row.fail("allotment")
        return None
    return _model_input(row, entries, kind)


def _cells(row: RowReader, key: str, cells: list[Cell]) -> list[Entry] | None:
    """Entries of one or two languages' cells, paired by position."""
    by_lang: dict[str, tuple[list[AllotmentItem], CellRef]] = {}
    for cell in cells:
        try:
            items = parse_allotment_items(cell.value if isinstance(cell.value, str) else normalise_text(cell.value),
                                          counted(row.instrument), counts_required=key == "allotment")
        except NormaliseError as error:
            row.cell_error(error, cell, key)
            return None
        lang = cell.lang or ("ja" if has_japanese(" ".join(i.label for i in items)) else "en")
        if lang in by_lang:
            heading = spec(key).heading("en")
            row.problem(f"two {heading.lower()} columns are in the same language; keep one, or mark the languages "
                        f"in the headers, e.g. '{heading} (English)' and '{heading} (Japanese)'",
                        [by_lang[lang][1], cell.ref])
            return None
        by_lang[lang] = (items, cell.ref)
        row.texts.append(lang)
    if not by_lang:
        return []
    refs = [ref for _, ref in by_lang.values()]
    row.add_source("issuance.allotments", refs)
    lists = [(lang, items) for lang, (items, _) in sorted(by_lang.items())]
    first = lists[0][1]
    for _, other in lists[1:]:
        if len(other) != len(first):
            row.problem(f"the English and Japanese {spec(key).heading('en').lower()} list different numbers of "
                        f"entries ({len(first)} and {len(other)})", refs)
            return None
    entries = []
    for position, group in enumerate(zip(*(items for _, items in lists), strict=True)):
        numbers = {(i.persons, i.count) for i in group}
        if len(numbers) > 1:
            row.problem(f"entry {position + 1} differs between the languages: " +
                        "; ".join(f"{i.label!r}: {_show(i.persons)} persons, {_show(i.count)}" for i in group), refs)
            return None
        item = group[0]
        labels = {lang: i.label for (lang, _), i in zip(lists, group, strict=True)}
        entries.append(Entry(labels, item.persons, item.count, refs, allottee=key == "allottee"))
    return entries


def _show(count: Count | None) -> str:
    return "no" if count is None else f"{count.value:,}"


def _rows(row: RowReader, source_rows: tuple[SourceRow, ...]) -> list[Entry] | None:
    """Entries of the Allotments sheet, one per row."""
    entries: list[Entry] = []
    ok = True
    quantity = counted(row.instrument)
    for source in source_rows:
        cells = {key: [c for c in source.cells if c.field == key] for key in
                 ("category", "category_code", "custom_category", "allottee", "persons", "rights", "shares")}
        filled = {key: [c for c in found if not c.empty] for key, found in cells.items()}
        other = "shares" if quantity == "rights" else "rights"
        for cell in filled[other]:
            row.problem(f"this column counts {other}, but the issuance's kind issues {quantity}: leave it empty",
                        [cell.ref], "an empty cell")
            ok = False
        counts: dict[str, Count | None] = {"persons": None, quantity: None}
        tbd = False
        for key in ("persons", quantity):
            for cell in filled[key][:1]:
                if key != "persons" and to_be_determined(cell.value):
                    tbd = True
                    continue
                try:
                    counts[key] = parse_count(cell.value)
                except NormaliseError as error:
                    row.cell_error(error, cell, "allotment")
                    ok = False
        code = custom = None
        for key in ("category_code", "custom_category"):
            for cell in filled[key][:1]:
                if key == "category_code":
                    try:
                        code = category_code(cell.value)
                    except NormaliseError as error:
                        row.cell_error(error, cell, "allotment")
                        ok = False
                else:
                    custom = normalise_text(cell.value)
        labels = row.text("category", filled["category"], "allotments") if filled["category"] else None
        allottees = row.text("allottee", filled["allottee"], "allotments") if filled["allottee"] else None
        if labels is None and allottees is None:
            ref = cells["category"][0].ref if cells["category"] else CellRef(source.sheet, source.row, None,
                                                                              spec("category", "allotments").heading("en"))
            row.problem("expected the recipient category as the notice words it, e.g. 'Executive Officers' or "
                        "'当社執行役員' (or an allottee's name), got an empty cell", [ref])
            ok = False
            continue
        refs = [c.ref for key in cells for c in filled[key]]
        entry = Entry((labels or allottees or ({}, []))[0], counts["persons"], counts[quantity], refs,
                      allottee=labels is None, code=code, custom=custom, count_tbd=tbd)
        if labels is not None and allottees is not None:
            entry.extra["allottee"] = allottees[0]
        entries.append(entry)
        row.add_source("issuance.allotments", refs)
    return entries if ok else None


def _category(entry: Entry, kind: IssuanceKind | None) -> str | None:
    """The standard category the entry's label names or classifies as; None if the list cannot take it."""
    if entry.code:
        return entry.code
    if entry.allottee and kind in ALLOTTEE_CATEGORIES:
        return ALLOTTEE_CATEGORIES[kind]
    found = set()
    for label in entry.labels.values():
        named = named_category(label)
        if named is not None:
            found.add(named)
            continue
        code = classify_recipient(label)
        if code == "other":
            code = COMBINED_ROLES.get(recipient_roles(label), "other")
        if code == "other" or names_part_of_a_category(label):
            return None
        found.add(code)
    return found.pop() if len(found) == 1 else None


def _model_input(row: RowReader, entries: list[Entry], kind: IssuanceKind | None) -> list[dict[str, Any]] | None:
    quantity = counted(row.instrument)
    codes = [None if entry.custom else _category(entry, kind) for entry in entries]
    claimed = Counter(code for code in codes if code is not None)
    allotments = []
    for index, (entry, code) in enumerate(zip(entries, codes, strict=True)):
        if entry.persons is not None and entry.persons.upper_limit:
            label = next(iter(entry.labels.values()))
            row.problem(f"category {label!r}: the number of persons cannot be an upper limit (上限 / not exceeding "
                        f"applies to rights and shares only)", entry.refs, "an exact number of persons")
            row.fail("allotment")
            return None
        allotment: dict[str, Any] = {}
        if code is not None and (claimed[code] == 1 or entry.code):
            allotment["category"] = code
        else:
            allotment["custom_category"] = entry.custom or f"{CUSTOM_PREFIX}{index + 1}"
        if entry.allottee:
            allotment["allottee"] = entry.labels
            if "custom_category" in allotment:
                allotment["description"] = entry.labels
        else:
            allotment["description"] = entry.labels
            if "allottee" in entry.extra:
                allotment["allottee"] = entry.extra["allottee"]
        if entry.persons is not None:
            allotment["persons"] = entry.persons.value
        if entry.count is not None:
            allotment[quantity] = {"value": entry.count.value, "upper_limit": entry.count.upper_limit}
        elif entry.count_tbd:
            allotment[quantity] = {"value": None}
        allotments.append(allotment)
        row.add_source(f"issuance.allotments.{index}", entry.refs)
    return allotments


def check_total_persons(row: RowReader, allotments: list[dict[str, Any]] | None) -> None:
    """A hand-typed total of persons must equal the allotments' persons (it is checked, never tagged)."""
    total = row.value("total_persons", parse_count)
    if not total or not allotments or any("persons" not in a for a in allotments):
        return
    summed = sum(a["persons"] for a in allotments)
    if total[0].value != summed:
        parts = " + ".join(f"{a['persons']:,}" for a in allotments)
        header = total[1][0].header
        row.problem(f"{header!r} says {total[0].value:,} persons, but the allotments add up to {parts} = {summed:,}",
                    total[1] + row.sources.get("issuance.allotments", []), "the sum of the allotments' persons")
