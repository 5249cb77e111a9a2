"""Trial case documents for the CONSORT tests: real example documents given trial records, in
flows of one, two, three and six arms, with long arm names and reasons, with zero counts, and
the bundled 24-case cohort (examples/data/cohort.jsonl) as a randomised trial with screening."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any

Doc = dict[str, Any]


def _example(root: pathlib.Path, name: str = "grief-normal-brief.json") -> Doc:
    return json.loads((root / "examples/data" / name).read_text(encoding="utf-8"))


def _without_sessions(doc: Doc) -> Doc:
    doc["sessions"] = []
    doc["assessments"] = [a for a in doc.get("assessments", []) if "session" not in a]
    return doc


def screened(root: pathlib.Path, case_id: str, eligible: bool, reasons: list[str]) -> Doc:
    """A record screened and not randomised: not eligible, or eligible and declined."""
    doc = _without_sessions(_example(root))
    doc.update(case_id=case_id, trial={"eligible": eligible, "exclusion_reasons": reasons})
    return doc


def randomised(root: pathlib.Path, case_id: str, allocation: str, *, received: str | None = None,
               attended: bool = True, stopped: str | None = None) -> Doc:
    """A randomised record: allocated to `allocation`, treated in `received` (default: the same),
    with no attended session unless `attended`, and discontinued for the reason `stopped`."""
    doc = _example(root)
    if not attended:
        _without_sessions(doc)
    doc.update(case_id=case_id, arm=received or allocation,
               trial={"eligible": True, "randomised_on": doc["contract"]["start_date"], "allocation": allocation})
    if received and received != allocation:
        doc["trial"]["arm_change_reason"] = "moved to the other arm at the patient's request"
    if stopped:
        last = max((x["date"] for x in doc.get("sessions", [])), default=doc["contract"]["start_date"])
        doc["discontinuation"] = {"date": last, "reason": stopped}
    return doc


def arm_records(root: pathlib.Path, prefix: str, arm: str, n: int, stopped: list[str | None],
                not_attended: int = 0) -> list[Doc]:
    """`n` records of one arm; the first ones discontinued for the reasons of `stopped` in order,
    the last `not_attended` of them never at a session."""
    return [randomised(root, f"{prefix}{i + 1}", arm, attended=i < n - not_attended,
                       stopped=stopped[i] if i < len(stopped) else None) for i in range(n)]


def cohort_trial(root: pathlib.Path) -> list[Doc]:
    """The bundled cohort as a trial: each case randomised on its contract start to its arm,
    five screened-out records before it, one case treated in the other arm, four discontinued."""
    stopped = {"COH-006": "withdrew_consent", "COH-011": "adverse_event", "COH-020": "lost_to_follow_up",
               "COH-024": "moved_away"}
    docs = [screened(root, "SCR-1", False, ["bipolar disorder"]),
            screened(root, "SCR-2", False, ["bipolar disorder", "current substance dependence"]),
            screened(root, "SCR-3", False, ["age under 18"]),
            screened(root, "SCR-4", True, ["declined: travel distance"]),
            screened(root, "SCR-5", True, [])]
    for line in (root / "examples/data/cohort.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        doc["trial"] = {"eligible": True, "randomised_on": doc["contract"]["start_date"], "allocation": doc["arm"]}
        if doc["case_id"] == "COH-004":
            doc["arm"] = "ipt"
            doc["trial"]["arm_change_reason"] = "clinician's decision after randomisation"
        if doc["case_id"] in stopped:
            last = max((s["date"] for s in doc.get("sessions", [])), default=doc["contract"]["start_date"])
            doc["discontinuation"] = {"date": last, "reason": stopped[doc["case_id"]]}
        docs.append(doc)
    return docs


LONG_ARMS = ["Interpersonal psychotherapy by telephone: sixteen weekly sessions and two monthly boosters",
             "Enhancedusualcarewithcasemanagementandnoplacetobreakthisverylongname",
             "treatment as usual"]

LONG_REASONS = ["bipolar disorder", "current substance dependence requiring detoxification before any psychotherapy",
                "age over 65", "<b>markup</b> & 'quoted' \"reason\"", "lives more than two hours' travel from any site",
                "already in interpersonal psychotherapy or another structured psychotherapy in the past 12 months",
                "no fixed address", "acute suicidality needing inpatient care", "pregnant", "language",
                "Ausschlusskriterium: schwere kognitive Beeinträchtigung", "other"]


def scenarios(root: pathlib.Path) -> dict[str, list[Doc]]:
    """Named sets of trial documents, each one flow."""
    all_reasons = ["withdrew_consent", "lost_to_follow_up", "adverse_event", "moved_away", "clinical_decision", "other"]
    flows: dict[str, list[Doc]] = {}
    flows["one_arm"] = [screened(root, "S1", False, ["bipolar disorder", "age over 65"]),
                        screened(root, "S2", False, ["bipolar disorder"]),
                        screened(root, "S3", True, ["declined"]),
                        *arm_records(root, "I", "ipt", 6, ["lost_to_follow_up", "adverse_event"], not_attended=1)]
    flows["two_arms_cohort"] = cohort_trial(root)
    flows["three_arms"] = [screened(root, "S1", False, ["bipolar disorder"]),
                           *arm_records(root, "I", "ipt", 5, ["withdrew_consent"]),
                           *arm_records(root, "C", "cbt", 4, ["lost_to_follow_up", "lost_to_follow_up"], not_attended=2),
                           *arm_records(root, "T", "tau", 3, [])]
    flows["long_text"] = [*(screened(root, f"S{i}", i % 3 != 0, LONG_REASONS[i:] + LONG_REASONS[:i % 4])
                            for i in range(len(LONG_REASONS))),
                          *arm_records(root, "L", LONG_ARMS[0], 7, all_reasons),
                          *arm_records(root, "E", LONG_ARMS[1], 3, all_reasons[3:], not_attended=1),
                          *arm_records(root, "T", LONG_ARMS[2], 2, [])]
    flows["zeros"] = [*arm_records(root, "I", "ipt", 2, []), *arm_records(root, "T", "tau", 1, [])]
    flows["nobody_randomised"] = [screened(root, "S1", False, []), screened(root, "S2", True, [])]
    # Five arms, and a sixth "(none)" of a record randomised without an allocation; a record without
    # a trial record is in no box (both are notes of the flow).
    unallocated = randomised(root, "U1", "ipt")
    del unallocated["trial"]["allocation"]
    flows["six_arms_with_notes"] = [*(r for k in range(5) for r in arm_records(root, f"A{k}", f"arm {k + 1}", k + 1,
                                                                               ["other"])),
                                    unallocated, _example(root)]
    return {name: [copy.deepcopy(d) for d in docs] for name, docs in flows.items()}


def write_jsonl(path: pathlib.Path, docs: list[Doc]) -> pathlib.Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path
