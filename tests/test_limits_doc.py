"""docs/limits.md lists exactly the limits declared in exporter/safety/limits.py, with the same values."""
from __future__ import annotations

import re
from pathlib import Path

from exporter.safety.limits import LIMITS

DOC = Path(__file__).resolve().parents[1] / "docs" / "limits.md"
ROW = re.compile(r"^\| `(?P<name>[a-z_]+)` \| (?P<value>[0-9,]+) (?P<unit>[a-z]+) \| (?P<applies>[^|]+) \| (?P<why>[^|]+) \|$")


def documented() -> dict[str, tuple[int, str, str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            rows[match["name"]] = (int(match["value"].replace(",", "")), match["unit"], match["why"].strip())
    return rows


def test_every_limit_is_documented_with_its_value_and_reason() -> None:
    assert documented() == {limit.name: (limit.value, limit.unit, limit.reason) for limit in LIMITS}


def test_every_limit_has_a_reason_and_a_unique_name() -> None:
    assert len({limit.name for limit in LIMITS}) == len(LIMITS)
    assert all(limit.value > 0 and len(limit.reason) > 20 for limit in LIMITS)


def test_the_readers_use_the_declared_limits() -> None:
    from exporter.safety import limits
    from exporter.safety.archives import ArchiveLimits
    from exporter.safety.xml import XmlLimits
    from exporter.sources import documents

    assert ArchiveLimits().max_member_bytes == limits.ARCHIVE_MEMBER_BYTES.value
    assert XmlLimits().max_elements == limits.XML_ELEMENTS.value
    assert limits.DOCUMENT_BYTES.value == documents.MAX_INPUT_BYTES


def test_the_notice_readers_use_the_declared_limits() -> None:
    from exporter.safety import limits
    from exporter.sources.notices import read
    from exporter.sources.notices.archive import DOCX_LIMITS

    assert limits.NOTICE_BYTES.value == read.MAX_NOTICE_BYTES
    assert (DOCX_LIMITS.max_file_bytes, DOCX_LIMITS.max_members, DOCX_LIMITS.max_member_bytes,
            DOCX_LIMITS.max_total_bytes) == (limits.NOTICE_BYTES.value, limits.DOCX_MEMBERS.value,
                                             limits.DOCX_MEMBER_BYTES.value, limits.DOCX_TOTAL_BYTES.value)
    assert {"notice_bytes", "docx_members", "docx_member_bytes", "docx_total_bytes"} <= set(documented())
