"""Taxonomy Packages given with ``--taxonomy-package``: opened once, their catalogs read.

A package's ``META-INF/catalog.xml`` rewrites URL prefixes to files inside the zip (Taxonomy
Packages 1.0; the catalog's usual DOCTYPE is ignored, never loaded). The DTS resolver reads those
files for any URL the catalog maps; the packages are also handed to Arelle with ``--arelle``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exporter.taxonomy.dts.packages import Package, PackageError, open_taxonomy_package
from exporter.taxonomy.dts.resolver import NotOffline, Resolver, Unresolved

__all__ = ["PackageError", "TaxonomyPackages"]


@dataclass(frozen=True)
class TaxonomyPackages:
    paths: tuple[Path, ...] = ()
    packages: tuple[Package, ...] = field(default=())

    @classmethod
    def load(cls, paths: Sequence[Path]) -> TaxonomyPackages:
        return cls(tuple(Path(p) for p in paths), tuple(open_taxonomy_package(Path(p)) for p in paths))

    def resolvable(self, url: str) -> bool:
        """A URL these packages, our taxonomy or the bundled base schemas provide offline."""
        try:
            Resolver(packages=self.packages).read(url)
        except (NotOffline, Unresolved):
            return False
        return True
