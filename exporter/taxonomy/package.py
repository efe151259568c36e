"""Build our taxonomy as a Taxonomy Package 1.0 zip, so that any XBRL processor resolves it offline.

The zip has one top-level folder (``eqi-<version>/``) holding ``META-INF/taxonomyPackage.xml``,
``META-INF/catalog.xml`` (rewriting our published URL prefix to the bundled files) and the
taxonomy files. Output is deterministic: fixed member order and timestamps, so the same taxonomy
gives the same bytes.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from exporter.taxonomy.files import BASE_URL, ENTRY_POINT_URL, PACKAGE_NAME, VERSION, taxonomy_dir

TP_NS = "http://xbrl.org/2016/taxonomy-package"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_FIXED_TIME = (2026, 11, 25, 0, 0, 0)


def _xml_bytes(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def package_metadata() -> bytes:
    root = etree.Element(f"{{{TP_NS}}}taxonomyPackage", nsmap={None: TP_NS})  # type: ignore[dict-item]  # (the default namespace)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    for tag, text in (
        ("identifier", BASE_URL),
        ("name", "disclosure-exporter equity issuance taxonomy"),
        ("description", "Stock acquisition rights (stock options) notices: terms, payment, exercise and "
                        "allotment by recipient category."),
        ("version", VERSION),
        ("publisher", "disclosure-exporter"),
        ("publisherURL", "http://disclosure-exporter.dev/"),
        ("publicationDate", VERSION),
    ):
        etree.SubElement(root, f"{{{TP_NS}}}{tag}").text = text
    entry = etree.SubElement(etree.SubElement(root, f"{{{TP_NS}}}entryPoints"), f"{{{TP_NS}}}entryPoint")
    etree.SubElement(entry, f"{{{TP_NS}}}name").text = "Notice of issuance of stock acquisition rights"
    etree.SubElement(entry, f"{{{TP_NS}}}entryPointDocument", href=ENTRY_POINT_URL)
    return _xml_bytes(root)


def catalog() -> bytes:
    root = etree.Element(f"{{{CATALOG_NS}}}catalog", nsmap={None: CATALOG_NS})  # type: ignore[dict-item]
    etree.SubElement(root, f"{{{CATALOG_NS}}}rewriteURI", uriStartString=BASE_URL, rewritePrefix="../taxonomy/")
    return _xml_bytes(root)


def build_package_bytes() -> bytes:
    members: list[tuple[str, bytes]] = [
        (f"{PACKAGE_NAME}/META-INF/taxonomyPackage.xml", package_metadata()),
        (f"{PACKAGE_NAME}/META-INF/catalog.xml", catalog()),
    ]
    for path in sorted(taxonomy_dir().iterdir()):
        if path.is_file():
            members.append((f"{PACKAGE_NAME}/taxonomy/{path.name}", path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()

