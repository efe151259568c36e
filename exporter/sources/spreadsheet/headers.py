"""Column headers of a register: which field each heading names, language marks, and ``--map`` files.

The headings come from the fields (``fields.FIELDS``: the concepts' labels and declared synonyms,
and the composite fields' small table). A header is matched through ``notation.header_key`` (width,
case, spaces, underscores, hyphens, periods, colons and middle dots do not count), so ``Number of
rights``, ``ＮＵＭＢＥＲ ＯＦ ＲＩＧＨＴＳ`` and ``number_of_rights`` are one header. Text fields also
accept a language mark after the header (``Company name (English)``, ``会社名（日本語）``, ``Title
(ja)``); without one, a text cell's language is told from its script.

A heading may name more than one field when the fields never apply to the same issuance: 発行価額
is the amount paid per right of stock acquisition rights and the price per share of shares; the
row's kind decides. The one other sharing allowed is a kind and a text (``Plan``: the kind when the
cell is a kind word, else the plan's name).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from exporter.notation import header_key
from exporter.sources.spreadsheet.fields import FIELD_KEYS, FIELDS, KEY_ALIASES, FieldSpec, Table, headings, spec

Lang = Literal["en", "ja"]

__all__ = ["ALLOTMENT_SHEETS", "FIELDS", "IGNORE", "ISSUANCE_SHEETS", "LANGUAGE_MARKS", "HeaderMap", "MappingError",
           "Target", "default_headers", "load_mapping", "markdown_table", "spec"]

# Language marks after (or before) a text field's header; compared as header keys.
LANGUAGE_MARKS: dict[Lang, tuple[str, ...]] = {
    "en": ("(en)", "(english)", "(英語)", "(英文)", "[en]", "[english]", "英文", "english"),
    "ja": ("(ja)", "(jp)", "(japanese)", "(日本語)", "(和文)", "[ja]", "[japanese]", "和文", "japanese"),
}

# Sheet names that make a workbook layout b.
ISSUANCE_SHEETS = ("Issuances", "Issuance", "発行", "発行一覧")
ALLOTMENT_SHEETS = ("Allotments", "Allotment", "割当", "割当一覧", "付与対象者")

IGNORE = "ignore"  # a --map target: a column read on purpose as unused (still reported)


@dataclass(frozen=True)
class Target:
    """What a header means: one or more fields, optionally in one language; or nothing (ignored by the map)."""

    fields: tuple[str, ...]
    lang: Lang | None = None
    source: Literal["builtin", "map"] = "builtin"

    @property
    def field(self) -> str | None:
        """The first field (the only one, unless the row's kind chooses); None for an ignored column."""
        return self.fields[0] if self.fields else None


@dataclass
class _Builder:
    keys: dict[str, list[str]] = field(default_factory=dict)
    langs: dict[str, Lang] = field(default_factory=dict)

    def add(self, key: str, field_key: str, lang: Lang | None = None) -> None:
        found = self.keys.setdefault(key, [])
        if field_key not in found:
            found.append(field_key)
        if lang:
            self.langs[key] = lang


def _order(keys: list[str], table: Table) -> tuple[str, ...]:
    """Kinds before texts, so that a shared heading is read as a kind first."""
    return tuple(sorted(keys, key=lambda k: spec(k, table).shape != "token"))


def _builtin(table: Table) -> dict[str, Target]:
    builder = _Builder()
    for field_spec in FIELDS:
        if field_spec.table != table:
            continue
        for header in field_spec.headers:
            base = header_key(header)
            builder.add(base, field_spec.key)
            if not field_spec.text:
                continue
            for lang, marks in LANGUAGE_MARKS.items():
                for mark in marks:
                    mark_key = header_key(mark)
                    builder.add(base + mark_key, field_spec.key, lang)
                    if not mark_key.startswith(("(", "[")):
                        builder.add(mark_key + base, field_spec.key, lang)
    return {key: Target(_order(fields, table), builder.langs.get(key)) for key, fields in builder.keys.items()}


_BUILTIN: dict[Table, dict[str, Target]] = {"issuances": _builtin("issuances"), "allotments": _builtin("allotments")}


class MappingError(ValueError):
    """The --map file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class HeaderMap:
    """Header key -> target, built-in headings overlaid with the user's mapping."""

    issuances: dict[str, Target]
    allotments: dict[str, Target]

    def table(self, table: Table) -> dict[str, Target]:
        return self.issuances if table == "issuances" else self.allotments

    def match(self, header: object, table: Table) -> Target | None:
        key = header_key(header)
        return self.table(table).get(key) if key else None


def default_headers() -> HeaderMap:
    return HeaderMap(dict(_BUILTIN["issuances"]), dict(_BUILTIN["allotments"]))


def _resolve_target(value: object, where: str) -> dict[Table, Target]:
    """A --map value (field key, field key with .en/.ja, a built-in header, or ignore) per table."""
    if value is None or (isinstance(value, str) and header_key(value) == IGNORE):
        return {"issuances": Target((), source="map"), "allotments": Target((), source="map")}
    if not isinstance(value, str):
        raise MappingError(f"{where}: expected a field name such as allotment_date, got {value!r}")
    text, lang = value.strip(), None
    suffixes: tuple[tuple[str, Lang], ...] = ((".en", "en"), (".ja", "ja"))
    for suffix, marked in suffixes:
        if text.lower().endswith(suffix):
            text, lang = text[: -len(suffix)], marked
    text = KEY_ALIASES.get(text, text)
    found: dict[Table, Target] = {}
    for table in ("issuances", "allotments"):
        if text in FIELD_KEYS[table]:
            found[table] = Target((text,), lang, "map")
            continue
        builtin = _BUILTIN[table].get(header_key(text))
        if builtin is not None and builtin.fields:
            found[table] = Target(builtin.fields, lang or builtin.lang, "map")
    if not found:
        names = ", ".join(sorted(set(FIELD_KEYS["issuances"]) | set(FIELD_KEYS["allotments"])))
        raise MappingError(f"{where}: {value!r} is not one of our fields ({names}) or their headers; "
                           f"use 'ignore' to mark a column as deliberately unused")
    for table, target in found.items():
        if lang and not all(spec(key, table).text for key in target.fields):
            raise MappingError(f"{where}: {target.field} is not a text field, so it has no .{lang} variant")
    return found


def load_mapping(path: Path | None) -> HeaderMap:
    """Built-in headings overlaid with a --map YAML file: ``{register header: field}``.

    The file is a mapping, at the top or under ``columns:``; a value is one of our field names
    (``allotment_date``; text fields also ``company_name.en`` / ``company_name.ja``), one of our
    headings (``Allotment date``), or ``ignore`` / null for a column that is deliberately unused.
    """
    headers = default_headers()
    if path is None:
        return headers
    from exporter.sources.documents import InputError, read_document  # bounded, located (see there)

    try:
        data, _node = read_document(path)
    except InputError as exc:
        raise MappingError(str(exc)) from None
    if isinstance(data, dict) and isinstance(data.get("columns"), dict) and len(data) == 1:
        data = data["columns"]
    if not isinstance(data, dict):
        raise MappingError(f"{path}: expected a mapping of register headers to fields, e.g. 'Grant date: allotment_date'")
    for header, value in data.items():
        key = header_key(header)
        if not key:
            raise MappingError(f"{path}: an empty header cannot be mapped")
        for table, target in _resolve_target(value, f"{path}: {header!r}").items():
            headers.table(table)[key] = target
    return headers


REQUIRED = {("issuances", "company_name"), ("issuances", "announcement_date"), ("allotments", "id"),
            ("allotments", "category")}


def _for(field_spec: FieldSpec) -> str:
    instruments = {i.value for i in field_spec.instruments}
    if len(instruments) > 1:
        return "all"
    return "rights" if "stock_acquisition_rights" in instruments else "shares"


def markdown_table() -> str:
    """The header table of docs/registers.md (written by docs/build.py), generated from the fields."""
    lines = ["| field | English header | Japanese header | also recognised | for | notes |", "|---|---|---|---|---|---|"]
    for table in ("issuances", "allotments"):
        en, ja = headings(table, "en"), headings(table, "ja")
        if table == "allotments":
            lines.append("| **layout b, sheet `Allotments`** | | | | | |")
        for field_spec in FIELDS:
            if field_spec.table != table:
                continue
            key = field_spec.key
            synonyms = ", ".join(f"`{s}`" for s in field_spec.headers if s not in (en[key], ja[key]))
            concept = field_spec.concept
            note = field_spec.note or (concept.label.en + "." if concept else "")
            names = ", ".join(f"`eqi:{p.concept.name}`" for p in field_spec.places)
            if names:
                note += f" ({names})"
            required = " **Required.**" if (table, key) in REQUIRED else ""
            lines.append(f"| `{key}` | `{en[key]}` | `{ja[key]}` | {synonyms} | {_for(field_spec)} | {note}{required} |")
    return "\n".join(lines)
