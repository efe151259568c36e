"""lxml's XMLSchema (libxml2) gives the schema verdict because it is fast; xmlschema is the schema model
and explains failures. The issue allows that only if both engines agree on every test file: they
must, on the document and (for inline documents) on the facts as XBRL items."""
from __future__ import annotations

import pytest
from lxml import etree
from validation_corpus import CASES

from exporter.validation.draft import read_draft
from exporter.validation.dts import load_dts
from exporter.validation.schemas import inline_schema, instance_schema, lxml_inline_schema, lxml_instance_schema
from exporter.validation.xsd import _dangling_idrefs, build_target

PARSEABLE = [case for case in CASES if case.name != "malformed"]


def _lxml_verdict(schema: etree.XMLSchema, tree, draft=None) -> bool:
    valid = schema.validate(tree)
    if draft is not None and draft.kind == "instance":
        valid = valid and not _dangling_idrefs(draft)  # the one check libxml2 leaves out
    return valid


@pytest.mark.parametrize("case", PARSEABLE, ids=[c.name for c in PARSEABLE])
def test_lxml_and_xmlschema_agree(case) -> None:
    tree = etree.fromstring(case.build()).getroottree()
    draft = read_draft(tree, case.file_name)
    if draft.kind == "instance":
        assert _lxml_verdict(lxml_instance_schema(), tree, draft) == instance_schema().is_valid(tree)
        return
    assert _lxml_verdict(lxml_inline_schema(), tree) == inline_schema().is_valid(tree)
    concepts = load_dts().concepts
    build_target(draft, lambda fact: fact.concept in concepts and concepts[fact.concept].item)  # every item
    assert _lxml_verdict(lxml_instance_schema(), draft.target) == instance_schema().is_valid(draft.target)


def test_the_corpus_exercises_both_verdicts() -> None:
    verdicts = set()
    for case in PARSEABLE:
        tree = etree.fromstring(case.build()).getroottree()
        schema = lxml_instance_schema() if tree.getroot().tag.endswith("}xbrl") else lxml_inline_schema()
        verdicts.add(schema.validate(tree))
    assert verdicts == {True, False}
