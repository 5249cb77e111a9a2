"""An independent validator (Python jsonschema) must agree with iptkit's reader on the committed
schema: every example and cohort line is valid; every document of tests/data/invalid is not."""
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SCHEMA = json.loads((ROOT / "docs/schema/case.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

EXAMPLES = sorted((ROOT / "examples/data").glob("*.json"))
INVALID = sorted((ROOT / "tests/data/invalid").glob("*.json"))


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_committed_schema_is_what_the_library_generates():
    program = os.environ.get("IPTKIT_PRINT_SCHEMA")
    if not program:
        pytest.skip("IPTKIT_PRINT_SCHEMA not set (run through ctest)")
    generated = subprocess.run([program], check=True, capture_output=True, text=True).stdout
    assert json.loads(generated) == SCHEMA


@pytest.mark.parametrize("path", EXAMPLES + [ROOT / "tests/data/base-case.json"], ids=lambda p: p.name)
def test_example_is_valid(path):
    errors = list(VALIDATOR.iter_errors(json.loads(path.read_text())))
    assert not errors, [e.message for e in errors]


def test_cohort_lines_are_valid():
    lines = (ROOT / "examples/data/cohort.jsonl").read_text().splitlines()
    assert len(lines) >= 20
    for number, line in enumerate(lines, 1):
        errors = list(VALIDATOR.iter_errors(json.loads(line)))
        assert not errors, (number, [e.message for e in errors])


def test_there_are_at_least_ten_invalid_documents():
    assert len(INVALID) >= 10


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_document_is_rejected(path):
    assert list(VALIDATOR.iter_errors(json.loads(path.read_text()))), path.name


def test_the_example_redcap_mapping_meets_its_schema():
    schema = json.loads((ROOT / "docs/schema/redcap-mapping.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    mapping = json.loads((ROOT / "examples/redcap/mapping.json").read_text())
    assert not [e.message for e in validator.iter_errors(mapping)]
    mapping["case"]["fields"]["/arm"] = {"field": "arm", "value": "ipt"}  # two sources
    assert list(validator.iter_errors(mapping))
