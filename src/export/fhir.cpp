#include <iptkit/export/fhir.hpp>

#include <iptkit/export/svg.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/detail/pretty.hpp>
#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/rules/rule.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace iptkit {

namespace bj = boost::json;

namespace fhir_detail {

std::string name_uuid(std::string_view name) {
  // A fixed namespace of our own (itself name-based, from the URL namespace) keeps the UUIDs
  // apart from any other tool's version-5 UUIDs of the same names.
  static const boost::uuids::uuid ns =
      boost::uuids::name_generator_sha1(boost::uuids::ns::url())("urn:iptkit:fhir");
  return boost::uuids::to_string(boost::uuids::name_generator_sha1(ns)(name.data(), name.size()));
}

std::string resource_id(std::string_view case_id, std::string_view suffix) {
  constexpr std::size_t max_token = 40;  // leaves 24 of FHIR's 64 for "-relatedperson-123456789"
  constexpr std::size_t cut = 31;        // 31 + "-" + 8 hex digits = 40
  const auto allowed = [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
           ch == '.';
  };
  std::string token;
  bool changed = false;
  for (const char ch : case_id) {
    changed |= !allowed(ch);
    token += allowed(ch) ? ch : '-';
  }
  if (changed || token.empty() || token.size() > max_token) {
    // Replacing characters or cutting could make two case ids meet; the hash keeps them apart.
    token.resize(std::min(token.size(), cut));
    while (!token.empty() && (token.back() == '-' || token.back() == '.')) token.pop_back();
    if (!token.empty()) token += '-';
    token += name_uuid(case_id).substr(0, 8);
  }
  if (!suffix.empty()) {
    token += '-';
    token += suffix;
  }
  return token;
}

}  // namespace fhir_detail

namespace {

constexpr std::string_view role_code = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
constexpr std::string_view act_code = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
constexpr std::string_view observation_category = "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr std::string_view data_absent_reason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
constexpr std::string_view icd10 = "http://hl7.org/fhir/sid/icd-10";
constexpr std::string_view icd11 = "http://id.who.int/icd/release/11/mms";
constexpr std::string_view snomed = "http://snomed.info/sct";
constexpr std::string_view loinc = "http://loinc.org";
constexpr std::string_view participation_type = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
constexpr std::string_view ae_seriousness = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
constexpr std::string_view ae_causality = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess";

// How a relation to the treatment is written (R4 AdverseEventCausalityAssessment, the WHO-UMC
// categories). "not" has no category of its own: Unlikely is the weakest relation the system
// names, and the text keeps the case's word.
struct causality_words {
  relatedness related;
  std::string_view code, display, text;
};

constexpr std::array<causality_words, 3> causalities{{
    {relatedness::probably, "Probably-Likely", "Probably/Likely", "probably related"},
    {relatedness::possibly, "Possible", "Possible", "possibly related"},
    {relatedness::not_, "Unlikely", "Unlikely", "not related"},
}};

const causality_words& causality_of(relatedness r) noexcept {
  for (const auto& w : causalities)
    if (w.related == r) return w;
  return causalities.back();  // a value outside the enum reads as "not"
}

// R4 ResearchSubjectStatus of a trial record, as the CONSORT flow reads the record (consort.cpp):
// randomised is `randomised_on`; before it, `eligible` false is excluded, true is declined.
// `withdrawn` is R4's "withdrawn ... before registration"; after randomisation every
// discontinuation (consent withdrawn too) is R4's `off-study`.
std::string_view research_subject_status(const case_record& c) noexcept {
  const auto& t = *c.trial;
  if (t.randomised_on) return c.discontinuation ? "off-study" : "on-study";
  if (!t.eligible) return "candidate";
  return *t.eligible ? "withdrawn" : "ineligible";
}

// How a relationship kind is written. HL7 v3 RoleCode (PersonalRelationshipRoleType) has no
// concept for a former partner (FMRSPS is a dissolved *marriage*, which the case does not say),
// a colleague, a community member or a professional; those are text only rather than a code
// that claims more than the case knows.
//
//   kind            RoleCode   display
//   partner         SIGOTHR    significant other
//   former_partner  -          (text "former partner")
//   parent          PRN        parent
//   child           CHILD      child
//   sibling         SIB        sibling
//   grandparent     GRPRN      grandparent
//   other_family    FAMMEMB    family member
//   friend          FRND       unrelated friend
//   colleague       -          (text "colleague")
//   community       -          (text "community member")
//   professional    -          (text "professional")
//   other           -          (text "other")
struct kind_words {
  relationship_kind kind;
  std::string_view code;     // RoleCode, or empty
  std::string_view display;  // the code's display
  std::string_view text;     // CodeableConcept.text
  std::string_view phrase;   // in a Goal's description: "with a partner"
};

constexpr std::array<kind_words, 12> kinds{{
    {relationship_kind::partner, "SIGOTHR", "significant other", "partner", "a partner"},
    {relationship_kind::former_partner, "", "", "former partner", "a former partner"},
    {relationship_kind::parent, "PRN", "parent", "parent", "a parent"},
    {relationship_kind::child, "CHILD", "child", "child", "a child"},
    {relationship_kind::sibling, "SIB", "sibling", "sibling", "a sibling"},
    {relationship_kind::grandparent, "GRPRN", "grandparent", "grandparent", "a grandparent"},
    {relationship_kind::other_family, "FAMMEMB", "family member", "other family member", "another family member"},
    {relationship_kind::friend_, "FRND", "unrelated friend", "friend", "a friend"},
    {relationship_kind::colleague, "", "", "colleague", "a colleague"},
    {relationship_kind::community, "", "", "community member", "a member of the community"},
    {relationship_kind::professional, "", "", "professional", "a professional"},
    {relationship_kind::other, "", "", "other", "another person"},
}};

const kind_words& words_of(relationship_kind k) noexcept {
  for (const auto& w : kinds)
    if (w.kind == k) return w;
  return kinds.back();  // a value outside the enum reads as "other"
}

std::string spelled(auto value) { return svg_detail::humanize(meta::enum_name(value)); }

bj::object coding(std::string_view system, std::string_view code, std::string_view display = {}) {
  bj::object o{{"system", system}, {"code", code}};
  if (!display.empty()) o["display"] = display;
  return o;
}

bj::object concept_of(bj::object coded, std::string_view text = {}) {
  bj::object o{{"coding", bj::array{std::move(coded)}}};
  if (!text.empty()) o["text"] = text;
  return o;
}

bj::object text_only(std::string_view text) { return bj::object{{"text", text}}; }

// Builds the Bundle. References are the `urn:uuid:` fullUrls of the entries they point at, which
// FHIR resolves inside a Bundle without any server base URL.
class bundle_builder {
 public:
  bundle_builder(const case_record& c, const catalog& cat)
      : c_(c), instruments_(cat.instruments), protocols_(cat.protocols) {}

  // Call once: the entries move into the result.
  bj::object build() {
    const auto patient = add_patient();
    std::vector<std::string> conditions;
    for (std::size_t i = 0; i < c_.diagnoses.size(); ++i) conditions.push_back(add_condition(i, patient));

    // The same notion of "ended" as the rules: the last acute session is a termination session
    // at or past the planned count.
    const rule_context context(c_, protocols_.find(c_.adaptation), instruments_);
    const bool ended = context.course_ended;

    // References are names, not positions, so the CarePlan can point at Goals added after it.
    std::vector<std::string> goals;
    const std::size_t foci = c_.formulation ? c_.formulation->focus.size() : 0;
    for (std::size_t i = 0; i < foci; ++i) goals.push_back(reference("Goal", numbered_id("goal", i)));
    add_care_plan(ended, patient, conditions, goals);
    for (std::size_t i = 0; i < foci; ++i) add_goal(i, ended, patient);
    if (c_.inventory)
      for (std::size_t i = 0; i < c_.inventory->relationships.size(); ++i) add_related_person(i, patient);

    const auto practitioners = add_practitioners();
    std::vector<std::optional<std::string>> encounters(c_.sessions.size());
    for (std::size_t i = 0; i < c_.sessions.size(); ++i)
      if (c_.sessions[i].attendance == attendance::attended) encounters[i] = add_encounter(i, patient, practitioners);
    for (std::size_t i = 0; i < c_.assessments.size(); ++i) add_observation(i, patient, encounters);

    std::optional<std::string> study;
    if (c_.trial) {
      study = add_research_study();
      add_research_subject(*study, patient);
    }
    add_adverse_events(patient, study, ended);

    return bj::object{{"resourceType", "Bundle"},
                      {"id", fhir_detail::resource_id(c_.case_id, "bundle")},
                      {"type", "collection"},
                      {"entry", std::move(entries_)}};
  }

 private:
  // Starts a resource; add() files it under the fullUrl that reference() gives for it.
  bj::object start(std::string_view type, const std::string& id) const {
    return bj::object{{"resourceType", type}, {"id", id}};
  }

  std::string reference(std::string_view type, std::string_view id) const {
    std::string name = c_.case_id;
    name += '|';
    name += type;
    name += '/';
    name += id;
    return "urn:uuid:" + fhir_detail::name_uuid(name);
  }

  std::string add(bj::object resource) {
    auto url = reference(resource.at("resourceType").as_string(), resource.at("id").as_string());
    entries_.push_back(bj::object{{"fullUrl", url}, {"resource", std::move(resource)}});
    return url;
  }

  static bj::object ref(const std::string& url) { return bj::object{{"reference", url}}; }

  std::string numbered_id(std::string_view suffix, std::size_t position) const {
    return fhir_detail::resource_id(c_.case_id, std::string(suffix) + "-" + std::to_string(position + 1));
  }

  const session* session_numbered(int number) const noexcept {
    for (const auto& s : c_.sessions)
      if (s.number == number) return &s;
    return nullptr;
  }

  std::string add_patient() {
    // Only the id: the case holds no name, address or birth date, and age at intake has no
    // Patient element (a birth year derived from it would be invented).
    return add(start("Patient", fhir_detail::resource_id(c_.case_id)));
  }

  std::string add_condition(std::size_t i, const std::string& patient) {
    const auto& d = c_.diagnoses[i];
    auto r = start("Condition", numbered_id("condition", i));
    // The label is free text and stays out; the code says what the diagnosis is.
    switch (d.system) {
      case diagnosis_system::icd10: r["code"] = concept_of(coding(icd10, d.code)); break;
      case diagnosis_system::icd11: r["code"] = concept_of(coding(icd11, d.code)); break;
      case diagnosis_system::dsm5: r["code"] = text_only("DSM-5 " + d.code); break;
    }
    r["subject"] = ref(patient);
    return add(std::move(r));
  }

  std::string focus_text(std::size_t i) const {
    const auto& f = c_.formulation->focus[i];
    std::string text = i == 0 ? "Primary focus: " : "Secondary focus: ";
    text += spelled(area_of(f));
    std::string_view person = "a person not listed in the inventory";
    if (const auto* rid = relationship_of(f); rid && c_.inventory)
      for (const auto& r : c_.inventory->relationships)
        if (r.id == *rid) person = words_of(r.kind).phrase;
    if (const auto* g = std::get_if<grief_focus>(&f))
      text += " (" + spelled(g->grief_type) + ") after the death of " + std::string(person);
    else if (const auto* d = std::get_if<role_dispute_focus>(&f))
      text += " (" + spelled(d->stage) + ") with " + std::string(person);
    else if (const auto* t = std::get_if<role_transition_focus>(&f))
      text += " (" + spelled(t->transition) + ")";
    else if (const auto* p = std::get_if<interpersonal_deficits_focus>(&f))
      text += " (" + spelled(p->pattern) + ")";
    return text;
  }

  void add_goal(std::size_t i, bool ended, const std::string& patient) {
    auto r = start("Goal", numbered_id("goal", i));
    // "completed" is R4's "no longer being sought", not a claim that the goal was achieved.
    r["lifecycleStatus"] = ended ? "completed" : "active";
    r["description"] = text_only(focus_text(i));
    r["subject"] = ref(patient);
    if (const auto* s = session_numbered(c_.formulation->agreed_session)) r["startDate"] = format_date(s->date);
    add(std::move(r));
  }

  void add_care_plan(bool ended, const std::string& patient, const std::vector<std::string>& conditions,
                     const std::vector<std::string>& goals) {
    auto r = start("CarePlan", fhir_detail::resource_id(c_.case_id, "careplan"));
    r["status"] = ended ? "completed" : "active";
    r["intent"] = "plan";
    r["category"] = bj::array{concept_of(coding(snomed, "443730003", "Interpersonal psychotherapy (regime/therapy)"))};
    const auto* p = protocols_.find(c_.adaptation);
    const std::string title = p && !p->name.empty() ? p->name : c_.adaptation;
    if (!title.empty()) r["title"] = title;  // FHIR forbids empty strings
    r["description"] = std::to_string(planned_sessions(c_.contract)) + " planned acute sessions, " +
                       spelled(c_.contract.frequency) + ", " + spelled(c_.contract.format) + ", " +
                       spelled(c_.contract.modality);
    r["subject"] = ref(patient);
    // The acute sessions that took place. A missing end is FHIR's "ongoing", so an active plan
    // has none rather than the date of its latest session.
    std::optional<date> first, last;
    for (const auto& s : c_.sessions)
      if (is_acute(s.phase) && s.attendance == attendance::attended) {
        if (!first || s.date < *first) first = s.date;
        if (!last || s.date > *last) last = s.date;
      }
    if (first) {
      bj::object period{{"start", format_date(*first)}};
      if (ended) period["end"] = format_date(*last);
      r["period"] = std::move(period);
    }
    bj::array addresses, goal_refs;
    for (const auto& url : conditions) addresses.push_back(ref(url));
    for (const auto& url : goals) goal_refs.push_back(ref(url));
    // FHIR forbids empty arrays.
    if (!addresses.empty()) r["addresses"] = std::move(addresses);
    if (!goal_refs.empty()) r["goal"] = std::move(goal_refs);
    add(std::move(r));
  }

  void add_related_person(std::size_t i, const std::string& patient) {
    const auto& w = words_of(c_.inventory->relationships[i].kind);
    auto r = start("RelatedPerson", numbered_id("relatedperson", i));
    r["patient"] = ref(patient);
    // No name: the label is how the patient names the person (free text).
    r["relationship"] =
        bj::array{w.code.empty() ? text_only(w.text) : concept_of(coding(role_code, w.code, w.display), w.text)};
    add(std::move(r));
  }

  // The therapist who took a session: its own, else the case's.
  const std::optional<std::string>& therapist_of(const session& s) const noexcept {
    return s.therapist_id ? s.therapist_id : c_.therapist_id;
  }

  // A Practitioner per therapist of an attended session, in order of their first session; the
  // pseudonymous code is the identifier, so Bundles of one therapist's cases can be linked.
  std::vector<std::pair<std::string, std::string>> add_practitioners() {
    std::vector<std::pair<std::string, std::string>> urls;  // therapist id, fullUrl
    for (const auto& s : c_.sessions) {
      const auto& t = therapist_of(s);
      if (s.attendance != attendance::attended || !t) continue;
      if (std::any_of(urls.begin(), urls.end(), [&](const auto& u) { return u.first == *t; })) continue;
      auto r = start("Practitioner", numbered_id("practitioner", urls.size()));
      r["identifier"] = bj::array{bj::object{{"value", *t}}};
      urls.emplace_back(*t, add(std::move(r)));
    }
    return urls;
  }

  std::string add_encounter(std::size_t i, const std::string& patient,
                            const std::vector<std::pair<std::string, std::string>>& practitioners) {
    const auto& s = c_.sessions[i];
    auto r = start("Encounter", numbered_id("encounter", i));
    r["status"] = "finished";
    const bool in_person = s.modality.value_or(c_.contract.modality) == therapy_modality::in_person;
    r["class"] = in_person ? coding(act_code, "AMB", "ambulatory") : coding(act_code, "VR", "virtual");
    r["type"] = bj::array{text_only("IPT session " + std::to_string(s.number) + ", " + spelled(s.phase) + " phase")};
    r["subject"] = ref(patient);
    if (const auto& t = therapist_of(s))
      for (const auto& [id, url] : practitioners)
        if (id == *t)
          r["participant"] = bj::array{bj::object{
              {"type", bj::array{concept_of(coding(participation_type, "PPRF", "primary performer"))}},
              {"individual", ref(url)}}};
    const auto day = format_date(s.date);
    r["period"] = bj::object{{"start", day}, {"end", day}};
    return add(std::move(r));
  }

  void add_observation(std::size_t i, const std::string& patient,
                       const std::vector<std::optional<std::string>>& encounters) {
    const auto& a = c_.assessments[i];
    const instrument* in = instruments_.find(a.instrument);
    auto r = start("Observation", numbered_id("observation", i));
    r["status"] = "final";
    r["category"] = bj::array{concept_of(coding(observation_category, "survey", "Survey"))};
    const auto name = (in ? in->name : a.instrument) + " total score";
    const bool coded = in && in->loinc && !in->loinc->empty();
    r["code"] = coded ? concept_of(coding(loinc, *in->loinc), name) : text_only(name);
    r["subject"] = ref(patient);
    if (a.session)
      for (std::size_t k = 0; k < c_.sessions.size(); ++k)
        if (c_.sessions[k].number == *a.session) {
          if (encounters[k]) r["encounter"] = ref(*encounters[k]);
          break;
        }
    r["effectiveDateTime"] = format_date(a.date);
    if (const auto total = score_total(a, in)) {
      r["valueInteger"] = *total;
      if (const auto* b = in ? band_of(*in, *total) : nullptr)
        r["interpretation"] = bj::array{text_only(svg_detail::humanize(b->label))};
    } else {
      // Items given but not all of them: the total exists but is not known.
      r["dataAbsentReason"] = concept_of(coding(data_absent_reason, "unknown", "Unknown"), "incomplete item scores");
    }
    add(std::move(r));
  }

  // The study is known only by this case's record of it: no name or identifier, so none is
  // written. R4 requires a status the case does not record; `active` is a placeholder.
  std::string add_research_study() {
    auto r = start("ResearchStudy", fhir_detail::resource_id(c_.case_id, "researchstudy"));
    r["status"] = "active";
    // The arms this case names, so that the subject's arms are arms of the study.
    bj::array arms;
    const auto* assigned = assigned_arm();
    const auto* actual = actual_arm();
    if (assigned) arms.push_back(bj::object{{"name", *assigned}});
    if (actual && !(assigned && *assigned == *actual)) arms.push_back(bj::object{{"name", *actual}});
    if (!arms.empty()) r["arm"] = std::move(arms);
    return add(std::move(r));
  }

  // A randomised record's arms (FHIR forbids empty strings); a screened record was given none.
  const std::string* assigned_arm() const noexcept {
    const auto& t = *c_.trial;
    return t.randomised_on && t.allocation && !t.allocation->empty() ? &*t.allocation : nullptr;
  }
  const std::string* actual_arm() const noexcept {
    return c_.trial->randomised_on && c_.arm && !c_.arm->empty() ? &*c_.arm : nullptr;
  }

  void add_research_subject(const std::string& study, const std::string& patient) {
    const auto& t = *c_.trial;
    auto r = start("ResearchSubject", fhir_detail::resource_id(c_.case_id, "researchsubject"));
    r["status"] = research_subject_status(c_);
    if (t.randomised_on) {
      bj::object period{{"start", format_date(*t.randomised_on)}};
      // A period may not end before it starts (R4 per-1).
      if (c_.discontinuation && c_.discontinuation->date >= *t.randomised_on)
        period["end"] = format_date(c_.discontinuation->date);
      r["period"] = std::move(period);
    }
    r["study"] = ref(study);
    r["individual"] = ref(patient);
    if (const auto* arm = assigned_arm()) r["assignedArm"] = *arm;
    if (const auto* arm = actual_arm()) r["actualArm"] = *arm;
    add(std::move(r));
  }

  // The course of IPT as a Procedure: AdverseEvent.suspectEntity.instance (1..1) cannot point at
  // a CarePlan. Written only when an event's relation to it was judged.
  std::string add_course_procedure(const std::string& patient, bool ended) {
    auto r = start("Procedure", fhir_detail::resource_id(c_.case_id, "procedure"));
    r["basedOn"] = bj::array{ref(reference("CarePlan", fhir_detail::resource_id(c_.case_id, "careplan")))};
    r["status"] = ended ? "completed" : c_.discontinuation ? "stopped" : "in-progress";
    r["code"] = concept_of(coding(snomed, "443730003", "Interpersonal psychotherapy (regime/therapy)"));
    r["subject"] = ref(patient);
    return add(std::move(r));
  }

  // The description is free text and stays out: the event is its date, seriousness and relation.
  void add_adverse_events(const std::string& patient, const std::optional<std::string>& study, bool ended) {
    const auto& events = c_.adverse_events;
    std::optional<std::string> course;
    if (std::any_of(events.begin(), events.end(), [](const adverse_event& e) { return e.related.has_value(); }))
      course = add_course_procedure(patient, ended);
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      auto r = start("AdverseEvent", numbered_id("adverseevent", i));
      r["actuality"] = "actual";
      r["subject"] = ref(patient);
      r["date"] = format_date(e.date);
      const std::string_view serious = e.serious ? "Serious" : "Non-serious";
      r["seriousness"] = concept_of(coding(ae_seriousness, serious, serious));
      if (e.related) {
        const auto& w = causality_of(*e.related);
        bj::object causality{{"assessment", concept_of(coding(ae_causality, w.code, w.display), w.text)}};
        r["suspectEntity"] =
            bj::array{bj::object{{"instance", ref(*course)}, {"causality", bj::array{std::move(causality)}}}};
      }
      if (study) r["study"] = bj::array{ref(*study)};
      add(std::move(r));
    }
  }

  const case_record& c_;
  const instrument_registry& instruments_;
  const protocol_registry& protocols_;
  bj::array entries_;
};

}  // namespace

std::string fhir_bundle(const case_record& c, const fhir_options& options, const catalog& cat) {
  require_well_formed(c, {}, cat);  // a Bundle only of what the case format can hold
  // An Observation without its instrument's LOINC code and bands would pass for a coded score.
  if (auto errors = unknown_instruments(c, cat); !errors.empty()) throw decode_error(std::move(errors));
  const bj::value bundle = bundle_builder(c, cat).build();
  return options.style == json_style::pretty ? json::detail::pretty_print(bundle) : bj::serialize(bundle);
}

}  // namespace iptkit
