"""The taxonomy: generated from the domain declaration, complete in both languages, packaged deterministically."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from exporter.domain.categories import CATEGORIES
from exporter.domain.concepts import BY_NAME, all_concepts, upper_limit_of
from exporter.domain.dimensions import RECIPIENT_AXIS
from exporter.domain.kinds import IssuanceKind, token
from exporter.domain.rules import RULES, Sum
from exporter.taxonomy import generate, resolve_url
from exporter.taxonomy.files import BASE_URL, ENTRY_POINT_URL, PACKAGE_NAME, UnresolvableUrl, taxonomy_dir
from exporter.taxonomy.package import build_package_bytes

LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"


def test_committed_taxonomy_is_what_the_generator_writes():
    generated = generate.build_all()
    committed = {p.name: p.read_bytes() for p in taxonomy_dir().iterdir() if p.is_file()}
    assert sorted(generated) == sorted(committed)
    for name, data in generated.items():
        assert data == committed[name], f"{name} differs: run python -m exporter.taxonomy.generate"


def _labels(lang: str) -> dict[str, set[str]]:
    """Concept local name -> label roles it has in ``lang``'s label linkbase."""
    root = etree.parse(str(taxonomy_dir() / f"{generate.STEM}_lab-{lang}.xml")).getroot()
    link = root[0]
    locators = {loc.get(f"{{{XLINK}}}label"): loc.get(f"{{{XLINK}}}href").split("#eqi_")[1]
                for loc in link.iter(f"{{{LINK}}}loc")}
    roles = {lab.get(f"{{{XLINK}}}label"): lab.get(f"{{{XLINK}}}role") for lab in link.iter(f"{{{LINK}}}label")}
    found: dict[str, set[str]] = {}
    for arc in link.iter(f"{{{LINK}}}labelArc"):
        found.setdefault(locators[arc.get(f"{{{XLINK}}}from")], set()).add(roles[arc.get(f"{{{XLINK}}}to")])
    return found


def test_every_concept_has_english_and_japanese_labels_that_differ():
    english, japanese = _labels("en"), _labels("ja")
    for concept in all_concepts():
        assert "http://www.xbrl.org/2003/role/label" in english[concept.name], concept.name
        assert "http://www.xbrl.org/2003/role/label" in japanese[concept.name], concept.name
        assert concept.label.en != concept.label.ja
    assert len(all_concepts()) > 90


def test_every_reportable_concept_is_presented_and_in_exactly_one_hypercube():
    presented = set()
    pre = etree.parse(str(taxonomy_dir() / f"{generate.STEM}_pre.xml"))
    for loc in pre.iter(f"{{{LINK}}}loc"):
        presented.add(loc.get(f"{{{XLINK}}}href").split("#eqi_")[1])
    names = {concept.name for concept in all_concepts()}
    assert names <= presented
    definition = etree.parse(str(taxonomy_dir() / f"{generate.STEM}_def.xml")).getroot()
    in_tables: dict[str, int] = {}
    for link in definition.iter(f"{{{LINK}}}definitionLink"):
        locators = {loc.get(f"{{{XLINK}}}label"): loc.get(f"{{{XLINK}}}href").split("#eqi_")[1]
                    for loc in link.iter(f"{{{LINK}}}loc")}
        for arc in link.iter(f"{{{LINK}}}definitionArc"):
            source = locators[arc.get(f"{{{XLINK}}}from")]
            if source.endswith("LineItems") and arc.get(f"{{{XLINK}}}arcrole").endswith("/domain-member"):
                target = locators[arc.get(f"{{{XLINK}}}to")]
                in_tables[target] = in_tables.get(target, 0) + 1
    assert in_tables == dict.fromkeys(names, 1)


def test_upper_limit_siblings_share_type_and_references():
    for concept in all_concepts():
        if concept.upper_limit:
            limit = upper_limit_of(concept)
            assert BY_NAME[limit.name].type is concept.type
            assert limit.references == concept.references
            assert limit.label.ja.endswith("（上限）")


def test_every_standard_recipient_category_is_a_member_of_the_axis():
    members = {member.name for member in RECIPIENT_AXIS.members}
    assert {category.member for category in CATEGORIES} == members
    assert RECIPIENT_AXIS.domain is not None and RECIPIENT_AXIS.domain.name == "AllRecipientCategoriesMember"
    schema = (taxonomy_dir() / generate.ENTRY_FILE).read_text(encoding="utf-8")
    for name in members | {"AllTranchesMember", "ConvenienceTranslationMember"}:
        assert f'name="{name}"' in schema


def test_summation_rules_are_the_calculation_linkbase():
    calculation = (taxonomy_dir() / f"{generate.STEM}_cal.xml").read_text(encoding="utf-8")
    sums = [rule for rule in RULES if isinstance(rule, Sum)]
    assert len(sums) == 3
    for total, item, _ in generate.summations():
        assert f"#eqi_{total}" in calculation and f"#eqi_{item}" in calculation
    assert 'weight="-1"' in calculation  # net proceeds = gross - costs


def test_vocabularies_are_enumerated_token_types():
    schema = (taxonomy_dir() / generate.ENTRY_FILE).read_text(encoding="utf-8")
    for code in IssuanceKind:
        assert f'<xs:enumeration value="{token(code)}"/>' in schema
    assert 'type="eqi:issuanceKindItemType"' in schema


def test_urls_resolve_offline_to_our_files_and_arelles_cache():
    assert resolve_url(ENTRY_POINT_URL).parent == taxonomy_dir()
    assert resolve_url("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd").is_file()
    assert "inlineXBRL" in str(resolve_url("http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd"))
    with pytest.raises(UnresolvableUrl):
        resolve_url("http://example.com/evil.xsd")


def test_package_is_a_taxonomy_package_and_deterministic():
    data = build_package_bytes()
    assert data == build_package_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert f"{PACKAGE_NAME}/META-INF/taxonomyPackage.xml" in names
    assert all(name.startswith(f"{PACKAGE_NAME}/") for name in names)
    catalog = etree.fromstring(archive.read(f"{PACKAGE_NAME}/META-INF/catalog.xml"))
    rewrite = catalog[0]
    assert rewrite.get("uriStartString") == BASE_URL and rewrite.get("rewritePrefix") == "../taxonomy/"
    metadata = etree.fromstring(archive.read(f"{PACKAGE_NAME}/META-INF/taxonomyPackage.xml"))
    entry = metadata.find(".//{http://xbrl.org/2016/taxonomy-package}entryPointDocument")
    assert entry.get("href") == ENTRY_POINT_URL
    assert f"{PACKAGE_NAME}/taxonomy/{ENTRY_POINT_URL.rsplit('/', 1)[1]}" in names
