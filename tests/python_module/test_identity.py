"""Results keep the identity of their cases: findings name their case, mismatched inputs raise,
outcome and tidy rows carry the case's position, id and grouping fields, slices stay CaseLists."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import iptkit


@pytest.fixture(scope="module")
def trial() -> list[iptkit.Case]:
    return iptkit.synthesize(60, seed=7)


def test_validate_names_each_case(trial: list[iptkit.Case]) -> None:
    results = iptkit.validate(trial)
    assert isinstance(results, iptkit.ValidationResults)
    assert results.case_ids == [c.case_id for c in trial]
    assert all(fs.case_id == c.case_id for fs, c in zip(results, trial))
    assert trial[3].validate().case_id == trial[3].case_id
    # Still a list of Findings, equal to the per-case results.
    assert results == [c.validate() for c in trial]
    assert results.errors == []


def test_findings_frame_refuses_other_cases(trial: list[iptkit.Case]) -> None:
    results = iptkit.validate(trial)
    assert any(results), "the synthetic trial should have some findings"
    other = iptkit.synthesize(61, seed=8)[1:]  # ids SYN-000002 ...: each one off by one
    # The same count, other ids: the frame would label every finding with the wrong case.
    with pytest.raises(ValueError, match="findings 0 are of case .* but case 0 is"):
        iptkit.findings_frame(results, other)
    # The same cases in another order.
    with pytest.raises(ValueError, match="findings 0 are of case"):
        iptkit.findings_frame(results, list(reversed(trial)))
    # Another count: zip would have cut the longer one short without a word.
    with pytest.raises(ValueError, match="60 lists of findings for 59 cases"):
        iptkit.findings_frame(results, trial[:59])
    # Findings made by hand name no case: the cases are needed.
    with pytest.raises(ValueError, match="do not name their case"):
        iptkit.findings_frame([iptkit.Findings(list(results[0]))])


def test_findings_frame_rows(trial: list[iptkit.Case]) -> None:
    results = iptkit.validate(trial)
    frame = results.to_frame()
    pd.testing.assert_frame_equal(frame, iptkit.findings_frame(results, trial))
    assert list(frame.columns) == ["case_index", "case_id", "code", "severity", "path", "message"]
    expected = [(i, c.case_id, f.code) for i, c in enumerate(trial) for f in c.validate()]
    assert list(zip(frame["case_index"], frame["case_id"], frame["code"])) == expected


def test_validation_results_show_in_one_line(trial: list[iptkit.Case]) -> None:
    results = iptkit.validate(trial)
    text = repr(results)
    assert text.startswith("<iptkit.ValidationResults: 60 cases, ") and "\n" not in text and len(text) < 200
    flagged = sum(1 for fs in results if fs)
    assert f"{flagged} with findings" in text
    html = results._repr_html_()
    codes = {f.code for fs in results for f in fs}
    assert all(f"<code>{c}</code>" in html for c in codes)
    part = results[10:20]
    assert isinstance(part, iptkit.ValidationResults) and part.case_ids == [c.case_id for c in trial[10:20]]
    back = pickle.loads(pickle.dumps(results))
    assert back == results and back.case_ids == results.case_ids


def test_outcomes_carry_grouping_fields_and_agree_with_tables(trial: list[iptkit.Case]) -> None:
    out = iptkit.outcomes(trial)
    table = iptkit.tables(trial)["outcomes"]
    assert list(out.columns) == list(table.columns)
    assert (out.dtypes == table.dtypes).all()
    pd.testing.assert_frame_equal(out, table)
    for name in ("arm", "site", "adaptation"):
        assert name in out.columns
    by_id = {c.case_id: c for c in trial}
    for row in out.itertuples():
        c = by_id[row.case_id]
        assert trial[row.case_index] is c or trial[row.case_index].case_id == row.case_id
        assert (None if pd.isna(row.arm) else row.arm) == c.arm
        assert (None if pd.isna(row.site) else row.site) == c.site
        assert row.adaptation == c.adaptation
        if not pd.isna(row.day):
            assert row.day == (row.endpoint_date.date() - c.contract.start_date).days


def test_case_index_is_the_position_in_the_list_given(trial: list[iptkit.Case]) -> None:
    subset = trial[20:30]
    for name, frame in iptkit.tables(subset).items():
        ids = [subset[i].case_id for i in frame["case_index"]]
        assert ids == frame["case_id"].tolist(), name
    out = iptkit.outcomes(subset)
    assert [subset[i].case_id for i in out["case_index"]] == out["case_id"].tolist()
    # Chunked (progress) and threaded runs number the same way.
    pd.testing.assert_frame_equal(iptkit.outcomes(subset, threads=2, progress=True), out)


def test_cohort_outcomes_have_the_same_columns(trial: list[iptkit.Case], tmp_path: object) -> None:
    cohort = iptkit.Cohort.from_tables(iptkit.tables(trial, complete=True))
    pd.testing.assert_frame_equal(cohort.outcomes(), iptkit.outcomes(trial))


def test_a_slice_of_a_case_list_is_a_case_list() -> None:
    cases = iptkit.read_cases(b'{"schema": "nope"}\n', errors="collect")
    assert len(cases.errors) == 1
    cohort = iptkit.CaseList(iptkit.synthesize(5, seed=1), cases.errors)
    part = cohort[1:3]
    assert isinstance(part, iptkit.CaseList)
    assert [c.case_id for c in part] == [c.case_id for c in cohort][1:3]
    assert part.errors == []  # the input's unreadable cases belong to no slice
    assert repr(part).startswith("<iptkit.CaseList: 2 cases")
    assert isinstance(cohort[0], iptkit.Case)


def test_dir_lists_the_public_names() -> None:
    names = dir(iptkit)
    assert "read_cases" in names and "ValidationResults" in names and "write_cases" in names
    assert not {"Any", "Callable", "Iterable", "Literal", "Union"} & set(names)


def test_findings_frame_names_a_wrong_argument(trial: list[iptkit.Case]) -> None:
    results = iptkit.validate(trial)
    with pytest.raises(TypeError, match=r"found one case's Findings \(SYN-000004\); for one case's findings use .to_frame\(\)"):
        iptkit.findings_frame(trial[3].validate())
    with pytest.raises(TypeError, match="cases: expected the list of cases validated, found a Case"):
        iptkit.findings_frame(results, trial[3])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cases: expected the list of cases validated, found a str"):
        iptkit.findings_frame(results, "SYN-000001")  # type: ignore[arg-type]


def test_synthesize_copy_concatenation_and_repetition_give_case_lists() -> None:
    cases = iptkit.synthesize(6, seed=3)
    assert type(cases) is iptkit.CaseList and cases.errors == []
    cases.errors = [iptkit.InputError(index=9, line=10, errors=[], case_id=None, source="in.jsonl")]
    copied = cases.copy()
    assert type(copied) is iptkit.CaseList and copied == cases and copied[0] is cases[0]
    assert copied.errors == cases.errors and copied.errors is not cases.errors  # its own list
    copied.errors.clear()
    assert len(cases.errors) == 1
    for joined in (cases + cases[:2], cases * 2, 2 * cases):
        assert type(joined) is iptkit.CaseList and joined.errors == []  # as a slice: no errors
    assert len(cases + cases[:2]) == 8 and list(cases * 2) == list(cases) + list(cases)
