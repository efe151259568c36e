"""The bounded archive reader (safety/archives.py) and the streaming XML reader (safety/xml.XmlPull):
each limit refuses, with its code and place, before the expensive work."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from exporter.safety.archives import ArchiveError, ArchiveLimits, BoundedArchive
from exporter.safety.xml import UnsafeXmlError, XmlLimits, XmlPull, release_before


def make_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_members_are_read_and_counted(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"a.xml": b"<a/>", "dir/b.xml": b"<b/>" * 1000})
    with BoundedArchive(path) as archive:
        assert archive.names() == ["a.xml", "dir/b.xml"]
        assert archive.read("dir/b.xml") == b"<b/>" * 1000
        assert "a.xml" in archive and "c.xml" not in archive


def test_a_member_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"big": b" " * 100_000})
    with BoundedArchive(path, ArchiveLimits(max_member_bytes=50_000)) as archive, \
            pytest.raises(ArchiveError) as caught:
        archive.read("big")
    assert caught.value.code == ArchiveError.LIMIT and caught.value.member == "big"
    assert "more than 50,000 bytes" in str(caught.value)


def test_a_member_whose_header_understates_its_size_is_never_read_past_the_claim(tmp_path: Path) -> None:
    data = bytearray(make_zip(tmp_path / "a.zip", {"bomb": b" " * 1_000_000}).read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # uncompressed size, both headers
        at = data.find(signature)
        data[at + offset:at + offset + 4] = struct.pack("<I", 10)
    path = tmp_path / "lie.zip"
    path.write_bytes(bytes(data))
    with BoundedArchive(path) as archive, pytest.raises(ArchiveError) as caught:
        archive.read("bomb")
    assert caught.value.code == ArchiveError.BAD_ARCHIVE and "damaged" in caught.value.message


def test_the_total_of_all_members_read_is_bounded(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"one": b"x" * 600, "two": b"y" * 600})
    with BoundedArchive(path, ArchiveLimits(max_total_bytes=1_000)) as archive:
        archive.read("one")
        archive.read("one")  # reading a member again does not count twice
        with pytest.raises(ArchiveError, match="more than 1,000 bytes"):
            archive.read("two")


def test_the_entry_count_is_checked_before_the_directory_is_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_zip(tmp_path / "a.zip", {f"m{i}": b"" for i in range(50)})

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the central directory was read")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    with pytest.raises(ArchiveError, match="declares 50 entries; at most 10"):
        BoundedArchive(path, ArchiveLimits(max_members=10))


def test_a_file_too_large_is_refused_unread(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"a": b"x" * 5_000}, zipfile.ZIP_STORED)
    with pytest.raises(ArchiveError, match="at most 1,000 are read"):
        BoundedArchive(path, ArchiveLimits(max_file_bytes=1_000))


@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_damaged_members_name_the_member(tmp_path: Path, compression: int) -> None:
    content = bytes(range(256)) * 200
    data = bytearray(make_zip(tmp_path / "a.zip", {"part.xml": content}, compression).read_bytes())
    start = data.find(b"PK\x03\x04") + 30 + len("part.xml")
    for offset in range(start + 30, start + 300, 5):
        data[offset] ^= 0xA5
    path = tmp_path / "bad.zip"
    path.write_bytes(bytes(data))
    with BoundedArchive(path) as archive, pytest.raises(ArchiveError) as caught:
        archive.read("part.xml")
    assert caught.value.code == ArchiveError.BAD_ARCHIVE and caught.value.member == "part.xml"
    assert str(caught.value).startswith(f"{path}, part part.xml: the part is damaged")


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40])
def test_not_a_zip(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(content)
    with pytest.raises(ArchiveError) as caught:
        BoundedArchive(path)
    assert caught.value.code == ArchiveError.BAD_ARCHIVE and "not a readable zip archive" in str(caught.value)


# --- the streaming XML reader ---------------------------------------------------------------------


def pull(chunks: list[bytes], tags: tuple[str, ...] = ("b", "c"), limits: XmlLimits | None = None) -> list[str]:
    reader = XmlPull(tags, name="x.xml", limits=limits or XmlLimits())
    seen = []
    for chunk in chunks:
        ended = reader.feed(chunk)
        seen += [f"{element.tag}:{element.text or ''}" for element in ended]
        if ended:
            release_before(ended[-1])
    for element in reader.close():
        seen.append(f"{element.tag}:{element.text or ''}")
    return seen


def test_wanted_elements_arrive_in_order_across_chunks() -> None:
    assert pull([b"<a><b>te", b"xt</b><x/><c/></a>"]) == ["b:text", "c:"]


def test_used_elements_are_released() -> None:
    reader = XmlPull(("c",), name="x.xml")
    [first, second] = reader.feed(b"<a><x/><b><c>1</c></b><y/><b><z/><c>2</c>")
    release_before(second)
    row = second.getparent()
    assert row is not None and list(row) == [second]  # its earlier siblings are gone,
    assert [e.tag for e in row.getparent()] == ["b"]  # and so are its parent's
    detached = first.getparent()
    assert detached is not None and detached.getparent() is None


@pytest.mark.parametrize("document, code", [
    (b'<!DOCTYPE a [<!ENTITY e "INJECTED">]><a><b>&e;</b></a>', UnsafeXmlError.ENTITY_DECLARATION),
    (b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a><b>&e;</b></a>', UnsafeXmlError.ENTITY_DECLARATION),
    (b'<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a/>', UnsafeXmlError.ENTITY_DECLARATION),
    ('<!DOCTYPE a [<!ENTITY e "INJECTED">]><a><b>&e;</b></a>'.encode("utf-16"), UnsafeXmlError.ENTITY_DECLARATION),
    (b"<a><b>&undeclared;</b></a>", UnsafeXmlError.MALFORMED),
    (b"<a><b></a>", UnsafeXmlError.MALFORMED),
    ("<?xml version='1.0' encoding='cp037'?><a/>".encode("cp037"), UnsafeXmlError.MALFORMED),
])
def test_refusals(document: bytes, code: str) -> None:
    with pytest.raises(UnsafeXmlError) as caught:
        pull([document])
    assert caught.value.code == code and caught.value.file == "x.xml"


def test_a_doctype_split_across_chunks_is_found() -> None:
    with pytest.raises(UnsafeXmlError, match="DOCTYPE refused"):
        pull([b"<?xml version='1.0'?><!DOC", b'TYPE a [<!ENTITY e "x">]><a/>'])


def test_elements_are_counted_from_the_bytes_before_parsing() -> None:
    reader = XmlPull(("b",), name="x.xml", limits=XmlLimits(max_elements=100))
    assert len(reader.feed(b"<a>" + b"<b/>" * 50)) == 50
    with pytest.raises(UnsafeXmlError) as caught:
        reader.feed(b"<b/>" * 60)
    assert caught.value.code == UnsafeXmlError.TOO_MANY_ELEMENTS


def test_utf16_elements_are_counted_too() -> None:
    document = ("<a>" + "<b/>" * 200 + "</a>").encode("utf-16")
    with pytest.raises(UnsafeXmlError, match="more than 100 elements"):
        pull([document], limits=XmlLimits(max_elements=100))


def test_depth_is_bounded() -> None:
    with pytest.raises(UnsafeXmlError) as caught:
        pull([b"<a>" * 300 + b"</a>" * 300])
    assert caught.value.code == UnsafeXmlError.TOO_DEEP


def test_trimmed_containers_hold_only_their_open_child() -> None:
    reader = XmlPull(("row",), name="x.xml", trim=("data",))
    assert len(reader.feed(b"<sheet><data>" + b"<junk/>" * 1000 + b"<row/><row/><open>")) == 2
    reader.feed(b"<x/>")  # before parsing this, what the last chunk handed over is dropped
    [data] = reader._trimmed
    assert [child.tag for child in data] == ["row", "open"]
