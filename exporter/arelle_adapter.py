"""Arelle, the reference XBRL processor, behind a thin adapter.

This module owns every contact with Arelle's API: building the ``RuntimeOptions`` for an
offline, config-free validation run, collecting Arelle's log records as structured
:class:`ArelleMessage` values, and reading the loaded model's facts back as plain
:class:`ArelleFact` values (no Arelle objects escape, so reports can be pickled, compared
and kept after Arelle has closed the model).

Arelle keeps process-global state (plugin and package managers, the "arelle" logger), so
runs must not overlap in one process; :func:`run_arelle_in_subprocess` gives isolation.
"""

from __future__ import annotations

import logging
import multiprocessing
import posixpath
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias
from urllib.parse import urlsplit

if TYPE_CHECKING:  # Arelle is imported lazily: importing it costs ~0.3 s
    from arelle.ModelInstanceObject import ModelContext, ModelFact
    from arelle.ModelXbrl import ModelXbrl

__all__ = [
    "ArelleFact",
    "ArelleMessage",
    "ArelleReport",
    "Period",
    "arelle_options",
    "run_arelle",
    "run_arelle_in_subprocess",
]

Period: TypeAlias = (
    tuple[Literal["instant"], date] | tuple[Literal["duration"], date, date] | tuple[Literal["forever"]]
)
Unit: TypeAlias = tuple[tuple[str, ...], tuple[str, ...]]

# Arelle's level names, lowercased (it registers extra levels such as INCONSISTENCY).
_ERROR_LEVELS: Final = frozenset({"error", "error-semantic", "assertion-not-satisfied", "critical", "fatal"})
_WARNING_LEVELS: Final = frozenset({"warning", "warning-semantic"})
_INCONSISTENCY_LEVELS: Final = frozenset({"inconsistency"})

_XBRLI: Final = "{http://www.xbrl.org/2003/instance}"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class ArelleMessage:
    """One log record from Arelle; ``file`` is an absolute path (or URL) without fragment."""

    code: str
    level: str
    text: str
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ArelleFact:
    """A fact as Arelle understood it, in plain Python values.

    ``value``: ``Decimal`` for a valid numeric fact, ``str`` otherwise (also for a numeric fact
    Arelle found invalid), ``None`` when nil. ``period`` dates are as written in the document
    (Arelle itself moves date-only end dates to the next midnight). ``dimensions`` maps
    dimension to member (Clark names); a typed dimension maps to its member's text.
    ``lang`` is the OIM language aspect: the in-scope xml:lang of a fact whose type is textual
    (string-derived, per Arelle's ``isOimTextFactType``), ``None`` for numeric, date, boolean...
    ``period`` is ``None`` (and ``context_id`` whatever was written) when the context is missing.
    """

    concept: str
    value: Decimal | str | None
    unit: Unit | None
    period: Period | None
    dimensions: dict[str, str] = field(default_factory=dict, hash=False)
    decimals: str | None = None
    lang: str | None = None
    context_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArelleReport:
    """Outcome of one Arelle run: every message (info included) and the loaded facts."""

    messages: tuple[ArelleMessage, ...]
    facts: tuple[ArelleFact, ...]

    @property
    def errors(self) -> tuple[ArelleMessage, ...]:
        return tuple(m for m in self.messages if m.level in _ERROR_LEVELS)

    @property
    def warnings(self) -> tuple[ArelleMessage, ...]:
        return tuple(m for m in self.messages if m.level in _WARNING_LEVELS)

    @property
    def inconsistencies(self) -> tuple[ArelleMessage, ...]:
        return tuple(m for m in self.messages if m.level in _INCONSISTENCY_LEVELS)

    @property
    def is_clean(self) -> bool:
        """No error, warning or inconsistency (info messages such as timings do not count)."""
        return not (self.errors or self.warnings or self.inconsistencies)

    def codes(self) -> tuple[str, ...]:
        """Message codes of errors, warnings and inconsistencies, in log order."""
        problems = _ERROR_LEVELS | _WARNING_LEVELS | _INCONSISTENCY_LEVELS
        return tuple(m.code for m in self.messages if m.level in problems)


# --- running ---------------------------------------------------------------------------------------


def arelle_options(path: Path, *, packages: Sequence[Path] = (), validate: bool = True, cache_dir: Path,
                   plugins: str | None = None) -> Any:
    """The RuntimeOptions of one offline, config-free run (exposed for inspection in tests).

    ``plugins``: Arelle plugins to load, '|'-separated, e.g. "loadFromOIM".
    """
    from arelle.RuntimeOptions import RuntimeOptions

    return RuntimeOptions(
        entrypointFile=str(path),
        packages=[str(p) for p in packages] or None,
        plugins=plugins,
        internetConnectivity="offline",  # sets workOffline: the web cache never downloads
        disablePersistentConfig=True,  # no config.json / plugins.json / cachedUrlCheckTimes.json
        # The web cache would otherwise be ~/.config/arelle/cache: an empty private directory
        # keeps results independent of whatever a user happens to have cached. Arelle's
        # built-in cache (base schemas, UTR) lives in the package and is still used.
        cacheDirectory=str(cache_dir),
        validate=validate,
        calcs="c11r",  # XBRL Calculations 1.1, round-to-nearest
        utrValidate=True,
        keepOpen=True,  # keep the model loaded after the run so its facts can be read
        logLevel="info",
        logPropagate=False,  # keep Arelle's records out of the root logger (and pytest's caplog)
        logRefObjectProperties=False,  # we only read href/sourceLine; properties are costly
    )


def run_arelle(path: Path, *, packages: Sequence[Path] = (), validate: bool = True,
               plugins: str | None = None) -> ArelleReport:
    """Load (and by default validate) ``path`` with Arelle, offline; return messages and facts.

    Not thread-safe (Arelle's global state): use one run at a time per process, or
    :func:`run_arelle_in_subprocess`.
    """
    from arelle.api.Session import Session

    entry = Path(path).resolve()
    handler = _RecordingHandler()
    with tempfile.TemporaryDirectory(prefix="arelle-cache-") as cache_dir, Session() as session:
        options = arelle_options(entry, packages=packages, validate=validate, cache_dir=Path(cache_dir),
                                 plugins=plugins)
        session.run(options, logHandler=handler)
        models = list(session.get_models())
        try:
            facts = tuple(fact for model in models for fact in _facts_of(model))
        finally:
            for model in models:
                model.close()  # keepOpen=True leaves closing to us
    messages = tuple(_message_of(record, entry) for record in handler.records)
    return ArelleReport(messages=messages, facts=facts)


def run_arelle_in_subprocess(path: Path, packages: Sequence[Path] = (), *, validate: bool = True) -> ArelleReport:
    """:func:`run_arelle` in a fresh "spawn" process, isolated from this process's Arelle state."""
    context = multiprocessing.get_context("spawn")  # never fork a process that may hold locks
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        # run_arelle is a top-level function and ArelleReport holds only plain values: both pickle.
        future = pool.submit(run_arelle, Path(path), packages=tuple(Path(p) for p in packages), validate=validate)
        return future.result()


class _RecordingHandler(logging.Handler):
    """Keeps Arelle's LogRecords; they carry messageCode and refs (href, sourceLine)."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


# --- messages --------------------------------------------------------------------------------------


def _message_of(record: logging.LogRecord, entry: Path) -> ArelleMessage:
    file, line = _first_location(getattr(record, "refs", None) or (), entry)
    return ArelleMessage(
        code=str(getattr(record, "messageCode", "") or ""),
        level=record.levelname.lower(),
        text=_text_of(record),
        file=file,
        line=line,
    )


def _text_of(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except (TypeError, ValueError, KeyError):  # Arelle messages with unmatched %-placeholders
        return str(record.msg)


def _first_location(refs: Iterable[dict[str, Any]], entry: Path) -> tuple[str | None, int | None]:
    for ref in refs:
        href = str(ref.get("href") or "").partition("#")[0]
        if not href:
            continue
        return _absolute(href, entry), _int_or_none(ref.get("sourceLine"))
    return None, None


def _absolute(href: str, entry: Path) -> str:
    # Arelle writes hrefs relative to the entry point; absolute paths and URLs pass unchanged.
    if urlsplit(href).scheme or posixpath.isabs(href) or Path(href).is_absolute():
        return href
    return str((entry.parent / href).resolve())


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- facts -----------------------------------------------------------------------------------------


def _facts_of(model: ModelXbrl) -> Iterator[ArelleFact]:
    for fact in _items(model.facts):
        yield _fact_of(fact)


def _items(facts: Iterable[ModelFact]) -> Iterator[ModelFact]:
    """Items in document order, descending into tuples (tuples themselves carry no value)."""
    for fact in facts:
        if fact.isTuple:
            yield from _items(fact.modelTupleFacts)
        else:
            yield fact


def _fact_of(fact: ModelFact) -> ArelleFact:
    context = fact.context
    numeric = bool(fact.isNumeric)
    return ArelleFact(
        concept=fact.qname.clarkNotation,
        value=_value_of(fact, numeric),
        unit=_unit_of(fact) if numeric else None,
        period=_period_of(context) if context is not None else None,
        dimensions=_dimensions_of(context) if context is not None else {},
        decimals=fact.decimals if numeric else None,
        lang=None if numeric else _language_of(fact),
        context_id=fact.contextID,
    )


def _value_of(fact: ModelFact, numeric: bool) -> Decimal | str | None:
    if fact.isNil:
        return None
    typed = fact.xValue
    if numeric:
        # Arelle gives Decimal (decimal types), int (integer types) or float (float/double).
        if isinstance(typed, Decimal):
            return typed
        if isinstance(typed, (int, float)) and not isinstance(typed, bool):
            try:
                return Decimal(str(typed))
            except InvalidOperation:
                pass
        return str(fact.value)  # invalid numeric value: keep the text for the report
    if isinstance(typed, str):
        return typed  # already whitespace-normalised per the concept's type
    return str(fact.value).strip()  # dates, QNames, booleans...: their lexical form


def _unit_of(fact: ModelFact) -> Unit | None:
    unit = fact.unit
    if unit is None:
        return None
    numerators, denominators = unit.measures
    return (
        tuple(measure.clarkNotation for measure in numerators),
        tuple(measure.clarkNotation for measure in denominators),
    )


def _period_of(context: ModelContext) -> Period | None:
    period = context.period
    if period is None:
        return None
    instant = period.find(f"{_XBRLI}instant")
    if instant is not None:
        return ("instant", _written_date(instant.text))
    start, end = period.find(f"{_XBRLI}startDate"), period.find(f"{_XBRLI}endDate")
    if start is not None and end is not None:
        return ("duration", _written_date(start.text), _written_date(end.text))
    if period.find(f"{_XBRLI}forever") is not None:
        return ("forever",)
    return None


def _written_date(text: str | None) -> date:
    """The xs:date / xs:dateTime exactly as written (no end-of-day adjustment)."""
    value = (text or "").strip()
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value[:10])  # drops an (unusual) timezone on a plain date


def _dimensions_of(context: ModelContext) -> dict[str, str]:
    dimensions: dict[str, str] = {}
    for dimension, value in context.qnameDims.items():
        if value.isExplicit:
            member = value.memberQname
            dimensions[dimension.clarkNotation] = member.clarkNotation if member is not None else ""
        else:
            typed = value.typedMember
            dimensions[dimension.clarkNotation] = (typed.stringValue if typed is not None else "").strip()
    return dimensions


def _language_of(fact: ModelFact) -> str | None:
    # Language is an aspect of text facts only (OIM); Arelle's own OIM export uses this test.
    concept = fact.concept
    concept_type = concept.type if concept is not None else None
    if concept_type is None or not concept_type.isOimTextFactType:
        return None
    return _in_scope_lang(fact)


def _in_scope_lang(fact: ModelFact) -> str | None:
    # Arelle's ModelFact.xmlLang only looks at the fact and its parent; xml:lang is inherited
    # from any ancestor (in an inline document typically from <html xml:lang=...>).
    element: Any = fact
    while element is not None:
        lang = element.get(_XML_LANG)
        if lang is not None:
            return str(lang)
        element = element.getparent()
    return None
