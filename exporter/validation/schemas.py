"""The XML Schemas drafts are checked against, built once per process, offline.

xmlschema is the schema model and diagnostician: it reads our taxonomy with the XBRL base schemas
(resolved to arelle-release's bundled copies) and the Inline XBRL 1.1 schema, and explains each
failure with a line and a path.
"""
from __future__ import annotations

import functools

import xmlschema

from exporter.taxonomy.files import entry_point_path, resolve_url, uri_mapper

XBRLDI = "http://xbrl.org/2006/xbrldi"
INLINE_SCHEMA_URL = "http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd"


@functools.cache
def instance_schema() -> xmlschema.XMLSchema:
    """Our taxonomy's schema plus xbrldi, so that facts, contexts and dimension members are checked."""
    schema = xmlschema.XMLSchema(str(entry_point_path()), uri_mapper=uri_mapper, build=False)
    schema.import_schema(XBRLDI, "http://www.xbrl.org/2006/xbrldi-2006.xsd")
    schema.build()
    return schema


@functools.cache
def inline_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(resolve_url(INLINE_SCHEMA_URL).as_uri(), uri_mapper=uri_mapper)
