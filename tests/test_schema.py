"""The JSON Schema that editors use accepts every sample as written and refuses what the models refuse."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import FILING_SAMPLES

from exporter.cli import main


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.output)


@pytest.mark.parametrize("sample", FILING_SAMPLES, ids=[s.stem for s in FILING_SAMPLES])
def test_every_sample_is_valid_against_the_schema(schema, sample):
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(sample.read_text("utf-8")), default=str)), schema)


def test_schema_refuses_unknown_fields_and_missing_issuances(schema):
    base = {"title": "T", "announcement_date": "2025-07-18", "issuer": {"name": "X"}}
    jsonschema.validate({**base, "issuances": [{"kind": "rsu", "number_of_shares": "3,200株"}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(base, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "issuance": {"kind": "rsu", "number_of_share": 1}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "issuance": {"kind": "warrants"}}, schema)


def test_fields_say_which_concept_they_are_tagged_as(schema):
    title = schema["properties"]["title"]
    assert title["description"] == "Document title / 表題 (eqi:DocumentTitle)"
