"""Nothing lost (docs/reliability.md): a failed write leaves the old output file byte for byte,
no verb writes over its input, and a cohort with bad cases yields every good case and names every
bad one.

Failures are injected at the operating-system level: a file-size limit (RLIMIT_FSIZE, so write()
fails with EFBIG part-way through) and /dev/full (ENOSPC)."""
import json
import os
import pathlib
import resource
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("IPTKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("IPTKIT_CLI")
EXAMPLES = sorted(str(p) for p in (ROOT / "examples/data").glob("*.json"))
BAD_LINES = str(ROOT / "tests/data/cli/bad-lines.jsonl")
OLD = b"the old output, which must survive\n"

pytestmark = pytest.mark.skipif(not CLI, reason="IPTKIT_CLI not set (run through ctest)")


def run(args, *, file_size_limit=None, cwd=ROOT):
    def limit():  # in the child only; the CLI itself turns SIGXFSZ into a plain EFBIG error
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([CLI, *args], cwd=cwd, capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"},
                          preexec_fn=limit if file_size_limit is not None else None)


def leftovers(folder):
    return sorted(p.name for p in pathlib.Path(folder).iterdir() if ".tmp-" in p.name)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """A cohort large enough that any output of it passes the 4 KB limit below."""
    path = tmp_path_factory.mktemp("cohort") / "cohort.jsonl"
    assert run(["synth", "--cases", "50", "--seed", "9", "-o", str(path)]).returncode == 0
    return str(path)


@pytest.mark.parametrize("verb", ["synth", "convert_jsonl", "convert_csv", "convert_fhir", "report",
                                  "deidentify", "deidentify_report"])
def test_a_failed_write_leaves_the_old_file_intact(tmp_path, cohort, verb):
    out = tmp_path / {"convert_csv": "tables/cases.csv", "convert_fhir": "bundles.ndjson",
                      "report": "report.html", "deidentify_report": "changes.json"}.get(verb, "out.jsonl")
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(OLD)
    args = {
        "synth": ["synth", "--cases", "50", "-o", str(out)],
        "convert_jsonl": ["convert", cohort, "--to", "jsonl", "-o", str(out)],
        "convert_csv": ["convert", cohort, "--to", "csv", "-o", str(out.parent)],
        "convert_fhir": ["convert", cohort, "--to", "fhir", "-o", str(out)],
        "report": ["report", cohort, "-o", str(out)],
        "deidentify": ["deidentify", cohort, "-o", str(out)],
        # The cases go to a pipe (no size limit there): only the report fails.
        "deidentify_report": ["deidentify", cohort, "-o", "-", "--report", str(out)],
    }[verb]
    p = run(args, file_size_limit=4096)
    assert p.returncode == 2, p.stderr
    message = p.stderr.decode()
    assert message.startswith("iptkit: ") and "File too large" in message, message
    assert f"{out}: writing failed" in message and "is unchanged" in message, message
    assert out.read_bytes() == OLD
    assert leftovers(out.parent) == [] and leftovers(tmp_path) == []


def test_a_full_device_is_an_error_not_a_silent_loss():
    p = run(["synth", "--cases", "2000", "-o", "/dev/full"])
    assert p.returncode == 2
    assert "/dev/full: writing failed (No space left on device)" in p.stderr.decode()


def test_a_replaced_file_keeps_its_permissions_and_links(tmp_path):
    out = tmp_path / "private.jsonl"
    out.write_bytes(OLD)
    out.chmod(0o600)
    link = tmp_path / "link.jsonl"
    link.symlink_to(out.name)
    assert run(["convert", EXAMPLES[0], "--to", "jsonl", "-o", str(link)]).returncode == 0
    assert link.is_symlink() and out.read_bytes() != OLD
    assert json.loads(out.read_text())["case_id"]
    assert (out.stat().st_mode & 0o777) == 0o600
    assert leftovers(tmp_path) == []


def write_input(tmp_path):
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b"".join(line + b"\n" for line in
                                (json.dumps(json.load(open(e))).encode() for e in EXAMPLES[:2])))
    return source


@pytest.mark.parametrize("how", ["same", "dot", "hard_link", "symlink"])
@pytest.mark.parametrize("verb", ["convert", "convert_csv", "report", "deidentify", "deidentify_report",
                                  "deidentify_mapping"])
def test_no_verb_writes_over_its_input(tmp_path, verb, how):
    source = write_input(tmp_path)
    if verb == "convert_csv":  # the input is one of the five tables' names
        source = source.rename(tmp_path / "cases.csv")
    before = source.read_bytes()
    out = {"same": str(source), "dot": f"./{source.name}", "hard_link": str(tmp_path / "other-name"),
           "symlink": str(tmp_path / "a-link")}[how]
    if how == "hard_link":
        os.link(source, out)
    if how == "symlink":
        os.symlink(source.name, out)
    elsewhere = str(tmp_path / "elsewhere.jsonl")
    args = {
        "convert": ["convert", str(source), "--to", "jsonl", "-o", out],
        "convert_csv": ["convert", str(source), "--to", "csv", "-o", str(pathlib.Path(out).parent)],
        "report": ["report", str(source), "-o", out],
        "deidentify": ["deidentify", str(source), "-o", out],
        "deidentify_report": ["deidentify", str(source), "-o", elsewhere, "--report", out],
        "deidentify_mapping": ["deidentify", str(source), "-o", elsewhere, "--mapping", out],
    }[verb]
    if verb == "convert_csv" and how != "same":
        pytest.skip("the tables' names are fixed")
    p = run(args, cwd=tmp_path)
    assert p.returncode == 2, p.stderr
    message = p.stderr.decode()
    assert message.count("\n") == 1 and message.startswith("iptkit: "), message
    # An existing mapping is refused before anything else.
    assert "never writes over its input" in message or "already exists" in message, message
    assert source.read_bytes() == before
    assert not pathlib.Path(elsewhere).exists()
    assert leftovers(tmp_path) == []


def test_two_outputs_may_not_be_one_file(tmp_path):
    source = write_input(tmp_path)
    out = tmp_path / "out.jsonl"
    p = run(["deidentify", str(source), "-o", str(out), "--report", f"{tmp_path}/./out.jsonl"])
    assert p.returncode == 2 and "given for two outputs" in p.stderr.decode()
    p = run(["deidentify", str(source), "-o", str(out), "--mapping", str(out)])
    assert p.returncode == 2 and "given for two outputs" in p.stderr.decode()
    assert not out.exists()


def test_a_new_mapping_is_owner_only_and_never_replaces_a_file(tmp_path):
    source = write_input(tmp_path)
    key = tmp_path / "key.jsonl"
    assert run(["deidentify", str(source), "-o", str(tmp_path / "a.jsonl"), "--mapping", str(key)]).returncode == 0
    assert (key.stat().st_mode & 0o777) == 0o600 and len(key.read_text().splitlines()) == 2
    dangling = tmp_path / "dangling"
    dangling.symlink_to("nowhere")
    p = run(["deidentify", str(source), "-o", str(tmp_path / "b.jsonl"), "--mapping", str(dangling)])
    assert p.returncode == 2 and "already exists" in p.stderr.decode()
    assert not (tmp_path / "nowhere").exists() and leftovers(tmp_path) == []


# bad-lines.jsonl: COH-001, BROKEN-2 (no contract), COH-002, a cut line, COH-003.
GOOD = ["COH-001", "COH-002", "COH-003"]


def test_convert_keeps_every_good_case_and_names_every_bad_one(tmp_path):
    out = tmp_path / "good.jsonl"
    p = run(["convert", BAD_LINES, "--to", "jsonl", "-o", str(out)])
    assert p.returncode == 1
    assert [json.loads(line)["case_id"] for line in out.read_text().splitlines()] == GOOD
    bad = p.stderr.decode().splitlines()
    assert any(line.startswith(f"{BAD_LINES}:2 BROKEN-2: ") for line in bad), bad
    assert any(line.startswith(f"{BAD_LINES}:4: ") for line in bad), bad
    assert "3 case(s) written" in p.stderr.decode() and "2 not readable" in p.stderr.decode()


def test_validate_and_outcomes_report_every_case_of_a_partly_bad_cohort():
    p = run(["validate", "--format", "json", BAD_LINES])
    assert p.returncode == 1
    cases = json.loads(p.stdout)["cases"]
    assert [(c["line"], c["case_id"], bool(c["errors"])) for c in cases] == [
        (1, "COH-001", False), (2, "BROKEN-2", True), (3, "COH-002", False), (4, None, True), (5, "COH-003", False)]
    p = run(["outcomes", "--format", "json", BAD_LINES])
    assert p.returncode == 1
    assert sorted({r["case_id"] for r in json.loads(p.stdout)}) == GOOD
    assert "BROKEN-2" in p.stderr.decode() and f"{BAD_LINES}:4:" in p.stderr.decode()


def test_deidentify_keeps_every_good_case_and_names_every_bad_one(tmp_path):
    out = tmp_path / "shared.jsonl"
    p = run(["deidentify", BAD_LINES, "-o", str(out)])
    assert p.returncode == 1
    assert len(out.read_text().splitlines()) == 3
    bad = p.stderr.decode()
    # Redacted by design: the place, never the case id (docs/privacy.md).
    assert f"{BAD_LINES}:2: not de-identified" in bad and f"{BAD_LINES}:4: not de-identified" in bad


def test_a_case_of_an_array_that_breaks_a_limit_is_named_and_the_rest_validated(tmp_path):
    # A 2 MB note (the limit is 1 MiB) in the second case of an array: that case alone fails, by
    # its case id, and the others are validated, as on JSON Lines lines.
    docs = [json.loads(line) for line in (ROOT / "examples/data/cohort.jsonl").read_text().splitlines()[:3]]
    docs[1]["notes"] = "n" * (2 << 20)
    array = tmp_path / "cohort.json"
    array.write_text(json.dumps(docs, indent=1))
    p = run(["validate", "--format", "json", str(array)])
    assert p.returncode == 1
    cases = json.loads(p.stdout)["cases"]
    assert [(c["case_id"], bool(c["errors"])) for c in cases] == [
        (docs[0]["case_id"], False), (docs[1]["case_id"], True), (docs[2]["case_id"], False)]
    assert "limit_exceeded" in json.dumps(cases[1]["errors"]) and "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn" not in p.stdout.decode()
