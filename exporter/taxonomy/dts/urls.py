"""URLs of taxonomy documents: joining, xml:base, fragments and XPointer.

Every document of a DTS is named by an absolute URL: ``file:///...`` for local files,
``http(s)://...`` for published ones, ``zip:<archive>!/<member>`` for members of a zip. Relative
references are joined here, with our own rules rather than ``urllib.parse.urljoin``, because that
function knows only registered schemes (not ``zip:``) and leaves ``..`` above the root in place.
A reference can never climb above the root of its URL (``/../x`` is ``/x``).
"""
from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import quote, unquote

from lxml import etree

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ROOTED = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*|zip:[^!]*!|[A-Za-z][A-Za-z0-9+.\-]*:)(?P<path>.*)$")


def has_scheme(href: str) -> bool:
    # A Windows drive letter ("C:") is not a scheme; nobody writes one in a taxonomy, but be safe.
    return bool(_SCHEME.match(href)) and not re.match(r"^[A-Za-z]:[\\/]", href)


def split_root(url: str) -> tuple[str, str]:
    """``(prefix, path)``: the part of an absolute URL that a relative reference keeps, and its path."""
    match = _ROOTED.match(url)
    if match is None:
        return "", url
    return match.group("prefix"), match.group("path")


def normalize(url: str) -> str:
    """Dot segments removed, never above the root; the fragment dropped."""
    url = url.partition("#")[0]
    prefix, path = split_root(url)
    if prefix and "/" not in prefix and not prefix.startswith(("file:", "zip:")) and not path.startswith("/"):
        return url  # an opaque URI (urn:..., mailto:...): nothing to normalize
    if not path:
        return prefix + ("/" if prefix.endswith("//") or "://" in prefix else "")
    trailing = path.endswith("/")
    path = posixpath.normpath("/" + path.lstrip("/")) if path.startswith("/") or prefix else posixpath.normpath(path)
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    if trailing and not path.endswith("/"):
        path += "/"
    return prefix + path


@functools.lru_cache(maxsize=65536)
def join(base: str, href: str) -> str:
    """``href`` resolved against ``base`` (both may hold a fragment; the result keeps href's)."""
    href = href.strip()
    reference, hash_mark, fragment = href.partition("#")
    suffix = hash_mark + fragment
    if not reference:
        return base.partition("#")[0] + suffix
    if has_scheme(reference):
        return normalize(reference) + suffix
    prefix, path = split_root(base.partition("#")[0])
    if reference.startswith("//"):
        scheme = prefix.split(":", 1)[0]
        return normalize(f"{scheme}:{reference}") + suffix
    if reference.startswith("/"):
        joined = reference
    else:
        directory = path[: path.rfind("/") + 1] if "/" in path else ""
        joined = directory + reference
    return normalize(prefix + joined) + suffix


def base_of(element: etree._Element, document_url: str) -> str:
    """The base URL in effect at ``element``: the document's URL with every xml:base on the way applied."""
    bases = []
    current: etree._Element | None = element
    while current is not None:
        value = current.get(XML_BASE)
        if value is not None:
            bases.append(value)
        current = current.getparent()
    url = document_url
    for value in reversed(bases):
        url = join(url, value) if value.strip() else url
    return url


def file_url(path: str) -> str:
    return "file://" + quote(path, safe="/:@!$&'()*+,;=-._~")


def file_path(url: str) -> str | None:
    """The local path of a ``file:`` URL, else None."""
    if not url.startswith("file:"):
        return None
    rest = url[len("file:"):]
    if rest.startswith("//"):
        rest = rest[2:]
        host, slash, path = rest.partition("/")
        if host not in ("", "localhost"):
            return None
        rest = slash + path
    return unquote(rest.partition("#")[0])


def zip_url(archive: str, member: str) -> str:
    return f"zip:{archive}!/{member.lstrip('/')}"


def zip_parts(url: str) -> tuple[str, str] | None:
    """(archive path, member name) of a ``zip:`` URL, else None."""
    if not url.startswith("zip:") or "!" not in url:
        return None
    archive, _, member = url[len("zip:"):].partition("!")
    return archive, unquote(member.lstrip("/").partition("#")[0])


def split_fragment(href: str) -> tuple[str, str]:
    document, _, fragment = href.partition("#")
    return document, fragment
