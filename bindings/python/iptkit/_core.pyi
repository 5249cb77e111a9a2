"""
iptkit's compiled core: the model, reading, rules, planning, outcomes and figures.
"""
from __future__ import annotations
import collections.abc
import datetime
import iptkit._spelled
import numpy
import numpy.typing
import typing
from iptkit._findings import Findings
import typing_extensions
__all__: list[str] = ['AdverseEvent', 'AffectiveFocus', 'AnalysisPopulation', 'AnalysisSet', 'Assessment', 'AssessmentRecord', 'Attendance', 'Case', 'CaseOutcome', 'CaseStream', 'Catalog', 'CohortColumns', 'CohortSummary', 'ConcurrentTreatment', 'ConsortArm', 'ConsortBox', 'ConsortFlow', 'ConsortReason', 'ContactFrequency', 'Contract', 'CourseProgress', 'DateHandling', 'DeficitPattern', 'DeidAction', 'DeidChange', 'DeidMapping', 'DeidPseudonym', 'DeidReport', 'Deidentified', 'DeidentifyOptions', 'Diagnosis', 'DiagnosisSystem', 'Discontinuation', 'DiscontinuationReason', 'DiscontinuedBy', 'DisputeStage', 'EffectSize', 'ErrorKind', 'Expectation', 'ExpectationHolder', 'ExpectationStatus', 'FhirAttach', 'FhirImportResult', 'Finding', 'FocusModel', 'Formulation', 'GriefFocus', 'GriefType', 'GroupBy', 'GroupComparison', 'GroupSummary', 'Homework', 'HomeworkStatus', 'ImportErrorKind', 'ImportIssue', 'ImportResult', 'Instrument', 'InstrumentRegistry', 'InterpersonalDeficitsFocus', 'InterpersonalSchema', 'Inventory', 'JacobsonTruax', 'MaintenancePlan', 'MeanSd', 'MeasureStatus', 'MissingOutcome', 'NotComputed', 'OpenRiskAlert', 'OverdueTask', 'Phase', 'PlannedSession', 'ProblemArea', 'Proportion', 'Protocol', 'ProtocolKind', 'ProtocolRegistry', 'RateDifference', 'Rater', 'ReadError', 'ReadLimits', 'RelapseKind', 'RelapseRule', 'Relatedness', 'Relationship', 'RelationshipKind', 'RelationshipStatus', 'Renegotiation', 'ReviewerRole', 'RiskReview', 'RiskReviewOutcome', 'RoleDisputeFocus', 'RoleTransitionFocus', 'RuleSet', 'ScoreDirection', 'Session', 'SessionFrequency', 'Severity', 'SeverityBand', 'SynthAreaShare', 'SynthArm', 'SynthDeviations', 'SynthOptions', 'SynthShare', 'SynthTrial', 'Task', 'TherapyFormat', 'TherapyModality', 'TransitionType', 'TreatmentKind', 'TrialRecord', 'analysis_population', 'case_json_schema', 'case_trajectory_svg', 'cases_from_pickle', 'cases_json', 'cases_pickle', 'check', 'closeness_circle_svg', 'cohort_columns_from_tables', 'cohort_outcome_columns', 'cohort_shape', 'cohort_summarize', 'consort', 'consort_svg', 'deidentify', 'escape_xml', 'fhir_bundle', 'formula_triggers', 'html_report', 'import_fhir_text', 'import_redcap_columns', 'import_redcap_text', 'import_tables_findings', 'import_tables_text', 'instruments_json_schema', 'outcome_columns', 'outcomes', 'plan', 'progress', 'protocols_json_schema', 'read_case_file', 'read_case_text', 'read_cohort_file', 'read_cohort_tables', 'read_cohort_text', 'relapse_times', 'spreadsheet_safe', 'spreadsheet_value', 'stats_ancova', 'stats_cox', 'stats_icc', 'stats_kaplan_meier', 'stats_logrank', 'summarize', 'summary_columns', 'synthesize', 'tidy_columns', 'tidy_csv', 'validate', 'validate_cohort', 'wilson']
class ReadLimits:
    """
    Limits on what a reader accepts; beyond one, a limit_exceeded error.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, max_depth: typing.SupportsInt | typing.SupportsIndex = 64, max_document_bytes: typing.SupportsInt | typing.SupportsIndex = 67108864, max_string_bytes: typing.SupportsInt | typing.SupportsIndex = 1048576, max_list_length: typing.SupportsInt | typing.SupportsIndex = 100000, max_cohort_bytes: typing.SupportsInt | typing.SupportsIndex = 4294967296) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    @property
    def max_cohort_bytes(self) -> int:
        """
        Largest cohort read whole (a JSON array of cases, or a cohort text in memory), in bytes. Its array of cases is not held to max_list_length; each case is held to the rest. A streamed JSON Lines file has no total limit (memory does not grow with it).
        """
    @max_cohort_bytes.setter
    def max_cohort_bytes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_depth(self) -> int:
        """
        Deepest nesting of arrays and objects accepted (`limit_exceeded` beyond). A case nests 5 deep. Values above max_depth_ceiling count as max_depth_ceiling.
        """
    @max_depth.setter
    def max_depth(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_document_bytes(self) -> int:
        """
        Largest case document, in bytes: a single document or one JSON Lines line (the line reader stops storing a longer line and skips to its end).
        """
    @max_document_bytes.setter
    def max_document_bytes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_list_length(self) -> int:
        """
        Most elements of one list, or members of one object, inside a case.
        """
    @max_list_length.setter
    def max_list_length(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_string_bytes(self) -> int:
        """
        Longest string or key, in bytes of UTF-8 after unescaping.
        """
    @max_string_bytes.setter
    def max_string_bytes(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Catalog:
    """
    The protocols (adaptations), instruments and rules in force. Every function that reads, checks, validates, scores, plans or exports takes one as `catalog=`; None means the built-ins. A registry not given starts from its built-ins. The catalog keeps its own copies of the registries given: change them through its properties (`cat.rules.disable("F004")`, `cat.protocols.load_json(...)`), not through the objects passed in.
    """
    def __getstate__(self) -> tuple[int, tuple[typing.Any, typing.Any, typing.Any]]:
        ...
    def __init__(self, *, protocols: ProtocolRegistry | None = None, instruments: InstrumentRegistry | None = None, rules: RuleSet | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    @property
    def instruments(self) -> InstrumentRegistry:
        """
        The instruments, by id.
        """
    @instruments.setter
    def instruments(self, arg0: InstrumentRegistry) -> None:
        ...
    @property
    def protocols(self) -> ProtocolRegistry:
        """
        The protocols (adaptations), by id.
        """
    @protocols.setter
    def protocols(self, arg0: ProtocolRegistry) -> None:
        ...
    @property
    def rules(self) -> RuleSet:
        """
        The rules, on or off, with their severities.
        """
    @rules.setter
    def rules(self, arg0: RuleSet) -> None:
        ...
class ProtocolRegistry:
    """
    Protocols (adaptations) keyed by id. `ProtocolRegistry()` is empty; `with_builtins()` holds the built-in table. Put one in a `Catalog(protocols=...)` (which keeps its own copy).
    """
    @staticmethod
    def with_builtins() -> ProtocolRegistry:
        """
        A registry holding the built-in protocols (adaptations).
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __getstate__(self) -> tuple[int, list[Protocol]]:
        ...
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def __len__(self) -> int:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def add(self, entry: Protocol) -> None:
        """
        Adds an entry, replacing one with the same id.
        """
    def find(self, id: str) -> Protocol | None:
        """
        The entry with this id (a copy), or None.
        """
    def load_json(self, text: str) -> None:
        """
        Adds every entry of a JSON array (a trial's file); raises DecodeError listing every error.
        """
    def to_json(self) -> str:
        """
        The entries as a JSON array, in the format load_json() reads.
        """
    @property
    def entries(self) -> list[Protocol]:
        """
        Every entry (copies), in the order added.
        """
    @property
    def ids(self) -> list[str]:
        """
        Every id, in the order added.
        """
class InstrumentRegistry:
    """
    Instruments keyed by id. `InstrumentRegistry()` is empty; `with_builtins()` holds PHQ-9, GAD-7, BDI-II and HAM-D. Put one in a `Catalog(instruments=...)` (which keeps its own copy).
    """
    @staticmethod
    def with_builtins() -> InstrumentRegistry:
        """
        A registry holding the built-in instruments (PHQ-9, GAD-7, BDI-II, HAM-D-17).
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __getstate__(self) -> tuple[int, list[Instrument]]:
        ...
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def __len__(self) -> int:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def add(self, entry: Instrument) -> None:
        """
        Adds an entry, replacing one with the same id.
        """
    def find(self, id: str) -> Instrument | None:
        """
        The entry with this id (a copy), or None.
        """
    def load_json(self, text: str) -> None:
        """
        Adds every entry of a JSON array (a trial's file); raises DecodeError listing every error.
        """
    def to_json(self) -> str:
        """
        The entries as a JSON array, in the format load_json() reads.
        """
    @property
    def entries(self) -> list[Instrument]:
        """
        Every entry (copies), in the order added.
        """
    @property
    def ids(self) -> list[str]:
        """
        Every id, in the order added.
        """
class ErrorKind(iptkit._spelled.Spelled):
    """
    The kinds of structural error of a document.
    """
    bad_date = 'bad_date'
    bad_enum = 'bad_enum'
    bad_format = 'bad_format'
    duplicate_id = 'duplicate_id'
    duplicate_key = 'duplicate_key'
    limit_exceeded = 'limit_exceeded'
    missing_field = 'missing_field'
    out_of_range = 'out_of_range'
    syntax = 'syntax'
    unknown_field = 'unknown_field'
    unsupported_schema = 'unsupported_schema'
    wrong_type = 'wrong_type'
class Phase(iptkit._spelled.Spelled):
    """
    Phases of IPT, in order; maintenance is an optional fourth.
    """
    initial = 'initial'
    maintenance = 'maintenance'
    middle = 'middle'
    termination = 'termination'
class Attendance(iptkit._spelled.Spelled):
    """
    Whether a session took place.
    """
    attended = 'attended'
    cancelled = 'cancelled'
    no_show = 'no_show'
class Task(iptkit._spelled.Spelled):
    """
    What a session covered (initial, middle and termination tasks).
    """
    build_relationships = 'build_relationships'
    clarification = 'clarification'
    communication_analysis = 'communication_analysis'
    decision_analysis = 'decision_analysis'
    develop_new_role = 'develop_new_role'
    diagnosis_given = 'diagnosis_given'
    encouragement_of_affect = 'encouragement_of_affect'
    facilitate_mourning = 'facilitate_mourning'
    feelings_about_ending = 'feelings_about_ending'
    formulation_shared = 'formulation_shared'
    homework_review = 'homework_review'
    identify_dispute = 'identify_dispute'
    improve_communication = 'improve_communication'
    interpersonal_inventory = 'interpersonal_inventory'
    maintenance_considered = 'maintenance_considered'
    medication_evaluation = 'medication_evaluation'
    modify_expectations = 'modify_expectations'
    mood_event_link = 'mood_event_link'
    mourn_old_role = 'mourn_old_role'
    plan_of_action = 'plan_of_action'
    problem_area_selected = 'problem_area_selected'
    progress_review = 'progress_review'
    psychoeducation = 'psychoeducation'
    reduce_isolation = 'reduce_isolation'
    reestablish_interests = 'reestablish_interests'
    relapse_prevention = 'relapse_prevention'
    restore_self_esteem = 'restore_self_esteem'
    role_play = 'role_play'
    sick_role = 'sick_role'
    symptom_review = 'symptom_review'
    termination_discussed = 'termination_discussed'
    treatment_contract = 'treatment_contract'
class HomeworkStatus(iptkit._spelled.Spelled):
    """
    How far a between-session task got.
    """
    assigned = 'assigned'
    completed = 'completed'
    not_done = 'not_done'
    partly_completed = 'partly_completed'
class Rater(iptkit._spelled.Spelled):
    """
    Who scored an assessment.
    """
    clinician = 'clinician'
    self = 'self'
class ExpectationHolder(iptkit._spelled.Spelled):
    """
    Whose expectation of a relationship.
    """
    other = 'other'
    patient = 'patient'
class ExpectationStatus(iptkit._spelled.Spelled):
    """
    Whether an expectation is met.
    """
    met = 'met'
    partly_met = 'partly_met'
    unmet = 'unmet'
class RelationshipKind(iptkit._spelled.Spelled):
    """
    Who a significant person is to the patient.
    """
    child = 'child'
    colleague = 'colleague'
    community = 'community'
    former_partner = 'former_partner'
    friend = 'friend'
    grandparent = 'grandparent'
    other = 'other'
    other_family = 'other_family'
    parent = 'parent'
    partner = 'partner'
    professional = 'professional'
    sibling = 'sibling'
class RelationshipStatus(iptkit._spelled.Spelled):
    """
    Whether a relationship is current, past, deceased or estranged.
    """
    current = 'current'
    deceased = 'deceased'
    estranged = 'estranged'
    past = 'past'
class ContactFrequency(iptkit._spelled.Spelled):
    """
    How often the patient sees the person.
    """
    daily = 'daily'
    monthly = 'monthly'
    none = 'none'
    rarely = 'rarely'
    weekly = 'weekly'
class SessionFrequency(iptkit._spelled.Spelled):
    """
    How often sessions are held.
    """
    every_2_weeks = 'every_2_weeks'
    monthly = 'monthly'
    twice_weekly = 'twice_weekly'
    weekly = 'weekly'
class TherapyFormat(iptkit._spelled.Spelled):
    """
    Individual, group, couple or family IPT.
    """
    couple = 'couple'
    family = 'family'
    group = 'group'
    individual = 'individual'
class TherapyModality(iptkit._spelled.Spelled):
    """
    In person, video or telephone.
    """
    in_person = 'in_person'
    telephone = 'telephone'
    video = 'video'
class TreatmentKind(iptkit._spelled.Spelled):
    """
    Kinds of concurrent treatment.
    """
    antidepressant = 'antidepressant'
    other_medication = 'other_medication'
    other_psychotherapy = 'other_psychotherapy'
class ProblemArea(iptkit._spelled.Spelled):
    """
    The four interpersonal problem areas.
    """
    grief = 'grief'
    interpersonal_deficits = 'interpersonal_deficits'
    role_dispute = 'role_dispute'
    role_transition = 'role_transition'
class GriefType(iptkit._spelled.Spelled):
    """
    Grief reactions: normal and the unresolved forms.
    """
    chronic = 'chronic'
    delayed = 'delayed'
    distorted = 'distorted'
    inhibited = 'inhibited'
    normal = 'normal'
class DisputeStage(iptkit._spelled.Spelled):
    """
    Stage of a role dispute.
    """
    dissolution = 'dissolution'
    impasse = 'impasse'
    renegotiation = 'renegotiation'
class TransitionType(iptkit._spelled.Spelled):
    """
    The life change behind a role transition.
    """
    divorce_separation = 'divorce_separation'
    education = 'education'
    illness = 'illness'
    job_change = 'job_change'
    job_loss = 'job_loss'
    marriage = 'marriage'
    other = 'other'
    parenthood = 'parenthood'
    relocation = 'relocation'
    retirement = 'retirement'
class DeficitPattern(iptkit._spelled.Spelled):
    """
    The pattern of interpersonal deficits worked on.
    """
    communication_beliefs = 'communication_beliefs'
    emotional_expression = 'emotional_expression'
    social_isolation = 'social_isolation'
    unfulfilling_relationships = 'unfulfilling_relationships'
class DiagnosisSystem(iptkit._spelled.Spelled):
    """
    The classification a diagnosis code comes from.
    """
    dsm5 = 'dsm5'
    icd10 = 'icd10'
    icd11 = 'icd11'
class ScoreDirection(iptkit._spelled.Spelled):
    """
    Which way of an instrument's scale is worse.
    """
    higher_is_better = 'higher_is_better'
    higher_is_worse = 'higher_is_worse'
class ReviewerRole(iptkit._spelled.Spelled):
    """
    Who reviewed a risk alert (a role, never a name).
    """
    crisis_team = 'crisis_team'
    general_practitioner = 'general_practitioner'
    other = 'other'
    psychiatrist = 'psychiatrist'
    supervisor = 'supervisor'
    therapist = 'therapist'
class RiskReviewOutcome(iptkit._spelled.Spelled):
    """
    What a risk review concluded.
    """
    emergency = 'emergency'
    no_current_risk = 'no_current_risk'
    referred_urgent = 'referred_urgent'
    safety_plan = 'safety_plan'
class FocusModel(iptkit._spelled.Spelled):
    """
    What a protocol's formulation focus is: IPT areas, an IPAF, a maladaptive schema or none.
    """
    ipaf = 'ipaf'
    ipt_areas = 'ipt_areas'
    maladaptive_schema = 'maladaptive_schema'
    none = 'none'
class ProtocolKind(iptkit._spelled.Spelled):
    """
    An IPT adaptation (its rules apply) or a trial's comparator arm.
    """
    adaptation = 'adaptation'
    comparator = 'comparator'
class DiscontinuationReason(iptkit._spelled.Spelled):
    """
    Why a case stopped treatment or follow-up early.
    """
    adverse_event = 'adverse_event'
    clinical_decision = 'clinical_decision'
    lost_to_follow_up = 'lost_to_follow_up'
    moved_away = 'moved_away'
    other = 'other'
    withdrew_consent = 'withdrew_consent'
class DiscontinuedBy(iptkit._spelled.Spelled):
    """
    Who decided a discontinuation.
    """
    clinician = 'clinician'
    investigator = 'investigator'
    patient = 'patient'
class Relatedness(iptkit._spelled.Spelled):
    """
    How likely an adverse event is related to the treatment.
    """
    not_ = 'not'
    possibly = 'possibly'
    probably = 'probably'
class ReadError:
    """
    One structural error (or lax-mode warning) found while reading.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ReadError:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ReadError:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, path: str, kind: ErrorKind | str, message: str, line: typing.SupportsInt | typing.SupportsIndex | None = None, column: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def column(self) -> int | None:
        """
        1-based byte column on `line`, when known
        """
    @column.setter
    def column(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def kind(self) -> ErrorKind:
        """
        what went wrong
        """
    @kind.setter
    def kind(self, arg1: ErrorKind | str) -> None:
        ...
    @property
    def line(self) -> int | None:
        """
        1-based line in the input, when known
        """
    @line.setter
    def line(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def message(self) -> str:
        """
        what was expected and what was found
        """
    @message.setter
    def message(self, arg1: str) -> None:
        ...
    @property
    def path(self) -> str:
        """
        JSON Pointer (RFC 6901) to the offending value
        """
    @path.setter
    def path(self, arg1: str) -> None:
        ...
class Diagnosis:
    """
    A working diagnosis.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Diagnosis:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Diagnosis:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, system: DiagnosisSystem | str, code: str, label: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def code(self) -> str:
        """
        e.g. `F32.1`
        """
    @code.setter
    def code(self, arg1: str) -> None:
        ...
    @property
    def label(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @label.setter
    def label(self, arg1: str | None) -> None:
        ...
    @property
    def system(self) -> DiagnosisSystem:
        """
        classification of `code`
        """
    @system.setter
    def system(self, arg1: DiagnosisSystem | str) -> None:
        ...
class Renegotiation:
    """
    A change of the planned session count, agreed at a session.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Renegotiation:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Renegotiation:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, session: typing.SupportsInt | typing.SupportsIndex, planned_sessions: typing.SupportsInt | typing.SupportsIndex, reason: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def planned_sessions(self) -> int:
        """
        the new planned acute session count
        """
    @planned_sessions.setter
    def planned_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def reason(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @reason.setter
    def reason(self, arg1: str | None) -> None:
        ...
    @property
    def session(self) -> int:
        """
        session at which it was agreed
        """
    @session.setter
    def session(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Contract:
    """
    The acute treatment contract.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Contract:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Contract:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, planned_sessions: typing.SupportsInt | typing.SupportsIndex, frequency: SessionFrequency | str, start_date: datetime.date | str, format: TherapyFormat | str, modality: TherapyModality | str, session_minutes: typing.SupportsInt | typing.SupportsIndex | None = None, renegotiations: collections.abc.Sequence[Renegotiation] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def format(self) -> TherapyFormat:
        """
        individual, group, ...
        """
    @format.setter
    def format(self, arg1: TherapyFormat | str) -> None:
        ...
    @property
    def frequency(self) -> SessionFrequency:
        """
        how often
        """
    @frequency.setter
    def frequency(self, arg1: SessionFrequency | str) -> None:
        ...
    @property
    def modality(self) -> TherapyModality:
        """
        in person, video, telephone
        """
    @modality.setter
    def modality(self, arg1: TherapyModality | str) -> None:
        ...
    @property
    def planned_sessions(self) -> int:
        """
        acute sessions agreed
        """
    @planned_sessions.setter
    def planned_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def renegotiations(self) -> list[Renegotiation]:
        """
        explicit changes, in order
        """
    @renegotiations.setter
    def renegotiations(self, arg1: collections.abc.Sequence[Renegotiation]) -> None:
        ...
    @property
    def session_minutes(self) -> int | None:
        """
        planned length of a session
        """
    @session_minutes.setter
    def session_minutes(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def start_date(self) -> datetime.date:
        """
        first day of the course
        """
    @start_date.setter
    def start_date(self, arg1: datetime.date | str) -> None:
        ...
class Expectation:
    """
    An expectation held about a relationship.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Expectation:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Expectation:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, holder: ExpectationHolder | str, text: str, status: ExpectationStatus | str, importance: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def holder(self) -> ExpectationHolder:
        """
        the patient's or the other person's
        """
    @holder.setter
    def holder(self, arg1: ExpectationHolder | str) -> None:
        ...
    @property
    def importance(self) -> int | None:
        """
        1 (little) .. 5 (essential)
        """
    @importance.setter
    def importance(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def status(self) -> ExpectationStatus:
        """
        met, partly met, unmet
        """
    @status.setter
    def status(self, arg1: ExpectationStatus | str) -> None:
        ...
    @property
    def text(self) -> str:
        """
        free text, removed by de-identification
        """
    @text.setter
    def text(self, arg1: str) -> None:
        ...
class Relationship:
    """
    A significant person of the interpersonal inventory.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Relationship:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Relationship:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, id: str, label: str, kind: RelationshipKind | str, status: RelationshipStatus | str, closeness: typing.SupportsInt | typing.SupportsIndex, contact: ContactFrequency | str | None = None, support: typing.SupportsInt | typing.SupportsIndex | None = None, conflict: typing.SupportsInt | typing.SupportsIndex | None = None, expectations: collections.abc.Sequence[Expectation] = [], satisfying: collections.abc.Sequence[str] = [], unsatisfying: collections.abc.Sequence[str] = [], desired_changes: collections.abc.Sequence[str] = [], changed_near_onset: bool | None = None, loss_date: datetime.date | str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def changed_near_onset(self) -> bool | None:
        """
        changed near the onset of symptoms
        """
    @changed_near_onset.setter
    def changed_near_onset(self, arg1: bool | None) -> None:
        ...
    @property
    def closeness(self) -> int:
        """
        closeness-circle ring, 1 innermost .. 4
        """
    @closeness.setter
    def closeness(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def conflict(self) -> int | None:
        """
        0 none .. 4 very high
        """
    @conflict.setter
    def conflict(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def contact(self) -> ContactFrequency | None:
        """
        how often in contact
        """
    @contact.setter
    def contact(self, arg1: ContactFrequency | str | None) -> None:
        ...
    @property
    def desired_changes(self) -> list[str]:
        """
        free text
        """
    @desired_changes.setter
    def desired_changes(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def expectations(self) -> list[Expectation]:
        """
        each side's expectations
        """
    @expectations.setter
    def expectations(self, arg1: collections.abc.Sequence[Expectation]) -> None:
        ...
    @property
    def id(self) -> str:
        """
        unique within the case; referenced by focus and maintenance
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def kind(self) -> RelationshipKind:
        """
        partner, parent, ...
        """
    @kind.setter
    def kind(self, arg1: RelationshipKind | str) -> None:
        ...
    @property
    def label(self) -> str:
        """
        how the patient refers to the person (free text)
        """
    @label.setter
    def label(self, arg1: str) -> None:
        ...
    @property
    def loss_date(self) -> datetime.date | None:
        """
        date of death (deceased) or of the ending
        """
    @loss_date.setter
    def loss_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def satisfying(self) -> list[str]:
        """
        free text
        """
    @satisfying.setter
    def satisfying(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def status(self) -> RelationshipStatus:
        """
        current, past, deceased, estranged
        """
    @status.setter
    def status(self, arg1: RelationshipStatus | str) -> None:
        ...
    @property
    def support(self) -> int | None:
        """
        0 none .. 4 very high
        """
    @support.setter
    def support(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def unsatisfying(self) -> list[str]:
        """
        free text
        """
    @unsatisfying.setter
    def unsatisfying(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
class Inventory:
    """
    The interpersonal inventory.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Inventory:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Inventory:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, completed_session: typing.SupportsInt | typing.SupportsIndex | None = None, relationships: collections.abc.Sequence[Relationship] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def completed_session(self) -> int | None:
        """
        the session by which it was complete
        """
    @completed_session.setter
    def completed_session(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def relationships(self) -> list[Relationship]:
        """
        the significant people
        """
    @relationships.setter
    def relationships(self, arg1: collections.abc.Sequence[Relationship]) -> None:
        ...
class GriefFocus:
    """
    Grief focus: symptoms linked to the death of a significant person.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GriefFocus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GriefFocus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, relationship: str, grief_type: GriefType | str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def area(self) -> ProblemArea:
        """
        The focus's problem area.
        """
    @property
    def grief_type(self) -> GriefType:
        """
        kind of grief reaction
        """
    @grief_type.setter
    def grief_type(self, arg1: GriefType | str) -> None:
        ...
    @property
    def relationship(self) -> str:
        """
        id of the deceased person
        """
    @relationship.setter
    def relationship(self, arg1: str) -> None:
        ...
class RoleDisputeFocus:
    """
    Role-dispute focus: non-reciprocal expectations.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RoleDisputeFocus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RoleDisputeFocus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, relationship: str, stage: DisputeStage | str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def area(self) -> ProblemArea:
        """
        The focus's problem area.
        """
    @property
    def relationship(self) -> str:
        """
        id of the other party
        """
    @relationship.setter
    def relationship(self, arg1: str) -> None:
        ...
    @property
    def stage(self) -> DisputeStage:
        """
        renegotiation, impasse, dissolution
        """
    @stage.setter
    def stage(self, arg1: DisputeStage | str) -> None:
        ...
class RoleTransitionFocus:
    """
    Role-transition focus: difficulty coping with a life change.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RoleTransitionFocus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RoleTransitionFocus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, transition: TransitionType | str, old_role: str | None = None, new_role: str | None = None, date: datetime.date | str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def area(self) -> ProblemArea:
        """
        The focus's problem area.
        """
    @property
    def date(self) -> datetime.date | None:
        """
        when it happened
        """
    @date.setter
    def date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def new_role(self) -> str | None:
        """
        free text
        """
    @new_role.setter
    def new_role(self, arg1: str | None) -> None:
        ...
    @property
    def old_role(self) -> str | None:
        """
        free text
        """
    @old_role.setter
    def old_role(self, arg1: str | None) -> None:
        ...
    @property
    def transition(self) -> TransitionType:
        """
        what changed
        """
    @transition.setter
    def transition(self, arg1: TransitionType | str) -> None:
        ...
class InterpersonalDeficitsFocus:
    """
    Interpersonal-deficits focus.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> InterpersonalDeficitsFocus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> InterpersonalDeficitsFocus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, pattern: DeficitPattern | str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def area(self) -> ProblemArea:
        """
        The focus's problem area.
        """
    @property
    def pattern(self) -> DeficitPattern:
        """
        what is worked on
        """
    @pattern.setter
    def pattern(self, arg1: DeficitPattern | str) -> None:
        ...
class AffectiveFocus:
    """
    DIT's interpersonal affective focus (IPAF).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AffectiveFocus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AffectiveFocus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, self_representation: str, other_representation: str, affect: str, defensive_function: str | None = None, relationships: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def affect(self) -> str:
        """
        the feeling that links the two
        """
    @affect.setter
    def affect(self, arg1: str) -> None:
        ...
    @property
    def defensive_function(self) -> str | None:
        """
        what the pattern protects the patient from
        """
    @defensive_function.setter
    def defensive_function(self, arg1: str | None) -> None:
        ...
    @property
    def other_representation(self) -> str:
        """
        how the other is experienced in it
        """
    @other_representation.setter
    def other_representation(self, arg1: str) -> None:
        ...
    @property
    def relationships(self) -> list[str]:
        """
        ids of the relationships where the pattern shows
        """
    @relationships.setter
    def relationships(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def self_representation(self) -> str:
        """
        how the patient experiences themself in the pattern
        """
    @self_representation.setter
    def self_representation(self, arg1: str) -> None:
        ...
class InterpersonalSchema:
    """
    MIT's maladaptive interpersonal schema.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> InterpersonalSchema:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> InterpersonalSchema:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, wish: str, self_image: str | None = None, other_response: str, self_response: str, relationships: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def other_response(self) -> str:
        """
        the response of the other the patient expects
        """
    @other_response.setter
    def other_response(self, arg1: str) -> None:
        ...
    @property
    def relationships(self) -> list[str]:
        """
        ids of the relationships where the schema shows
        """
    @relationships.setter
    def relationships(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def self_image(self) -> str | None:
        """
        how the self is seen in relation to the wish
        """
    @self_image.setter
    def self_image(self, arg1: str | None) -> None:
        ...
    @property
    def self_response(self) -> str:
        """
        the self's emotional and behavioural reaction to it
        """
    @self_response.setter
    def self_response(self, arg1: str) -> None:
        ...
    @property
    def wish(self) -> str:
        """
        the core wish or need, e.g. to be appreciated
        """
    @wish.setter
    def wish(self, arg1: str) -> None:
        ...
class Formulation:
    """
    The interpersonal formulation: the agreed focus.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Formulation:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Formulation:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, agreed_session: typing.SupportsInt | typing.SupportsIndex, patient_agreed: bool, summary: str | None = None, focus: collections.abc.Sequence[GriefFocus | RoleDisputeFocus | RoleTransitionFocus | InterpersonalDeficitsFocus] = [], ipaf: AffectiveFocus | None = None, maladaptive_schema: InterpersonalSchema | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def agreed_session(self) -> int:
        """
        session at which it was shared
        """
    @agreed_session.setter
    def agreed_session(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def focus(self) -> list[GriefFocus | RoleDisputeFocus | RoleTransitionFocus | InterpersonalDeficitsFocus]:
        """
        IPT problem areas; first = primary
        """
    @focus.setter
    def focus(self, arg1: collections.abc.Sequence[GriefFocus | RoleDisputeFocus | RoleTransitionFocus | InterpersonalDeficitsFocus]) -> None:
        ...
    @property
    def ipaf(self) -> AffectiveFocus | None:
        """
        DIT: the interpersonal affective focus
        """
    @ipaf.setter
    def ipaf(self, arg1: AffectiveFocus | None) -> None:
        ...
    @property
    def maladaptive_schema(self) -> InterpersonalSchema | None:
        """
        MIT: the maladaptive interpersonal schema
        """
    @maladaptive_schema.setter
    def maladaptive_schema(self, arg1: InterpersonalSchema | None) -> None:
        ...
    @property
    def patient_agreed(self) -> bool:
        """
        explicit agreement obtained
        """
    @patient_agreed.setter
    def patient_agreed(self, arg1: bool) -> None:
        ...
    @property
    def summary(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @summary.setter
    def summary(self, arg1: str | None) -> None:
        ...
class Homework:
    """
    A between-session interpersonal task.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Homework:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Homework:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, text: str, status: HomeworkStatus | str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def status(self) -> HomeworkStatus:
        """
        assigned, completed, ...
        """
    @status.setter
    def status(self, arg1: HomeworkStatus | str) -> None:
        ...
    @property
    def text(self) -> str:
        """
        free text, removed by de-identification
        """
    @text.setter
    def text(self, arg1: str) -> None:
        ...
class Session:
    """
    One session of the course, acute or maintenance.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Session:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Session:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, number: typing.SupportsInt | typing.SupportsIndex, date: datetime.date | str, phase: Phase | str, attendance: Attendance | str, minutes: typing.SupportsInt | typing.SupportsIndex | None = None, format: TherapyFormat | str | None = None, modality: TherapyModality | str | None = None, tasks: collections.abc.Sequence[Task | str] = [], focus_areas: collections.abc.Sequence[ProblemArea | str] = [], homework: collections.abc.Sequence[Homework] = [], therapist_id: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def attendance(self) -> Attendance:
        """
        attended, cancelled, no-show
        """
    @attendance.setter
    def attendance(self, arg1: Attendance | str) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        when it was (or was due)
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def focus_areas(self) -> list[ProblemArea]:
        """
        areas worked on
        """
    @focus_areas.setter
    def focus_areas(self, arg1: collections.abc.Sequence[ProblemArea | str]) -> None:
        ...
    @property
    def format(self) -> TherapyFormat | None:
        """
        default: the contract's
        """
    @format.setter
    def format(self, arg1: TherapyFormat | str | None) -> None:
        ...
    @property
    def homework(self) -> list[Homework]:
        """
        between-session tasks
        """
    @homework.setter
    def homework(self, arg1: collections.abc.Sequence[Homework]) -> None:
        ...
    @property
    def minutes(self) -> int | None:
        """
        actual length
        """
    @minutes.setter
    def minutes(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def modality(self) -> TherapyModality | None:
        """
        default: the contract's
        """
    @modality.setter
    def modality(self, arg1: TherapyModality | str | None) -> None:
        ...
    @property
    def number(self) -> int:
        """
        1, 2, 3 ... continuing into maintenance
        """
    @number.setter
    def number(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def phase(self) -> Phase:
        """
        initial, middle, termination, maintenance
        """
    @phase.setter
    def phase(self, arg1: Phase | str) -> None:
        ...
    @property
    def tasks(self) -> list[Task]:
        """
        what was covered
        """
    @tasks.setter
    def tasks(self, arg1: collections.abc.Sequence[Task | str]) -> None:
        ...
    @property
    def therapist_id(self) -> str | None:
        """
        who took it, when not the case's therapist
        """
    @therapist_id.setter
    def therapist_id(self, arg1: str | None) -> None:
        ...
class Assessment:
    """
    One symptom measure: an instrument's items or total on a date.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Assessment:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Assessment:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, instrument: str, date: datetime.date | str, session: typing.SupportsInt | typing.SupportsIndex | None = None, rater: Rater | str | None = None, items: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], total: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def date(self) -> datetime.date:
        """
        when it was taken
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        `phq9`, `gad7`, `bdi2`, `hamd17` or a registered id
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def items(self) -> list[int]:
        """
        item scores in instrument order
        """
    @items.setter
    def items(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def rater(self) -> Rater | None:
        """
        self or clinician
        """
    @rater.setter
    def rater(self, arg1: Rater | str | None) -> None:
        ...
    @property
    def session(self) -> int | None:
        """
        the session number it belongs to
        """
    @session.setter
    def session(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def total(self) -> int | None:
        """
        total score
        """
    @total.setter
    def total(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class TrialRecord:
    """
    Randomisation and screening: date, allocated arm, site, stratum, eligibility.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> TrialRecord:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> TrialRecord:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, randomised_on: datetime.date | str | None = None, allocation: str | None = None, site: str | None = None, stratum: str | None = None, eligible: bool | None = None, exclusion_reasons: collections.abc.Sequence[str] = [], arm_change_reason: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def allocation(self) -> str | None:
        """
        the arm randomised to (the case's `arm` is the arm received)
        """
    @allocation.setter
    def allocation(self, arg1: str | None) -> None:
        ...
    @property
    def arm_change_reason(self) -> str | None:
        """
        why the arm received differs from the allocation (free text)
        """
    @arm_change_reason.setter
    def arm_change_reason(self, arg1: str | None) -> None:
        ...
    @property
    def eligible(self) -> bool | None:
        """
        screened: met the inclusion criteria
        """
    @eligible.setter
    def eligible(self, arg1: bool | None) -> None:
        ...
    @property
    def exclusion_reasons(self) -> list[str]:
        """
        why not randomised (trial's own labels; several allowed)
        """
    @exclusion_reasons.setter
    def exclusion_reasons(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def randomised_on(self) -> datetime.date | None:
        """
        date of randomisation
        """
    @randomised_on.setter
    def randomised_on(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def site(self) -> str | None:
        """
        randomisation site (the case's `site` where treated)
        """
    @site.setter
    def site(self, arg1: str | None) -> None:
        ...
    @property
    def stratum(self) -> str | None:
        """
        randomisation stratum label
        """
    @stratum.setter
    def stratum(self, arg1: str | None) -> None:
        ...
class Discontinuation:
    """
    The end of a case's participation before its planned end.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Discontinuation:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Discontinuation:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, date: datetime.date | str, reason: DiscontinuationReason | str, by: DiscontinuedBy | str | None = None, notes: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def by(self) -> DiscontinuedBy | None:
        """
        who decided
        """
    @by.setter
    def by(self, arg1: DiscontinuedBy | str | None) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        when it was decided
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def notes(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @notes.setter
    def notes(self, arg1: str | None) -> None:
        ...
    @property
    def reason(self) -> DiscontinuationReason:
        """
        why
        """
    @reason.setter
    def reason(self, arg1: DiscontinuationReason | str) -> None:
        ...
class AdverseEvent:
    """
    An adverse event during the trial.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AdverseEvent:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AdverseEvent:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, date: datetime.date | str, serious: bool, description: str, related: Relatedness | str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def date(self) -> datetime.date:
        """
        onset
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def description(self) -> str:
        """
        free text, replaced by de-identification
        """
    @description.setter
    def description(self, arg1: str) -> None:
        ...
    @property
    def related(self) -> Relatedness | None:
        """
        relation to the treatment, as judged
        """
    @related.setter
    def related(self, arg1: Relatedness | str | None) -> None:
        ...
    @property
    def serious(self) -> bool:
        """
        a serious adverse event
        """
    @serious.setter
    def serious(self, arg1: bool) -> None:
        ...
class RiskReview:
    """
    A clinician's review of risk after an alert; it resolves the alerts of assessments on or before its date.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RiskReview:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RiskReview:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, date: datetime.date | str, reviewed_by: ReviewerRole | str, outcome: RiskReviewOutcome | str, notes: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def date(self) -> datetime.date:
        """
        when the risk was reviewed
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def notes(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @notes.setter
    def notes(self, arg1: str | None) -> None:
        ...
    @property
    def outcome(self) -> RiskReviewOutcome:
        """
        what it concluded
        """
    @outcome.setter
    def outcome(self, arg1: RiskReviewOutcome | str) -> None:
        ...
    @property
    def reviewed_by(self) -> ReviewerRole:
        """
        the reviewer's role
        """
    @reviewed_by.setter
    def reviewed_by(self, arg1: ReviewerRole | str) -> None:
        ...
class ConcurrentTreatment:
    """
    Medication or other therapy alongside IPT.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConcurrentTreatment:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConcurrentTreatment:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, kind: TreatmentKind | str, name: str | None = None, start_date: datetime.date | str, end_date: datetime.date | str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def end_date(self) -> datetime.date | None:
        """
        when it stopped, if it did
        """
    @end_date.setter
    def end_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def kind(self) -> TreatmentKind:
        """
        antidepressant, other medication, other psychotherapy
        """
    @kind.setter
    def kind(self, arg1: TreatmentKind | str) -> None:
        ...
    @property
    def name(self) -> str | None:
        """
        free text, removed by de-identification
        """
    @name.setter
    def name(self, arg1: str | None) -> None:
        ...
    @property
    def start_date(self) -> datetime.date:
        """
        when it started
        """
    @start_date.setter
    def start_date(self, arg1: datetime.date | str) -> None:
        ...
class RelapseRule:
    """
    When a maintenance score counts as relapse.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RelapseRule:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RelapseRule:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, instrument: str, threshold: typing.SupportsInt | typing.SupportsIndex, consecutive: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def consecutive(self) -> int:
        """
        how many in a row fire the rule
        """
    @consecutive.setter
    def consecutive(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        instrument id, e.g. `phq9`
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def threshold(self) -> int:
        """
        total at or above which an assessment counts
        """
    @threshold.setter
    def threshold(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class MaintenancePlan:
    """
    The maintenance (IPT-M) contract.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MaintenancePlan:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MaintenancePlan:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, contract_date: datetime.date | str, frequency: SessionFrequency | str = ..., planned_sessions: typing.SupportsInt | typing.SupportsIndex | None = None, duration_months: typing.SupportsInt | typing.SupportsIndex | None = None, warning_signs: collections.abc.Sequence[str] = [], relapse_rule: RelapseRule | None = None, skills: collections.abc.Sequence[str] = [], support_contacts: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def contract_date(self) -> datetime.date:
        """
        when it was agreed
        """
    @contract_date.setter
    def contract_date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def duration_months(self) -> int | None:
        """
        or for how long
        """
    @duration_months.setter
    def duration_months(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def frequency(self) -> SessionFrequency:
        """
        default monthly
        """
    @frequency.setter
    def frequency(self, arg1: SessionFrequency | str) -> None:
        ...
    @property
    def planned_sessions(self) -> int | None:
        """
        how many sessions
        """
    @planned_sessions.setter
    def planned_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def relapse_rule(self) -> RelapseRule | None:
        """
        deterioration trigger
        """
    @relapse_rule.setter
    def relapse_rule(self, arg1: RelapseRule | None) -> None:
        ...
    @property
    def skills(self) -> list[str]:
        """
        free text
        """
    @skills.setter
    def skills(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def support_contacts(self) -> list[str]:
        """
        relationship ids
        """
    @support_contacts.setter
    def support_contacts(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def warning_signs(self) -> list[str]:
        """
        free text
        """
    @warning_signs.setter
    def warning_signs(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
class Protocol:
    """
    An IPT adaptation's (or a comparator arm's) parameters: session counts, phases, focus model.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Protocol:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Protocol:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, id: str, name: str, format: TherapyFormat | str, modality: TherapyModality | str | None = None, min_sessions: typing.SupportsInt | typing.SupportsIndex, max_sessions: typing.SupportsInt | typing.SupportsIndex, initial_max: typing.SupportsInt | typing.SupportsIndex, termination_min: typing.SupportsInt | typing.SupportsIndex, frequency: SessionFrequency | str = ..., session_minutes: typing.SupportsInt | typing.SupportsIndex | None = None, min_age: typing.SupportsInt | typing.SupportsIndex | None = None, max_age: typing.SupportsInt | typing.SupportsIndex | None = None, source: str | None = None, kind: ProtocolKind | str = ..., focus_model: FocusModel | str = ..., follow_up_days: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], follow_up_window_days: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def focus_model(self) -> FocusModel:
        """
        what the formulation's focus is
        """
    @focus_model.setter
    def focus_model(self, arg1: FocusModel | str) -> None:
        ...
    @property
    def follow_up_days(self) -> list[int]:
        """
        named follow-up visits, days after the acute course ends
        """
    @follow_up_days.setter
    def follow_up_days(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def follow_up_window_days(self) -> int | None:
        """
        a visit may fall this many days either side (default 14)
        """
    @follow_up_window_days.setter
    def follow_up_window_days(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def format(self) -> TherapyFormat:
        """
        expected session format
        """
    @format.setter
    def format(self, arg1: TherapyFormat | str) -> None:
        ...
    @property
    def frequency(self) -> SessionFrequency:
        """
        usual frequency
        """
    @frequency.setter
    def frequency(self, arg1: SessionFrequency | str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        the `adaptation` value, e.g. `ipt_g`
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def initial_max(self) -> int:
        """
        last session number the initial phase may run to
        """
    @initial_max.setter
    def initial_max(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def kind(self) -> ProtocolKind:
        """
        an adaptation, or a trial's comparator arm
        """
    @kind.setter
    def kind(self, arg1: ProtocolKind | str) -> None:
        ...
    @property
    def max_age(self) -> int | None:
        """
        oldest age the adaptation is for
        """
    @max_age.setter
    def max_age(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def max_sessions(self) -> int:
        """
        planned acute sessions, upper bound
        """
    @max_sessions.setter
    def max_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def min_age(self) -> int | None:
        """
        youngest age the adaptation is for
        """
    @min_age.setter
    def min_age(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def min_sessions(self) -> int:
        """
        planned acute sessions, lower bound
        """
    @min_sessions.setter
    def min_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def modality(self) -> TherapyModality | None:
        """
        expected modality, where the protocol fixes one
        """
    @modality.setter
    def modality(self, arg1: TherapyModality | str | None) -> None:
        ...
    @property
    def name(self) -> str:
        """
        human-readable name
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
    @property
    def session_minutes(self) -> int | None:
        """
        usual session length
        """
    @session_minutes.setter
    def session_minutes(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def source(self) -> str | None:
        """
        where the parameters come from
        """
    @source.setter
    def source(self, arg1: str | None) -> None:
        ...
    @property
    def termination_min(self) -> int:
        """
        termination-phase sessions a completed course has
        """
    @termination_min.setter
    def termination_min(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class SeverityBand:
    """
    A named range of totals of an instrument.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SeverityBand:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SeverityBand:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, label: str, min: typing.SupportsInt | typing.SupportsIndex, max: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def label(self) -> str:
        """
        e.g. `mild`, `moderately_severe`
        """
    @label.setter
    def label(self, arg1: str) -> None:
        ...
    @property
    def max(self) -> int:
        """
        highest total in the band
        """
    @max.setter
    def max(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def min(self) -> int:
        """
        lowest total in the band
        """
    @min.setter
    def min(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class JacobsonTruax:
    """
    Jacobson-Truax reliable change parameters.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> JacobsonTruax:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> JacobsonTruax:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, sd: typing.SupportsFloat | typing.SupportsIndex, reliability: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def reliability(self) -> float:
        """
        test-retest or internal-consistency reliability r
        """
    @reliability.setter
    def reliability(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def sd(self) -> float:
        """
        standard deviation of the reference sample
        """
    @sd.setter
    def sd(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Instrument:
    """
    A symptom instrument as data.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Instrument:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Instrument:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, id: str, name: str, items: typing.SupportsInt | typing.SupportsIndex, item_min: typing.SupportsInt | typing.SupportsIndex = 0, item_max: typing.SupportsInt | typing.SupportsIndex, item_maxima: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], total_min: typing.SupportsInt | typing.SupportsIndex = 0, total_max: typing.SupportsInt | typing.SupportsIndex, bands: collections.abc.Sequence[SeverityBand] = [], caseness: typing.SupportsInt | typing.SupportsIndex | None = None, remission: typing.SupportsInt | typing.SupportsIndex | None = None, reliable_change: typing.SupportsInt | typing.SupportsIndex | None = None, jacobson_truax: JacobsonTruax | None = None, direction: ScoreDirection | str = ..., risk_items: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], loinc: str | None = None, loinc_panel: str | None = None, item_loinc: collections.abc.Sequence[str] = [], source: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def bands(self) -> list[SeverityBand]:
        """
        severity bands, in order
        """
    @bands.setter
    def bands(self, arg1: collections.abc.Sequence[SeverityBand]) -> None:
        ...
    @property
    def caseness(self) -> int | None:
        """
        a case at or beyond this total
        """
    @caseness.setter
    def caseness(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def direction(self) -> ScoreDirection:
        """
        which way is worse
        """
    @direction.setter
    def direction(self, arg1: ScoreDirection | str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        e.g. `phq9`
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def item_loinc(self) -> list[str]:
        """
        LOINC codes of the items, in order (one per item)
        """
    @item_loinc.setter
    def item_loinc(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def item_max(self) -> int:
        """
        highest item score (every item)
        """
    @item_max.setter
    def item_max(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def item_maxima(self) -> list[int]:
        """
        per-item maxima; overrides item_max when given
        """
    @item_maxima.setter
    def item_maxima(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def item_min(self) -> int:
        """
        lowest item score
        """
    @item_min.setter
    def item_min(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def items(self) -> int:
        """
        number of items
        """
    @items.setter
    def items(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def jacobson_truax(self) -> JacobsonTruax | None:
        """
        or Jacobson-Truax parameters
        """
    @jacobson_truax.setter
    def jacobson_truax(self, arg1: JacobsonTruax | None) -> None:
        ...
    @property
    def loinc(self) -> str | None:
        """
        LOINC code of the total score
        """
    @loinc.setter
    def loinc(self, arg1: str | None) -> None:
        ...
    @property
    def loinc_panel(self) -> str | None:
        """
        LOINC code of the panel
        """
    @loinc_panel.setter
    def loinc_panel(self, arg1: str | None) -> None:
        ...
    @property
    def name(self) -> str:
        """
        e.g. `PHQ-9`
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
    @property
    def reliable_change(self) -> int | None:
        """
        reliable change threshold in points
        """
    @reliable_change.setter
    def reliable_change(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def remission(self) -> int | None:
        """
        remitted at or better than this total
        """
    @remission.setter
    def remission(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def risk_items(self) -> list[int]:
        """
        1-based items whose score > 0 is an alert
        """
    @risk_items.setter
    def risk_items(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def source(self) -> str | None:
        """
        where the definition comes from
        """
    @source.setter
    def source(self, arg1: str | None) -> None:
        ...
    @property
    def total_max(self) -> int:
        """
        highest total
        """
    @total_max.setter
    def total_max(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def total_min(self) -> int:
        """
        lowest total
        """
    @total_min.setter
    def total_min(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Case:
    """
    A case: one patient's contract, inventory, formulation, sessions and measures.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Case:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Case:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, schema: str = 'iptkit.case/1', case_id: str, adaptation: str, arm: str | None = None, site: str | None = None, trial: TrialRecord | None = None, therapist_id: str | None = None, group_id: str | None = None, age_at_intake: typing.SupportsInt | typing.SupportsIndex | None = None, diagnoses: collections.abc.Sequence[Diagnosis] = [], contract: Contract, inventory: Inventory | None = None, formulation: Formulation | None = None, sessions: collections.abc.Sequence[Session] = [], assessments: collections.abc.Sequence[Assessment] = [], risk_reviews: collections.abc.Sequence[RiskReview] = [], discontinuation: Discontinuation | None = None, adverse_events: collections.abc.Sequence[AdverseEvent] = [], concurrent_treatments: collections.abc.Sequence[ConcurrentTreatment] = [], maintenance: MaintenancePlan | None = None, notes: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def _repr_html_(self) -> str:
        ...
    def check(self, *, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> list[ReadError]:
        """
        The structural errors of this case (empty when it is well formed): exactly what reading
            its JSON would report. A case built or changed in code can break the format's rules (a
            closeness of 9, a date that does not exist); :func:`validate` reports these as ``S001``
            findings, and every writer refuses such a case with :class:`DecodeError`.
        """
    def to_dict(self, *, catalog: Catalog | None = None) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings); raises DecodeError like to_json when the case is not well formed.
        """
    def to_fhir(self, *, catalog: Catalog | None = None) -> typing.Any:
        """
        The case as one FHIR R4 Bundle (type collection), as a dict (docs/interop.md#fhir-r4).
        """
    def to_json(self, *, pretty: bool = True, catalog: Catalog | None = None) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line). Raises DecodeError with the errors of iptkit.check() when the case is not well formed.
        """
    def validate(self, *, catalog: Catalog | None = None, redact: bool = False) -> Findings:
        """
        Every finding for this case against the IPT protocol, in document order (``redact``: as
            for :func:`validate`).
        """
    @property
    def adaptation(self) -> str:
        """
        protocol id (`ipt`, `ipt_g`, ...)
        """
    @adaptation.setter
    def adaptation(self, arg1: str) -> None:
        ...
    @property
    def adverse_events(self) -> list[AdverseEvent]:
        """
        during the trial, any order
        """
    @adverse_events.setter
    def adverse_events(self, arg1: collections.abc.Sequence[AdverseEvent]) -> None:
        ...
    @property
    def age_at_intake(self) -> int | None:
        """
        years
        """
    @age_at_intake.setter
    def age_at_intake(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def arm(self) -> str | None:
        """
        trial arm label
        """
    @arm.setter
    def arm(self, arg1: str | None) -> None:
        ...
    @property
    def assessments(self) -> list[Assessment]:
        """
        symptom measures, any order
        """
    @assessments.setter
    def assessments(self, arg1: collections.abc.Sequence[Assessment]) -> None:
        ...
    @property
    def case_id(self) -> str:
        """
        pseudonymous study identifier
        """
    @case_id.setter
    def case_id(self, arg1: str) -> None:
        ...
    @property
    def concurrent_treatments(self) -> list[ConcurrentTreatment]:
        """
        medication, other therapy
        """
    @concurrent_treatments.setter
    def concurrent_treatments(self, arg1: collections.abc.Sequence[ConcurrentTreatment]) -> None:
        ...
    @property
    def contract(self) -> Contract:
        """
        the acute contract
        """
    @contract.setter
    def contract(self, arg1: Contract) -> None:
        ...
    @property
    def diagnoses(self) -> list[Diagnosis]:
        """
        working diagnoses
        """
    @diagnoses.setter
    def diagnoses(self, arg1: collections.abc.Sequence[Diagnosis]) -> None:
        ...
    @property
    def discontinuation(self) -> Discontinuation | None:
        """
        participation ended early
        """
    @discontinuation.setter
    def discontinuation(self, arg1: Discontinuation | None) -> None:
        ...
    @property
    def formulation(self) -> Formulation | None:
        """
        absent until agreed
        """
    @formulation.setter
    def formulation(self, arg1: Formulation | None) -> None:
        ...
    @property
    def group_id(self) -> str | None:
        """
        the group of a group format (IPT-G, MIT-G)
        """
    @group_id.setter
    def group_id(self, arg1: str | None) -> None:
        ...
    @property
    def inventory(self) -> Inventory | None:
        """
        absent until taken
        """
    @inventory.setter
    def inventory(self, arg1: Inventory | None) -> None:
        ...
    @property
    def maintenance(self) -> MaintenancePlan | None:
        """
        the maintenance contract
        """
    @maintenance.setter
    def maintenance(self, arg1: MaintenancePlan | None) -> None:
        ...
    @property
    def notes(self) -> str | None:
        """
        free text
        """
    @notes.setter
    def notes(self, arg1: str | None) -> None:
        ...
    @property
    def risk_reviews(self) -> list[RiskReview]:
        """
        reviews of risk alerts, any order
        """
    @risk_reviews.setter
    def risk_reviews(self, arg1: collections.abc.Sequence[RiskReview]) -> None:
        ...
    @property
    def schema(self) -> str:
        """
        always `iptkit.case/1`
        """
    @schema.setter
    def schema(self, arg1: str) -> None:
        ...
    @property
    def sessions(self) -> list[Session]:
        """
        in order of number
        """
    @sessions.setter
    def sessions(self, arg1: collections.abc.Sequence[Session]) -> None:
        ...
    @property
    def site(self) -> str | None:
        """
        site label
        """
    @site.setter
    def site(self, arg1: str | None) -> None:
        ...
    @property
    def therapist_id(self) -> str | None:
        """
        the case's therapist (pseudonymous code)
        """
    @therapist_id.setter
    def therapist_id(self, arg1: str | None) -> None:
        ...
    @property
    def trial(self) -> TrialRecord | None:
        """
        randomisation and screening
        """
    @trial.setter
    def trial(self, arg1: TrialRecord | None) -> None:
        ...
class CaseStream:
    """
    Cases of a cohort file, read one at a time (see iter_cases).
    """
    def __init__(self, path: str, *, lax: bool = False, catalog: Catalog | None = None, skip_errors: bool = False, redact: bool = False, limits: ReadLimits | None = None) -> None:
        ...
    def __iter__(self) -> CaseStream:
        ...
    def __next__(self) -> Case:
        ...
    @property
    def errors(self) -> list[typing.Any]:
        """
        The entries skipped so far: (index, line, [ReadError], case_id or None, source).
        """
class Severity(iptkit._spelled.Spelled):
    """
    How serious a finding is; `alert` is clinical risk a person should see now.
    """
    alert = 'alert'
    error = 'error'
    warning = 'warning'
class Finding:
    """
    One result of validating a case against the IPT protocol.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Finding:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Finding:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, code: str, severity: Severity | str, path: str, message: str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def code(self) -> str:
        """
        stable rule code, e.g. `F007`
        """
    @code.setter
    def code(self, arg1: str) -> None:
        ...
    @property
    def message(self) -> str:
        """
        one sentence naming the values involved
        """
    @message.setter
    def message(self, arg1: str) -> None:
        ...
    @property
    def path(self) -> str:
        """
        JSON Pointer to the value it is about; "" for the whole case
        """
    @path.setter
    def path(self, arg1: str) -> None:
        ...
    @property
    def severity(self) -> Severity:
        """
        error, warning or alert (after any override)
        """
    @severity.setter
    def severity(self, arg1: Severity | str) -> None:
        ...
class RuleSet:
    """
    The rules in force: the built-in catalogue with rules switched off, re-graded or added (rules written in Python included).
    """
    @staticmethod
    def empty() -> RuleSet:
        """
        A rule set with no rules.
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __getstate__(self) -> tuple[int, list[typing.Any]]:
        ...
    def __init__(self) -> None:
        """
        The whole built-in catalogue of rules.md.
        """
    def __len__(self) -> int:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def add(self, code: str, severity: Severity | str, title: str, check: collections.abc.Callable[[Case], collections.abc.Iterable[tuple[str, str] | str] | None]) -> None:
        """
        Adds (or replaces) a rule. `check(case)` returns an iterable of (path, message) pairs or messages; each becomes a Finding with this code and severity.
        """
    def describe(self) -> list[typing.Any]:
        """
        Every rule as (code, severity, title, enabled).
        """
    def disable(self, code: str) -> bool:
        """
        Switches a rule off; False when no rule has this code.
        """
    def enable(self, code: str) -> bool:
        """
        Switches a rule back on; False when no rule has this code.
        """
    def is_enabled(self, code: str) -> bool:
        """
        True when a rule with this code exists and is on.
        """
    def set_severity(self, code: str, severity: Severity | str) -> bool:
        """
        Changes a rule's severity; False when no rule has this code.
        """
    @property
    def codes(self) -> list[str]:
        """
        Every rule's code, in the order they run.
        """
class PlannedSession:
    """
    One session of a plan.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> PlannedSession:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> PlannedSession:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, number: typing.SupportsInt | typing.SupportsIndex, date: datetime.date | str, phase: Phase | str, tasks: collections.abc.Sequence[Task | str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def date(self) -> datetime.date:
        """
        when it is due
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def number(self) -> int:
        """
        1, 2, 3 ...
        """
    @number.setter
    def number(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def phase(self) -> Phase:
        """
        initial, middle or termination
        """
    @phase.setter
    def phase(self, arg1: Phase | str) -> None:
        ...
    @property
    def tasks(self) -> list[Task]:
        """
        what it should cover
        """
    @tasks.setter
    def tasks(self, arg1: collections.abc.Sequence[Task | str]) -> None:
        ...
class OverdueTask:
    """
    A task that should already have been covered, and why.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> OverdueTask:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> OverdueTask:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, task: Task | str, reason: str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def reason(self) -> str:
        """
        e.g. `the initial phase ended at session 3 and no inventory is recorded`
        """
    @reason.setter
    def reason(self, arg1: str) -> None:
        ...
    @property
    def task(self) -> Task:
        """
        the task
        """
    @task.setter
    def task(self, arg1: Task | str) -> None:
        ...
class OpenRiskAlert:
    """
    A risk item above 0 that no risk review has resolved yet.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> OpenRiskAlert:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> OpenRiskAlert:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, date: datetime.date | str, instrument: str, assessment: typing.SupportsInt | typing.SupportsIndex, item: typing.SupportsInt | typing.SupportsIndex, at_least: typing.SupportsInt | typing.SupportsIndex, from_total: bool) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def assessment(self) -> int:
        """
        its index in the case's assessments
        """
    @assessment.setter
    def assessment(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def at_least(self) -> int:
        """
        the item's score, or the least it can be when only a total was recorded
        """
    @at_least.setter
    def at_least(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        the assessment's date
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def from_total(self) -> bool:
        """
        known from the total only (it exceeds what the other items can reach)
        """
    @from_total.setter
    def from_total(self, arg1: bool) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        its instrument id
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def item(self) -> int:
        """
        the risk item (1-based)
        """
    @item.setter
    def item(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class MeasureStatus:
    """
    The latest score of one instrument.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MeasureStatus:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MeasureStatus:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, instrument: str, date: datetime.date | str, total: typing.SupportsInt | typing.SupportsIndex, band: str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def band(self) -> str | None:
        """
        its severity band, when the instrument has bands
        """
    @band.setter
    def band(self, arg1: str | None) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        when it was taken
        """
    @date.setter
    def date(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        instrument id
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def total(self) -> int:
        """
        its total
        """
    @total.setter
    def total(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class CourseProgress:
    """
    Where a course stands on a date.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CourseProgress:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CourseProgress:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, as_of: datetime.date | str, open_risk_alerts: collections.abc.Sequence[OpenRiskAlert] = [], phase: Phase | str, sessions_held: typing.SupportsInt | typing.SupportsIndex, sessions_attended: typing.SupportsInt | typing.SupportsIndex, planned_sessions: typing.SupportsInt | typing.SupportsIndex, sessions_remaining: typing.SupportsInt | typing.SupportsIndex, acute_complete: bool, next_session: typing.SupportsInt | typing.SupportsIndex | None = None, next_due: datetime.date | str | None = None, next_phase: Phase | str | None = None, tasks_due: collections.abc.Sequence[Task | str] = [], overdue: collections.abc.Sequence[OverdueTask] = [], latest_measures: collections.abc.Sequence[MeasureStatus] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def _repr_html_(self) -> str:
        """
        Where a course stands, as a therapist reads it before a session: open risk alerts first.
        """
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def acute_complete(self) -> bool:
        """
        no acute session remains
        """
    @acute_complete.setter
    def acute_complete(self, arg1: bool) -> None:
        ...
    @property
    def as_of(self) -> datetime.date:
        """
        the date asked about
        """
    @as_of.setter
    def as_of(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def latest_measures(self) -> list[MeasureStatus]:
        """
        latest score and band of each instrument
        """
    @latest_measures.setter
    def latest_measures(self, arg1: collections.abc.Sequence[MeasureStatus]) -> None:
        ...
    @property
    def next_due(self) -> datetime.date | None:
        """
        when it is due
        """
    @next_due.setter
    def next_due(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def next_phase(self) -> Phase | None:
        """
        its phase by the plan
        """
    @next_phase.setter
    def next_phase(self, arg1: Phase | str | None) -> None:
        ...
    @property
    def next_session(self) -> int | None:
        """
        number of the next session, if one is due
        """
    @next_session.setter
    def next_session(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def open_risk_alerts(self) -> list[OpenRiskAlert]:
        """
        unreviewed risk alerts so far, oldest first: show these first
        """
    @open_risk_alerts.setter
    def open_risk_alerts(self, arg1: collections.abc.Sequence[OpenRiskAlert]) -> None:
        ...
    @property
    def overdue(self) -> list[OverdueTask]:
        """
        what should have happened already
        """
    @overdue.setter
    def overdue(self, arg1: collections.abc.Sequence[OverdueTask]) -> None:
        ...
    @property
    def phase(self) -> Phase:
        """
        phase of the latest session so far (initial before any)
        """
    @phase.setter
    def phase(self, arg1: Phase | str) -> None:
        ...
    @property
    def planned_sessions(self) -> int:
        """
        planned acute sessions (latest renegotiation)
        """
    @planned_sessions.setter
    def planned_sessions(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions_attended(self) -> int:
        """
        attended acute sessions
        """
    @sessions_attended.setter
    def sessions_attended(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions_held(self) -> int:
        """
        sessions dated on or before as_of, any attendance
        """
    @sessions_held.setter
    def sessions_held(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions_remaining(self) -> int:
        """
        planned minus the last acute session number so far (missed sessions use a slot), never below 0
        """
    @sessions_remaining.setter
    def sessions_remaining(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def tasks_due(self) -> list[Task]:
        """
        what the next session should cover
        """
    @tasks_due.setter
    def tasks_due(self, arg1: collections.abc.Sequence[Task | str]) -> None:
        ...
class NotComputed(iptkit._spelled.Spelled):
    """
    Why an outcome quantity is missing.
    """
    baseline_zero = 'baseline_zero'
    no_assessments = 'no_assessments'
    no_baseline = 'no_baseline'
    no_caseness_cutoff = 'no_caseness_cutoff'
    no_endpoint = 'no_endpoint'
    no_maintenance_assessments = 'no_maintenance_assessments'
    no_relapse_rule = 'no_relapse_rule'
    no_reliable_change_definition = 'no_reliable_change_definition'
    no_remission_cutoff = 'no_remission_cutoff'
    not_case_at_baseline = 'not_case_at_baseline'
    not_finished_treatment = 'not_finished_treatment'
    not_higher_is_worse = 'not_higher_is_worse'
    not_in_paired_definition = 'not_in_paired_definition'
    other_instrument = 'other_instrument'
    unknown_instrument = 'unknown_instrument'
class RelapseKind(iptkit._spelled.Spelled):
    """
    Deterioration after the acute course: before recovery or after it.
    """
    no_remission = 'no_remission'
    recurrence = 'recurrence'
    relapse = 'relapse'
class GroupBy(iptkit._spelled.Spelled):
    """
    What to group cases by in cohort statistics.
    """
    adaptation = 'adaptation'
    arm = 'arm'
    none = 'none'
    site = 'site'
class AnalysisSet(iptkit._spelled.Spelled):
    """
    Which cases an analysis takes: completers, itt or per_protocol.
    """
    completers = 'completers'
    itt = 'itt'
    per_protocol = 'per_protocol'
class MissingOutcome(iptkit._spelled.Spelled):
    """
    What an intention-to-treat analysis does with a missing binary endpoint.
    """
    discontinued_non_response = 'discontinued_non_response'
    left_out = 'left_out'
    non_response = 'non_response'
class CaseOutcome:
    """
    The outcomes of one case and instrument (outcomes.md).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CaseOutcome:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CaseOutcome:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, case_index: typing.SupportsInt | typing.SupportsIndex, case_id: str, instrument: str, status: NotComputed | str | None = None, baseline: typing.SupportsInt | typing.SupportsIndex | None = None, baseline_date: datetime.date | str | None = None, baseline_band: str | None = None, endpoint: typing.SupportsInt | typing.SupportsIndex | None = None, endpoint_date: datetime.date | str | None = None, endpoint_band: str | None = None, change: typing.SupportsInt | typing.SupportsIndex | None = None, percent_change: typing.SupportsFloat | typing.SupportsIndex | None = None, percent_change_reason: NotComputed | str | None = None, response: bool | None = None, response_reason: NotComputed | str | None = None, remission: bool | None = None, remission_reason: NotComputed | str | None = None, rci: typing.SupportsFloat | typing.SupportsIndex | None = None, reliable_improvement: bool | None = None, reliable_deterioration: bool | None = None, reliable_change_reason: NotComputed | str | None = None, baseline_caseness: bool | None = None, endpoint_caseness: bool | None = None, caseness_reason: NotComputed | str | None = None, recovery: bool | None = None, reliable_recovery: bool | None = None, recovery_reason: NotComputed | str | None = None, remission_date: datetime.date | str | None = None, sustained_remission_date: datetime.date | str | None = None, relapse_rule_fired: bool | None = None, relapse_date: datetime.date | str | None = None, relapse_kind: RelapseKind | str | None = None, relapse_days: typing.SupportsInt | typing.SupportsIndex | None = None, relapse_censored: bool | None = None, relapse_reason: NotComputed | str | None = None, sessions_attended: typing.SupportsInt | typing.SupportsIndex, sessions_cancelled: typing.SupportsInt | typing.SupportsIndex, sessions_no_show: typing.SupportsInt | typing.SupportsIndex, completer: bool, finished_treatment: bool) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def baseline(self) -> int | None:
        """
        baseline total
        """
    @baseline.setter
    def baseline(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def baseline_band(self) -> str | None:
        """
        its severity band
        """
    @baseline_band.setter
    def baseline_band(self, arg1: str | None) -> None:
        ...
    @property
    def baseline_caseness(self) -> bool | None:
        """
        at caseness at baseline
        """
    @baseline_caseness.setter
    def baseline_caseness(self, arg1: bool | None) -> None:
        ...
    @property
    def baseline_date(self) -> datetime.date | None:
        """
        its date
        """
    @baseline_date.setter
    def baseline_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def case_id(self) -> str:
        """
        the case's identifier
        """
    @case_id.setter
    def case_id(self, arg1: str) -> None:
        ...
    @property
    def case_index(self) -> int:
        """
        position of the case in the input
        """
    @case_index.setter
    def case_index(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def caseness_reason(self) -> NotComputed | None:
        """
        why caseness is missing
        """
    @caseness_reason.setter
    def caseness_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def change(self) -> int | None:
        """
        endpoint - baseline
        """
    @change.setter
    def change(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def completer(self) -> bool:
        """
        attended a termination-phase session
        """
    @completer.setter
    def completer(self, arg1: bool) -> None:
        ...
    @property
    def endpoint(self) -> int | None:
        """
        endpoint total (LOCF within the acute course)
        """
    @endpoint.setter
    def endpoint(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def endpoint_band(self) -> str | None:
        """
        its severity band
        """
    @endpoint_band.setter
    def endpoint_band(self, arg1: str | None) -> None:
        ...
    @property
    def endpoint_caseness(self) -> bool | None:
        """
        at caseness at endpoint
        """
    @endpoint_caseness.setter
    def endpoint_caseness(self, arg1: bool | None) -> None:
        ...
    @property
    def endpoint_date(self) -> datetime.date | None:
        """
        its date
        """
    @endpoint_date.setter
    def endpoint_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def finished_treatment(self) -> bool:
        """
        at least 2 attended acute sessions
        """
    @finished_treatment.setter
    def finished_treatment(self, arg1: bool) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        instrument id, or `phq9+gad7`; empty without a scorable assessment
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def percent_change(self) -> float | None:
        """
        100 x change / baseline
        """
    @percent_change.setter
    def percent_change(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def percent_change_reason(self) -> NotComputed | None:
        """
        why percent_change is missing
        """
    @percent_change_reason.setter
    def percent_change_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def rci(self) -> float | None:
        """
        Jacobson-Truax reliable change index
        """
    @rci.setter
    def rci(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def recovery(self) -> bool | None:
        """
        finished treatment, a case at baseline, not at endpoint
        """
    @recovery.setter
    def recovery(self, arg1: bool | None) -> None:
        ...
    @property
    def recovery_reason(self) -> NotComputed | None:
        """
        why recovery is missing
        """
    @recovery_reason.setter
    def recovery_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def relapse_censored(self) -> bool | None:
        """
        the rule never fired: relapse_days ends at the last assessment
        """
    @relapse_censored.setter
    def relapse_censored(self, arg1: bool | None) -> None:
        ...
    @property
    def relapse_date(self) -> datetime.date | None:
        """
        the date it first fired
        """
    @relapse_date.setter
    def relapse_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def relapse_days(self) -> int | None:
        """
        days from the last acute session to the firing, or to the last assessment
        """
    @relapse_days.setter
    def relapse_days(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def relapse_kind(self) -> RelapseKind | None:
        """
        relapse, recurrence or no remission
        """
    @relapse_kind.setter
    def relapse_kind(self, arg1: RelapseKind | str | None) -> None:
        ...
    @property
    def relapse_reason(self) -> NotComputed | None:
        """
        why the relapse quantities are missing
        """
    @relapse_reason.setter
    def relapse_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def relapse_rule_fired(self) -> bool | None:
        """
        the maintenance relapse rule fired
        """
    @relapse_rule_fired.setter
    def relapse_rule_fired(self, arg1: bool | None) -> None:
        ...
    @property
    def reliable_change_reason(self) -> NotComputed | None:
        """
        why reliable change is missing
        """
    @reliable_change_reason.setter
    def reliable_change_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def reliable_deterioration(self) -> bool | None:
        """
        change reliably worse
        """
    @reliable_deterioration.setter
    def reliable_deterioration(self, arg1: bool | None) -> None:
        ...
    @property
    def reliable_improvement(self) -> bool | None:
        """
        change reliably better
        """
    @reliable_improvement.setter
    def reliable_improvement(self, arg1: bool | None) -> None:
        ...
    @property
    def reliable_recovery(self) -> bool | None:
        """
        recovery and reliable improvement
        """
    @reliable_recovery.setter
    def reliable_recovery(self, arg1: bool | None) -> None:
        ...
    @property
    def remission(self) -> bool | None:
        """
        endpoint at or below the remission cut-off
        """
    @remission.setter
    def remission(self, arg1: bool | None) -> None:
        ...
    @property
    def remission_date(self) -> datetime.date | None:
        """
        first assessment after the baseline at or below the remission cut-off
        """
    @remission_date.setter
    def remission_date(self, arg1: datetime.date | str | None) -> None:
        ...
    @property
    def remission_reason(self) -> NotComputed | None:
        """
        why remission is missing
        """
    @remission_reason.setter
    def remission_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def response(self) -> bool | None:
        """
        endpoint <= 0.5 x baseline
        """
    @response.setter
    def response(self, arg1: bool | None) -> None:
        ...
    @property
    def response_reason(self) -> NotComputed | None:
        """
        why response is missing
        """
    @response_reason.setter
    def response_reason(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def sessions_attended(self) -> int:
        """
        attended acute sessions
        """
    @sessions_attended.setter
    def sessions_attended(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions_cancelled(self) -> int:
        """
        cancelled acute sessions
        """
    @sessions_cancelled.setter
    def sessions_cancelled(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions_no_show(self) -> int:
        """
        missed acute sessions
        """
    @sessions_no_show.setter
    def sessions_no_show(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def status(self) -> NotComputed | None:
        """
        why baseline/endpoint quantities are missing
        """
    @status.setter
    def status(self, arg1: NotComputed | str | None) -> None:
        ...
    @property
    def sustained_remission_date(self) -> datetime.date | None:
        """
        when a remission had held for the recovery period
        """
    @sustained_remission_date.setter
    def sustained_remission_date(self, arg1: datetime.date | str | None) -> None:
        ...
class Proportion:
    """
    k of n, with the Wilson score 95% interval.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Proportion:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Proportion:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, k: typing.SupportsInt | typing.SupportsIndex, n: typing.SupportsInt | typing.SupportsIndex, rate: typing.SupportsFloat | typing.SupportsIndex | None = None, lower: typing.SupportsFloat | typing.SupportsIndex | None = None, upper: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def k(self) -> int:
        """
        cases with the outcome
        """
    @k.setter
    def k(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def lower(self) -> float | None:
        """
        95% lower bound
        """
    @lower.setter
    def lower(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def n(self) -> int:
        """
        cases where it is defined
        """
    @n.setter
    def n(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def rate(self) -> float | None:
        """
        k / n
        """
    @rate.setter
    def rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def upper(self) -> float | None:
        """
        95% upper bound
        """
    @upper.setter
    def upper(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
class MeanSd:
    """
    Mean and sample SD of n values.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MeanSd:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> MeanSd:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, n: typing.SupportsInt | typing.SupportsIndex, mean: typing.SupportsFloat | typing.SupportsIndex | None = None, sd: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def mean(self) -> float | None:
        """
        n >= 1
        """
    @mean.setter
    def mean(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def n(self) -> int:
        """
        values
        """
    @n.setter
    def n(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sd(self) -> float | None:
        """
        n >= 2
        """
    @sd.setter
    def sd(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
class EffectSize:
    """
    A standardised mean difference with Hedges' correction and 95% interval.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> EffectSize:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> EffectSize:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, n: typing.SupportsInt | typing.SupportsIndex, d: typing.SupportsFloat | typing.SupportsIndex | None = None, g: typing.SupportsFloat | typing.SupportsIndex | None = None, lower: typing.SupportsFloat | typing.SupportsIndex | None = None, upper: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def d(self) -> float | None:
        """
        uncorrected
        """
    @d.setter
    def d(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def g(self) -> float | None:
        """
        with Hedges' small-sample correction J
        """
    @g.setter
    def g(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def lower(self) -> float | None:
        """
        95% lower bound of g
        """
    @lower.setter
    def lower(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def n(self) -> int:
        """
        cases (total of both groups for a comparison)
        """
    @n.setter
    def n(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def upper(self) -> float | None:
        """
        95% upper bound of g
        """
    @upper.setter
    def upper(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
class GroupSummary:
    """
    The statistics of one group and instrument.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GroupSummary:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GroupSummary:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, group: str, instrument: str, cases: typing.SupportsInt | typing.SupportsIndex, with_baseline_and_endpoint: typing.SupportsInt | typing.SupportsIndex, baseline: MeanSd, endpoint: MeanSd, change: MeanSd, response: Proportion, remission: Proportion, reliable_improvement: Proportion, reliable_deterioration: Proportion, recovery: Proportion, reliable_recovery: Proportion, relapse: Proportion, recurrence: Proportion, completers: Proportion, d_z: EffectSize, d_av: EffectSize, analysis_set: AnalysisSet | str, missing_endpoints: MissingOutcome | str | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def analysis_set(self) -> AnalysisSet:
        """
        the set the row describes
        """
    @analysis_set.setter
    def analysis_set(self, arg1: AnalysisSet | str) -> None:
        ...
    @property
    def baseline(self) -> MeanSd:
        """
        over rows with both
        """
    @baseline.setter
    def baseline(self, arg1: MeanSd) -> None:
        ...
    @property
    def cases(self) -> int:
        """
        outcome rows in the group
        """
    @cases.setter
    def cases(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def change(self) -> MeanSd:
        """
        endpoint - baseline
        """
    @change.setter
    def change(self, arg1: MeanSd) -> None:
        ...
    @property
    def completers(self) -> Proportion:
        """
        over all rows
        """
    @completers.setter
    def completers(self, arg1: Proportion) -> None:
        ...
    @property
    def d_av(self) -> EffectSize:
        """
        mean change / mean of the two SDs (Lakens 2013)
        """
    @d_av.setter
    def d_av(self, arg1: EffectSize) -> None:
        ...
    @property
    def d_z(self) -> EffectSize:
        """
        mean change / SD of change (Lakens 2013)
        """
    @d_z.setter
    def d_z(self, arg1: EffectSize) -> None:
        ...
    @property
    def endpoint(self) -> MeanSd:
        """
        over rows with both
        """
    @endpoint.setter
    def endpoint(self, arg1: MeanSd) -> None:
        ...
    @property
    def group(self) -> str:
        """
        group label ("all" when ungrouped, "(none)" when unlabelled)
        """
    @group.setter
    def group(self, arg1: str) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        instrument id or `phq9+gad7`
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def missing_endpoints(self) -> MissingOutcome | None:
        """
        Under `itt`: what response and remission did with a missing endpoint; absent otherwise (missing endpoints are then left out of every statistic).
        """
    @missing_endpoints.setter
    def missing_endpoints(self, arg1: MissingOutcome | str | None) -> None:
        ...
    @property
    def recovery(self) -> Proportion:
        """
        among finished courses at caseness at baseline
        """
    @recovery.setter
    def recovery(self, arg1: Proportion) -> None:
        ...
    @property
    def recurrence(self) -> Proportion:
        """
        relapse_kind recurrence, among the same rows
        """
    @recurrence.setter
    def recurrence(self, arg1: Proportion) -> None:
        ...
    @property
    def relapse(self) -> Proportion:
        """
        relapse_kind relapse, among rows that remitted and the relapse rule was applied to
        """
    @relapse.setter
    def relapse(self, arg1: Proportion) -> None:
        ...
    @property
    def reliable_deterioration(self) -> Proportion:
        """
        where defined
        """
    @reliable_deterioration.setter
    def reliable_deterioration(self, arg1: Proportion) -> None:
        ...
    @property
    def reliable_improvement(self) -> Proportion:
        """
        where defined
        """
    @reliable_improvement.setter
    def reliable_improvement(self, arg1: Proportion) -> None:
        ...
    @property
    def reliable_recovery(self) -> Proportion:
        """
        among finished courses at caseness at baseline
        """
    @reliable_recovery.setter
    def reliable_recovery(self, arg1: Proportion) -> None:
        ...
    @property
    def remission(self) -> Proportion:
        """
        where defined
        """
    @remission.setter
    def remission(self, arg1: Proportion) -> None:
        ...
    @property
    def response(self) -> Proportion:
        """
        where defined
        """
    @response.setter
    def response(self, arg1: Proportion) -> None:
        ...
    @property
    def with_baseline_and_endpoint(self) -> int:
        """
        rows with both
        """
    @with_baseline_and_endpoint.setter
    def with_baseline_and_endpoint(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class RateDifference:
    """
    A difference in rates with Newcombe's hybrid score 95% interval.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RateDifference:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> RateDifference:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, outcome: str, difference: typing.SupportsFloat | typing.SupportsIndex | None = None, lower: typing.SupportsFloat | typing.SupportsIndex | None = None, upper: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def difference(self) -> float | None:
        """
        rate a - rate b
        """
    @difference.setter
    def difference(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def lower(self) -> float | None:
        """
        95% lower bound
        """
    @lower.setter
    def lower(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
    @property
    def outcome(self) -> str:
        """
        e.g. `response`
        """
    @outcome.setter
    def outcome(self, arg1: str) -> None:
        ...
    @property
    def upper(self) -> float | None:
        """
        95% upper bound
        """
    @upper.setter
    def upper(self, arg1: typing.SupportsFloat | typing.SupportsIndex | None) -> None:
        ...
class GroupComparison:
    """
    Two groups compared on one instrument.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GroupComparison:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> GroupComparison:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, instrument: str, group_a: str, group_b: str, hedges_g: EffectSize, rates: collections.abc.Sequence[RateDifference] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def group_a(self) -> str:
        """
        first group
        """
    @group_a.setter
    def group_a(self, arg1: str) -> None:
        ...
    @property
    def group_b(self) -> str:
        """
        second group
        """
    @group_b.setter
    def group_b(self, arg1: str) -> None:
        ...
    @property
    def hedges_g(self) -> EffectSize:
        """
        (mean change a - mean change b) / pooled SD
        """
    @hedges_g.setter
    def hedges_g(self, arg1: EffectSize) -> None:
        ...
    @property
    def instrument(self) -> str:
        """
        instrument id
        """
    @instrument.setter
    def instrument(self, arg1: str) -> None:
        ...
    @property
    def rates(self) -> list[RateDifference]:
        """
        response, remission, reliable improvement, recovery ...
        """
    @rates.setter
    def rates(self, arg1: collections.abc.Sequence[RateDifference]) -> None:
        ...
class CohortSummary:
    """
    Every group's statistics and every pair of groups compared.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CohortSummary:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> CohortSummary:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, by: GroupBy | str, groups: collections.abc.Sequence[GroupSummary] = [], comparisons: collections.abc.Sequence[GroupComparison] = [], analysis_set: AnalysisSet | str, missing_endpoints: MissingOutcome | str | None = None, population: typing.SupportsInt | typing.SupportsIndex, excluded: typing.SupportsInt | typing.SupportsIndex, notes: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def analysis_set(self) -> AnalysisSet:
        """
        who is analysed
        """
    @analysis_set.setter
    def analysis_set(self, arg1: AnalysisSet | str) -> None:
        ...
    @property
    def by(self) -> GroupBy:
        """
        the grouping
        """
    @by.setter
    def by(self, arg1: GroupBy | str) -> None:
        ...
    @property
    def comparisons(self) -> list[GroupComparison]:
        """
        every pair of groups, per instrument
        """
    @comparisons.setter
    def comparisons(self, arg1: collections.abc.Sequence[GroupComparison]) -> None:
        ...
    @property
    def excluded(self) -> int:
        """
        cases outside it
        """
    @excluded.setter
    def excluded(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def groups(self) -> list[GroupSummary]:
        """
        by group (first-appearance order), then instrument
        """
    @groups.setter
    def groups(self, arg1: collections.abc.Sequence[GroupSummary]) -> None:
        ...
    @property
    def missing_endpoints(self) -> MissingOutcome | None:
        """
        under itt: missing binary endpoints
        """
    @missing_endpoints.setter
    def missing_endpoints(self, arg1: MissingOutcome | str | None) -> None:
        ...
    @property
    def notes(self) -> list[str]:
        """
        the set and the handling of missing data, one sentence each
        """
    @notes.setter
    def notes(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def population(self) -> int:
        """
        cases in the set
        """
    @population.setter
    def population(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class AnalysisPopulation:
    """
    The cases of an analysis set: per case whether it is in, its arm, and why not.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AnalysisPopulation:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AnalysisPopulation:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, set: AnalysisSet | str, member: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], arm: collections.abc.Sequence[str] = [], excluded_because: collections.abc.Sequence[str] = [], discontinued: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], size: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def arm(self) -> list[str]:
        """
        per case: `trial.allocation` (itt, per_protocol) or `arm`; "(none)" when absent
        """
    @arm.setter
    def arm(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def discontinued(self) -> list[int]:
        """
        per case: 1 with a `discontinuation` record
        """
    @discontinued.setter
    def discontinued(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def excluded_because(self) -> list[str]:
        """
        per case: empty when in, else why not
        """
    @excluded_because.setter
    def excluded_because(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def member(self) -> list[int]:
        """
        per case: 1 in the set
        """
    @member.setter
    def member(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def set(self) -> AnalysisSet:
        """
        the set
        """
    @set.setter
    def set(self, arg1: AnalysisSet | str) -> None:
        ...
    @property
    def size(self) -> int:
        """
        cases in the set
        """
    @size.setter
    def size(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class SynthShare:
    """
    One labelled share of a synthetic mix (adaptations, sites).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthShare:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthShare:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, id: str, weight: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def id(self) -> str:
        """
        adaptation id (a protocol of the registry) or site label
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def weight(self) -> float:
        """
        relative weight, >= 0
        """
    @weight.setter
    def weight(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SynthAreaShare:
    """
    One share of the synthetic problem-area mix.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthAreaShare:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthAreaShare:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, area: ProblemArea | str, weight: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def area(self) -> ProblemArea:
        """
        grief, role_dispute, role_transition, interpersonal_deficits
        """
    @area.setter
    def area(self, arg1: ProblemArea | str) -> None:
        ...
    @property
    def weight(self) -> float:
        """
        relative weight, >= 0
        """
    @weight.setter
    def weight(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SynthArm:
    """
    A synthetic trial arm.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthArm:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthArm:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, id: str, allocation: typing.SupportsFloat | typing.SupportsIndex = 1.0, adaptations: collections.abc.Sequence[SynthShare] = [], improvement_mean: typing.SupportsFloat | typing.SupportsIndex = 0.6, improvement_sd: typing.SupportsFloat | typing.SupportsIndex = 0.35, maintenance: bool = True, deterioration: typing.SupportsFloat | typing.SupportsIndex = 0.075) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def adaptations(self) -> list[SynthShare]:
        """
        adaptation mix within the arm
        """
    @adaptations.setter
    def adaptations(self, arg1: collections.abc.Sequence[SynthShare]) -> None:
        ...
    @property
    def allocation(self) -> float:
        """
        relative share of cases
        """
    @allocation.setter
    def allocation(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def deterioration(self) -> float:
        """
        share of cases drawn to worsen by 7-10 points on PHQ-9 items 1-8 (fewer reach reliable deterioration: see docs/synthetic.md)
        """
    @deterioration.setter
    def deterioration(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def id(self) -> str:
        """
        the case's `arm` label
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def improvement_mean(self) -> float:
        """
        mean proportional PHQ-9 reduction over a full course
        """
    @improvement_mean.setter
    def improvement_mean(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def improvement_sd(self) -> float:
        """
        between-patient SD of that proportion
        """
    @improvement_sd.setter
    def improvement_sd(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def maintenance(self) -> bool:
        """
        completers below PHQ-9 10 may be offered IPT-M
        """
    @maintenance.setter
    def maintenance(self, arg1: bool) -> None:
        ...
class SynthDeviations:
    """
    Protocol deviations injected into synthetic cases.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthDeviations:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthDeviations:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, missing_focus_areas: typing.SupportsFloat | typing.SupportsIndex = 0.03, long_gap: typing.SupportsFloat | typing.SupportsIndex = 0.03, unagreed_formulation: typing.SupportsFloat | typing.SupportsIndex = 0.02, missing_endpoint: typing.SupportsFloat | typing.SupportsIndex = 0.02) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def long_gap(self) -> float:
        """
        a 3-week break between attended acute sessions (C005)
        """
    @long_gap.setter
    def long_gap(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def missing_endpoint(self) -> float:
        """
        no measure at the last two acute sessions of a completed course (A006)
        """
    @missing_endpoint.setter
    def missing_endpoint(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def missing_focus_areas(self) -> float:
        """
        an attended middle session without `focus_areas` (P005)
        """
    @missing_focus_areas.setter
    def missing_focus_areas(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def unagreed_formulation(self) -> float:
        """
        formulation with `patient_agreed: false` (F004)
        """
    @unagreed_formulation.setter
    def unagreed_formulation(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class SynthTrial:
    """
    The randomised-trial record of a synthetic cohort.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthTrial:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthTrial:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, screen_failure_rate: typing.SupportsFloat | typing.SupportsIndex = 0.2, declined_share: typing.SupportsFloat | typing.SupportsIndex = 0.35, second_reason_share: typing.SupportsFloat | typing.SupportsIndex = 0.2, therapists_per_site: typing.SupportsInt | typing.SupportsIndex = 4, therapist_effect_sd: typing.SupportsFloat | typing.SupportsIndex = 0.05, colleague_session_share: typing.SupportsFloat | typing.SupportsIndex = 0.05, crossover_rate: typing.SupportsFloat | typing.SupportsIndex = 0.02, follow_up_days: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [90, 180, 365], missed_follow_up_rate: typing.SupportsFloat | typing.SupportsIndex = 0.15, adverse_event_rate: typing.SupportsFloat | typing.SupportsIndex = 0.06, serious_share: typing.SupportsFloat | typing.SupportsIndex = 0.15) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def adverse_event_rate(self) -> float:
        """
        cases with an adverse event
        """
    @adverse_event_rate.setter
    def adverse_event_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def colleague_session_share(self) -> float:
        """
        attended sessions taken by another therapist of the site
        """
    @colleague_session_share.setter
    def colleague_session_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def crossover_rate(self) -> float:
        """
        cases that received another arm than allocated (with a reason)
        """
    @crossover_rate.setter
    def crossover_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def declined_share(self) -> float:
        """
        of those: eligible but declined (the rest not eligible)
        """
    @declined_share.setter
    def declined_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def follow_up_days(self) -> list[int]:
        """
        follow-up visits after the last acute session
        """
    @follow_up_days.setter
    def follow_up_days(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def missed_follow_up_rate(self) -> float:
        """
        per visit: not attended
        """
    @missed_follow_up_rate.setter
    def missed_follow_up_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def screen_failure_rate(self) -> float:
        """
        records screened and never randomised
        """
    @screen_failure_rate.setter
    def screen_failure_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def second_reason_share(self) -> float:
        """
        not-eligible records with a second exclusion reason
        """
    @second_reason_share.setter
    def second_reason_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def serious_share(self) -> float:
        """
        of those events: serious (ICH E2A)
        """
    @serious_share.setter
    def serious_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def therapist_effect_sd(self) -> float:
        """
        SD of a therapist's shift of the proportional PHQ-9 improvement
        """
    @therapist_effect_sd.setter
    def therapist_effect_sd(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def therapists_per_site(self) -> int:
        """
        therapists per site (per cohort without sites)
        """
    @therapists_per_site.setter
    def therapists_per_site(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class SynthOptions:
    """
    Every knob of the synthetic cohort generator.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthOptions:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> SynthOptions:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, seed: typing.SupportsInt | typing.SupportsIndex = 1, cases: typing.SupportsInt | typing.SupportsIndex = 100, id_prefix: str = 'SYN-', arms: collections.abc.Sequence[SynthArm] = ..., sites: collections.abc.Sequence[SynthShare] = ..., problem_areas: collections.abc.Sequence[SynthAreaShare] = ..., second_focus_share: typing.SupportsFloat | typing.SupportsIndex = 0.2, start_from: datetime.date | str = ..., start_to: datetime.date | str = ..., dropout_rate: typing.SupportsFloat | typing.SupportsIndex = 0.2, cancellation_rate: typing.SupportsFloat | typing.SupportsIndex = 0.05, no_show_rate: typing.SupportsFloat | typing.SupportsIndex = 0.07, missing_assessment_rate: typing.SupportsFloat | typing.SupportsIndex = 0.05, gad7_share: typing.SupportsFloat | typing.SupportsIndex = 0.5, antidepressant_share: typing.SupportsFloat | typing.SupportsIndex = 0.3, renegotiation_share: typing.SupportsFloat | typing.SupportsIndex = 0.05, maintenance_share: typing.SupportsFloat | typing.SupportsIndex = 0.3, relapse_share: typing.SupportsFloat | typing.SupportsIndex = 0.26, risk_rate: typing.SupportsFloat | typing.SupportsIndex = 0.1, deviations: SynthDeviations = ..., trial: SynthTrial | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def antidepressant_share(self) -> float:
        """
        cases with a concurrent antidepressant
        """
    @antidepressant_share.setter
    def antidepressant_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def arms(self) -> list[SynthArm]:
        """
        trial arms
        """
    @arms.setter
    def arms(self, arg1: collections.abc.Sequence[SynthArm]) -> None:
        ...
    @property
    def cancellation_rate(self) -> float:
        """
        per middle-phase appointment: cancelled
        """
    @cancellation_rate.setter
    def cancellation_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def cases(self) -> int:
        """
        how many cases synthesize() makes
        """
    @cases.setter
    def cases(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def deviations(self) -> SynthDeviations:
        """
        protocol deviations
        """
    @deviations.setter
    def deviations(self, arg1: SynthDeviations) -> None:
        ...
    @property
    def dropout_rate(self) -> float:
        """
        courses that stop before the termination phase
        """
    @dropout_rate.setter
    def dropout_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def gad7_share(self) -> float:
        """
        cases that also complete GAD-7
        """
    @gad7_share.setter
    def gad7_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def id_prefix(self) -> str:
        """
        case ids are the prefix and a 1-based 6-digit number
        """
    @id_prefix.setter
    def id_prefix(self, arg1: str) -> None:
        ...
    @property
    def maintenance_share(self) -> float:
        """
        eligible completers (arm allows, PHQ-9 <= 9) given a maintenance plan
        """
    @maintenance_share.setter
    def maintenance_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def missing_assessment_rate(self) -> float:
        """
        per attended session: no measure recorded
        """
    @missing_assessment_rate.setter
    def missing_assessment_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def no_show_rate(self) -> float:
        """
        per middle-phase appointment: not attended
        """
    @no_show_rate.setter
    def no_show_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def problem_areas(self) -> list[SynthAreaShare]:
        """
        primary focus mix
        """
    @problem_areas.setter
    def problem_areas(self, arg1: collections.abc.Sequence[SynthAreaShare]) -> None:
        ...
    @property
    def relapse_share(self) -> float:
        """
        maintenance cases whose relapse rule fires within the 24 monthly sessions (M003)
        """
    @relapse_share.setter
    def relapse_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def renegotiation_share(self) -> float:
        """
        completed courses renegotiated to 2 more sessions, where the protocol allows
        """
    @renegotiation_share.setter
    def renegotiation_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def risk_rate(self) -> float:
        """
        cases with PHQ-9 item 9 above 0 (A007)
        """
    @risk_rate.setter
    def risk_rate(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def second_focus_share(self) -> float:
        """
        cases with a second focus (never with deficits)
        """
    @second_focus_share.setter
    def second_focus_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def seed(self) -> int:
        """
        the cohort's seed: same seed, same cohort
        """
    @seed.setter
    def seed(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def sites(self) -> list[SynthShare]:
        """
        sites (none: no `site`)
        """
    @sites.setter
    def sites(self, arg1: collections.abc.Sequence[SynthShare]) -> None:
        ...
    @property
    def start_from(self) -> datetime.date:
        """
        first start date
        """
    @start_from.setter
    def start_from(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def start_to(self) -> datetime.date:
        """
        last start date (weekends move to Monday); two years of maintenance after it end in 2026
        """
    @start_to.setter
    def start_to(self, arg1: datetime.date | str) -> None:
        ...
    @property
    def trial(self) -> SynthTrial | None:
        """
        the trial record; absent: cases have none
        """
    @trial.setter
    def trial(self, arg1: SynthTrial | None) -> None:
        ...
class DateHandling(iptkit._spelled.Spelled):
    """
    Dates shifted by one random offset per case, or kept.
    """
    keep = 'keep'
    shift = 'shift'
class DeidAction(iptkit._spelled.Spelled):
    """
    What de-identification did at one place.
    """
    capped_age = 'capped_age'
    removed_text = 'removed_text'
    replaced_case_id = 'replaced_case_id'
    replaced_group_id = 'replaced_group_id'
    replaced_label = 'replaced_label'
    replaced_relationship_id = 'replaced_relationship_id'
    replaced_text = 'replaced_text'
    replaced_therapist_id = 'replaced_therapist_id'
    rewrote_reference = 'rewrote_reference'
    shifted_date = 'shifted_date'
class DeidentifyOptions:
    """
    How to de-identify.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidentifyOptions:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidentifyOptions:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, dates: DateHandling | str, code_prefix: str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def code_prefix(self) -> str:
        """
        study codes are this prefix + 8 random characters
        """
    @code_prefix.setter
    def code_prefix(self, arg1: str) -> None:
        ...
    @property
    def dates(self) -> DateHandling:
        """
        shift or keep dates
        """
    @dates.setter
    def dates(self, arg1: DateHandling | str) -> None:
        ...
class DeidChange:
    """
    What de-identification did at one place (never the original value).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidChange:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidChange:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, path: str, action: DeidAction | str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def action(self) -> DeidAction:
        """
        what was done there
        """
    @action.setter
    def action(self, arg1: DeidAction | str) -> None:
        ...
    @property
    def path(self) -> str:
        """
        e.g. `/inventory/relationships/0/label`
        """
    @path.setter
    def path(self, arg1: str) -> None:
        ...
class DeidReport:
    """
    What was changed in one case: shareable.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidReport:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidReport:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, study_code: str, dates: DateHandling | str, changes: collections.abc.Sequence[DeidChange] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def changes(self) -> list[DeidChange]:
        """
        in document order
        """
    @changes.setter
    def changes(self, arg1: collections.abc.Sequence[DeidChange]) -> None:
        ...
    @property
    def dates(self) -> DateHandling:
        """
        whether dates were shifted
        """
    @dates.setter
    def dates(self, arg1: DateHandling | str) -> None:
        ...
    @property
    def study_code(self) -> str:
        """
        the case's new case_id
        """
    @study_code.setter
    def study_code(self, arg1: str) -> None:
        ...
class DeidPseudonym:
    """
    A therapist or group id of a case and the study code that replaced it (secret).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidPseudonym:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidPseudonym:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, field: str, code: str, original: str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def code(self) -> str:
        """
        the code in the output
        """
    @code.setter
    def code(self, arg1: str) -> None:
        ...
    @property
    def field(self) -> str:
        """
        `therapist_id` or `group_id`
        """
    @field.setter
    def field(self, arg1: str) -> None:
        ...
    @property
    def original(self) -> str:
        """
        the original id
        """
    @original.setter
    def original(self, arg1: str) -> None:
        ...
class DeidMapping:
    """
    Study code -> case id and date offset: the secret re-identification key.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidMapping:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> DeidMapping:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, study_code: str, case_id: str, date_shift_days: typing.SupportsInt | typing.SupportsIndex, pseudonyms: collections.abc.Sequence[DeidPseudonym] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def case_id(self) -> str:
        """
        the original case_id
        """
    @case_id.setter
    def case_id(self, arg1: str) -> None:
        ...
    @property
    def date_shift_days(self) -> int:
        """
        days added to every date (0 with date_handling::keep)
        """
    @date_shift_days.setter
    def date_shift_days(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pseudonyms(self) -> list[DeidPseudonym]:
        """
        the case's therapist and group ids, each once
        """
    @pseudonyms.setter
    def pseudonyms(self, arg1: collections.abc.Sequence[DeidPseudonym]) -> None:
        ...
    @property
    def study_code(self) -> str:
        """
        the code in the output
        """
    @study_code.setter
    def study_code(self, arg1: str) -> None:
        ...
class Deidentified:
    """
    A de-identified case with its report and mapping.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Deidentified:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Deidentified:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, value: Case, mapping: DeidMapping, report: DeidReport) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def mapping(self) -> DeidMapping:
        """
        secret: original id and date offset
        """
    @mapping.setter
    def mapping(self, arg1: DeidMapping) -> None:
        ...
    @property
    def report(self) -> DeidReport:
        """
        shareable: what changed, where
        """
    @report.setter
    def report(self, arg1: DeidReport) -> None:
        ...
    @property
    def value(self) -> Case:
        """
        the shareable case (a valid `iptkit.case/1` document)
        """
    @value.setter
    def value(self, arg1: Case) -> None:
        ...
class ImportErrorKind(iptkit._spelled.Spelled):
    """
    The kinds of import problem.
    """
    duplicate_row = 'duplicate_row'
    incomplete = 'incomplete'
    inconsistent = 'inconsistent'
    invalid = 'invalid'
    mapping = 'mapping'
    missing_column = 'missing_column'
    not_mapped = 'not_mapped'
    syntax = 'syntax'
    unknown_code = 'unknown_code'
    unknown_column = 'unknown_column'
    unmatched_row = 'unmatched_row'
class ImportIssue:
    """
    One problem of an import, or one unused column, with its table, line, row and column.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ImportIssue:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ImportIssue:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, source: str, line: typing.SupportsInt | typing.SupportsIndex | None = None, row: typing.SupportsInt | typing.SupportsIndex | None = None, field: str, case_id: str, path: str, kind: ImportErrorKind | str, read_kind: ErrorKind | str | None = None, message: str, record: str, event: str, instance: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def __str__(self) -> str:
        """
        One line, as the command line writes it: `source:line: record R, ...: field: case ID: message`.
        """
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def case_id(self) -> str:
        """
        the case the row belongs to, when it has one
        """
    @case_id.setter
    def case_id(self, arg1: str) -> None:
        ...
    @property
    def event(self) -> str:
        """
        the REDCap event (`redcap_event_name`), when there is one
        """
    @event.setter
    def event(self, arg1: str) -> None:
        ...
    @property
    def field(self) -> str:
        """
        the column; "" for a whole row or file
        """
    @field.setter
    def field(self, arg1: str) -> None:
        ...
    @property
    def instance(self) -> int | None:
        """
        the REDCap repeat instance, when the row has one
        """
    @instance.setter
    def instance(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def kind(self) -> ImportErrorKind:
        """
        what went wrong
        """
    @kind.setter
    def kind(self, arg1: ImportErrorKind | str) -> None:
        ...
    @property
    def line(self) -> int | None:
        """
        1-based line of the row in the source; none for a whole file
        """
    @line.setter
    def line(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def message(self) -> str:
        """
        what was expected and what was found
        """
    @message.setter
    def message(self, arg1: str) -> None:
        ...
    @property
    def path(self) -> str:
        """
        JSON Pointer of the case field the value makes, or (kind `mapping`) of the entry in the mapping file
        """
    @path.setter
    def path(self, arg1: str) -> None:
        ...
    @property
    def read_kind(self) -> ErrorKind | None:
        """
        for `invalid`: the case reader's kind
        """
    @read_kind.setter
    def read_kind(self, arg1: ErrorKind | str | None) -> None:
        ...
    @property
    def record(self) -> str:
        """
        the source's own record id (REDCap `record_id`), when it has one
        """
    @record.setter
    def record(self, arg1: str) -> None:
        ...
    @property
    def row(self) -> int | None:
        """
        1-based data row (the header not counted; a DataFrame's position + 1)
        """
    @row.setter
    def row(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def source(self) -> str:
        """
        the input's name (`sessions.csv`)
        """
    @source.setter
    def source(self, arg1: str) -> None:
        ...
class ImportResult:
    """
    The cases an import made, its errors and the columns it did not use.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ImportResult:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ImportResult:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, cases: collections.abc.Sequence[Case] = [], errors: collections.abc.Sequence[ImportIssue] = [], unused: collections.abc.Sequence[ImportIssue] = [], rows_read: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def cases(self) -> list[Case]:
        """
        the cases without errors, in the order of the cases table
        """
    @cases.setter
    def cases(self, arg1: collections.abc.Sequence[Case]) -> None:
        ...
    @property
    def errors(self) -> list[ImportIssue]:
        """
        every problem; a case with any is not in `cases`
        """
    @errors.setter
    def errors(self, arg1: collections.abc.Sequence[ImportIssue]) -> None:
        ...
    @property
    def ok(self) -> bool:
        """
        True when nothing went wrong.
        """
    @property
    def rows_read(self) -> int:
        """
        data rows read, all tables
        """
    @rows_read.setter
    def rows_read(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unused(self) -> list[ImportIssue]:
        """
        columns that were read by nobody (only with keep_unknown_columns)
        """
    @unused.setter
    def unused(self, arg1: collections.abc.Sequence[ImportIssue]) -> None:
        ...
class FhirAttach(iptkit._spelled.Spelled):
    """
    Where a FHIR import puts its assessments.
    """
    assessments_only = 'assessments_only'
    to_cases = 'to_cases'
class AssessmentRecord:
    """
    One imported QuestionnaireResponse: the assessment, its subject and where it came from.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AssessmentRecord:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> AssessmentRecord:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, case_id: str, value: Assessment, source: str, line: typing.SupportsInt | typing.SupportsIndex | None = None, row: typing.SupportsInt | typing.SupportsIndex, resource_id: str, path: str) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def case_id(self) -> str:
        """
        the response's subject (the case it belongs to)
        """
    @case_id.setter
    def case_id(self, arg1: str) -> None:
        ...
    @property
    def line(self) -> int | None:
        """
        the NDJSON line; none for a document
        """
    @line.setter
    def line(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def path(self) -> str:
        """
        JSON Pointer of the assessment in its case (to_cases); "" otherwise
        """
    @path.setter
    def path(self, arg1: str) -> None:
        ...
    @property
    def resource_id(self) -> str:
        """
        the QuestionnaireResponse's `id`, when it is a valid FHIR id
        """
    @resource_id.setter
    def resource_id(self, arg1: str) -> None:
        ...
    @property
    def row(self) -> int:
        """
        1-based number of the resource in its input
        """
    @row.setter
    def row(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def source(self) -> str:
        """
        the input's name
        """
    @source.setter
    def source(self, arg1: str) -> None:
        ...
    @property
    def value(self) -> Assessment:
        """
        instrument, date (`authored`), items and the stated total
        """
    @value.setter
    def value(self, arg1: Assessment) -> None:
        ...
class FhirImportResult:
    """
    What a FHIR import made (assessments, and with cases the updated cases) and found.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> FhirImportResult:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> FhirImportResult:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, cases: collections.abc.Sequence[Case] = [], assessments: collections.abc.Sequence[AssessmentRecord] = [], errors: collections.abc.Sequence[ImportIssue] = [], unused: collections.abc.Sequence[ImportIssue] = [], resources_read: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def assessments(self) -> list[AssessmentRecord]:
        """
        Every imported response, in input order (to_cases: those attached to a case in `cases`).
        """
    @assessments.setter
    def assessments(self, arg1: collections.abc.Sequence[AssessmentRecord]) -> None:
        ...
    @property
    def cases(self) -> list[Case]:
        """
        fhir_attach::to_cases: every given case that reads without errors once its responses are appended, in the given order (those without responses unchanged); empty otherwise.
        """
    @cases.setter
    def cases(self, arg1: collections.abc.Sequence[Case]) -> None:
        ...
    @property
    def errors(self) -> list[ImportIssue]:
        """
        every problem; a response with any is not imported
        """
    @errors.setter
    def errors(self, arg1: collections.abc.Sequence[ImportIssue]) -> None:
        ...
    @property
    def ok(self) -> bool:
        """
        True when nothing went wrong.
        """
    @property
    def resources_read(self) -> int:
        """
        resources looked at, imported or not (a Bundle counts as its entries)
        """
    @resources_read.setter
    def resources_read(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unused(self) -> list[ImportIssue]:
        """
        resources, items and responses read but not imported
        """
    @unused.setter
    def unused(self, arg1: collections.abc.Sequence[ImportIssue]) -> None:
        ...
class CohortColumns:
    """
    The outcome form of a cohort (cases, sessions and assessments as flat arrays).
    """
    def __init__(self) -> None:
        """
        An empty cohort.
        """
    def __len__(self) -> int:
        """
        The number of cases.
        """
    @property
    def assessments(self) -> int:
        """
        The number of assessments.
        """
    @property
    def instruments(self) -> list[str]:
        """
        Instrument ids, in order of first appearance.
        """
class ConsortBox:
    """
    One box of the CONSORT diagram: how many, and their case ids.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortBox:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortBox:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, n: typing.SupportsInt | typing.SupportsIndex, case_ids: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def case_ids(self) -> list[str]:
        """
        their case ids, in input order
        """
    @case_ids.setter
    def case_ids(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def n(self) -> int:
        """
        patients in the box
        """
    @n.setter
    def n(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class ConsortReason:
    """
    The patients who gave one reason (a patient may give several).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortReason:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortReason:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, reason: str, patients: ConsortBox) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def patients(self) -> ConsortBox:
        """
        who gave it
        """
    @patients.setter
    def patients(self, arg1: ConsortBox) -> None:
        ...
    @property
    def reason(self) -> str:
        """
        the reason as recorded (an exclusion label, or a discontinuation reason)
        """
    @reason.setter
    def reason(self, arg1: str) -> None:
        ...
class ConsortArm:
    """
    The allocation, follow-up and analysis boxes of one allocated arm.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortArm:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortArm:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, arm: str, allocated: ConsortBox, received_allocated: ConsortBox, did_not_receive: ConsortBox, lost_to_follow_up: ConsortBox, discontinued: ConsortBox, discontinued_reasons: collections.abc.Sequence[ConsortReason] = [], analysed: ConsortBox, excluded_from_analysis: ConsortBox, excluded_reasons: collections.abc.Sequence[ConsortReason] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def allocated(self) -> ConsortBox:
        """
        randomised to this arm
        """
    @allocated.setter
    def allocated(self, arg1: ConsortBox) -> None:
        ...
    @property
    def analysed(self) -> ConsortBox:
        """
        in the analysis set (intention to treat: every allocated case)
        """
    @analysed.setter
    def analysed(self, arg1: ConsortBox) -> None:
        ...
    @property
    def arm(self) -> str:
        """
        the allocated arm
        """
    @arm.setter
    def arm(self, arg1: str) -> None:
        ...
    @property
    def did_not_receive(self) -> ConsortBox:
        """
        allocated, but no attended session of that arm
        """
    @did_not_receive.setter
    def did_not_receive(self, arg1: ConsortBox) -> None:
        ...
    @property
    def discontinued(self) -> ConsortBox:
        """
        discontinued for another reason
        """
    @discontinued.setter
    def discontinued(self, arg1: ConsortBox) -> None:
        ...
    @property
    def discontinued_reasons(self) -> list[ConsortReason]:
        """
        discontinued (lost to follow-up included), by reason
        """
    @discontinued_reasons.setter
    def discontinued_reasons(self, arg1: collections.abc.Sequence[ConsortReason]) -> None:
        ...
    @property
    def excluded_from_analysis(self) -> ConsortBox:
        """
        allocated but not in the analysis set
        """
    @excluded_from_analysis.setter
    def excluded_from_analysis(self, arg1: ConsortBox) -> None:
        ...
    @property
    def excluded_reasons(self) -> list[ConsortReason]:
        """
        why, per reason (select_analysis_set()'s reasons)
        """
    @excluded_reasons.setter
    def excluded_reasons(self, arg1: collections.abc.Sequence[ConsortReason]) -> None:
        ...
    @property
    def lost_to_follow_up(self) -> ConsortBox:
        """
        discontinued as `lost_to_follow_up`
        """
    @lost_to_follow_up.setter
    def lost_to_follow_up(self, arg1: ConsortBox) -> None:
        ...
    @property
    def received_allocated(self) -> ConsortBox:
        """
        at least one attended session, in the allocated arm
        """
    @received_allocated.setter
    def received_allocated(self, arg1: ConsortBox) -> None:
        ...
class ConsortFlow:
    """
    The CONSORT 2010 flow of a trial: enrolment, then one ConsortArm per allocated arm.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(data: typing.Any, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortFlow:
        """
        Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.
        """
    @staticmethod
    def from_json(text: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ConsortFlow:
        """
        Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.
        """
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[typing.Any, ...]:
        ...
    def __init__(self, *, analysis_set: str, assessed: ConsortBox, excluded: ConsortBox, not_eligible: ConsortBox, declined: ConsortBox, exclusion_reasons: collections.abc.Sequence[ConsortReason] = [], exclusion_reasons_given: typing.SupportsInt | typing.SupportsIndex, randomised: ConsortBox, arms: collections.abc.Sequence[ConsortArm] = [], notes: collections.abc.Sequence[str] = []) -> None:
        ...
    def __reduce_ex__(self, protocol: typing.Any) -> tuple[typing.Any, ...]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def to_dict(self) -> typing.Any:
        """
        The JSON document as plain Python values (dates as ISO strings, enums as spellings).
        """
    def to_json(self, *, pretty: bool = True) -> str:
        """
        The canonical JSON text (pretty: two-space indent and a final newline; else one line).
        """
    @property
    def analysis_set(self) -> str:
        """
        the set `analysed` counts
        """
    @analysis_set.setter
    def analysis_set(self, arg1: str) -> None:
        ...
    @property
    def arms(self) -> list[ConsortArm]:
        """
        per allocated arm
        """
    @arms.setter
    def arms(self, arg1: collections.abc.Sequence[ConsortArm]) -> None:
        ...
    @property
    def assessed(self) -> ConsortBox:
        """
        screened: records with `trial.eligible`
        """
    @assessed.setter
    def assessed(self, arg1: ConsortBox) -> None:
        ...
    @property
    def declined(self) -> ConsortBox:
        """
        of those: `eligible` true (eligible, not randomised)
        """
    @declined.setter
    def declined(self, arg1: ConsortBox) -> None:
        ...
    @property
    def excluded(self) -> ConsortBox:
        """
        assessed and not randomised
        """
    @excluded.setter
    def excluded(self, arg1: ConsortBox) -> None:
        ...
    @property
    def exclusion_reasons(self) -> list[ConsortReason]:
        """
        patients per exclusion reason
        """
    @exclusion_reasons.setter
    def exclusion_reasons(self, arg1: collections.abc.Sequence[ConsortReason]) -> None:
        ...
    @property
    def exclusion_reasons_given(self) -> int:
        """
        reasons in all (a patient may give several)
        """
    @exclusion_reasons_given.setter
    def exclusion_reasons_given(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def not_eligible(self) -> ConsortBox:
        """
        of those: `eligible` false
        """
    @not_eligible.setter
    def not_eligible(self, arg1: ConsortBox) -> None:
        ...
    @property
    def notes(self) -> list[str]:
        """
        what the counts leave out or assume, one sentence each
        """
    @notes.setter
    def notes(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def randomised(self) -> ConsortBox:
        """
        `trial.randomised_on` present
        """
    @randomised.setter
    def randomised(self, arg1: ConsortBox) -> None:
        ...
def analysis_population(cases: collections.abc.Iterable[Case], analysis_set: AnalysisSet | str, *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1) -> AnalysisPopulation:
    """
    The cases of an analysis set (per_protocol validates the cases for major deviations).
    """
def case_json_schema(catalog: Catalog | None = None) -> str:
    """
    The JSON Schema (draft 2020-12) of the case document, as JSON text.
    """
def case_trajectory_svg(case: Case, instrument: str = 'phq9', *, catalog: Catalog | None = None, width: typing.SupportsInt | typing.SupportsIndex = 640, height: typing.SupportsInt | typing.SupportsIndex = 360, id: str = '', title: str = '') -> str:
    """
    One case's totals of an instrument by week, with cut-offs and bands, as an SVG element.
    """
def cases_from_pickle(blob: typing_extensions.Buffer, adaptations: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, str]]) -> list[Case]:
    """
    The cases of a cases_pickle() state.
    """
def cases_json(cases: collections.abc.Iterable[Case], *, lines: bool, catalog: Catalog | None = None) -> bytes:
    """
    The cases as JSON Lines (lines) or a JSON array with one compact case per line, UTF-8 bytes; raises DecodeError listing every case that is not well formed (paths /<index>/...).
    """
def cases_pickle(cases: list[typing.Any]) -> typing.Any:
    """
    The pickle state of a list of cases: (one compact case per line as a bytearray, [(position, adaptation)] for cases whose adaptation the built-in catalog lacks), or None when an item is not a Case or a case is not well formed.
    """
def check(case: Case, *, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> list[ReadError]:
    """
    The structural errors of a case built in code: exactly the ReadErrors that reading its JSON would give (empty when it is well formed). Writers refuse a case that has any.
    """
def closeness_circle_svg(inventory: Inventory, *, width: typing.SupportsInt | typing.SupportsIndex = 480, height: typing.SupportsInt | typing.SupportsIndex = 480, id: str = '', title: str = '') -> str:
    """
    The closeness circle of an interpersonal inventory, as an SVG element.
    """
def cohort_columns_from_tables(case_id: tuple[str, typing.Any], start_date: tuple[typing.Annotated[numpy.typing.ArrayLike, numpy.int64], typing.SupportsInt | typing.SupportsIndex], relapse: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, str, typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], session_case: tuple[str, typing.Any], session_date: tuple[typing.Annotated[numpy.typing.ArrayLike, numpy.int64], typing.SupportsInt | typing.SupportsIndex], phase: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8], attendance: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8], assessment_case: tuple[str, typing.Any], instrument: tuple[str, typing.Any], assessment_date: tuple[typing.Annotated[numpy.typing.ArrayLike, numpy.int64], typing.SupportsInt | typing.SupportsIndex], total: typing.Annotated[numpy.typing.ArrayLike, numpy.int32], *, catalog: Catalog | None = None, max_errors: typing.SupportsInt | typing.SupportsIndex = 100) -> tuple[typing.Any, ...]:
    """
    The outcome columns of long tables given as arrays (see iptkit/_cohort.py); returns (CohortColumns, []) or (None, [ImportIssue]).
    """
def cohort_outcome_columns(cohort: CohortColumns, *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4) -> dict[str, tuple[typing.Any, ...]]:
    """
    The outcome columns of a cohort, without case_id (see iptkit/_cohort.py).
    """
def cohort_shape(name: str, head: bytes) -> str:
    """
    The layout of a cohort input ('single', 'array' or 'lines') from its file name and its first bytes (enough to hold the first non-blank line and the start of the next).
    """
def cohort_summarize(cohort: CohortColumns, labels: collections.abc.Sequence[str], *, by: GroupBy | str = ..., catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4) -> CohortSummary:
    """
    The cohort statistics of a cohort's outcomes, each case in the group of its label.
    """
def consort(cases: collections.abc.Iterable[Case], *, analysis_set: AnalysisSet | str = ..., catalog: Catalog | None = None, threads: typing.SupportsIndex = 1) -> ConsortFlow:
    """
    The CONSORT flow of the cases, analysed by intention to treat or per protocol.
    """
def consort_svg(flow: ConsortFlow, *, width: typing.SupportsInt | typing.SupportsIndex = 640, id: str = '', title: str = '') -> str:
    """
    The CONSORT 2010 flow diagram of a flow, as an SVG element (widened when its arms need it).
    """
def deidentify(cases: collections.abc.Iterable[Case], *, options: DeidentifyOptions = ..., seed: typing.SupportsInt | typing.SupportsIndex | None = None) -> list[Deidentified]:
    """
    De-identifies each case (docs/privacy.md). `seed` makes codes and offsets reproducible and is for tests only: whoever knows it can recompute every date offset.
    """
def escape_xml(text: str) -> str:
    """
    Text escaped for XML and HTML.
    """
def fhir_bundle(case: Case, *, pretty: bool = True, catalog: Catalog | None = None) -> str:
    """
    The case's FHIR R4 Bundle as JSON text (the CLI's `convert --to fhir`).
    """
def html_report(cases: collections.abc.Iterable[Case], findings: collections.abc.Sequence[collections.abc.Sequence[Finding]] = [], *, title: str = 'IPT cohort report', by: GroupBy | str = ..., catalog: Catalog | None = None, generated_by: str = 'iptkit (Python)', analysis_set: AnalysisSet | str = ..., missing: MissingOutcome | str | None = None) -> str:
    """
    A self-contained HTML report of a cohort (the CLI's `report`), its summary, trajectories and relapse curves in an analysis set (missing: itt only).
    """
def import_fhir_text(inputs: collections.abc.Sequence[tuple[str, bytes]], *, cases: collections.abc.Iterable[Case] | None = None, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> FhirImportResult:
    """
    Assessments from FHIR QuestionnaireResponses given as (name, bytes) pairs (a resource, a Bundle or NDJSON each); with `cases`, attached to the case each subject names.
    """
def import_redcap_columns(records: tuple[str, bytes], dictionary: tuple[str, bytes], mapping: tuple[str, bytes], *, records_from_frame: bool = False, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> tuple[dict[str, dict[str, tuple[typing.Any, ...]]], list[ImportIssue], list[ImportIssue]]:
    """
    As import_redcap_text, but the cases come back as their complete tidy tables' numpy columns (no Python object per case): (tables, errors, unused).
    """
def import_redcap_text(records: tuple[str, bytes], dictionary: tuple[str, bytes], mapping: tuple[str, bytes], *, records_from_frame: bool = False, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> ImportResult:
    """
    Cases from a REDCap project given as (name, bytes) pairs: the records (CSV raw codes, or the API's flat JSON records), the data dictionary (CSV) and the mapping (JSON).
    """
def import_tables_findings(tables: collections.abc.Sequence[tuple[str, bytes, bool]], *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, redact: bool = False) -> tuple[list[ImportIssue], list[list[Finding]], list[str]]:
    """
    The protocol findings of the cases the tables make, built and validated in C++ (no Python object per case): (import errors, findings per case, case ids); with errors, no findings.
    """
def import_tables_text(tables: collections.abc.Sequence[tuple[str, bytes, bool]], *, keep_unknown_columns: bool = False, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None, raw_cells: bool = False) -> ImportResult:
    """
    Cases from the tidy tables given as (name, CSV bytes, from a DataFrame) triples; each name starts with its table's (cases, sessions, assessments, relationships). Issues of a table rendered from a DataFrame carry its row, not a line. Without `raw_cells`, the leading ' of a spreadsheet-safe cell is removed (a DataFrame's text is rendered spreadsheet-safe for that).
    """
def instruments_json_schema() -> str:
    """
    The JSON Schema of an instruments file.
    """
def outcome_columns(cases: collections.abc.Iterable[Case], *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4, first_index: typing.SupportsInt | typing.SupportsIndex = 0) -> dict[str, tuple[typing.Any, ...]]:
    """
    The outcome rows of the cases as numpy columns (see iptkit._frames).
    """
def outcomes(cases: collections.abc.Iterable[Case], *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4) -> list[CaseOutcome]:
    """
    The outcome rows of the cases, as CaseOutcome objects.
    """
def plan(adaptation: str, start: datetime.date | str, *, planned_sessions: typing.SupportsInt | typing.SupportsIndex | None = None, frequency: SessionFrequency | str | None = None, skip: collections.abc.Sequence[datetime.date | str] = [], focus: collections.abc.Sequence[ProblemArea | str] = [], catalog: Catalog | None = None) -> list[PlannedSession]:
    """
    The dated session schedule of an adaptation from `start`, with the tasks due in each phase. Raises DecodeError naming each argument that cannot be planned (/adaptation, /planned_sessions, ...).
    """
def progress(case: Case, as_of: datetime.date | str, *, catalog: Catalog | None = None) -> CourseProgress:
    """
    Where the course stands on `as_of`: phase, sessions, what is due and overdue, latest measures. Raises DecodeError for a case that is not well formed or names an instrument the catalog lacks.
    """
def protocols_json_schema() -> str:
    """
    The JSON Schema of a protocols file.
    """
def read_case_file(path: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Case:
    """
    Reads one case document from a file, reading at most max_document_bytes + 1 bytes of it.
    """
def read_case_text(text: str | bytes, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> Case:
    """
    Reads one case document from JSON text (str, or bytes read as they are: UTF-8 is checked); raises DecodeError with every structural error.
    """
def read_cohort_file(path: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> tuple[list[Case], list[tuple[int, int | None, list[ReadError], str | None, str]]]:
    """
    Reads a cohort file with the library's cohort reader (JSON Lines streamed; an array or a document within max_cohort_bytes). Returns (cases, errors) as read_cohort_text does.
    """
def read_cohort_tables(path: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> tuple[dict[str, dict[str, tuple[typing.Any, ...]]], list[typing.Any]]:
    """
    Reads a cohort file straight into its complete tidy tables' numpy columns (no case is kept). Returns (tables, errors), errors as read_cohort_file gives them.
    """
def read_cohort_text(data: bytes, name: str, *, lax: bool = False, catalog: Catalog | None = None, redact: bool = False, limits: ReadLimits | None = None) -> tuple[list[Case], list[tuple[int, int | None, list[ReadError], str | None, str]]]:
    """
    Reads a cohort held in memory (one document, a JSON array or JSON Lines; `name` is its file name, whose extension decides the shape first). Returns (cases, errors): each error is (index, line, [ReadError], case_id or None, source).
    """
def relapse_times(cases: collections.abc.Iterable[Case], *, by: GroupBy | str = ..., labels: collections.abc.Sequence[str] | None = None, analysis_set: AnalysisSet | str = ..., catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4) -> dict[str, tuple[typing.Any, ...]]:
    """
    The cases at risk of relapse or recurrence in maintenance: time, event, kind and group (iptkit.relapse_survival).
    """
def spreadsheet_safe(text: str) -> str:
    """
    A text as a spreadsheet-safe CSV cell: a leading ' when it begins with = + - @ tab or CR, or with ' followed by one of those or '; otherwise unchanged.
    """
def spreadsheet_value(cell: str) -> str:
    """
    The value of a spreadsheet-safe CSV cell: the inverse of spreadsheet_safe().
    """
def stats_ancova(endpoint: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arm: collections.abc.Sequence[str], baseline: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], stratum: collections.abc.Sequence[str], reference: str | None) -> dict[str, tuple[typing.Any, ...]]:
    """
    The ancova_fit as a dict; iptkit.stats.ancova is the public front.
    """
def stats_cox(time: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], event: typing.Annotated[numpy.typing.ArrayLike, numpy.int32], x: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], names: collections.abc.Sequence[str], ties: str) -> dict[str, tuple[typing.Any, ...]]:
    """
    The cox_fit as a dict (x: n x p, C order); iptkit.stats.cox is the public front.
    """
def stats_icc(values: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], cluster: collections.abc.Sequence[str], arm: collections.abc.Sequence[str], reference: str | None) -> dict[str, tuple[typing.Any, ...]]:
    """
    The icc_fit as a dict; iptkit.stats.icc is the public front.
    """
def stats_kaplan_meier(time: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], event: typing.Annotated[numpy.typing.ArrayLike, numpy.int32], group: collections.abc.Sequence[str]) -> dict[str, tuple[typing.Any, ...]]:
    """
    The kaplan_meier_fit as a dict (table and medians as columns); iptkit.stats.kaplan_meier is the public front.
    """
def stats_logrank(time: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], event: typing.Annotated[numpy.typing.ArrayLike, numpy.int32], group: collections.abc.Sequence[str]) -> dict[str, tuple[typing.Any, ...]]:
    """
    The logrank_test as a dict; iptkit.stats.logrank is the public front.
    """
def summarize(cases: collections.abc.Iterable[Case], *, by: GroupBy | str = ..., labels: collections.abc.Sequence[str] | None = None, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, recovery_period_months: typing.SupportsInt | typing.SupportsIndex = 4, analysis_set: AnalysisSet | str = ..., missing: MissingOutcome | str = ...) -> CohortSummary:
    """
    The cohort statistics of the cases' outcomes in an analysis set, grouped by `by` (the allocated arm under itt and per_protocol), or by `labels` (one per case) when given.
    """
def summary_columns(summary: CohortSummary) -> dict[str, tuple[typing.Any, ...]]:
    """
    The groups of a summary as numpy columns (nested statistics flattened as parent_child).
    """
def synthesize(options: SynthOptions = ..., *, catalog: Catalog | None = None) -> list[Case]:
    """
    A deterministic synthetic cohort (docs/synthetic.md); raises ValueError for bad options.
    """
def tidy_columns(cases: collections.abc.Iterable[Case], *, dates: bool = True, catalog: Catalog | None = None, first_index: typing.SupportsInt | typing.SupportsIndex = 0, complete: bool = False) -> dict[str, dict[str, tuple[typing.Any, ...]]]:
    """
    The five tidy tables (cases, sessions, assessments, relationships, outcomes) as numpy columns; without `dates` the calendar dates are left out (the `day` columns remain).
    """
def tidy_csv(cases: collections.abc.Iterable[Case], table: str, *, dates: bool = True, catalog: Catalog | None = None, complete: bool = False, raw_cells: bool = False) -> str:
    """
    One tidy table as CSV text (RFC 4180), as the command line writes it: text cells spreadsheet-safe unless `raw_cells`.
    """
def validate(case: Case, *, catalog: Catalog | None = None, redact: bool = False) -> list[Finding]:
    """
    Every finding for one case, in document order (redact: each message is its rule's title).
    """
def validate_cohort(cases: collections.abc.Iterable[Case], *, catalog: Catalog | None = None, threads: typing.SupportsIndex = 1, redact: bool = False) -> list[list[Finding]]:
    """
    The findings of each case (a list per case). With threads > 1 the cases are split across threads; the result is the same as with one.
    """
def wilson(k: typing.SupportsInt | typing.SupportsIndex, n: typing.SupportsInt | typing.SupportsIndex) -> Proportion:
    """
    The Wilson 95% interval of k of n.
    """
__version__: str = '0.1.0'
formula_triggers: str = '=+-@\t\r'
