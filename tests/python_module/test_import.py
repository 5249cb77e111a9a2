"""Cases from tidy tables in Python: CSV and Parquet folders, DataFrames and Arrow tables, every
problem placed at its table, row and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import iptkit


def canonical(cases: list[iptkit.Case]) -> list[str]:
    return [c.to_json(pretty=False) for c in cases]


def test_complete_csv_folder_gives_the_cases_back(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    iptkit.write_tables(cohort, tmp_path, complete=True)
    r = iptkit.import_tables(tmp_path)
    assert r.ok, [str(e.message) for e in r.errors]
    assert canonical(r.cases) == canonical(list(cohort))


def test_parquet_folder_and_dataframes_give_the_cases_back(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    iptkit.write_tables(cohort, tmp_path, format="parquet", complete=True)
    assert canonical(iptkit.import_tables(tmp_path).cases) == canonical(list(cohort))
    frames = iptkit.tables(cohort, complete=True)
    r = iptkit.import_tables(frames)  # outcomes is there and ignored
    assert r.ok and canonical(r.cases) == canonical(list(cohort))
    import pyarrow as pa
    arrow = {name: pa.Table.from_pandas(frames[name], preserve_index=False) for name in iptkit._import.INPUT_TABLES}
    assert canonical(iptkit.import_tables(arrow).cases) == canonical(list(cohort))


def test_five_thousand_synthetic_cases_come_back_through_parquet_and_csv(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    cases = iptkit.synthesize(5000, seed=17)
    for fmt in ("parquet", "csv"):
        folder = tmp_path / fmt
        iptkit.write_tables(cases, folder, format=fmt, complete=True)
        r = iptkit.import_tables(folder)
        assert r.ok, [e.message for e in r.errors[:3]]
        assert canonical(r.cases) == canonical(cases), fmt


def test_an_error_in_a_dataframe_names_its_row_and_column(cohort: iptkit.CaseList) -> None:
    frames = iptkit.tables(cohort, complete=True)
    sessions = frames["sessions"].copy()
    sessions["phase"] = sessions["phase"].astype(str)
    sessions.loc[3, "phase"] = "middel"
    r = iptkit.import_tables({**frames, "sessions": sessions})
    assert not r.ok
    (e,) = r.errors
    assert (e.source, e.row, e.line, e.field) == ("sessions", 4, None, "phase")
    assert e.kind == iptkit.ImportErrorKind.invalid and e.read_kind == iptkit.ErrorKind.bad_enum
    assert e.case_id == sessions.loc[3, "case_id"] and e.path.startswith("/sessions/")
    assert len(r.cases) == len(cohort) - 1
    frame = iptkit.issues_frame(r.errors)
    assert list(frame["kind"]) == ["invalid"] and list(frame["row"]) == [4]


def test_hand_made_tables_with_the_natural_columns_import() -> None:
    cases = pd.DataFrame({"case_id": ["P1"], "adaptation": ["ipt"], "start_date": [pd.Timestamp("2026-01-05")],
                          "planned_sessions": [12], "frequency": ["weekly"], "format": ["individual"],
                          "modality": ["in_person"], "arm": [""], "site": [None]})
    sessions = pd.DataFrame({"case_id": ["P1", "P1"], "number": [1, 2],
                             "date": ["2026-01-05", "2026-01-12"], "phase": ["initial", "initial"],
                             "attendance": ["attended", "no_show"], "minutes": [50.0, float("nan")]})
    items = {f"item_{k}": [1, 2] for k in range(1, 10)}
    assessments = pd.DataFrame({"case_id": ["P1", "P1"], "instrument": ["phq9", "phq9"],
                                "date": ["2026-01-05", "2026-01-12"], **items})
    r = iptkit.import_tables({"cases": cases, "sessions": sessions, "assessments": assessments})
    assert r.ok, [e.message for e in r.errors]
    (c,) = r.cases
    assert c.arm == "" and c.site is None  # an empty text stays apart from a missing value
    assert [s.minutes for s in c.sessions] == [50, None]
    assert [a.items for a in c.assessments] == [[1] * 9, [2] * 9]


def test_misuse_raises_naming_what_is_wrong(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    iptkit.write_tables(cohort, tmp_path, complete=True)
    (tmp_path / "sessions.csv").rename(tmp_path / "Sessions.csv")
    with pytest.raises(ValueError, match="Sessions.csv"):
        iptkit.import_tables(tmp_path)
    with pytest.raises(ValueError, match="'visits'"):
        iptkit.import_tables({"cases": pd.DataFrame(), "visits": pd.DataFrame()})
    with pytest.raises(ValueError, match="no 'cases'"):
        iptkit.import_tables({"sessions": pd.DataFrame()})
    with pytest.raises(TypeError, match="list"):
        iptkit.import_tables({"cases": [1, 2]})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        iptkit.import_tables(tmp_path / "no-such-folder")


REDCAP = Path(__file__).resolve().parents[2] / "examples" / "redcap"


def test_redcap_files_frames_and_api_records_make_the_same_cases() -> None:
    import json

    r = iptkit.import_redcap(REDCAP / "records.csv", dictionary=REDCAP / "dictionary.csv",
                             mapping=REDCAP / "mapping.json")
    assert r.ok, [e.message for e in r.errors]
    assert [c.case_id for c in r.cases] == ["1001", "1002", "1003", "1004", "1005", "1006"]
    # As pandas reads the export by default (codes as numbers, blanks as NaN), and as PyCap's
    # export_records() / export_metadata() give them (lists of dicts, API column names).
    frame = pd.read_csv(REDCAP / "records.csv")
    meta = pd.read_csv(REDCAP / "dictionary.csv", dtype=str, keep_default_na=False)
    api_meta = [dict(field_name=row["Variable / Field Name"], form_name=row["Form Name"], field_type=row["Field Type"],
                     select_choices_or_calculations=row["Choices, Calculations, OR Slider Labels"],
                     text_validation_type_or_show_slider_number=row["Text Validation Type OR Show Slider Number"],
                     identifier=row["Identifier?"]) for _, row in meta.iterrows()]
    mapping = json.loads((REDCAP / "mapping.json").read_text())
    for records, dictionary in ((frame, meta), (json.loads((REDCAP / "records.json").read_text()), api_meta)):
        again = iptkit.import_redcap(records, dictionary=dictionary, mapping=mapping)
        assert again.ok, [e.message for e in again.errors]
        assert canonical(again.cases) == canonical(r.cases)
    unused = iptkit.issues_frame(r.unused)
    assert {"record", "event", "instance"} <= set(unused.columns)
    row = unused[unused["kind"] == "incomplete"].iloc[0]
    assert (row["record"], row["event"], row["instance"]) == ("1005", "treatment_arm_1", 2)


def test_a_redcap_mistake_in_a_dataframe_names_record_event_instance_and_field() -> None:
    frame = pd.read_csv(REDCAP / "records.csv", dtype=str, keep_default_na=False)
    at = (frame["record_id"] == "1002") & (frame["redcap_repeat_instrument"] == "session") & \
         (frame["redcap_repeat_instance"] == "3")
    frame.loc[at, "sess_phase"] = "7"
    r = iptkit.import_redcap(frame, dictionary=REDCAP / "dictionary.csv", mapping=REDCAP / "mapping.json")
    (e,) = r.errors
    assert (e.record, e.event, e.instance, e.field) == ("1002", "treatment_arm_1", 3, "sess_phase")
    assert e.kind == iptkit.ImportErrorKind.unknown_code and e.line is None and e.row is not None
    with pytest.raises(TypeError, match="mapping"):
        iptkit.import_redcap(frame, dictionary=REDCAP / "dictionary.csv", mapping=42)  # type: ignore[arg-type]


def fhir_phq9(subject: str, scores: list[int], total: int | None = None) -> dict[str, object]:
    codes = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]
    answers = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    items: list[dict[str, object]] = [{"linkId": "/" + c, "answer": [{"valueCoding": {"code": answers[v]}}]}
                                      for c, v in zip(codes, scores)]
    if total is not None:
        items.append({"linkId": "/44261-6", "answer": [{"valueInteger": total}]})
    return {"resourceType": "QuestionnaireResponse", "status": "completed", "subject": {"reference": f"Patient/{subject}"},
            "authored": "2026-03-02T10:00:00Z", "item": items}


def test_fhir_responses_as_records_or_attached_to_cases(cohort: iptkit.CaseList, tmp_path: Path) -> None:
    import json

    subject = cohort[0].case_id
    scores = [1, 1, 0, 2, 1, 0, 1, 0, 0]
    r = iptkit.import_fhir([fhir_phq9(subject, scores, 6)])
    assert r.ok and len(r.assessments) == 1
    (record,) = r.assessments
    assert record.case_id == subject and list(record.value.items) == scores and record.value.total == 6
    path = tmp_path / "responses.ndjson"
    path.write_text(json.dumps(fhir_phq9(subject, scores, 7)) + "\n")
    r = iptkit.import_fhir(path)
    (e,) = r.errors
    assert e.kind == iptkit.ImportErrorKind.inconsistent and e.line == 1 and "item[9]" in e.field
    attached = iptkit.import_fhir([fhir_phq9(subject, scores)], cases=list(cohort))
    assert attached.ok and len(attached.cases) == len(cohort)
    assert len(attached.cases[0].assessments) == len(cohort[0].assessments) + 1
    assert canonical(attached.cases[1:]) == canonical(list(cohort)[1:])


def test_import_arguments_are_checked_without_quoting_the_data(tmp_path: Path) -> None:
    records = REDCAP / "records.csv"
    for bad in ({"catalog": "x"}, {"limits": 5}, {"redact": "no"}):
        with pytest.raises(TypeError) as e:
            iptkit.import_redcap(records, dictionary=REDCAP / "dictionary.csv", mapping=REDCAP / "mapping.json",
                                 **bad)  # type: ignore[arg-type]
        assert len(str(e.value)) < 200 and "MRN" not in str(e.value), str(e.value)[:300]
    # Content given where a path could be: read as the content, never taken as a file name.
    text = records.read_text()
    r = iptkit.import_redcap(text, dictionary=(REDCAP / "dictionary.csv").read_bytes(),
                             mapping=(REDCAP / "mapping.json").read_text())
    assert r.ok and len(r.cases) == 6
    with pytest.raises(FileNotFoundError) as missing:
        iptkit.import_fhir(tmp_path / "nothing.ndjson")
    assert "nothing.ndjson" in str(missing.value)
    import json

    one = iptkit.import_fhir(json.dumps(fhir_phq9("COH-001", [0] * 9)))
    assert one.ok and len(one.assessments) == 1


def test_fhir_cases_from_a_file_or_one_case(cohort: iptkit.CaseList) -> None:
    subject = cohort[0].case_id
    resource = fhir_phq9(subject, [1, 1, 0, 2, 1, 0, 1, 0, 0])
    from_file = iptkit.import_fhir([resource], cases=Path(__file__).resolve().parents[2] / "examples/data/cohort.jsonl")
    assert from_file.ok and len(from_file.cases) == len(cohort)
    single = iptkit.import_fhir(resource, cases=cohort[0])
    assert single.ok and len(single.cases) == 1
    with pytest.raises(TypeError, match="cases"):
        iptkit.import_fhir(resource, cases=[1, 2])  # type: ignore[list-item]


def test_issues_frame_marks_absent_text_as_missing() -> None:
    r = iptkit.import_redcap(REDCAP / "records.csv", dictionary=REDCAP / "dictionary.csv",
                             mapping=REDCAP / "mapping.json")
    frame = iptkit.issues_frame(r.unused)
    columns = frame[frame["line"].isna()]  # the columns not read have no row: no record either
    assert columns["record"].isna().all() and columns["event"].isna().all()
    assert str(r.unused[0]).startswith(str(REDCAP / "records.csv")), str(r.unused[0])
