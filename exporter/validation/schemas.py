"""The XML Schemas drafts are checked against, built once per process, offline.

Two engines read the same bundled files (our taxonomy; the XBRL 2.1, Dimensions and Inline XBRL
1.1 schemas from arelle-release's cache):

* xmlschema is the schema model and the diagnostician: the validator's concept model
  (``dts.py``) comes from it, and it explains each failure with a line and a path;
* lxml's XMLSchema (libxml2) gives the first verdict, because it is fast enough for 100,000-fact
  documents. ``tests/test_validate_engines.py`` checks the two agree on every corpus file.

Every ``http://`` location is mapped to a local file (``taxonomy.files.resolve_url``); an unknown
URL is an error, never a download.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from lxml import etree

from exporter.taxonomy.files import (
    ENTRY_POINT_URL,
    NAMESPACE,
    UnresolvableUrl,
    entry_point_path,
    resolve_url,
    uri_mapper,
)
from exporter.taxonomy.namespaces import XBRLDI

if TYPE_CHECKING:  # xmlschema is imported only to explain a failure (it costs ~0.3 s to import)
    import xmlschema

XBRLDI_URL = "http://www.xbrl.org/2006/xbrldi-2006.xsd"
INLINE_SCHEMA_URL = "http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd"

# The instance schema for lxml: our entry point and xbrldi, so facts, contexts and members are checked.
_INSTANCE_WRAPPER = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="{NAMESPACE}" schemaLocation="{ENTRY_POINT_URL}"/>
  <xs:import namespace="{XBRLDI}" schemaLocation="{XBRLDI_URL}"/>
</xs:schema>""".encode()


@functools.cache
def instance_schema() -> xmlschema.XMLSchema:
    """xmlschema's model of our taxonomy plus xbrldi."""
    import xmlschema

    schema = xmlschema.XMLSchema(str(entry_point_path()), uri_mapper=uri_mapper, build=False)
    schema.import_schema(XBRLDI, XBRLDI_URL)
    schema.build()
    return schema


@functools.cache
def inline_schema() -> xmlschema.XMLSchema:
    """xmlschema's model of Inline XBRL 1.1 (only built to explain a failure)."""
    import xmlschema

    return xmlschema.XMLSchema(resolve_url(INLINE_SCHEMA_URL).as_uri(), uri_mapper=uri_mapper)


class _OfflineResolver(etree.Resolver):
    """lxml resolver: public schema URLs to the bundled files; anything else is refused."""

    def resolve(self, url, public_id, context):
        if url and url.startswith(("http://", "https://")):
            try:
                return self.resolve_filename(str(resolve_url(url)), context)
            except UnresolvableUrl:
                raise OSError(f"no offline copy of {url}") from None
        return None  # relative locations inside the bundled files resolve as files


def _schema_parser() -> etree.XMLParser:
    # Our own bundled schema files; still no network, no entities, no DTDs.
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_OfflineResolver())
    return parser


@functools.cache
def lxml_instance_schema() -> etree.XMLSchema:
    root = etree.fromstring(_INSTANCE_WRAPPER, _schema_parser(), base_url="instance-wrapper.xsd")
    return etree.XMLSchema(root)


@functools.cache
def lxml_inline_schema() -> etree.XMLSchema:
    path = resolve_url(INLINE_SCHEMA_URL)
    return etree.XMLSchema(etree.parse(str(path), _schema_parser()))


INLINE10_SCHEMA_URL = "http://www.xbrl.org/2008/inlineXBRL/xhtml-inlinexbrl-1_0.xsd"


@functools.cache
def lxml_inline10_schema() -> etree.XMLSchema:
    """Inline XBRL 1.0 (what EDINET and the first SEC filings use), from arelle-release's cache."""
    path = resolve_url(INLINE10_SCHEMA_URL)
    return etree.XMLSchema(etree.parse(str(path), _schema_parser()))
