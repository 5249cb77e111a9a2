"""iptkit.Cohort: a cohort held as columns gives the outcomes, statistics and cases of the same
cohort held as Case objects, from DataFrames, pyarrow Tables, CSV and case files alike; every
problem of the tables raises TableError naming table, row and column."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import iptkit
from conftest import COHORT


@pytest.fixture(scope="module")
def synthetic() -> list[iptkit.Case]:
    return iptkit.synthesize(600, seed=17)  # dropouts, missed measures, GAD-7, maintenance


@pytest.fixture(scope="module")
def full_tables(synthetic: list[iptkit.Case]) -> dict[str, pd.DataFrame]:
    return iptkit.tables(synthetic, complete=True)


def test_outcomes_equal_those_of_the_cases(synthetic, full_tables) -> None:
    cohort = iptkit.Cohort.from_tables(full_tables)
    assert len(cohort) == len(synthetic)
    pd.testing.assert_frame_equal(cohort.outcomes(), iptkit.outcomes(synthetic))
    pd.testing.assert_frame_equal(cohort.outcomes(threads=2), iptkit.outcomes(synthetic))
    pd.testing.assert_frame_equal(cohort.outcomes(recovery_period_months=6),
                                  iptkit.outcomes(synthetic, recovery_period_months=6))
    # relapse quantities come from maintenance_json: some are present, as for the cases
    assert cohort.outcomes()["relapse_rule_fired"].notna().any()


def test_analysis_tables_suffice_without_maintenance(cohort) -> None:
    plain = [c for c in cohort if c.maintenance is None]
    t = iptkit.tables(plain)  # analysis columns only
    got = iptkit.Cohort.from_tables({"cases": t["cases"], "sessions": t["sessions"],
                                     "assessments": t["assessments"]}).outcomes()
    pd.testing.assert_frame_equal(got, iptkit.outcomes(plain))


def test_maintenance_without_its_rules_is_refused(synthetic) -> None:
    t = iptkit.tables(synthetic)  # no maintenance_json: relapse rules would be lost silently
    assert t["cases"]["maintenance"].any()
    with pytest.raises(iptkit.TableError, match="maintenance_json"):
        iptkit.Cohort.from_tables(t)


def test_rows_in_another_order_and_arrow_tables(synthetic, full_tables) -> None:
    pa = pytest.importorskip("pyarrow")
    shuffled = dict(full_tables)
    # assessments in reverse case order, each case's rows in their own order
    a = full_tables["assessments"]
    shuffled["assessments"] = a.iloc[np.argsort(-a["case_index"].to_numpy(), kind="stable")]
    pd.testing.assert_frame_equal(iptkit.Cohort.from_tables(shuffled).outcomes(), iptkit.outcomes(synthetic))
    arrow = {name: pa.Table.from_pandas(t, preserve_index=False) for name, t in full_tables.items()
             if name != "outcomes"}
    pd.testing.assert_frame_equal(iptkit.Cohort.from_tables(arrow).outcomes(), iptkit.outcomes(synthetic))


def test_object_columns_and_text_dates(synthetic, full_tables) -> None:
    # as a CSV read by pandas gives them: str objects and date text
    plain = {name: t.astype({c: object for c in t.columns if c == "case_id" or c.endswith("date")
                             or c in ("instrument", "phase", "attendance")})
             for name, t in full_tables.items() if name != "outcomes"}
    for t in plain.values():
        for c in t.columns:
            if c.endswith("date"):
                t[c] = [None if pd.isna(v) else str(v)[:10] for v in t[c]]
    pd.testing.assert_frame_equal(iptkit.Cohort.from_tables(plain).outcomes(), iptkit.outcomes(synthetic))


def test_read_and_from_cases(tmp_path: Path, cohort) -> None:
    read = iptkit.Cohort.read(COHORT)
    pd.testing.assert_frame_equal(read.outcomes(), iptkit.outcomes(cohort))
    pd.testing.assert_frame_equal(iptkit.Cohort.from_cases(cohort).outcomes(), iptkit.outcomes(cohort))
    assert "cases" in repr(read) and read.case_ids.tolist() == [c.case_id for c in cohort]


def test_pickled_cohort_gives_the_same_outcomes(full_tables) -> None:
    cohort = iptkit.Cohort.from_tables(full_tables)
    back = pickle.loads(pickle.dumps(cohort))
    assert len(back) == len(cohort)
    pd.testing.assert_frame_equal(back.outcomes(), cohort.outcomes())


def test_read_refuses_an_unreadable_case(tmp_path: Path) -> None:
    lines = COHORT.read_text().splitlines()
    lines[2] = lines[2].replace('"attendance":"attended"', '"attendance":"came"', 1)
    (tmp_path / "bad.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(iptkit.DecodeError, match="line 3"):
        iptkit.Cohort.read(tmp_path / "bad.jsonl")
    with pytest.raises(FileNotFoundError):
        iptkit.Cohort.read(tmp_path / "missing.jsonl")


def test_summary_equals_that_of_the_cases(synthetic, full_tables) -> None:
    cohort = iptkit.Cohort.from_tables(full_tables)
    for by in (None, "arm", "site", "adaptation"):
        pd.testing.assert_frame_equal(cohort.summary(by=by), iptkit.summary(synthetic, by=by))


def test_cases_on_demand(synthetic, full_tables) -> None:
    cohort = iptkit.Cohort.from_tables(full_tables)
    assert cohort.case(3).to_json() == synthetic[3].to_json()
    assert cohort.case(synthetic[7].case_id).to_json() == synthetic[7].to_json()
    assert [c.to_json() for c in cohort.cases()] == [c.to_json() for c in synthetic]
    assert [[(x.code, x.path) for x in f] for f in cohort.validate(threads=2)] == \
        [[(x.code, x.path) for x in f] for f in iptkit.validate(synthetic)]
    with pytest.raises(KeyError):
        cohort.case("NO-SUCH-CASE")
    with pytest.raises(IndexError):
        cohort.case(len(synthetic))


def _broken(full_tables: dict[str, pd.DataFrame], table: str, row: int, column: str, value: object):
    t = {name: f.copy() for name, f in full_tables.items() if name != "outcomes"}
    t[table][column] = t[table][column].astype(object)
    t[table].iloc[row, t[table].columns.get_loc(column)] = value
    return t


@pytest.mark.parametrize("table,column,value,kind", [
    ("sessions", "case_id", "NOT-A-CASE", "unmatched_row"),
    ("assessments", "case_id", "NOT-A-CASE", "unmatched_row"),
    ("sessions", "phase", "middel", "invalid"),
    ("sessions", "attendance", "came", "invalid"),
    ("assessments", "total", -3, "invalid"),
])
def test_each_problem_names_table_row_and_column(full_tables, table, column, value, kind) -> None:
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_tables(_broken(full_tables, table, 4, column, value))
    issue = e.value.errors[0]
    assert (issue.source, issue.row, issue.field, issue.kind.name) == (table, 5, column, kind)
    if kind == "unmatched_row":
        assert issue.case_id == "NOT-A-CASE"  # named, as import_tables names it


def test_duplicate_case_and_missing_values(full_tables) -> None:
    t = _broken(full_tables, "cases", 2, "case_id", full_tables["cases"]["case_id"][1])
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_tables(t)
    assert e.value.errors[0].kind == iptkit.ImportErrorKind.duplicate_row and e.value.errors[0].row == 3
    with pytest.raises(iptkit.TableError, match=r"sessions.case_id, row 5: expected a value"):
        iptkit.Cohort.from_tables(_broken(full_tables, "sessions", 4, "case_id", None))
    with pytest.raises(iptkit.TableError, match="no column 'total'"):
        iptkit.Cohort.from_tables({**full_tables, "assessments": full_tables["assessments"].drop(columns="total")})
    with pytest.raises(iptkit.TableError, match="expected a date as YYYY-MM-DD"):
        iptkit.Cohort.from_tables(_broken(full_tables, "assessments", 1, "date", "2026-02-30"))
    with pytest.raises(ValueError, match="no table 'assesments'"):
        iptkit.Cohort.from_tables({"cases": full_tables["cases"], "assesments": full_tables["assessments"]})


def test_error_is_picklable(full_tables) -> None:
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_tables(_broken(full_tables, "sessions", 0, "phase", "x"))
    back = pickle.loads(pickle.dumps(e.value))
    assert str(back) == str(e.value) and len(back.errors) == len(e.value.errors)


def test_from_redcap_equals_the_imported_cases() -> None:
    project = Path(__file__).resolve().parents[2] / "examples" / "redcap"
    args = dict(dictionary=project / "dictionary.csv", mapping=project / "mapping.json")
    imported = iptkit.import_redcap(project / "records.csv", **args)
    assert imported.ok
    cohort = iptkit.Cohort.from_redcap(project / "records.csv", **args)
    pd.testing.assert_frame_equal(cohort.outcomes(), iptkit.outcomes(imported.cases))
    assert [str(u) for u in cohort.unused] == [str(u) for u in imported.unused]
    assert len(pickle.loads(pickle.dumps(cohort)).unused) == len(imported.unused) > 0
    assert [c.to_json() for c in cohort.cases()] == [c.to_json() for c in imported.cases]


def test_from_redcap_refuses_a_partial_cohort(tmp_path: Path) -> None:
    project = Path(__file__).resolve().parents[2] / "examples" / "redcap"
    records = (project / "records.csv").read_text().splitlines()
    header = records[0].split(",")
    date = header.index("start_date")  # mapped to /contract/start_date
    row = records[1].split(",")
    assert row[date]
    row[date] = "2026-02-30"
    (tmp_path / "records.csv").write_text("\n".join([records[0], ",".join(row), *records[2:]]) + "\n")
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_redcap(tmp_path / "records.csv", dictionary=project / "dictionary.csv",
                                  mapping=project / "mapping.json")
    assert e.value.errors and e.value.errors[0].record


# --- what a cold try tripped on: each would have changed an answer unseen, or named nothing ---

def _plain(full_tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: f.copy() for name, f in full_tables.items() if name != "outcomes"}


def test_sessions_out_of_date_order_are_refused(full_tables) -> None:
    t = _plain(full_tables)
    t["sessions"] = t["sessions"].sort_values(["case_id", "date"], ascending=[True, False])  # newest first
    with pytest.raises(iptkit.TableError, match="date order") as e:
        iptkit.Cohort.from_tables(t)
    assert e.value.errors[0].source == "sessions" and e.value.errors[0].field == "date"


def test_totals_beyond_the_scale_and_unknown_instruments_are_refused(full_tables) -> None:
    t = _plain(full_tables)
    phq = int(np.flatnonzero((t["assessments"]["instrument"] == "phq9").to_numpy())[0])
    t["assessments"].loc[phq, "total"] = 45
    with pytest.raises(iptkit.TableError, match="phq9 total from 0 to 27, found 45"):
        iptkit.Cohort.from_tables(t)
    t = _plain(full_tables)
    t["assessments"]["instrument"] = t["assessments"]["instrument"].astype(object)
    t["assessments"].loc[[3, 5], "instrument"] = "PHQ-9"
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_tables(t)
    assert len(e.value.errors) == 1 and e.value.errors[0].row == 4  # once per id, at its first row
    assert "known: phq9" in e.value.errors[0].message


def test_every_refusal_is_a_table_error_with_its_row(full_tables) -> None:
    cases = [("assessments", "total", "."), ("assessments", "total", 2.5), ("assessments", "date", "2026-1-19"),
             ("assessments", "date", "5 Jan 2026"), ("cases", "maintenance_json", "{not json"),
             ("sessions", "case_id", None)]
    for table, column, value in cases:
        with pytest.raises(iptkit.TableError) as e:
            iptkit.Cohort.from_tables(_broken(full_tables, table, 6, column, value))
        issue = e.value.errors[0]
        assert (issue.source, issue.field, issue.row) == (table, column, 7), (table, column, value, str(e.value))


def test_unmatched_rows_name_their_case_and_missing_codes_say_so(full_tables) -> None:
    with pytest.raises(iptkit.TableError) as e:
        iptkit.Cohort.from_tables(_broken(full_tables, "sessions", 4, "case_id", "T99"))
    assert e.value.errors[0].case_id == "T99"
    with pytest.raises(iptkit.TableError, match="found none"):
        iptkit.Cohort.from_tables(_broken(full_tables, "sessions", 4, "phase", None))


def test_integer_ids_paths_and_csv_columns(tmp_path: Path, cohort) -> None:
    t = iptkit.tables(cohort, complete=True)
    for name in ("cases", "sessions", "assessments", "relationships"):
        t[name].to_csv(tmp_path / f"{name}.csv", index=False)
    from_files = iptkit.Cohort.from_tables({n: tmp_path / f"{n}.csv" for n in ("cases", "sessions", "assessments")})
    pd.testing.assert_frame_equal(from_files.outcomes(), iptkit.outcomes(cohort))  # case_id dtype included
    read = {n: pd.read_csv(tmp_path / f"{n}.csv") for n in ("cases", "sessions", "assessments")}
    pd.testing.assert_frame_equal(iptkit.Cohort.from_tables(read).outcomes(), iptkit.outcomes(cohort))
    numbered = {n: f.assign(case_id=f["case_id"].str.slice(4).astype(int)) for n, f in read.items()}
    assert iptkit.Cohort.from_tables(numbered).case_ids.tolist()[:2] == ["1", "2"]


def test_maintenance_column_read_as_yes_no(cohort) -> None:
    plain = [c for c in cohort if c.maintenance is None]
    t = iptkit.tables(plain)
    t["cases"]["maintenance"] = [np.nan] * len(plain)  # an empty column read back from a CSV
    iptkit.Cohort.from_tables(t)
    t["cases"]["maintenance"] = ["no"] * len(plain)
    iptkit.Cohort.from_tables(t)


def test_the_cohort_does_not_follow_edits_of_the_frames_it_came_from(full_tables, synthetic) -> None:
    t = _plain(full_tables)
    c = iptkit.Cohort.from_tables(t)
    held = t["cases"]
    held.loc[:, "arm"] = "changed"
    held.loc[:, "case_id"] = held["case_id"].iloc[::-1].to_numpy()
    pd.testing.assert_frame_equal(c.outcomes(), iptkit.outcomes(synthetic))
    pd.testing.assert_frame_equal(c.summary(by="arm"), iptkit.summary(synthetic, by="arm"))
    given = c.tables()["cases"]
    given.loc[:, "arm"] = "changed"
    pd.testing.assert_frame_equal(c.summary(by="arm"), iptkit.summary(synthetic, by="arm"))


def test_made_only_by_its_constructors(full_tables) -> None:
    with pytest.raises(TypeError, match="from_tables"):
        iptkit.Cohort(full_tables)


BAD_TABLES = sorted(p for p in (Path(__file__).resolve().parents[2] / "tests" / "data" / "bad-import" / "tables").iterdir()
                    if p.is_dir())


@pytest.mark.parametrize("folder", BAD_TABLES, ids=lambda p: p.name)
def test_the_bad_import_corpus_is_refused_or_agrees_with_the_import(folder: Path) -> None:
    # Never a crash: a refusal is a TableError naming its table; what the Cohort takes gives the
    # outcomes of the cases the importer makes.
    files = {n: folder / f"{n}.csv" for n in ("cases", "sessions", "assessments", "relationships")
             if (folder / f"{n}.csv").exists()}
    try:
        cohort = iptkit.Cohort.from_tables(files)
    except iptkit.TableError as e:
        assert any(name in str(e) for name in files), str(e)
        return
    imported = iptkit.import_tables(folder)
    assert folder.name not in ("sessions-of-an-unknown-case", "duplicated-case-row")
    if imported.ok:
        pd.testing.assert_frame_equal(cohort.outcomes(), iptkit.outcomes(imported.cases))


# --- a second cold try: more answers that would have been wrong without a word ---

def _small() -> dict[str, pd.DataFrame]:
    cases = pd.DataFrame({"case_id": ["T01", "T02"], "start_date": ["2026-01-05", "2026-01-12"], "arm": ["ipt", "tau"]})
    sessions = pd.DataFrame([dict(case_id=c, date=str((pd.Timestamp(s) + pd.Timedelta(weeks=i)).date()),
                                  phase="initial" if i < 2 else "termination" if i == 7 else "middle",
                                  attendance="attended")
                             for c, s in zip(cases.case_id, cases.start_date) for i in range(8)])
    assessments = pd.DataFrame({"case_id": ["T01", "T01", "T02", "T02"],
                                "date": ["2026-01-02", "2026-02-23", "2026-01-09", "2026-03-02"],
                                "instrument": "phq9", "total": [20, 8, 15, 12]})
    return {"cases": cases, "sessions": sessions, "assessments": assessments}


def test_hand_made_tables_give_the_expected_outcomes() -> None:
    out = iptkit.Cohort.from_tables(_small()).outcomes()
    assert out[["case_id", "baseline", "endpoint"]].astype(str).values.tolist() == [["T01", "20", "8"], ["T02", "15", "12"]]


def test_numbers_are_not_dates() -> None:
    t = _small()
    t["assessments"]["date"] = t["assessments"]["date"].str.replace("-", "").astype("int64")  # 20260102
    with pytest.raises(iptkit.TableError, match="found a number"):
        iptkit.Cohort.from_tables(t)


def test_time_zones_give_their_local_date() -> None:
    t = _small()
    for name, column in (("cases", "start_date"), ("sessions", "date"), ("assessments", "date")):
        t[name][column] = pd.to_datetime(t[name][column]).dt.tz_localize("Europe/Berlin")
    pd.testing.assert_frame_equal(iptkit.Cohort.from_tables(t).outcomes(), iptkit.Cohort.from_tables(_small()).outcomes())


def test_numeric_arms_are_their_own_groups() -> None:
    t = _small()
    t["cases"]["arm"] = [1, 2]
    assert iptkit.Cohort.from_tables(t).summary(by="arm")["group"].tolist() == ["1", "2"]


def test_items_without_totals_and_totals_beyond_any_scale_are_refused() -> None:
    t = _small()
    for i in range(1, 10):
        t["assessments"][f"item_{i}"] = [3, 1, 3, 1]
    t["assessments"]["total"] = pd.array([None, 9, 27, 9], dtype="Int64")
    with pytest.raises(iptkit.TableError, match="item scores but no total"):
        iptkit.Cohort.from_tables(t)
    t = _small()
    t["assessments"]["total"] = pd.array([None] * 4, dtype="Int64")
    with pytest.raises(iptkit.TableError, match="every total is empty"):
        iptkit.Cohort.from_tables(t)
    for value in (1e300, np.inf):
        t = _small()
        t["assessments"]["total"] = [value, 8, 15, 12]
        with pytest.raises(iptkit.TableError, match="rating scale"):
            iptkit.Cohort.from_tables(t)


def test_relapse_rules_are_read_as_the_case_format_gives_them(full_tables) -> None:
    t = _plain(full_tables)
    row = int(np.flatnonzero(t["cases"]["maintenance_json"].notna().to_numpy())[0])
    text = t["cases"].loc[row, "maintenance_json"]
    import json as _json
    plan = _json.loads(text)
    plan["relapse_rule"]["threshold"] = 13.9
    t["cases"].loc[row, "maintenance_json"] = _json.dumps(plan)
    with pytest.raises(iptkit.TableError, match="maintenance_json"):
        iptkit.Cohort.from_tables(t)
    for key, value in (("threshold", -5), ("consecutive", 0)):  # would fire at once / never wait
        plan = _json.loads(text)
        plan["relapse_rule"][key] = value
        t = _plain(full_tables)
        t["cases"].loc[row, "maintenance_json"] = _json.dumps(plan)
        with pytest.raises(iptkit.TableError) as e:
            iptkit.Cohort.from_tables(t)
        assert (e.value.errors[0].field, e.value.errors[0].row) == ("maintenance_json", row + 1)
    t = _plain(full_tables)
    t["cases"].loc[row, "maintenance_json"] = None
    with pytest.raises(iptkit.TableError, match="maintenance_json is empty"):
        iptkit.Cohort.from_tables(t)


def test_from_cases_checks_as_from_tables(cohort) -> None:
    twice = [cohort[0], cohort[0]]
    with pytest.raises(iptkit.TableError, match="second row"):
        iptkit.Cohort.from_cases(twice)


def test_options_and_columns_named_in_short_messages(full_tables) -> None:
    with pytest.raises(TypeError, match="catalog"):
        iptkit.Cohort.from_tables(full_tables, catalog="x")  # type: ignore[arg-type]
    cohort = iptkit.Cohort.from_tables(full_tables)
    for bad in (-1, 2.5):
        with pytest.raises(TypeError, match="threads") as e:
            cohort.outcomes(threads=bad)  # type: ignore[arg-type]
        assert len(str(e.value)) < 200
    t = _plain(full_tables)
    t["sessions"] = pd.concat([t["sessions"], t["sessions"][["date"]]], axis=1)
    with pytest.raises(iptkit.TableError, match="'date' twice"):
        iptkit.Cohort.from_tables(t)


def test_arrow_integer_ids() -> None:
    pa = pytest.importorskip("pyarrow")
    t = _small()
    for f in t.values():
        f["case_id"] = f["case_id"].str.slice(1).astype(int)
    arrow = {n: pa.Table.from_pandas(f, preserve_index=False) for n, f in t.items()}
    assert iptkit.Cohort.from_tables(arrow).case_ids.tolist() == ["1", "2"]
