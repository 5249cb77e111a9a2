// De-identification (spec interop-privacy.md "De-identification", docs/privacy.md): on every sample
// case and a synthetic cohort of 1,000, nothing of the input's text or identifiers is left in the
// output, the report or the output's findings; the output is a valid document with the same
// finding codes; dates move by one per-case offset; codes are random, unique and reproducible
// from a seed; and a text member nobody classified is caught.
#include "trial_case.hpp"

#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/privacy/deidentify.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "test_support.hpp"

// A described struct with a text member nobody classified: the guard must see it.
namespace probe_ns {
struct probe_inner {
  std::vector<std::string> secret;  // unclassified on purpose
  int n = 0;
};
BOOST_DESCRIBE_STRUCT(probe_inner, (), (secret, n))
struct probe {
  std::string kept;
  std::optional<probe_inner> inner;
};
BOOST_DESCRIBE_STRUCT(probe, (), (kept, inner))
}  // namespace probe_ns

template <>
inline constexpr iptkit::text_policy iptkit::text_policy_of<&probe_ns::probe::kept> =
    iptkit::text_policy::keep;

namespace {

using iptkit::case_record;
using iptkit::date_handling;
using iptkit::deid_random;
using iptkit::deidentified;
using iptkit::deidentify_options;

// ---------------------------------------------------------------------------------------------
// The cases: every sample document, the sample cohort and 1,000 synthetic cases.

struct named_case {
  std::string source;
  case_record value;
};

const std::vector<named_case>& samples() {
  static const std::vector<named_case> cases = [] {
    std::vector<named_case> out;
    for (const auto& path : iptkit::test::files_in("examples/data", ".json"))
      out.push_back({path.filename().string(),
                     iptkit::read_case(iptkit::test::read_file(path)).value()});
    const auto lines = iptkit::read_case_lines(
        iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl"));
    for (const auto& e : lines) out.push_back({"cohort.jsonl:" + std::to_string(e.line), e.value.value()});
    return out;
  }();
  return cases;
}

const std::vector<named_case>& synthetic() {
  static const std::vector<named_case> cases = [] {
    iptkit::synth_options o;
    o.seed = 20260105;
    o.cases = 1200;
    std::vector<named_case> out;
    for (auto& c : iptkit::synthesize(o)) out.push_back({c.case_id, std::move(c)});
    return out;
  }();
  return cases;
}

std::vector<const named_case*> everything() {
  std::vector<const named_case*> all;
  for (const auto& c : samples()) all.push_back(&c);
  for (const auto& c : synthetic()) all.push_back(&c);
  return all;
}

// ---------------------------------------------------------------------------------------------
// Generic walks of the description, independent of the library's (so they check it).

template <class T, class F>
void for_each_value(const T& v, F& f);

template <class T, class F>
void for_each_member(const T& v, F& f) {
  boost::mp11::mp_for_each<iptkit::meta::members_of<T>>([&](auto D) { for_each_value(v.*D.pointer, f); });
}

template <class T, class F>
void for_each_value(const T& v, F& f) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, iptkit::date>) {
    f(v);
  } else if constexpr (iptkit::meta::is_optional_v<T>) {
    if (v) for_each_value(*v, f);
  } else if constexpr (iptkit::meta::is_vector_v<T>) {
    for (const auto& e : v) for_each_value(e, f);
  } else if constexpr (iptkit::meta::is_variant_v<T>) {
    std::visit([&](const auto& alt) { for_each_member(alt, f); }, v);
  } else if constexpr (iptkit::meta::is_described_struct_v<T>) {
    for_each_member(v, f);
  }
}

std::vector<std::string> strings_of(const case_record& c) {
  std::vector<std::string> out;
  auto f = [&](const auto& v) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) out.push_back(v);
  };
  for_each_value(c, f);
  return out;
}

std::vector<iptkit::date> dates_of(const case_record& c) {
  std::vector<iptkit::date> out;
  auto f = [&](const auto& v) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, iptkit::date>) out.push_back(v);
  };
  for_each_value(c, f);
  return out;
}

// Every enum spelling and member name reachable from T: structure, not content.
template <class T>
void add_vocabulary(std::set<std::string>& words) {
  if constexpr (iptkit::meta::is_optional_v<T> || iptkit::meta::is_vector_v<T>) {
    add_vocabulary<typename T::value_type>(words);
  } else if constexpr (iptkit::meta::is_variant_v<T>) {
    words.insert(std::string(iptkit::meta::variant_tag<T>::key));
    [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) {
      (add_vocabulary<Ts>(words), ...);
    }(std::type_identity<T>{});
  } else if constexpr (iptkit::meta::is_described_enum_v<T>) {
    for (auto n : iptkit::meta::enum_names<T>()) words.insert(std::string(n));
  } else if constexpr (iptkit::meta::is_described_struct_v<T>) {
    boost::mp11::mp_for_each<iptkit::meta::members_of<T>>([&](auto D) {
      words.insert(D.name);
      add_vocabulary<std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>>(words);
    });
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// The study metadata that is kept on purpose, listed here by hand (not from the library's policy
// table, so a mistake there shows up as a leak here).
std::set<std::string> kept_values(const case_record& c) {
  std::set<std::string> kept{c.schema, c.adaptation};
  if (c.arm) kept.insert(*c.arm);
  if (c.site) kept.insert(*c.site);
  for (const auto& d : c.diagnoses) kept.insert(d.code);
  for (const auto& a : c.assessments) kept.insert(a.instrument);
  if (c.maintenance && c.maintenance->relapse_rule) kept.insert(c.maintenance->relapse_rule->instrument);
  return kept;
}

// Words that are structure: spellings, member names, kept values, what deidentify() writes.
std::vector<std::string> vocabulary(const case_record& c) {
  std::set<std::string> words;
  add_vocabulary<case_record>(words);
  for (const auto& k : kept_values(c)) words.insert(k);
  words.insert(std::string(iptkit::removed_text));
  for (auto kind : iptkit::meta::enum_names<iptkit::relationship_kind>())
    for (int n = 1; n <= 40; ++n) {
      words.insert(std::string(kind) + " " + std::to_string(n));
      words.insert(std::string(kind) + "_" + std::to_string(n));
    }
  for (int n = 1; n <= 40; ++n) words.insert("unlisted_" + std::to_string(n));
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(lower(w));
  return out;
}

// What must not appear: every original string (3+ characters) that is not structure. A string
// that is part of a structural word ("son" of "reason") cannot be told apart, so is skipped.
std::vector<std::string> originals(const case_record& c) {
  const auto kept = kept_values(c);
  const auto words = vocabulary(c);
  std::set<std::string> out{c.case_id};
  for (const auto& s : strings_of(c)) {
    if (s.size() < 3 || kept.count(s)) continue;
    const auto l = lower(s);
    if (std::any_of(words.begin(), words.end(), [&](const auto& w) { return w.find(l) != std::string::npos; }))
      continue;
    out.insert(s);
  }
  return {out.begin(), out.end()};
}

// Everything the de-identified case exposes: the document, the report, the findings' messages.
std::string exposed(const deidentified& d) {
  // Unchecked: a case with, say, a repeated relationship id must be scanned too.
  iptkit::write_options unchecked;
  unchecked.unchecked = true;
  std::string text = iptkit::write_case(d.value, unchecked) + iptkit::to_json(d.report);
  for (const auto& f : iptkit::validate(d.value)) text += f.message + "\n";
  text = lower(text);
  // The study code is random and checked on its own; blank it so a chance match cannot flake.
  const auto code = lower(d.mapping.study_code);
  for (auto at = text.find(code); at != std::string::npos; at = text.find(code, at))
    text.replace(at, code.size(), "#");
  return text;
}

std::multiset<std::string> codes(const std::vector<iptkit::finding>& found) {
  std::multiset<std::string> out;
  for (const auto& f : found) out.insert(f.code);
  return out;
}

case_record sample(std::string_view file) {
  for (const auto& c : samples())
    if (c.source == file) return c.value;
  throw std::logic_error("no sample " + std::string(file));
}

// ---------------------------------------------------------------------------------------------

TEST(deidentify, nothing_of_the_input_text_or_ids_is_left) {
  deid_random rng(7);
  std::size_t checked = 0;
  for (const auto* c : everything()) {
    const auto d = iptkit::deidentify(c->value, rng);
    const auto text = exposed(d);
    for (const auto& s : originals(c->value)) {
      ++checked;
      EXPECT_EQ(text.find(lower(s)), std::string::npos) << c->source << ": \"" << s << "\" leaked";
    }
    // The mapping is the one place that holds the original id.
    EXPECT_EQ(d.mapping.case_id, c->value.case_id);
  }
  EXPECT_GT(checked, 10000u) << "the scan must look at the cases' text, not skip it";
}

TEST(deidentify, every_kind_of_free_text_is_scanned) {
  // The sample data hold each free-text field, so the scan above covers each of them.
  const auto strings = [] {
    std::set<std::string> all;
    for (const auto& c : samples())
      for (const auto& s : originals(c.value)) all.insert(s);
    return all;
  }();
  for (const char* s : {"Old myocardial infarction", "Stops treating her as an invalid",
                        "Colleagues at the nursery", "husband", "nursery",
                        "Tell Husband which jobs she still wants to do herself", "Waking at 4 am",
                        "Keep the Sunday walk with Sister", "EX-MAINTENANCE"})
    EXPECT_TRUE(strings.count(s)) << s;
}

TEST(deidentify, output_is_valid_and_has_the_same_finding_codes) {
  deid_random rng(8);
  std::size_t with_findings = 0;
  for (const auto* c : everything()) {
    const auto d = iptkit::deidentify(c->value, rng);
    const auto text = iptkit::write_case(d.value);
    const auto again = iptkit::read_case(text);
    ASSERT_TRUE(again) << c->source << ": " << (again.errors().empty() ? "" : to_string(again.errors()[0]));
    EXPECT_EQ(*again, d.value) << c->source;
    const auto before = codes(iptkit::validate(c->value));
    EXPECT_EQ(codes(iptkit::validate(d.value)), before) << c->source;
    with_findings += before.empty() ? 0 : 1;
  }
  EXPECT_GT(with_findings, 50u) << "the comparison must include cases with findings";
}

TEST(deidentify, shifted_dates_keep_every_interval) {
  deid_random rng(9);
  int lowest = 0, highest = -1000;
  std::set<int> offsets;
  for (const auto* c : everything()) {
    const auto d = iptkit::deidentify(c->value, rng);
    const int shift = d.mapping.date_shift_days;
    EXPECT_GE(shift, -364);
    EXPECT_LE(shift, -1);
    lowest = std::min(lowest, shift);
    highest = std::max(highest, shift);
    offsets.insert(shift);
    const auto in = dates_of(c->value), out = dates_of(d.value);
    ASSERT_EQ(in.size(), out.size()) << c->source;
    ASSERT_FALSE(in.empty());
    // One offset for every date: so every interval between any two dates is unchanged.
    for (std::size_t i = 0; i < in.size(); ++i)
      EXPECT_EQ(iptkit::days_between(in[i], out[i]), shift) << c->source << " date " << i;
    const auto shifted = std::count_if(d.report.changes.begin(), d.report.changes.end(), [](const auto& ch) {
      return ch.action == iptkit::deid_action::shifted_date;
    });
    EXPECT_EQ(static_cast<std::size_t>(shifted), in.size()) << c->source;
  }
  // 1,000+ uniform draws reach both ends of the range and spread over it.
  EXPECT_LE(lowest, -350);
  EXPECT_GE(highest, -15);
  EXPECT_GT(offsets.size(), 300u);
}

// Therapist and group ids are pseudonymised like case ids, but consistently across the cases of
// one run, so an analysis of therapist or group effects still finds its clusters.
TEST(deidentify, therapist_and_group_ids_get_one_code_per_run) {
  auto a = iptkit::test::trial_case();
  auto b = iptkit::test::trial_case();
  b.case_id = "RD-018";
  b.sessions.at(1).therapist_id.reset();
  iptkit::deid_random rng(21);
  const auto out = iptkit::deidentify(std::vector<iptkit::case_record>{a, b}, rng);
  const auto& x = out[0].value;
  const auto& y = out[1].value;
  ASSERT_TRUE(x.therapist_id && y.therapist_id && x.group_id && y.group_id);
  EXPECT_EQ(*x.therapist_id, *y.therapist_id);
  EXPECT_EQ(*x.group_id, *y.group_id);
  EXPECT_TRUE(x.therapist_id->starts_with("T") && x.group_id->starts_with("G"));
  EXPECT_NE(*x.therapist_id, "th-07");
  ASSERT_TRUE(x.sessions.at(1).therapist_id);
  EXPECT_NE(*x.sessions.at(1).therapist_id, *x.therapist_id);  // another therapist, another code
  EXPECT_EQ(x.adverse_events.at(0).description, std::string(iptkit::removed_text));
  EXPECT_FALSE(x.discontinuation->notes);
  EXPECT_EQ(x.trial->allocation, a.trial->allocation);
  // The secret mapping names each id once per case; the report only where.
  const auto& m = out[0].mapping.pseudonyms;
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].field, "therapist_id");
  EXPECT_EQ(m[0].original, "th-07");
  EXPECT_EQ(m[0].code, *x.therapist_id);
  const auto report = iptkit::to_json(out[0].report);
  EXPECT_EQ(report.find("th-07"), std::string::npos);
  EXPECT_NE(report.find("replaced_therapist_id"), std::string::npos);
  EXPECT_TRUE(iptkit::validate(x).size() == iptkit::validate(a).size());
  // Another run, other codes.
  iptkit::deid_random other(22);
  EXPECT_NE(*iptkit::deidentify(a, other).value.therapist_id, *x.therapist_id);
}

TEST(deidentify, kept_dates_are_unchanged) {
  deid_random rng(10);
  const deidentify_options keep{date_handling::keep};
  for (const auto* c : everything()) {
    const auto d = iptkit::deidentify(c->value, rng, keep);
    EXPECT_EQ(dates_of(d.value), dates_of(c->value)) << c->source;
    EXPECT_EQ(d.mapping.date_shift_days, 0);
    EXPECT_EQ(d.report.dates, date_handling::keep);
  }
}

TEST(deidentify, study_codes_are_random_unique_and_valid_case_ids) {
  deid_random rng(11);
  std::set<std::string> seen;
  const std::regex shape("S[0-9A-HJKMNP-TV-Z]{8}");
  for (const auto* c : everything()) {
    const auto d = iptkit::deidentify(c->value, rng);
    EXPECT_TRUE(std::regex_match(d.value.case_id, shape)) << d.value.case_id;
    EXPECT_EQ(d.value.case_id, d.mapping.study_code);
    EXPECT_EQ(d.value.case_id, d.report.study_code);
    EXPECT_EQ(d.value.case_id.find(c->value.case_id), std::string::npos);
    EXPECT_TRUE(seen.insert(d.value.case_id).second) << "repeated " << d.value.case_id;
  }
  EXPECT_EQ(rng.issued(), seen.size());
  // Another prefix; still a case_id.
  const auto d = iptkit::deidentify(sample("grief-normal-brief.json"), rng, {date_handling::shift, "TRIAL-7."});
  EXPECT_TRUE(std::regex_match(d.value.case_id, std::regex("TRIAL-7\\.[0-9A-HJKMNP-TV-Z]{8}")));
}

TEST(deidentify, codes_come_from_the_random_source_not_the_case) {
  // The same case twice in one run gets two codes; two cases with the same seed get the same
  // codes whatever their ids.
  deid_random rng(12);
  const auto c = sample("grief-normal-brief.json");
  EXPECT_NE(iptkit::deidentify(c, rng).value.case_id, iptkit::deidentify(c, rng).value.case_id);
  auto other = c;
  other.case_id = "SOMEONE-ELSE";
  deid_random a(13), b(13);
  EXPECT_EQ(iptkit::deidentify(c, a).value.case_id, iptkit::deidentify(other, b).value.case_id);
}

TEST(deidentify, same_seed_same_output_other_seed_other_codes) {
  const auto cases = [] {
    std::vector<case_record> out;
    for (const auto& c : samples()) out.push_back(c.value);
    return out;
  }();
  deid_random a(99), b(99), c(100);
  const auto first = iptkit::deidentify(cases, a);
  const auto second = iptkit::deidentify(cases, b);
  const auto third = iptkit::deidentify(cases, c);
  ASSERT_EQ(first.size(), cases.size());
  EXPECT_EQ(first, second);
  std::size_t same_code = 0, same_shift = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    same_code += first[i].value.case_id == third[i].value.case_id;
    same_shift += first[i].mapping.date_shift_days == third[i].mapping.date_shift_days;
  }
  EXPECT_EQ(same_code, 0u);
  EXPECT_LT(same_shift, cases.size() / 4);
  // Keeping dates draws the same numbers, so the codes do not depend on the date option.
  deid_random d(99);
  const auto kept = iptkit::deidentify(cases, d, {date_handling::keep});
  for (std::size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(kept[i].value.case_id, first[i].value.case_id);
}

TEST(deidentify, operating_system_seeded_sources_differ) {
  deid_random a, b;
  EXPECT_NE(a.study_code("S"), b.study_code("S"));
}

TEST(deidentify, ages_above_89_become_90) {
  deid_random rng(14);
  auto c = sample("grief-normal-brief.json");
  for (const auto& [age, expected] : std::vector<std::pair<int, int>>{{17, 17}, {89, 89}, {90, 90}, {91, 90}, {120, 90}}) {
    c.age_at_intake = age;
    const auto d = iptkit::deidentify(c, rng);
    EXPECT_EQ(d.value.age_at_intake, expected) << age;
    const bool reported = std::any_of(d.report.changes.begin(), d.report.changes.end(), [](const auto& ch) {
      return ch.path == "/age_at_intake" && ch.action == iptkit::deid_action::capped_age;
    });
    EXPECT_EQ(reported, age != expected) << age;
  }
  c.age_at_intake.reset();
  EXPECT_FALSE(iptkit::deidentify(c, rng).value.age_at_intake);
  for (const auto* s : everything()) {
    const auto d = iptkit::deidentify(s->value, rng);
    if (s->value.age_at_intake) {
      EXPECT_EQ(*d.value.age_at_intake, std::min(*s->value.age_at_intake, 90));
    }
  }
}

TEST(deidentify, relationships_become_kind_and_index_and_references_follow) {
  deid_random rng(15);
  const auto d = iptkit::deidentify(sample("maintenance-recurrent-illness.json"), rng);
  const auto& rs = d.value.inventory->relationships;
  ASSERT_EQ(rs.size(), 4u);
  EXPECT_EQ(rs[0].id, "partner_1");
  EXPECT_EQ(rs[0].label, "partner 1");
  EXPECT_EQ(rs[1].id, "sibling_1");
  EXPECT_EQ(rs[2].label, "child 1");
  EXPECT_EQ(rs[3].id, "colleague_1");
  EXPECT_EQ(d.value.maintenance->support_contacts, (std::vector<std::string>{"partner_1", "sibling_1"}));
  // Numbers count within a kind; a friend is spelled as the case format spells it.
  case_record c = sample("role-dispute-renegotiation.json");
  using iptkit::relationship_kind;
  c.inventory->relationships.clear();
  for (auto [id, kind] : std::vector<std::pair<std::string, relationship_kind>>{
           {"jo", relationship_kind::friend_}, {"sam", relationship_kind::partner},
           {"alex", relationship_kind::friend_}}) {
    iptkit::relationship r;
    r.id = id;
    r.label = "Name of " + id;
    r.kind = kind;
    c.inventory->relationships.push_back(r);
  }
  c.formulation->focus = {iptkit::role_dispute_focus{"alex", iptkit::dispute_stage::impasse}};
  const auto e = iptkit::deidentify(c, rng);
  const auto& out = e.value.inventory->relationships;
  EXPECT_EQ(out[0].id, "friend_1");
  EXPECT_EQ(out[1].label, "partner 1");
  EXPECT_EQ(out[2].id, "friend_2");
  EXPECT_EQ(out[2].label, "friend 2");
  EXPECT_EQ(*iptkit::relationship_of(e.value.formulation->focus[0]), "friend_2");
}

TEST(deidentify, dangling_and_repeated_ids_keep_their_findings) {
  deid_random rng(16);
  auto c = sample("maintenance-recurrent-illness.json");
  c.maintenance->support_contacts = {"husband", "Mary 07700 900123", "brother", "Mary 07700 900123"};
  c.inventory->relationships[2].id = "sister";  // repeated id: F011
  iptkit::grief_focus grandad;
  grandad.relationship = "grandad";
  c.formulation->focus.emplace_back(std::move(grandad));
  const auto d = iptkit::deidentify(c, rng);
  EXPECT_EQ(d.value.maintenance->support_contacts,
            (std::vector<std::string>{"partner_1", "unlisted_2", "unlisted_3", "unlisted_2"}));
  EXPECT_EQ(d.value.inventory->relationships[2].id, "sibling_1");
  EXPECT_EQ(d.value.inventory->relationships[2].label, "child 1");
  // Numbered in document order: the formulation comes before the maintenance plan.
  EXPECT_EQ(*iptkit::relationship_of(d.value.formulation->focus[1]), "unlisted_1");
  const auto before = codes(iptkit::validate(c));
  EXPECT_GE(before.count("F006"), 3u);
  EXPECT_EQ(before.count("F011"), 1u);
  EXPECT_EQ(codes(iptkit::validate(d.value)), before);
  EXPECT_EQ(exposed(d).find("mary 0"), std::string::npos);
  EXPECT_EQ(exposed(d).find("07700"), std::string::npos);
}

TEST(deidentify, free_text_goes_and_required_text_becomes_a_placeholder) {
  deid_random rng(17);
  auto c = sample("maintenance-recurrent-illness.json");
  c.contract.renegotiations.push_back({13, 14, "Patient asked for two more"});
  c.concurrent_treatments.push_back({iptkit::treatment_kind::antidepressant, "sertraline", c.contract.start_date, {}});
  const auto d = iptkit::deidentify(c, rng);
  const auto& v = d.value;
  EXPECT_FALSE(v.notes);
  for (const auto& dx : v.diagnoses) EXPECT_FALSE(dx.label);
  EXPECT_EQ(v.diagnoses[1].code, "I25.2");
  EXPECT_FALSE(v.formulation->summary);
  const auto& t = std::get<iptkit::role_transition_focus>(v.formulation->focus[0]);
  EXPECT_FALSE(t.old_role);
  EXPECT_FALSE(t.new_role);
  EXPECT_EQ(t.transition, iptkit::transition_type::illness);
  for (const auto& r : v.inventory->relationships) {
    EXPECT_TRUE(r.satisfying.empty() && r.unsatisfying.empty() && r.desired_changes.empty());
    for (const auto& x : r.expectations) EXPECT_EQ(x.text, iptkit::removed_text);
  }
  EXPECT_EQ(v.inventory->relationships[0].expectations.size(), 2u);  // kept: F009 looks at them
  EXPECT_EQ(v.sessions[4].homework.at(0).text, iptkit::removed_text);
  EXPECT_EQ(v.sessions[4].homework.at(0).status, iptkit::homework_status::completed);
  EXPECT_TRUE(v.maintenance->warning_signs.empty());
  EXPECT_TRUE(v.maintenance->skills.empty());
  EXPECT_EQ(v.maintenance->relapse_rule->instrument, "phq9");
  EXPECT_FALSE(v.contract.renegotiations.at(0).reason);
  EXPECT_EQ(v.contract.renegotiations.at(0).planned_sessions, 14);
  EXPECT_FALSE(v.concurrent_treatments.at(0).name);
  EXPECT_EQ(v.arm, c.arm);
  EXPECT_EQ(v.site, c.site);
  EXPECT_EQ(v.adaptation, c.adaptation);
}

TEST(deidentify, report_names_places_and_actions_in_document_order) {
  deid_random rng(18);
  const auto c = sample("maintenance-recurrent-illness.json");
  const auto d = iptkit::deidentify(c, rng);
  using iptkit::deid_action;
  const auto& ch = d.report.changes;
  ASSERT_FALSE(ch.empty());
  EXPECT_EQ(ch.front().path, "/case_id");
  EXPECT_EQ(ch.front().action, deid_action::replaced_case_id);
  EXPECT_EQ(ch.back().path, "/notes");
  const auto has = [&](std::string_view path, deid_action action) {
    return std::any_of(ch.begin(), ch.end(), [&](const auto& x) { return x.path == path && x.action == action; });
  };
  EXPECT_TRUE(has("/diagnoses/0/label", deid_action::removed_text));
  EXPECT_TRUE(has("/contract/start_date", deid_action::shifted_date));
  EXPECT_TRUE(has("/inventory/relationships/0/id", deid_action::replaced_relationship_id));
  EXPECT_TRUE(has("/inventory/relationships/0/label", deid_action::replaced_label));
  EXPECT_TRUE(has("/inventory/relationships/0/expectations/1/text", deid_action::replaced_text));
  EXPECT_TRUE(has("/formulation/focus/0/old_role", deid_action::removed_text));
  EXPECT_TRUE(has("/formulation/focus/0/date", deid_action::shifted_date));
  EXPECT_TRUE(has("/sessions/4/homework/0/text", deid_action::replaced_text));
  EXPECT_TRUE(has("/maintenance/support_contacts/1", deid_action::rewrote_reference));
  EXPECT_FALSE(has("/arm", deid_action::removed_text));
  for (std::size_t i = 1; i < ch.size(); ++i)
    EXPECT_LE(iptkit::meta::order_key<case_record>(ch[i - 1].path),
              iptkit::meta::order_key<case_record>(ch[i].path)) << ch[i].path;
  // Neither the original id nor the offset is in the shareable report.
  const auto json = iptkit::to_json(d.report);
  EXPECT_EQ(json.find(c.case_id), std::string::npos);
  EXPECT_EQ(json.find("shift_days"), std::string::npos);
  EXPECT_NE(iptkit::to_json(d.mapping).find(c.case_id), std::string::npos);
}

TEST(deidentify, an_unclassified_text_member_is_caught) {
  static_assert(iptkit::unclassified_text_count<case_record>() == 0);
  static_assert(iptkit::unclassified_text_count<probe_ns::probe>() == 1);
  EXPECT_TRUE(iptkit::unclassified_text_members<case_record>().empty());
  EXPECT_EQ(iptkit::unclassified_text_members<probe_ns::probe>(),
            std::vector<std::string>{"probe_inner::secret"});
}

TEST(deidentify, docs_list_every_text_member) {
  const auto doc = iptkit::test::read_file(iptkit::test::source_dir() / "docs/privacy.md");
  std::vector<std::string> members;
  iptkit::detail::for_each_text_member<case_record>([&](auto, auto D) { members.push_back(D.name); });
  EXPECT_GE(members.size(), 25u);
  // Named alone (`notes`) or as the last step of a path (`diagnoses[].label`).
  for (const auto& m : members)
    EXPECT_TRUE(doc.find("`" + m + "`") != std::string::npos || doc.find("." + m + "`") != std::string::npos)
        << m;
}

TEST(deidentify, bad_prefix_is_an_error_before_anything_is_drawn) {
  EXPECT_TRUE(iptkit::deidentify_option_errors({}).empty());
  EXPECT_EQ(iptkit::deidentify_option_errors({date_handling::shift, "S/"}).size(), 1u);
  EXPECT_EQ(iptkit::deidentify_option_errors({date_handling::shift, std::string(57, 'S')}).size(), 1u);
  EXPECT_TRUE(iptkit::deidentify_option_errors({date_handling::shift, std::string(56, 'S')}).empty());
  deid_random rng(19);
  EXPECT_THROW(iptkit::deidentify(sample("grief-normal-brief.json"), rng, {date_handling::shift, "a b"}),
               std::invalid_argument);
  EXPECT_EQ(rng.issued(), 0u);
}

TEST(deid_random, chacha20_block_matches_rfc_8439) {
  // RFC 8439 section 2.3.2: key 00..1f, nonce 000000090000004a00000000, block count 1. In the
  // 64/64 layout the counter word pair is (1, 0x09000000) and the nonce pair (0x4a000000, 0).
  const std::array<std::uint32_t, 8> key{0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c,
                                         0x13121110, 0x17161514, 0x1b1a1918, 0x1f1e1d1c};
  const std::array<std::uint32_t, 16> expected{
      0xe4e7f110, 0x15593bd1, 0x1fdd0f50, 0xc47120a3, 0xc7f4d1c7, 0x0368c033, 0x9aaa2204, 0x4e6cd4c3,
      0x466482d2, 0x09aa9f07, 0x05d7c214, 0xa2028bd9, 0xd19c12b5, 0xb94e16de, 0xe883d0cb, 0x4e3c50a2};
  EXPECT_EQ(iptkit::detail::chacha20_block(key, 0x0900000000000001ull, 0x4a000000ull), expected);
}

TEST(deid_random, uniform_covers_the_range_evenly) {
  deid_random rng(20);
  std::map<int, int> counts;
  for (int i = 0; i < 70000; ++i) ++counts[rng.uniform(-7, -1)];
  ASSERT_EQ(counts.size(), 7u);
  EXPECT_EQ(counts.begin()->first, -7);
  EXPECT_EQ(counts.rbegin()->first, -1);
  for (const auto& [value, n] : counts) EXPECT_NEAR(n, 10000, 500) << value;
}

}  // namespace
