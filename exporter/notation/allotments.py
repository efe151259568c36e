"""Allotment text and recipient categories.

This module owns `parse_allotments`, which reads the per-category allotments of one cell ("当社取締役
7名 100個; 従業員 20名 50個", label-first or count-first, brackets never split, a 合計 / Total entry
checked and dropped) into `AllotmentEntry` values, and `classify_recipient`, which maps a recipient
label in English or Japanese to one of `RECIPIENT_CODES`.  Labels are reported as the raw text
behind the folded text, so messages quote what the register says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from . import messages as msg
from ._text import RawCell, _fold, normalise_text
from .messages import NormaliseError
from .numbers import Count


@dataclass(frozen=True)
class AllotmentEntry:
    """One recipient category of an allotment, e.g. 当社取締役 7名 100個."""

    label: str
    persons: Count
    rights: Count


RECIPIENT_CODES: tuple[str, ...] = (
    "directors",
    "outside_directors",
    "audit_committee_directors",
    "executive_officers",
    "corporate_auditors",
    "employees",
    "subsidiary_directors",
    "subsidiary_executive_officers",
    "subsidiary_corporate_auditors",
    "subsidiary_employees",
    "subsidiary_directors_and_employees",
    "group_company_managers",
    "other",
)


@dataclass(frozen=True)
class _Folded:
    """Folded text that remembers where each character came from in the raw text."""

    raw: str
    text: str
    origin: tuple[int, ...]

    def original(self, start: int, end: int) -> str:
        """The raw text behind folded text[start:end], whitespace collapsed."""
        if start >= end:
            return ""
        return " ".join(self.raw[self.origin[start] : self.origin[end - 1] + 1].split())


def _fold_keeping_origin(raw: str) -> _Folded:
    # Folding character by character keeps the mapping; it differs from whole-string
    # NFKC only in composing combining marks, which never touch digits or separators.
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        for folded in _fold(char):
            chars.append(folded)
            origin.append(index)
    return _Folded(raw, "".join(chars), tuple(origin))


_OPENERS = "([【〔「『"
_CLOSERS = ")]】〕」』"
_INNER_GROUP = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|「[^「」]*」|『[^『』]*』")


def _depths(text: str) -> tuple[int, ...] | None:
    """Bracket depth at each character (brackets themselves count as inside); None if unbalanced."""
    depth, out = 0, []
    for char in text:
        if char in _OPENERS:
            depth += 1
        out.append(depth)
        if char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return None
    return tuple(out) if depth == 0 else None


def _without_groups(text: str) -> str:
    while True:
        stripped = _INNER_GROUP.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


_ALLOTMENT_COUNT = re.compile(
    r"""
    (?:(?<![A-Za-z])(?P<pre>上限(?:として)?|最大|up\s+to|not\s+exceeding|not\s+more\s+than
        |no\s+more\s+than|at\s+most|(?:a\s+)?maximum(?:\s+of)?|max\.?)\s*)?
    (?<![0-9A-Za-z.,])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?(?![0-9]|,[0-9])
    (?!st\b|nd\b|rd\b|th\b)
    (?:\s*(?P<unit>名|人|個|株|persons?(?:\(s\))?|people|individuals?
        |(?:stock\s+acquisition\s+)?rights?(?:\(s\))?|units?|shares?)(?![A-Za-z]))?
    (?P<post>\s*(?:を上限とする|を上限として|を上限|\(上限\)|上限|以内|以下|\(max(?:imum)?\.?\)
        |or\s+(?:less|fewer)|at\s+(?:the\s+)?most)(?!\s*[0-9]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PERSON_UNITS = re.compile(r"名|人|person.*|people|individuals?", re.IGNORECASE)
_SHARE_UNITS = re.compile(r"株|shares?", re.IGNORECASE)
_STRONG_SEPARATORS = ";\n\r"
_CONNECTOR_WORDS = frozenset(
    {"", "and", "及び", "および", "並びに", "ならびに", "に対し", "に対して", "に", "へ", "for", "to", "with"}
)
_TRIM_CHARS = " \t\r\n,、;:・/-–—.。"
_LEADING_JUNK = re.compile(r"(?:[\s,、;:・/\-–—.。]|and\b|及び|および|並びに|ならびに)*", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"[\s,、;:・/\-–—]*$")
_TOTAL_LABELS = frozenset({"合計", "計", "総計", "total", "in total", "grand total", "totals"})


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    kind: str | None  # "persons", "rights", "shares" or None (no unit)
    value: Decimal
    upper: bool


def _tokens(folded: _Folded, depths: tuple[int, ...]) -> list[_Token]:
    found = []
    for m in _ALLOTMENT_COUNT.finditer(folded.text):
        if depths[m.start("num")]:
            continue  # numbers inside brackets are remarks, e.g. (うち社外取締役2名)
        unit = m["unit"]
        kind = None
        if unit:
            kind = (
                "persons" if _PERSON_UNITS.fullmatch(unit)
                else "shares" if _SHARE_UNITS.fullmatch(unit)
                else "rights"
            )  # fmt: skip
        value = Decimal(m["num"].replace(",", "") + (m["frac"] or ""))
        found.append(_Token(m.start(), m.end(), kind, value, bool(m["pre"] or m["post"])))
    return found


def _resolve_unitless(tokens: list[_Token]) -> list[_Token]:
    """Decide which bare numbers are counts.

    A bare number counts only where an entry lacks an explicit count: as the
    persons of "7 Directors 100 rights" (the bare number right before a rights
    count with no persons count of its own), or as the rights of "Directors: 7
    persons, 100" (right after a persons count with no rights count).  Elsewhere
    it belongs to a label ("Directors of 3 subsidiaries").  With no units at
    all, numbers are read positionally (persons, rights, persons, ...).
    """
    if all(t.kind is None for t in tokens):
        return tokens
    resolved = []
    for i, token in enumerate(tokens):
        if token.kind is not None:
            resolved.append(token)
            continue
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        earlier = next((t for t in reversed(tokens[:i]) if t.kind is not None), None)
        later = next((t for t in tokens[i + 1 :] if t.kind is not None), None)
        lacks_persons = earlier is None or earlier.kind != "persons"
        lacks_rights = later is None or later.kind != "rights"
        if nxt is not None and nxt.kind == "rights" and lacks_persons:
            resolved.append(_replace_kind(token, "persons"))
        elif prev is not None and prev.kind == "persons" and lacks_rights:
            resolved.append(_replace_kind(token, "rights"))
    return resolved


def _replace_kind(token: _Token, kind: str) -> _Token:
    return _Token(token.start, token.end, kind, token.value, token.upper)


def _is_connector(text: str) -> bool:
    return _without_groups(text).strip(_TRIM_CHARS).casefold() in _CONNECTOR_WORDS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start += _LEADING_JUNK.match(text, start, end).end() - start  # type: ignore[union-attr]
    end = _TRAILING_JUNK.search(text[start:end]).start() + start  # type: ignore[union-attr]
    return start, max(start, end)


def _first_strong(text: str, depths: tuple[int, ...], start: int, end: int) -> int | None:
    return next(
        (i for i in range(start, end) if text[i] in _STRONG_SEPARATORS and not depths[i]), None
    )


def _entry_count(token: _Token, raw: str, entry: int, fragment: str) -> Count:
    if token.value != token.value.to_integral_value():
        raise NormaliseError(
            raw, msg.EXPECTED_ALLOTMENT_ENTRY, msg.NOT_WHOLE, entry=entry, fragment=fragment
        )
    return Count(int(token.value), token.upper)


def _open_cell(raw: RawCell, expected: str, expected_entry: str
               ) -> tuple[_Folded, tuple[int, ...], Callable[[int, int, int, str], NormaliseError]]:
    """An allotment cell folded (remembering the raw text), its bracket depths, and the error for an entry."""
    if not isinstance(raw, str) or not raw.strip():
        raise NormaliseError(raw, expected)
    folded = _fold_keeping_origin(raw)
    depths = _depths(folded.text)
    if depths is None:
        raise NormaliseError(raw, expected, msg.UNBALANCED_BRACKETS)

    def fail(entry: int, start: int, end: int, reason: str) -> NormaliseError:
        start, end = _trim(folded.text, start, end)
        return NormaliseError(raw, expected_entry, reason, entry=entry, fragment=folded.original(start, end))

    return folded, depths, fail


def parse_allotments(raw: RawCell) -> list[AllotmentEntry]:
    """Recipient categories with their numbers of persons and rights.

    Entries may be written label-first ("Directors: 7 persons, 100 rights",
    "当社取締役 7名 100個") or count-first ("7 Directors 100 rights") and are
    separated by ; ；、 newlines or commas; brackets (ASCII or full-width) are
    never split.  "/" is not a separator (labels such as "and/or" use it).
    Persons must come before rights.  A 合計 / Total entry is checked against
    the sum of the others and then dropped.
    """
    expected = msg.EXPECTED_ALLOTMENTS
    folded, depths, fail = _open_cell(raw, expected, msg.EXPECTED_ALLOTMENT_ENTRY)
    text = folded.text

    tokens = _resolve_unitless(_tokens(folded, depths))
    entries: list[AllotmentEntry] = []
    totals: list[AllotmentEntry] = []
    position = 0  # end of the previous entry
    index = 0
    while index < len(tokens):
        number = len(entries) + len(totals) + 1
        persons, rights = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
        if persons.kind == "shares" or (rights and rights.kind == "shares"):
            raise fail(number, position, (rights or persons).end, msg.SHARES_NOT_RIGHTS)
        if persons.kind == "rights":
            raise fail(number, position, persons.end, msg.MISSING_PERSONS)
        if rights is None or rights.kind == "persons":
            raise fail(number, position, persons.end, msg.MISSING_RIGHTS)
        if _first_strong(text, depths, persons.end, rights.start) is not None:
            raise fail(number, position, persons.end, msg.SPLIT_ACROSS_ENTRIES)
        gap = text[persons.end : rights.start]
        if _is_connector(gap):  # label-first: the label precedes the counts
            label_start, label_end = _trim(text, position, persons.start)
            cut = _first_strong(text, depths, label_start, label_end)
            if cut is not None:  # text before a ";" with no counts of its own
                raise fail(number, label_start, cut, msg.NO_COUNTS)
        else:  # count-first: the label sits between the counts
            if not _is_connector(text[position : persons.start]):
                raise fail(number, position, persons.start, msg.NO_COUNTS)
            label_start, label_end = _trim(text, persons.end, rights.start)
        fragment = folded.original(*_trim(text, position, rights.end))
        if label_start >= label_end:
            raise fail(number, position, rights.end, msg.NO_LABEL)
        entry = AllotmentEntry(
            folded.original(label_start, label_end),
            _entry_count(persons, folded.raw, number, fragment),
            _entry_count(rights, folded.raw, number, fragment),
        )
        is_total = normalise_text(entry.label).casefold().rstrip(":") in _TOTAL_LABELS
        (totals if is_total else entries).append(entry)
        position = rights.end
        index += 2
    if not _is_connector(text[position:]):
        raise fail(len(entries) + len(totals) + 1, position, len(text), msg.NO_COUNTS)
    if not entries:
        raise NormaliseError(raw, expected, msg.NO_COUNTS)
    for total in totals:
        _check_total(total, entries, folded.raw)
    return entries


def _check_total(total: AllotmentEntry, entries: list[AllotmentEntry], raw: str) -> None:
    for what, stated, summed in (
        ("persons", total.persons.value, sum(e.persons.value for e in entries)),
        ("rights", total.rights.value, sum(e.rights.value for e in entries)),
    ):
        if stated != summed:
            raise NormaliseError(
                raw, msg.EXPECTED_ALLOTMENTS, msg.total_mismatch(what, stated, summed)
            )


# =============================================================================
# Allotments of rights or shares, counts optional
# =============================================================================

EXPECTED_ITEMS = {
    "rights": "allotments such as 'Directors: 7 persons, 100 rights; Executive Officers: 11 persons, 51 rights', "
              "'当社取締役 7名 100個' or 'Investor X 12,000個'",
    "shares": "allotments such as 'Directors: 6 persons, 22,409 shares', '当社取締役 6名 22,409株' or "
              "'株式会社日本カストディ銀行（信託E口） 327,000株'",
}
EXPECTED_ITEM = {
    "rights": "a recipient category or allottee with a number of persons and/or of rights, such as "
              "'Directors: 7 persons, 100 rights' or '当社取締役 7名 100個'",
    "shares": "a recipient category or allottee with a number of persons and/or of shares, such as "
              "'Directors: 6 persons, 22,409 shares' or '当社取締役 6名 22,409株'",
}
RIGHTS_NOT_SHARES = "counts in rights (個 / rights) are not numbers of shares (株 / shares)"


@dataclass(frozen=True)
class AllotmentItem:
    """One recipient category or named allottee, with what the cell counts for it (each may be absent).

    ``count`` is the number of rights or of shares, as the caller asked (``counted``).
    """

    label: str
    persons: Count | None
    count: Count | None


def parse_allotment_items(raw: RawCell, counted: str = "rights", *, counts_required: bool = True
                          ) -> list[AllotmentItem]:
    """Recipient categories (or allottees) with their numbers of persons and of rights or shares.

    As `parse_allotments`, but for either instrument (``counted``: "rights" or "shares") and with
    either count optional: "当社取締役 6名 22,409株", "Directors: 7 persons", "Investor X 12,000個".
    An entry is a label followed by its counts (persons before rights or shares), or the
    count-first form "7 Directors 100 rights". Counts in the other instrument's unit are an error.
    With ``counts_required`` False, a cell with no counts at all is read as labels separated by
    ; or new lines ("株式会社日本カストディ銀行（信託E口）"). A 合計 / Total entry is checked
    against the others (where all of them state that count) and dropped.
    """
    if counted not in EXPECTED_ITEMS:
        raise ValueError(f"counted must be 'rights' or 'shares', not {counted!r}")
    expected = EXPECTED_ITEMS[counted]
    folded, depths, fail = _open_cell(raw, expected, EXPECTED_ITEM[counted])
    text = folded.text

    # Internally the counted unit is "rights" (so that bare numbers resolve as in parse_allotments);
    # the other instrument's unit becomes "other", which is an error wherever it stands.
    other = "shares" if counted == "rights" else "rights"
    roles = {counted: "rights", other: "other"}
    tokens = [_replace_kind(t, roles[t.kind]) if t.kind in roles else t for t in _tokens(folded, depths)]
    if tokens and all(t.kind is None for t in tokens):  # no units at all: persons, count, persons, ...
        tokens = [_replace_kind(t, "persons" if i % 2 == 0 else "rights") for i, t in enumerate(tokens)]
    tokens = _resolve_unitless(tokens)
    if not tokens:
        if counts_required:
            raise NormaliseError(raw, expected, msg.NO_COUNTS)
        return _labels_only(folded, depths)
    items: list[AllotmentItem] = []
    totals: list[AllotmentItem] = []
    position = 0
    index = 0
    while index < len(tokens):
        number = len(items) + len(totals) + 1
        first = tokens[index]
        second = tokens[index + 1] if index + 1 < len(tokens) else None
        for token in (first, second):
            if token is not None and token.kind == "other":
                reason = msg.SHARES_NOT_RIGHTS if counted == "rights" else RIGHTS_NOT_SHARES
                raise fail(number, position, token.end, reason)
        paired = (first.kind == "persons" and second is not None and second.kind == "rights"
                  and _first_strong(text, depths, first.end, second.start) is None)
        if paired and second is not None and not _is_connector(text[first.end : second.start]):
            # count-first: "7 Directors 100 rights"
            if not _is_connector(text[position : first.start]):
                raise fail(number, position, first.start, msg.NO_COUNTS)
            label_start, label_end = _trim(text, first.end, second.start)
        else:
            label_start, label_end = _trim(text, position, first.start)
            cut = _first_strong(text, depths, label_start, label_end)
            if cut is not None:  # text before a ";" with no counts of its own
                raise fail(number, label_start, cut, msg.NO_COUNTS)
        last = second if paired and second is not None else first
        fragment = folded.original(*_trim(text, position, last.end))
        if label_start >= label_end:
            raise fail(number, position, last.end, msg.NO_LABEL)
        persons = _entry_count(first, folded.raw, number, fragment) if first.kind == "persons" else None
        count = _entry_count(last, folded.raw, number, fragment) if last.kind == "rights" else None
        item = AllotmentItem(folded.original(label_start, label_end), persons, count)
        is_total = normalise_text(item.label).casefold().rstrip(":") in _TOTAL_LABELS
        (totals if is_total else items).append(item)
        position = last.end
        index += 2 if paired else 1
    if not _is_connector(text[position:]):
        raise fail(len(items) + len(totals) + 1, position, len(text), msg.NO_COUNTS)
    if not items:
        raise NormaliseError(raw, expected, msg.NO_COUNTS)
    for total in totals:
        _check_item_total(total, items, folded.raw, expected, counted)
    return items


def _labels_only(folded: _Folded, depths: tuple[int, ...]) -> list[AllotmentItem]:
    text, items, start = folded.text, [], 0
    for end in [*(i for i, ch in enumerate(text) if ch in _STRONG_SEPARATORS and not depths[i]), len(text)]:
        label_start, label_end = _trim(text, start, end)
        if label_start < label_end:
            items.append(AllotmentItem(folded.original(label_start, label_end), None, None))
        start = end + 1
    return items


def _check_item_total(total: AllotmentItem, items: list[AllotmentItem], raw: str, expected: str, counted: str
                      ) -> None:
    for what, stated, parts in (("persons", total.persons, [i.persons for i in items]),
                                (counted, total.count, [i.count for i in items])):
        if stated is None or any(part is None for part in parts):
            continue
        summed = sum(part.value for part in parts if part is not None)
        if stated.value != summed:
            raise NormaliseError(raw, expected, msg.total_mismatch(what, stated.value, summed))


# =============================================================================
# Recipient categories
# =============================================================================

# Bracketed remarks that narrow or annotate a category rather than name one.
_QUALIFIER_WORDS = re.compile(
    r"除く|除き|除いた|以外|含む|含め|うち|excluding|excluded|except|other\s+than|including|"
    r"included|of\s+which|excl\.|incl\.",
    re.IGNORECASE,
)
_JA_EXCLUSION = re.compile(r"[^、,;\s]*(?:を除く|を除いた|以外の)")
_EN_QUALIFIER = re.compile(
    r"\b(?:excluding|except(?:\s+for)?|other\s+than|excl\.|including|incl\.)\s[^,;]*", re.IGNORECASE
)
# (role, pattern), most specific first; each match is blanked out before the next
# pattern runs, so 社外取締役 is not also counted as 取締役.
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("audit_committee", r"監査等委員|audit\s*(?:and|&)\s*supervisory\s+committee(?:\s+members?)?"
                            r"|audit\s+committee(?:\s+members?)?"),
        ("corporate_auditor", r"監査役|(?:corporate|statutory)\s+auditors?"
                              r"|audit\s*(?:and|&)\s*supervisory\s+board(?:\s+members?)?"
                              r"|\bauditors?\b"),
        ("outside_director", r"社外取締役|(?:outside|external|independent)\s+directors?"),
        ("executive_officer", r"執行役員|執行役|executive\s+officers?"),
        ("director", r"取締役|\bdirectors?\b|board\s+members?"),
        ("manager", r"管理職|部長|課長|\bmanagers?\b|\bmanagerial\b"),
        ("employee", r"従業員|使用人|社員|職員|\bemployees?\b|\bstaff\b"),
    )
)  # fmt: skip
_PARENT_AND_SUBSIDIARIES = re.compile(
    r"当社(?:及び|および|並びに|ならびに|と|・|、)\s*(?:当社の?)?(?:子会社|関係会社|グループ)"
    r"|company\s+and\s+(?:its\s+|our\s+)?(?:subsidiar|group)",
    re.IGNORECASE,
)
_GROUP = re.compile(r"グループ|関係会社|関連会社|group\s+compan|affiliate", re.IGNORECASE)
_SUBSIDIARY = re.compile(r"子会社|subsidiar", re.IGNORECASE)

_PARENT_CODES = {
    "director": "directors",
    "outside_director": "outside_directors",
    "audit_committee": "audit_committee_directors",
    "executive_officer": "executive_officers",
    "corporate_auditor": "corporate_auditors",
    "employee": "employees",
}
_SUBSIDIARY_CODES = {
    "director": "subsidiary_directors",
    "outside_director": "subsidiary_directors",
    "audit_committee": "subsidiary_directors",
    "executive_officer": "subsidiary_executive_officers",
    "corporate_auditor": "subsidiary_corporate_auditors",
    "employee": "subsidiary_employees",
}


def _drop_qualifiers(text: str) -> str:
    """Remove "excluding ..." / "…を除く" / "including ..." clauses; unwrap other brackets."""
    while True:
        match = _INNER_GROUP.search(text)
        if match is None:
            break
        inner = match[0][1:-1]
        replacement = " " if _QUALIFIER_WORDS.search(inner) else f" {inner} "
        text = text[: match.start()] + replacement + text[match.end() :]
    text = text.replace("のうち", "、")
    return _EN_QUALIFIER.sub(" ", _JA_EXCLUSION.sub(" ", text))


def _roles(text: str) -> set[str]:
    found = set()
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            found.add(role)
            text = pattern.sub(" ", text)
    # The more specific board roles absorb the generic one: 取締役（監査等委員）.
    if "audit_committee" in found:
        found -= {"director", "outside_director"}
    if "outside_director" in found:
        found.discard("director")
    return found


def classify_recipient(label: str) -> str:
    """Map a recipient label (English or Japanese) to one of RECIPIENT_CODES.

    Order of work: (1) fold width and case; (2) drop exclusion/inclusion
    clauses -- bracketed ones containing 除く/以外/含む/うち/excluding/including,
    and unbracketed "Xを除く", "X以外の", "excluding X" -- so "Directors
    (excluding Outside Directors)" stays plain directors; (3) find roles,
    most specific first (監査等委員 before 監査役, 社外取締役 before 取締役);
    (4) decide the scope: "当社及び子会社"/"group companies" is group-wide,
    else 子会社/subsidiary, else the company itself; (5) group scope is only
    recognised for managers; managers elsewhere count as employees; a
    subsidiary's directors plus employees have their own code; any other mix
    of roles, or none, is "other".
    """
    text = _drop_qualifiers(normalise_text(label).casefold())
    roles = _roles(text)
    if _PARENT_AND_SUBSIDIARIES.search(text) or _GROUP.search(text):
        managers_only = "manager" in roles and roles <= {"manager", "employee"}
        return "group_company_managers" if managers_only else "other"
    if "manager" in roles:
        roles = (roles - {"manager"}) | {"employee"}
    if _SUBSIDIARY.search(text):
        if roles == {"director", "employee"}:
            return "subsidiary_directors_and_employees"
        codes = _SUBSIDIARY_CODES
    else:
        codes = _PARENT_CODES
    if len(roles) == 1:
        return codes[next(iter(roles))]
    return "other"


# Words that narrow a category to a rank or a tenure (取締役会長, 専務取締役, 退任社外取締役,
# Retiring External Directors): such a label names part of a standard category, not all of it.
_RANK_OR_TENURE = re.compile(
    r"退任|退職|新任|代表|会長|社長|専務|常務|上席|理事|顧問|相談役|参与|名誉|"
    r"retir|former|newly|chair|president|senior|managing|advis|counsel|fellow|honorary",
    re.IGNORECASE,
)


def names_part_of_a_category(label: str) -> bool:
    """True if ``label`` narrows a recipient category by rank or tenure (会長, 専務, 退任, retiring, ...).

    Exclusion and inclusion clauses do not count ("Directors (excluding retiring directors)" names
    all directors but some, which is how notices describe a whole category).
    """
    return _RANK_OR_TENURE.search(_drop_qualifiers(normalise_text(label).casefold())) is not None


def recipient_roles(label: str) -> tuple[str, frozenset[str]]:
    """The scope ("company", "subsidiary" or "group") and the roles a recipient label names.

    The roles are those `classify_recipient` finds (director, outside_director, audit_committee,
    executive_officer, corporate_auditor, manager, employee), after the same qualifier clauses are
    dropped; callers with categories of their own combine them (当社取締役及び執行役員).
    """
    text = _drop_qualifiers(normalise_text(label).casefold())
    roles = frozenset(_roles(text))
    if _PARENT_AND_SUBSIDIARIES.search(text) or _GROUP.search(text):
        return "group", roles
    return ("subsidiary" if _SUBSIDIARY.search(text) else "company"), roles
