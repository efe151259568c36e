"""The DTS of each document being validated: discovered offline, checked once, kept per process.

``Taxonomies`` holds the sources a run may read (the allowed folders, the given taxonomy
packages, the archive being validated) and a cache of loaded DTSs keyed by the documents they were
read from and the bytes of those documents, so that validating many drafts of one taxonomy (a
folder of filings, ``convert``'s thousands) discovers and checks it once. What the discovery
could not have offline becomes ``dts:notOffline`` (the "not judged" result); every problem of
the taxonomy itself becomes a message.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from exporter.taxonomy.dts import Loaded, load
from exporter.taxonomy.dts.archives import BoundedArchive
from exporter.taxonomy.dts.cache import DiskCache
from exporter.taxonomy.dts.discovery import instance_references, kind_of, schema_location_hints
from exporter.taxonomy.dts.model import Dts as Model
from exporter.taxonomy.dts.packages import Package
from exporter.taxonomy.dts.resolver import Resolver
from exporter.taxonomy.files import ENTRY_POINT_URL, NAMESPACE
from exporter.validation.dts import Dts, view_of
from exporter.validation.messages import Message, Severity

_CACHE_LIMIT = 16


@dataclass
class Checked:
    """A loaded DTS with its rules' view and the messages about the taxonomy itself.

    ``schema`` (the DTS's schemas compiled by libxml2, None when they do not compile) is built on
    first use from ``schema_namespaces`` and ``data`` when the DTS came from the disk cache.
    """

    loaded: Loaded
    view: Dts
    messages: list[Message]
    schema_namespaces: dict[str, list[str]] = field(default_factory=dict)
    data: dict[str, bytes] = field(default_factory=dict)
    _schema: object = None
    _compiled: bool = False
    resolver: Resolver | None = None

    @property
    def model(self) -> Model:
        return self.loaded.dts

    @property
    def schema(self) -> etree.XMLSchema | None:
        if not self._compiled:
            from exporter.validation.schema_set import compile_set

            self._schema = compile_set(self.schema_namespaces, self.data, self.resolver).schema
            self._compiled = True
        return self._schema  # type: ignore[return-value]

    def payload(self) -> tuple[Model, Dts, list[Message], dict[str, list[str]], bool]:
        """What the disk cache keeps (no trees, no compiled schemas)."""
        return self.loaded.dts, self.view, self.messages, self.schema_namespaces, self._schema is not None


@dataclass
class Taxonomies:
    """Where taxonomy documents may come from in one run, and the DTSs already loaded."""

    packages: Sequence[Package] = ()
    archives: list[BoundedArchive] = field(default_factory=list)
    disk: DiskCache | None = None  # the compiled cache (the command line's; None: this process only)
    _cache: dict[tuple[object, ...], Checked] = field(default_factory=dict)

    def resolver(self, roots: Sequence[Path]) -> Resolver:
        return Resolver(roots=roots, packages=self.packages, archives=self.archives)

    def for_document(self, url: str, tree: etree._ElementTree, roots: Sequence[Path], profile: str | None = None
                     ) -> Checked:
        """The DTS ``tree`` (at ``url``) discovers, loaded and checked.

        An instance's or inline document's DTS comes from its references (and schemaLocation hints)
        alone, so it is kept and shared by every document with the same references, as long as
        the local files it was read from keep their bytes. A taxonomy schema or linkbase given as
        the entry point is loaded for itself.
        """
        resolver = self.resolver(roots)
        root = tree.getroot()
        if kind_of(root) not in ("instance", "inline"):
            loaded = load(resolver, [(url, tree)])
            return check(loaded, resolver, profile)
        references = instance_references(url, root)
        hints = schema_location_hints(url, root)
        key = (tuple((expect, target) for _line, expect, target in references), tuple(hints), profile,
               tuple(sorted(str(r) for r in roots)))
        cached = self._cache.get(key)
        if cached is not None and _unchanged(cached, resolver):
            return cached
        disk_key = repr((key, [str(p.archive.path) for p in self.packages]))
        found = self.disk.get(disk_key, resolver.read) if self.disk is not None else None
        if found is not None:
            (model, view, messages, namespaces, compiles), data = found
            checked = Checked(Loaded(model, None), view, messages, namespaces, data, None, not compiles, resolver)
        else:
            loaded = load(resolver, [], references, hints)
            checked = check(loaded, resolver, profile)
            if self.disk is not None:
                self.disk.put(disk_key, checked.payload(), checked.data)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = checked
        return checked


def _unchanged(checked: Checked, resolver: Resolver) -> bool:
    """Every document the DTS was built from still has the same bytes (local files may change)."""
    for url, digest in checked.model.hashes.items():
        if url.startswith(("http://", "https://")):
            continue  # our own and the bundled files do not change within a run; packages neither
        try:
            if hashlib.sha256(resolver.read(url)).hexdigest() != digest:
                return False
        except Exception:
            return False
    return True


def check(loaded: Loaded, resolver: Resolver, profile: str | None) -> Checked:
    from exporter.validation.taxonomy_rules import taxonomy_messages

    model = loaded.dts
    eqi = NAMESPACE in model.namespaces
    view = view_of(model, eqi=eqi)
    messages, schema, namespaces = taxonomy_messages(loaded, view, resolver)
    referrers: dict[str, tuple[str, int | None]] = {}
    if loaded.found is not None:
        for referrer, line, _expect, target in loaded.found.references:
            referrers.setdefault(target.partition("#")[0], (referrer, line))
    for url, reason in model.unresolved:
        referrer, line = referrers.get(url, (url, None))
        messages.append(Message("dts:notOffline", Severity.WARNING, f"{url} is not available offline ({reason}); "
                                "the document cannot be judged without it (give the taxonomy package that holds it "
                                "with --taxonomy-package)", file=referrer, line=line))
    data = dict(loaded.found.data) if loaded.found is not None else {}
    # The parsed documents are no longer needed (the model and the messages hold what was read):
    # dropping them keeps only the bytes, for the schema set, not a tree per taxonomy file.
    checked = Checked(Loaded(model, None), view, messages, namespaces, data, schema, True, resolver)
    return checked


_OWN: dict[str, Checked] = {}


def own_taxonomy() -> Dts:
    """The rules' view of our own taxonomy (its entry point as the only reference)."""
    checked = _OWN.get("eqi")
    if checked is None:
        resolver = Resolver()
        loaded = load(resolver, [(ENTRY_POINT_URL, None)])
        checked = _OWN["eqi"] = Checked(loaded, view_of(loaded.dts, eqi=True), [], _compiled=True)
    return checked.view
