"""The bad-input corpus (tests/data/bad/README.md) through the command line: `iptkit validate
--format json` on each document must exit 1 (0 for the documents that are accepted), never crash,
and list exactly the expected errors (path, kind, and line for JSON Lines). With --redact no
message may quote a value of the document."""
import importlib.util
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")
BAD = ROOT / "tests/data/bad"

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")

NAMES = sorted(p.name[: -len(".expected.json")] for p in BAD.glob("*.expected.json"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The big documents, written by tests/data/bad/generate.py into a temporary folder."""
    spec = importlib.util.spec_from_file_location("generate_bad", BAD / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("bad-generated")
    module.generate(out)
    return out


def document(name, generated):
    for folder in (BAD, generated):
        for ext in (".json", ".jsonl"):
            if (folder / (name + ext)).exists():
                return folder / (name + ext)
    pytest.fail(f"no document for {name}")


def validate(path, *flags):
    p = subprocess.run([CLI, "validate", "--format", "json", *flags, str(path)], capture_output=True,
                       timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert p.returncode in (0, 1), (p.returncode, p.stderr[-2000:])  # 2 would be usage or I/O; crashes are negative
    return p.returncode, json.loads(p.stdout)


def errors_of(out, jsonl):
    found = []
    for case in out["cases"]:
        for e in case["errors"]:
            assert e["line"] == case["line"] or not jsonl
            found.append({"path": e["path"], "kind": e["kind"], "line": e["line"], "column": e["column"]})
    return found


@pytest.mark.parametrize("name", NAMES)
def test_corpus_document(name, generated):
    path = document(name, generated)
    expected = json.loads((BAD / f"{name}.expected.json").read_text())
    code, out = validate(path)
    assert errors_of(out, path.suffix == ".jsonl") == expected
    assert code == (1 if expected else 0)
    for case in out["cases"]:
        for e in case["errors"]:
            assert 0 < len(e["message"]) < 1024


def test_corpus_is_large_enough():
    assert len(NAMES) >= 60


def test_redact_keeps_values_out_of_every_message(tmp_path):
    secret = "Zebediah Quincey-Marchbanks of 12 Elm Row"
    case = json.loads((ROOT / "tests/data/base-case.json").read_text())
    case["contract"]["frequency"] = secret
    case["age_at_intake"] = secret
    case["sessions"][1]["date"] = "2026-02-30"
    case["formulation"]["focus"][0]["relationship"] = "quincey"  # a finding (F006), not an error
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(case))
    del case["age_at_intake"]
    case["contract"]["frequency"] = "weekly"
    case["sessions"][1]["date"] = "2026-01-12"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(case))

    _, plain = validate(bad)
    text = json.dumps(plain)
    assert secret[:32] + "..." in text and secret not in text   # an excerpt, cut
    assert "2026-02-30" in text
    _, redacted = validate(bad, "--redact")
    assert errors_of(redacted, False) == errors_of(plain, False)
    text = json.dumps(redacted["cases"][0]["errors"])
    assert "Zebediah" not in text and "2026-02-30" not in text

    _, plain = validate(good)
    assert "quincey" in json.dumps(plain["cases"][0]["findings"])
    _, redacted = validate(good, "--redact")
    findings = redacted["cases"][0]["findings"]
    assert findings and "quincey" not in json.dumps(findings)
    assert [f["code"] for f in findings] == [f["code"] for f in plain["cases"][0]["findings"]]

    for verb in (["outcomes"], ["summary"]):
        p = subprocess.run([CLI, *verb, "--redact", str(bad)], capture_output=True, timeout=120)
        assert p.returncode == 1 and b"Zebediah" not in p.stderr + p.stdout, verb


def test_an_unreadable_case_is_named_only_by_a_well_formed_case_id():
    # The id is printed to name the case; a malformed one (here with a terminal escape) is not.
    _, out = validate(BAD / "control-characters-in-id.json")
    assert out["cases"][0]["case_id"] is None
    _, out = validate(BAD / "unknown-enum-frequency.json")
    assert out["cases"][0]["case_id"] == "RD-017"
