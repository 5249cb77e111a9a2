// Analysis sets: who is in completers, itt and per_protocol and in which arm, the loud refusals,
// and cohort statistics under each set (counts checked against counts made here from the rows).
#include "trial_case.hpp"

#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/synth/generator.hpp>
#include <iptkit/trials/analysis_set.hpp>

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace iptkit;

case_record base() {
  auto c = test::trial_case();
  c.discontinuation.reset();
  c.trial->allocation = c.arm;
  return c;
}

std::vector<case_record> small_trial() {
  std::vector<case_record> cases;
  auto screened = base();
  screened.case_id = "S1";
  screened.trial->randomised_on.reset();
  screened.sessions.clear();
  cases.push_back(screened);
  auto crossed = base();
  crossed.case_id = "R2";
  crossed.trial->allocation = "tau";
  cases.push_back(crossed);
  auto stopped = base();
  stopped.case_id = "R3";
  stopped.discontinuation = discontinuation{stopped.sessions.back().date, discontinuation_reason::moved_away, {}, {}};
  cases.push_back(stopped);
  auto plain = base();
  plain.case_id = "P4";
  plain.trial.reset();
  cases.push_back(plain);
  return cases;
}

TEST(analysis_set, completers_leave_out_only_records_never_randomised) {
  const auto cases = small_trial();
  const auto p = select_analysis_set(cases, analysis_set::completers);
  EXPECT_EQ(p.member, (std::vector<std::uint8_t>{0, 1, 1, 1}));
  EXPECT_EQ(p.size, 3u);
  EXPECT_EQ(p.excluded_because[0], "screened, not randomised");
  EXPECT_EQ(p.arm[1], *cases[1].arm);  // the arm received
}

TEST(analysis_set, itt_takes_every_randomised_case_in_its_allocated_arm) {
  const auto cases = small_trial();
  const auto p = select_analysis_set(cases, analysis_set::itt);
  EXPECT_EQ(p.member, (std::vector<std::uint8_t>{0, 1, 1, 0}));
  EXPECT_EQ(p.arm[1], "tau");  // allocated, though it received another arm
  EXPECT_EQ(p.excluded_because[3], "not randomised");
}

TEST(analysis_set, per_protocol_says_why_each_case_is_out) {
  const auto cases = small_trial();
  const std::vector<std::uint8_t> none(cases.size(), 0);
  const auto p = select_analysis_set(cases, analysis_set::per_protocol, none);
  EXPECT_EQ(p.excluded_because[1], "received another arm than allocated");
  EXPECT_EQ(p.excluded_because[2], "discontinued");
  // The base case has four attended sessions and no termination session yet.
  auto finished = base();
  EXPECT_EQ(select_analysis_set(std::span(&finished, 1), analysis_set::per_protocol, std::vector<std::uint8_t>{0})
                .excluded_because[0],
            "did not finish treatment (no attended termination session)");
  finished.sessions.back().phase = phase::termination;
  const auto ok = select_analysis_set(std::span(&finished, 1), analysis_set::per_protocol, std::vector<std::uint8_t>{0});
  EXPECT_EQ(ok.size, 1u);
  const auto deviating = select_analysis_set(std::span(&finished, 1), analysis_set::per_protocol, std::vector<std::uint8_t>{1});
  EXPECT_EQ(deviating.excluded_because[0], "major protocol deviation (an error-severity finding)");
  finished.assessments.clear();  // ICH E9: the measurements must be available
  EXPECT_EQ(select_analysis_set(std::span(&finished, 1), analysis_set::per_protocol, std::vector<std::uint8_t>{0})
                .excluded_because[0],
            "no measures recorded");
}

TEST(analysis_set, a_set_that_would_be_silently_empty_is_refused) {
  auto cases = small_trial();
  for (auto& c : cases) c.trial.reset();
  const auto errors = analysis_set_errors(cases, analysis_set::itt);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("none of the 4 case(s) was randomised"), std::string::npos) << errors[0];
  EXPECT_THROW((void)select_analysis_set(cases, analysis_set::itt), std::invalid_argument);
  EXPECT_TRUE(analysis_set_errors(cases, analysis_set::completers).empty());
  // per_protocol needs one deviation flag per case.
  EXPECT_THROW((void)select_analysis_set(small_trial(), analysis_set::per_protocol), std::invalid_argument);
}

TEST(analysis_set, major_deviations_are_error_findings) {
  std::vector<std::vector<finding>> findings(3);
  findings[1].push_back({"C003", severity::error, "/sessions/1/date", "x"});
  findings[2].push_back({"C001", severity::warning, "/contract", "x"});
  EXPECT_EQ(major_deviations(findings), (std::vector<std::uint8_t>{0, 1, 0}));
}

// A synthetic trial under itt: the response denominators and counts per allocated arm, made here
// from the rows, with missing endpoints as non-response and left out.
TEST(analysis_set, itt_summary_counts_missing_endpoints_as_stated) {
  synth_options o;
  o.cases = 1500;
  o.seed = 41;
  o.trial = synth_trial{};
  const auto cohort = synthesize(o);
  const auto rows = outcomes(cohort);
  const auto population = select_analysis_set(cohort, analysis_set::itt);

  struct counts { std::size_t n = 0, k = 0, observed = 0; };
  std::map<std::string, counts> mine;
  std::map<std::string, std::size_t> unscored;
  for (const auto& r : rows) {
    const auto& c = cohort[r.case_index];
    if (!c.trial->randomised_on) continue;
    const std::string arm = *c.trial->allocation;
    if (r.instrument.empty()) {
      ++unscored[arm];
      continue;
    }
    if (r.instrument != "phq9") continue;
    auto& m = mine[arm];
    ++m.n;  // a baseline of 0 never happens here: every synthetic intake PHQ-9 is 8 or more
    if (r.response) {
      ++m.observed;
      m.k += *r.response;
    }
  }
  for (auto missing : {missing_outcome::non_response, missing_outcome::left_out}) {
    const auto s = summarize(rows, population, group_labels(cohort, group_by::arm), group_by::arm, missing);
    EXPECT_EQ(s.analysis_set, analysis_set::itt);
    EXPECT_EQ(s.missing_endpoints, missing);
    EXPECT_EQ(s.population, population.size);
    EXPECT_FALSE(s.notes.empty());
    std::size_t seen = 0;
    for (const auto& g : s.groups) {
      if (g.instrument != "phq9") continue;
      ++seen;
      const auto& m = mine.at(g.group);
      const std::size_t extra = unscored.count(g.group) ? unscored.at(g.group) : 0;
      EXPECT_EQ(g.cases, m.n + extra) << g.group;
      EXPECT_EQ(g.response.k, m.k) << g.group;
      EXPECT_EQ(g.response.n, missing == missing_outcome::non_response ? m.n + extra : m.observed) << g.group;
      EXPECT_EQ(g.analysis_set, analysis_set::itt);
    }
    EXPECT_EQ(seen, 2u);
  }
  // Completers: the rates only where observed, and the records never randomised are out.
  const auto completers = select_analysis_set(cohort, analysis_set::completers);
  const auto s = summarize(rows, completers, group_labels(cohort, group_by::arm), group_by::arm);
  EXPECT_FALSE(s.missing_endpoints);
  std::size_t observed = 0, in_summary = 0;
  for (const auto& r : rows) observed += r.instrument == "phq9" && r.response.has_value();
  for (const auto& g : s.groups)
    if (g.instrument == "phq9") in_summary += g.response.n;
  EXPECT_EQ(in_summary, observed);
}

// Never-measured randomised cases are missing on the primary instrument (the one measured in most
// cases) only: not on GAD-7, which a trial may give to some patients, nor on the paired row,
// which has no response. Discontinued cases fail too under discontinued_non_response.
TEST(analysis_set, never_measured_cases_count_on_the_primary_instrument_only) {
  synth_options o;
  o.cases = 600;
  o.seed = 7;
  o.trial = synth_trial{};
  auto cohort = synthesize(o);
  std::size_t cleared = 0;
  for (auto& c : cohort)
    if (c.trial->randomised_on && c.arm == "ipt" && cleared < 10) {
      c.assessments.clear();
      ++cleared;
    }
  const auto rows = outcomes(cohort);
  const auto itt = select_analysis_set(cohort, analysis_set::itt);
  const auto labels = group_labels(cohort, group_by::arm);
  const auto with = summarize(rows, itt, labels, group_by::arm, missing_outcome::non_response);
  const auto without = summarize(rows, itt, labels, group_by::arm, missing_outcome::left_out);
  const auto find = [](const cohort_summary& s, const std::string& g, const std::string& i) {
    for (const auto& x : s.groups)
      if (x.group == g && x.instrument == i) return x;
    ADD_FAILURE() << g << " " << i;
    return group_summary{};
  };
  EXPECT_EQ(find(with, "ipt", "phq9").cases, find(without, "ipt", "phq9").cases);  // rows: both include them
  EXPECT_GE(find(with, "ipt", "phq9").response.n, find(without, "ipt", "phq9").response.n + cleared);
  std::size_t gad7_rows = 0;
  for (const auto& r : rows)
    gad7_rows += r.instrument == "gad7" && itt.member[r.case_index] && itt.arm[r.case_index] == "ipt";
  EXPECT_EQ(find(with, "ipt", "gad7").cases, gad7_rows);
  EXPECT_EQ(find(with, "ipt", "phq9+gad7").response.n, 0u);
  bool named = false;
  for (const auto& n : with.notes) named = named || n.find("10 case(s) never measured are in the denominators of phq9") != std::string::npos;
  EXPECT_TRUE(named);

  const auto strict = summarize(rows, itt, labels, group_by::arm, missing_outcome::discontinued_non_response);
  std::size_t discontinued_responders = 0;
  for (const auto& r : rows)
    discontinued_responders += r.instrument == "phq9" && itt.member[r.case_index] && itt.arm[r.case_index] == "ipt" &&
                               itt.discontinued[r.case_index] && r.response.value_or(false);
  EXPECT_GT(discontinued_responders, 0u);
  EXPECT_EQ(find(strict, "ipt", "phq9").response.n, find(with, "ipt", "phq9").response.n);
  EXPECT_EQ(find(strict, "ipt", "phq9").response.k + discontinued_responders, find(with, "ipt", "phq9").response.k);
}

}  // namespace
