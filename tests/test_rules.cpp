// Protocol rules (rules.md): every code with a case that triggers it and a close case that does
// not; the sample data's expected findings; protocols and instruments loaded from JSON; rule sets;
// document order, determinism and parallel cohort validation.
//
// Each triggering finding is also recorded as a test property (`--gtest_output=xml:...`), which is
// where the examples of docs/rules.md come from.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/validate.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace {

using iptkit::attendance;
using iptkit::case_record;
using iptkit::finding;
using iptkit::phase;
using iptkit::problem_area;
using iptkit::severity;
using iptkit::task;
using findings = std::vector<finding>;

// ---------------------------------------------------------------------------------------------
// Helpers

iptkit::date ymd(std::string_view text) { return iptkit::parse_date(text).value(); }

// The base document: a valid `ipt` case in progress (4 sessions: initial 1-3, middle 4).
case_record base() {
  return iptkit::read_case(
             iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json"))
      .value();
}

// Appends the next session, a week after the last, attended; middle sessions work on role_dispute.
iptkit::session& add_session(case_record& c, phase p, attendance a = attendance::attended) {
  iptkit::session s;
  s.number = c.sessions.back().number + 1;
  s.date = iptkit::add_days(c.sessions.back().date, 7);
  s.phase = p;
  s.attendance = a;
  if (p == phase::middle) s.focus_areas = {problem_area::role_dispute};
  c.sessions.push_back(s);
  return c.sessions.back();
}

iptkit::assessment phq9(iptkit::date d, std::vector<int> items, std::optional<int> session = {}) {
  iptkit::assessment a;
  a.instrument = "phq9";
  a.date = d;
  a.session = session;
  a.rater = iptkit::rater::self;
  a.total = std::accumulate(items.begin(), items.end(), 0);
  a.items = std::move(items);
  return a;
}

iptkit::assessment total_only(std::string instrument, iptkit::date d, int total) {
  iptkit::assessment a;
  a.instrument = std::move(instrument);
  a.date = d;
  a.total = total;
  return a;
}

// The base case carried to a completed 12-session course: middle 4-10, termination 11-12
// (termination discussed at 11), and an endpoint PHQ-9 at session 12 (2026-03-23).
case_record completed() {
  auto c = base();
  for (int n = 5; n <= 10; ++n) add_session(c, phase::middle);
  add_session(c, phase::termination).tasks = {task::termination_discussed, task::progress_review};
  add_session(c, phase::termination).tasks = {task::feelings_about_ending,
                                              task::relapse_prevention};
  c.assessments.push_back(phq9(c.sessions.back().date, {1, 1, 1, 0, 1, 0, 1, 0, 0}, 12));
  return c;
}

// A maintenance plan contracted on the day of the last session, with a relapse rule.
iptkit::maintenance_plan plan(const case_record& c) {
  iptkit::maintenance_plan m;
  m.contract_date = c.sessions.back().date;
  m.relapse_rule = iptkit::relapse_rule{"phq9", 10, 2};
  m.support_contacts = {"sister"};
  return m;
}

// A grief focus on the sister; the middle session works on grief.
void grief_on_sister(case_record& c) {
  c.formulation->focus = {iptkit::grief_focus{"sister", iptkit::grief_type::normal}};
  c.sessions[3].focus_areas = {problem_area::grief};
}

std::vector<std::string> codes(const findings& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.code);
  return out;
}

std::vector<std::string> strings(const findings& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(iptkit::to_string(f));
  return out;
}

bool has(const findings& fs, std::string_view code) {
  return std::any_of(fs.begin(), fs.end(), [&](const finding& f) { return f.code == code; });
}

bool has(const findings& fs, std::string_view code, std::string_view path) {
  return std::any_of(fs.begin(), fs.end(),
                     [&](const finding& f) { return f.code == code && f.path == path; });
}

// Expects exactly one finding with this code at this path, with this severity and a message
// containing `text`; records it as a test property (the examples of docs/rules.md).
void expect_finding(const findings& fs, std::string_view code, severity sev, std::string_view path,
                    std::string_view text) {
  const auto n = std::count_if(fs.begin(), fs.end(), [&](const finding& f) {
    return f.code == code && f.path == path;
  });
  ASSERT_EQ(n, 1) << "expected one " << code << " at " << path << " in:\n"
                  << ::testing::PrintToString(strings(fs));
  const auto& f = *std::find_if(fs.begin(), fs.end(), [&](const finding& g) {
    return g.code == code && g.path == path;
  });
  EXPECT_EQ(f.severity, sev) << iptkit::to_string(f);
  EXPECT_NE(f.message.find(text), std::string::npos)
      << "message: " << f.message << "\nexpected to contain: " << text;
  std::string key = "finding_" + f.code + (f.path.empty() ? std::string("_case") : f.path);
  std::replace(key.begin(), key.end(), '/', '_');
  ::testing::Test::RecordProperty(key, iptkit::to_string(f));
}

void expect_absent(const findings& fs, std::string_view code) {
  EXPECT_FALSE(has(fs, code)) << code << " should be absent in:\n"
                              << ::testing::PrintToString(strings(fs));
}

// ---------------------------------------------------------------------------------------------
// The starting points are clean

TEST(rules, base_and_completed_cases_give_no_findings) {
  EXPECT_EQ(strings(iptkit::validate(base())), std::vector<std::string>{});
  EXPECT_EQ(strings(iptkit::validate(completed())), std::vector<std::string>{});
  auto m = completed();
  m.maintenance = plan(m);
  EXPECT_EQ(strings(iptkit::validate(m)), std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// Contract and schedule (C)

TEST(rules, C001_planned_sessions_outside_the_adaptation_range) {
  auto c = base();
  c.contract.planned_sessions = 20;
  expect_finding(iptkit::validate(c), "C001", severity::warning, "/contract/planned_sessions",
                 "20 planned sessions is outside 12-16 for adaptation \"ipt\"");
  c.contract.planned_sessions = 16;
  expect_absent(iptkit::validate(c), "C001");
  c.contract.planned_sessions = 11;
  EXPECT_TRUE(has(iptkit::validate(c), "C001", "/contract/planned_sessions"));
}

TEST(rules, C001_uses_the_latest_renegotiation) {
  auto c = base();
  c.contract.renegotiations = {{2, 14, {}}, {4, 18, {}}};
  expect_finding(iptkit::validate(c), "C001", severity::warning,
                 "/contract/renegotiations/1/planned_sessions",
                 "18 planned sessions is outside 12-16 for adaptation \"ipt\"");
  c.contract.renegotiations[1].planned_sessions = 16;
  expect_absent(iptkit::validate(c), "C001");
  // The original contract no longer counts: 20 renegotiated down to 14 is within range.
  c.contract.planned_sessions = 20;
  c.contract.renegotiations = {{2, 14, {}}};
  expect_absent(iptkit::validate(c), "C001");
}

TEST(rules, C002_session_numbers_with_a_gap) {
  auto c = base();
  c.sessions[3].number = 5;
  expect_finding(iptkit::validate(c), "C002", severity::error, "/sessions/3/number",
                 "session 5 follows session 3: session 4 is missing");
  c.sessions[3].number = 4;
  expect_absent(iptkit::validate(c), "C002");
}

TEST(rules, C002_repeated_backwards_and_not_starting_at_one) {
  auto c = base();
  c.sessions[3].number = 3;
  expect_finding(iptkit::validate(c), "C002", severity::error, "/sessions/3/number",
                 "session number 3 is repeated");
  c.sessions[3].number = 2;
  expect_finding(iptkit::validate(c), "C002", severity::error, "/sessions/3/number",
                 "session 2 follows session 3: numbers must go up by one");
  auto d = base();
  d.sessions.erase(d.sessions.begin());
  expect_finding(iptkit::validate(d), "C002", severity::error, "/sessions/0/number",
                 "the first session is numbered 2, not 1");
}

TEST(rules, C003_session_dates_not_strictly_increasing) {
  auto c = base();
  c.sessions[3].date = ymd("2026-01-19");
  expect_finding(iptkit::validate(c), "C003", severity::error, "/sessions/3/date",
                 "session 4 on 2026-01-19 is not after session 3 on 2026-01-19");
  c.sessions[3].date = ymd("2026-01-20");
  expect_absent(iptkit::validate(c), "C003");
}

TEST(rules, C004_more_attended_acute_sessions_than_planned) {
  auto c = base();
  for (int n = 5; n <= 13; ++n) add_session(c, phase::middle);
  expect_finding(iptkit::validate(c), "C004", severity::warning, "/sessions/12",
                 "session 13 is attended acute session 13, more than the 12 planned, with no "
                 "renegotiation covering it");
  // One session fewer attended: covered.
  auto cancelled = c;
  cancelled.sessions[7].attendance = attendance::cancelled;
  expect_absent(iptkit::validate(cancelled), "C004");
  // A renegotiation to 14 covers the thirteenth.
  c.contract.renegotiations = {{9, 14, std::string("slower progress")}};
  expect_absent(iptkit::validate(c), "C004");
}

TEST(rules, C004_a_renegotiation_covers_only_the_sessions_after_it) {
  auto c = base();
  for (int n = 5; n <= 13; ++n) add_session(c, phase::middle);
  c.contract.renegotiations = {{13, 14, std::nullopt}};  // agreed at session 13 itself: covers it
  expect_absent(iptkit::validate(c), "C004");
  c.contract.renegotiations = {{20, 14, std::nullopt}};  // recorded after the extra session
  expect_finding(iptkit::validate(c), "C004", severity::warning, "/sessions/12",
                 "more than the 12 planned");
}

TEST(rules, C004_maintenance_sessions_do_not_count) {
  auto c = completed();
  c.maintenance = plan(c);
  add_session(c, phase::maintenance).date = iptkit::add_days(c.sessions[11].date, 30);
  expect_absent(iptkit::validate(c), "C004");
}

TEST(rules, C005_gap_longer_than_twice_the_weekly_interval) {
  auto c = base();
  c.sessions[3].date = ymd("2026-02-03");  // 15 days after session 3
  expect_finding(iptkit::validate(c), "C005", severity::warning, "/sessions/3/date",
                 "15 days between attended sessions 3 and 4, more than twice the weekly interval "
                 "(14 days)");
  c.sessions[3].date = ymd("2026-02-02");  // 14 days: allowed
  expect_absent(iptkit::validate(c), "C005");
}

TEST(rules, C005_skips_sessions_that_were_not_attended) {
  auto c = base();
  c.sessions[2].attendance = attendance::cancelled;  // 2 -> 4 is 14 days: allowed
  expect_absent(iptkit::validate(c), "C005");
  c.sessions[3].date = ymd("2026-01-27");  // 2 -> 4 is 15 days
  expect_finding(iptkit::validate(c), "C005", severity::warning, "/sessions/3/date",
                 "15 days between attended sessions 2 and 4");
}

TEST(rules, C005_limit_follows_the_contracted_frequency) {
  auto c = base();
  c.contract.frequency = iptkit::session_frequency::twice_weekly;  // limit 7 days
  expect_absent(iptkit::validate(c), "C005");
  c.sessions[3].date = ymd("2026-01-27");  // 8 days
  expect_finding(iptkit::validate(c), "C005", severity::warning, "/sessions/3/date",
                 "8 days between attended sessions 3 and 4, more than twice the twice_weekly "
                 "interval (7 days)");

  auto m = base();
  m.contract.frequency = iptkit::session_frequency::monthly;  // limit 60.875 days
  m.sessions[3].date = iptkit::add_days(m.sessions[2].date, 60);
  expect_absent(iptkit::validate(m), "C005");
  m.sessions[3].date = iptkit::add_days(m.sessions[2].date, 61);
  expect_finding(iptkit::validate(m), "C005", severity::warning, "/sessions/3/date",
                 "61 days between attended sessions 3 and 4, more than twice the monthly interval "
                 "(60.9 days)");

  auto e = base();
  e.contract.frequency = iptkit::session_frequency::every_2_weeks;  // limit 28 days
  e.sessions[3].date = iptkit::add_days(e.sessions[2].date, 28);
  expect_absent(iptkit::validate(e), "C005");
  e.sessions[3].date = iptkit::add_days(e.sessions[2].date, 29);
  EXPECT_TRUE(has(iptkit::validate(e), "C005", "/sessions/3/date"));
}

TEST(rules, C006_session_before_the_contract_start) {
  auto c = base();
  c.contract.start_date = ymd("2026-01-06");
  expect_finding(iptkit::validate(c), "C006", severity::error, "/sessions/0/date",
                 "session 1 on 2026-01-05 is before the contract start 2026-01-06");
  c.contract.start_date = ymd("2026-01-05");
  expect_absent(iptkit::validate(c), "C006");
}

TEST(rules, C006_assessment_more_than_28_days_before_the_start) {
  auto c = base();
  c.assessments.push_back(total_only("phq9", ymd("2025-12-07"), 14));  // 29 days before
  expect_finding(iptkit::validate(c), "C006", severity::error, "/assessments/1/date",
                 "assessment on 2025-12-07 is 29 days before the contract start 2026-01-05 "
                 "(intake assessments may be up to 28 days before)");
  c.assessments[1].date = ymd("2025-12-08");  // 28 days: an intake assessment
  expect_absent(iptkit::validate(c), "C006");
}

TEST(rules, C007_format_differs_from_the_adaptation) {
  auto c = base();
  c.contract.format = iptkit::therapy_format::group;
  expect_finding(iptkit::validate(c), "C007", severity::warning, "/contract/format",
                 "contract format group differs from individual, the format of \"ipt\"");
  c.contract.format = iptkit::therapy_format::individual;
  expect_absent(iptkit::validate(c), "C007");
}

TEST(rules, C007_session_format) {
  auto c = base();
  c.sessions[1].format = iptkit::therapy_format::couple;
  expect_finding(iptkit::validate(c), "C007", severity::warning, "/sessions/1/format",
                 "session 2 format couple differs from individual, the format of \"ipt\"");
  c.sessions[1].format = iptkit::therapy_format::individual;
  expect_absent(iptkit::validate(c), "C007");
  // Group IPT expects group sessions.
  auto g = base();
  g.adaptation = "ipt_g";
  g.contract.planned_sessions = 16;
  expect_finding(iptkit::validate(g), "C007", severity::warning, "/contract/format",
                 "contract format individual differs from group, the format of \"ipt_g\"");
}

// IPT-G has individual meetings before, midway through and after the group (Wilfley et al.
// 2000): an individual session of a group course is not a deviation; a couple session is.
TEST(rules, C007_individual_meetings_of_a_group_course) {
  auto g = base();
  g.adaptation = "ipt_g";
  g.contract.planned_sessions = 16;
  g.contract.format = iptkit::therapy_format::group;
  for (auto& s : g.sessions) s.format = iptkit::therapy_format::group;
  g.sessions[0].format = iptkit::therapy_format::individual;  // the pre-group meeting
  expect_absent(iptkit::validate(g), "C007");
  g.sessions[1].format = iptkit::therapy_format::couple;
  expect_finding(iptkit::validate(g), "C007", severity::warning, "/sessions/1/format",
                 "session 2 format couple differs from group");
  EXPECT_FALSE(has(iptkit::validate(g), "C007", "/sessions/0/format"));
}

// ---------------------------------------------------------------------------------------------
// Phases (P)

TEST(rules, P001_phases_out_of_order) {
  auto c = base();
  add_session(c, phase::termination).tasks = {task::termination_discussed};
  add_session(c, phase::middle);
  expect_finding(iptkit::validate(c), "P001", severity::error, "/sessions/5/phase",
                 "session 6 is middle after termination session 5; phases run initial, middle, "
                 "termination, maintenance");
  c.sessions[5].phase = phase::termination;
  expect_absent(iptkit::validate(c), "P001");
}

TEST(rules, P001_back_to_initial_and_ties_keep_catalogue_order) {
  auto c = base();
  add_session(c, phase::initial);
  const auto fs = iptkit::validate(c);
  expect_finding(fs, "P001", severity::error, "/sessions/4/phase",
                 "session 5 is initial after middle session 4");
  // P002 reports the same pointer; P001 comes first (catalogue order breaks ties).
  expect_finding(fs, "P002", severity::warning, "/sessions/4/phase", "initial-phase session 5");
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"P001", "P002"}));
}

TEST(rules, P002_initial_session_past_the_initial_max) {
  auto c = base();
  c.sessions[3].phase = phase::initial;
  c.sessions[3].focus_areas.clear();
  add_session(c, phase::initial);
  expect_finding(iptkit::validate(c), "P002", severity::warning, "/sessions/4/phase",
                 "initial-phase session 5 is past the initial maximum of 4 for \"ipt\"");
  c.sessions[4].phase = phase::middle;
  c.sessions[4].focus_areas = {problem_area::role_dispute};
  expect_absent(iptkit::validate(c), "P002");
}

TEST(rules, P002_uses_the_adaptation_parameter) {
  auto c = base();  // initial 1-3 is fine for ipt (max 4) ...
  expect_absent(iptkit::validate(c), "P002");
  c.adaptation = "ipt_brief";  // ... but not for ipt_brief (max 2)
  c.contract.planned_sessions = 8;
  expect_finding(iptkit::validate(c), "P002", severity::warning, "/sessions/2/phase",
                 "initial-phase session 3 is past the initial maximum of 2 for \"ipt_brief\"");
}

TEST(rules, P003_course_ended_with_too_few_termination_sessions) {
  auto c = completed();
  c.sessions[10].phase = phase::middle;  // only session 12 is a termination session
  c.sessions[10].focus_areas = {problem_area::role_dispute};
  expect_finding(iptkit::validate(c), "P003", severity::warning, "/sessions/11/phase",
                 "the course ended with 1 attended termination session(s); \"ipt\" expects at "
                 "least 2");
  c.sessions[10].phase = phase::termination;
  expect_absent(iptkit::validate(c), "P003");
}

TEST(rules, P003_counts_only_attended_termination_sessions) {
  auto c = completed();
  c.sessions[11].attendance = attendance::no_show;
  expect_finding(iptkit::validate(c), "P003", severity::warning, "/sessions/11/phase",
                 "the course ended with 1 attended termination session(s)");
}

TEST(rules, P003_course_ended_without_termination_discussed) {
  auto c = completed();
  c.sessions[10].tasks = {task::progress_review};
  expect_finding(iptkit::validate(c), "P003", severity::warning, "/sessions",
                 "the course ended and no attended session has the task termination_discussed");
  c.sessions[10].tasks = {task::termination_discussed};
  expect_absent(iptkit::validate(c), "P003");
  // Named only in a session that did not take place: not discussed.
  c.sessions[10].attendance = attendance::cancelled;
  expect_finding(iptkit::validate(c), "P003", severity::warning, "/sessions",
                 "no attended session has the task termination_discussed");
}

TEST(rules, P003_and_A006_wait_for_the_planned_last_session) {
  // Midway through the termination phase (session 11 of 12): not yet ended.
  auto c = completed();
  c.sessions.pop_back();
  c.sessions.back().tasks = {task::progress_review};
  const auto findings = iptkit::validate(c);
  expect_absent(findings, "P003");
  expect_absent(findings, "A006");
}

TEST(rules, P003_not_for_a_course_in_progress) {
  auto c = base();  // last acute session is middle-phase: the course has not ended
  for (int n = 5; n <= 10; ++n) add_session(c, phase::middle);
  expect_absent(iptkit::validate(c), "P003");
}

TEST(rules, P003_group_ipt_needs_five_termination_sessions) {
  auto c = completed();
  c.adaptation = "ipt_g";
  c.contract.format = iptkit::therapy_format::group;
  c.contract.planned_sessions = 16;
  for (int n = 13; n <= 16; ++n) add_session(c, phase::termination);  // 11-16: six
  c.assessments.back().date = c.sessions.back().date;
  c.assessments.back().session = 16;
  expect_absent(iptkit::validate(c), "P003");
  for (int i = 10; i <= 11; ++i) {  // 11-12 middle: four termination sessions
    c.sessions[static_cast<std::size_t>(i)].phase = phase::middle;
    c.sessions[static_cast<std::size_t>(i)].focus_areas = {problem_area::role_dispute};
  }
  c.sessions[12].tasks = {task::termination_discussed};
  expect_finding(iptkit::validate(c), "P003", severity::warning, "/sessions/15/phase",
                 "the course ended with 4 attended termination session(s); \"ipt_g\" expects at "
                 "least 5");
}

TEST(rules, P004_maintenance_sessions_without_a_plan) {
  auto c = completed();
  add_session(c, phase::maintenance).date = ymd("2026-04-20");
  add_session(c, phase::maintenance).date = ymd("2026-05-18");
  const auto fs = iptkit::validate(c);
  expect_finding(fs, "P004", severity::error, "/sessions/12/phase",
                 "session 13 is a maintenance session but the case has no maintenance plan");
  const auto all = codes(fs);
  EXPECT_EQ(std::count(all.begin(), all.end(), "P004"), 1);  // reported once, at the first
  c.maintenance = plan(c);
  c.maintenance->contract_date = c.sessions[11].date;
  expect_absent(iptkit::validate(c), "P004");
}

TEST(rules, P005_attended_middle_session_without_focus_areas) {
  auto c = base();
  c.sessions[3].focus_areas.clear();
  expect_finding(iptkit::validate(c), "P005", severity::warning, "/sessions/3/focus_areas",
                 "middle-phase session 4 names no focus_areas");
  c.sessions[3].attendance = attendance::cancelled;  // only attended sessions count
  expect_absent(iptkit::validate(c), "P005");
  c.sessions[3].attendance = attendance::attended;
  c.sessions[3].focus_areas = {problem_area::role_dispute};
  expect_absent(iptkit::validate(c), "P005");
}

// ---------------------------------------------------------------------------------------------
// Inventory and formulation (F)

TEST(rules, F001_initial_phase_over_without_an_inventory) {
  auto c = base();
  c.inventory.reset();
  expect_finding(iptkit::validate(c), "F001", severity::error, "/inventory",
                 "the initial phase is over (session 4 is middle-phase) and there is no "
                 "interpersonal inventory with a relationship");
  c.sessions[3].phase = phase::initial;  // the initial phase is not over yet
  expect_absent(iptkit::validate(c), "F001");
}

TEST(rules, F001_inventory_without_relationships) {
  auto c = base();
  c.inventory->relationships.clear();
  expect_finding(iptkit::validate(c), "F001", severity::error, "/inventory",
                 "no interpersonal inventory with a relationship");
  auto one = base();
  one.inventory->relationships.resize(1);
  expect_absent(iptkit::validate(one), "F001");
}

TEST(rules, F002_initial_phase_over_without_a_formulation) {
  auto c = base();
  c.formulation.reset();
  expect_finding(iptkit::validate(c), "F002", severity::error, "/formulation",
                 "the initial phase is over (session 4 is middle-phase) and there is no "
                 "formulation with a focus");
  c.sessions[3].phase = phase::initial;
  expect_absent(iptkit::validate(c), "F002");
  auto empty = base();
  empty.formulation->focus.clear();
  EXPECT_TRUE(has(iptkit::validate(empty), "F002", "/formulation"));
}

TEST(rules, F003_more_than_two_focus_areas) {
  auto c = base();
  c.formulation->focus.emplace_back(std::in_place_type<iptkit::role_transition_focus>,
                                    iptkit::transition_type::job_change);
  expect_absent(iptkit::validate(c), "F003");
  c.formulation->focus.emplace_back(std::in_place_type<iptkit::role_transition_focus>,
                                    iptkit::transition_type::relocation);
  expect_finding(iptkit::validate(c), "F003", severity::error, "/formulation/focus/2",
                 "3 focus areas; IPT works on one, at most two");
}

TEST(rules, F004_formulation_without_patient_agreement) {
  auto c = base();
  c.formulation->patient_agreed = false;
  expect_finding(iptkit::validate(c), "F004", severity::warning, "/formulation/patient_agreed",
                 "the formulation shared at session 3 has no explicit patient agreement "
                 "(patient_agreed is false)");
  c.formulation->patient_agreed = true;
  expect_absent(iptkit::validate(c), "F004");
}

TEST(rules, F005_interpersonal_deficits_with_another_area) {
  auto c = base();
  c.formulation->focus.emplace_back(std::in_place_type<iptkit::interpersonal_deficits_focus>,
                                    iptkit::deficit_pattern::social_isolation);
  expect_finding(iptkit::validate(c), "F005", severity::warning, "/formulation/focus/1",
                 "interpersonal_deficits is a focus together with role_dispute; it is chosen "
                 "only when no other area applies");
  c.formulation->focus.erase(c.formulation->focus.begin());  // deficits alone
  expect_absent(iptkit::validate(c), "F005");
}

TEST(rules, F006_focus_names_a_relationship_not_in_the_inventory) {
  auto c = base();
  std::get<iptkit::role_dispute_focus>(c.formulation->focus[0]).relationship = "brother";
  expect_finding(iptkit::validate(c), "F006", severity::error, "/formulation/focus/0/relationship",
                 "role_dispute focus names relationship \"brother\", which is not in the "
                 "inventory");
  std::get<iptkit::role_dispute_focus>(c.formulation->focus[0]).relationship = "partner";
  expect_absent(iptkit::validate(c), "F006");
}

TEST(rules, F006_maintenance_support_contact_not_in_the_inventory) {
  auto c = completed();
  c.maintenance = plan(c);
  c.maintenance->support_contacts = {"sister", "neighbour"};
  expect_finding(iptkit::validate(c), "F006", severity::error, "/maintenance/support_contacts/1",
                 "maintenance support contact \"neighbour\" is not a relationship in the "
                 "inventory");
  c.maintenance->support_contacts[1] = "partner";
  expect_absent(iptkit::validate(c), "F006");
}

TEST(rules, F007_grief_focus_on_a_living_relationship) {
  auto c = base();
  grief_on_sister(c);
  c.inventory->relationships[1].loss_date = ymd("2025-06-01");
  expect_finding(iptkit::validate(c), "F007", severity::error, "/formulation/focus/0/relationship",
                 "grief focus on relationship \"sister\" whose status is current, not deceased");
  c.inventory->relationships[1].status = iptkit::relationship_status::deceased;
  EXPECT_EQ(strings(iptkit::validate(c)), std::vector<std::string>{});
}

TEST(rules, F008_grief_focus_without_a_loss_date) {
  auto c = base();
  grief_on_sister(c);
  c.inventory->relationships[1].status = iptkit::relationship_status::deceased;
  expect_finding(iptkit::validate(c), "F008", severity::warning,
                 "/inventory/relationships/1/loss_date",
                 "grief focus on relationship \"sister\", which has no loss_date");
  c.inventory->relationships[1].loss_date = ymd("2025-06-01");
  expect_absent(iptkit::validate(c), "F008");
}

TEST(rules, F009_role_dispute_without_an_unmet_expectation) {
  auto c = base();
  for (auto& e : c.inventory->relationships[0].expectations)
    e.status = iptkit::expectation_status::met;
  expect_finding(iptkit::validate(c), "F009", severity::warning,
                 "/inventory/relationships/0/expectations",
                 "role-dispute focus on relationship \"partner\", which has no unmet or partly "
                 "met expectation");
  c.inventory->relationships[0].expectations[1].status = iptkit::expectation_status::partly_met;
  expect_absent(iptkit::validate(c), "F009");
  // No expectations recorded at all counts as none unmet.
  auto none = base();
  none.inventory->relationships[0].expectations.clear();
  EXPECT_TRUE(has(iptkit::validate(none), "F009", "/inventory/relationships/0/expectations"));
}

TEST(rules, F010_role_dispute_with_a_deceased_person) {
  auto c = base();
  c.inventory->relationships[0].status = iptkit::relationship_status::deceased;
  expect_finding(iptkit::validate(c), "F010", severity::error, "/formulation/focus/0/relationship",
                 "role-dispute focus on relationship \"partner\", who is deceased");
  c.inventory->relationships[0].status = iptkit::relationship_status::estranged;
  expect_absent(iptkit::validate(c), "F010");
}

TEST(rules, F011_two_relationships_share_an_id) {
  // The reader rejects duplicate ids as a structural error, so the case is built in C++.
  auto c = base();
  c.inventory->relationships[1].id = "partner";
  EXPECT_THROW((void)iptkit::write_case(c), iptkit::decode_error);  // nothing unreadable is written
  iptkit::write_options unchecked;
  unchecked.unchecked = true;
  EXPECT_FALSE(iptkit::read_case(iptkit::write_case(c, unchecked)));
  expect_finding(iptkit::validate(c), "S001", severity::error, "/inventory/relationships/1/id",
                 "expected a unique id; found \"partner\" again (first at index 0)");
  expect_finding(iptkit::validate(c), "F011", severity::error, "/inventory/relationships/1/id",
                 "relationships 0 and 1 share the id \"partner\"");
  c.inventory->relationships[1].id = "sister";
  expect_absent(iptkit::validate(c), "F011");
}

TEST(rules, F012_middle_session_works_on_an_area_outside_the_focus) {
  auto c = base();
  c.sessions[3].focus_areas.push_back(problem_area::role_transition);
  expect_finding(iptkit::validate(c), "F012", severity::warning, "/sessions/3/focus_areas/1",
                 "session 4 works on role_transition, which is not in the formulation's focus "
                 "(role_dispute)");
  c.formulation->focus.emplace_back(std::in_place_type<iptkit::role_transition_focus>,
                                    iptkit::transition_type::job_loss);
  expect_absent(iptkit::validate(c), "F012");
}

TEST(rules, F013_formulation_agreed_after_the_initial_phase) {
  auto c = base();
  c.formulation->agreed_session = 4;
  expect_finding(iptkit::validate(c), "F013", severity::warning, "/formulation/agreed_session",
                 "the formulation was agreed at session 4, after the initial phase ended "
                 "(session 4 is middle-phase)");
  c.formulation->agreed_session = 3;
  expect_absent(iptkit::validate(c), "F013");
}

// The base case as DIT: its focus is an interpersonal affective focus (IPAF), not a problem area,
// and its middle sessions name no IPT area (Lemma, Target & Fonagy 2011).
case_record dit_case(bool with_ipaf) {
  auto c = base();
  c.adaptation = "dit";
  c.contract.planned_sessions = 16;
  c.formulation->focus.clear();
  if (with_ipaf)
    c.formulation->ipaf = iptkit::affective_focus{.self_representation = "unwanted, a burden",
                                                  .other_representation = "dismissive, busy elsewhere",
                                                  .affect = "shame turning to anger",
                                                  .relationships = {"partner"}};
  for (auto& s : c.sessions) s.focus_areas.clear();
  return c;
}

TEST(rules, F014_dit_without_an_ipaf_after_the_initial_phase) {
  const auto without = iptkit::validate(dit_case(false));
  expect_finding(without, "F014", severity::error, "/formulation",
                 "the initial phase is over (session 4 is middle-phase) and \"dit\" works on an interpersonal "
                 "affective focus, but the formulation has no ipaf");
  // No IPT problem-area rule fires on a DIT case: not F002, not P005 for sessions without areas.
  EXPECT_FALSE(has(without, "F002", "/formulation"));
  for (const auto& f : without) EXPECT_NE(f.code, "P005") << iptkit::to_string(f);
  const auto with = iptkit::validate(dit_case(true));
  expect_absent(with, "F014");
  expect_absent(with, "F002");
  expect_absent(with, "F016");
  // Its relationships are references like any other (F006).
  auto c = dit_case(true);
  c.formulation->ipaf->relationships = {"partner", "boss"};
  expect_finding(iptkit::validate(c), "F006", severity::error, "/formulation/ipaf/relationships/1",
                 "the IPAF names relationship \"boss\", which is not in the inventory");
}

TEST(rules, F015_mit_without_a_maladaptive_schema_after_the_initial_phase) {
  auto c = dit_case(false);
  c.adaptation = "mit";
  expect_finding(iptkit::validate(c), "F015", severity::error, "/formulation",
                 "\"mit\" works on a maladaptive interpersonal schema");
  c.formulation->maladaptive_schema = iptkit::interpersonal_schema{
      .wish = "to be cared for", .other_response = "will reject me", .self_response = "withdraws, feels empty"};
  const auto fs = iptkit::validate(c);
  expect_absent(fs, "F015");
  expect_absent(fs, "F002");
  expect_absent(fs, "F014");
}

TEST(rules, F016_a_focus_of_another_focus_model) {
  // The old DIT example's mistake: a DIT case forced into an IPT role dispute.
  auto c = dit_case(true);
  c.formulation->focus = base().formulation->focus;
  expect_finding(iptkit::validate(c), "F016", severity::warning, "/formulation/focus",
                 "\"dit\" works on an interpersonal affective focus, not on IPT problem areas");
  // And an IPAF on an IPT case.
  auto ipt = base();
  ipt.formulation->ipaf = dit_case(true).formulation->ipaf;
  expect_finding(iptkit::validate(ipt), "F016", severity::warning, "/formulation/ipaf",
                 "\"ipt\" works on the IPT problem areas, not on an IPAF");
  expect_absent(iptkit::validate(base()), "F016");
}

// A comparator arm (usual care, medication only, CBT) is not judged as IPT: only the rules that
// hold in any arm run, the risk alert among them.
TEST(rules, comparator_arms_get_only_the_rules_that_hold_in_any_arm) {
  auto c = base();
  c.adaptation = "usual_care";
  c.formulation.reset();  // F002 for IPT
  c.inventory.reset();    // F001 for IPT
  c.contract.planned_sessions = 60;  // C001 for any range
  c.assessments[0].items[8] = 2;
  c.assessments[0].total = *c.assessments[0].total + 2;
  const auto fs = iptkit::validate(c);
  for (const auto& f : fs)
    EXPECT_TRUE(iptkit::rule_set::builtin().find(f.code)->comparator_arms) << iptkit::to_string(f);
  EXPECT_TRUE(has(fs, "A007", "/assessments/0/items/8"));
  auto ipt = c;
  ipt.adaptation = "ipt";
  const auto as_ipt = iptkit::validate(ipt);
  EXPECT_TRUE(has(as_ipt, "F001", "/inventory") && has(as_ipt, "F002", "/formulation"));
  EXPECT_TRUE(has(as_ipt, "C001", "/contract/planned_sessions"));
  // A rule a trial adds runs on every arm unless it says otherwise: no control arm skipped unseen.
  iptkit::catalog cat;
  cat.rules.add({"T001", severity::warning, "every case", [](const iptkit::rule_context&, std::vector<iptkit::rule_hit>& out) {
                   out.push_back({"", "seen"});
                 }});
  EXPECT_TRUE(has(iptkit::validate(c, {}, cat), "T001", ""));
  cat.rules.add({"T001", severity::warning, "IPT arms only", [](const iptkit::rule_context&, std::vector<iptkit::rule_hit>& out) {
                   out.push_back({"", "seen"});
                 }, /*comparator_arms=*/false});
  EXPECT_FALSE(has(iptkit::validate(c, {}, cat), "T001", ""));
  EXPECT_TRUE(has(iptkit::validate(ipt, {}, cat), "T001", ""));
}

// A wait-list case has no session while it waits: its assessments are the comparison, and a case
// with no session at all is well formed and gets no finding on the waitlist comparator.
TEST(rules, a_waitlist_case_without_sessions_is_valid) {
  auto c = base();
  c.adaptation = "waitlist";
  c.formulation.reset();
  c.inventory.reset();
  c.sessions.clear();
  for (auto& a : c.assessments) a.session.reset();
  const auto text = iptkit::write_case(c);
  ASSERT_TRUE(iptkit::read_case(text)) << text;
  for (const auto& f : iptkit::validate(c)) EXPECT_NE(f.severity, severity::error) << iptkit::to_string(f);
  // Outcome windows are anchored on sessions: no number from an arbitrary pair of assessments.
  const auto rows = iptkit::outcomes(c);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].status, iptkit::not_computed::no_baseline);
  EXPECT_FALSE(rows[0].change);
}

// ---------------------------------------------------------------------------------------------
// Assessments (A)

TEST(rules, A001_wrong_number_of_items) {
  auto c = base();
  c.assessments[0].items.pop_back();  // item 9 was 0: the total still matches
  expect_finding(iptkit::validate(c), "A001", severity::error, "/assessments/0/items",
                 "PHQ-9 has 9 items; found 8");
  c.assessments[0].items.push_back(0);
  expect_absent(iptkit::validate(c), "A001");
}

TEST(rules, A002_item_score_outside_the_item_range) {
  auto c = base();
  c.assessments[0].items[0] = 4;
  c.assessments[0].total = 15;
  expect_finding(iptkit::validate(c), "A002", severity::error, "/assessments/0/items/0",
                 "PHQ-9 item 1 is 4; it scores 0-3");
  c.assessments[0].items[0] = 3;
  c.assessments[0].total = 14;
  expect_absent(iptkit::validate(c), "A002");
}

TEST(rules, A002_ham_d_items_have_their_own_maxima) {
  auto c = base();
  iptkit::assessment h;
  h.instrument = "hamd17";
  h.date = ymd("2026-01-05");
  h.rater = iptkit::rater::clinician;
  h.items = {2, 2, 0, 3, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0};  // item 4 scores 0-2
  h.total = 19;
  c.assessments.push_back(h);
  expect_finding(iptkit::validate(c), "A002", severity::error, "/assessments/1/items/3",
                 "HAM-D-17 (HRSD) item 4 is 3; it scores 0-2");
  c.assessments[1].items[3] = 2;
  c.assessments[1].items[0] = 4;  // item 1 scores 0-4
  c.assessments[1].total = 20;
  expect_absent(iptkit::validate(c), "A002");
}

TEST(rules, A003_total_differs_from_the_sum_of_items) {
  auto c = base();
  c.assessments[0].total = 14;
  expect_finding(iptkit::validate(c), "A003", severity::error, "/assessments/0/total",
                 "total 14 differs from the sum of the items, 13");
  c.assessments[0].total = 13;
  expect_absent(iptkit::validate(c), "A003");
}

TEST(rules, A004_total_outside_the_instrument_range) {
  auto c = base();
  c.assessments.push_back(total_only("phq9", ymd("2026-01-26"), 28));
  expect_finding(iptkit::validate(c), "A004", severity::error, "/assessments/1/total",
                 "PHQ-9 total 28 is outside 0-27");
  c.assessments[1].total = 27;
  expect_absent(iptkit::validate(c), "A004");
}

TEST(rules, A005_no_baseline) {
  auto c = base();
  c.assessments[0].date = ymd("2026-01-06");  // the day after session 1
  expect_finding(iptkit::validate(c), "A005", severity::warning, "/assessments",
                 "no baseline: no assessment on or before the first attended session (1 on "
                 "2026-01-05)");
  c.assessments[0].date = ymd("2026-01-05");
  expect_absent(iptkit::validate(c), "A005");
}

TEST(rules, A005_first_attended_session_and_no_sessions) {
  auto c = base();
  c.sessions[0].attendance = attendance::no_show;  // the first attended session is 2
  c.assessments[0].date = ymd("2026-01-12");
  expect_absent(iptkit::validate(c), "A005");
  auto none = base();
  none.assessments.clear();
  EXPECT_TRUE(has(iptkit::validate(none), "A005", "/assessments"));
  none.sessions.clear();  // nothing attended yet: no baseline due
  expect_absent(iptkit::validate(none), "A005");
}

TEST(rules, A006_course_ended_without_an_end_of_treatment_assessment) {
  auto c = completed();
  c.assessments[1].session.reset();
  c.assessments[1].date = ymd("2026-04-07");  // 15 days after the last session
  expect_finding(iptkit::validate(c), "A006", severity::warning, "/assessments",
                 "the course ended at session 12 on 2026-03-23 and no assessment is dated from "
                 "2026-03-16 to 2026-04-06");
  c.assessments[1].date = ymd("2026-04-06");  // 14 days: in the window
  expect_absent(iptkit::validate(c), "A006");
  c.assessments[1].date = ymd("2026-03-16");  // at the second-to-last session: in the window
  expect_absent(iptkit::validate(c), "A006");
  c.assessments[1].date = ymd("2026-03-15");
  EXPECT_TRUE(has(iptkit::validate(c), "A006", "/assessments"));
}

TEST(rules, A006_not_for_a_course_in_progress) {
  auto c = base();
  for (int n = 5; n <= 10; ++n) add_session(c, phase::middle);
  expect_absent(iptkit::validate(c), "A006");
}

TEST(rules, A007_phq9_item_9_above_zero) {
  auto c = base();
  c.assessments[0].items[8] = 1;
  c.assessments[0].total = 14;
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/0/items/8",
                 "PHQ-9 item 9 (self-harm / suicide) is 1 on 2026-01-05: review risk now");
  c.assessments[0].items[8] = 0;
  c.assessments[0].total = 13;
  expect_absent(iptkit::validate(c), "A007");
}

// A total without items: PHQ-9's other eight items add up to at most 24, so a total of 25 means
// item 9 is at least 1; 24 could be all eight at 3 and item 9 at 0.
TEST(rules, A007_a_total_only_phq9_above_24_implies_item_9) {
  auto c = base();
  c.assessments.push_back(total_only("phq9", ymd("2026-01-26"), 24));
  expect_absent(iptkit::validate(c), "A007");
  c.assessments[1].total = 25;
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/1/total",
                 "PHQ-9 total 25 on 2026-01-26 is above 24, the most the other items can add up to: item 9 "
                 "(self-harm / suicide) is at least 1: review risk now");
  c.assessments[1].total = 27;
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/1/total", "is at least 3");
  // The same reasoning for every instrument with risk items: HAM-D-17 item 3 scores 0-4 and the
  // other sixteen items at most 48 (eight 0-4 items and eight 0-2 items): 49 implies item 3 >= 1.
  c.assessments[1] = total_only("hamd17", ymd("2026-01-26"), 48);
  expect_absent(iptkit::validate(c), "A007");
  c.assessments[1].total = 49;
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/1/total", "item 3");
  // BDI-II: 20 other items at most 60.
  c.assessments[1] = total_only("bdi2", ymd("2026-01-26"), 61);
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/1/total", "item 9");
}

// A risk review dated on or after the assessment resolves its alert (and only then).
TEST(rules, A007_until_a_risk_review_on_or_after_the_assessment) {
  auto c = base();
  c.assessments[0].items[8] = 1;
  c.assessments[0].total = 14;
  const auto assessed = c.assessments[0].date;
  c.risk_reviews.push_back({.date = iptkit::add_days(assessed, -1), .reviewed_by = iptkit::reviewer_role::therapist,
                            .outcome = iptkit::risk_review_outcome::no_current_risk});
  EXPECT_TRUE(has(iptkit::validate(c), "A007", "/assessments/0/items/8"));
  c.risk_reviews.push_back({.date = assessed, .reviewed_by = iptkit::reviewer_role::therapist,
                            .outcome = iptkit::risk_review_outcome::safety_plan});
  expect_absent(iptkit::validate(c), "A007");
  // A later assessment with a risk item is a new alert.
  c.assessments.push_back(total_only("phq9", iptkit::add_days(assessed, 21), 25));
  EXPECT_TRUE(has(iptkit::validate(c), "A007", "/assessments/1/total"));
}

TEST(rules, A007_risk_items_of_bdi2_and_hamd17) {
  auto c = base();
  iptkit::assessment b;
  b.instrument = "bdi2";
  b.date = ymd("2026-01-05");
  b.items.assign(21, 1);
  b.items[8] = 2;
  b.total = 22;
  iptkit::assessment h;
  h.instrument = "hamd17";
  h.date = ymd("2026-01-05");
  h.items.assign(17, 1);
  h.items[2] = 0;
  h.items[8] = 3;  // item 9 is not the HAM-D risk item
  h.total = 18;
  c.assessments = {c.assessments[0], b, h};
  const auto fs = iptkit::validate(c);
  expect_finding(fs, "A007", severity::alert, "/assessments/1/items/8",
                 "BDI-II item 9 (self-harm / suicide) is 2");
  EXPECT_FALSE(has(fs, "A007", "/assessments/2/items/8"));
  c.assessments[2].items[2] = 2;  // HAM-D item 3 (suicide)
  c.assessments[2].total = 20;
  expect_finding(iptkit::validate(c), "A007", severity::alert, "/assessments/2/items/2",
                 "HAM-D-17 (HRSD) item 3 (self-harm / suicide) is 2");
}

TEST(rules, A008_unknown_instrument) {
  auto c = base();
  c.assessments.push_back(total_only("qids", ymd("2026-01-26"), 11));
  expect_finding(iptkit::validate(c), "A008", severity::error, "/assessments/1/instrument",
                 "instrument \"qids\" is not in the catalog");
  c.assessments[1].instrument = "gad7";
  expect_absent(iptkit::validate(c), "A008");
}

TEST(rules, A008_unknown_relapse_rule_instrument) {
  auto c = completed();
  c.maintenance = plan(c);
  c.maintenance->relapse_rule->instrument = "qids";
  expect_finding(iptkit::validate(c), "A008", severity::error,
                 "/maintenance/relapse_rule/instrument",
                 "relapse rule instrument \"qids\" is not in the catalog");
  c.maintenance->relapse_rule->instrument = "bdi2";
  expect_absent(iptkit::validate(c), "A008");
}

TEST(rules, A009_assessment_names_a_session_that_does_not_exist) {
  auto c = base();
  c.assessments[0].session = 7;
  expect_finding(iptkit::validate(c), "A009", severity::warning, "/assessments/0/session",
                 "assessment on 2026-01-05 names session 7, which does not exist");
  c.assessments[0].session = 1;
  expect_absent(iptkit::validate(c), "A009");
}

TEST(rules, A009_assessment_more_than_7_days_from_its_session) {
  auto c = base();
  c.assessments[0].session = 3;  // 14 days later
  expect_finding(iptkit::validate(c), "A009", severity::warning, "/assessments/0/session",
                 "assessment on 2026-01-05 is 14 days from session 3 on 2026-01-19 (at most 7)");
  c.assessments[0].session = 2;  // 7 days: allowed
  expect_absent(iptkit::validate(c), "A009");
}

// ---------------------------------------------------------------------------------------------
// Maintenance (M)

TEST(rules, M001_maintenance_plan_without_a_relapse_rule) {
  auto c = completed();
  c.maintenance = plan(c);
  c.maintenance->relapse_rule.reset();
  expect_finding(iptkit::validate(c), "M001", severity::warning, "/maintenance",
                 "the maintenance plan has no relapse_rule to say when deterioration needs action");
  c.maintenance->relapse_rule = iptkit::relapse_rule{"phq9", 10, 2};
  expect_absent(iptkit::validate(c), "M001");
}

TEST(rules, M002_maintenance_contract_before_the_last_acute_session) {
  auto c = completed();
  c.maintenance = plan(c);
  c.maintenance->contract_date = ymd("2026-03-16");
  expect_finding(iptkit::validate(c), "M002", severity::error, "/maintenance/contract_date",
                 "the maintenance contract on 2026-03-16 is before the last acute session 12 on "
                 "2026-03-23");
  c.maintenance->contract_date = ymd("2026-03-23");  // the same day is allowed
  expect_absent(iptkit::validate(c), "M002");
}

TEST(rules, M003_relapse_rule_fired) {
  auto c = completed();
  c.maintenance = plan(c);  // phq9 >= 10 twice in a row
  c.assessments.push_back(total_only("phq9", ymd("2026-04-20"), 11));
  c.assessments.push_back(total_only("phq9", ymd("2026-05-18"), 12));
  expect_finding(iptkit::validate(c), "M003", severity::alert, "/assessments/3/total",
                 "relapse rule fired: phq9 at or beyond 10 in 2 consecutive maintenance "
                 "assessment(s), the last 12 on 2026-05-18");
  c.assessments[3].total = 9;  // the run is broken
  expect_absent(iptkit::validate(c), "M003");
}

TEST(rules, M003_uses_date_order_and_only_maintenance_period_assessments) {
  auto c = completed();
  c.maintenance = plan(c);
  // Listed out of date order: 12 (May), 6 (June), 11 (April). By date: 11, 12, 6: fires in May.
  c.assessments.push_back(total_only("phq9", ymd("2026-05-18"), 12));
  c.assessments.push_back(total_only("phq9", ymd("2026-06-15"), 6));
  c.assessments.push_back(total_only("phq9", ymd("2026-04-20"), 11));
  expect_finding(iptkit::validate(c), "M003", severity::alert, "/assessments/2/total",
                 "the last 12 on 2026-05-18");
  // An acute-phase score at or above the threshold does not start the run.
  auto d = completed();
  d.maintenance = plan(d);
  d.assessments[1].items = {2, 2, 2, 1, 2, 1, 1, 0, 0};  // 11 at the last acute session
  d.assessments[1].total = 11;
  d.assessments.push_back(total_only("phq9", ymd("2026-04-20"), 12));
  expect_absent(iptkit::validate(d), "M003");
  // Items only: the pointer names the items.
  d.assessments.push_back(phq9(ymd("2026-05-18"), {2, 2, 2, 1, 2, 1, 1, 0, 0}));
  d.assessments.back().total.reset();
  expect_finding(iptkit::validate(d), "M003", severity::alert, "/assessments/3/items",
                 "the last 11 on 2026-05-18");
}

// ---------------------------------------------------------------------------------------------
// Adaptation-specific (D)

// ---------------------------------------------------------------------------------------------
// Trial record (T)

iptkit::trial_record randomised(std::string_view on) {
  iptkit::trial_record t;
  t.randomised_on = iptkit::parse_date(on).value();
  t.allocation = "ipt";
  return t;
}

TEST(rules, T001_session_before_randomisation) {
  auto c = base();
  c.trial = randomised("2026-01-09");  // base: session 1 on the contract start, 2026-01-05
  expect_finding(iptkit::validate(c), "T001", severity::error, "/sessions/0/date",
                 "session 1 on 2026-01-05 is before randomisation on 2026-01-09");
  c.trial = randomised("2026-01-05");
  expect_absent(iptkit::validate(c), "T001");
  c.trial->randomised_on.reset();  // screened, not (yet) randomised: nothing to compare
  expect_absent(iptkit::validate(c), "T001");
}

TEST(rules, T002_attended_session_after_discontinuation) {
  auto c = completed();
  const auto last = c.sessions.back().date;
  c.discontinuation = iptkit::discontinuation{iptkit::add_days(last, -1), iptkit::discontinuation_reason::moved_away,
                                              std::nullopt, std::nullopt};
  const auto path = "/sessions/" + std::to_string(c.sessions.size() - 1) + "/date";
  expect_finding(iptkit::validate(c), "T002", severity::error, path,
                 "was attended after the discontinuation on " + iptkit::format_date(iptkit::add_days(last, -1)) +
                     " (moved_away)");
  c.sessions.back().attendance = iptkit::attendance::cancelled;  // a cancelled one is no treatment
  expect_absent(iptkit::validate(c), "T002");
}

TEST(rules, T003_received_arm_differs_from_allocation_without_a_reason) {
  auto c = base();  // arm "ipt"
  c.trial = randomised("2026-01-02");
  c.trial->allocation = "tau";
  expect_finding(iptkit::validate(c), "T003", severity::warning, "/trial/allocation",
                 "allocated to \"tau\" but received \"ipt\", and no arm_change_reason says why");
  c.trial->arm_change_reason = "moved to a site offering IPT only";
  expect_absent(iptkit::validate(c), "T003");
  c.trial->allocation = "ipt";
  c.trial->arm_change_reason.reset();
  expect_absent(iptkit::validate(c), "T003");
}

TEST(rules, T004_assessment_outside_every_follow_up_window) {
  iptkit::catalog cat;
  auto ipt = *cat.protocols.find("ipt");
  ipt.follow_up_days = {90, 180};
  cat.protocols.add(ipt);
  auto c = completed();
  const auto last = c.sessions.back().date;
  c.assessments.push_back(total_only("phq9", iptkit::add_days(last, 60), 4));
  const auto path = "/assessments/" + std::to_string(c.assessments.size() - 1) + "/date";
  const auto fs = iptkit::validate(c, {}, cat);
  expect_finding(fs, "T004", severity::warning, path,
                 "is 60 days after the last acute session, outside every follow-up window of \"ipt\" "
                 "(90 +/- 14, 180 +/- 14 days)");
  expect_absent(iptkit::validate(c), "T004");  // the built-in ipt names no visits
  c.assessments.back().date = iptkit::add_days(last, 103);  // 90 + 13: inside the first window
  expect_absent(iptkit::validate(c, {}, cat), "T004");
  c.assessments.back().date = iptkit::add_days(last, 10);  // the end-of-treatment measure
  expect_absent(iptkit::validate(c, {}, cat), "T004");
  c.assessments.back().date = iptkit::add_days(last, 60);
  c.maintenance = plan(c);  // maintenance monitoring has its own schedule
  expect_absent(iptkit::validate(c, {}, cat), "T004");
}

TEST(rules, T005_randomised_although_not_eligible) {
  auto c = base();
  c.trial = randomised("2026-01-02");
  c.trial->eligible = false;
  expect_finding(iptkit::validate(c), "T005", severity::warning, "/trial/eligible",
                 "randomised on 2026-01-02 but eligible is false");
  c.trial->eligible = true;
  expect_absent(iptkit::validate(c), "T005");
}

TEST(rules, T006_group_format_trial_case_without_a_group) {
  auto c = base();
  c.contract.format = iptkit::therapy_format::group;
  expect_absent(iptkit::validate(c), "T006");  // not in a trial
  c.trial = randomised("2026-01-02");
  EXPECT_TRUE(has(iptkit::validate(c), "T006", "/group_id"));
  c.group_id = "g1";
  expect_absent(iptkit::validate(c), "T006");
}

// The trial rules judge comparator arms too.
TEST(rules, trial_rules_run_on_comparator_arms) {
  auto c = base();
  c.adaptation = "usual_care";
  c.trial = randomised("2026-01-09");
  EXPECT_TRUE(has(iptkit::validate(c), "T001"));
}

TEST(rules, D001_ipt_a_age_outside_12_to_18) {
  auto c = base();
  c.adaptation = "ipt_a";  // base: 41 years old
  expect_finding(iptkit::validate(c), "D001", severity::warning, "/age_at_intake",
                 "age 41 is outside 12-18 for \"ipt_a\"");
  c.age_at_intake = 18;
  expect_absent(iptkit::validate(c), "D001");
  c.age_at_intake = 11;
  EXPECT_TRUE(has(iptkit::validate(c), "D001", "/age_at_intake"));
  c.age_at_intake.reset();  // no age recorded: nothing to check
  expect_absent(iptkit::validate(c), "D001");
  auto adult = base();  // ipt has no age range
  adult.age_at_intake = 90;
  expect_absent(iptkit::validate(adult), "D001");
}

TEST(rules, D001_names_only_the_bound_the_protocol_has) {
  iptkit::catalog cat;
  auto late_life = *cat.protocols.find("ipt");
  late_life.id = "ipt_late_life";
  late_life.min_age = 60;
  cat.protocols.add(late_life);
  auto c = base();
  c.adaptation = "ipt_late_life";
  expect_finding(iptkit::validate(c, {}, cat), "D001", severity::warning, "/age_at_intake",
                 "age 41 is below the minimum age 60 for \"ipt_late_life\"");
}

TEST(rules, D002_ipt_couple_without_a_partner) {
  auto c = base();
  c.adaptation = "ipt_couple";
  c.contract.format = iptkit::therapy_format::couple;
  expect_absent(iptkit::validate(c), "D002");
  c.inventory->relationships[0].kind = iptkit::relationship_kind::former_partner;
  expect_finding(iptkit::validate(c), "D002", severity::warning, "/inventory",
                 "\"ipt_couple\" works with a partner, but the inventory has no partner "
                 "relationship");
  auto ipt = base();  // the same inventory is fine for ipt
  ipt.inventory->relationships[0].kind = iptkit::relationship_kind::former_partner;
  expect_absent(iptkit::validate(ipt), "D002");
  c.inventory.reset();  // not taken yet: nothing to judge (F001 covers a missing inventory)
  expect_absent(iptkit::validate(c), "D002");
}

// ---------------------------------------------------------------------------------------------
// Every code has a test above.

const std::vector<std::string> catalogue = {
    "C001", "C002", "C003", "C004", "C005", "C006", "C007", "P001", "P002", "P003",
    "P004", "P005", "F001", "F002", "F003", "F004", "F005", "F006", "F007", "F008",
    "F009", "F010", "F011", "F012", "F013", "F014", "F015", "F016", "A001", "A002", "A003", "A004", "A005",
    "A006", "A007", "A008", "A009", "M001", "M002", "M003", "D001", "D002",
    "T001", "T002", "T003", "T004", "T005", "T006"};

TEST(rules, every_catalogue_code_has_a_test_named_after_it) {
  const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
  ASSERT_NE(suite, nullptr);
  for (const auto& code : catalogue) {
    bool found = false;
    for (int i = 0; i < suite->total_test_count(); ++i)
      found = found || std::string_view(suite->GetTestInfo(i)->name()).starts_with(code + "_");
    EXPECT_TRUE(found) << "no test named " << code << "_...";
  }
}

// ---------------------------------------------------------------------------------------------
// Sample data: every example gives exactly the findings its README lists.

using code_path = std::pair<std::string, std::string>;

// The README row of `file`: its last cell's bold codes with their pointers. nullopt: no row.
std::optional<std::set<code_path>> expected_from_readme(const std::string& readme,
                                                        const std::string& file) {
  std::istringstream lines(readme);
  const std::string start = "| `" + file + "` |";
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(start)) continue;
    auto end = line.find_last_not_of(" |");
    const auto begin = line.rfind('|', end);
    const std::string cell = line.substr(begin + 1, end - begin);
    std::set<code_path> out;
    static const std::regex pair(R"(\*\*([A-Z][0-9]{3})\*\*[^`*|]*`(/[^`]*)`)");
    for (std::sregex_iterator it(cell.begin(), cell.end(), pair), stop; it != stop; ++it)
      out.emplace((*it)[1], (*it)[2]);
    if (out.empty()) {
      EXPECT_TRUE(cell.find("none") != std::string::npos) << file << ": " << cell;
    }
    return out;
  }
  return std::nullopt;
}

TEST(rules, examples_give_the_findings_their_readme_lists) {
  const auto readme =
      iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/README.md");
  const auto files = iptkit::test::files_in("examples/data", ".json");
  ASSERT_GE(files.size(), 15u);
  std::size_t with_findings = 0;
  for (const auto& path : files) {
    SCOPED_TRACE(path.filename().string());
    const auto expected = expected_from_readme(readme, path.filename().string());
    ASSERT_TRUE(expected) << "no README row for " << path.filename();
    auto c = iptkit::read_case(iptkit::test::read_file(path));
    ASSERT_TRUE(c) << iptkit::to_string(c.errors()[0]);
    const auto fs = iptkit::validate(*c);
    std::set<code_path> got;
    for (const auto& f : fs) got.emplace(f.code, f.path);
    EXPECT_EQ(got, *expected) << ::testing::PrintToString(strings(fs));
    EXPECT_EQ(got.size(), fs.size()) << "a (code, path) pair is reported twice";
    with_findings += expected->empty() ? 0 : 1;
  }
  EXPECT_EQ(with_findings, 3u);  // C005, A007, F004 (README)
}

TEST(rules, example_cohort_has_no_findings) {
  const auto entries = iptkit::read_case_lines(
      iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl"));
  ASSERT_EQ(entries.size(), 24u);
  for (const auto& e : entries) {
    ASSERT_TRUE(e.value) << "line " << e.line;
    EXPECT_EQ(strings(iptkit::validate(*e.value)), std::vector<std::string>{})
        << "line " << e.line << " " << e.value->case_id;
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters come from the registries: a trial's own manual and instruments, loaded from JSON.

TEST(rules, trial_protocol_loaded_from_json_changes_findings) {
  const auto c = base();  // planned 12; initial phase 1-3
  const auto builtin = iptkit::validate(c);
  EXPECT_FALSE(has(builtin, "C001"));
  EXPECT_FALSE(has(builtin, "P002"));

  auto manual = iptkit::read_protocols(R"([
    {"id": "ipt", "name": "IPT, trial manual", "format": "individual",
     "min_sessions": 10, "max_sessions": 10, "initial_max": 2, "termination_min": 2}
  ])");
  ASSERT_TRUE(manual) << iptkit::to_string(manual.errors()[0]);
  iptkit::catalog cat;
  cat.protocols.add_all(*manual);
  const auto trial = iptkit::validate(c, {}, cat);
  expect_finding(trial, "C001", severity::warning, "/contract/planned_sessions",
                 "12 planned sessions is outside 10-10 for adaptation \"ipt\"");
  expect_finding(trial, "P002", severity::warning, "/sessions/2/phase",
                 "initial-phase session 3 is past the initial maximum of 2 for \"ipt\"");
  EXPECT_EQ(codes(trial), (std::vector<std::string>{"C001", "P002"}));
}

TEST(rules, trial_adaptation_of_its_own) {
  auto manual = iptkit::read_protocols(R"([
    {"id": "ipt_trial", "name": "IPT, trial arm", "format": "individual",
     "min_sessions": 6, "max_sessions": 10, "initial_max": 3, "termination_min": 1,
     "min_age": 18, "max_age": 65}
  ])");
  ASSERT_TRUE(manual);
  iptkit::catalog cat;
  cat.protocols.add_all(*manual);
  auto doc = iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json");
  const std::string from = "\"adaptation\": \"ipt\"";
  ASSERT_NE(doc.find(from), std::string::npos);
  doc.replace(doc.find(from), from.size(), "\"adaptation\": \"ipt_trial\"");
  EXPECT_FALSE(iptkit::read_case(doc));  // not in the built-in table
  auto c = iptkit::read_case(doc, {}, cat);
  ASSERT_TRUE(c) << iptkit::to_string(c.errors()[0]);
  c->age_at_intake = 70;
  const auto fs = iptkit::validate(*c, {}, cat);
  expect_finding(fs, "D001", severity::warning, "/age_at_intake",
                 "age 70 is outside 18-65 for \"ipt_trial\"");
  expect_finding(fs, "C001", severity::warning, "/contract/planned_sessions",
                 "12 planned sessions is outside 6-10 for adaptation \"ipt_trial\"");
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"D001", "C001"}));
}

TEST(rules, user_instrument_loaded_from_json_is_used_by_assessment_rules) {
  auto scales = iptkit::read_instruments(R"([{
    "id": "trial_mood", "name": "Trial mood scale", "items": 5, "item_min": 0, "item_max": 4,
    "total_min": 0, "total_max": 20, "risk_items": [5]}])");
  ASSERT_TRUE(scales) << iptkit::to_string(scales.errors()[0]);
  iptkit::catalog cat;
  cat.instruments.add_all(*scales);

  auto c = base();
  iptkit::assessment a;
  a.instrument = "trial_mood";
  a.date = ymd("2026-01-26");
  a.session = 4;
  a.items = {1, 5, 3, 2};  // 4 items; item 2 is out of 0-4
  a.total = 11;
  c.assessments.push_back(a);
  auto fs = iptkit::validate(c, {}, cat);
  expect_finding(fs, "A001", severity::error, "/assessments/1/items",
                 "Trial mood scale has 5 items; found 4");
  expect_finding(fs, "A002", severity::error, "/assessments/1/items/1",
                 "Trial mood scale item 2 is 5; it scores 0-4");
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"A001", "A002"}));

  c.assessments[1].items = {1, 4, 3, 2, 1};  // risk item 5 above 0
  fs = iptkit::validate(c, {}, cat);
  expect_finding(fs, "A007", severity::alert, "/assessments/1/items/4",
                 "Trial mood scale item 5 (self-harm / suicide) is 1 on 2026-01-26: review risk "
                 "now");
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"A007"}));
  c.assessments[1].items[4] = 0;
  c.assessments[1].total = 10;
  EXPECT_EQ(strings(iptkit::validate(c, {}, cat)), std::vector<std::string>{});

  // Not registered: A008, and the item rules cannot judge it.
  c.assessments[1].items = {1, 5, 3, 2};
  c.assessments[1].total = 11;
  fs = iptkit::validate(c);
  expect_finding(fs, "A008", severity::error, "/assessments/1/instrument",
                 "instrument \"trial_mood\" is not in the catalog");
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"A008"}));
}

TEST(rules, unregistered_adaptation_is_named_and_skips_protocol_rules) {
  auto c = base();
  c.adaptation = "not_registered";  // possible only when built in C++
  c.contract.planned_sessions = 40;                       // C001 for any protocol
  c.contract.format = iptkit::therapy_format::couple;     // C007
  c.sessions[3].phase = phase::initial;                   // P002 past initial max ...
  c.sessions[3].focus_areas.clear();
  add_session(c, phase::initial);
  c.sessions[4].date = c.sessions[3].date;                // C003: not a protocol rule
  findings fs;
  EXPECT_NO_THROW(fs = iptkit::validate(c));
  // Never silent: the adaptation is named (S001, the reader's error), and no protocol rule runs.
  EXPECT_EQ(codes(fs), (std::vector<std::string>{"S001", "C003"}));
  EXPECT_EQ(fs[0].path, "/adaptation");
  // A completed course: P003's count needs the protocol; its termination_discussed part does not.
  auto d = completed();
  d.adaptation = "not_registered";
  d.sessions[10].tasks.clear();
  EXPECT_NO_THROW(fs = iptkit::validate(d));
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].code, "S001");
  EXPECT_EQ(iptkit::to_string(fs[1]),
            "P003 warning /sessions: the course ended and no attended session has the task termination_discussed");
}

// ---------------------------------------------------------------------------------------------
// Rule sets

TEST(rules, builtin_rule_set_is_the_catalogue_in_order) {
  const auto& builtin = iptkit::rule_set::builtin();
  std::vector<std::string> ids;
  for (auto id : builtin.ids()) ids.emplace_back(id);
  EXPECT_EQ(ids, catalogue);
  for (const auto& r : builtin.entries()) {
    EXPECT_TRUE(builtin.is_enabled(r.code)) << r.code;
    EXPECT_FALSE(r.title.empty()) << r.code;
    EXPECT_TRUE(r.check) << r.code;
  }
  EXPECT_EQ(builtin.find("A007")->severity, severity::alert);
  EXPECT_EQ(builtin.find("M003")->severity, severity::alert);
  EXPECT_EQ(builtin.find("F011")->severity, severity::error);
}

TEST(rules, rule_set_disable_and_enable) {
  auto c = base();
  c.formulation->patient_agreed = false;
  iptkit::catalog cat;
  auto& rules = cat.rules;
  EXPECT_TRUE(has(iptkit::validate(c, {}, cat), "F004"));
  EXPECT_TRUE(rules.disable("F004"));
  EXPECT_TRUE(rules.disable("F004"));  // idempotent
  EXPECT_FALSE(rules.is_enabled("F004"));
  EXPECT_EQ(strings(iptkit::validate(c, {}, cat)), std::vector<std::string>{});
  EXPECT_TRUE(rules.enable("F004"));
  EXPECT_TRUE(rules.is_enabled("F004"));
  EXPECT_EQ(codes(iptkit::validate(c, {}, cat)), std::vector<std::string>{"F004"});
  EXPECT_FALSE(rules.disable("Z999"));
  EXPECT_FALSE(rules.enable("Z999"));
  EXPECT_FALSE(rules.set_severity("Z999", severity::error));
  EXPECT_FALSE(rules.is_enabled("Z999"));
  // The shared built-in set is untouched.
  EXPECT_TRUE(iptkit::rule_set::builtin().is_enabled("F004"));
}

// Removing a rule forgets it, its being switched off included; the built-in set keeps it.
TEST(rules, rule_set_remove) {
  auto c = base();
  c.formulation->patient_agreed = false;
  iptkit::catalog cat;
  auto& rules = cat.rules;
  const iptkit::rule f004 = *rules.find("F004");
  EXPECT_TRUE(rules.disable("F004"));
  EXPECT_TRUE(rules.remove("F004"));
  EXPECT_FALSE(rules.contains("F004"));
  EXPECT_FALSE(rules.remove("F004"));
  EXPECT_FALSE(rules.enable("F004"));  // the code is unknown now, not merely off
  EXPECT_FALSE(has(iptkit::validate(c, {}, cat), "F004"));
  EXPECT_TRUE(iptkit::rule_set::builtin().contains("F004"));
  rules.add(f004);  // back, and on: removal dropped the disable
  EXPECT_TRUE(rules.is_enabled("F004"));
  EXPECT_EQ(codes(iptkit::validate(c, {}, cat)), std::vector<std::string>{"F004"});
  std::size_t n = 0;
  for (const iptkit::rule& r : rules) n += r.code == "F004";
  EXPECT_EQ(n, 1u);
}

// A built-in protocol removed from a catalog is unknown to it: a case naming it is not valid
// there (S001 at /adaptation), as for any adaptation the catalog lacks, never silently passed.
TEST(rules, removed_builtin_protocol_is_an_unknown_adaptation) {
  const auto c = base();
  iptkit::catalog cat;
  ASSERT_TRUE(cat.protocols.remove(c.adaptation));
  const auto fs = iptkit::validate(c, {}, cat);
  ASSERT_TRUE(has(fs, "S001")) << ::testing::PrintToString(strings(fs));
  EXPECT_TRUE(std::any_of(fs.begin(), fs.end(), [](const finding& f) { return f.path == "/adaptation"; }));
  EXPECT_FALSE(has(iptkit::validate(c), "S001"));
}

// The catalog carries the rules in force: a rule its rule set disables does not run, in validate()
// and validate_cohort(), while every other rule still does, as with the built-ins.
TEST(rules, a_catalog_with_a_rule_disabled_is_honoured) {
  auto c = base();
  c.formulation->patient_agreed = false;  // F004
  c.contract.planned_sessions = 40;       // C001
  const auto all = iptkit::validate(c);
  ASSERT_TRUE(has(all, "F004"));
  ASSERT_TRUE(has(all, "C001"));
  auto rules = iptkit::rule_set::with_builtins();
  ASSERT_TRUE(rules.disable("F004"));
  const iptkit::catalog cat{.rules = rules};
  findings expected;
  for (const auto& f : all)
    if (f.code != "F004") expected.push_back(f);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(iptkit::validate(c, {}, cat), expected);
  EXPECT_FALSE(has(iptkit::validate(c, {.redact = true}, cat), "F004"));
  const std::vector<case_record> cohort{c, base(), c};
  const auto per_case = iptkit::validate_cohort(cohort, {.threads = 2}, cat);
  ASSERT_EQ(per_case.size(), cohort.size());
  EXPECT_EQ(per_case[0], expected);
  EXPECT_EQ(per_case[1], iptkit::validate(base(), {}, cat));
  EXPECT_EQ(per_case[2], expected);
  // Neither the built-in catalog nor a fresh one is touched.
  EXPECT_EQ(iptkit::validate(c), all);
  EXPECT_EQ(iptkit::validate(c, {}, iptkit::catalog{}), all);
  EXPECT_TRUE(iptkit::catalog::builtin().rules.is_enabled("F004"));
}

// enabled() points into the rule set: asking a temporary for it does not compile.
template <class R>
concept enabled_of_temporary = requires { R::with_builtins().enabled(); };
static_assert(!enabled_of_temporary<iptkit::rule_set>);

TEST(rules, rule_set_enabled_lists_the_rules_that_run_in_order) {
  auto rules = iptkit::rule_set::with_builtins();
  const auto all = rules.enabled();
  ASSERT_EQ(all.size(), rules.entries().size());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], &rules.entries()[i]);
  rules.disable("F004");
  rules.disable("A007");
  rules.add({"X001", severity::warning, "a rule without a check", {}});
  const auto on = rules.enabled();
  EXPECT_EQ(on.size(), rules.entries().size() - 3);
  for (const auto* r : on) {
    EXPECT_TRUE(rules.is_enabled(r->code)) << r->code;
    EXPECT_NE(r->code, "X001");
  }
  rules.enable("F004");
  EXPECT_EQ(rules.enabled().size(), rules.entries().size() - 2);
}

TEST(rules, rule_set_set_severity) {
  auto c = base();
  c.formulation->patient_agreed = false;
  iptkit::catalog cat;
  EXPECT_TRUE(cat.rules.set_severity("F004", severity::error));
  const auto fs = iptkit::validate(c, {}, cat);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].severity, severity::error);
  EXPECT_EQ(iptkit::to_string(fs[0]).substr(0, 38), "F004 error /formulation/patient_agreed");
  EXPECT_EQ(iptkit::validate(c)[0].severity, severity::warning);  // default set unchanged
  EXPECT_EQ(iptkit::rule_set::builtin().find("F004")->severity, severity::warning);
}

TEST(rules, rule_set_custom_rule) {
  iptkit::catalog cat;
  auto& rules = cat.rules;
  rules.add(iptkit::rule{
      "X001", severity::warning, "sessions longer than 60 minutes",
      [](const iptkit::rule_context& x, std::vector<iptkit::rule_hit>& out) {
        for (std::size_t i = 0; i < x.c.sessions.size(); ++i)
          if (x.c.sessions[i].minutes && *x.c.sessions[i].minutes > 60)
            out.push_back({"/sessions/" + std::to_string(i) + "/minutes",
                           "session " + std::to_string(x.c.sessions[i].number) + " ran " +
                               std::to_string(*x.c.sessions[i].minutes) + " minutes"});
      }});
  EXPECT_EQ(rules.ids().back(), "X001");
  auto c = base();
  c.sessions[1].minutes = 75;
  c.formulation->patient_agreed = false;  // F004 at /formulation sorts before /sessions
  auto fs = iptkit::validate(c, {}, cat);
  EXPECT_EQ(strings(fs), (std::vector<std::string>{
                             "F004 warning /formulation/patient_agreed: the formulation shared "
                             "at session 3 has no explicit patient agreement (patient_agreed is "
                             "false)",
                             "X001 warning /sessions/1/minutes: session 2 ran 75 minutes"}));
  EXPECT_TRUE(rules.set_severity("X001", severity::alert));
  EXPECT_EQ(iptkit::validate(c, {}, cat)[1].severity, severity::alert);
  EXPECT_TRUE(rules.disable("X001"));
  EXPECT_EQ(codes(iptkit::validate(c, {}, cat)), std::vector<std::string>{"F004"});
  // The default set knows nothing of X001.
  EXPECT_FALSE(has(iptkit::validate(c), "X001"));
}

TEST(rules, custom_rule_exception_propagates) {
  iptkit::catalog cat;
  cat.rules.add({"X002", severity::error, "throws",
                 [](const iptkit::rule_context&, std::vector<iptkit::rule_hit>&) {
                   throw std::runtime_error("user rule failed");
                 }});
  EXPECT_THROW(iptkit::validate(base(), {}, cat), std::runtime_error);
  std::vector<case_record> cohort(8, base());
  EXPECT_THROW(iptkit::validate_cohort(cohort, {.threads = 3}, cat), std::runtime_error);
}

TEST(rules, the_first_case_that_throws_is_the_one_reported_on_any_threads) {
  iptkit::catalog cat;
  cat.rules.add({"X003", severity::error, "throws for some cases",
                 [](const iptkit::rule_context& x, std::vector<iptkit::rule_hit>&) {
                   if (x.c.case_id.ends_with("7")) throw std::runtime_error(x.c.case_id);
                 }});
  std::vector<case_record> cohort(1000, base());
  for (std::size_t i = 0; i < cohort.size(); ++i) cohort[i].case_id = "C-" + std::to_string(i);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    try {
      iptkit::validate_cohort(cohort, {.threads = threads}, cat);
      ADD_FAILURE() << "no exception with " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "C-7") << threads;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Order and determinism

TEST(rules, findings_are_in_document_order) {
  auto c = base();
  c.adaptation = "ipt_a";                                      // D001 at /age_at_intake (41)
  c.contract.format = iptkit::therapy_format::group;           // C007 at /contract/format
  for (auto& e : c.inventory->relationships[0].expectations)   // F009 at /inventory/...
    e.status = iptkit::expectation_status::met;
  for (int n = 5; n <= 11; ++n) add_session(c, phase::middle);
  c.sessions[2].date = c.sessions[1].date;                     // C003 at /sessions/2/date
  c.sessions[10].focus_areas.clear();                          // P005 at /sessions/10/...
  c.assessments[0].items[8] = 2;                               // A007 at /assessments/0/items/8
  c.assessments[0].total = 15;
  const auto fs = iptkit::validate(c);
  std::vector<std::string> paths;
  for (const auto& f : fs) paths.push_back(f.code + " " + f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "D001 /age_at_intake", "C007 /contract/format",
                       "F009 /inventory/relationships/0/expectations", "C003 /sessions/2/date",
                       "P005 /sessions/10/focus_areas", "A007 /assessments/0/items/8"}));
}

TEST(rules, whole_case_and_list_pointers_sort_before_their_members) {
  auto c = completed();
  c.assessments[1].session.reset();
  c.assessments[1].date = ymd("2026-04-30");                // A006 at /assessments
  c.assessments[0].items[8] = 1;                            // A007 at /assessments/0/items/8
  c.assessments[0].total = 14;
  c.sessions[10].tasks.clear();                             // P003 at /sessions
  c.sessions[0].format = iptkit::therapy_format::group;     // C007 at /sessions/0/format
  EXPECT_EQ(codes(iptkit::validate(c)), (std::vector<std::string>{"P003", "C007", "A006", "A007"}));
}

TEST(rules, validation_is_deterministic) {
  auto c = completed();
  c.contract.planned_sessions = 11;
  c.formulation->patient_agreed = false;
  c.assessments[0].items[8] = 1;
  c.sessions[5].focus_areas = {problem_area::grief, problem_area::role_transition};
  const auto first = iptkit::validate(c);
  EXPECT_GE(first.size(), 5u);
  EXPECT_EQ(iptkit::validate(c), first);
  const case_record copy = c;
  EXPECT_EQ(iptkit::validate(copy), first);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(iptkit::validate(c), first);
}

// About 200 varied cases: every example and cohort case, and mutations of each.
std::vector<case_record> varied_cohort() {
  std::vector<case_record> seeds;
  for (const auto& path : iptkit::test::files_in("examples/data", ".json"))
    seeds.push_back(iptkit::read_case(iptkit::test::read_file(path)).value());
  for (auto& e : iptkit::read_case_lines(
           iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl")))
    seeds.push_back(std::move(e.value).value());
  std::vector<case_record> out;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    out.push_back(seeds[i]);
    for (int m = 0; m < 4; ++m) {
      auto c = seeds[i];
      switch ((i + static_cast<std::size_t>(m)) % 8) {
        case 0: c.contract.planned_sessions += 9; break;
        case 1: if (c.formulation) c.formulation->patient_agreed = false; break;
        case 2: c.inventory.reset(); break;
        case 3:
          if (c.sessions.size() > 2) c.sessions[2].date = c.sessions[1].date;
          break;
        case 4:
          for (auto& a : c.assessments)
            if (a.instrument == "phq9" && a.items.size() == 9) a.items[8] = 1;
          break;
        case 5: c.adaptation = "ipt_g"; break;
        case 6:
          for (auto& s : c.sessions) {
            s.tasks.clear();
            s.focus_areas.clear();
          }
          break;
        case 7:
          if (!c.sessions.empty()) c.sessions.pop_back();
          c.age_at_intake = 9;
          c.adaptation = "ipt_a";
          break;
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

TEST(rules, validate_cohort_in_parallel_equals_one_thread_and_validate) {
  const auto cases = varied_cohort();
  ASSERT_GE(cases.size(), 190u);
  const auto one = iptkit::validate_cohort(cases, {.threads = 1});
  ASSERT_EQ(one.size(), cases.size());
  std::size_t total = 0, clean = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(one[i], iptkit::validate(cases[i])) << i;
    total += one[i].size();
    clean += one[i].empty() ? 1 : 0;
  }
  EXPECT_GT(total, cases.size());  // varied: many findings ...
  EXPECT_GT(clean, 30u);           // ... and many clean cases
  EXPECT_EQ(iptkit::validate_cohort(cases, {.threads = 2}), one);
  EXPECT_EQ(iptkit::validate_cohort(cases, {.threads = 7}), one);
  EXPECT_EQ(iptkit::validate_cohort(cases, {.threads = 1000}), one);  // more threads than cases
  // With a catalog: the same catalog applies on every thread.
  iptkit::catalog cat;
  cat.rules.disable("A007");
  const auto without = iptkit::validate_cohort(cases, {.threads = 2}, cat);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_FALSE(has(without[i], "A007"));
    EXPECT_EQ(without[i], iptkit::validate(cases[i], {}, cat)) << i;
  }
  EXPECT_TRUE(iptkit::validate_cohort(std::span<const case_record>{}, {.threads = 4}).empty());
}

}  // namespace
