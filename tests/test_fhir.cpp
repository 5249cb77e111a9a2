// The FHIR R4 Bundle of a case: references resolve, one resource per thing of the case, the codes
// of interop-privacy.md, valid and stable ids, no free text, the same bytes every time. The
// structural R4 check by an outside validator is tests/fhir (ctest fhir_validation).
#include <iptkit/export/fhir.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/measures/scoring.hpp>
#include <iptkit/synth/generator.hpp>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "trial_case.hpp"
#include "fhir/edge_catalog.hpp"

namespace {

namespace bj = boost::json;
using iptkit::test::read_file;

iptkit::case_record example(const std::string& name) {
  return iptkit::read_case(read_file(iptkit::test::source_dir() / "examples/data" / name)).value();
}

std::string str(const bj::value& v) { return std::string(v.as_string()); }

// Every string of the case that de-identification removes as free text (interop-privacy.md).
std::vector<std::string> free_text(const iptkit::case_record& c) {
  std::vector<std::string> out;
  const auto add = [&](const std::string& s) {
    if (!s.empty()) out.push_back(s);
  };
  const auto add_all = [&](const std::vector<std::string>& v) {
    for (const auto& s : v) add(s);
  };
  if (c.notes) add(*c.notes);
  for (const auto& d : c.diagnoses)
    if (d.label) add(*d.label);
  for (const auto& r : c.contract.renegotiations)
    if (r.reason) add(*r.reason);
  if (c.inventory)
    for (const auto& r : c.inventory->relationships) {
      add(r.label);
      for (const auto& e : r.expectations) add(e.text);
      add_all(r.satisfying);
      add_all(r.unsatisfying);
      add_all(r.desired_changes);
    }
  if (c.formulation) {
    if (c.formulation->summary) add(*c.formulation->summary);
    for (const auto& f : c.formulation->focus)
      if (const auto* t = std::get_if<iptkit::role_transition_focus>(&f)) {
        if (t->old_role) add(*t->old_role);
        if (t->new_role) add(*t->new_role);
      }
  }
  for (const auto& s : c.sessions)
    for (const auto& h : s.homework) add(h.text);
  for (const auto& t : c.concurrent_treatments)
    if (t.name) add(*t.name);
  if (c.maintenance) {
    add_all(c.maintenance->warning_signs);
    add_all(c.maintenance->skills);
  }
  if (c.trial && c.trial->arm_change_reason) add(*c.trial->arm_change_reason);
  if (c.discontinuation && c.discontinuation->notes) add(*c.discontinuation->notes);
  for (const auto& e : c.adverse_events) add(e.description);
  return out;
}

void collect_strings(const bj::value& v, std::vector<std::string>& out) {
  if (v.is_string()) out.emplace_back(v.as_string());
  else if (v.is_array())
    for (const auto& e : v.as_array()) collect_strings(e, out);
  else if (v.is_object())
    for (const auto& kv : v.as_object()) {
      out.emplace_back(kv.key());
      collect_strings(kv.value(), out);
    }
}

void collect_references(const bj::value& v, std::vector<std::string>& out) {
  if (v.is_array())
    for (const auto& e : v.as_array()) collect_references(e, out);
  else if (v.is_object())
    for (const auto& kv : v.as_object()) {
      if (kv.key() == "reference" && kv.value().is_string()) out.emplace_back(kv.value().as_string());
      collect_references(kv.value(), out);
    }
}

std::vector<const bj::object*> resources_of(const bj::value& bundle, std::string_view type) {
  std::vector<const bj::object*> out;
  for (const auto& e : bundle.at("entry").as_array()) {
    const auto& r = e.at("resource").as_object();
    if (r.at("resourceType").as_string() == type) out.push_back(&r);
  }
  return out;
}

std::size_t attended(const iptkit::case_record& c) {
  std::size_t n = 0;
  for (const auto& s : c.sessions) n += s.attendance == iptkit::attendance::attended;
  return n;
}

// The distinct therapists of attended sessions (a session's own, else the case's).
std::size_t therapists(const iptkit::case_record& c) {
  std::set<std::string> ids;
  for (const auto& s : c.sessions)
    if (s.attendance == iptkit::attendance::attended)
      if (const auto& t = s.therapist_id ? s.therapist_id : c.therapist_id) ids.insert(*t);
  return ids.size();
}

bool any_judged(const iptkit::case_record& c) {
  for (const auto& e : c.adverse_events)
    if (e.related) return true;
  return false;
}

// Everything the test promises for any case; returns the problems found (empty: all good).
std::vector<std::string> problems(const iptkit::case_record& c, const std::string& text) {
  std::vector<std::string> p;
  bj::value b;
  try {
    b = bj::parse(text);
  } catch (const std::exception& e) {
    return {std::string("not JSON: ") + e.what()};
  }
  if (b.at("resourceType") != "Bundle" || b.at("type") != "collection") p.push_back("not a collection Bundle");

  static const std::regex fhir_id("[A-Za-z0-9.-]{1,64}");
  static const std::regex urn_uuid("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> urls, ids;
  std::map<std::string, std::size_t> counts;
  for (const auto& e : b.at("entry").as_array()) {
    const auto url = str(e.at("fullUrl"));
    const auto& r = e.at("resource").as_object();
    const auto type = str(r.at("resourceType"));
    const auto id = str(r.at("id"));
    ++counts[type];
    if (!urls.insert(url).second) p.push_back("duplicate fullUrl " + url);
    if (!ids.insert(type + "/" + id).second) p.push_back("duplicate id " + type + "/" + id);
    if (!std::regex_match(url, urn_uuid)) p.push_back("fullUrl is not a version 5 urn:uuid: " + url);
    if (!std::regex_match(id, fhir_id)) p.push_back("invalid id " + id);
  }
  std::vector<std::string> refs;
  collect_references(b, refs);
  for (const auto& r : refs)
    if (!urls.count(r)) p.push_back("unresolved reference " + r);

  const std::map<std::string, std::size_t> expected{
      {"Patient", 1},
      {"Condition", c.diagnoses.size()},
      {"CarePlan", 1},
      {"Goal", c.formulation ? c.formulation->focus.size() : 0},
      {"RelatedPerson", c.inventory ? c.inventory->relationships.size() : 0},
      {"Encounter", attended(c)},
      {"Observation", c.assessments.size()},
      {"Practitioner", therapists(c)},
      {"ResearchStudy", c.trial ? 1u : 0u},
      {"ResearchSubject", c.trial ? 1u : 0u},
      {"Procedure", any_judged(c) ? 1u : 0u},
      {"AdverseEvent", c.adverse_events.size()}};
  for (const auto& [type, n] : expected)
    if (counts[type] != n)
      p.push_back(type + ": " + std::to_string(counts[type]) + " resources, expected " + std::to_string(n));
  if (counts.size() != expected.size()) p.push_back("unexpected resource types");

  // Adverse events are in case order, with the case's date and seriousness.
  const auto events = resources_of(b, "AdverseEvent");
  for (std::size_t i = 0; i < events.size() && i < c.adverse_events.size(); ++i) {
    const auto& e = c.adverse_events[i];
    const auto& r = *events[i];
    if (r.at("date") != iptkit::format_date(e.date).c_str() ||
        r.at("seriousness").at("coding").at(0).at("code") != (e.serious ? "Serious" : "Non-serious"))
      p.push_back("adverse event " + std::to_string(i) + ": wrong date or seriousness");
    if (r.contains("suspectEntity") != e.related.has_value())
      p.push_back("adverse event " + std::to_string(i) + ": suspectEntity without a judged relation, or the reverse");
    if (r.contains("study") != c.trial.has_value()) p.push_back("adverse event " + std::to_string(i) + ": study");
  }

  // Observations are in assessment order: the code and the value follow the assessment.
  const auto observations = resources_of(b, "Observation");
  for (std::size_t i = 0; i < observations.size() && i < c.assessments.size(); ++i) {
    const auto& a = c.assessments[i];
    const auto& o = *observations[i];
    const auto* in = iptkit::instrument_registry::builtin().find(a.instrument);
    const std::map<std::string, std::string> loinc{{"phq9", "44261-6"}, {"gad7", "70274-6"}, {"bdi2", "89209-1"}};
    if (const auto it = loinc.find(a.instrument); it != loinc.end()) {
      const auto& coding = o.at("code").at("coding").at(0);
      if (coding.at("system") != "http://loinc.org" || coding.at("code") != it->second.c_str())
        p.push_back("assessment " + std::to_string(i) + ": not LOINC " + it->second);
    }
    const auto total = iptkit::score_total(a, in);
    if (total ? (!o.contains("valueInteger") || o.at("valueInteger").as_int64() != *total)
              : (o.contains("valueInteger") || !o.contains("dataAbsentReason")))
      p.push_back("assessment " + std::to_string(i) + ": wrong value");
    if (o.at("effectiveDateTime") != iptkit::format_date(a.date).c_str())
      p.push_back("assessment " + std::to_string(i) + ": wrong date");
  }

  const auto care_plans = resources_of(b, "CarePlan");
  if (care_plans.size() == 1) {
    const auto& coding = care_plans[0]->at("category").at(0).at("coding").at(0);
    if (coding.at("system") != "http://snomed.info/sct" || coding.at("code") != "443730003")
      p.push_back("CarePlan category is not SNOMED CT 443730003");
  }

  // No free text anywhere: not in the bytes, not in any decoded string (escapes aside).
  std::vector<std::string> strings;
  collect_strings(b, strings);
  for (const auto& t : free_text(c)) {
    bool found = text.find(t) != std::string::npos;
    for (const auto& s : strings) found = found || s.find(t) != std::string::npos;
    if (found) p.push_back("free text in the Bundle: " + t);
  }
  return p;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

TEST(Fhir, EveryExampleIsACompleteResolvableBundleWithoutFreeText) {
  const auto files = iptkit::test::files_in("examples/data", ".json");
  ASSERT_GE(files.size(), 15u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const auto c = iptkit::read_case(read_file(f)).value();
    ASSERT_FALSE(free_text(c).empty());  // the check below has something to look for
    const auto text = iptkit::fhir_bundle(c);
    EXPECT_EQ(join(problems(c, text)), "");
    // Deterministic: the same bytes twice, and again from a fresh read of the file.
    EXPECT_EQ(iptkit::fhir_bundle(c), text);
    EXPECT_EQ(iptkit::fhir_bundle(iptkit::read_case(read_file(f)).value()), text);
  }
}

TEST(Fhir, CohortAndSyntheticCasesToo) {
  const auto path = iptkit::test::source_dir() / "examples/data/cohort.jsonl";
  std::size_t n = 0;
  for (const auto& e : iptkit::read_cohort(path.string(), read_file(path))) {
    ASSERT_TRUE(e.value.has_value());
    SCOPED_TRACE(e.value->case_id);
    EXPECT_EQ(join(problems(*e.value, iptkit::fhir_bundle(*e.value))), "");
    ++n;
  }
  EXPECT_GE(n, 20u);
  iptkit::synth_options options;
  options.cases = 60;
  for (const auto& c : iptkit::synthesize(options)) {
    SCOPED_TRACE(c.case_id);
    EXPECT_EQ(join(problems(c, iptkit::fhir_bundle(c, {.style = iptkit::json_style::compact}))), "");
  }
}

TEST(Fhir, CompactIsOneLineOfTheSameDocument) {
  const auto c = example("role-dispute-renegotiation.json");
  const auto compact = iptkit::fhir_bundle(c, {.style = iptkit::json_style::compact});
  const auto pretty = iptkit::fhir_bundle(c);
  EXPECT_EQ(compact.find('\n'), std::string::npos);
  EXPECT_EQ(pretty.back(), '\n');
  EXPECT_EQ(bj::parse(compact), bj::parse(pretty));
}

TEST(Fhir, ResourcesCarryTheMappedCodes) {
  const auto c = example("role-dispute-renegotiation.json");
  const auto b = bj::parse(iptkit::fhir_bundle(c));

  const auto patient = resources_of(b, "Patient");
  ASSERT_EQ(patient.size(), 1u);
  EXPECT_EQ(patient[0]->size(), 2u) << "only resourceType and id";
  EXPECT_EQ(patient[0]->at("id"), "EX-DISPUTE-RENEG");

  const auto conditions = resources_of(b, "Condition");
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[0]->at("id"), "EX-DISPUTE-RENEG-condition-1");
  EXPECT_EQ(conditions[0]->at("code"),
            bj::parse(R"({"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "F32.1"}]})"));

  const auto& plan = *resources_of(b, "CarePlan").at(0);
  EXPECT_EQ(plan.at("status"), "completed");
  EXPECT_EQ(plan.at("intent"), "plan");
  EXPECT_EQ(plan.at("period"), bj::parse(R"({"start": "2025-01-13", "end": "2025-04-14"})"));
  EXPECT_EQ(plan.at("addresses").as_array().size(), 2u);
  EXPECT_EQ(plan.at("goal").as_array().size(), 1u);
  EXPECT_EQ(plan.at("title"), "IPT, acute, individual");

  const auto& goal = *resources_of(b, "Goal").at(0);
  EXPECT_EQ(goal.at("lifecycleStatus"), "completed");
  EXPECT_EQ(goal.at("description").at("text"), "Primary focus: role dispute (renegotiation) with a partner");
  EXPECT_EQ(goal.at("startDate"), "2025-01-27");

  const auto people = resources_of(b, "RelatedPerson");
  ASSERT_EQ(people.size(), 4u);
  EXPECT_EQ(people[0]->at("relationship"),
            bj::parse(R"([{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                           "code": "SIGOTHR", "display": "significant other"}], "text": "partner"}])"));
  EXPECT_EQ(people[1]->at("relationship").at(0).at("coding").at(0).at("code"), "SIB");
  EXPECT_EQ(people[2]->at("relationship"), bj::parse(R"([{"text": "colleague"}])"));  // no RoleCode for it
  EXPECT_EQ(people[3]->at("relationship").at(0).at("coding").at(0).at("code"), "FRND");

  const auto& encounter = *resources_of(b, "Encounter").at(0);
  EXPECT_EQ(encounter.at("status"), "finished");
  EXPECT_EQ(encounter.at("class").at("code"), "AMB");
  EXPECT_EQ(encounter.at("period"), bj::parse(R"({"start": "2025-01-13", "end": "2025-01-13"})"));

  const auto& obs = *resources_of(b, "Observation").at(0);
  EXPECT_EQ(obs.at("status"), "final");
  EXPECT_EQ(obs.at("category").at(0).at("coding").at(0).at("code"), "survey");
  EXPECT_EQ(obs.at("code").at("text"), "PHQ-9 total score");
  EXPECT_TRUE(obs.contains("encounter"));  // which one: ObservationPointsAtTheEncounterOfItsAttendedSession
  EXPECT_EQ(obs.at("interpretation").at(0).at("text"), "moderately severe");
}

TEST(Fhir, ObservationPointsAtTheEncounterOfItsAttendedSession) {
  const auto c = example("role-dispute-renegotiation.json");
  const auto b = bj::parse(iptkit::fhir_bundle(c));
  std::map<std::string, std::string> encounter_by_url;  // fullUrl -> id
  for (const auto& e : b.at("entry").as_array())
    if (e.at("resource").at("resourceType") == "Encounter")
      encounter_by_url[str(e.at("fullUrl"))] = str(e.at("resource").at("id"));
  const auto observations = resources_of(b, "Observation");
  for (std::size_t i = 0; i < c.assessments.size(); ++i) {
    const auto& a = c.assessments[i];
    ASSERT_TRUE(a.session);
    const auto url = str(observations[i]->at("encounter").at("reference"));
    EXPECT_EQ(encounter_by_url[url], "EX-DISPUTE-RENEG-encounter-" + std::to_string(*a.session));
  }
}

TEST(Fhir, CourseInProgressIsActiveWithAnOpenPeriod) {
  const auto c = example("in-progress-job-loss.json");
  const auto b = bj::parse(iptkit::fhir_bundle(c));
  const auto& plan = *resources_of(b, "CarePlan").at(0);
  EXPECT_EQ(plan.at("status"), "active");
  EXPECT_TRUE(plan.at("period").as_object().contains("start"));
  EXPECT_FALSE(plan.at("period").as_object().contains("end"));
  EXPECT_EQ(resources_of(b, "Goal").at(0)->at("lifecycleStatus"), "active");
  // The intake assessment has no session: no encounter reference.
  const auto observations = resources_of(b, "Observation");
  for (std::size_t i = 0; i < c.assessments.size(); ++i)
    EXPECT_EQ(observations[i]->contains("encounter"), c.assessments[i].session.has_value()) << i;
}

TEST(Fhir, VideoAndTelephoneSessionsAreVirtual) {
  for (const auto* name : {"role-transition-marriage.json", "parenthood-perinatal-alert.json"}) {
    SCOPED_TRACE(name);
    const auto c = example(name);
    const auto b = bj::parse(iptkit::fhir_bundle(c));
    const auto encounters = resources_of(b, "Encounter");
    std::size_t k = 0;
    for (const auto& s : c.sessions) {
      if (s.attendance != iptkit::attendance::attended) continue;
      const bool virtual_ = s.modality.value_or(c.contract.modality) != iptkit::therapy_modality::in_person;
      EXPECT_EQ(encounters.at(k++)->at("class").at("code"), virtual_ ? "VR" : "AMB") << s.number;
    }
  }
}

TEST(Fhir, GoalsNameTheAreaAndTheKindNeverTheLabel) {
  const auto c = example("retirement-inhibited-grief-gap.json");
  const auto b = bj::parse(iptkit::fhir_bundle(c));
  const auto goals = resources_of(b, "Goal");
  ASSERT_EQ(goals.size(), 2u);
  EXPECT_EQ(goals[0]->at("description").at("text"), "Primary focus: role transition (retirement)");
  EXPECT_EQ(goals[1]->at("description").at("text"),
            "Secondary focus: grief (inhibited) after the death of a sibling");
}

// A case built in code: ICD-11 and DSM-5 codes, an unscorable and an unknown instrument, no
// inventory or formulation, no sessions, and a case id FHIR does not allow as an id.
iptkit::case_record unusual_case() {
  iptkit::case_record c;
  c.case_id = "TRIAL_7_with_a_rather_long_identifier_of_more_than_forty_chars";
  c.adaptation = "not_registered";  // a trial's own protocol: in the registries of the tests below
  c.contract.start_date = *iptkit::parse_date("2025-02-20");
  c.diagnoses = {{iptkit::diagnosis_system::icd11, "6A70.1", "label one"},
                 {iptkit::diagnosis_system::dsm5, "296.22", "label two"}};
  iptkit::assessment partial;
  partial.instrument = "phq9";
  partial.date = *iptkit::parse_date("2025-03-01");
  partial.session = 4;  // no such session
  partial.items = {1, 2, 3};
  iptkit::assessment custom;
  custom.instrument = "trial_scale";
  custom.date = *iptkit::parse_date("2025-03-02");
  custom.total = 12;
  c.assessments = {partial, custom};
  return c;
}

TEST(Fhir, UnusualCaseStillGivesAValidBundle) {
  const auto c = unusual_case();
  // An adaptation no registry in force knows is never exported silently.
  try {
    (void)iptkit::fhir_bundle(c);
    ADD_FAILURE() << "a Bundle of a case that is not well formed";
  } catch (const iptkit::decode_error& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].path, "/adaptation");
  }
  iptkit::catalog cat;
  iptkit::protocol own;
  own.id = "not_registered";
  own.name = "not_registered";
  cat.protocols.add(own);
  // Nor is an instrument the catalog lacks: its total would pass for a coded, banded score.
  try {
    (void)iptkit::fhir_bundle(c, {}, cat);
    ADD_FAILURE() << "a Bundle with an instrument the catalog lacks";
  } catch (const iptkit::decode_error& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].path, "/assessments/1/instrument");
    EXPECT_EQ(e.errors()[0].kind, iptkit::error_kind::bad_enum);
    EXPECT_NE(e.errors()[0].message.find("found \"trial_scale\""), std::string::npos);
  }
  // Registered without a LOINC code or bands: a text-only code, no interpretation.
  cat.instruments = iptkit::test::edge_catalog().instruments;
  const auto text = iptkit::fhir_bundle(c, {}, cat);
  EXPECT_EQ(join(problems(c, text)), "");
  const auto b = bj::parse(text);

  const auto conditions = resources_of(b, "Condition");
  EXPECT_EQ(conditions.at(0)->at("code").at("coding").at(0).at("system"), "http://id.who.int/icd/release/11/mms");
  EXPECT_EQ(conditions.at(1)->at("code"), bj::parse(R"({"text": "DSM-5 296.22"})"));

  const auto observations = resources_of(b, "Observation");
  EXPECT_FALSE(observations.at(0)->contains("valueInteger"));
  EXPECT_EQ(observations.at(0)->at("dataAbsentReason").at("coding").at(0).at("code"), "unknown");
  EXPECT_FALSE(observations.at(0)->contains("encounter"));
  EXPECT_EQ(observations.at(1)->at("code"), bj::parse(R"({"text": "trial scale total score"})"));
  EXPECT_EQ(observations.at(1)->at("valueInteger"), 12);
  EXPECT_FALSE(observations.at(1)->contains("interpretation"));

  const auto& plan = *resources_of(b, "CarePlan").at(0);
  EXPECT_EQ(plan.at("status"), "active");
  EXPECT_FALSE(plan.contains("period"));
  EXPECT_FALSE(plan.contains("goal"));
  EXPECT_EQ(plan.at("title"), "not_registered");
}

TEST(Fhir, EdgeCaseFileOfTheValidatorRun) {
  const auto path = iptkit::test::source_dir() / "tests/fhir/edge-case.json";
  const auto c = iptkit::read_case(read_file(path)).value();
  EXPECT_THROW((void)iptkit::fhir_bundle(c), iptkit::decode_error);  // its own scale is not built in
  const auto cat = iptkit::test::edge_catalog();
  const auto text = iptkit::fhir_bundle(c, {}, cat);
  EXPECT_EQ(join(problems(c, text)), "");
  const auto b = bj::parse(text);
  EXPECT_EQ(resources_of(b, "Patient").at(0)->at("id"), "FHIR-EDGE-an-identifier-longer-0179b86d");
  const auto observations = resources_of(b, "Observation");
  EXPECT_TRUE(observations.at(0)->contains("dataAbsentReason"));
  EXPECT_EQ(observations.at(1)->at("code"), bj::parse(R"({"text": "HAM-D-17 (HRSD) total score"})"));
  EXPECT_EQ(observations.at(2)->at("code"), bj::parse(R"({"text": "trial scale total score"})"));
  EXPECT_FALSE(observations.at(2)->contains("encounter")) << "its session was cancelled";
  EXPECT_EQ(resources_of(b, "Goal").at(0)->at("description").at("text"),
            "Primary focus: grief (chronic) after the death of a person not listed in the inventory");
  const auto encounters = resources_of(b, "Encounter");
  ASSERT_EQ(encounters.size(), 2u);
  EXPECT_EQ(encounters[0]->at("class").at("code"), "AMB");  // the session overrides the contract
  EXPECT_EQ(encounters[1]->at("class").at("code"), "VR");   // telephone, from the contract
}

TEST(Fhir, RegistriesInForceAreUsed) {
  auto c = unusual_case();
  iptkit::catalog cat;
  iptkit::instrument scale;
  scale.id = "trial_scale";
  scale.name = "Trial Scale";
  scale.items = 4;
  scale.total_max = 16;
  scale.bands = {{"low", 0, 9}, {"high", 10, 16}};
  scale.loinc = "99999-9";
  cat.instruments.add(scale);
  iptkit::protocol p;
  p.id = "not_registered";
  p.name = "the trial's own IPT";
  cat.protocols.add(p);
  const auto b = bj::parse(iptkit::fhir_bundle(c, {}, cat));
  const auto& obs = *resources_of(b, "Observation").at(1);
  EXPECT_EQ(obs.at("code"), bj::parse(R"({"coding": [{"system": "http://loinc.org", "code": "99999-9"}],
                                          "text": "Trial Scale total score"})"));
  EXPECT_EQ(obs.at("interpretation").at(0).at("text"), "high");
  EXPECT_EQ(resources_of(b, "CarePlan").at(0)->at("title"), "the trial's own IPT");
}

TEST(Fhir, ResourceIdsAreValidDistinctAndShort) {
  using iptkit::fhir_detail::resource_id;
  EXPECT_EQ(resource_id("EX-1"), "EX-1");
  EXPECT_EQ(resource_id("EX-1", "condition-1"), "EX-1-condition-1");
  EXPECT_EQ(resource_id("a.b-C9"), "a.b-C9");
  // Characters FHIR ids do not allow, and cutting, add a hash so that ids stay distinct.
  EXPECT_NE(resource_id("A_B"), resource_id("A-B"));
  EXPECT_TRUE(std::regex_match(resource_id("A_B"), std::regex("A-B-[0-9a-f]{8}")));
  const std::string long_id(64, 'x');
  EXPECT_NE(resource_id(long_id), resource_id(long_id + "y"));
  EXPECT_LE(resource_id(long_id, "relatedperson-123456789").size(), 64u);
  EXPECT_EQ(resource_id(std::string(40, 'x')), std::string(40, 'x'));
  EXPECT_EQ(resource_id(std::string(41, 'x')).size(), 40u);
  EXPECT_TRUE(std::regex_match(resource_id(""), std::regex("[0-9a-f]{8}")));
  EXPECT_TRUE(std::regex_match(resource_id("ü/ß"), std::regex("[A-Za-z0-9.-]{1,64}")));
}

TEST(Fhir, NameBasedUuidsAreStandardVersion5) {
  // The same value as Python's uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:iptkit:fhir"),
  // "EX-1|Patient/EX-1"): the UUIDs follow RFC 4122, so they never change with the Boost version.
  EXPECT_EQ(iptkit::fhir_detail::name_uuid("EX-1|Patient/EX-1"), "ad6318c4-6581-5bfe-99a5-3750a50216eb");
  iptkit::case_record c{.case_id = "EX-1", .adaptation = "ipt"};
  c.contract.start_date = *iptkit::parse_date("2026-01-05");
  const auto b = bj::parse(iptkit::fhir_bundle(c));
  EXPECT_EQ(b.at("entry").at(0).at("fullUrl"), "urn:uuid:ad6318c4-6581-5bfe-99a5-3750a50216eb");
}

// The trial record (docs/interop.md, "Trial record").

// The fullUrl of the only resource of a type.
std::string url_of(const bj::value& bundle, std::string_view type) {
  std::string url;
  for (const auto& e : bundle.at("entry").as_array())
    if (e.at("resource").at("resourceType").as_string() == type) {
      EXPECT_TRUE(url.empty()) << "more than one " << type;
      url = str(e.at("fullUrl"));
    }
  return url;
}

bool mentions(const std::string& text, std::string_view what) { return text.find(what) != std::string::npos; }

TEST(Fhir, TrialRecordIsAResearchSubjectOfAResearchStudy) {
  auto c = iptkit::test::trial_case();
  c.trial->stratum = "stratum-x9";  // trial_case's "severe" is also a band of the PHQ-9
  const auto text = iptkit::fhir_bundle(c);
  EXPECT_EQ(join(problems(c, text)), "");
  const auto b = bj::parse(text);

  const auto& subject = *resources_of(b, "ResearchSubject").at(0);
  EXPECT_EQ(subject.at("id"), "RD-017-researchsubject");
  EXPECT_EQ(subject.at("status"), "off-study");  // discontinued (moved away)
  EXPECT_EQ(subject.at("period"), bj::parse(R"({"start": "2026-01-02", "end": "2026-03-01"})"));
  EXPECT_EQ(subject.at("study").at("reference"), url_of(b, "ResearchStudy").c_str());
  EXPECT_EQ(subject.at("individual").at("reference"), url_of(b, "Patient").c_str());
  EXPECT_EQ(subject.at("assignedArm"), "ipt");
  EXPECT_EQ(subject.at("actualArm"), "ipt");
  EXPECT_EQ(subject.size(), 8u) << "resourceType, id, status, period, study, individual and the two arms";

  const auto& study = *resources_of(b, "ResearchStudy").at(0);
  EXPECT_EQ(study.at("id"), "RD-017-researchstudy");
  EXPECT_EQ(study.at("status"), "active");
  EXPECT_EQ(study.at("arm"), bj::parse(R"([{"name": "ipt"}])"));  // the same arm once
  EXPECT_FALSE(study.contains("title")) << "the case names no study";

  // Left out: randomisation site and stratum, the group, the discontinuation's reason.
  for (const auto* what : {"leeds", "stratum-x9", "grp.3", "moved_away", "moved away"})
    EXPECT_FALSE(mentions(text, what)) << what;
}

TEST(Fhir, ArmsAreTheAllocationAndTheArmReceived) {
  auto c = iptkit::test::trial_case();
  c.arm = "tau";
  c.trial->arm_change_reason = "asked for the clinic nearer home";
  const auto text = iptkit::fhir_bundle(c);
  EXPECT_EQ(join(problems(c, text)), "");  // the reason is free text: not in the Bundle
  const auto b = bj::parse(text);
  const auto& subject = *resources_of(b, "ResearchSubject").at(0);
  EXPECT_EQ(subject.at("assignedArm"), "ipt");
  EXPECT_EQ(subject.at("actualArm"), "tau");
  EXPECT_EQ(resources_of(b, "ResearchStudy").at(0)->at("arm"), bj::parse(R"([{"name": "ipt"}, {"name": "tau"}])"));
}

TEST(Fhir, ResearchSubjectStatusFollowsTheRecord) {
  using iptkit::discontinuation_reason;
  struct row {
    const char* what;
    bool randomised;
    std::optional<bool> eligible;
    std::optional<discontinuation_reason> discontinued;
    const char* status;
  };
  const row rows[] = {
      {"randomised", true, true, std::nullopt, "on-study"},
      {"randomised, not screened", true, std::nullopt, std::nullopt, "on-study"},
      {"randomised though not eligible (T005)", true, false, std::nullopt, "on-study"},
      {"withdrew consent after randomisation", true, true, discontinuation_reason::withdrew_consent, "off-study"},
      {"lost to follow-up", true, true, discontinuation_reason::lost_to_follow_up, "off-study"},
      {"stopped after an adverse event", true, true, discontinuation_reason::adverse_event, "off-study"},
      {"not eligible", false, false, std::nullopt, "ineligible"},
      {"eligible, declined", false, true, std::nullopt, "withdrawn"},
      {"not screened yet", false, std::nullopt, std::nullopt, "candidate"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.what);
    auto c = iptkit::test::trial_case();
    if (!r.randomised) c.trial->randomised_on.reset();
    c.trial->eligible = r.eligible;
    c.discontinuation.reset();
    if (r.discontinued) c.discontinuation = iptkit::discontinuation{*iptkit::parse_date("2026-03-01"), *r.discontinued};
    const auto text = iptkit::fhir_bundle(c);
    EXPECT_EQ(join(problems(c, text)), "");
    const auto b = bj::parse(text);
    const auto& subject = *resources_of(b, "ResearchSubject").at(0);
    EXPECT_EQ(subject.at("status"), r.status);
    // Only a randomised record has a period and arms.
    EXPECT_EQ(subject.contains("period"), r.randomised);
    EXPECT_EQ(subject.contains("assignedArm"), r.randomised);
    EXPECT_EQ(subject.contains("actualArm"), r.randomised);
    if (r.randomised) {
      EXPECT_EQ(subject.at("period").as_object().contains("end"), r.discontinued.has_value());
    }
  }
}

TEST(Fhir, AdverseEventsCarrySeriousnessAndCausalityNotTheirText) {
  auto c = iptkit::test::trial_case();
  // trial_case: a non-serious event judged not related, a serious one not judged; add the others.
  c.adverse_events.push_back({*iptkit::parse_date("2026-02-21"), false, "felt dizzy", iptkit::relatedness::possibly});
  c.adverse_events.push_back({*iptkit::parse_date("2026-02-22"), true, "self-harm", iptkit::relatedness::probably});
  const auto text = iptkit::fhir_bundle(c);
  EXPECT_EQ(join(problems(c, text)), "");  // no description in the Bundle
  const auto b = bj::parse(text);
  const auto events = resources_of(b, "AdverseEvent");
  ASSERT_EQ(events.size(), 4u);
  const auto course = url_of(b, "Procedure");
  const auto study = url_of(b, "ResearchStudy");
  for (const auto* e : events) {
    EXPECT_EQ(e->at("actuality"), "actual");
    EXPECT_EQ(e->at("subject").at("reference"), url_of(b, "Patient").c_str());
    EXPECT_EQ(e->at("study").as_array().size(), 1u);
    EXPECT_EQ(e->at("study").at(0).at("reference"), study.c_str());
    EXPECT_FALSE(e->contains("event")) << "the description is free text";
  }
  EXPECT_EQ(events[0]->at("id"), "RD-017-adverseevent-1");
  EXPECT_EQ(events[0]->at("date"), "2026-02-10");
  EXPECT_EQ(events[0]->at("seriousness"),
            bj::parse(R"({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness",
                                      "code": "Non-serious", "display": "Non-serious"}]})"));
  EXPECT_EQ(events[1]->at("seriousness").at("coding").at(0).at("code"), "Serious");
  EXPECT_FALSE(events[1]->contains("suspectEntity")) << "its relation was not judged";

  // not -> Unlikely, possibly -> Possible, probably -> Probably-Likely, the case's word as text.
  const std::pair<std::size_t, const char*> judged[] = {
      {0, R"({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess",
                          "code": "Unlikely", "display": "Unlikely"}], "text": "not related"})"},
      {2, R"({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess",
                          "code": "Possible", "display": "Possible"}], "text": "possibly related"})"},
      {3, R"({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess",
                          "code": "Probably-Likely", "display": "Probably/Likely"}], "text": "probably related"})"}};
  for (const auto& [i, assessment] : judged) {
    SCOPED_TRACE(i);
    const auto& suspect = events[i]->at("suspectEntity").as_array();
    ASSERT_EQ(suspect.size(), 1u);
    EXPECT_EQ(suspect[0].at("instance").at("reference"), course.c_str());
    ASSERT_EQ(suspect[0].at("causality").as_array().size(), 1u);
    EXPECT_EQ(suspect[0].at("causality").at(0), bj::parse(std::string(R"({"assessment": )") + assessment + "}"));
  }

  // The suspected entity is the course of IPT, stopped by the discontinuation before its end.
  const auto& procedure = *resources_of(b, "Procedure").at(0);
  EXPECT_EQ(procedure.at("id"), "RD-017-procedure");
  EXPECT_EQ(procedure.at("status"), "stopped");
  EXPECT_EQ(procedure.at("code").at("coding").at(0).at("code"), "443730003");
  EXPECT_EQ(procedure.at("basedOn").at(0).at("reference"), url_of(b, "CarePlan").c_str());
  c.discontinuation.reset();
  EXPECT_EQ(resources_of(bj::parse(iptkit::fhir_bundle(c)), "Procedure").at(0)->at("status"), "in-progress");
  const auto ended = example("role-dispute-renegotiation.json");
  c.sessions = ended.sessions;
  c.contract = ended.contract;
  c.formulation = ended.formulation;
  c.inventory = ended.inventory;
  c.assessments.clear();
  c.trial->randomised_on = ended.contract.start_date;
  EXPECT_EQ(resources_of(bj::parse(iptkit::fhir_bundle(c)), "Procedure").at(0)->at("status"), "completed");
}

TEST(Fhir, AdverseEventsWithoutATrialRecordNameNoStudy) {
  auto c = iptkit::test::trial_case();
  c.trial.reset();
  c.adverse_events.at(1).related.reset();
  c.adverse_events.at(0).related.reset();
  const auto text = iptkit::fhir_bundle(c);
  EXPECT_EQ(join(problems(c, text)), "");
  const auto b = bj::parse(text);
  EXPECT_EQ(resources_of(b, "AdverseEvent").size(), 2u);
  EXPECT_TRUE(resources_of(b, "ResearchSubject").empty());
  EXPECT_TRUE(resources_of(b, "Procedure").empty()) << "no relation judged";
}

TEST(Fhir, TherapistsArePractitionersOfTheirSessions) {
  const auto c = iptkit::test::trial_case();  // th-07 for the case, th-09 took session 2
  const auto b = bj::parse(iptkit::fhir_bundle(c));
  const auto practitioners = resources_of(b, "Practitioner");
  ASSERT_EQ(practitioners.size(), 2u);
  EXPECT_EQ(practitioners[0]->at("id"), "RD-017-practitioner-1");
  EXPECT_EQ(practitioners[0]->at("identifier"), bj::parse(R"([{"value": "th-07"}])"));
  EXPECT_EQ(practitioners[1]->at("identifier"), bj::parse(R"([{"value": "th-09"}])"));
  std::map<std::string, std::string> therapist_by_url;
  for (const auto& e : b.at("entry").as_array())
    if (e.at("resource").at("resourceType") == "Practitioner")
      therapist_by_url[str(e.at("fullUrl"))] = str(e.at("resource").at("identifier").at(0).at("value"));
  const auto encounters = resources_of(b, "Encounter");
  ASSERT_EQ(encounters.size(), 4u);
  for (std::size_t i = 0; i < encounters.size(); ++i) {
    SCOPED_TRACE(i);
    const auto& participant = encounters[i]->at("participant").as_array();
    ASSERT_EQ(participant.size(), 1u);
    EXPECT_EQ(participant[0].at("type").at(0).at("coding").at(0).at("code"), "PPRF");
    EXPECT_EQ(therapist_by_url[str(participant[0].at("individual").at("reference"))], i == 1 ? "th-09" : "th-07");
  }
  // Without therapist ids the Encounters are as before: no participant, no Practitioner.
  auto plain = c;
  plain.therapist_id.reset();
  for (auto& s : plain.sessions) s.therapist_id.reset();
  const auto p = bj::parse(iptkit::fhir_bundle(plain));
  EXPECT_TRUE(resources_of(p, "Practitioner").empty());
  for (const auto* e : resources_of(p, "Encounter")) EXPECT_FALSE(e->contains("participant"));
}

TEST(Fhir, TrialCasesFileOfTheValidatorRun) {
  const auto path = iptkit::test::source_dir() / "tests/fhir/trial-cases.json";
  std::map<std::string, std::string> status;
  for (const auto& e : iptkit::read_cohort(path.string(), read_file(path))) {
    ASSERT_TRUE(e.value.has_value());
    const auto& c = *e.value;
    SCOPED_TRACE(c.case_id);
    ASSERT_FALSE(free_text(c).empty());
    const auto text = iptkit::fhir_bundle(c);
    EXPECT_EQ(join(problems(c, text)), "");
    EXPECT_EQ(iptkit::fhir_bundle(c), text);
    const auto b = bj::parse(text);
    const auto subjects = resources_of(b, "ResearchSubject");
    status[c.case_id] = subjects.empty() ? "" : str(subjects[0]->at("status"));
  }
  const std::map<std::string, std::string> expected{
      {"FHIR-TRIAL-ON", "on-study"},        {"FHIR-TRIAL-OFF", "off-study"},
      {"FHIR-TRIAL-INELIGIBLE", "ineligible"}, {"FHIR-TRIAL-DECLINED", "withdrawn"},
      {"FHIR-TRIAL-CANDIDATE", "candidate"}, {"FHIR-TRIAL-GROUP", "on-study"},
      {"FHIR-AE-NO-TRIAL", ""}};
  EXPECT_EQ(status, expected);
}

}  // namespace
