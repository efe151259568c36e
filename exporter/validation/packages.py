"""Taxonomy Packages given with ``--taxonomy-package``: which schema URLs they make resolvable offline.

A package's ``META-INF/catalog.xml`` rewrites URL prefixes to files inside the zip (Taxonomy
Packages 1.0). A draft's schemaRef is resolvable when it points into our bundled taxonomy, into
the XBRL base schemas Arelle ships, or to a file a given package provides. Our own rules still
check facts against the eqi taxonomy (the only DTS this validator knows); packages are also
handed to Arelle when ``--arelle`` is asked for. Catalogs are read with the hardened parser.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from exporter.safety.xml import UnsafeXmlError, XmlLimits, parse_untrusted
from exporter.taxonomy.files import UnresolvableUrl, resolve_url

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"


class PackageError(ValueError):
    """A --taxonomy-package that is not a readable Taxonomy Package (a usage error, exit 2)."""


@dataclass(frozen=True)
class TaxonomyPackages:
    paths: tuple[Path, ...] = ()
    rewrites: tuple[tuple[str, str, frozenset[str]], ...] = field(default=())  # (prefix, folder in zip, names)

    @classmethod
    def load(cls, paths: tuple[Path, ...] | list[Path]) -> TaxonomyPackages:
        rewrites = []
        for path in paths:
            rewrites += _read_catalog(Path(path))
        return cls(tuple(Path(p) for p in paths), tuple(rewrites))

    def resolvable(self, url: str) -> bool:
        try:
            resolve_url(url)
            return True
        except UnresolvableUrl:
            pass
        for prefix, folder, names in self.rewrites:
            if url.startswith(prefix) and posixpath.normpath(folder + url[len(prefix):]) in names:
                return True
        return False


def _read_catalog(path: Path) -> list[tuple[str, str, frozenset[str]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = frozenset(i.filename for i in archive.infolist() if not i.is_dir())
            catalogs = [n for n in names if n.endswith("META-INF/catalog.xml") and n.count("/") <= 2]
            if not catalogs:
                raise PackageError(f"{path}: not a Taxonomy Package (no META-INF/catalog.xml)")
            info = archive.getinfo(catalogs[0])
            if info.file_size > XmlLimits().max_bytes:
                raise PackageError(f"{path}: its catalog is too large")
            root = parse_untrusted(archive.read(info), name=f"{path}!/{catalogs[0]}").getroot()
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{path}: cannot read the zip ({exc})") from None
    except UnsafeXmlError as exc:
        raise PackageError(str(exc)) from None
    base = posixpath.dirname(catalogs[0])
    found = []
    for rewrite in root.iter(f"{{{CATALOG_NS}}}rewriteURI"):
        prefix, target = rewrite.get("uriStartString"), rewrite.get("rewritePrefix")
        if prefix and target is not None:
            folder = posixpath.normpath(posixpath.join(base, target))
            found.append((prefix, folder.rstrip("/") + "/", names))
    return found
