"""XBRL 2.1 s-equality of XML fragments (segments, scenarios, typed members) without c14n.

Two fragments are s-equal when their elements have the same names, the same attributes with
equal typed values, and s-equal children (in order) or equal typed content. Types come from the
DTS: an element's global declaration gives its content type and default, its type's attribute
declarations give attribute types and defaults (so an omitted attribute with a default equals the
default written out). Namespace declarations play no part, which is also why this is fast: c14n
of a typed member copies every namespace in scope, and 3,000 declarations made that quadratic.
"""
from __future__ import annotations

from lxml import etree

from exporter.taxonomy.dts import xsd_types
from exporter.taxonomy.dts.model import Dts

_IGNORED_ATTRIBUTE_NAMESPACES = ("{http://www.w3.org/2000/xmlns/}", "{http://www.w3.org/2001/XMLSchema-instance}")
Key = tuple[object, ...]


class SEqual:
    """Keys of fragments (equal keys: s-equal fragments) with the DTS's types."""

    def __init__(self, dts: Dts | None) -> None:
        self.dts = dts
        self._attribute_types: dict[str, tuple[dict[str, tuple[str, str | None]], str, str | None]] = {}

    def _declaration(self, tag: str) -> tuple[dict[str, tuple[str, str | None]], str, str | None]:
        """(attribute name -> (primitive, default), content primitive, element default) of an element."""
        found = self._attribute_types.get(tag)
        if found is not None:
            return found
        attributes: dict[str, tuple[str, str | None]] = {}
        primitive, default = "string", None
        if self.dts is not None:
            concept = self.dts.concepts.get(tag)
            if concept is not None:
                primitive, default = concept.primitive, concept.default
                if primitive == "anyType":
                    primitive = "string"
                for type_name in concept.type_chain:
                    definition = self.dts.types.get(type_name)
                    if definition is None:
                        continue
                    for name, declared in definition.attributes.items():
                        if name in attributes:
                            continue
                        attribute_type = declared.type
                        if attribute_type is None and name in self.dts.attributes:
                            global_declaration = self.dts.attributes[name]
                            attribute_type = global_declaration.type
                        attributes[name] = (self._primitive(attribute_type), declared.default)
        found = (attributes, primitive, default)
        self._attribute_types[tag] = found
        return found

    def _primitive(self, type_name: str | None) -> str:
        if type_name is None or self.dts is None:
            return "string"
        if xsd_types.is_builtin(type_name):
            primitive = xsd_types.primitive_of(type_name)
        else:
            definition = self.dts.types.get(type_name)
            primitive = definition.primitive if definition is not None else "string"
        return "string" if primitive in ("anyType", "anySimpleType") else primitive

    def attribute_primitive(self, name: str) -> str:
        if self.dts is not None and name in self.dts.attributes:
            return self._primitive(self.dts.attributes[name].type)
        return "string"

    def key(self, element: etree._Element) -> Key:
        tag = element.tag
        if not isinstance(tag, str):
            return ()
        declared, primitive, default = self._declaration(tag)
        attributes: dict[str, object] = {}
        for key_name, text in element.attrib.items():
            name, value = str(key_name), str(text)
            if name.startswith(_IGNORED_ATTRIBUTE_NAMESPACES):
                continue
            kind = declared[name][0] if name in declared else self.attribute_primitive(name)
            attributes[name] = xsd_types.typed_value(kind, value)
        for name, (kind, attribute_default) in declared.items():
            if attribute_default is not None and name not in attributes:
                attributes[name] = xsd_types.typed_value(kind, attribute_default)
        children = [c for c in element if isinstance(c.tag, str)]
        if children:
            content: object = tuple(self.key(c) for c in children)
        else:
            text = element.text or ""
            if not text and default is not None:
                text = default
            content = xsd_types.typed_value(primitive, text)
        return (tag, tuple(sorted(attributes.items(), key=lambda kv: kv[0])), content)

    def keys(self, elements: list[etree._Element]) -> Key:
        return tuple(self.key(e) for e in elements)
