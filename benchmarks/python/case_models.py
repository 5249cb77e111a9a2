"""The case document ``iptkit.case/1`` as pydantic 2 models and as msgspec Structs: the peers of
goal 4 (docs/performance.md).

Written by hand from docs/case-format.md and docs/schema/case.schema.json, with the structural
checks of the iptkit reader that these libraries can express:

- required fields, ``null`` allowed exactly where the format allows it, unknown fields rejected;
- JSON types checked strictly: no string-to-number coercion, no ``1.0`` for an integer;
- every enum, the ``adaptation`` ids of the built-in protocol table, the ``schema`` constant;
- integer ranges (every integer fits a C++ ``int``; ``at least 1``, ``0-120`` ...), the
  ``case_id`` pattern, non-empty strings, dates ``YYYY-MM-DD`` that exist;
- the focus variants tagged by ``area``;
- the two checks across fields: an assessment has ``items`` or ``total``, and relationship ids are
  unique in an inventory (Python validators: neither library can say this declaratively).

Not checked by these peers (iptkit checks them): duplicate keys in an object and the nesting
limit. ``check_faithful()`` in bench_read.py runs both peers and iptkit on a set of broken
documents and requires all three to reject each one.
"""

import datetime
import enum
from typing import Annotated, Literal, Optional, Union

import msgspec
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
CASE_ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
ADAPTATIONS = ("ipt", "ipt_brief", "ipt_a", "ipt_g", "ipc", "ipt_bpd", "dit", "mit", "mit_g",
               "ipt_perinatal", "ipt_couple", "ipt_telephone", "usual_care", "medication_only", "cbt")


# --- enums (shared by both peers: typed values, as iptkit's C++ enums) -----------------------

def _enum(name: str, values: str) -> type[enum.Enum]:
    return enum.Enum(name, [(v, v) for v in values.split()], type=str)  # type: ignore[return-value]


DiagnosisSystem = _enum("DiagnosisSystem", "icd10 icd11 dsm5")
SessionFrequency = _enum("SessionFrequency", "twice_weekly weekly every_2_weeks monthly")
TherapyFormat = _enum("TherapyFormat", "individual group couple family")
TherapyModality = _enum("TherapyModality", "in_person video telephone")
RelationshipKind = _enum("RelationshipKind", "partner former_partner parent child sibling grandparent "
                         "other_family friend colleague community professional other")
RelationshipStatus = _enum("RelationshipStatus", "current past deceased estranged")
ContactFrequency = _enum("ContactFrequency", "daily weekly monthly rarely none")
ExpectationHolder = _enum("ExpectationHolder", "patient other")
ExpectationStatus = _enum("ExpectationStatus", "met partly_met unmet")
GriefType = _enum("GriefType", "normal delayed distorted chronic inhibited")
DisputeStage = _enum("DisputeStage", "renegotiation impasse dissolution")
TransitionType = _enum("TransitionType", "marriage divorce_separation parenthood retirement job_change "
                       "job_loss relocation illness education other")
DeficitPattern = _enum("DeficitPattern", "social_isolation unfulfilling_relationships emotional_expression "
                       "communication_beliefs")
Phase = _enum("Phase", "initial middle termination maintenance")
Attendance = _enum("Attendance", "attended cancelled no_show")
ProblemArea = _enum("ProblemArea", "grief role_dispute role_transition interpersonal_deficits")
Task = _enum("Task", "symptom_review diagnosis_given psychoeducation sick_role medication_evaluation "
             "interpersonal_inventory problem_area_selected formulation_shared treatment_contract "
             "mood_event_link communication_analysis decision_analysis role_play encouragement_of_affect "
             "clarification homework_review facilitate_mourning reestablish_interests identify_dispute "
             "plan_of_action modify_expectations improve_communication mourn_old_role develop_new_role "
             "restore_self_esteem reduce_isolation build_relationships termination_discussed "
             "progress_review feelings_about_ending relapse_prevention maintenance_considered")
HomeworkStatus = _enum("HomeworkStatus", "assigned completed partly_completed not_done")
Rater = _enum("Rater", "self clinician")
TreatmentKind = _enum("TreatmentKind", "antidepressant other_medication other_psychotherapy")
ReviewerRole = _enum("ReviewerRole", "therapist supervisor psychiatrist general_practitioner crisis_team other")
RiskReviewOutcome = _enum("RiskReviewOutcome", "no_current_risk safety_plan referred_urgent emergency")
Adaptation = Literal["ipt", "ipt_brief", "ipt_a", "ipt_g", "ipc", "ipt_bpd", "dit", "mit", "mit_g",
                     "ipt_perinatal", "ipt_couple", "ipt_telephone", "usual_care", "medication_only", "cbt"]


# --- pydantic 2 ------------------------------------------------------------------------------

def pydantic_case(checks: bool = True) -> type[BaseModel]:
    """The pydantic model of a case; ``checks=False`` leaves out the two cross-field validators
    (items or total; unique relationship ids), the only Python code run per object."""
    class _P(BaseModel):
        model_config = ConfigDict(strict=True, extra="forbid")

    PInt = Annotated[int, Field(ge=INT_MIN, le=INT_MAX)]
    PAtLeast0 = Annotated[int, Field(ge=0, le=INT_MAX)]
    PAtLeast1 = Annotated[int, Field(ge=1, le=INT_MAX)]
    PNonEmpty = Annotated[str, StringConstraints(min_length=1)]

    class PDiagnosis(_P):
        system: DiagnosisSystem
        code: PNonEmpty
        label: Optional[str] = None

    class PRenegotiation(_P):
        session: PAtLeast1
        planned_sessions: PAtLeast1
        reason: Optional[str] = None

    class PContract(_P):
        planned_sessions: PAtLeast1
        frequency: SessionFrequency
        start_date: datetime.date
        format: TherapyFormat
        modality: TherapyModality
        session_minutes: Optional[Annotated[int, Field(ge=10, le=180)]] = None
        renegotiations: Optional[list[PRenegotiation]] = None

    class PExpectation(_P):
        holder: ExpectationHolder
        text: str
        status: ExpectationStatus
        importance: Optional[Annotated[int, Field(ge=1, le=5)]] = None

    class PRelationship(_P):
        id: PNonEmpty
        label: str
        kind: RelationshipKind
        status: RelationshipStatus
        closeness: Annotated[int, Field(ge=1, le=4)]
        contact: Optional[ContactFrequency] = None
        support: Optional[Annotated[int, Field(ge=0, le=4)]] = None
        conflict: Optional[Annotated[int, Field(ge=0, le=4)]] = None
        expectations: Optional[list[PExpectation]] = None
        satisfying: Optional[list[str]] = None
        unsatisfying: Optional[list[str]] = None
        desired_changes: Optional[list[str]] = None
        changed_near_onset: Optional[bool] = None
        loss_date: Optional[datetime.date] = None

    class PInventory(_P):
        completed_session: Optional[PAtLeast1] = None
        relationships: Optional[list[PRelationship]] = None

        if checks:
            @model_validator(mode="after")
            def _unique_ids(self) -> "PInventory":
                if self.relationships:
                    ids = [r.id for r in self.relationships]
                    if len(set(ids)) != len(ids):
                        raise ValueError("relationship ids must be unique")
                return self

    class PGriefFocus(_P):
        area: Literal["grief"]
        relationship: str
        grief_type: GriefType

    class PRoleDisputeFocus(_P):
        area: Literal["role_dispute"]
        relationship: str
        stage: DisputeStage

    class PRoleTransitionFocus(_P):
        area: Literal["role_transition"]
        transition: TransitionType
        old_role: Optional[str] = None
        new_role: Optional[str] = None
        date: Optional[datetime.date] = None

    class PInterpersonalDeficitsFocus(_P):
        area: Literal["interpersonal_deficits"]
        pattern: DeficitPattern

    PFocus = Annotated[Union[PGriefFocus, PRoleDisputeFocus, PRoleTransitionFocus, PInterpersonalDeficitsFocus],
                       Field(discriminator="area")]

    class PAffectiveFocus(_P):
        self_representation: PNonEmpty
        other_representation: PNonEmpty
        affect: PNonEmpty
        defensive_function: Optional[str] = None
        relationships: Optional[list[str]] = None

    class PInterpersonalSchema(_P):
        wish: PNonEmpty
        self_image: Optional[str] = None
        other_response: PNonEmpty
        self_response: PNonEmpty
        relationships: Optional[list[str]] = None

    class PFormulation(_P):
        agreed_session: PAtLeast1
        patient_agreed: bool
        summary: Optional[str] = None
        focus: Optional[list[PFocus]] = None
        ipaf: Optional[PAffectiveFocus] = None
        maladaptive_schema: Optional[PInterpersonalSchema] = None

    class PRiskReview(_P):
        date: datetime.date
        reviewed_by: ReviewerRole
        outcome: RiskReviewOutcome
        notes: Optional[str] = None

    class PHomework(_P):
        text: str
        status: HomeworkStatus

    class PSession(_P):
        number: PAtLeast1
        date: datetime.date
        phase: Phase
        attendance: Attendance
        minutes: Optional[Annotated[int, Field(ge=1, le=600)]] = None
        format: Optional[TherapyFormat] = None
        modality: Optional[TherapyModality] = None
        tasks: Optional[list[Task]] = None
        focus_areas: Optional[list[ProblemArea]] = None
        homework: Optional[list[PHomework]] = None

    class PAssessment(_P):
        instrument: PNonEmpty
        date: datetime.date
        session: Optional[PAtLeast1] = None
        rater: Optional[Rater] = None
        items: Optional[list[PInt]] = None
        total: Optional[PInt] = None

        if checks:
            @model_validator(mode="after")
            def _items_or_total(self) -> "PAssessment":
                if self.items is None and self.total is None:
                    raise ValueError('expected at least one of "items" and "total"')
                return self

    class PConcurrentTreatment(_P):
        kind: TreatmentKind
        name: Optional[str] = None
        start_date: datetime.date
        end_date: Optional[datetime.date] = None

    class PRelapseRule(_P):
        instrument: PNonEmpty
        threshold: PAtLeast0
        consecutive: PAtLeast1

    class PMaintenancePlan(_P):
        contract_date: datetime.date
        frequency: Optional[SessionFrequency] = SessionFrequency.monthly  # type: ignore[attr-defined]
        planned_sessions: Optional[PAtLeast1] = None
        duration_months: Optional[PAtLeast1] = None
        warning_signs: Optional[list[str]] = None
        relapse_rule: Optional[PRelapseRule] = None
        skills: Optional[list[str]] = None
        support_contacts: Optional[list[str]] = None

    class PCase(_P):
        schema_: Literal["iptkit.case/1"] = Field(alias="schema")
        case_id: Annotated[str, StringConstraints(pattern=CASE_ID_PATTERN)]
        adaptation: Adaptation
        arm: Optional[str] = None
        site: Optional[str] = None
        age_at_intake: Optional[Annotated[int, Field(ge=0, le=120)]] = None
        diagnoses: Optional[list[PDiagnosis]] = None
        contract: PContract
        inventory: Optional[PInventory] = None
        formulation: Optional[PFormulation] = None
        sessions: Optional[list[PSession]] = None
        assessments: Optional[list[PAssessment]] = None
        risk_reviews: Optional[list[PRiskReview]] = None
        concurrent_treatments: Optional[list[PConcurrentTreatment]] = None
        maintenance: Optional[PMaintenancePlan] = None
        notes: Optional[str] = None

    return PCase


# --- msgspec ---------------------------------------------------------------------------------

def msgspec_case(checks: bool = True) -> type[msgspec.Struct]:
    """The msgspec Struct of a case; ``checks=False`` leaves out the two ``__post_init__`` checks."""
    MInt = Annotated[int, msgspec.Meta(ge=INT_MIN, le=INT_MAX)]
    MAtLeast0 = Annotated[int, msgspec.Meta(ge=0, le=INT_MAX)]
    MAtLeast1 = Annotated[int, msgspec.Meta(ge=1, le=INT_MAX)]
    MNonEmpty = Annotated[str, msgspec.Meta(min_length=1)]

    class _M(msgspec.Struct, forbid_unknown_fields=True):
        pass

    class MDiagnosis(_M, kw_only=True):
        system: DiagnosisSystem
        code: MNonEmpty
        label: Optional[str] = None

    class MRenegotiation(_M, kw_only=True):
        session: MAtLeast1
        planned_sessions: MAtLeast1
        reason: Optional[str] = None

    class MContract(_M, kw_only=True):
        planned_sessions: MAtLeast1
        frequency: SessionFrequency
        start_date: datetime.date
        format: TherapyFormat
        modality: TherapyModality
        session_minutes: Optional[Annotated[int, msgspec.Meta(ge=10, le=180)]] = None
        renegotiations: Optional[list[MRenegotiation]] = None

    class MExpectation(_M, kw_only=True):
        holder: ExpectationHolder
        text: str
        status: ExpectationStatus
        importance: Optional[Annotated[int, msgspec.Meta(ge=1, le=5)]] = None

    class MRelationship(_M, kw_only=True):
        id: MNonEmpty
        label: str
        kind: RelationshipKind
        status: RelationshipStatus
        closeness: Annotated[int, msgspec.Meta(ge=1, le=4)]
        contact: Optional[ContactFrequency] = None
        support: Optional[Annotated[int, msgspec.Meta(ge=0, le=4)]] = None
        conflict: Optional[Annotated[int, msgspec.Meta(ge=0, le=4)]] = None
        expectations: Optional[list[MExpectation]] = None
        satisfying: Optional[list[str]] = None
        unsatisfying: Optional[list[str]] = None
        desired_changes: Optional[list[str]] = None
        changed_near_onset: Optional[bool] = None
        loss_date: Optional[datetime.date] = None

    class MInventory(_M, kw_only=True):
        completed_session: Optional[MAtLeast1] = None
        relationships: Optional[list[MRelationship]] = None

        if checks:
            def __post_init__(self) -> None:
                if self.relationships:
                    ids = [r.id for r in self.relationships]
                    if len(set(ids)) != len(ids):
                        raise ValueError("relationship ids must be unique")

    class MGriefFocus(_M, kw_only=True, tag_field="area", tag="grief"):
        relationship: str
        grief_type: GriefType

    class MRoleDisputeFocus(_M, kw_only=True, tag_field="area", tag="role_dispute"):
        relationship: str
        stage: DisputeStage

    class MRoleTransitionFocus(_M, kw_only=True, tag_field="area", tag="role_transition"):
        transition: TransitionType
        old_role: Optional[str] = None
        new_role: Optional[str] = None
        date: Optional[datetime.date] = None

    class MInterpersonalDeficitsFocus(_M, kw_only=True, tag_field="area", tag="interpersonal_deficits"):
        pattern: DeficitPattern

    MFocus = Union[MGriefFocus, MRoleDisputeFocus, MRoleTransitionFocus, MInterpersonalDeficitsFocus]

    class MAffectiveFocus(_M, kw_only=True):
        self_representation: MNonEmpty
        other_representation: MNonEmpty
        affect: MNonEmpty
        defensive_function: Optional[str] = None
        relationships: Optional[list[str]] = None

    class MInterpersonalSchema(_M, kw_only=True):
        wish: MNonEmpty
        self_image: Optional[str] = None
        other_response: MNonEmpty
        self_response: MNonEmpty
        relationships: Optional[list[str]] = None

    class MFormulation(_M, kw_only=True):
        agreed_session: MAtLeast1
        patient_agreed: bool
        summary: Optional[str] = None
        focus: Optional[list[MFocus]] = None
        ipaf: Optional[MAffectiveFocus] = None
        maladaptive_schema: Optional[MInterpersonalSchema] = None

    class MRiskReview(_M, kw_only=True):
        date: datetime.date
        reviewed_by: ReviewerRole
        outcome: RiskReviewOutcome
        notes: Optional[str] = None

    class MHomework(_M, kw_only=True):
        text: str
        status: HomeworkStatus

    class MSession(_M, kw_only=True):
        number: MAtLeast1
        date: datetime.date
        phase: Phase
        attendance: Attendance
        minutes: Optional[Annotated[int, msgspec.Meta(ge=1, le=600)]] = None
        format: Optional[TherapyFormat] = None
        modality: Optional[TherapyModality] = None
        tasks: Optional[list[Task]] = None
        focus_areas: Optional[list[ProblemArea]] = None
        homework: Optional[list[MHomework]] = None

    class MAssessment(_M, kw_only=True):
        instrument: MNonEmpty
        date: datetime.date
        session: Optional[MAtLeast1] = None
        rater: Optional[Rater] = None
        items: Optional[list[MInt]] = None
        total: Optional[MInt] = None

        if checks:
            def __post_init__(self) -> None:
                if self.items is None and self.total is None:
                    raise ValueError('expected at least one of "items" and "total"')

    class MConcurrentTreatment(_M, kw_only=True):
        kind: TreatmentKind
        name: Optional[str] = None
        start_date: datetime.date
        end_date: Optional[datetime.date] = None

    class MRelapseRule(_M, kw_only=True):
        instrument: MNonEmpty
        threshold: MAtLeast0
        consecutive: MAtLeast1

    class MMaintenancePlan(_M, kw_only=True):
        contract_date: datetime.date
        frequency: Optional[SessionFrequency] = SessionFrequency.monthly  # type: ignore[attr-defined]
        planned_sessions: Optional[MAtLeast1] = None
        duration_months: Optional[MAtLeast1] = None
        warning_signs: Optional[list[str]] = None
        relapse_rule: Optional[MRelapseRule] = None
        skills: Optional[list[str]] = None
        support_contacts: Optional[list[str]] = None

    class MCase(_M, kw_only=True):
        schema: Literal["iptkit.case/1"]
        case_id: Annotated[str, msgspec.Meta(pattern=CASE_ID_PATTERN)]
        adaptation: Adaptation
        arm: Optional[str] = None
        site: Optional[str] = None
        age_at_intake: Optional[Annotated[int, msgspec.Meta(ge=0, le=120)]] = None
        diagnoses: Optional[list[MDiagnosis]] = None
        contract: MContract
        inventory: Optional[MInventory] = None
        formulation: Optional[MFormulation] = None
        sessions: Optional[list[MSession]] = None
        assessments: Optional[list[MAssessment]] = None
        risk_reviews: Optional[list[MRiskReview]] = None
        concurrent_treatments: Optional[list[MConcurrentTreatment]] = None
        maintenance: Optional[MMaintenancePlan] = None
        notes: Optional[str] = None

    return MCase
