// Time to relapse or recurrence in maintenance: who is at risk, time and event from the outcome
// rows, the groups, and the curves and test computed on them.
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/synth/generator.hpp>
#include <iptkit/trials/relapse_survival.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using namespace iptkit;

// Two arms that both offer maintenance, the second with more relapses than the first.
std::vector<case_record> maintenance_trial() {
  synth_options o;
  o.cases = 3000;
  o.seed = 43;
  o.trial = synth_trial{};
  o.maintenance_share = 0.8;
  o.arms = {{"ipt_m", 1, {{"ipt", 1}}, 0.6, 0.35, true, 0.06}, {"cm", 1, {{"ipt", 1}}, 0.6, 0.35, true, 0.06}};
  return synthesize(o);
}

TEST(relapse_survival, cases_at_risk_and_their_times_come_from_the_rows) {
  const auto cases = maintenance_trial();
  const auto rows = outcomes(cases);
  const auto itt = select_analysis_set(cases, analysis_set::itt);
  const auto fit = relapse_survival(cases, rows, itt, group_labels(cases, group_by::arm), group_by::arm);

  // Independently: a randomised case with a maintenance plan and relapse_days on some row.
  std::map<std::string, std::pair<double, int>> expected;
  for (const auto& r : rows) {
    const auto& c = cases[r.case_index];
    if (!c.trial->randomised_on || !r.relapse_days) continue;
    expected[c.case_id] = {static_cast<double>(*r.relapse_days), *r.relapse_rule_fired ? 1 : 0};
  }
  ASSERT_EQ(fit.subjects.size(), expected.size());
  std::size_t events = 0;
  for (const auto& s : fit.subjects) {
    const auto& [days, event] = expected.at(s.case_id);
    EXPECT_EQ(s.days, days) << s.case_id;
    EXPECT_EQ(s.event, event) << s.case_id;
    EXPECT_EQ(s.group, *cases[s.case_index].trial->allocation) << s.case_id;
    EXPECT_TRUE(cases[s.case_index].maintenance) << s.case_id;
    events += static_cast<std::size_t>(s.event);
  }
  EXPECT_GT(events, 20u);
  EXPECT_EQ(fit.not_at_risk, itt.size - fit.subjects.size());
  EXPECT_EQ(fit.kaplan_meier.medians.size(), 2u);
  ASSERT_TRUE(fit.logrank);
  EXPECT_EQ(fit.logrank->df, 1u);
  double observed = 0;
  for (double o : fit.logrank->observed) observed += o;
  EXPECT_EQ(observed, static_cast<double>(events));
  EXPECT_EQ(fit.notes.size(), 2u);
  EXPECT_NE(fit.notes[0].find("Analysis set itt"), std::string::npos) << fit.notes[0];
}

TEST(relapse_survival, no_case_at_risk_gives_no_curve_and_says_so) {
  synth_options o;
  o.cases = 50;
  o.maintenance_share = 0;
  const auto cases = synthesize(o);
  const auto rows = outcomes(cases);
  const auto fit = relapse_survival(cases, rows, select_analysis_set(cases, analysis_set::completers),
                                    group_labels(cases, group_by::arm), group_by::arm);
  EXPECT_TRUE(fit.subjects.empty());
  EXPECT_TRUE(fit.kaplan_meier.table.empty());
  EXPECT_FALSE(fit.logrank);
  EXPECT_EQ(fit.notes.back(), "No case is at risk: there is no survival curve.");
}

TEST(relapse_survival, pointer_and_value_forms_agree) {
  const auto cases = maintenance_trial();
  const auto rows = outcomes(cases);
  std::vector<const case_record*> pointers;
  for (const auto& c : cases) pointers.push_back(&c);
  const auto set = select_analysis_set(pointers, analysis_set::itt);
  EXPECT_EQ(set, select_analysis_set(cases, analysis_set::itt));
  const auto labels = group_labels(cases, group_by::none);
  EXPECT_EQ(relapse_survival(pointers, rows, set, labels, group_by::none),
            relapse_survival(cases, rows, set, labels, group_by::none));
}

}  // namespace
