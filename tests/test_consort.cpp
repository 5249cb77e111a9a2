// The CONSORT flow from case records: each box's count and ids, reasons counted as patients and as
// reasons, and a note for every record the diagram places by assumption.
#include "test_support.hpp"

#include <iptkit/json/read.hpp>
#include <iptkit/trials/consort.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace iptkit;

case_record base_case() {
  return read_case(test::read_file(test::source_dir() / "tests/data/base-case.json")).value();
}

case_record screened(std::string id, bool eligible, std::vector<std::string> reasons = {}) {
  auto c = base_case();
  c.case_id = std::move(id);
  c.sessions.clear();
  c.trial = trial_record{};
  c.trial->eligible = eligible;
  c.trial->exclusion_reasons = std::move(reasons);
  return c;
}

case_record randomised(std::string id, std::string allocation, std::string received) {
  auto c = base_case();  // four attended sessions
  c.case_id = std::move(id);
  c.arm = std::move(received);
  c.trial = trial_record{};
  c.trial->eligible = true;
  c.trial->randomised_on = parse_date("2026-01-02").value();
  c.trial->allocation = std::move(allocation);
  return c;
}

std::vector<case_record> small_trial() {
  std::vector<case_record> cases;
  cases.push_back(screened("S1", false, {"bipolar disorder", "age over 65"}));
  cases.push_back(screened("S2", false, {"bipolar disorder"}));
  cases.push_back(screened("S3", true, {"declined", "declined"}));  // the same reason twice: once
  cases.push_back(randomised("R1", "ipt", "ipt"));
  cases.push_back(randomised("R2", "ipt", "tau"));  // received the other arm
  cases.push_back(randomised("R3", "tau", "tau"));
  cases.back().sessions.clear();                     // never attended
  cases.push_back(randomised("R4", "tau", "tau"));
  cases.back().discontinuation = discontinuation{parse_date("2026-02-01").value(),
                                                 discontinuation_reason::lost_to_follow_up, {}, {}};
  cases.push_back(randomised("R5", "ipt", "ipt"));
  cases.back().discontinuation = discontinuation{parse_date("2026-02-01").value(),
                                                 discontinuation_reason::adverse_event, {}, {}};
  return cases;
}

std::vector<std::string> ids(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

TEST(consort, enrolment_counts_patients_and_reasons_apart) {
  const auto f = consort(small_trial());
  EXPECT_EQ(f.assessed.n, 8u);
  EXPECT_EQ(f.excluded.case_ids, ids({"S1", "S2", "S3"}));
  EXPECT_EQ(f.not_eligible.case_ids, ids({"S1", "S2"}));
  EXPECT_EQ(f.declined.case_ids, ids({"S3"}));
  ASSERT_EQ(f.exclusion_reasons.size(), 3u);
  EXPECT_EQ(f.exclusion_reasons[0].reason, "bipolar disorder");
  EXPECT_EQ(f.exclusion_reasons[0].patients.case_ids, ids({"S1", "S2"}));
  EXPECT_EQ(f.exclusion_reasons[1].patients.n, 1u);
  EXPECT_EQ(f.exclusion_reasons_given, 4u);  // 3 patients excluded, 4 reasons
  EXPECT_EQ(f.randomised.n, 5u);
  EXPECT_TRUE(f.notes.empty());
}

TEST(consort, arms_follow_the_allocation_not_the_arm_received) {
  const auto f = consort(small_trial());
  ASSERT_EQ(f.arms.size(), 2u);
  const auto& ipt = f.arms[0];
  const auto& tau = f.arms[1];
  EXPECT_EQ(ipt.arm, "ipt");
  EXPECT_EQ(ipt.allocated.case_ids, ids({"R1", "R2", "R5"}));
  EXPECT_EQ(ipt.received_allocated.case_ids, ids({"R1", "R5"}));
  EXPECT_EQ(ipt.did_not_receive.case_ids, ids({"R2"}));
  EXPECT_EQ(ipt.discontinued.case_ids, ids({"R5"}));
  ASSERT_EQ(ipt.discontinued_reasons.size(), 1u);
  EXPECT_EQ(ipt.discontinued_reasons[0].reason, "adverse_event");
  EXPECT_EQ(tau.allocated.case_ids, ids({"R3", "R4"}));
  EXPECT_EQ(tau.did_not_receive.case_ids, ids({"R3"}));
  EXPECT_EQ(tau.lost_to_follow_up.case_ids, ids({"R4"}));
  // Intention to treat: everyone allocated is analysed in the arm allocated.
  EXPECT_EQ(ipt.analysed.case_ids, ipt.allocated.case_ids);
  EXPECT_EQ(tau.excluded_from_analysis.n, 0u);
  EXPECT_EQ(f.analysis_set, "itt");
}

TEST(consort, boxes_add_up) {
  const auto f = consort(small_trial());
  EXPECT_EQ(f.assessed.n, f.excluded.n + f.randomised.n);
  EXPECT_EQ(f.excluded.n, f.not_eligible.n + f.declined.n);
  std::size_t allocated = 0;
  for (const auto& a : f.arms) {
    allocated += a.allocated.n;
    EXPECT_EQ(a.allocated.n, a.received_allocated.n + a.did_not_receive.n) << a.arm;
    EXPECT_EQ(a.allocated.n, a.analysed.n + a.excluded_from_analysis.n) << a.arm;
  }
  EXPECT_EQ(allocated, f.randomised.n);
}

TEST(consort, every_assumption_is_a_note) {
  auto cases = small_trial();
  cases.push_back(base_case());                 // no trial record
  cases.push_back(randomised("R6", "ipt", "ipt"));
  cases.back().trial->eligible.reset();         // randomised, never recorded as screened
  cases.back().trial->allocation.reset();       // and no allocation
  cases.back().arm.reset();
  const auto f = consort(cases);
  EXPECT_EQ(f.randomised.n, 6u);
  EXPECT_EQ(f.assessed.n, 8u);
  ASSERT_EQ(f.arms.size(), 3u);
  EXPECT_EQ(f.arms[2].arm, "(none)");
  ASSERT_EQ(f.notes.size(), 4u);
  EXPECT_EQ(f.notes[0], "records without a trial record, not in the diagram: 1");
  EXPECT_EQ(f.notes[1], "randomised records without `eligible`, counted as randomised but not as assessed: 1");
}

}  // namespace

namespace {

using namespace iptkit;

TEST(consort, per_protocol_counts_the_excluded_from_analysis_by_reason) {
  const auto cases = small_trial();
  const std::vector<std::uint8_t> no_deviation(cases.size(), 0);
  const auto population = select_analysis_set(cases, analysis_set::per_protocol, no_deviation);
  const auto f = consort(cases, population);
  EXPECT_EQ(f.analysis_set, "per_protocol");
  for (const auto& a : f.arms) {
    EXPECT_EQ(a.allocated.n, a.analysed.n + a.excluded_from_analysis.n) << a.arm;
    std::size_t by_reason = 0;
    for (const auto& r : a.excluded_reasons) by_reason += r.patients.n;
    EXPECT_EQ(by_reason, a.excluded_from_analysis.n) << a.arm;  // one reason per patient
  }
  // The other boxes are those of intention to treat.
  auto itt = consort(cases);
  for (std::size_t i = 0; i < f.arms.size(); ++i) {
    EXPECT_EQ(f.arms[i].allocated, itt.arms[i].allocated);
    EXPECT_EQ(f.arms[i].discontinued, itt.arms[i].discontinued);
  }
  const auto& ipt = f.arms[0];
  ASSERT_EQ(ipt.arm, "ipt");
  // R1 has no termination session yet (the base case is mid-course), R2 received tau, R5 was
  // discontinued: three reasons, one patient each.
  ASSERT_EQ(ipt.excluded_reasons.size(), 3u);
  EXPECT_EQ(ipt.excluded_reasons[0].reason, "did not finish treatment (no attended termination session)");
  EXPECT_EQ(ipt.excluded_reasons[1].reason, "received another arm than allocated");
  EXPECT_EQ(ipt.excluded_reasons[1].patients.case_ids, ids({"R2"}));
  EXPECT_EQ(ipt.excluded_reasons[2].reason, "discontinued");
  EXPECT_EQ(ipt.analysed.n, 0u);
}

TEST(consort, the_completers_set_and_a_population_of_other_cases_are_refused) {
  const auto cases = small_trial();
  EXPECT_THROW((void)consort(cases, select_analysis_set(cases, analysis_set::completers)), std::invalid_argument);
  auto fewer = cases;
  fewer.pop_back();
  EXPECT_THROW((void)consort(cases, select_analysis_set(fewer, analysis_set::itt)), std::invalid_argument);
}

}  // namespace
