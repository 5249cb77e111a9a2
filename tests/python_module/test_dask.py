"""iptkit.dask on a two-process LocalCluster equals the single-process functions exactly: the cases
of a bag, the outcome rows (case_index across files), the findings, the summary, and reading with
lax and errors="collect"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pandas as pd
import pytest

import iptkit

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

import iptkit.dask as idk  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

SIZES = [17, 123, 0, 160]
"""Cases per file, uneven and with an empty file; sums to the 300 synthesized cases."""


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines))


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def synthetic() -> list[iptkit.Case]:
    return iptkit.synthesize(300, seed=7)


@pytest.fixture(scope="module")
def cohort_dir(tmp_path_factory: pytest.TempPathFactory, synthetic: list[iptkit.Case]) -> Path:
    """Four files written in reverse name order (the cohort order is the sorted one), plus a file
    the pattern leaves out."""
    folder = tmp_path_factory.mktemp("cohort")
    lines = [c.to_json(pretty=False) for c in synthetic]
    for i, n in reversed(list(enumerate(SIZES))):
        start = sum(SIZES[:i])
        _write(folder / f"part-{i:02d}.jsonl", lines[start:start + n])
    (folder / "README.txt").write_text("not a cohort file\n")
    return folder


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory, synthetic: list[iptkit.Case]) -> Path:
    """The same cohort where part-01 has an unknown field in its 6th case (readable with lax) and
    an unreadable line after its 10th case."""
    folder = tmp_path_factory.mktemp("bad")
    lines = [c.to_json(pretty=False) for c in synthetic]
    for i, n in enumerate(SIZES):
        start = sum(SIZES[:i])
        part = lines[start:start + n]
        if i == 1:
            part[5] = part[5].replace("{", '{"zzz_unknown":1,', 1)
            part.insert(10, '{"case_id": 3}')
        _write(folder / f"part-{i:02d}.jsonl", part)
    return folder


def _concatenated(folder: Path, tmp_path: Path) -> Path:
    whole = tmp_path / "whole.jsonl"
    whole.write_bytes(b"".join(p.read_bytes() for p in sorted(folder.glob("*.jsonl"))))
    return whole


def test_import_iptkit_does_not_import_dask() -> None:
    code = "import sys, iptkit; sys.exit('dask' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_files_sorted_by_name_with_pattern_single_file_and_glob(cohort_dir: Path) -> None:
    names = [str(cohort_dir / f"part-{i:02d}.jsonl") for i in range(len(SIZES))]
    assert idk.files(cohort_dir) == names
    assert idk.files(str(cohort_dir / "*.jsonl")) == names
    assert idk.files(names[1]) == [names[1]]
    assert idk.files(cohort_dir, "*.txt") == [str(cohort_dir / "README.txt")]
    assert idk.files(cohort_dir, "*.csv") == []
    with pytest.raises(FileNotFoundError):
        idk.read_bag(cohort_dir, "*.csv")


def test_read_bag_partition_per_file_count_and_order(client: Client, cohort_dir: Path,
                                                     synthetic: list[iptkit.Case]) -> None:
    bag = idk.read_bag(cohort_dir)
    assert bag.npartitions == len(SIZES)
    assert bag.count().compute() == 300
    assert bag.map_partitions(lambda p: [len(list(p))]).compute() == SIZES
    assert bag.compute() == synthetic


def test_outcomes_equal_single_process(client: Client, cohort_dir: Path,
                                       synthetic: list[iptkit.Case]) -> None:
    frame = idk.outcomes(cohort_dir)
    assert frame.npartitions == len(SIZES)
    expected = iptkit.outcomes(synthetic)
    pd.testing.assert_series_equal(frame.dtypes, expected.dtypes)
    got = frame.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)
    assert got["case_index"].max() == 299


def test_outcomes_with_instruments_from_a_bag(client: Client, cohort_dir: Path,
                                              synthetic: list[iptkit.Case]) -> None:
    registry = iptkit.InstrumentRegistry()  # empty: every instrument unknown
    expected = iptkit.outcomes(synthetic, catalog=iptkit.Catalog(instruments=registry))
    assert not expected.equals(iptkit.outcomes(synthetic))
    got = idk.outcomes(idk.read_bag(cohort_dir), catalog=iptkit.Catalog(instruments=registry)).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)


def test_findings_equal_single_process(client: Client, cohort_dir: Path,
                                       synthetic: list[iptkit.Case]) -> None:
    assert len(iptkit.findings_frame(iptkit.validate(synthetic), synthetic).query("code == 'C005'")) > 0
    rules = iptkit.RuleSet()
    rules.disable("C005")
    frame = idk.validate(cohort_dir, catalog=iptkit.Catalog(rules=rules))
    expected = iptkit.findings_frame(iptkit.validate(synthetic, catalog=iptkit.Catalog(rules=rules)), synthetic)
    assert len(expected) > 0 and "C005" not in set(expected["code"])
    pd.testing.assert_series_equal(frame.dtypes, expected.dtypes)
    pd.testing.assert_frame_equal(frame.compute().reset_index(drop=True), expected)


def test_summary_equals_single_process(client: Client, cohort_dir: Path,
                                       synthetic: list[iptkit.Case]) -> None:
    got = idk.summary(cohort_dir, by=iptkit.GroupBy.arm).compute()
    pd.testing.assert_frame_equal(got, iptkit.summary(synthetic, by="arm"))


def test_unreadable_line_raises_naming_file_and_line(client: Client, bad_dir: Path) -> None:
    with pytest.raises(iptkit.DecodeError, match=r"part-01\.jsonl: line 6 could not be read") as e:
        idk.outcomes(bad_dir).compute()
    assert [err.path for err in e.value.errors] == ["/zzz_unknown"]
    with pytest.raises(iptkit.DecodeError, match=r"part-01\.jsonl: line 11 could not be read"):
        idk.read_bag(bad_dir, lax=True).compute()


def test_collect_skips_unreadable_cases_like_read_cases(client: Client, bad_dir: Path,
                                                        tmp_path: Path) -> None:
    whole = iptkit.read_cases(_concatenated(bad_dir, tmp_path), errors="collect")
    assert len(whole) == 299 and len(whole.errors) == 2
    bag = idk.read_bag(bad_dir, errors="collect")
    assert bag.count().compute() == 299
    assert bag.compute() == list(whole)
    got = idk.outcomes(bag).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, iptkit.outcomes(whole))
    findings = idk.validate(bag).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(findings, iptkit.findings_frame(iptkit.validate(whole), whole))


def test_lax_and_collect_recover_the_clean_cohort(client: Client, bad_dir: Path,
                                                  synthetic: list[iptkit.Case]) -> None:
    bag = idk.read_bag(bad_dir, lax=True, errors="collect")
    assert bag.compute() == synthetic
    got = idk.outcomes(bag).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, iptkit.outcomes(synthetic))


def test_errors_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        idk.read_bag(".", errors="ignore")  # type: ignore[arg-type]


def test_urls_are_listed_and_read_with_fsspec(synthetic: list[iptkit.Case]) -> None:
    """The object-store path (fsspec), on fsspec's in-process memory filesystem, so run with the
    synchronous scheduler: the cluster's worker processes cannot see this process's memory."""
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    lines = [c.to_json(pretty=False) for c in synthetic[:40]]
    fs.pipe({"/iptkit-dask/b.jsonl": "\n".join(lines[15:]).encode() + b"\n",
             "/iptkit-dask/a.jsonl": "\n".join(lines[:15]).encode() + b"\n",
             "/iptkit-dask/c.jsonl": b"",
             "/iptkit-dask-bad/a.jsonl": lines[0].encode() + b'\n{"case_id": 3}\n'})
    try:
        assert idk.files("memory://iptkit-dask") == [
            f"memory:///iptkit-dask/{n}.jsonl" for n in "abc"]
        got = idk.outcomes("memory://iptkit-dask").compute(scheduler="sync").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, iptkit.outcomes(synthetic[:40]))
        with pytest.raises(iptkit.DecodeError, match=r"^memory:///iptkit-dask-bad/a\.jsonl: line 2 "):
            idk.read_bag("memory://iptkit-dask-bad").compute(scheduler="sync")
        bag = idk.read_bag("memory://iptkit-dask-bad", errors="collect")
        assert bag.compute(scheduler="sync") == synthetic[:1]
    finally:
        fs.rm(["/iptkit-dask", "/iptkit-dask-bad"], recursive=True)
