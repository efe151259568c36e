"""The taxonomy: authored from one table, complete in both languages, packaged deterministically."""
from __future__ import annotations

import importlib.util
import io
import sys
import zipfile

import pytest
from conftest import REPO
from lxml import etree

from exporter.facts.mapping import RECIPIENT_MEMBERS, RULES
from exporter.models import RecipientCategory
from exporter.taxonomy import load_taxonomy, resolve_url
from exporter.taxonomy.files import BASE_URL, ENTRY_POINT_URL, PACKAGE_NAME, UnresolvableUrl, taxonomy_dir
from exporter.taxonomy.package import build_package_bytes


def _generator():
    spec = importlib.util.spec_from_file_location("build_taxonomy", REPO / "schemas/authoring/build_taxonomy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_taxonomy"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_committed_taxonomy_is_what_the_generator_writes():
    generated = _generator().build_all()
    committed = {p.name: p.read_bytes() for p in taxonomy_dir().iterdir() if p.is_file()}
    assert sorted(generated) == sorted(committed)
    for name, data in generated.items():
        assert data == committed[name], f"{name} differs: run python schemas/authoring/build_taxonomy.py"


def test_every_concept_has_english_and_japanese_labels():
    taxonomy = load_taxonomy()
    assert len(taxonomy.concepts) > 40
    for concept in taxonomy.concepts.values():
        assert ("en", "label") in concept.labels, concept.name
        assert ("ja", "label") in concept.labels, concept.name
        assert concept.label("ja") != concept.label("en")


def test_every_reportable_concept_is_presented():
    presented = set()
    pre = etree.parse(str(next(taxonomy_dir().glob("*_pre.xml"))))
    for loc in pre.iter("{http://www.xbrl.org/2003/linkbase}loc"):
        presented.add(loc.get("{http://www.w3.org/1999/xlink}href").split("#eqi_")[1])
    items = {c.name for c in load_taxonomy().concepts.values() if c.is_item}
    assert items <= presented


def test_mapping_names_only_taxonomy_concepts_with_matching_types():
    taxonomy = load_taxonomy()
    for rule in RULES:
        concept = taxonomy.concept(rule.concept)
        assert concept.is_item and concept.period_type == "instant"
        if rule.upper_limit_concept:
            limit = taxonomy.concept(rule.upper_limit_concept)
            assert limit.type == concept.type


def test_every_recipient_category_is_a_member_of_the_axis():
    axis = load_taxonomy().dimensions["RecipientCategoryAxis"]
    assert axis.default == "AllRecipientCategoriesMember"
    assert {c.value for c in RecipientCategory} == set(RECIPIENT_MEMBERS)
    assert set(RECIPIENT_MEMBERS.values()) <= axis.members


def test_allotment_concepts_are_dimensional_and_totals_are_not():
    taxonomy = load_taxonomy()
    assert taxonomy.dimensions_of("NumberOfStockAcquisitionRightsAllotted") == {"RecipientCategoryAxis"}
    assert taxonomy.dimensions_of("NumberOfStockAcquisitionRights") == frozenset()
    assert taxonomy.required_dimensions("TradingSymbol") == {"ListingAxis"}
    assert taxonomy.dimensions["ListingAxis"].typed_domain.endswith("}ExchangeCode")


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
