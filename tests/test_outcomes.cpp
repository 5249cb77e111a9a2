// Per-case outcomes and cohort statistics on hand-worked cases (outcomes.md).
#include <iptkit/export/csv.hpp>
#include <iptkit/export/tidy.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

using iptkit::not_computed;

iptkit::date d(const char* t) { return iptkit::parse_date(t).value(); }

// A weekly ipt course of `n` sessions from 2026-01-05 (the last two termination), PHQ-9 totals
// given as (days after the start, total).
iptkit::case_record course(int n, std::vector<std::pair<int, int>> phq9, std::string id = "T-1") {
  iptkit::case_record c;
  c.case_id = std::move(id);
  c.adaptation = "ipt";
  c.contract.planned_sessions = n;
  c.contract.start_date = d("2026-01-05");
  for (int i = 0; i < n; ++i) {
    iptkit::session s;
    s.number = i + 1;
    s.date = iptkit::add_days(c.contract.start_date, 7L * i);
    s.phase = i < 3 ? iptkit::phase::initial : i >= n - 2 ? iptkit::phase::termination : iptkit::phase::middle;
    c.sessions.push_back(s);
  }
  for (auto [day, total] : phq9)
    c.assessments.push_back({.instrument = "phq9", .date = iptkit::add_days(c.contract.start_date, day), .total = total});
  return c;
}

const iptkit::case_outcome& row(const std::vector<iptkit::case_outcome>& rows, std::string_view instrument) {
  for (const auto& r : rows)
    if (r.instrument == instrument) return r;
  throw std::runtime_error("no row for " + std::string(instrument));
}

TEST(outcomes, a_responder_who_recovers) {
  // PHQ-9 20 at session 1 -> 8 at the last session (day 77).
  const auto rows = iptkit::outcomes(course(12, {{0, 20}, {35, 14}, {77, 8}}));
  ASSERT_EQ(rows.size(), 1u);
  const auto& o = rows[0];
  EXPECT_FALSE(o.status);
  EXPECT_EQ(o.baseline, 20);
  EXPECT_EQ(o.baseline_date, d("2026-01-05"));
  EXPECT_EQ(o.endpoint, 8);
  EXPECT_EQ(o.change, -12);
  EXPECT_DOUBLE_EQ(*o.percent_change, -60.0);
  EXPECT_EQ(o.response, true);              // 8 <= 10
  EXPECT_EQ(o.remission, false);            // 8 > 4
  EXPECT_EQ(o.reliable_improvement, true);  // 12 >= 6 points
  EXPECT_EQ(o.reliable_deterioration, false);
  EXPECT_FALSE(o.rci);                      // points threshold, no RCI
  EXPECT_EQ(o.baseline_caseness, true);     // 20 >= 10
  EXPECT_EQ(o.endpoint_caseness, false);
  EXPECT_EQ(o.recovery, true);
  EXPECT_EQ(o.reliable_recovery, true);
  EXPECT_EQ(o.baseline_band, "severe");
  EXPECT_EQ(o.endpoint_band, "mild");
  EXPECT_EQ(o.relapse_reason, not_computed::no_relapse_rule);
  EXPECT_EQ(o.sessions_attended, 12);
  EXPECT_TRUE(o.completer);
  EXPECT_TRUE(o.finished_treatment);
}

TEST(outcomes, response_is_at_least_half) {
  EXPECT_EQ(iptkit::outcomes(course(12, {{0, 15}, {77, 7}}))[0].response, true);   // 7 <= 7.5
  EXPECT_EQ(iptkit::outcomes(course(12, {{0, 15}, {77, 8}}))[0].response, false);  // 8 > 7.5
  EXPECT_EQ(iptkit::outcomes(course(12, {{0, 15}, {77, 4}}))[0].remission, true);  // 4 <= 4
}

TEST(outcomes, reliable_change_thresholds_and_deterioration) {
  const auto five = iptkit::outcomes(course(12, {{0, 15}, {77, 10}}))[0];  // -5: not reliable
  EXPECT_EQ(five.reliable_improvement, false);
  EXPECT_EQ(five.recovery, false);  // still 10 >= 10
  EXPECT_EQ(five.reliable_recovery, false);
  const auto worse = iptkit::outcomes(course(12, {{0, 8}, {77, 14}}))[0];   // +6
  EXPECT_EQ(worse.reliable_deterioration, true);
  EXPECT_EQ(worse.reliable_improvement, false);
  EXPECT_EQ(worse.recovery_reason, not_computed::not_case_at_baseline);  // 8 < 10
  EXPECT_FALSE(worse.recovery);
}

TEST(outcomes, no_baseline) {
  // The first assessment is at session 2 (day 7), after the first attended session.
  const auto o = iptkit::outcomes(course(12, {{7, 18}, {77, 6}}))[0];
  EXPECT_EQ(o.status, not_computed::no_baseline);
  EXPECT_FALSE(o.baseline);
  EXPECT_FALSE(o.change);
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.response_reason, not_computed::no_baseline);
  EXPECT_EQ(o.recovery_reason, not_computed::no_baseline);
}

TEST(outcomes, intake_window_is_28_days) {
  EXPECT_EQ(iptkit::outcomes(course(12, {{-28, 18}, {77, 6}}))[0].baseline, 18);
  EXPECT_EQ(iptkit::outcomes(course(12, {{-29, 18}, {77, 6}}))[0].status, not_computed::no_baseline);
  // The earliest in the window is the baseline.
  EXPECT_EQ(iptkit::outcomes(course(12, {{-10, 17}, {0, 19}, {77, 6}}))[0].baseline, 17);
}

TEST(outcomes, no_endpoint) {
  const auto o = iptkit::outcomes(course(12, {{0, 18}}))[0];
  EXPECT_EQ(o.status, not_computed::no_endpoint);
  EXPECT_EQ(o.baseline, 18);
  EXPECT_EQ(o.baseline_band, "moderately_severe");
  EXPECT_EQ(o.baseline_caseness, true);
  EXPECT_FALSE(o.endpoint);
  EXPECT_EQ(o.remission_reason, not_computed::no_endpoint);
  EXPECT_EQ(o.recovery_reason, not_computed::no_endpoint);
}

TEST(outcomes, endpoint_is_last_observation_within_14_days_of_the_last_acute_session) {
  // Last session on day 77: day 91 counts, day 92 does not.
  EXPECT_EQ(iptkit::outcomes(course(12, {{0, 18}, {70, 9}, {91, 5}}))[0].endpoint, 5);
  EXPECT_EQ(iptkit::outcomes(course(12, {{0, 18}, {70, 9}, {92, 5}}))[0].endpoint, 9);
}

TEST(outcomes, baseline_zero) {
  const auto o = iptkit::outcomes(course(12, {{0, 0}, {77, 2}}))[0];
  EXPECT_FALSE(o.status);
  EXPECT_EQ(o.change, 2);
  EXPECT_FALSE(o.percent_change);
  EXPECT_EQ(o.percent_change_reason, not_computed::baseline_zero);
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.response_reason, not_computed::baseline_zero);
  EXPECT_EQ(o.remission, true);
}

TEST(outcomes, no_assessments_and_unknown_instrument) {
  const auto none = iptkit::outcomes(course(12, {}));
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].status, not_computed::no_assessments);
  EXPECT_EQ(none[0].instrument, "");
  auto c = course(12, {{0, 18}, {77, 6}});
  for (auto& a : c.assessments) a.instrument = "mystery";
  const auto o = iptkit::outcomes(c)[0];
  EXPECT_EQ(o.status, not_computed::unknown_instrument);
  EXPECT_EQ(o.baseline, 18);
}

TEST(outcomes, attendance_and_flags) {
  auto c = course(12, {{0, 18}, {77, 6}});
  c.sessions[4].attendance = iptkit::attendance::cancelled;
  c.sessions[5].attendance = iptkit::attendance::no_show;
  c.sessions[10].attendance = c.sessions[11].attendance = iptkit::attendance::no_show;  // both termination
  const auto o = iptkit::outcomes(c)[0];
  EXPECT_EQ(o.sessions_attended, 8);
  EXPECT_EQ(o.sessions_cancelled, 1);
  EXPECT_EQ(o.sessions_no_show, 3);
  EXPECT_FALSE(o.completer);
  EXPECT_TRUE(o.finished_treatment);
  c.sessions.resize(1);
  EXPECT_FALSE(iptkit::outcomes(c)[0].finished_treatment);  // one attended session
}

// NHS Talking Therapies: recovery is defined for a finished course (at least 2 attended
// sessions) that began at caseness. Baseline 20 on the first session's day, endpoint 8 within
// 14 days of the last acute session; the cases differ in attended sessions only.
TEST(outcomes, recovery_only_for_a_finished_course_of_treatment) {
  const auto with_attended = [](int attended) {
    auto c = course(12, {{0, 20}, {77, 8}});
    c.assessments.push_back({.instrument = "gad7", .date = d("2026-01-05"), .total = 12});
    c.assessments.push_back({.instrument = "gad7", .date = d("2026-03-23"), .total = 3});
    for (std::size_t s = static_cast<std::size_t>(attended); s < c.sessions.size(); ++s)
      c.sessions[s].attendance = iptkit::attendance::cancelled;
    return iptkit::outcomes(c);
  };
  const auto one = with_attended(1), two = with_attended(2);
  for (const char* instrument : {"phq9", "gad7", "phq9+gad7"}) {
    EXPECT_FALSE(row(one, instrument).finished_treatment) << instrument;
    EXPECT_FALSE(row(one, instrument).recovery) << instrument;
    EXPECT_FALSE(row(one, instrument).reliable_recovery) << instrument;
    EXPECT_EQ(row(one, instrument).recovery_reason, not_computed::not_finished_treatment) << instrument;
    EXPECT_TRUE(row(two, instrument).finished_treatment) << instrument;
    EXPECT_EQ(row(two, instrument).recovery, true) << instrument;
    EXPECT_FALSE(row(two, instrument).recovery_reason) << instrument;
  }
  // The other quantities do not depend on it.
  EXPECT_EQ(row(one, "phq9").response, true);
  EXPECT_EQ(row(one, "phq9").reliable_improvement, true);
}

TEST(outcomes, bdi2_bands_at_their_edges) {
  const auto& in = *iptkit::instrument_registry::builtin().find("bdi2");
  const std::vector<std::pair<int, const char*>> edges = {
      {0, "minimal"}, {13, "minimal"}, {14, "mild"}, {19, "mild"}, {20, "moderate"},
      {28, "moderate"}, {29, "severe"}, {63, "severe"}};
  for (auto [total, label] : edges) EXPECT_EQ(iptkit::band_of(in, total)->label, label) << total;
  auto c = course(12, {});
  c.assessments = {{.instrument = "bdi2", .date = d("2026-01-05"), .total = 29},
                   {.instrument = "bdi2", .date = d("2026-03-23"), .total = 13}};
  const auto o = iptkit::outcomes(c)[0];
  EXPECT_EQ(o.baseline_band, "severe");
  EXPECT_EQ(o.endpoint_band, "minimal");
  EXPECT_EQ(o.remission, true);  // <= 13
  EXPECT_FALSE(o.reliable_change_reason);  // built-in Jacobson-Truax parameters (manual)
  EXPECT_EQ(o.reliable_improvement, true);  // 16 points
  EXPECT_EQ(o.recovery, true);
  EXPECT_EQ(o.reliable_recovery, true);
}

// The BDI-II's built-in Jacobson-Truax parameters (Beck, Steer & Brown 1996: outpatient SD 12.75,
// test-retest r .93): S_diff = 12.75 * sqrt(2 * 0.07) = 4.7706, so 9 points is an RCI of 1.887
// (not reliable) and 10 points 2.096 (reliable), in either direction.
TEST(outcomes, bdi2_reliable_change_between_9_and_10_points) {
  for (const auto& [before, after, improved, deteriorated] :
       std::vector<std::tuple<int, int, bool, bool>>{{30, 21, false, false}, {30, 20, true, false},
                                                     {20, 29, false, false}, {20, 30, false, true}}) {
    auto c = course(12, {});
    c.assessments = {{.instrument = "bdi2", .date = d("2026-01-05"), .total = before},
                     {.instrument = "bdi2", .date = d("2026-03-23"), .total = after}};
    const auto o = iptkit::outcomes(c)[0];
    ASSERT_TRUE(o.rci) << before << " -> " << after;
    EXPECT_NEAR(std::abs(*o.rci), std::abs(after - before) / (12.75 * std::sqrt(2 * (1 - 0.93))), 1e-9);
    EXPECT_EQ(o.reliable_improvement, improved) << before << " -> " << after;
    EXPECT_EQ(o.reliable_deterioration, deteriorated) << before << " -> " << after;
  }
}

TEST(outcomes, hamd17_items_score_with_their_maxima_and_jacobson_truax) {
  // HAM-D-17 with a trial's Jacobson-Truax parameters: SD 5, r 0.8.
  iptkit::catalog cat;
  auto hamd = *cat.instruments.find("hamd17");
  hamd.jacobson_truax = iptkit::jacobson_truax{5.0, 0.8};
  cat.instruments.add(hamd);
  auto c = course(12, {});
  // Items at their maxima except item 1: 52 - 4 = 48 at baseline.
  std::vector<int> items(17);
  for (std::size_t k = 0; k < 17; ++k) items[k] = iptkit::item_max_of(hamd, k);
  items[0] = 0;
  c.assessments = {{.instrument = "hamd17", .date = d("2026-01-05"), .items = items},
                   {.instrument = "hamd17", .date = d("2026-03-23"), .total = 40}};
  const auto o = iptkit::outcomes(c, {}, cat)[0];
  EXPECT_EQ(o.baseline, 48);
  EXPECT_EQ(o.baseline_band, "severe");
  // S_diff = 5 * sqrt(2) * sqrt(0.2) = 3.1623; RCI = -8 / 3.1623 = -2.5298 < -1.96.
  EXPECT_NEAR(*o.rci, -8.0 / (5.0 * std::sqrt(2.0) * std::sqrt(0.2)), 1e-12);
  EXPECT_EQ(o.reliable_improvement, true);
  EXPECT_EQ(o.reliable_deterioration, false);
  EXPECT_EQ(o.remission, false);  // 40 > 7
}

TEST(outcomes, nhs_paired_phq9_and_gad7) {
  auto c = course(12, {{0, 12}, {77, 8}});  // PHQ-9: case -> not a case, -4 (not reliable)
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-01-05"), .total = 12});
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-03-23"), .total = 6});  // -6: reliable
  auto rows = iptkit::outcomes(c);
  ASSERT_EQ(rows.size(), 3u);
  const auto& p = row(rows, "phq9+gad7");
  EXPECT_EQ(p.baseline_caseness, true);
  EXPECT_EQ(p.endpoint_caseness, false);  // neither: 8 < 10, 6 < 8
  EXPECT_EQ(p.recovery, true);
  EXPECT_EQ(p.reliable_improvement, true);  // GAD-7 improved reliably, neither deteriorated
  EXPECT_EQ(p.reliable_recovery, true);
  EXPECT_EQ(p.response_reason, not_computed::not_in_paired_definition);
  EXPECT_EQ(p.sessions_attended, 12);  // attendance is the case's, on every row
  EXPECT_TRUE(p.completer);
  // GAD-7 still at caseness (8): not recovered under the paired definition.
  c.assessments.back().total = 8;
  rows = iptkit::outcomes(c);
  EXPECT_EQ(row(rows, "phq9+gad7").endpoint_caseness, true);
  EXPECT_EQ(row(rows, "phq9+gad7").recovery, false);
  // One improves reliably, the other deteriorates reliably: neither counts.
  c.assessments[1].total = 18;  // PHQ-9 12 -> 18
  c.assessments.back().total = 6;
  rows = iptkit::outcomes(c);
  EXPECT_EQ(row(rows, "phq9+gad7").reliable_improvement, false);
  EXPECT_EQ(row(rows, "phq9+gad7").reliable_deterioration, false);
}

// Found with the fuzz targets: the pair read PHQ-9's caseness and reliable change without checking that a
// registered PHQ-9 has them (undefined behaviour, a garbage row).
TEST(outcomes, paired_row_with_a_phq9_override_without_cutoffs_gives_reasons) {
  iptkit::catalog cat;
  cat.instruments.add({.id = "phq9", .name = "PHQ-9 without cut-offs", .items = 9, .total_max = 27});
  auto c = course(12, {{0, 12}, {77, 8}});
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-01-05"), .total = 12});
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-03-23"), .total = 6});
  const auto p = row(iptkit::outcomes(c, {}, cat), "phq9+gad7");
  EXPECT_FALSE(p.status);
  EXPECT_FALSE(p.baseline_caseness);
  EXPECT_EQ(p.caseness_reason, not_computed::no_caseness_cutoff);
  EXPECT_EQ(p.recovery_reason, not_computed::no_caseness_cutoff);
  EXPECT_FALSE(p.reliable_improvement);
  EXPECT_EQ(p.reliable_change_reason, not_computed::no_reliable_change_definition);
}

iptkit::case_record maintained(int endpoint, std::vector<std::pair<int, int>> after) {
  auto c = course(12, {{0, 18}, {77, endpoint}});
  c.maintenance = iptkit::maintenance_plan{.contract_date = d("2026-03-23"),
                                           .relapse_rule = iptkit::relapse_rule{"phq9", 10, 2}};
  for (auto [day, total] : after)
    c.assessments.push_back({.instrument = "phq9", .date = iptkit::add_days(d("2026-03-23"), day), .total = total});
  return c;
}

// The episode's course (Frank et al. 1991; Rush et al. 2006). maintained(): 12 weekly sessions,
// the last on 2026-03-23 with the endpoint score; the relapse rule is PHQ-9 >= 10 twice in a row.
// In remission from 2026-03-23 (3), still 3 on `last_remitted`, then 11 and 12: the rule fires on
// 2026-08-23.
iptkit::case_record remitted_until(const char* last_remitted) {
  auto c = maintained(3, {});
  for (auto [date, total] : {std::pair{last_remitted, 3}, {"2026-08-10", 11}, {"2026-08-23", 12}})
    c.assessments.push_back({.instrument = "phq9", .date = d(date), .total = total});
  return c;
}

TEST(outcomes, recurrence_after_a_remission_sustained_for_exactly_the_recovery_period) {
  // Four calendar months after 2026-03-23: recovered from the episode, so the firing is a recurrence.
  const auto o = iptkit::outcomes(remitted_until("2026-07-23"))[0];
  EXPECT_EQ(o.remission_date, d("2026-03-23"));
  EXPECT_EQ(o.sustained_remission_date, d("2026-07-23"));
  EXPECT_EQ(o.relapse_rule_fired, true);
  EXPECT_EQ(o.relapse_date, d("2026-08-23"));
  EXPECT_EQ(o.relapse_kind, iptkit::relapse_kind::recurrence);
  EXPECT_EQ(o.relapse_days, 153);  // 2026-03-23 to 2026-08-23
  EXPECT_EQ(o.relapse_censored, false);
}

TEST(outcomes, relapse_when_the_remission_lasted_one_day_less_than_the_recovery_period) {
  // The same course with the last remitted score a day earlier, 2026-07-22: not yet sustained.
  const auto c = remitted_until("2026-07-22");
  const auto o = iptkit::outcomes(c)[0];
  EXPECT_EQ(o.remission_date, d("2026-03-23"));
  EXPECT_FALSE(o.sustained_remission_date);
  EXPECT_EQ(o.relapse_kind, iptkit::relapse_kind::relapse);
  EXPECT_EQ(o.relapse_date, d("2026-08-23"));
  // The recovery period is the analysis's parameter: with three months it was sustained.
  const auto shorter = iptkit::outcomes(c, {.recovery_period_months = 3})[0];
  EXPECT_EQ(shorter.sustained_remission_date, d("2026-06-23"));
  EXPECT_EQ(shorter.relapse_kind, iptkit::relapse_kind::recurrence);
  EXPECT_THROW((void)iptkit::outcomes(c, {.recovery_period_months = 0}), std::invalid_argument);
}

TEST(outcomes, a_remission_that_breaks_starts_its_period_again) {
  // Remitted at the endpoint, 11 a month later (remission broken, the rule not yet fired), then
  // remitted again from 2026-05-31: its four months end on 2026-09-30 (September has no 31st).
  auto c = maintained(3, {});
  for (auto [date, total] : {std::pair{"2026-04-23", 11}, {"2026-05-31", 2}, {"2026-09-30", 4}, {"2026-10-30", 12},
                             {"2026-11-30", 14}})
    c.assessments.push_back({.instrument = "phq9", .date = d(date), .total = total});
  const auto o = iptkit::outcomes(c)[0];
  EXPECT_EQ(o.remission_date, d("2026-03-23"));  // the first remission
  EXPECT_EQ(o.sustained_remission_date, d("2026-09-30"));
  EXPECT_EQ(o.relapse_kind, iptkit::relapse_kind::recurrence);
  EXPECT_EQ(o.relapse_date, d("2026-11-30"));
}

TEST(outcomes, relapse_soon_after_remission) {
  // Remitted at the endpoint (3); 11 and 12 in the next two months: the episode returned.
  const auto o = iptkit::outcomes(maintained(3, {{30, 11}, {60, 12}, {90, 15}}))[0];
  EXPECT_EQ(o.remission, true);
  EXPECT_EQ(o.relapse_rule_fired, true);
  EXPECT_EQ(o.relapse_date, iptkit::add_days(d("2026-03-23"), 60));
  EXPECT_EQ(o.relapse_kind, iptkit::relapse_kind::relapse);
  EXPECT_EQ(o.relapse_days, 60);
}

TEST(outcomes, no_remission_is_neither_relapse_nor_recurrence) {
  // Never at or below 4 after the baseline: the rule fires on a continuing episode. The run
  // restarts after a score below 10.
  const auto o = iptkit::outcomes(maintained(7, {{30, 11}, {60, 6}, {90, 10}, {120, 13}}))[0];
  EXPECT_EQ(o.remission, false);
  EXPECT_FALSE(o.remission_date);
  EXPECT_EQ(o.relapse_rule_fired, true);
  EXPECT_EQ(o.relapse_date, iptkit::add_days(d("2026-03-23"), 120));
  EXPECT_EQ(o.relapse_kind, iptkit::relapse_kind::no_remission);
}

TEST(outcomes, relapse_rule_that_does_not_fire_is_censored_at_the_last_assessment) {
  const auto quiet = iptkit::outcomes(maintained(3, {{30, 11}, {60, 6}}))[0];
  EXPECT_EQ(quiet.relapse_rule_fired, false);
  EXPECT_FALSE(quiet.relapse_kind);
  EXPECT_EQ(quiet.relapse_days, 60);
  EXPECT_EQ(quiet.relapse_censored, true);
  EXPECT_FALSE(quiet.relapse_reason);
  const auto o = iptkit::outcomes(maintained(3, {}))[0];
  EXPECT_FALSE(o.relapse_rule_fired);
  EXPECT_FALSE(o.relapse_days);
  EXPECT_EQ(o.relapse_reason, not_computed::no_maintenance_assessments);
  EXPECT_EQ(o.remission_date, d("2026-03-23"));  // the course is told without a relapse rule too
}

TEST(outcomes, user_instrument_from_json_is_scored_banded_and_used) {
  auto loaded = iptkit::read_instruments(R"([{"id": "wsas", "name": "Work and Social Adjustment",
    "items": 5, "item_max": 8, "total_max": 40,
    "bands": [{"label": "subclinical", "min": 0, "max": 9}, {"label": "significant", "min": 10, "max": 19},
              {"label": "severe", "min": 20, "max": 40}],
    "caseness": 10, "remission": 9, "reliable_change": 8}])");
  ASSERT_TRUE(loaded);
  iptkit::catalog cat;
  cat.instruments.add_all(*loaded);
  auto c = course(12, {});
  c.assessments = {{.instrument = "wsas", .date = d("2026-01-05"), .items = {5, 5, 4, 6, 4}},
                   {.instrument = "wsas", .date = d("2026-03-23"), .items = {2, 1, 2, 2, 1}}};
  const auto o = iptkit::outcomes(c, {}, cat)[0];
  EXPECT_EQ(o.baseline, 24);  // scored from the items
  EXPECT_EQ(o.endpoint, 8);
  EXPECT_EQ(o.baseline_band, "severe");
  EXPECT_EQ(o.endpoint_band, "subclinical");
  EXPECT_EQ(o.reliable_improvement, true);  // 16 >= 8
  EXPECT_EQ(o.recovery, true);
  // Without registering it, the same case is not computable, and says why.
  EXPECT_EQ(iptkit::outcomes(c)[0].status, not_computed::unknown_instrument);
}

TEST(outcomes, instruments_without_cutoffs_or_with_higher_is_better) {
  // A wellbeing scale (higher is better) with bands only: no caseness, remission or reliable change.
  iptkit::instrument wellbeing{.id = "wellbeing", .name = "Wellbeing", .items = 1, .item_max = 70,
                               .total_max = 70, .bands = {{"low", 0, 40}, {"high", 41, 70}},
                               .direction = iptkit::score_direction::higher_is_better};
  iptkit::catalog cat;
  cat.instruments.add(wellbeing);
  auto c = course(12, {});
  c.assessments = {{.instrument = "wellbeing", .date = d("2026-01-05"), .total = 30},
                   {.instrument = "wellbeing", .date = d("2026-03-23"), .total = 50}};
  const auto o = iptkit::outcomes(c, {}, cat)[0];
  EXPECT_FALSE(o.status);
  EXPECT_EQ(o.change, 20);
  EXPECT_EQ(o.endpoint_band, "high");
  EXPECT_EQ(o.response_reason, not_computed::not_higher_is_worse);
  EXPECT_EQ(o.remission_reason, not_computed::no_remission_cutoff);
  EXPECT_EQ(o.caseness_reason, not_computed::no_caseness_cutoff);
  EXPECT_EQ(o.recovery_reason, not_computed::no_caseness_cutoff);
  EXPECT_EQ(o.reliable_change_reason, not_computed::no_reliable_change_definition);
  // With a points threshold, improvement is a rise on this scale.
  wellbeing.reliable_change = 10;
  wellbeing.caseness = 40;  // a case at or below 40
  cat.instruments.add(wellbeing);
  const auto p = iptkit::outcomes(c, {}, cat)[0];
  EXPECT_EQ(p.reliable_improvement, true);
  EXPECT_EQ(p.baseline_caseness, true);
  EXPECT_EQ(p.endpoint_caseness, false);
  EXPECT_EQ(p.recovery, true);
}

TEST(outcomes, relapse_fields_on_rows_of_other_instruments) {
  auto c = maintained(3, {{30, 11}, {60, 12}});
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-01-05"), .total = 10});
  c.assessments.push_back({.instrument = "gad7", .date = d("2026-03-23"), .total = 5});
  const auto rows = iptkit::outcomes(c);
  EXPECT_EQ(row(rows, "phq9").relapse_rule_fired, true);
  EXPECT_FALSE(row(rows, "gad7").relapse_rule_fired);
  EXPECT_EQ(row(rows, "gad7").relapse_reason, not_computed::other_instrument);
  EXPECT_EQ(row(rows, "phq9+gad7").relapse_reason, not_computed::not_in_paired_definition);
}

TEST(outcomes, threads_give_the_same_rows) {
  std::vector<iptkit::case_record> cases;
  for (int i = 0; i < 301; ++i)
    cases.push_back(course(12, {{0, 10 + i % 15}, {35, 9 + i % 9}, {77, i % 20}}, "C-" + std::to_string(i)));
  const auto one = iptkit::outcomes(cases, {.threads = 1});
  const auto two = iptkit::outcomes(cases, {.threads = 2});
  ASSERT_EQ(one.size(), 301u);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one[300].case_index, 300u);
}

// A synthetic cohort with everything the rows can hold: PHQ-9 and GAD-7 (paired rows),
// maintenance with relapse, an unknown instrument, cases without assessments, a user instrument
// scored by Jacobson-Truax with higher-is-better.
std::vector<iptkit::case_record> mixed_cases(iptkit::catalog& cat) {
  cat = iptkit::catalog{};
  iptkit::instrument better;
  better.id = "better";
  better.name = "Higher is better";
  better.items = 1;
  better.item_max = 10;
  better.total_max = 10;
  better.direction = iptkit::score_direction::higher_is_better;
  better.jacobson_truax = iptkit::jacobson_truax{2, 0.8};
  better.bands = {{"low", 0, 4}, {"high", 5, 10}};
  cat.instruments.add(better);
  iptkit::synth_options o;
  o.cases = 600;
  o.seed = 5;
  o.maintenance_share = 0.8;
  auto cases = iptkit::synthesize(o);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto& c = cases[i];
    if (i % 5 == 0 && !c.assessments.empty() && !c.sessions.empty()) {
      c.assessments.push_back({.instrument = "better", .date = c.contract.start_date, .total = static_cast<int>(i % 6)});
      c.assessments.push_back({.instrument = "better", .date = c.sessions.back().date, .total = static_cast<int>(i % 11)});
    }
    if (i % 7 == 0 && !c.assessments.empty()) c.assessments.front().instrument = "nosuch";
    if (i % 13 == 0) c.assessments.clear();
    if (i % 17 == 0 && c.maintenance && c.maintenance->relapse_rule) c.maintenance->relapse_rule->instrument = "gad7";
  }
  return cases;
}

iptkit::cohort_columns mixed_columns(iptkit::catalog& cat) {
  return iptkit::to_columns(mixed_cases(cat), {}, cat);
}

TEST(outcomes, to_columns_on_threads_gives_the_same_columns) {
  iptkit::catalog cat;
  const auto cases = mixed_cases(cat);
  const auto one = iptkit::to_columns(cases, {}, cat);
  for (unsigned threads : {2u, 3u, 7u}) {
    const auto k = iptkit::to_columns(cases, {.threads = threads}, cat);
    EXPECT_EQ(k.instruments, one.instruments);
    EXPECT_EQ(k.case_id, one.case_id);
    EXPECT_EQ(k.start_day, one.start_day);
    EXPECT_EQ(k.first_attended_day, one.first_attended_day);
    EXPECT_EQ(k.last_acute_day, one.last_acute_day);
    EXPECT_EQ(k.attended, one.attended);
    EXPECT_EQ(k.cancelled, one.cancelled);
    EXPECT_EQ(k.no_show, one.no_show);
    EXPECT_EQ(k.completer, one.completer);
    EXPECT_EQ(k.relapse_instrument, one.relapse_instrument);
    EXPECT_EQ(k.relapse_threshold, one.relapse_threshold);
    EXPECT_EQ(k.relapse_consecutive, one.relapse_consecutive);
    EXPECT_EQ(k.offset, one.offset);
    EXPECT_EQ(k.instrument, one.instrument);
    EXPECT_EQ(k.day, one.day);
    EXPECT_EQ(k.total, one.total);
    EXPECT_EQ(iptkit::outcomes(cases, {.threads = threads}, cat), iptkit::outcomes(cases, {.threads = 1}, cat));
  }
  const auto few = std::span(cases).first(3);
  EXPECT_EQ(iptkit::to_columns(few, {.threads = 8}, cat).offset, iptkit::to_columns(few, {.threads = 1}, cat).offset);
  EXPECT_EQ(iptkit::to_columns({}, {.threads = 4}, cat).offset, std::vector<std::uint32_t>{0});
}

TEST(outcomes, columns_hold_the_rows) {
  iptkit::catalog cat;
  const auto k = mixed_columns(cat);
  const auto rows = iptkit::compute_outcomes(k, {.threads = 1}, cat);
  ASSERT_GT(rows.size(), k.size());
  std::size_t paired = 0, unscored = 0, relapses = 0, rci = 0;
  for (const auto& r : rows) {
    paired += r.instrument == iptkit::paired_instrument;
    unscored += r.instrument.empty();
    relapses += r.relapse_rule_fired.value_or(false);
    rci += r.rci.has_value();
  }
  EXPECT_GT(paired, 0u);
  EXPECT_GT(unscored, 0u);
  EXPECT_GT(relapses, 0u);
  EXPECT_GT(rci, 0u);
  for (unsigned threads : {1u, 2u, 3u}) {
    EXPECT_EQ(iptkit::compute_outcomes(k, {.threads = threads}, cat), rows) << threads;
    const auto columns = iptkit::compute_outcome_columns(k, {.threads = threads}, cat);
    ASSERT_EQ(columns.size(), rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) ASSERT_EQ(columns.row(r, k), rows[r]) << r << " " << threads;
  }
  // The sentinels of an absent value.
  const auto columns = iptkit::compute_outcome_columns(k, {.threads = 2}, cat);
  const auto none = static_cast<std::size_t>(
      std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.instrument.empty(); }) - rows.begin());
  EXPECT_EQ(columns.instrument[none], iptkit::outcome_columns::no_index);
  EXPECT_EQ(columns.status[none], static_cast<std::uint8_t>(not_computed::no_assessments));
  EXPECT_EQ(columns.baseline[none], iptkit::outcome_columns::no_value);
  EXPECT_EQ(columns.baseline_date[none], iptkit::cohort_columns::no_day);
  EXPECT_EQ(columns.response[none], iptkit::outcome_columns::no_flag);
  EXPECT_EQ(columns.relapse_kind[none], iptkit::outcome_columns::no_reason);
  EXPECT_TRUE(std::isnan(columns.percent_change[none]));
  EXPECT_EQ(columns.instruments.back(), iptkit::paired_instrument);
  EXPECT_EQ(iptkit::compute_outcome_columns(iptkit::cohort_columns{}, {.threads = 2}, cat).size(), 0u);
}

// The quantities are declared once (outcome_quantities) and every form is derived from that:
// the row's members, the columns, the CSV of the rows and of the tidy table, the JSON keys.
TEST(outcomes, every_form_has_every_described_quantity_in_order) {
  std::vector<std::string> quantities;
  iptkit::for_each_quantity([&](auto d) { quantities.emplace_back(decltype(d)::name); });
  ASSERT_EQ(quantities.size(), boost::mp11::mp_size<iptkit::meta::members_of<iptkit::outcome_quantities>>::value);
  std::vector<std::string> row = {"case_index", "case_id", "instrument"};
  row.insert(row.end(), quantities.begin(), quantities.end());

  std::vector<std::string> members;
  boost::mp11::mp_for_each<iptkit::meta::members_of<iptkit::case_outcome>>([&](auto d) { members.emplace_back(d.name); });
  EXPECT_EQ(members, row);

  const auto joined = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
  };
  iptkit::catalog cat;
  const auto cases = mixed_cases(cat);
  const auto k = iptkit::to_columns(cases, {}, cat);
  const auto rows = iptkit::compute_outcomes(k, {.threads = 2}, cat);
  const auto csv = iptkit::to_csv<iptkit::case_outcome>(rows);
  EXPECT_EQ(csv.substr(0, csv.find('\r')), joined(row));
  const auto tidy = iptkit::tidy_csv(iptkit::make_tidy_tables(cases, {.dates = true}, cat), "outcomes", true);
  EXPECT_EQ(tidy.substr(0, tidy.find('\r')), joined(row) + ",baseline_day,day,arm,site,adaptation");

  // Each column of outcome_columns holds every row, in the same order as row() reads them.
  const auto columns = iptkit::compute_outcome_columns(k, {.threads = 2}, cat);
  std::size_t seen = 0;
  iptkit::for_each_quantity([&](auto, const auto& column) {
    EXPECT_EQ(column.size(), rows.size());
    ++seen;
  }, columns);
  EXPECT_EQ(seen, quantities.size());
  for (std::size_t r = 0; r < rows.size(); ++r) ASSERT_EQ(columns.row(r, k), rows[r]) << r;

  // Every quantity takes a value other than its default somewhere in the mixed cohort, so the
  // comparisons above see each of them.
  iptkit::for_each_quantity([&](auto d) {
    const bool varies = std::any_of(rows.begin(), rows.end(), [&](const iptkit::case_outcome& r) {
      return r.*decltype(d)::pointer != iptkit::case_outcome{}.*decltype(d)::pointer;
    });
    EXPECT_TRUE(varies) << decltype(d)::name;
  });
}

TEST(statistics, wilson_interval) {
  // 5 of 10: 0.2366 to 0.7634 (Newcombe 1998, Table I style figures).
  const auto p = iptkit::wilson(5, 10);
  EXPECT_NEAR(*p.lower, 0.2365931, 1e-6);
  EXPECT_NEAR(*p.upper, 0.7634069, 1e-6);
  const auto zero = iptkit::wilson(0, 20);
  EXPECT_DOUBLE_EQ(*zero.lower, 0.0);
  EXPECT_NEAR(*zero.upper, 0.1611252, 1e-6);
  EXPECT_FALSE(iptkit::wilson(0, 0).rate);
  for (std::size_t n : {1u, 3u, 7u, 9u, 12u}) {  // exact edges, whatever the rounding
    EXPECT_EQ(*iptkit::wilson(0, n).lower, 0.0) << n;
    EXPECT_EQ(*iptkit::wilson(n, n).upper, 1.0) << n;
  }
}

TEST(statistics, group_figures_by_hand) {
  // Three cases in arm A: baselines 20, 16, 12; endpoints 8, 10, 12 -> changes -12, -6, 0.
  std::vector<iptkit::case_record> cases = {course(12, {{0, 20}, {77, 8}}, "A1"),
                                            course(12, {{0, 16}, {77, 10}}, "A2"),
                                            course(12, {{0, 12}, {77, 12}}, "A3"),
                                            course(12, {{0, 18}, {77, 17}}, "B1")};
  for (int i = 0; i < 3; ++i) cases[i].arm = "A";
  cases[3].arm = "B";
  const auto rows = iptkit::outcomes(cases);
  const auto labels = iptkit::group_labels(cases, iptkit::group_by::arm);
  const auto s = iptkit::summarize(rows, labels, iptkit::group_by::arm);
  ASSERT_EQ(s.groups.size(), 2u);
  const auto& a = s.groups[0];
  EXPECT_EQ(a.group, "A");
  EXPECT_EQ(a.cases, 3u);
  EXPECT_DOUBLE_EQ(*a.change.mean, -6.0);
  EXPECT_DOUBLE_EQ(*a.change.sd, 6.0);  // sqrt((36 + 0 + 36) / 2)
  EXPECT_DOUBLE_EQ(*a.baseline.mean, 16.0);
  EXPECT_EQ(a.response.k, 1u);      // 20 -> 8
  EXPECT_EQ(a.response.n, 3u);
  EXPECT_EQ(a.reliable_improvement.k, 2u);  // -12 and -6
  EXPECT_EQ(a.recovery.n, 3u);      // all three at caseness at baseline
  EXPECT_EQ(a.recovery.k, 1u);      // only 8 < 10
  // d_z = -6 / 6 = -1; J = 1 - 3 / (4 * 2 - 1) = 4/7.
  EXPECT_DOUBLE_EQ(*a.d_z.d, -1.0);
  EXPECT_NEAR(*a.d_z.g, -4.0 / 7.0, 1e-12);
  // d_av = -6 / ((4 + 2) / 2) = -2 (SD of 20,16,12 is 4; of 8,10,12 is 2).
  EXPECT_NEAR(*a.d_av.d, -2.0, 1e-12);
  EXPECT_EQ(s.groups[1].group, "B");
  EXPECT_FALSE(s.groups[1].change.sd);  // one case: no SD
  ASSERT_EQ(s.comparisons.size(), 1u);
  EXPECT_FALSE(s.comparisons[0].hedges_g.g);  // B has one case
  EXPECT_EQ(s.comparisons[0].rates[0].outcome, "response");
  EXPECT_NEAR(*s.comparisons[0].rates[0].difference, 1.0 / 3.0, 1e-12);
}

TEST(statistics, d_av_is_defined_when_every_change_is_the_same) {
  // Baselines 20, 16, 12 and endpoints 9, 5, 1: every change -11, change SD 0 (no d_z), but the
  // baseline and endpoint SDs are 4 each: d_av = -11 / 4.
  std::vector<iptkit::case_record> cases = {course(12, {{0, 20}, {77, 9}}, "C1"),
                                            course(12, {{0, 16}, {77, 5}}, "C2"),
                                            course(12, {{0, 12}, {77, 1}}, "C3")};
  for (auto& c : cases) c.arm = "A";
  const auto s = iptkit::summarize(iptkit::outcomes(cases), iptkit::group_labels(cases, iptkit::group_by::arm),
                                   iptkit::group_by::arm);
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_DOUBLE_EQ(*s.groups[0].change.sd, 0.0);
  EXPECT_FALSE(s.groups[0].d_z.d);
  ASSERT_TRUE(s.groups[0].d_av.d);
  EXPECT_NEAR(*s.groups[0].d_av.d, -11.0 / 4.0, 1e-12);
}

}  // namespace

namespace {
// Relapse and recurrence rates are among rows at risk: remitted after the baseline, and the rule
// applied with its firing told or censored.
TEST(statistics, relapse_and_recurrence_rates_among_rows_that_remitted) {
  using iptkit::relapse_kind;
  const auto row = [](std::size_t i, bool remitted, std::optional<bool> fired, std::optional<relapse_kind> kind) {
    iptkit::case_outcome o;
    o.case_index = i;
    o.case_id = "R-" + std::to_string(i);
    o.instrument = "phq9";
    if (remitted) o.remission_date = d("2026-03-23");
    o.relapse_rule_fired = fired;
    o.relapse_kind = kind;
    return o;
  };
  const std::vector<iptkit::case_outcome> rows = {
      row(0, true, true, relapse_kind::relapse),        // at risk, a relapse
      row(1, true, true, relapse_kind::recurrence),     // at risk, a recurrence
      row(2, true, false, std::nullopt),                // at risk, censored
      row(3, false, true, relapse_kind::no_remission),  // never remitted: not at risk
      row(4, false, false, std::nullopt),               // never remitted, censored: not at risk
      row(5, true, true, std::nullopt),                 // fired, kind not told: left out
      row(6, true, std::nullopt, std::nullopt)};        // no relapse rule
  const std::vector<std::string> labels(rows.size(), "all");
  const auto s = iptkit::summarize(rows, labels, iptkit::group_by::none);
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].relapse.k, 1u);
  EXPECT_EQ(s.groups[0].relapse.n, 3u);
  EXPECT_EQ(s.groups[0].recurrence.k, 1u);
  EXPECT_EQ(s.groups[0].recurrence.n, 3u);
}
}  // namespace
