// The synthetic trial (synth_options::trial): screening failures, randomisation, therapists and
// groups with a therapist effect, discontinuations, follow-up visits and adverse events. The
// CONSORT flow of a synthetic trial is checked against counts made here from the records.
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/stats/icc.hpp>
#include <iptkit/synth/generator.hpp>
#include <iptkit/trials/consort.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace iptkit;

synth_options trial_options(std::size_t cases, std::uint64_t seed = 5) {
  synth_options o;
  o.cases = cases;
  o.seed = seed;
  o.deviations = {0, 0, 0, 0};
  o.risk_rate = 0;
  o.trial = synth_trial{};
  return o;
}

bool attended_any(const case_record& c) {
  return std::any_of(c.sessions.begin(), c.sessions.end(),
                     [](const session& v) { return v.attendance == attendance::attended; });
}

TEST(synth_trial, without_trial_options_no_case_has_a_trial_record) {
  synth_options o;
  o.cases = 300;
  for (const auto& c : synthesize(o)) {
    EXPECT_FALSE(c.trial || c.therapist_id || c.group_id || c.discontinuation) << c.case_id;
    EXPECT_TRUE(c.adverse_events.empty()) << c.case_id;
  }
}

TEST(synth_trial, the_clinical_course_is_the_same_with_and_without_the_trial_record_when_therapists_do_not_differ) {
  auto with = trial_options(200);
  with.trial->therapist_effect_sd = 0;
  auto without = with;
  without.trial.reset();
  const auto a = synthesize(with), b = synthesize(without);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].trial->randomised_on) continue;  // a screening failure keeps only its profile
    EXPECT_EQ(a[i].contract, b[i].contract);
    EXPECT_EQ(a[i].sessions.size(), b[i].sessions.size()) << a[i].case_id;
    EXPECT_GE(a[i].assessments.size(), b[i].assessments.size()) << a[i].case_id;  // + follow-up visits
  }
}

TEST(synth_trial, records_are_valid_and_break_no_rule_but_relapse_alerts) {
  const auto cohort = synthesize(trial_options(1500));
  for (const auto& c : cohort) {
    ASSERT_TRUE(c.trial) << c.case_id;
    for (const auto& f : validate(c)) EXPECT_EQ(f.code, "M003") << c.case_id << " " << to_string(f);
    const auto back = read_case(write_case(c));
    ASSERT_TRUE(back.has_value()) << c.case_id;
    EXPECT_EQ(*back, c) << c.case_id;
  }
}

TEST(synth_trial, consort_counts_match_counts_made_from_the_records) {
  const auto cohort = synthesize(trial_options(2000, 17));
  const auto flow = consort(cohort);

  // Independent counts: straight from the fields, without the consort code.
  std::size_t screened = 0, randomised = 0, not_eligible = 0, declined = 0, reasons_given = 0;
  std::map<std::string, std::size_t> patients_per_reason;
  struct arm_counts {
    std::size_t allocated = 0, received = 0, lost = 0, discontinued = 0;
    std::map<std::string, std::size_t> by_reason;
  };
  std::map<std::string, arm_counts> arms;
  for (const auto& c : cohort) {
    if (c.trial->eligible) ++screened;
    if (!c.trial->randomised_on) {
      (*c.trial->eligible ? declined : not_eligible) += 1;
      const std::set<std::string> distinct(c.trial->exclusion_reasons.begin(), c.trial->exclusion_reasons.end());
      reasons_given += distinct.size();
      for (const auto& r : distinct) ++patients_per_reason[r];
      continue;
    }
    ++randomised;
    auto& a = arms[*c.trial->allocation];
    ++a.allocated;
    if (c.arm == c.trial->allocation && attended_any(c)) ++a.received;
    if (c.discontinuation) {
      const std::string reason(meta::enum_name(c.discontinuation->reason));
      ++a.by_reason[reason];
      (reason == "lost_to_follow_up" ? a.lost : a.discontinued) += 1;
    }
  }

  EXPECT_EQ(flow.assessed.n, screened);
  EXPECT_EQ(flow.assessed.n, cohort.size());  // every synthetic record was screened
  EXPECT_EQ(flow.randomised.n, randomised);
  EXPECT_EQ(flow.not_eligible.n, not_eligible);
  EXPECT_EQ(flow.declined.n, declined);
  EXPECT_EQ(flow.excluded.n, not_eligible + declined);
  EXPECT_EQ(flow.exclusion_reasons_given, reasons_given);
  EXPECT_GT(reasons_given, flow.excluded.n);  // some patients gave two reasons
  ASSERT_EQ(flow.exclusion_reasons.size(), patients_per_reason.size());
  for (const auto& r : flow.exclusion_reasons) EXPECT_EQ(r.patients.n, patients_per_reason.at(r.reason)) << r.reason;

  ASSERT_EQ(flow.arms.size(), arms.size());
  for (const auto& a : flow.arms) {
    const auto& mine = arms.at(a.arm);
    EXPECT_EQ(a.allocated.n, mine.allocated) << a.arm;
    EXPECT_EQ(a.received_allocated.n, mine.received) << a.arm;
    EXPECT_EQ(a.did_not_receive.n, mine.allocated - mine.received) << a.arm;
    EXPECT_EQ(a.lost_to_follow_up.n, mine.lost) << a.arm;
    EXPECT_EQ(a.discontinued.n, mine.discontinued) << a.arm;
    EXPECT_EQ(a.analysed.n, mine.allocated) << a.arm;  // intention to treat
    for (const auto& r : a.discontinued_reasons) EXPECT_EQ(r.patients.n, mine.by_reason.at(r.reason)) << r.reason;
    EXPECT_GT(mine.lost, 0u);
    EXPECT_GT(mine.allocated, mine.received);  // crossovers and courses never started
  }
  EXPECT_TRUE(flow.notes.empty());  // nothing placed by assumption
}

TEST(synth_trial, rates_follow_the_options) {
  const auto o = trial_options(4000, 23);
  const auto cohort = synthesize(o);
  std::size_t failures = 0, declined = 0, randomised = 0, crossovers = 0, dropouts = 0, discontinued = 0,
              with_events = 0, serious = 0;
  for (const auto& c : cohort) {
    if (!c.trial->randomised_on) {
      ++failures;
      declined += *c.trial->eligible;
      EXPECT_FALSE(c.arm) << c.case_id;
      EXPECT_TRUE(c.sessions.empty()) << c.case_id;
      continue;
    }
    ++randomised;
    EXPECT_EQ(c.trial->site, c.site);
    EXPECT_LT(*c.trial->randomised_on, c.sessions.front().date);
    if (c.trial->allocation != c.arm) {
      ++crossovers;
      EXPECT_TRUE(c.trial->arm_change_reason) << c.case_id;
    }
    // A course that stopped before its planned last session is a dropout: discontinued.
    const int planned = c.contract.renegotiations.empty() ? c.contract.planned_sessions
                                                          : c.contract.renegotiations.back().planned_sessions;
    int last_acute = 0;
    for (const auto& v : c.sessions)
      if (v.phase != phase::maintenance) last_acute = v.number;
    const bool ended_early = last_acute < planned;
    EXPECT_EQ(c.discontinuation.has_value(), ended_early) << c.case_id;
    dropouts += ended_early;
    discontinued += c.discontinuation.has_value();
    if (c.discontinuation) {
      EXPECT_GT(c.discontinuation->date, c.sessions.back().date);
    }
    with_events += !c.adverse_events.empty();
    for (const auto& e : c.adverse_events) serious += e.serious;
  }
  const auto near = [](double rate, double target, double tolerance) { return std::abs(rate - target) <= tolerance; };
  const double n = static_cast<double>(cohort.size());
  EXPECT_TRUE(near(failures / n, 0.2, 0.025)) << failures;
  EXPECT_TRUE(near(static_cast<double>(declined) / static_cast<double>(failures), 0.35, 0.06)) << declined;
  EXPECT_TRUE(near(static_cast<double>(crossovers) / static_cast<double>(randomised), 0.02, 0.012)) << crossovers;
  EXPECT_TRUE(near(static_cast<double>(with_events) / static_cast<double>(randomised), 0.06, 0.02)) << with_events;
  EXPECT_GT(serious, 0u);
  EXPECT_TRUE(near(static_cast<double>(discontinued) / static_cast<double>(randomised), o.dropout_rate, 0.03))
      << discontinued;
  EXPECT_EQ(discontinued, dropouts);
}

TEST(synth_trial, therapists_and_groups) {
  const auto o = trial_options(3000, 29);
  std::map<std::string, std::set<std::string>> therapists_of_group;
  std::map<std::string, std::set<std::string>> therapists_of_site;
  std::size_t colleague_sessions = 0;
  for (const auto& c : synthesize(o)) {
    if (!c.trial->randomised_on) continue;
    ASSERT_TRUE(c.therapist_id) << c.case_id;
    therapists_of_site[*c.site].insert(*c.therapist_id);
    EXPECT_EQ(c.group_id.has_value(), c.contract.format == therapy_format::group) << c.case_id;
    if (c.group_id) therapists_of_group[*c.group_id].insert(*c.therapist_id);
    for (const auto& v : c.sessions)
      if (v.therapist_id) {
        ++colleague_sessions;
        EXPECT_NE(*v.therapist_id, *c.therapist_id);
        EXPECT_TRUE(v.therapist_id->starts_with(*c.site)) << *v.therapist_id;
      }
  }
  EXPECT_GT(colleague_sessions, 0u);
  EXPECT_GT(therapists_of_group.size(), 10u);
  for (const auto& [group, therapists] : therapists_of_group) EXPECT_EQ(therapists.size(), 1u) << group;
  for (const auto& [site, therapists] : therapists_of_site) EXPECT_EQ(therapists.size(), 8u) << site;  // 4 per arm
}

// PHQ-9 change clustered by therapist: the ICC is near 0 without a therapist effect and clearly
// above it with a large one.
TEST(synth_trial, the_therapist_effect_shows_in_the_icc_of_change) {
  const auto icc_of = [](double sd) {
    auto o = trial_options(3000, 31);
    o.trial->therapist_effect_sd = sd;
    o.trial->therapists_per_site = 10;
    o.arms.resize(1);  // one arm: no arm difference in the clusters
    o.arms[0].adaptations = {{"ipt", 1}};
    const auto cohort = synthesize(o);
    std::vector<double> change;
    std::vector<std::string> cluster;
    for (const auto& row : outcomes(cohort))
      if (row.instrument == "phq9" && row.change) {
        change.push_back(*row.change);
        cluster.push_back(*cohort[row.case_index].therapist_id);
      }
    return stats::icc(change, cluster).icc.value();
  };
  EXPECT_LT(icc_of(0.0), 0.02);
  EXPECT_GT(icc_of(0.2), 0.05);
}

TEST(synth_trial, follow_up_visits_fall_in_their_windows) {
  const auto o = trial_options(1500, 37);
  std::size_t visits = 0, possible = 0;
  for (const auto& c : synthesize(o)) {
    if (!c.trial->randomised_on || c.discontinuation || c.maintenance || c.sessions.empty()) continue;
    const date last = c.sessions.back().date;
    possible += o.trial->follow_up_days.size();
    for (const auto& a : c.assessments) {
      const long d = days_between(last, a.date);
      if (d <= 14) continue;
      ++visits;
      EXPECT_TRUE(std::any_of(o.trial->follow_up_days.begin(), o.trial->follow_up_days.end(),
                              [&](int day) { return std::abs(d - day) <= 7; }))
          << c.case_id << " " << d;
    }
  }
  ASSERT_GT(possible, 0u);
  EXPECT_NEAR(static_cast<double>(visits) / static_cast<double>(possible), 0.85, 0.04);
}

TEST(synth_trial, invalid_trial_options_are_reported) {
  auto o = trial_options(10);
  o.trial->screen_failure_rate = 1.5;
  o.trial->follow_up_days = {3};
  const auto errors = synth_option_errors(o);
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_THROW((void)synthesize(o), std::invalid_argument);
}

}  // namespace
