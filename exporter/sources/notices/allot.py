"""Who gets how much: allotment entries read from persons, rights and shares printed together.

Every way notices print them: ``当社の取締役4名に298個``, ``取締役 | 4名 | 113個 |`` (a table row),
``67 employees of the Company, 9,380 shares``, ``Executive Officers: 2 recipients 3,200 shares``,
``1,270 units for 27 employees``, ``当社の執行役員 3名 554 株``, a label on one line and ``6名 22,409株``
on the next, or ``39,780 shares will be allotted among 5 Directors``. Each persons figure opens an
entry; rights and shares on its line join it; rights or shares on a line of their own join the only
entry of their group, or else stand for the group as a whole (a tranche's total). The label is the
recipient wording next to the persons figure, classified with ``exporter.notation.classify_recipient``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.notation import classify_recipient
from exporter.sources.notices.lines import Line
from exporter.sources.notices.tokens import Token

_ROLE = re.compile(r"取締役|執行役|監査役|従業員|使用人|社員|職員|管理職|理事|director|officer|employee|auditor|manager|"
                   r"member|staff|trust|信託", re.IGNORECASE)
_HEADING_WORDS = re.compile(
    r"^(?:割当予定先|処分予定先|割当先|付与対象者|割当対象者|対象者|割当の対象者)[^\s|]*\s*[:：]?\s*|"
    r"^(?:allottees?|recipients?|planned allottees|disposal recipients?)\b(?:[^:|]*?allotted)?\s*[:：|]\s*",
    re.IGNORECASE)
_PUNCT = " \t|:：、,，;；"
_LEADING_WORDS = re.compile(r"(?:for|among|to|of|the|and|及び|並びに|および)\s+", re.IGNORECASE)
_MARKER = re.compile(r"\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.．])\s*")


@dataclass
class Entry:
    persons: Token
    label: str = ""
    label_span: tuple[int, int, int] | None = None  # (line, folded start, folded end)
    rights: list[Token] = field(default_factory=list)
    shares: list[Token] = field(default_factory=list)

    @property
    def category(self) -> str:
        code = classify_recipient(self.label) if self.label else "other"
        if code == "other":
            lowered = self.label.casefold()
            if re.search(r"取締役|director", lowered) and re.search(r"執行役|executive officer", lowered) \
                    and not re.search(r"子会社|subsidiar|従業員|employee", lowered):
                return "directors_and_executive_officers"
        return code


@dataclass
class Group:
    entries: list[Entry] = field(default_factory=list)
    loose: list[Token] = field(default_factory=list)  # rights or shares of the group as a whole


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        while start < end and (text[start] in _PUNCT or text[start].isspace()):
            start += 1
        words = _LEADING_WORDS.match(text, start, end)
        if not words:
            break
        start = words.end()
    while end > start and (text[end - 1] in _PUNCT or text[end - 1].isspace() or text[end - 1] in "にへ"):
        end -= 1
    return start, end


def _label(entry: Entry, line: Line, tokens: list[Token], previous: Line | None, previous_tokens: list[Token],
           heading_words: re.Pattern[str] = _HEADING_WORDS) -> None:
    text = line.folded
    token = entry.persons
    earlier = [t for t in tokens if t.end <= token.start]
    left = max((t.unit_end for t in earlier), default=0)
    marker = _MARKER.match(text, left, token.start)
    if marker:
        left = marker.end()
    match = heading_words.match(text[left:token.start])
    if match:
        left += match.end()
    before = _clean(text, left, token.start)
    unit_text = text[token.end:token.unit_end]
    later = [t for t in tokens if t.start >= token.unit_end]
    right = min([t.start for t in later] + [len(text)])
    stop = re.search(r"[,，、;；]|\s(?:will|shall|to be|are|is)\s", text[token.unit_end:right])
    after_end = token.unit_end + (stop.start() if stop else right - token.unit_end)
    if before[1] - before[0] >= 2 and _ROLE.search(text[before[0]:before[1]]):
        entry.label, entry.label_span = text[before[0]:before[1]], (line.index, *before)
    elif _ROLE.search(unit_text):
        start = token.end + len(unit_text) - len(unit_text.lstrip())
        span = _clean(text, start, after_end)
        entry.label, entry.label_span = text[span[0]:span[1]], (line.index, *span)
    elif previous is not None and not previous_tokens and _ROLE.search(previous.folded):
        span = _clean(previous.folded, 0, len(previous.folded))
        entry.label, entry.label_span = previous.folded[span[0]:span[1]], (previous.index, *span)
    elif before[1] > before[0]:
        entry.label, entry.label_span = text[before[0]:before[1]], (line.index, *before)


_TOTAL_LABEL = re.compile(r"^(?:合\s*計|計|総\s*計|total|in total|grand total)\s*$", re.IGNORECASE)


def group_allotments(tokens: list[Token], lines: list[Line], tokens_by_line: list[list[Token]]) -> Group:
    """The entries of one group (an allotment item, or one tranche of it); a 合計 / Total row is the group's total."""
    group = _group(tokens, lines, tokens_by_line)
    for entry in [e for e in group.entries if _TOTAL_LABEL.match(e.label.strip())]:
        group.entries.remove(entry)
        group.loose.extend(entry.rights + entry.shares)  # the total of the rights or shares; persons have no concept
    return group


def _group(tokens: list[Token], lines: list[Line], tokens_by_line: list[list[Token]]) -> Group:
    group = Group()
    by_line: dict[int, list[Entry]] = {}
    for token in tokens:
        if token.unit == "persons":
            entry = Entry(token)
            line = lines[token.line]
            previous = lines[token.line - 1] if token.line > 0 else None
            _label(entry, line, tokens_by_line[token.line], previous,
                   tokens_by_line[token.line - 1] if previous is not None else [])
            group.entries.append(entry)
            by_line.setdefault(token.line, []).append(entry)
    for token in tokens:
        if token.unit not in ("rights", "shares"):
            continue
        slot = "rights" if token.unit == "rights" else "shares"
        same_line = by_line.get(token.line, [])
        target: Entry | None = None
        if same_line:
            preceding = [e for e in same_line if e.persons.start < token.start and not getattr(e, slot)]
            following = [e for e in same_line if e.persons.start > token.start and not getattr(e, slot)]
            target = preceding[-1] if preceding else (following[0] if following else None)
        elif len(group.entries) == 1 and not getattr(group.entries[0], slot):
            target = group.entries[0]
        if target is None:
            group.loose.append(token)
        else:
            getattr(target, slot).append(token)
    return group
