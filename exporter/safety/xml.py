"""Safe parsing of untrusted XML: the only way this project reads XML it did not write itself.

This module owns the hardened lxml parser configuration and the checks around it:

* a size limit, applied before any byte is parsed;
* refusal of DOCTYPEs that declare entities or name an external DTD, detected by a cheap
  scan of the prolog *before* libxml2 sees the document (so a billion-laughs file is refused
  before any expansion could start) and re-checked on the parsed tree as a backstop;
* element-count and nesting-depth limits;
* translation of every failure into one exception type, :class:`UnsafeXmlError`, with a
  stable ``code``.

Nothing here opens any file other than the one named by the caller, and nothing touches the
network: external entities and DTDs are never loaded, XInclude is never processed and
``schemaLocation`` hints are ignored.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal

from lxml import etree

from exporter.safety import limits as _limits

__all__ = [
    "HARDENED_PARSER_KWARGS",
    "LIBXML2_MAX_DEPTH",
    "UnsafeXmlError",
    "XmlLimits",
    "XmlPull",
    "hardened_parser",
    "iterparse_untrusted",
    "parse_untrusted",
    "release_before",
]

# libxml2 refuses documents nested deeper than this unless XML_PARSE_HUGE (huge_tree) is set,
# which we never do. XmlLimits.max_depth cannot usefully exceed it.
LIBXML2_MAX_DEPTH: Final = 256

HARDENED_PARSER_KWARGS: Final[Mapping[str, Any]] = MappingProxyType(
    {
        "resolve_entities": False,  # never substitute entities (internal or external)
        "no_network": True,  # never fetch anything over the network
        "load_dtd": False,  # never read an external DTD subset
        "dtd_validation": False,
        "huge_tree": False,  # keep libxml2's own depth / text-size / amplification limits on
        "remove_comments": False,
    }
)


@dataclass(frozen=True, slots=True)
class XmlLimits:
    """Resource limits for one parse."""

    max_bytes: int = _limits.XML_BYTES.value
    max_depth: int = _limits.XML_DEPTH.value
    max_elements: int = _limits.XML_ELEMENTS.value

    def __post_init__(self) -> None:
        for field_name in ("max_bytes", "max_depth", "max_elements"):
            if getattr(self, field_name) < 1:
                raise ValueError(f"XmlLimits.{field_name} must be positive")
        if self.max_depth > LIBXML2_MAX_DEPTH:
            # A larger limit would silently not be honoured: libxml2 stops at 256 without huge_tree.
            raise ValueError(f"XmlLimits.max_depth cannot exceed {LIBXML2_MAX_DEPTH}")


class UnsafeXmlError(Exception):
    """An untrusted document was refused; ``code`` is one of the stable ``xml:*`` codes."""

    ENTITY_DECLARATION: Final = "xml:entityDeclaration"
    EXTERNAL_DTD: Final = "xml:externalDtd"
    TOO_LARGE: Final = "xml:tooLarge"
    TOO_DEEP: Final = "xml:tooDeep"
    TOO_MANY_ELEMENTS: Final = "xml:tooManyElements"
    MALFORMED: Final = "xml:malformed"

    def __init__(self, code: str, message: str, *, line: int | None = None, file: str | None = None) -> None:
        self.code = code
        self.message = message
        self.line = line
        self.file = file
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<bytes>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: [{self.code}] {self.message}"


def hardened_parser() -> etree.XMLParser:
    """A fresh parser with the hardened settings (lxml parsers must not be shared across threads)."""
    return etree.XMLParser(**HARDENED_PARSER_KWARGS)


def parse_untrusted(
    source: bytes | Path,
    *,
    name: str | None = None,
    limits: XmlLimits = XmlLimits(),
    ignore_external_dtd: bool = False,
) -> etree._ElementTree:
    """Parse ``source`` (raw bytes or a file path) or raise :class:`UnsafeXmlError`.

    ``name`` is used in error reports and as the tree's base URL; it defaults to the path.
    A missing or unreadable file raises the usual ``OSError``: that is not a property of the XML.
    ``ignore_external_dtd``: a DOCTYPE naming an external DTD is accepted and the DTD ignored
    (never loaded: the parser does not load DTDs); entity declarations are still refused. For
    files whose standard form carries such a DOCTYPE, like an OASIS XML catalog.
    """
    file = name if name is not None else (str(source) if isinstance(source, Path) else None)
    data = _read_bounded(source, limits.max_bytes, file)
    ascii_compatible = _check_prolog(data, file, True) if ignore_external_dtd else _check_prolog(data, file)
    _check_element_count(data, ascii_compatible, limits.max_elements, file)
    try:
        root = etree.fromstring(data, hardened_parser(), base_url=file)  # type: ignore[arg-type]  # None is fine
    except etree.XMLSyntaxError as exc:
        raise _from_syntax_error(exc, file) from None
    tree = root.getroottree()
    if ignore_external_dtd:
        _check_parsed_doctype(tree, file, True)
    else:
        _check_parsed_doctype(tree, file)
    # libxml2 already enforces LIBXML2_MAX_DEPTH; only a stricter limit needs a walk.
    if limits.max_depth < LIBXML2_MAX_DEPTH and _deeper_than(limits.max_depth)(root):
        raise UnsafeXmlError(
            UnsafeXmlError.TOO_DEEP, f"elements are nested deeper than {limits.max_depth}", file=file
        )
    return tree


def iterparse_untrusted(
    data: bytes,
    *,
    name: str | None = None,
    limits: XmlLimits = XmlLimits(),
    schema: etree.XMLSchema | None = None,
    events: tuple[str, ...] = ("end",),
    tag: list[str] | None = None,
) -> Any:
    """``data`` as a stream of parse events, with the refusals of :func:`parse_untrusted` made first.

    For documents too large to hold as one tree: the caller processes and drops elements as they
    end. A document with a DOCTYPE is refused here (``UnsafeXmlError``): read such a document with
    :func:`parse_untrusted`, whose backstop checks need the whole tree. ``schema`` validates while
    parsing (an invalid document raises ``etree.XMLSyntaxError`` from the iterator); ``tag`` keeps only
    the events of those elements (lxml's filter, applied before Python sees an event).
    """
    if len(data) > limits.max_bytes:
        raise _too_large(limits.max_bytes, name)
    ascii_compatible = _check_prolog(data, name)
    if b"<!DOCTYPE" in data[:_FIRST_WINDOW] or (not ascii_compatible and b"D\x00O\x00C" in data[:_FIRST_WINDOW]):
        raise UnsafeXmlError(UnsafeXmlError.EXTERNAL_DTD, "a DOCTYPE: read the whole document instead", file=name)
    _check_element_count(data, ascii_compatible, limits.max_elements, name)
    import io

    return etree.iterparse(io.BytesIO(data), events=events, schema=schema, tag=tag, **HARDENED_PARSER_KWARGS)


# --- size -----------------------------------------------------------------------------------


def _read_bounded(source: bytes | Path, max_bytes: int, file: str | None) -> bytes:
    if isinstance(source, Path):
        # stat first so an oversize file is refused without reading it; the bounded read
        # also covers files that grow meanwhile and special files that report size 0.
        size = source.stat().st_size
        if size > max_bytes:
            raise _too_large(max_bytes, file)
        with source.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for what the file holds (plus one, to
            # notice growth), never the whole limit.
            data = handle.read((size or max_bytes) + 1)
            if len(data) > size and size:
                data += handle.read(max_bytes + 1 - len(data))
    else:
        data = bytes(source)
    if len(data) > max_bytes:
        raise _too_large(max_bytes, file)
    return data


def _too_large(max_bytes: int, file: str | None) -> UnsafeXmlError:
    return UnsafeXmlError(UnsafeXmlError.TOO_LARGE, f"document exceeds {max_bytes} bytes", file=file)


# --- prolog pre-scan ------------------------------------------------------------------------

# (byte signature, codec used to decode the prolog, bytes to skip). Order matters: UTF-32
# signatures must be tried before the UTF-16 ones they start with.
_SIGNATURES: Final = (
    (codecs.BOM_UTF8, "latin-1", 3),
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00<", "utf-16-be", 0),
    (b"<\x00", "utf-16-le", 0),
    (b"\x4c\x6f\xa7\x94", "cp037", 0),  # "<?xm" in EBCDIC
)
# Markup is ASCII, so any ASCII-compatible encoding can be scanned byte-for-char as latin-1.
_ASCII_COMPATIBLE: Final = "latin-1"
# Prologs are usually a few hundred bytes. Keep the first window small: besides being enough,
# it avoids a measured ~40 ms penalty per 100k-element parse that a 64 KiB temporary caused
# (glibc heap behaviour around freeing and rebuilding large libxml2 trees).
_FIRST_WINDOW: Final = 4 * 1024

_WHITESPACE: Final = re.compile(r"[ \t\r\n]*")
_NAME_END: Final = re.compile(r"[ \t\r\n\[>]")
# Inside an internal subset: quotes, comments and PIs are skipped; "<!ENTITY" and parameter
# entity references ("%") are what we refuse; "]" closes the subset.
_SUBSET_TOKEN: Final = re.compile(r"""<!ENTITY|<!--|<\?|['"%\]]""")


class _NeedMore(Exception):
    """The decoded window ended before the prolog did; retry with a larger window."""


def _check_prolog(data: bytes, file: str | None, ignore_external_dtd: bool = False) -> bool:
    """Refuse dangerous DOCTYPEs before parsing; return whether the encoding is ASCII-compatible."""
    codec, skip = _sniff_codec(data)
    window = _FIRST_WINDOW
    while True:
        complete = skip + window >= len(data)
        # errors="replace": only markup characters matter; an incremental decoder tolerates a
        # window that ends in the middle of a multi-byte character.
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        text = decoder.decode(data[skip : skip + window], final=complete)
        try:
            _scan_prolog(text, complete, file, ignore_external_dtd)
            return codec == _ASCII_COMPATIBLE
        except _NeedMore:
            window *= 2  # doubling keeps the total scan linear in the prolog length


def _sniff_codec(data: bytes) -> tuple[str, int]:
    for signature, codec, skip in _SIGNATURES:
        if data.startswith(signature):
            return codec, skip
    return _ASCII_COMPATIBLE, 0


def _scan_prolog(text: str, complete: bool, file: str | None, ignore_external_dtd: bool = False) -> None:
    """Walk XML declaration, comments, PIs and whitespace up to the DOCTYPE or the root."""
    pos = 0
    while True:
        pos = _WHITESPACE.match(text, pos).end()  # type: ignore[union-attr]  # always matches
        if text.startswith("<?", pos):
            pos = _skip_past(text, "?>", pos + 2, complete)
        elif text.startswith("<!--", pos):
            pos = _skip_past(text, "-->", pos + 4, complete)
        elif text.startswith("<!DOCTYPE", pos):
            _check_doctype(text, pos, complete, file, ignore_external_dtd)
            return
        elif pos >= len(text) or (not complete and len(text) - pos < len("<!DOCTYPE")):
            if complete:
                return  # no root at all: the parser reports it as malformed
            raise _NeedMore
        else:
            return  # the root element (or garbage the parser will reject)


def _skip_past(text: str, terminator: str, pos: int, complete: bool) -> int:
    end = text.find(terminator, pos)
    if end < 0:
        if complete:
            return len(text)  # unterminated: the parser reports it
        raise _NeedMore
    return end + len(terminator)


def _check_doctype(text: str, start: int, complete: bool, file: str | None, ignore_external_dtd: bool = False) -> None:
    pos = _WHITESPACE.match(text, start + len("<!DOCTYPE")).end()  # type: ignore[union-attr]
    name_end = _NAME_END.search(text, pos)
    if name_end is None:
        if complete:
            return
        raise _NeedMore
    pos = _WHITESPACE.match(text, name_end.start()).end()  # type: ignore[union-attr]
    if not complete and len(text) - pos < len("SYSTEM"):
        raise _NeedMore
    if text.startswith(("SYSTEM", "PUBLIC"), pos):
        if ignore_external_dtd:
            _check_internal_subset_after_external_id(text, pos, complete, file)
            return
        raise UnsafeXmlError(
            UnsafeXmlError.EXTERNAL_DTD,
            "DOCTYPE names an external DTD (SYSTEM/PUBLIC identifier); external DTDs are refused",
            line=_line_of(text, start),
            file=file,
        )
    if text.startswith("[", pos):
        _check_internal_subset(text, pos + 1, complete, file)


def _check_internal_subset_after_external_id(text: str, pos: int, complete: bool, file: str | None) -> None:
    """Skip the (ignored) external identifier's quoted literals; an internal subset is still checked."""
    pos += len("SYSTEM")
    while True:
        pos = _WHITESPACE.match(text, pos).end()  # type: ignore[union-attr]  # always matches
        if pos >= len(text):
            if complete:
                return
            raise _NeedMore
        quote = text[pos]
        if quote in "'\"":
            pos = _skip_past(text, quote, pos + 1, complete)
            continue
        if quote == "[":
            _check_internal_subset(text, pos + 1, complete, file)
        return


def _check_internal_subset(text: str, pos: int, complete: bool, file: str | None) -> None:
    while True:
        token = _SUBSET_TOKEN.search(text, pos)
        if token is None:
            if complete:
                return  # unterminated subset: the parser reports it
            raise _NeedMore
        kind = token.group()
        if kind == "]":
            return
        if kind in ("<!ENTITY", "%"):
            what = "an entity declaration" if kind == "<!ENTITY" else "a parameter-entity reference"
            raise UnsafeXmlError(
                UnsafeXmlError.ENTITY_DECLARATION,
                f"DOCTYPE internal subset contains {what}; entities are refused",
                line=_line_of(text, token.start()),
                file=file,
            )
        terminator = {"<!--": "-->", "<?": "?>"}.get(kind, kind)  # a quote ends with itself
        pos = _skip_past(text, terminator, token.end(), complete)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# --- element count ----------------------------------------------------------------------------


def _check_element_count(data: bytes, ascii_compatible: bool, max_elements: int, file: str | None) -> None:
    """Refuse documents with too many elements before building their tree.

    In an ASCII-compatible encoding every element has exactly one start tag "<name", so
    count("<") - count("</") bounds the element count from above and costs a couple of
    milliseconds per 10 MB. Only when that bound is too high (or the encoding is exotic)
    do we pay for an exact streaming count, which stops as soon as the limit is passed.
    """
    if ascii_compatible:
        bound = data.count(b"<")
        if bound > max_elements:
            bound -= data.count(b"</")
        if bound <= max_elements:
            return
    # A parser target that only counts builds no tree at all, so memory stays flat; measured
    # ~3x faster than iterparse with element clearing.
    counter = _ElementCounter(max_elements)
    try:
        etree.fromstring(data, etree.XMLParser(target=counter, **HARDENED_PARSER_KWARGS))  # type: ignore[arg-type]
    except _LimitReached:
        raise UnsafeXmlError(
            UnsafeXmlError.TOO_MANY_ELEMENTS, f"document has more than {max_elements} elements", file=file
        ) from None
    except etree.XMLSyntaxError as exc:
        raise _from_syntax_error(exc, file) from None


class _LimitReached(Exception):
    pass


class _ElementCounter:
    """lxml parser target that aborts the parse once more than ``limit`` elements started."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _LimitReached

    def close(self) -> int:
        return self.count


# --- parse results ------------------------------------------------------------------------------


def _from_syntax_error(exc: etree.XMLSyntaxError, file: str | None) -> UnsafeXmlError:
    message = (exc.msg or str(exc)).strip()
    line = exc.lineno if exc.lineno else None
    lowered = message.lower()
    # Only reachable if the prolog scan was bypassed: libxml2's entity amplification guard.
    code = getattr(exc, "code", None)  # (libxml2's error code: lxml has it, its stubs do not)
    if "amplification" in lowered or code in (
        etree.ErrorTypes.ERR_ENTITY_LOOP,
        etree.ErrorTypes.ERR_ENTITY_PROCESSING,
    ):
        return UnsafeXmlError(UnsafeXmlError.ENTITY_DECLARATION, message, line=line, file=file)
    if code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        # libxml2's own limits (huge_tree=False): nesting depth, text node / attribute size.
        code = UnsafeXmlError.TOO_DEEP if "depth" in lowered else UnsafeXmlError.TOO_LARGE
        return UnsafeXmlError(code, message, line=line, file=file)
    return UnsafeXmlError(UnsafeXmlError.MALFORMED, message, line=line, file=file)


def _check_parsed_doctype(tree: etree._ElementTree, file: str | None, ignore_external_dtd: bool = False) -> None:
    """Backstop for the prolog scan, in case an encoding trick slipped something past it."""
    docinfo = tree.docinfo
    if (docinfo.system_url or docinfo.public_id) and not ignore_external_dtd:  # type: ignore[attr-defined]
        raise UnsafeXmlError(UnsafeXmlError.EXTERNAL_DTD, "DOCTYPE names an external DTD", file=file)
    dtd = docinfo.internalDTD
    if dtd is None:
        return  # without a DOCTYPE libxml2 rejects every undeclared entity reference itself
    if any(True for _entity in dtd.iterentities()):  # type: ignore[attr-defined]
        raise UnsafeXmlError(UnsafeXmlError.ENTITY_DECLARATION, "DOCTYPE declares entities", file=file)
    # An unexpanded reference must never pass as if it were text.
    entity = next(tree.getroot().iter(etree.Entity), None)
    if entity is not None:
        raise UnsafeXmlError(
            UnsafeXmlError.ENTITY_DECLARATION,
            f"unexpanded entity reference {entity.text}",
            line=entity.sourceline if isinstance(entity.sourceline, int) else None,
            file=file,
        )


@lru_cache(maxsize=8)
def _deeper_than(max_depth: int) -> etree.XPath:
    # "/*/*/…" with max_depth + 1 steps selects elements below the limit; libxml2 evaluates it
    # level by level in C, so the cost is one pass over the tree and no Python objects per node.
    return etree.XPath("boolean(" + "/*" * (max_depth + 1) + ")")


# --- streaming ---------------------------------------------------------------------------------


class XmlPull:
    """A document fed in pieces, handing over each wanted element as it ends, with its subtree.

    For long documents read once, front to back (the parts of a workbook): libxml2 builds the
    elements in C and only the wanted ones (``tags``, matched in C) reach Python, so the cost per
    element stays small; after each chunk the caller drops what it has used (``release_before``),
    so memory stays flat.
    Bounded before and while parsing:

    * the element count, from the bytes before they are parsed: every element has one start tag,
      so the number of ``<`` bytes less the number of ``</`` pairs is an upper bound, in UTF-8,
      UTF-16 and UTF-32 alike (EBCDIC, where ``<`` is another byte, is refused);
    * any DOCTYPE is refused: its bytes are looked for in every encoding before the parser sees
      them (workbook parts never have one), and the parsed document is checked again as a backstop;
      entities are never expanded and nothing is loaded;
    * depth and text-node size are libxml2's own limits (no XML_PARSE_HUGE).
    """

    _DOCTYPES: Final = tuple("<!DOCTYPE".encode(codec) for codec in
                             ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
    _OVERLAP: Final = len("<!DOCTYPE") * 4 - 1

    def __init__(self, tags: Iterable[str], *, name: str, limits: XmlLimits = XmlLimits(),
                 trim: Iterable[str] = ()) -> None:
        """``tags``: the elements handed over as they end. ``trim``: container elements (such as a
        sheet's ``sheetData``) cut down to their last two children (the open one, and the one handed
        over last) before each chunk is fed: whatever else they hold has been handed over already,
        or was never wanted."""
        self.name = name
        self.max_elements = limits.max_elements
        self.tags = 0  # the upper bound on elements fed so far
        self._tail = b""
        self._checked_tree = False
        self._trim_tags = frozenset(trim)
        self._trimmed: list[etree._Element] = []
        events: tuple[Literal["start", "end"], ...] = ("start", "end") if self._trim_tags else ("end",)
        self._parser = etree.XMLPullParser(events=events, tag=(*tags, *self._trim_tags), **HARDENED_PARSER_KWARGS)

    def feed(self, chunk: bytes) -> list[etree._Element]:
        """Parse ``chunk``; the wanted elements that ended in it, in document order."""
        if not self._tail and not self.tags and _sniff_codec(chunk)[0] == "cp037":
            raise UnsafeXmlError(UnsafeXmlError.MALFORMED, "EBCDIC documents are refused", file=self.name)
        self.tags += chunk.count(b"<") - chunk.count(b"</")
        if self.tags > self.max_elements:
            raise UnsafeXmlError(UnsafeXmlError.TOO_MANY_ELEMENTS,
                                 f"document has more than {self.max_elements:,} elements", file=self.name)
        window = self._tail + chunk
        if any(doctype in window for doctype in self._DOCTYPES):
            raise UnsafeXmlError(UnsafeXmlError.ENTITY_DECLARATION,
                                 "DOCTYPE refused: this document never needs one, and it could declare entities",
                                 file=self.name)
        self._tail = window[-self._OVERLAP:]
        for container in self._trimmed:  # (the caller is done with what the last chunk handed over)
            # Keep the last two children: the open one, and the last one handed over (the caller may
            # still hold it; detaching an element that has a Python proxy costs a walk of its subtree).
            del container[:-2]
        try:
            self._parser.feed(chunk)
        except etree.XMLSyntaxError as exc:
            raise _from_syntax_error(exc, self.name) from None
        return self._events()

    def close(self) -> list[etree._Element]:
        """End the document; the wanted elements that ended last."""
        try:
            self._parser.close()
        except etree.XMLSyntaxError as exc:
            raise _from_syntax_error(exc, self.name) from None
        return self._events()

    def _events(self) -> list[etree._Element]:
        # With events=("end",) every event is an element (the stubs allow for the other kinds).
        ended = []
        for event, element in self._parser.read_events():
            if not isinstance(element, etree._Element):
                continue
            if event == "end":
                if element.tag not in self._trim_tags:
                    ended.append(element)
            elif element.tag in self._trim_tags:
                self._trimmed.append(element)
        if ended and not self._checked_tree:
            self._checked_tree = True
            _check_parsed_doctype(ended[0].getroottree(), self.name)
        return ended


def release_before(element: etree._Element) -> None:
    """Drop everything the tree being built holds before ``element`` (it has been used): its earlier
    siblings, and those of each of its ancestors. Called once per fed chunk, so memory stays flat."""
    node = element
    while (parent := node.getparent()) is not None:
        while node.getprevious() is not None:
            del parent[0]
        node = parent
